"""kg.viz: the HTML page of the graph, checked in a real headless Chromium with the network off.

The graphs are built by hand from invented names; one test draws the bundled corpus's graph but
looks only at counts, never at names.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib import namespace as ns
from rdflib.namespace import SKOS

from browser import CHROMIUM, Chromium
from kg.viz import write_html
from kg.vocab import ENTITY_CLASS, KB, KBR, NIF, ORG, SCHEMA, TYPE_CLASS, WD

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
TITLE = "kabar-kg graph"
RAW_TEXT = "RAW-ARTICLE-TEXT-7f3a9: the body of the article must not be in the page"

XSS_QUOTE = "<img src=x onerror=\"document.title='pwned'\">"
XSS_SENTENCE = "Kata dia <script>document.title='pwned';alert(1)</script> kemarin."
XSS_OUTLET = "Kabar <img src=x onerror=alert(1)>"
XSS_LABEL = "</script><script>document.title='pwned'</script>"
XSS_ALIAS = "<b onmouseover=alert(1)>Bu Ani</b>"
XSS_ROLE = "<svg onload=alert(1)>"


def _id(iri) -> str:
    """The node id the page uses for an IRI of ours."""
    return str(iri)[len(str(KBR)):]


def small_graph(hostile: bool = False) -> tuple[Graph, list[tuple]]:
    """Six entities, four claims, ten edges. With `hostile`, graph text carries HTML and script.

    Returns the graph and its triples in insertion order (to rebuild it in another order)."""
    triples: list[tuple] = []

    def add(*t):
        triples.append(t)

    def entity(key, label, typ, *aliases):
        s = KBR[f"entity/{key}"]
        add(s, RDF.type, ENTITY_CLASS[typ])
        add(s, RDFS.label, Literal(label))
        for a in aliases:
            add(s, SKOS.altLabel, Literal(a))
        return s

    ani = entity("ani", "Ani Contoh", "Person", "Bu Ani", *([XSS_ALIAS] if hostile else []))
    add(ani, SCHEMA.sameAs, WD["Q000001"])
    lembaga = entity("lembaga", XSS_LABEL if hostile else "Lembaga Contoh", "Organization")
    satu = entity("satu", "Negara Satu", "Country")
    dua = entity("dua", "Negara Dua", "Country")
    kota = entity("kota", "Kota Contoh", "Place")
    outlet = entity("outlet-kabar", XSS_OUTLET if hostile else "Kabar Rekaan", "Outlet")

    art = KBR["article/t1"]
    add(art, RDF.type, KB.Article)
    add(art, KB.articleId, Literal("rekaan_001"))
    add(art, SCHEMA.headline, Literal("Judul rekaan"))
    add(art, SCHEMA.datePublished, Literal("2024-11-07", datatype=ns.XSD.date))
    add(art, SCHEMA.publisher, outlet)
    add(art, KB.text, Literal(RAW_TEXT))
    for e in (ani, lembaga, satu, dua, kota):
        add(art, SCHEMA.mentions, e)

    def claim(key, code, agent, target=None, place=None):
        c = KBR[f"claim/{key}"]
        add(c, RDF.type, TYPE_CLASS[code])
        add(c, KB.typeCode, Literal(code))
        add(c, KB.agent, agent)
        if target is not None:
            add(c, KB.target, target)
        if place is not None:
            add(c, KB.place, place)
        return c

    def evidence(c, n, sentence, quote=None):
        ev = KBR[f"evidence/t1/{n}"]
        add(c, KB.evidence, ev)
        add(ev, RDF.type, KB.Evidence)
        add(ev, KB.inArticle, art)
        add(ev, NIF.beginIndex, Literal(n * 100, datatype=ns.XSD.nonNegativeInteger))
        add(ev, NIF.endIndex, Literal(n * 100 + 80, datatype=ns.XSD.nonNegativeInteger))
        add(ev, NIF.anchorOf, Literal(sentence))
        if quote:
            add(ev, KB.quote, Literal(quote))

    deploy = claim("deploy-t1", "DEPLOY", satu, dua, kota)
    add(deploy, KB.quantity, Literal(2000, datatype=ns.XSD.integer))
    add(deploy, KB.date, Literal("2024-11-07", datatype=ns.XSD.date))
    confirm = claim("confirm-t1", "CONFIRM", ani)
    add(confirm, KB.about, deploy)
    add(confirm, KB.modality, Literal("reported"))
    evidence(confirm, 1, XSS_SENTENCE if hostile else "Ani Contoh membenarkan pengiriman pasukan.",
             XSS_QUOTE if hostile else "Benar, pasukan sudah dikirim")
    deny = claim("deny-t1", "DENY", satu)
    add(deny, KB.about, deploy)
    add(deny, KB.negated, Literal(True))
    evidence(deny, 2, "Negara Satu membantah laporan itu.")
    meet = claim("meet-t1", "MEET", lembaga, dua)
    add(meet, KB.quantityMin, Literal(10, datatype=ns.XSD.integer))
    add(meet, KB.quantityMax, Literal(20, datatype=ns.XSD.integer))
    evidence(meet, 3, "Lembaga Contoh bertemu Negara Dua.")

    m = KBR["membership/ani/juru-bicara/lembaga"]
    add(m, RDF.type, KB.Membership)
    add(m, ORG.member, ani)
    add(m, ORG.organization, lembaga)
    add(m, KB.roleLabel, Literal(XSS_ROLE if hostile else "juru bicara"))

    g = Graph()
    for t in triples:
        g.add(t)
    return g, triples


SMALL_NODES = 10   # 6 entities + 4 claims
SMALL_EDGES = 10   # deploy: agent, target, place; confirm and deny: agent, about; meet: agent, target; member


def big_graph(n_claims: int = 200, n_isolated: int = 30) -> Graph:
    """A hub country, 40 people, `n_claims` claims, and `n_isolated` entities tied to nothing."""
    g = Graph()
    hub = KBR["entity/hub"]
    g.add((hub, RDF.type, KB.Country))
    g.add((hub, RDFS.label, Literal("Negara Pusat")))
    people = []
    for i in range(40):
        p = KBR[f"entity/orang-{i:02d}"]
        g.add((p, RDF.type, KB.Person))
        g.add((p, RDFS.label, Literal(f"Orang Rekaan {i:02d}")))
        people.append(p)
    for i in range(n_isolated):
        p = KBR[f"entity/sendiri-{i:02d}"]
        g.add((p, RDF.type, KB.Place))
        g.add((p, RDFS.label, Literal(f"Tempat Sepi {i:02d}")))
    for i in range(n_claims):
        code = ("STATEMENT", "DEPLOY", "WARN", "ATTACK")[i % 4]
        c = KBR[f"claim/{code.lower()}-{i:04d}"]
        g.add((c, RDF.type, TYPE_CLASS[code]))
        g.add((c, KB.typeCode, Literal(code)))
        g.add((c, KB.agent, people[i % len(people)]))
        g.add((c, KB.target, hub))
        ev = KBR[f"evidence/big/{i}"]
        g.add((c, KB.evidence, ev))
        g.add((ev, KB.inArticle, KBR["article/big"]))
        g.add((ev, NIF.anchorOf, Literal(f"Kalimat rekaan nomor {i} yang agak panjang " * 3)))
    return g


def page_data(path: Path) -> dict:
    """The nodes, edges and options embedded in a written page."""
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', path.read_text("utf-8"), re.S)
    assert m, "no graph data in the page"
    return json.loads(m.group(1))


# -- the browser ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: the browser checks need Debian's chromium (apt-get install chromium)")
    with Chromium() as browser:
        yield browser


@pytest.fixture
def show(chromium):
    """Open a written page, wait until the network is laid out, and close it after the test."""
    pages = []

    def _show(path: Path):
        page = chromium.open(Path(path).resolve().as_uri())
        pages.append(page)
        page.wait_for("window.kgReady === true", timeout=60)
        return page

    yield _show
    for p in pages:
        p.close()


def hover(page, node_id: str) -> str:
    """Put the mouse on a node and return the text of the tooltip vis-network shows."""
    nid = json.dumps(node_id)
    x, y = page.evaluate(f"""(function () {{
        network.moveTo({{position: network.getPosition({nid}), animation: false}});
        var r = document.getElementById("mynetwork").getBoundingClientRect();
        var p = network.canvasToDOM(network.getPosition({nid}));
        return [r.left + p.x, r.top + p.y]; }})()""")
    page.mouse_move(x - 40, y - 40)
    page.mouse_move(x, y)
    return page.wait_for("""(function () { var t = document.querySelector("div.vis-tooltip");
        return t && t.style.visibility === "visible" && t.textContent; })()""", timeout=10)


# -- tests ---------------------------------------------------------------------------------

def test_viz_page_draws_every_node_and_edge_without_errors(tmp_path, show):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    n = write_html(g, out)
    assert n == SMALL_NODES
    page = show(out)
    assert page.evaluate("network.body.data.nodes.length") == n
    assert page.evaluate("nodes.length") == n
    assert page.evaluate("network.body.data.edges.length") == SMALL_EDGES
    ids = set(page.evaluate("network.body.data.nodes.getIds()"))
    assert ids == {"entity/ani", "entity/lembaga", "entity/satu", "entity/dua", "entity/kota",
                   "entity/outlet-kabar", "claim/deploy-t1", "claim/confirm-t1", "claim/deny-t1",
                   "claim/meet-t1"}
    edges = set(map(tuple, page.evaluate(
        "network.body.data.edges.get().map(function (e) { return [e.from, e.to, e.label]; })")))
    assert ("claim/confirm-t1", "claim/deploy-t1", "about") in edges
    assert ("claim/deploy-t1", "entity/kota", "place") in edges
    assert ("claim/meet-t1", "entity/dua", "target") in edges
    assert ("entity/ani", "entity/lembaga", "member") in edges
    legend = page.evaluate("document.getElementById('kg-legend').innerText")
    assert all(k in legend for k in ("Person", "Organisation", "Country", "Place", "Event", "Statement"))
    assert page.errors == [] and page.dialogs == []


def test_viz_page_makes_no_network_request(tmp_path, show):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    write_html(g, out)
    text = out.read_text("utf-8")
    fetching = re.findall(r"""(?:\b(?:src|href)\s*=\s*["']?\s*|url\(\s*["']?\s*|@import\s*["']?)(?:https?:)?//""",
                          text, re.I)
    assert fetching == [], "the page refers to a remote script, style or font"
    assert "bootstrap" not in text.lower()
    page = show(out)
    hover(page, "claim/confirm-t1")        # tooltips fetch nothing either
    remote = [u for u in page.requests if not u.startswith(("file:", "data:"))]
    assert remote == [], f"the page asked for {remote}"
    assert page.requests, "no request recorded at all: the check is not listening"
    assert page.errors == []


