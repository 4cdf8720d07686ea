"""kg.uses.store: splitting the graph by article, and loading it into Oxigraph (embedded, and a real
`oxigraph serve` over HTTP through the `kg load` command)."""
from __future__ import annotations

import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.graph.rdf import CLAIMS, ENTITIES, article_iri, graph_iri, new_graph
from kg.graph.vocab import KB, KBR, ORG, SCHEMA
from kg.uses import store
from kg.uses.store import (
    SHARED,
    LoadReport,
    StoreError,
    load_endpoint,
    load_local,
    split_by_article,
)

# Two invented articles (names and events made up) that report the same event, so that the built
# graph has an entity and a claim node that belong to both articles.
ARTICLES = {
    "uji_001.txt": """Jakarta, Kabar Uji —
Korea Utara mengirim pasukan ke Rusia, kata Kementerian Pertahanan Korea Selatan.
Juru bicara Kementerian Luar Negeri AS Budi Hartono mengatakan pihaknya terus memantau situasi.
Amerika Serikat mendesak Korea Utara menarik pasukannya dari Rusia.
""",
    "uji_002.txt": """Seoul, Warta Contoh —
Korea Utara mengirim pasukan ke Rusia, menurut laporan intelijen.
Korea Utara membantah laporan yang menyebutkan bahwa mereka mengirimkan pasukan ke Rusia.
Rusia menolak berkomentar.
""",
}

COUNT_DISTINCT = "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }"
PREFIXES = f"""PREFIX kb: <{KB._NS}>
PREFIX rdfs: <{RDFS}>
"""
# (article id, agent label, claim type) of every claim. Every pattern has its own GRAPH block, so
# the answer is the one of the union of the article graphs, whatever graph each triple landed in.
CLAIMS_ANY_GRAPH = PREFIXES + """SELECT DISTINCT ?id ?label ?code WHERE {
  GRAPH ?g1 { ?c kb:typeCode ?code }
  GRAPH ?g2 { ?c kb:agent ?a }
  GRAPH ?g3 { ?c kb:evidence ?e }
  GRAPH ?g4 { ?e kb:inArticle ?art }
  GRAPH ?g5 { ?art kb:articleId ?id }
  GRAPH ?g6 { ?a rdfs:label ?label }
}"""
# The same, with each pattern in the graph it belongs in: an article's graph says which claims it reports
# (kb:evidence) and holds its evidence; the claims and the entities are described once, in their own graphs.
CLAIMS_SAME_GRAPH = PREFIXES + """SELECT DISTINCT ?id ?label ?code WHERE {
  GRAPH ?g { ?c kb:evidence ?e . ?e kb:inArticle ?art . ?art kb:articleId ?id . }
  GRAPH <""" + str(graph_iri(CLAIMS)) + """> { ?c kb:typeCode ?code ; kb:agent ?a }
  GRAPH <""" + str(graph_iri(ENTITIES)) + """> { ?a rdfs:label ?label }
}"""


