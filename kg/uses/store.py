"""Load the graph into a triple store, one named graph per article.

Every article gets its own named graph (``rdf.graph_iri(article id)``) holding the triples that belong
to it, so that reloading an article replaces its triples instead of adding to them:

* ``load_local`` writes into an embedded, on-disk Oxigraph store (a folder, via pyoxigraph);
* ``load_endpoint`` PUTs each article's graph to any SPARQL 1.1 server that speaks the Graph Store
  HTTP Protocol (Oxigraph, Fuseki, GraphDB, Virtuoso, ...), using only the standard library.

The entities' descriptions (labels, aliases, types, country) are in one more graph,
``rdf.graph_iri(rdf.ENTITIES)``, which loads add to (POST) and never replace: an entity that
thousands of articles mention is described once, not in each of their graphs. The claims, the events
they are about and the memberships are described once too, in ``rdf.graph_iri(rdf.CLAIMS)``; an
article's graph holds only the edges saying that it reports them (``rdf.PROVENANCE``). So no triple is
in two graphs, and the store's union default graph, which Oxigraph does not deduplicate (a triple in 40
graphs comes out 40 times, and a join of four such patterns 40^4 times), gives every triple once.
Blank nodes are not shared between articles' graphs (each graph is sent on its own); kabar-kg writes none.
"""
from __future__ import annotations

import base64
import http.client
import shutil
import sqlite3
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.graph import read
from kg.uses import answers
from kg.graph.rdf import CLAIMS, ENTITIES, PROVENANCE, graph_iri, home_graph, new_graph
from kg.graph.vocab import KB

SHARED = "_shared"
"""Key (and article id of the named graph) for triples no article reaches; kabar-kg itself writes none."""

# Edges that say *which article* reported a node: they go only to the graph of the article they point
# to, so that reloading article B never leaves B's provenance behind in article A's graph.
_N = ox.NamedNode
_PROVENANCE = frozenset(_N(p) for p in PROVENANCE)
_SOURCE_ID = _N(KB.sourceId)
_COMMON = (ENTITIES, CLAIMS)        # graphs loads add to, not replace
_ARTICLE = _N(KB.Article)
_ROLE = {_N(RDF.type): "type", _N(KB.articleId): "id", _N(KB.inArticle): "in", _N(KB.evidence): "ev",
         _N(PROV.wasDerivedFrom): "from"}
_GRAPH_PREFIX = str(graph_iri("x"))[:-1]


class StoreError(Exception):
    """Loading failed; ``loaded`` lists the articles whose graphs were written before the failure."""

    def __init__(self, message: str, loaded: list[str] | None = None):
        super().__init__(message)
        self.loaded: list[str] = list(loaded or [])


@dataclass
class LoadReport:
    target: str                 # the store folder or the Graph Store URL
    articles: list[str]         # article ids whose named graphs were replaced, in load order
    triples: int                # triples written, a triple shared by two articles counted in each
    seconds: float

    def __str__(self) -> str:
        n, t = len(self.articles), self.triples
        return (f"loaded {n} article{'' if n == 1 else 's'}, {t} triple{'' if t == 1 else 's'} "
                f"into {self.target} in {self.seconds:.1f} s")


# --------------------------------------------------------------------------------------------------
# Splitting the graph by article