def test_viz_tooltips_escape_graph_text(tmp_path, show):
    g, _ = small_graph(hostile=True)
    out = tmp_path / "hostile.html"
    assert write_html(g, out) == SMALL_NODES
    text = out.read_text("utf-8")
    for raw in ("<img src=x", "<script>document.title", "<b onmouseover", "<svg onload"):
        assert raw not in text, f"unescaped graph text in the page: {raw}"

    page = show(out)
    tip = hover(page, "claim/confirm-t1")
    assert XSS_QUOTE in tip and XSS_SENTENCE in tip and XSS_OUTLET in tip and "rekaan_001" in tip
    assert "reported" in tip and "CONFIRM" in tip      # modality and type
    assert page.evaluate("document.querySelectorAll('div.vis-tooltip img, div.vis-tooltip script, "
                         "div.vis-tooltip svg, div.vis-tooltip [onerror], div.vis-tooltip [onmouseover]').length") == 0
    tip = hover(page, "entity/ani")
    assert XSS_ALIAS in tip and XSS_ROLE in tip and "Person" in tip and "Q000001" in tip
    tip = hover(page, "entity/lembaga")
    assert XSS_LABEL in tip
    # the canvas label is the raw text, clipped to 40 characters (a canvas does not parse HTML)
    assert page.evaluate("network.body.data.nodes.get('entity/lembaga').label") == XSS_LABEL[:39] + "…"
    page.browser.pump(0.5)                 # give an injected onerror time to run
    assert page.evaluate("document.title") == TITLE
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.dialogs == []
    assert page.errors == []
    assert not [u for u in page.requests if u.rstrip("/").endswith("/x")], "an injected <img> was loaded"