def run_kg(*args, timeout=120) -> subprocess.CompletedProcess:
    """The `kg` command, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


# --------------------------------------------------------------------------------------------------
# Graphs

def hand_graph(orphan: bool = True) -> Graph:
    """A small graph written by hand with kabar-kg's terms: two articles that both mention Korea
    Utara and report the same deploy claim; uji_002's denial is about an event node only it reaches;
    uji_001 has a membership whose organisation is not mentioned, whose country is reached
    through it; and (with `orphan`) one triple no article reaches."""
    g = new_graph()
    a1, a2 = article_iri("uji_001"), article_iri("uji_002")
    ku, ru, bh = KBR["entity/korea-utara"], KBR["entity/rusia"], KBR["entity/budi-hartono"]
    kemlu, us = KBR["entity/kemlu-as"], KBR["entity/amerika-serikat"]
    outlet, author = KBR["entity/outlet-kabar-uji"], KBR["entity/rina-wati"]
    for art, aid, text in ((a1, "uji_001", "Korea Utara mengirim pasukan ke Rusia."),
                           (a2, "uji_002", "Korea Utara membantah mengirim pasukan ke Rusia.")):
        g.add((art, RDF.type, KB.Article))
        g.add((art, KB.articleId, Literal(aid)))
        g.add((art, KB.text, Literal(text + "\nBaris kedua \"dikutip\".")))
        g.add((art, SCHEMA.mentions, ku))
        g.add((art, SCHEMA.mentions, ru))
    g.add((a1, SCHEMA.mentions, bh))
    g.add((a1, SCHEMA.publisher, outlet))
    g.add((a2, SCHEMA.author, author))
    for e, cls, label in ((ku, KB.Country, "Korea Utara"), (ru, KB.Country, "Rusia"),
                          (bh, KB.Person, "Budi Hartono"), (kemlu, KB.Organization, "Kemlu AS"),
                          (us, KB.Country, "Amerika Serikat"), (outlet, KB.Outlet, "Kabar Uji"),
                          (author, KB.Person, "Rina Wati")):
        g.add((e, RDF.type, cls))
        g.add((e, RDFS.label, Literal(label)))
    g.add((kemlu, KB.country, us))

    def evidence(art, aid, span):
        ev = KBR[f"evidence/{aid}/{span}"]
        g.add((ev, RDF.type, KB.Evidence))
        g.add((ev, KB.inArticle, art))
        g.add((ev, KB.trigger, Literal(f"pemicu {aid} {span}")))
        return ev

    deploy = KBR["claim/deploy-1"]
    g.add((deploy, RDF.type, KB.Deploy))
    g.add((deploy, KB.typeCode, Literal("DEPLOY")))
    g.add((deploy, KB.agent, ku))
    g.add((deploy, KB.target, ru))
    g.add((deploy, KB.quantity, Literal(2000)))
    for art, aid in ((a1, "uji_001"), (a2, "uji_002")):
        g.add((deploy, KB.evidence, evidence(art, aid, "0-40")))
        g.add((deploy, PROV.wasDerivedFrom, art))
    deny, event = KBR["claim/deny-1"], KBR["claim/deploy-2"]
    g.add((deny, RDF.type, KB.Deny))
    g.add((deny, KB.typeCode, Literal("DENY")))
    g.add((deny, KB.agent, ku))
    g.add((deny, KB.about, event))
    g.add((deny, KB.evidence, evidence(a2, "uji_002", "41-90")))
    g.add((event, RDF.type, KB.Deploy))
    g.add((event, KB.typeCode, Literal("DEPLOY")))
    g.add((event, KB.agent, ku))
    member = KBR["membership/budi-hartono/juru-bicara/kemlu-as"]
    g.add((member, RDF.type, KB.Membership))
    g.add((member, ORG.member, bh))
    g.add((member, ORG.organization, kemlu))
    g.add((member, KB.roleLabel, Literal("juru bicara")))
    g.add((member, KB.evidence, evidence(a1, "uji_001", "41-90")))
    if orphan:
        g.add((URIRef("urn:example:orphan"), RDFS.label, Literal("no article reaches me")))
    return g


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    """The graph of the invented articles, built by `kg build`; a hand-built graph if that fails."""
    d = tmp_path_factory.mktemp("store")
    (d / "articles").mkdir()
    for name, text in ARTICLES.items():
        (d / "articles" / name).write_text(text, encoding="utf-8")
    out = d / "g.ttl"
    r = run_kg("build", d / "articles", "-o", out)
    built = r.returncode == 0 and out.is_file()
    if built:
        g = Graph().parse(out, format="turtle")
        built = len(set(g.subjects(RDF.type, KB.Article))) == 2 and any(g.subjects(KB.typeCode, None))
    if not built:
        warnings.warn(f"`kg build` failed (rc={r.returncode}: {r.stderr.strip()[-300:]}); "
                      "testing kg.uses.store on a hand-built graph")
        out.write_bytes(hand_graph(orphan=False).serialize(format="turtle", encoding="utf-8"))
    return out


@pytest.fixture
def graph(graph_file) -> Graph:
    return Graph().parse(graph_file, format="turtle")


def local_answer(g: Graph, query: str) -> set[tuple[str, ...]]:
    """`query` (written with GRAPH blocks) on the local graph, held as one named graph."""
    ds = Dataset()
    target = ds.graph(URIRef("urn:example:local"))
    for t in g:
        target.add(t)
    with warnings.catch_warnings():     # rdflib's SPARQL engine uses its own deprecated Dataset API
        warnings.simplefilter("ignore", DeprecationWarning)
        return {tuple(str(x) for x in row) for row in ds.query(query)}


# --------------------------------------------------------------------------------------------------
# Splitting

def union(parts: dict[str, Graph]) -> set:
    return {t for p in parts.values() for t in p}


def test_store_split_union_is_the_graph(graph):
    parts = split_by_article(graph)
    ids = {str(o) for o in graph.objects(None, KB.articleId)}
    assert set(parts) == ids | {ENTITIES, CLAIMS}          # kabar-kg's own graphs leave nothing unowned
    assert all(len(p) for p in parts.values())
    assert union(parts) == set(graph)
    # no triple in two parts: the claim both articles report is described once, in the claims' part, and
    # each article's part says that it reports it; the entities are described once, apart
    assert sum(len(p) for p in parts.values()) == len(graph)
    both = {s for s in graph.subjects(KB.typeCode, None)
            if all(set(parts[i].triples((s, KB.evidence, None))) for i in ids)}
    assert both and all(next(parts[CLAIMS].triples((s, KB.typeCode, None)), None) for s in both)
    assert any(p == RDFS.label for _, p, _ in parts[ENTITIES])


def test_store_split_hand_graph_rules():
    g = hand_graph()
    parts = split_by_article(g)
    assert set(parts) == {"uji_001", "uji_002", ENTITIES, CLAIMS, SHARED}
    assert union(parts) == set(g)
    p1, p2, rest, ents = set(parts["uji_001"]), set(parts["uji_002"]), set(parts[SHARED]), set(parts[ENTITIES])
    claims = set(parts[CLAIMS])
    a1, a2 = article_iri("uji_001"), article_iri("uji_002")
    ku, deploy, event = KBR["entity/korea-utara"], KBR["claim/deploy-1"], KBR["claim/deploy-2"]
    e1, e2 = KBR["evidence/uji_001/0-40"], KBR["evidence/uji_002/0-40"]
    # a claim both report, and an entity both mention, are described once, in their own parts
    assert (ku, RDFS.label, Literal("Korea Utara")) in ents - p1 - p2
    assert (deploy, KB.quantity, Literal(2000)) in claims - p1 - p2
    # ... but which article reported it goes only to that article
    assert (deploy, KB.evidence, e1) in p1 - p2
    assert (deploy, KB.evidence, e2) in p2 - p1
    assert (deploy, PROV.wasDerivedFrom, a1) in p1 - p2
    # article and evidence nodes belong to their own article only
    assert {t for t in g.triples((a1, None, None))} <= p1 - p2
    assert {t for t in g.triples((e2, None, None))} <= p2 - p1
    # the event a claim is about; publisher and author
    assert (event, KB.agent, ku) in claims - p1 - p2
    assert (a1, SCHEMA.publisher, KBR["entity/outlet-kabar-uji"]) in p1 - p2
    assert (KBR["entity/outlet-kabar-uji"], RDFS.label, Literal("Kabar Uji")) in ents
    assert (KBR["entity/rina-wati"], RDFS.label, Literal("Rina Wati")) in ents
    # the membership, its organisation (not mentioned) and the organisation's country
    member = KBR["membership/budi-hartono/juru-bicara/kemlu-as"]
    assert (member, KB.roleLabel, Literal("juru bicara")) in claims - p1 - p2
    assert (member, KB.evidence, KBR["evidence/uji_001/41-90"]) in p1 - p2
    assert (KBR["entity/amerika-serikat"], RDFS.label, Literal("Amerika Serikat")) in ents
    # nothing reaches the orphan: it is kept, under SHARED
    assert rest == {(URIRef("urn:example:orphan"), RDFS.label, Literal("no article reaches me"))}


# --------------------------------------------------------------------------------------------------
# A real Oxigraph server

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_exe() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.is_file() else shutil.which("oxigraph")


def sparql(url: str, query: str) -> dict:
    req = urllib.request.Request(f"{url}/query", data=query.encode("utf-8"), method="POST", headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def server_count(url: str) -> int:
    return int(sparql(url, COUNT_DISTINCT)["results"]["bindings"][0]["n"]["value"])


def server_answer(url: str, query: str) -> set[tuple[str, ...]]:
    res = sparql(url, query)
    names = res["head"]["vars"]
    return {tuple(b[v]["value"] for v in names) for b in res["results"]["bindings"]}


def server_graphs(url: str) -> set[str]:
    res = sparql(url, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }")
    return {b["g"]["value"] for b in res["results"]["bindings"]}


@pytest.fixture
def oxigraph_server(request, tmp_path) -> str:
    """`oxigraph serve` on a free port and a fresh folder; its base URL. Always stopped."""
    exe = oxigraph_exe()
    if not exe:
        pytest.skip("the `oxigraph` server command is not installed (pip install oxigraph)")
    port = free_port()
    log = (tmp_path / "oxigraph.log").open("wb")
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=log, stderr=subprocess.STDOUT)

    def stop():
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()
    request.addfinalizer(stop)

    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        if proc.poll() is not None:
            pytest.fail(f"oxigraph serve exited with {proc.returncode}: "
                        f"{(tmp_path / 'oxigraph.log').read_text(errors='replace')[-500:]}")
        try:
            server_count(url)
            return url
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                pytest.fail(f"oxigraph serve did not answer at {url} within 20 s")
            time.sleep(0.05)


def test_store_server_cli_load_matches_local_graph(oxigraph_server, graph_file, graph):
    url = oxigraph_server
    assert server_count(url) == 0
    r = run_kg("load", "--graph", graph_file, "--endpoint", url)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("loaded 2 articles, ") and f"{url}/store" in r.stdout, r.stdout
    # (1) every triple once, in one named graph per article
    assert server_count(url) == len(graph)
    ids = {str(o) for o in graph.objects(None, KB.articleId)}
    assert server_graphs(url) == {str(graph_iri(i)) for i in ids | {ENTITIES, CLAIMS}}
    # (2) a query gives the server the same answer as the local graph
    want = local_answer(graph, CLAIMS_ANY_GRAPH)
    assert len({row[0] for row in want}) == 2, want     # claims of both articles, or it proves little
    assert server_answer(url, CLAIMS_ANY_GRAPH) == want
    assert server_answer(url, CLAIMS_SAME_GRAPH) == want
    # (3) loading again changes nothing
    r = run_kg("load", "--graph", graph_file, "--endpoint", url + "/store")
    assert r.returncode == 0, r.stderr
    assert server_count(url) == len(graph)
    assert server_answer(url, CLAIMS_ANY_GRAPH) == want


def test_store_server_reload_replaces_article_graph(oxigraph_server, graph):
    """Loading a changed article replaces its triples: a server that only added them would keep
    the removed ones (loading the same triples twice cannot show that: RDF graphs are sets)."""
    url = oxigraph_server
    load_endpoint(graph, url)
    assert server_count(url) == len(graph)
    changed = Graph()
    for t in graph:
        changed.add(t)
    art = next(graph.subjects(RDF.type, KB.Article))
    gone = (art, KB.text, next(graph.objects(art, KB.text)))
    changed.remove(gone)
    changed.add((art, KB.text, Literal("teks baru")))
    report = load_endpoint(changed, url)
    assert server_count(url) == len(changed)
    s, p, o = gone
    ask = f"ASK {{ GRAPH ?g {{ {s.n3()} {p.n3()} {o.n3()} }} }}"
    assert sparql(url, ask)["boolean"] is False
    assert report.articles == sorted(set(split_by_article(changed)) - {ENTITIES, CLAIMS})
    assert report.triples == sum(len(x) for x in split_by_article(changed).values())


# --------------------------------------------------------------------------------------------------
# Servers that are down, slow, or answer errors

def test_store_server_down_fails_after_retries(graph, monkeypatch):
    port = free_port()          # nothing listens there
    sleeps = []
    monkeypatch.setattr(store.time, "sleep", lambda s: sleeps.append(s))
    t0 = time.perf_counter()
    with pytest.raises(StoreError) as err:
        load_endpoint(graph, f"http://127.0.0.1:{port}", retries=3, backoff=0.01, timeout=2)
    assert time.perf_counter() - t0 < 5
    assert sleeps == [0.01, 0.02, 0.04]              # exponential backoff, then give up
    msg = str(err.value)
    assert f"http://127.0.0.1:{port}/store" in msg and "4 attempts" in msg and "\n" not in msg
    assert err.value.loaded == []


def test_store_server_that_never_answers_times_out(graph):
    with socket.socket() as s:                      # accepts connections (backlog), never answers
        s.bind(("127.0.0.1", 0))
        s.listen(8)
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
        errors = []

        def load():
            try:
                load_endpoint(graph, url, retries=1, backoff=0.01, timeout=0.2)
            except Exception as e:
                errors.append(e)
        t = threading.Thread(target=load, daemon=True)   # a load that ignored the timeout would hang
        t.start()
        t.join(10)
        assert not t.is_alive(), "load_endpoint did not time out"
    assert len(errors) == 1 and isinstance(errors[0], StoreError), errors
    assert "no answer within 0.2 s after 2 attempts" in str(errors[0])


class FakeGSP(http.server.BaseHTTPRequestHandler):
    """Accepts the first `ok` PUTs and POSTs, then answers `status`; records what it was sent."""
    ok = 1
    status = 503
    seen: list

    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.seen.append((self.command, self.path, self.headers.get("Authorization"), self.headers.get("Content-Type"),
                          body))
        code = 204 if len(self.seen) <= self.ok else self.status
        self.send_response(code)
        self.send_header("Content-Length", "0" if code == 204 else "7")
        self.end_headers()
        if code != 204:
            self.wfile.write(b"nope :(")

    do_POST = do_PUT

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_gsp(request):
    FakeGSP.seen = []
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeGSP)
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def stop():
        srv.shutdown()
        srv.server_close()
        FakeGSP.ok, FakeGSP.status = 1, 503
    request.addfinalizer(stop)
    return f"http://127.0.0.1:{srv.server_address[1]}"


def test_store_server_error_reports_loaded_articles(fake_gsp, graph):
    FakeGSP.ok, FakeGSP.status = 3, 503
    with pytest.raises(StoreError) as err:
        load_endpoint(graph, fake_gsp + "/ds/data", user="kb", password="rahasia", retries=2, backoff=0.01)
    parts = split_by_article(graph)
    first, second = sorted(set(parts) - {ENTITIES, CLAIMS})
    assert err.value.loaded == [first]
    msg = str(err.value)
    assert msg.startswith(f"{fake_gsp}/ds/data: HTTP 503") and "after 3 attempts" in msg and f"article {second}" in msg
    assert len(FakeGSP.seen) == 3 + 3       # the entities, the claims and one article accepted, then 3 tries of the next
    for (method, path, auth, ctype, body), name in zip(FakeGSP.seen, [ENTITIES, CLAIMS, first]):
        assert method == ("PUT" if name == first else "POST")      # the entities' and claims' graphs are added to
        assert path == "/ds/data?graph=" + urllib.parse.quote(str(graph_iri(name)), safe="")
        assert auth == "Basic a2I6cmFoYXNpYQ=="     # kb:rahasia
        assert ctype.startswith("text/turtle")
        assert set(Graph().parse(data=body.decode("utf-8"), format="turtle")) == set(parts[name])


def test_store_server_client_error_is_not_retried(fake_gsp, graph):
    FakeGSP.ok, FakeGSP.status = 0, 400
    with pytest.raises(StoreError, match=r"HTTP 400 .*nope") as err:
        load_endpoint(graph, fake_gsp, retries=3, backoff=0.01)
    assert len(FakeGSP.seen) == 1 and err.value.loaded == []


# --------------------------------------------------------------------------------------------------
# Embedded store

def local_count(path: Path) -> tuple[int, int]:
    s = ox.Store(str(path))
    try:
        n = int(next(iter(s.query(COUNT_DISTINCT)))[0].value)
        return n, len(list(s.named_graphs()))
    finally:
        del s


def test_store_local_load_twice_same_count(tmp_path, graph_file, graph):
    db = tmp_path / "db"
    r = run_kg("load", "--graph", graph_file, "--store", db)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("loaded 2 articles, ") and str(db) in r.stdout, r.stdout
    assert local_count(db) == (len(graph), 4)       # two articles, the entities and the claims
    report = load_local(graph, db)                   # the second time replaces
    assert local_count(db) == (len(graph), 4)
    assert report.articles == sorted(set(split_by_article(graph)) - {ENTITIES, CLAIMS})
    s = ox.Store(str(db))
    try:
        answer = {tuple(x.value for x in row) for row in s.query(CLAIMS_SAME_GRAPH)}
    finally:
        del s
    assert answer == local_answer(graph, CLAIMS_ANY_GRAPH)


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_store_local_dataset_file_bulk_loaded_then_replaced(tmp_path, graph_file, graph, fmt):
    """A TriG or N-Quads file from `kg build` fills an empty store as it is written (one named graph per
    article), and loading it again replaces those graphs: the store is the same."""
    articles = graph_file.parent / "articles"
    data = tmp_path / ("g.nq" if fmt == "nquads" else "g.trig")
    assert run_kg("build", articles, "-o", data, "--format", fmt).returncode == 0
    written = {str(q) for q in ox.parse(path=str(data))}
    db = tmp_path / "db"

    def quads() -> set[str]:
        s = ox.Store(str(db))
        try:
            return {str(q) for q in s}
        finally:
            del s

    first = load_local(data, db)
    assert first.articles == ["uji_001", "uji_002"] and first.triples == len(written)
    stored = quads()              # (Oxigraph stores xsd:nonNegativeInteger values as xsd:integer)
    assert len(stored) == len(written)
    assert local_count(db)[0] == len(graph)          # the union of the graphs is the graph
    again = load_local(data, db)                      # not empty now: graph by graph, replacing
    assert again.articles == ["uji_001", "uji_002"] and quads() == stored


def test_store_local_bad_dataset_file_leaves_store_empty(tmp_path):
    bad = tmp_path / "bad.nq"
    bad.write_text('<urn:a> <urn:b> "c" <urn:g> .\n<urn:a> <urn:b> broken\n', encoding="utf-8")
    with pytest.raises(StoreError, match="bad.nq: not valid N-Quads"):
        load_local(bad, tmp_path / "db")
    s = ox.Store(str(tmp_path / "db"))
    try:
        assert len(s) == 0
    finally:
        del s


def test_store_local_reload_replaces_article_graph(tmp_path):
    g = hand_graph()
    db = tmp_path / "db"
    load_local(g, db)
    assert local_count(db) == (len(g), 5)
    g.remove((KBR["claim/deploy-1"], KB.quantity, None))      # a claim both articles report
    load_local(g, db)
    assert local_count(db) == (len(g), 5)
    g.remove((KBR["claim/deny-1"], None, None))                # a claim uji_002 no longer makes
    load_local(g, db)
    assert local_count(db) == (len(g), 5)
    s = ox.Store(str(db))
    try:
        assert not list(s.quads_for_pattern(ox.NamedNode(str(KBR["claim/deny-1"])), None, None, None))
    finally:
        del s


def test_store_local_store_in_use_raises_store_error(tmp_path):
    db = tmp_path / "db"
    held = ox.Store(str(db))                         # RocksDB allows one writer per folder
    try:
        with pytest.raises(StoreError, match="the store is in use by another process"):
            load_local(hand_graph(), db)
    finally:
        del held


# --------------------------------------------------------------------------------------------------
# Small parts

@pytest.mark.parametrize("given, want", [
    ("http://127.0.0.1:7878", "http://127.0.0.1:7878/store"),
    ("http://127.0.0.1:7878/", "http://127.0.0.1:7878/store"),
    ("http://127.0.0.1:7878/store", "http://127.0.0.1:7878/store"),
    ("http://h:3030/berita/data", "http://h:3030/berita/data"),
    ("http://h:7200/repositories/kabar/rdf-graphs/service", "http://h:7200/repositories/kabar/rdf-graphs/service"),
    ("http://h:7200/repositories/kabar", "http://h:7200/repositories/kabar/rdf-graphs/service"),
    ("http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql-graph-crud-auth"),
])
def test_store_gsp_url_forms(given, want):
    assert store.gsp_url(given) == want


def test_store_graph_url_quotes_iri():
    iri = str(graph_iri("a b/c"))
    assert store.graph_url("http://h/store", iri) == "http://h/store?graph=" + urllib.parse.quote(iri, safe="")
    assert store.graph_url("http://h:8890/sparql-graph-crud-auth", "urn:x").endswith("?graph-uri=urn%3Ax")
    with pytest.raises(StoreError, match="not an http"):
        store.gsp_url("localhost:7878")


def test_store_report_is_one_line():
    r = LoadReport("http://127.0.0.1:7878/store", ["a", "b"], 1234, 0.42)
    assert str(r) == "loaded 2 articles, 1234 triples into http://127.0.0.1:7878/store in 0.4 s"
    assert str(LoadReport("db", ["a"], 1, 0.0)) == "loaded 1 article, 1 triple into db in 0.0 s"


def test_store_cli_load_timeout_says_what_it_waits_for(graph_file):
    with socket.socket() as s:                      # accepts connections (backlog), never answers
        s.bind(("127.0.0.1", 0))
        s.listen(8)
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
        t0 = time.perf_counter()
        r = run_kg("load", "--graph", graph_file, "--endpoint", url, "--timeout", "0.3", timeout=60)
        took = time.perf_counter() - t0
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 2 and took < 30, r.stderr
    assert f"{url}/store" in lines[0] and "waiting up to 0.3 s" in lines[0]      # said before it waits
    assert any("trying again" in x for x in lines[1:-1])
    assert "no answer within 0.3 s" in lines[-1] and "loaded before the failure: 0 of 2" in lines[-1]
    assert "Traceback" not in r.stderr