def _assign(triples: list[tuple]) -> dict[str, list[tuple]]:
    """Article id -> the triples (of Oxigraph terms) that belong to it (a triple may belong to several articles)."""
    edges: dict[object, list[tuple]] = defaultdict(list)
    arts, ids, in_article, ev_of, derived = set(), defaultdict(list), [], [], []
    role = _ROLE.get
    for t in triples:
        s, p, o = t
        edges[s].append((p, o))
        r = role(p)
        if r is None:
            continue
        if r == "type":
            if o == _ARTICLE:
                arts.add(s)
        elif r == "id":
            ids[s].append(o.value)
        elif r == "in":
            in_article.append((s, o))
        elif r == "ev":
            ev_of.append((s, o))
        else:
            derived.append((s, o))
    articles = {a: min(ids[a]) if ids.get(a) else urllib.parse.unquote(a.value.rstrip("/").rsplit("/", 1)[-1])
                for a in arts}

    owners: dict[object, set[str]] = defaultdict(set)
    for a, aid in articles.items():
        owners[a].add(aid)
    # evidence nodes: kb:inArticle <article>
    evidence = set()
    for e, a in in_article:
        evidence.add(e)
        if a in articles:
            owners[e].add(articles[a])
    # claims and memberships: kb:evidence -> an evidence node of the article (prov:wasDerivedFrom too)
    for x, e in ev_of:
        if e in owners:
            owners[x] |= owners[e]
    for x, a in derived:
        if a in articles:
            owners[x].add(articles[a])
    # what owned nodes point to: mentioned/published/authored entities, the events claims are about,
    # the agents, targets and places of both, an entity's country, blank nodes ... A node reached from
    # two articles belongs to both. Articles and evidence nodes are never reached this way: they
    # belong to their own article only.
    stop = set(articles) | evidence
    todo = [n for n, o in owners.items() if o]
    while todo:
        n = todo.pop()
        mine = owners[n]
        for p, o in edges.get(n, ()):
            if o in stop or isinstance(o, ox.Literal) or p in _PROVENANCE:
                continue
            have = owners.get(o)
            if have is None:
                owners[o] = set(mine)
                todo.append(o)
            elif not mine <= have:
                have |= mine
                todo.append(o)

    parts: dict[str, list[tuple]] = {aid: [] for aid in sorted(set(articles.values()))}
    shared, known = (SHARED,), set(articles.values())
    for t in triples:
        s, p, o = t
        target = None
        if p == _SOURCE_ID:
            target = (o.value,) if isinstance(o, ox.Literal) and o.value in known else None
        elif p in _PROVENANCE:
            target = owners.get(o)
        if target is None and isinstance(s, ox.NamedNode):
            home = home_graph(s.value, p.value)
            target = (home,) if home else None
        for aid in target or owners.get(s) or shared:
            parts.setdefault(aid, []).append(t)
    return parts


def split_by_article(graph: Graph | str | Path) -> dict[str, Graph]:
    """Article id -> the triples that belong to that article.

    What belongs to an article: the article node's triples; its evidence nodes (``kb:inArticle``);
    the claims and memberships whose ``kb:evidence`` points to one of them; the entities it
    ``schema:mentions`` (and its ``schema:publisher`` and ``schema:author``); the events its claims
    are ``kb:about``; and, transitively, the nodes those point to (agents, targets, places, an
    entity's ``kb:country``, blank nodes). A node two articles reach belongs to both, except that an
    edge saying which article reported a node (``rdf.PROVENANCE``: ``kb:evidence``,
    ``prov:wasDerivedFrom``, ``kb:sourceId``) goes only to the article it names. The own triples of
    entities go under the key ``rdf.ENTITIES`` instead, and those of claims, events and memberships
    under ``rdf.CLAIMS``, once for all articles (``rdf.home_graph``). Triples no article reaches (none in
    kabar-kg's own graphs) go under the key ``SHARED``, so the union of the parts is always the input graph.
    """
    out = {}
    for aid, triples in _parts(graph).items():
        g = new_graph()
        for t in triples:
            g.add(tuple(read.to_rdflib(x) for x in t))
        out[aid] = g
    return out


# --------------------------------------------------------------------------------------------------
# rdflib terms -> Oxigraph terms; graph files read by Oxigraph's parser

class _Terms:
    """Converts rdflib terms to pyoxigraph terms, once per distinct term."""

    def __init__(self):
        self.cache: dict = {}

    def __call__(self, t):
        r = self.cache.get(t)
        if r is None:
            try:
                if isinstance(t, URIRef):
                    r = ox.NamedNode(str(t))
                elif isinstance(t, BNode):
                    r = ox.BlankNode(str(t))
                elif isinstance(t, Literal):
                    if t.language:
                        r = ox.Literal(str(t), language=t.language)
                    elif t.datatype:
                        r = ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
                    else:
                        r = ox.Literal(str(t))
                else:
                    raise ValueError("unsupported term type")
            except ValueError as e:
                raise StoreError(f"cannot store the term {t!r} ({type(t).__name__}): {e}") from None
            self.cache[t] = r
        return r


def _ntriples(triples) -> bytes:
    return ox.serialize([ox.Triple(*t) for t in triples], format=ox.RdfFormat.N_TRIPLES)