def test_viz_screenshot_shows_the_graph(tmp_path, show):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    write_html(g, out)
    page = show(out)
    # count the canvas pixels painted in each node kind's colour
    painted = page.evaluate("""(function () {
        var c = document.querySelector("#mynetwork canvas");
        var d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        var want = {person: [225, 87, 89], organization: [78, 121, 167], country: [89, 161, 79],
                    event: [242, 142, 43], statement: [118, 183, 178]};
        var n = {};
        for (var k in want) n[k] = 0;
        for (var i = 0; i < d.length; i += 4)
            for (var k in want)
                if (Math.abs(d[i] - want[k][0]) < 6 && Math.abs(d[i+1] - want[k][1]) < 6 &&
                    Math.abs(d[i+2] - want[k][2]) < 6) n[k]++;
        return n; })()""")
    assert all(v > 30 for v in painted.values()), f"node colours barely on the canvas: {painted}"
    png = page.screenshot(ARTIFACTS / "graph.png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    assert page.errors == []


def test_viz_same_graph_gives_identical_bytes(tmp_path):
    g, triples = small_graph()
    a, b, c = tmp_path / "a.html", tmp_path / "b.html", tmp_path / "c.html"
    write_html(g, a)
    write_html(g, b)
    assert a.read_bytes() == b.read_bytes()
    shuffled = Graph()                      # the same triples, added in another order
    for t in reversed(triples):
        shuffled.add(t)
    write_html(shuffled, c)
    assert c.read_bytes() == a.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html", "c.html"]  # no temp file left
    g.add((KBR["entity/baru"], RDF.type, KB.Person))
    write_html(g, c)
    assert c.read_bytes() != a.read_bytes()


def test_viz_article_text_stays_out_of_the_page(tmp_path):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    write_html(g, out)
    text = out.read_text("utf-8")
    assert RAW_TEXT not in text and "RAW-ARTICLE-TEXT" not in text
    assert "rekaan_001" in text and "Kabar Rekaan" in text     # the article is named in tooltips


def test_viz_focus_keeps_only_nearby_nodes(tmp_path):
    g, _ = small_graph()
    out = tmp_path / "focus.html"
    # an alias, in another case, with stray spaces
    assert write_html(g, out, focus="  bu ANI ", depth=1) == 3
    assert {n["id"] for n in page_data(out)["nodes"]} == {"entity/ani", "claim/confirm-t1", "entity/lembaga"}
    assert write_html(g, out, focus="Ani Contoh", depth=2) == 5
    assert {n["id"] for n in page_data(out)["nodes"]} == {
        "entity/ani", "claim/confirm-t1", "entity/lembaga", "claim/deploy-t1", "claim/meet-t1"}
    assert write_html(g, out, focus="ani contoh", depth=0) == 1
    assert write_html(g, out) == SMALL_NODES


def test_viz_unknown_focus_is_a_clear_error(tmp_path):
    g, _ = small_graph()
    out = tmp_path / "focus.html"
    with pytest.raises(ValueError, match=r"'Ani Cont'.*no entity.*label or alias.*Ani Contoh"):
        write_html(g, out, focus="Ani Cont")
    with pytest.raises(ValueError, match="no entity"):
        write_html(g, out, focus="DEPLOY")           # claims are not focus targets
    assert not out.exists()


def test_viz_above_max_nodes_keeps_the_most_central_and_says_so(tmp_path, show):
    g = big_graph()                                    # 1 + 40 + 30 + 200 = 271 nodes
    out = tmp_path / "big.html"
    n = write_html(g, out, max_nodes=200)
    assert n == 200
    ids = {d["id"] for d in page_data(out)["nodes"]}
    assert "entity/hub" in ids and all(f"entity/orang-{i:02d}" in ids for i in range(40))
    assert not any(i.startswith("entity/sendiri-") for i in ids)   # the unconnected go first
    assert out.stat().st_size < 1_500_000
    page = show(out)
    assert page.evaluate("network.body.data.nodes.length") == 200
    note = page.evaluate("""(function () { var e = document.getElementById("kg-note");
        return e && e.offsetHeight > 0 && getComputedStyle(e).visibility === "visible" && e.innerText; })()""")
    assert note and "71 of 271 nodes left out" in note
    assert page.errors == []
    # under the limit: no note
    assert write_html(g, out) == 271
    assert 'id="kg-note"' not in out.read_text("utf-8") and "id='kg-note'" not in out.read_text("utf-8")


def test_viz_corpus_graph_draws_in_browser(tmp_path, show, seeds_graph):
    from kg.api import load_graph
    out = tmp_path / "corpus.html"
    n = write_html(load_graph(seeds_graph), out)
    assert n > 0
    assert out.stat().st_size < 2_000_000
    page = show(out)
    assert page.evaluate("network.body.data.nodes.length") == n
    page.screenshot(ARTIFACTS / "graph-corpus.png")
    assert [u for u in page.requests if not u.startswith(("file:", "data:"))] == []
    assert page.errors == [] and page.dialogs == []


def test_viz_empty_graph_gives_a_page_that_says_so(tmp_path, show):
    out = tmp_path / "empty.html"
    assert write_html(Graph(), out) == 0
    page = show(out)
    assert page.evaluate("network.body.data.nodes.length") == 0
    assert "no entities or claims" in page.evaluate("document.getElementById('kg-note').innerText")
    assert page.errors == []
    with pytest.raises(ValueError, match="no entity"):
        write_html(Graph(), out, focus="siapa saja")