def _parts(graph: Graph | str | Path) -> dict[str, list[tuple]]:
    """Article id -> its triples as Oxigraph terms, from an rdflib Graph or a graph file.

    A file is read by the shared reader (`kg.graph.read`, any format `kg build` writes). In a TriG,
    N-Quads or JSON-LD file written by `kg build`, each article's named graph is taken as it is;
    triples outside those graphs are split by `_assign`."""
    if isinstance(graph, Graph):
        terms = _Terms()        # every term converted first: a bad one fails before any write
        return _assign([(terms(s), terms(p), terms(o)) for s, p, o in graph])
    try:
        quads = list(read.quads(graph))
    except read.GraphFileError as e:
        raise StoreError(str(e)) from None
    named: dict[str, list[tuple]] = defaultdict(list)
    rest = []
    for q in quads:
        g = q.graph_name
        if isinstance(g, ox.NamedNode) and g.value.startswith(_GRAPH_PREFIX):
            named[urllib.parse.unquote(g.value[len(_GRAPH_PREFIX):])].append((q.subject, q.predicate, q.object))
        else:
            rest.append((q.subject, q.predicate, q.object))
    del quads
    parts = _assign(rest) if rest else {}
    for aid, triples in named.items():
        parts.setdefault(aid, []).extend(triples)
    return {aid: parts[aid] for aid in sorted(parts)}


def _names(ids: list[str], limit: int = 5) -> str:
    if not ids:
        return "none"
    more = f" (+{len(ids) - limit} more)" if len(ids) > limit else ""
    return ", ".join(ids[:limit]) + more


# --------------------------------------------------------------------------------------------------
# Embedded Oxigraph store

def load_local(graph: Graph | str | Path, store_dir: str | Path) -> LoadReport:
    """Replace each article's named graph in the embedded Oxigraph store at `store_dir`.

    An article whose graph is already in the store is replaced by one SPARQL update (``DROP SILENT
    GRAPH``, then ``INSERT DATA``), which Oxigraph applies as one transaction, so a crash never
    leaves it half-replaced; such articles go in batches of about 2,000 triples per transaction
    (bigger transactions are slower per triple). Articles new to the store have nothing to clear and
    are bulk-loaded (``Store.bulk_extend``: about 3 times faster, not transactional; a load
    interrupted there leaves those graphs partial, and the next load replaces them). Loading the
    same articles twice gives the same store; graphs of articles not in `graph` are left alone.
    A TriG or N-Quads file (``kg build --format nquads``) going into an empty store is handed whole
    to Oxigraph's bulk loader, its graphs being split already: the fastest way to fill a store (the
    answer tables are computed from the same file meanwhile, in a child process: `answers.Beside`).
    The folder is created if needed; no other process (an ``oxigraph serve`` on the same folder,
    say) may have it open. Raises StoreError, with the articles already written in ``.loaded``.
    """
    t0 = time.perf_counter()
    target = str(store_dir)
    try:
        dataset = not isinstance(graph, Graph) and read.format_of(read.check_file(graph)) in read.DATASETS
    except read.GraphFileError as e:
        raise StoreError(str(e)) from None
    parts = None if dataset else _parts(graph)      # a file that cannot be read fails before the store is touched
    created = not Path(store_dir).exists()
    tables = None
    if dataset:
        # the answer tables of a dataset file, for an empty store, computed from the file in a child process
        # while Oxigraph loads it; started before the store is opened, so that the child shares none of its
        # threads (stopped if the store turns out to hold articles)
        try:
            Path(store_dir).mkdir(parents=True, exist_ok=True)
        except OSError:
            pass                # open_store says what is wrong
        else:
            tables = answers.Beside(graph, read.OXIGRAPH[read.format_of(Path(graph))], store_dir)
    try:
        store = open_store(store_dir)
    except BaseException:
        if tables is not None:
            tables.cancel()
        if created:
            shutil.rmtree(store_dir, ignore_errors=True)
        raise
    answers.remove(store_dir)       # no answer table outlives the triples it was computed from
    try:
        empty = next(store.quads_for_pattern(None, None, None, None), None) is None
        if dataset and empty:
            done = _bulk_dataset(store, Path(graph))
            if done is not None:
                quads = len(store)      # (counted while the child may still be at the tables)
                try:
                    if tables is not None:
                        tables.finish()
                    else:
                        answers.write(ox.parse(path=str(graph), format=read.OXIGRAPH[read.format_of(Path(graph))]),
                                      store_dir)
                except (answers.Failed, OSError, SyntaxError, ValueError, sqlite3.Error) as e:
                    if not created:
                        store.clear()       # as it was: empty
                    raise StoreError(f"{target}: loading failed: the answer tables could not be computed "
                                     f"({_oneline(e)}); nothing was loaded") from None
                return LoadReport(target, done, quads, time.perf_counter() - t0)
        if tables is not None:
            tables.cancel()     # the store holds articles (the tables are read from it), or the file must be split
            tables = None
        if parts is None:
            parts = _parts(graph)
    except BaseException:
        if tables is not None:
            tables.cancel()
        del store
        if created:
            shutil.rmtree(store_dir, ignore_errors=True)     # no empty store left by a load that failed
        raise
    common = {name: parts.pop(name, []) for name in _COMMON}
    loaded: list[str] = []
    n = 0
    try:
        names = {aid: ox.NamedNode(str(graph_iri(aid))) for aid in parts}
        present = {aid for aid in parts if store.contains_named_graph(names[aid])}
        old = [aid for aid in parts if aid in present]
        new = [aid for aid in parts if aid not in present]
        if old:
            _forget_reported(store, [names[aid] for aid in old])
        for name, triples in common.items():     # added to, not replaced; a triple already there stays once
            quads = (ox.Quad(*t, ox.NamedNode(str(graph_iri(name)))) for t in triples)
            if old:
                store.extend(quads)
            else:
                store.bulk_extend(quads)
            n += len(triples)
        batch: list[str] = []
        size = 0
        for aid in old:
            batch.append(aid)
            size += len(parts[aid])
            if size >= _BATCH or aid == old[-1]:
                n += _replace_local(store, [(a, names[a], parts[a]) for a in batch])
                loaded += batch
                batch, size = [], 0
        if new:
            store.bulk_extend(ox.Quad(*t, names[aid]) for aid in new for t in parts[aid])
            n += sum(len(parts[aid]) for aid in new)
            loaded += new
        store.flush()
        if empty:       # what was loaded is the whole store
            answers.write((t for triples in (*common.values(), *parts.values()) for t in triples), store_dir)
        else:
            answers.write(_stored(store), store_dir)
    except (OSError, SyntaxError, ValueError) as e:
        raise StoreError(f"{target}: loading failed ({_oneline(e)}); loaded before the failure: "
                         f"{len(loaded)} of {len(parts)} articles ({_names(loaded)})", loaded) from None
    finally:
        del store   # releases the RocksDB lock so the folder can be opened again
    return LoadReport(target, loaded, n, time.perf_counter() - t0)


def _stored(store: ox.Store):
    """The store's triples that the answer tables read (the union of its graphs), by predicate."""
    for p in answers.PREDICATES:
        for q in store.quads_for_pattern(None, ox.NamedNode(p), None, None):
            yield q.subject, q.predicate, q.object


def open_store(store_dir: str | Path) -> ox.Store:
    """The embedded store at `store_dir` opened for writing (created if needed); StoreError when another
    process (a `kg serve`, another `kg load`) holds it."""
    try:
        return ox.Store(str(store_dir))
    except OSError as e:
        if "lock" in str(e).lower():
            raise StoreError(f"{store_dir}: the store is in use by another process (a `kg serve` or `kg load` "
                             "on it); stop that process first (`kg query --store` can read it meanwhile)") from None
        raise StoreError(f"{store_dir}: cannot open the Oxigraph store ({_oneline(e)})") from None


def _bulk_dataset(store: ox.Store, path: Path) -> list[str] | None:
    """Bulk-load a dataset file of article graphs into the empty `store`; the article ids, or None (and the
    store emptied again) when the file has triples outside article graphs, which must be split first."""
    fmt = read.format_of(path)
    try:
        store.bulk_load(path=str(path), format=read.OXIGRAPH[fmt])
    except (SyntaxError, ValueError, OSError, UnicodeError) as e:
        store.clear()
        raise StoreError(str(read.unreadable(path, fmt, e))) from None
    if next(store.quads_for_pattern(None, None, None, None), None) is None:     # not len(): that counts them all
        raise StoreError(str(read.empty(path)))
    names = [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
    if any(True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph())) \
            or any(not n.startswith(_GRAPH_PREFIX) for n in names):
        store.clear()
        return None
    return sorted(aid for aid in (urllib.parse.unquote(n[len(_GRAPH_PREFIX):]) for n in names) if aid not in _COMMON)


def _forget_reported(store: ox.Store, graphs: list[ox.NamedNode]) -> None:
    """Before the article `graphs` are replaced: drop from the CLAIMS graph the description of every node that
    only they report (by a PROVENANCE edge), so a claim an article no longer makes leaves nothing behind and one
    it makes again is described as it is now. A node another article reports keeps its description."""
    replaced = set(graphs)
    nodes = {q.subject for g in graphs for p in _PROVENANCE for q in store.quads_for_pattern(None, p, None, g)}
    claims = ox.NamedNode(str(graph_iri(CLAIMS)))
    gone = [(q.subject, q.predicate, q.object) for node in nodes
            if all(q.graph_name in replaced for p in _PROVENANCE for q in store.quads_for_pattern(node, p, None, None))
            for q in store.quads_for_pattern(node, None, None, claims)]
    if gone:
        store.update(f"DELETE DATA {{ GRAPH {claims} {{\n{_ntriples(gone).decode('utf-8')}}} }}")


_BATCH = 2_000   # triples per replacing transaction: big transactions get slower per triple


def _replace_local(store: ox.Store, batch: list[tuple]) -> int:
    """Drop and refill the named graphs of `batch` in one SPARQL update (one transaction)."""
    ops, data, n = [], [], 0
    for aid, name, triples in batch:
        ops.append(f"DROP SILENT GRAPH {name}")
        data.append(f"GRAPH {name} {{\n")
        data.append(_ntriples(triples).decode("utf-8"))
        data.append("}\n")
        n += len(triples)
    store.update(" ;\n".join(ops) + " ;\nINSERT DATA {\n" + "".join(data) + "}")
    return n


def _oneline(e: BaseException) -> str:
    return " ".join(str(e).split())[:300] or e.__class__.__name__


# --------------------------------------------------------------------------------------------------
# SPARQL 1.1 server, Graph Store HTTP Protocol

def gsp_url(endpoint: str) -> str:
    """The Graph Store Protocol URL of a server, from its base URL or its GSP URL.

    Accepted forms (a trailing slash is ignored):

    * Oxigraph, base URL: ``http://127.0.0.1:7878`` -> ``http://127.0.0.1:7878/store``
      (any URL not matched below is taken as a base URL and gets ``/store``);
    * a URL already ending in ``/store`` (Oxigraph) or ``/data`` (Fuseki:
      ``http://host:3030/DATASET/data``): kept as is;
    * GraphDB / RDF4J: ``http://host:7200/repositories/REPO/rdf-graphs/service`` kept as is, and
      ``http://host:7200/repositories/REPO`` -> ``.../repositories/REPO/rdf-graphs/service``;
    * Virtuoso: ``http://host:8890/sparql-graph-crud-auth`` (or ``/sparql-graph-crud`` without
      authentication): kept as is; Virtuoso calls the graph parameter ``graph-uri`` (see `graph_url`).

    Raises StoreError for anything that is not an http(s) URL.
    """
    parts = urllib.parse.urlsplit(endpoint.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(f"{endpoint}: not an http(s) URL of a SPARQL server")
    path = parts.path.rstrip("/")
    segs = path.split("/")
    if segs[-1] in ("store", "data", "service") or segs[-1].startswith("sparql-graph-crud"):
        pass
    elif len(segs) >= 2 and segs[-2] == "repositories":
        path += "/rdf-graphs/service"
    else:
        path += "/store"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def graph_url(gsp: str, graph: str) -> str:
    """`gsp` ?graph=<the graph IRI, percent-encoded> (``graph-uri=`` for Virtuoso's sparql-graph-crud)."""
    key = "graph-uri" if "sparql-graph-crud" in gsp else "graph"
    sep = "&" if "?" in gsp else "?"
    return f"{gsp}{sep}{key}={urllib.parse.quote(graph, safe='')}"


_RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


def _opener(url: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    if user is None:
        return urllib.request.build_opener()
    pm = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    pm.add_password(None, url, user, password or "")
    # Basic auth is sent with every request (see _put); this answers a server that asks for Digest
    # instead (Virtuoso's sparql-graph-crud-auth).
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(pm))


def _put(opener, url: str, body: bytes, auth: str | None, timeout: float, method: str = "PUT") -> tuple[str, bool] | None:
    """PUT (replace) or POST (add to) `body`; None when it worked, else (the problem in a few words, whether to retry)."""
    req = urllib.request.Request(url, data=body, method=method)
    # The body is N-Triples, which is also Turtle: text/turtle is the type every GSP server takes.
    req.add_header("Content-Type", "text/turtle; charset=utf-8")
    if auth:
        req.add_unredirected_header("Authorization", auth)
    try:
        with opener.open(req, timeout=timeout) as resp:
            resp.read()
        return None
    except urllib.error.HTTPError as e:
        try:
            detail = " ".join(e.read(400).decode("utf-8", "replace").split())[:200]
        except Exception:
            detail = ""
        return f"HTTP {e.code} {e.reason}" + (f" ({detail})" if detail else ""), e.code in _RETRY_STATUS
    except urllib.error.URLError as e:
        r = e.reason
        if isinstance(r, TimeoutError):
            return f"no answer within {timeout:g} s", True
        if isinstance(r, OSError):
            return f"cannot connect ({r.strerror or _oneline(r)})", True
        return _oneline(e), False
    except TimeoutError:
        return f"no answer within {timeout:g} s", True
    except (OSError, http.client.HTTPException) as e:
        return f"connection lost ({e.__class__.__name__}: {_oneline(e)})", True
    except ValueError as e:     # a URL or an auth challenge urllib cannot handle
        return _oneline(e), False


def load_endpoint(graph: Graph | str | Path, endpoint: str, user: str | None = None,
                  password: str | None = None, *, timeout: float = 30, retries: int = 3,
                  backoff: float = 0.5, say=None) -> LoadReport:
    """PUT each article's triples to the server's Graph Store, one named graph per article.

    `endpoint` is the server's base URL or its Graph Store URL (see `gsp_url`). PUT replaces the
    graph, so loading the same articles again replaces them. With `user`, HTTP basic auth is sent
    (digest if the server asks for it). A request that cannot connect, gets no answer within
    `timeout` seconds, or gets a 5xx/408/429 answer is retried `retries` times, after `backoff`,
    2*`backoff`, 4*`backoff` ... seconds; then, or at once for other errors (400, 401, 404 ...),
    StoreError is raised, naming the Graph Store URL and the problem, with the ids of the articles
    already loaded in ``.loaded``. `say` (a function of one line) is told what the load waits for.
    """
    t0 = time.perf_counter()
    gsp = gsp_url(endpoint)
    parts = _parts(graph)
    opener = _opener(gsp, user, password)
    auth = None
    if user is not None:
        auth = "Basic " + base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
    common = [(name, parts.pop(name), "POST") for name in _COMMON if parts.get(name)]
    loaded: list[str] = []
    n = 0
    if say:
        say(f"sending {len(parts)} article graph{'s' * (len(parts) != 1)} to {gsp}; waiting up to {timeout:g} s "
            "for each answer (--timeout)")
    # the entities' and the claims' graphs are added to (POST), each article's replaced (PUT)
    for aid, triples, method in common + [(aid, triples, "PUT") for aid, triples in parts.items()]:
        url = graph_url(gsp, str(graph_iri(aid)))
        body = _ntriples(triples)
        attempt = 0
        while (failed := _put(opener, url, body, auth, timeout, method)) is not None:
            problem, retry = failed
            if not retry or attempt >= retries:
                tries = f" after {attempt + 1} attempts" if attempt else ""
                where = f"the graph {aid}" if aid in _COMMON else f"article {aid}"
                raise StoreError(f"{gsp}: {problem}{tries}, at {where}; loaded before the failure: "
                                 f"{len(loaded)} of {len(parts)} articles ({_names(loaded)})", loaded)
            if say:
                where = f"the graph {aid}" if aid in _COMMON else f"article {aid}"
                say(f"{gsp}: {problem} at {where}; trying again in {backoff * 2 ** attempt:g} s")
            time.sleep(backoff * 2 ** attempt)
            attempt += 1
        if aid not in _COMMON:
            loaded.append(aid)
        n += len(triples)
    return LoadReport(gsp, loaded, n, time.perf_counter() - t0)


# --------------------------------------------------------------------------------------------------
# kg serve: the Oxigraph server as a child process that never outlives its parent

def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to send SIGTERM when the parent dies, however it dies."""
    import ctypes
    import signal
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)      # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _bindable(bind: str) -> str | None:
    """None when the address can be listened on, else why not."""
    import socket
    host, _, port = bind.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    try:
        infos = socket.getaddrinfo(host, int(port), type=socket.SOCK_STREAM)
    except (ValueError, OSError) as e:
        return f"not an address and port ({_oneline(e)})"
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as e:
            return f"cannot listen there ({e.strerror or _oneline(e)}; another `kg serve`?)"
    return None


def serve(store_dir: str | Path, bind: str = "127.0.0.1:7878", *, timeout: float | None = None, say=print) -> int:
    """Answer on `bind` over HTTP: the query library from the store's answer tables (`kg.uses.server`), and
    every other request by `oxigraph serve` over the embedded store (SPARQL endpoint, Graph Store, query page).

    The Oxigraph server is a child process on an internal port of 127.0.0.1 that goes with its parent: on
    SIGTERM, SIGINT or SIGHUP it is stopped before the parent returns, and should the parent be killed
    outright, Linux stops it (PR_SET_PDEATHSIG). StoreError when the server is missing, the store absent or in
    use, or the address taken. Returns the server's exit code (0 when it was stopped by a signal)."""
    import os
    import shutil as _shutil
    import signal
    import socket
    import subprocess
    import sys
    import threading

    from kg.uses import server
    exe = _shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(exe).is_file():
        raise StoreError("the oxigraph server is not installed (pip install oxigraph)")
    if not Path(store_dir).is_dir():
        raise StoreError(f"{store_dir}: no store here (run `kg load --store {store_dir}` first)")
    del_store = open_store(store_dir)        # the lock is free: no other server or load holds the store
    del del_store
    why = _bindable(bind)
    if why:
        raise StoreError(f"{bind}: {why}")
    inner = server.free_port()
    try:        # listening from here on: requests wait in the backlog until the Oxigraph server is up
        front = server.front(bind, server.Library(store_dir, ("127.0.0.1", inner)), ("127.0.0.1", inner))
    except OSError as e:
        raise StoreError(f"{bind}: cannot listen there ({e.strerror or _oneline(e)}; another `kg serve`?)") from None
    cmd = [exe, "serve", "--location", str(store_dir), "--bind", f"127.0.0.1:{inner}", "--union-default-graph"]
    if timeout:
        cmd += ["--timeout-s", str(max(1, round(timeout)))]
    child = subprocess.Popen(cmd, preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
                             env={**os.environ, "RUST_BACKTRACE": "0"}, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)

    def relay(lines) -> None:     # the server's messages, but the one naming its internal address
        for line in lines:
            if not line.startswith(b"Listening for requests at"):
                sys.stderr.buffer.write(line)
                sys.stderr.flush()
    threading.Thread(target=relay, args=(child.stderr,), daemon=True).start()
    stopped = []

    def stop(signum, frame):
        stopped.append(signum)
        if child.poll() is None:
            child.terminate()

    handled = [s for s in (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", None)) if s is not None]
    old = {s: signal.signal(s, stop) for s in handled}
    thread = None
    try:
        while child.poll() is None and not stopped:     # up when it accepts a connection
            try:
                socket.create_connection(("127.0.0.1", inner), timeout=1).close()
                break
            except OSError:
                time.sleep(0.02)
        if child.poll() is None and not stopped:
            thread = threading.Thread(target=front.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
            thread.start()
            say(f"SPARQL endpoint and query page on http://{bind}/, the query library on http://{bind}/library/ "
                f"(store {store_dir}); Ctrl-C stops it")
        while True:
            try:
                code = child.wait()
                break
            except KeyboardInterrupt:
                stop(signal.SIGINT, None)
    finally:
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        if thread is not None:
            front.shutdown()
        front.server_close()
        for s, h in old.items():
            signal.signal(s, h)
    return 0 if stopped else code
