"""kg.uses.viz: the HTML page of the graph, checked in a real headless Chromium with the network off.

The graphs are built by hand from invented names; the pages of the bundled corpus, of tests/heldout
and of 1,000 generated articles are checked by counts and sizes, never by names.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from browser import CHROMIUM, Chromium
from rdflib import RDF, RDFS, Graph, Literal
from rdflib import namespace as ns
from rdflib.namespace import SKOS

from kg.graph.rdf import name_key as fold
from kg.graph.vocab import ENTITY_CLASS, KB, KBR, NIF, ORG, SCHEMA, TYPE_CLASS, WD
from kg.uses.viz import write_html

ROOT = Path(__file__).resolve().parents[2]
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
    """Six entities, four claims, ten edges, two articles of one outlet; DEPLOY is dated 2024-11-07
    and MEET 2024-10 (a month), the statements are undated. With `hostile`, graph text carries
    HTML and script.

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
    art2 = KBR["article/t2"]
    add(art2, RDF.type, KB.Article)
    add(art2, KB.articleId, Literal("rekaan_002"))
    add(art2, SCHEMA.publisher, outlet)

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

    def evidence(c, n, sentence, quote=None, article=art):
        ev = KBR[f"evidence/{_id(article).rsplit('/', 1)[-1]}/{n}"]
        add(c, KB.evidence, ev)
        add(ev, RDF.type, KB.Evidence)
        add(ev, KB.inArticle, article)
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
    add(meet, KB.date, Literal("2024-10", datatype=ns.XSD.gYearMonth))
    evidence(meet, 3, "Lembaga Contoh bertemu Negara Dua.", article=art2)

    m = KBR["membership/ani/juru-bicara/lembaga"]
    add(m, RDF.type, KB.Membership)
    add(m, ORG.member, ani)
    add(m, ORG.organization, lembaga)
    add(m, KB.roleLabel, Literal(XSS_ROLE if hostile else "juru bicara"))

    g = Graph()
    for t in triples:
        g.add(t)
    return g, triples


SMALL_NODES = 7    # 5 entities linked to claims (not the outlet) + 2 events
SMALL_EDGES = 8    # deploy: agent, target, place; meet: agent, target; confirm and deny: said; member


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


def node_xy(page, node_id: str) -> tuple[float, float]:
    """Where a node is drawn, in the page's CSS pixels; asserts no other node covers it there."""
    nid = json.dumps(node_id)
    x, y, at = page.evaluate(f"""(function () {{
        var r = document.getElementById("mynetwork").getBoundingClientRect();
        var p = network.canvasToDOM(network.getPositions([{nid}])[{nid}]);
        return [r.left + p.x, r.top + p.y, network.getNodeAt(p)]; }})()""")
    assert at == node_id, f"{node_id} is not the node drawn at its own position ({at} is)"
    return x, y


def click_node(page, node_id: str) -> str:
    """Click a node with the mouse and return the text of the details panel once it shows it."""
    page.click(*node_xy(page, node_id))
    page.wait_for(f"network.getSelectedNodes()[0] === {json.dumps(node_id)}", timeout=10)
    return panel(page)


def panel(page) -> str:
    return page.evaluate("document.getElementById('kg-detail').innerText")


def shown(page) -> set[str]:
    """The nodes vis-network draws: those not hidden by a filter."""
    return set(page.evaluate("""Object.keys(network.body.nodes).filter(function (id) {
        return !network.body.nodes[id].options.hidden; })"""))


def dimmed(page) -> set[str]:
    return set(page.evaluate("""Object.keys(network.body.nodes).filter(function (id) {
        var o = network.body.nodes[id].options.opacity; return o !== undefined && o < 1; })"""))


def set_field(page, element_id: str, value: str) -> None:
    """Set an input or select as a person would leave it, and fire its change event."""
    page.evaluate(f"""(function () {{ var e = document.getElementById({json.dumps(element_id)});
        e.value = {json.dumps(value)}; e.dispatchEvent(new Event("change", {{bubbles: true}})); }})()""")


def click_element(page, selector: str) -> None:
    """A mouse click in the middle of the element that `selector` finds."""
    x, y = page.evaluate(f"""(function () {{ var r = document.querySelector({json.dumps(selector)})
        .getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
    page.click(x, y)


def search(page, text: str) -> None:
    """Click the search box, clear it, type `text` and press Enter."""
    click_element(page, "#kg-search")
    page.evaluate("document.getElementById('kg-search').value = ''")
    page.type_text(text)
    page.press("Enter")


ALL = {"entity/ani", "entity/lembaga", "entity/satu", "entity/dua", "entity/kota", "claim/deploy-t1", "claim/meet-t1"}
ENTITIES = {i for i in ALL if i.startswith("entity/")}
CLAIMS = {"claim/deploy-t1", "claim/confirm-t1", "claim/deny-t1", "claim/meet-t1"}
ONTOLOGY = ROOT / "ontology" / "kabar.ttl"


def type_word(code: str, lang: str) -> str:
    """The ontology's rdfs:label of a claim type in `lang`, lower-cased, as the page writes it."""
    onto = Graph().parse(ONTOLOGY)
    return next(str(o) for o in onto.objects(TYPE_CLASS[code], RDFS.label) if o.language == lang).lower()


def claims_in(g: Graph) -> int:
    """How many claims (typed nodes) a graph holds."""
    return len({s for s, _ in g.subject_objects(KB.typeCode)})


def table_ids(page) -> list[str]:
    """The claims of the rows the table lists, top to bottom."""
    return page.evaluate("""[].map.call(document.querySelectorAll('#kg-table tbody tr'), function (tr) {
        return kg.data.claims[+tr.getAttribute('data-i')].id; })""")


def timeline_ids(page) -> set[str]:
    """The claims the timeline holds (not the bands that mark reversals)."""
    return set(page.evaluate("""timeline.itemsData.getIds().filter(function (i) { return typeof i === 'number'; })
        .map(function (i) { return kg.data.claims[i].id; })"""))


def label_sizes(page) -> list[tuple[str, float]]:
    """Every text the graph's canvas draws in the view the page opens on (fitted to the screen),
    with its font size in CSS pixels on the screen (font size times the canvas transform's scale)."""
    page.evaluate("""(function () {
        var ctx = document.querySelector('#mynetwork canvas').getContext('2d'), orig = ctx.fillText;
        window.kgDrawn = null;
        var seen = [];
        ctx.fillText = function (text) {
            var m = /(\\d+(?:\\.\\d+)?)px/.exec(ctx.font);
            var t = ctx.getTransform();         // a rotated label (along an edge) scales by the norm
            seen.push([String(text), parseFloat(m[1]) * Math.hypot(t.a, t.b) / devicePixelRatio]);
            return orig.apply(this, arguments);
        };
        network.once('afterDrawing', function () { ctx.fillText = orig; window.kgDrawn = seen; });
        network.redraw(); })()""")
    return [tuple(x) for x in page.wait_for("window.kgDrawn", timeout=10)]


def row_click(page, claim_index: int) -> None:
    """Click the table's row of a claim, as a mouse does."""
    page.evaluate(f"document.querySelector(\"#kg-table tr[data-i='{claim_index}']\").scrollIntoView()")
    click_element(page, f"#kg-table tr[data-i='{claim_index}'] td:first-child")


def list_all(page) -> None:
    if page.evaluate("!document.getElementById('kg-more').hidden"):
        click_element(page, "#kg-more")


def check_page(page, data: dict, graph_claims: int) -> None:
    """What every page must do: no error; the first screen's labels legible; the table holds one
    row per claim; a click on a row highlights the claim's nodes; the timeline holds every dated claim."""
    assert page.errors == [] and page.dialogs == []
    drawn = label_sizes(page)
    node_lines = {line for n in data["nodes"] if n["rank"] < data["first"] for line in n["label"].split("\n")}
    nodes_drawn = [(t, px) for t, px in drawn if t in node_lines]
    assert len({t for t, _ in nodes_drawn}) >= min(10, len(node_lines)), f"few node labels drawn: {nodes_drawn}"
    small = [(t, round(px, 1)) for t, px in drawn if px < 10]
    assert small == [], f"labels under 10 px on the first screen: {small[:10]}"

    claims = data["claims"]
    if len(claims) < graph_claims:
        assert f"of {graph_claims} claims left out" in page.evaluate("document.getElementById('kg-note').innerText")
    else:
        assert len(claims) == graph_claims
    list_all(page)
    ids = table_ids(page)
    assert len(ids) == len(claims) and set(ids) == {c["id"] for c in claims}

    assert timeline_ids(page) == {c["id"] for c in claims if c.get("d0")}

    in_graph = {n["id"] for n in data["nodes"]}
    i = next(i for i, c in enumerate(claims) if len({*c["a"], *c["ev"], *c["t"]} & in_graph) >= 2)
    want = {*claims[i]["a"], *claims[i]["ev"], *claims[i]["t"]} & in_graph
    row_click(page, i)
    page.wait_for(f"network.getSelectedNodes().length === {len(want)}", timeout=10)
    assert set(page.evaluate("network.getSelectedNodes()")) == want
    assert not want & dimmed(page) and dimmed(page)
    assert claims[i]["line"] in panel(page)
    assert page.evaluate(f"document.querySelector(\"#kg-table tr[data-i='{i}']\").className") == "kg-on"
    assert page.errors == [] and page.dialogs == []


# -- tests ---------------------------------------------------------------------------------

def test_viz_page_draws_actors_and_events_with_statements_folded(tmp_path, show):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    n = write_html(g, out)
    assert n == SMALL_NODES
    page = show(out)
    assert set(page.evaluate("network.body.data.nodes.getIds()")) == ALL
    assert page.evaluate("network.body.data.edges.length") == SMALL_EDGES
    edges = set(map(tuple, page.evaluate(
        "network.body.data.edges.get().map(function (e) { return [e.from, e.to, e.label || e.rel]; })")))
    confirm, deny = type_word("CONFIRM", "id"), type_word("DENY", "id")
    assert ("entity/ani", "claim/deploy-t1", confirm) in edges          # a statement is an edge
    assert ("entity/satu", "claim/deploy-t1", "tidak " + deny) in edges
    assert ("claim/deploy-t1", "entity/kota", "place") in edges
    assert ("entity/ani", "entity/lembaga", "member") in edges
    legend = page.evaluate("document.getElementById('kg-legend').innerText")
    assert all(k in legend for k in ("Person", "Organisation", "Country", "Place", "Event", "Statement"))
    assert "Outlet" not in legend                                        # no outlet takes part in a claim
    assert page.errors == [] and page.dialogs == []


def test_viz_claims_read_as_lines_in_the_chosen_language(tmp_path, show):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    for lang, to, at, month in (("id", "ke", "di", "Okt"), ("en", "to", "in", "Oct")):
        write_html(g, out, lang=lang)
        lines = {c["id"]: c["line"] for c in page_data(out)["claims"]}
        deploy = type_word("DEPLOY", lang)
        assert lines["claim/confirm-t1"] == (f"Ani Contoh · {type_word('CONFIRM', lang)} · "
                                             f"{deploy} Negara Satu {to} Negara Dua {at} Kota Contoh")
        assert lines["claim/deploy-t1"] == f"Negara Satu · {deploy} · {to} Negara Dua {at} Kota Contoh · 2000 · 7 Nov 2024"
        assert lines["claim/meet-t1"].endswith(f" · 10–20 · {month} 2024")
        assert f'<html lang="{lang}">' in out.read_text("utf-8")
    page = show(out)                                                     # the English page
    text = click_node(page, "entity/ani")
    assert lines["claim/confirm-t1"] in text                             # the panel lists the node's claims
    i = table_ids(page).index("claim/confirm-t1")                       # the table's row of the claim
    cells = page.evaluate(f"[].map.call(document.querySelectorAll('#kg-table tbody tr')[{i}].cells, "
                          "function (td) { return td.innerText.trim(); })")
    assert cells[:3] == ["Ani Contoh", type_word("CONFIRM", "en"),
                         f"{type_word('DEPLOY', 'en')} Negara Satu to Negara Dua in Kota Contoh"]
    with pytest.raises(ValueError, match="lang 'fr'"):
        write_html(g, out, lang="fr")


def test_viz_event_reported_by_several_articles_is_one_node_that_says_so(tmp_path):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    write_html(g, out)
    label = {n["id"]: n["label"] for n in page_data(out)["nodes"]}["claim/deploy-t1"]
    assert "artikel" not in label                       # both statements about it are in one article
    ev = KBR["evidence/t2/9"]                           # the event itself, in the other article
    g.add((KBR["claim/deploy-t1"], KB.evidence, ev))
    g.add((ev, KB.inArticle, KBR["article/t2"]))
    g.add((ev, NIF.anchorOf, Literal("Negara Satu mengirim pasukan ke Negara Dua.")))
    write_html(g, out)
    data = page_data(out)
    node = {n["id"]: n for n in data["nodes"]}["claim/deploy-t1"]
    assert node["label"].split("\n")[0].endswith(" · 2 artikel")
    assert "reported in 2 articles" in node["title"]
    assert sum(1 for n in data["nodes"] if n["kind"] == "event") == 2


def test_viz_click_unfolds_a_nodes_statements(tmp_path, show):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    write_html(g, out)
    page = show(out)
    assert not {"claim/confirm-t1", "claim/deny-t1"} & set(page.evaluate("nodes.getIds()"))
    text = click_node(page, "claim/deploy-t1")
    assert "3 claims" in text                                            # the event and the two statements
    unfolded = set(page.evaluate("nodes.get({filter: function (n) { return n.unfolded; }}).map(function (n) { return n.id; })"))
    assert unfolded == {"claim/confirm-t1", "claim/deny-t1"}
    said = page.evaluate("edges.get({filter: function (e) { return e.rel === 'said'; }}).map(function (e) { return !!e.hidden; })")
    assert said and all(said)                                            # the folded edges give way
    assert dimmed(page) == {"entity/lembaga", "claim/meet-t1"}
    click_node(page, "entity/lembaga")                                   # another click folds them back
    assert not unfolded & set(page.evaluate("nodes.getIds()"))
    assert "Lembaga Contoh" in panel(page)
    assert page.errors == []


def test_viz_page_makes_no_network_request(tmp_path, show):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    write_html(g, out)
    text = out.read_text("utf-8")
    fetching = re.findall(r"""(?:\b(?:src|href)\s*=\s*["']?\s*|url\(\s*["']?\s*|@import\s*["']?)(?:https?:)?//""",
                          text, re.I)
    assert fetching == [], "the page refers to a remote script, style or font"
    assert "sourceMappingURL" not in text
    page = show(out)
    hover(page, "claim/deploy-t1")         # tooltips fetch nothing either
    row_click(page, 0)
    remote = [u for u in page.requests if not u.startswith(("file:", "data:"))]
    assert remote == [], f"the page asked for {remote}"
    assert page.requests, "no request recorded at all: the check is not listening"
    assert page.errors == []


def test_viz_graph_text_never_runs_as_script(tmp_path, show):
    g, _ = small_graph(hostile=True)
    out = tmp_path / "hostile.html"
    assert write_html(g, out) == SMALL_NODES
    text = out.read_text("utf-8")
    for raw in ("<img src=x", "<script>document.title", "<b onmouseover", "<svg onload"):
        assert raw not in text, f"unescaped graph text in the page: {raw}"
    page = show(out)
    tip = hover(page, "entity/ani")
    assert XSS_ALIAS in tip and XSS_ROLE in tip and "Person" in tip and "Q000001" in tip
    assert XSS_LABEL in hover(page, "entity/lembaga")
    list_all(page)
    rows = page.evaluate("document.getElementById('kg-table').innerText")
    assert XSS_SENTENCE in rows and XSS_OUTLET in rows and XSS_LABEL in rows
    confirm = [c["id"] for c in page_data(out)["claims"]].index("claim/confirm-t1")
    row_click(page, confirm)
    assert XSS_SENTENCE in panel(page) and XSS_OUTLET in panel(page)
    click_node(page, "entity/ani")
    assert XSS_ALIAS in panel(page) and XSS_ROLE in panel(page)
    search(page, "<b onmouseover")
    page.wait_for("network.getSelectedNodes()[0] === 'entity/ani'", timeout=10)
    options = page.evaluate("[].map.call(document.querySelectorAll('#kg-article option'), function (o) { return o.text; })")
    assert any(XSS_OUTLET in o for o in options)
    assert page.evaluate("document.querySelectorAll('#kg-side img, #kg-side script, #kg-claims img, #kg-claims script, "
                         "#kg-time img, #kg-time script, [onerror], [onload], [onmouseover]').length") == 0
    page.browser.pump(0.5)                 # give an injected onerror time to run
    assert page.evaluate("document.title") == TITLE
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.dialogs == [] and page.errors == []
    assert not [u for u in page.requests if u.rstrip("/").endswith("/x")], "an injected <img> was loaded"


def test_viz_layout_puts_table_beside_the_graph_and_timeline_below(tmp_path, show):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    write_html(g, out)
    page = show(out)
    painted = page.evaluate("""(function () {
        var c = document.querySelector("#mynetwork canvas");
        var d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        var want = {person: [225, 87, 89], organization: [78, 121, 167], country: [89, 161, 79], event: [242, 142, 43]};
        var n = {};
        for (var k in want) n[k] = 0;
        for (var i = 0; i < d.length; i += 4)
            for (var k in want)
                if (Math.abs(d[i] - want[k][0]) < 6 && Math.abs(d[i+1] - want[k][1]) < 6 &&
                    Math.abs(d[i+2] - want[k][2]) < 6) n[k]++;
        return n; })()""")
    assert all(v > 30 for v in painted.values()), f"node colours barely on the canvas: {painted}"
    boxes = page.evaluate("""(function () {
        function box(q) { var r = document.querySelector(q).getBoundingClientRect();
            return [r.left, r.top, r.right, r.bottom]; }
        return {canvas: box("#mynetwork"), side: box("#kg-side"), table: box("#kg-claims"), time: box("#kg-time"),
                search: box("#kg-search"), kinds: box("#kg-legend"), dates: box("#kg-since"),
                stated: box("#kg-stated"), article: box("#kg-article"), detail: box("#kg-detail"),
                width: innerWidth, height: innerHeight}; })()""")
    canvas, table, time_, side = boxes["canvas"], boxes["table"], boxes["time"], boxes["side"]
    assert side[2] <= canvas[0] + 1 and canvas[2] <= table[0] + 1, "the graph, the panel and the table overlap"
    assert canvas[2] - canvas[0] >= 450 and table[2] - table[0] >= 450 and canvas[3] - canvas[1] >= 500
    assert time_[1] >= canvas[3] - 1 and time_[1] >= table[3] - 1 and time_[3] - time_[1] >= 150
    for name in ("search", "kinds", "dates", "stated", "article", "detail"):
        left, top, right, bottom = boxes[name]
        assert right > left and bottom > top and left >= side[0] and right <= side[2] + 1 \
            and 0 <= top < boxes["height"], f"{name} is not visible in the side panel: {boxes[name]}"
    assert page.evaluate("document.querySelectorAll('#kg-timeline .vis-item').length") >= 2
    png = page.screenshot(ARTIFACTS / "graph.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
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
    g.add((KBR["claim/meet-t1"], KB.target, KBR["entity/ani"]))
    write_html(g, c)
    assert c.read_bytes() != a.read_bytes()


def test_viz_article_text_stays_out_of_the_page(tmp_path):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    write_html(g, out)
    text = out.read_text("utf-8")
    assert RAW_TEXT not in text and "RAW-ARTICLE-TEXT" not in text
    assert "rekaan_001" in text and "Kabar Rekaan" in text     # the article is named in the table


def test_viz_focus_keeps_only_nearby_nodes(tmp_path):
    g, _ = small_graph()
    out = tmp_path / "focus.html"
    # an alias, in another case, with stray spaces
    assert write_html(g, out, focus="  bu ANI ", depth=1) == 3
    data = page_data(out)
    assert {n["id"] for n in data["nodes"]} == {"entity/ani", "claim/deploy-t1", "entity/lembaga"}
    assert {c["id"] for c in data["claims"]} == CLAIMS          # every claim linked to what is drawn
    assert write_html(g, out, focus="Ani Contoh", depth=2) == SMALL_NODES
    assert write_html(g, out, focus="ani contoh", depth=0) == 1
    assert {c["id"] for c in page_data(out)["claims"]} == {"claim/confirm-t1"}
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
    g = big_graph()                          # a hub, 40 people, 100 events, 100 statements
    out = tmp_path / "big.html"
    assert write_html(g, out, max_nodes=50) == 50
    data = page_data(out)
    ids = {d["id"] for d in data["nodes"]}
    assert "entity/hub" in ids
    assert not any(i.startswith("entity/sendiri-") for i in ids)   # tied to nothing: not drawn
    assert {d["kind"] for d in data["nodes"]} >= {"person", "country", "event"}
    page = show(out)
    note = page.evaluate("""(function () { var e = document.getElementById("kg-note");
        return e && e.offsetHeight > 0 && getComputedStyle(e).visibility === "visible" && e.innerText; })()""")
    assert note and "91 of 141 actors, places and events left out" in note
    assert page.errors == []
    assert write_html(g, out) == 141                                  # under the limit: no note
    assert "id='kg-note'" not in out.read_text("utf-8")


def test_viz_max_nodes_ten_still_keeps_claims(tmp_path):
    g = large_graph(n_entities=120, n_claims=400)
    out = tmp_path / "ten.html"
    assert write_html(g, out, max_nodes=10) == 10
    data = page_data(out)
    kinds = [n["kind"] for n in data["nodes"]]
    assert "event" in kinds and any(k != "event" for k in kinds)      # actors and what they did
    assert any(e["rel"] == "agent" for e in data["edges"])
    drawn = {n["id"] for n in data["nodes"]}
    assert data["claims"] and all({*c["a"], *c["ev"], *c["t"]} & drawn for c in data["claims"])
    assert "of 400 claims left out" in out.read_text("utf-8")


def test_viz_first_view_shows_the_most_central_and_more_on_request(tmp_path, show):
    g = big_graph()
    out = tmp_path / "big.html"
    write_html(g, out)
    data = page_data(out)
    first = data["first"]
    page = show(out)
    assert len(shown(page)) == first < len(data["nodes"])
    assert page.evaluate("document.getElementById('kg-shown').innerText") == f"{first} of 141 drawn"
    set_field(page, "kg-top", "all")
    page.wait_for("window.kgReady", timeout=10)
    assert len(shown(page)) == 141
    # a node out of the first view, found by name, is brought in
    set_field(page, "kg-top", str(first))
    hidden = sorted((n for n in data["nodes"] if n["rank"] >= first and n["kind"] == "person"), key=lambda n: n["rank"])[0]
    search(page, hidden["names"][0])
    page.wait_for(f"network.getSelectedNodes()[0] === {json.dumps(hidden['id'])}", timeout=10)
    assert page.errors == []


def test_viz_corpus_page_is_small_and_works(tmp_path, show, seeds_graph):
    from kg.api import load_graph
    g = load_graph(seeds_graph)
    out = tmp_path / "corpus.html"
    assert write_html(g, out) > 0
    assert out.stat().st_size < 2_000_000
    data = page_data(out)
    page = show(out)
    print(f"\ncorpus page: {len(data['nodes'])} nodes, {len(data['claims'])} claims, {out.stat().st_size:,} bytes, "
          f"kgReady {page.evaluate('window.kgReadyMs')} ms")
    check_page(page, data, claims_in(g))
    assert [u for u in page.requests if not u.startswith(("file:", "data:"))] == []


@pytest.fixture(scope="module")
def heldout_graph(tmp_path_factory) -> Path:
    from conftest import run_kg
    out = tmp_path_factory.mktemp("heldout") / "graph.ttl"
    run_kg("build", ROOT / "tests" / "heldout", "-o", out, "--no-cache", check=True)
    return out


def test_viz_heldout_page_first_screen_is_legible_and_complete(tmp_path, show, heldout_graph):
    from kg.api import load_graph
    g = load_graph(heldout_graph)
    out = tmp_path / "heldout.html"
    write_html(g, out)
    data = page_data(out)
    page = show(out)
    check_page(page, data, claims_in(g))
    page.screenshot(ARTIFACTS / "graph-heldout.png")


@pytest.fixture(scope="module")
def generated_1000(tmp_path_factory) -> Path:
    """The graph of 1,000 generated articles (bench/generate.py, seed 1)."""
    d = tmp_path_factory.mktemp("gen1000")
    subprocess.run([sys.executable, ROOT / "bench" / "generate.py", "1000", d / "articles", "--seed", "1"],
                   check=True, capture_output=True)
    from conftest import run_kg
    run_kg("build", d / "articles", "-o", d / "graph.ttl", "--no-cache", "--workers", "2", check=True)
    return d / "graph.ttl"


@pytest.mark.slow
def test_viz_generated_1000_page_opens_legible_and_complete(tmp_path, show, generated_1000):
    import time

    from kg.api import load_graph
    g = load_graph(generated_1000)
    out = tmp_path / "gen1000.html"
    write_html(g, out)
    data = page_data(out)
    t0 = time.monotonic()
    page = show(out)
    print(f"\n1,000-article page: {len(data['nodes'])} nodes, {len(data['claims'])} claims, "
          f"{out.stat().st_size:,} bytes, kgReady {page.evaluate('window.kgReadyMs')} ms "
          f"({time.monotonic() - t0:.1f} s as the test waited)")
    assert page.evaluate("window.kgReadyMs") < 15_000
    check_page(page, data, claims_in(g))


# -- dates: inferred, stated, and the events that dated statements are about ---------------

def dated_graph() -> Graph:
    """Negara Satu denies a deployment (a date taken from the publication), then confirms it (a
    date in its sentence); Ani Contoh confirms it with a date from the sentence before; the
    deployment itself has no date; Lembaga Contoh meets Negara Dua on a date with no kb:dateSource."""
    g = Graph()

    def entity(key, label, typ):
        s = KBR[f"entity/{key}"]
        g.add((s, RDF.type, ENTITY_CLASS[typ]))
        g.add((s, RDFS.label, Literal(label)))
        return s

    satu, dua = entity("satu", "Negara Satu", "Country"), entity("dua", "Negara Dua", "Country")
    ani, lembaga = entity("ani", "Ani Contoh", "Person"), entity("lembaga", "Lembaga Contoh", "Organization")
    art = KBR["article/d1"]
    g.add((art, KB.articleId, Literal("tanggal_001")))

    def claim(key, code, agent, date=None, source=None, about=None, target=None, n=0):
        c = KBR[f"claim/{key}"]
        g.add((c, RDF.type, TYPE_CLASS[code]))
        g.add((c, KB.typeCode, Literal(code)))
        g.add((c, KB.agent, agent))
        if date:
            g.add((c, KB.date, Literal(date, datatype=ns.XSD.date)))
        if about is not None:
            g.add((c, KB.about, about))
        if target is not None:
            g.add((c, KB.target, target))
        ev = KBR[f"evidence/d1/{n}"]
        g.add((c, KB.evidence, ev))
        g.add((ev, KB.inArticle, art))
        g.add((ev, NIF.anchorOf, Literal(f"Kalimat rekaan {n} tentang {key}.")))
        if source:       # how this report (its evidence) dates the claim
            g.add((ev, KB.dateSource, Literal(source)))
        return c

    deploy = claim("deploy-d", "DEPLOY", satu, target=dua, n=1)
    claim("deny-d", "DENY", satu, "2024-11-01", "published", about=deploy, n=2)
    claim("confirm-d", "CONFIRM", satu, "2024-11-20", "stated", about=deploy, n=3)
    claim("confirm-ani", "CONFIRM", ani, "2024-11-10", "context", about=deploy, n=4)
    claim("meet-d", "MEET", lembaga, "2024-10-05", target=dua, n=5)
    return g


def test_viz_since_keeps_the_undated_event_a_dated_statement_is_about(tmp_path):
    g = dated_graph()
    out = tmp_path / "window.html"
    write_html(g, out, since="2024-11")
    data = page_data(out)
    assert "claim/deploy-d" in {n["id"] for n in data["nodes"]}
    assert {c["id"] for c in data["claims"]} == {"claim/deny-d", "claim/confirm-d", "claim/confirm-ani", "claim/deploy-d"}
    write_html(g, out, until="2024-10")
    assert {c["id"] for c in page_data(out)["claims"]} == {"claim/meet-d"}


def test_viz_stated_dates_only_leaves_inferred_dates_out(tmp_path):
    from conftest import run_kg
    g = dated_graph()
    out = tmp_path / "stated.html"
    write_html(g, out, since="2024-10", stated_only=True)
    # a date with no kb:dateSource counts as stated
    assert {c["id"] for c in page_data(out)["claims"]} == {"claim/confirm-d", "claim/deploy-d", "claim/meet-d"}
    ttl = tmp_path / "graph.ttl"
    g.serialize(ttl, format="turtle")
    r = run_kg("viz", "--graph", ttl, "-o", out, "--since", "2024-11", "--stated-dates-only", "--lang", "en")
    assert r.returncode == 0, r.stderr
    data = page_data(out)
    assert {c["id"] for c in data["claims"]} == {"claim/confirm-d", "claim/deploy-d"}
    assert type_word("CONFIRM", "en") in data["claims"][[c["id"] for c in data["claims"]].index("claim/confirm-d")]["line"]
    r = run_kg("viz", "--graph", ttl, "-o", tmp_path / "bad.html", "--lang", "fr")
    assert r.returncode == 2 and "fr" in r.stderr and not (tmp_path / "bad.html").exists()


def test_viz_inferred_dates_are_marked_and_can_be_left_out(tmp_path, show):
    g = dated_graph()
    out = tmp_path / "dated.html"
    write_html(g, out)
    data = page_data(out)
    index = {c["id"]: i for i, c in enumerate(data["claims"])}
    page = show(out)
    cell = page.evaluate(f"""(function () {{ var td = document.querySelector("#kg-table tr[data-i='{index['claim/deny-d']}'] td:nth-child(4)");
        return [td.innerText, td.className]; }})()""")
    assert cell == ["~1 Nov 2024", "kg-inf"]
    assert page.evaluate(f"timeline.itemsData.get({index['claim/confirm-ani']}).className").split()[1] == "kg-inferred"
    assert timeline_ids(page) == {"claim/deny-d", "claim/confirm-d", "claim/confirm-ani", "claim/meet-d"}
    set_field(page, "kg-since", "2024-10-01")
    assert set(table_ids(page)) == {"claim/deny-d", "claim/confirm-d", "claim/confirm-ani", "claim/meet-d"}
    assert "claim/deploy-d" in shown(page)               # undated, but dated statements are about it
    click_element(page, "#kg-stated")
    page.wait_for("document.getElementById('kg-stated').checked", timeout=5)
    assert set(table_ids(page)) == {"claim/confirm-d", "claim/meet-d"}
    assert timeline_ids(page) == {"claim/confirm-d", "claim/meet-d"}
    assert "claim/deploy-d" in shown(page)
    set_field(page, "kg-since", "2024-11-15")
    assert set(table_ids(page)) == {"claim/confirm-d"} and "claim/meet-d" not in shown(page)
    assert page.errors == []


def test_viz_a_denial_later_confirmed_is_shown_as_a_reversal(tmp_path, show):
    g = dated_graph()
    out = tmp_path / "dated.html"
    write_html(g, out)
    data = page_data(out)
    index = {c["id"]: i for i, c in enumerate(data["claims"])}
    assert data["reversals"] == [[index["claim/deny-d"], index["claim/confirm-d"]]]   # not Ani's: no denial
    page = show(out)
    for key in ("claim/deny-d", "claim/confirm-d"):
        assert "kg-reversal" in page.evaluate(f"timeline.itemsData.get({index[key]}).className")
        assert page.evaluate(f"""document.querySelector("#kg-table tr[data-i='{index[key]}'] .kg-rv") !== null""")
    assert "kg-reversal" not in page.evaluate(f"timeline.itemsData.get({index['claim/confirm-ani']}).className")
    band = page.evaluate("""(function () { var b = timeline.itemsData.get({filter: function (x) { return x.type === 'background'; }})[0];
        function day(d) { d = new Date(d); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; }
        return [b.type, day(b.start), day(b.end)]; })()""")
    assert band == ["background", [2024, 11, 1], [2024, 11, 20]]      # from the denial to the confirmation
    assert page.evaluate("document.querySelectorAll('#kg-timeline .vis-background.kg-rev').length") == 1
    assert page.errors == []


# -- filters, search and the table ---------------------------------------------------------

def test_viz_type_filter_hides_that_kind_in_graph_table_and_timeline(tmp_path, show):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    write_html(g, out)
    page = show(out)
    legend = page.evaluate("document.getElementById('kg-legend').innerText").replace("\n", " ")
    assert "Country 2" in legend and "Statement 2" in legend and "Event 2" in legend
    assert shown(page) == ALL
    click_element(page, "#kg-legend input[data-kind='country']")
    page.wait_for("!document.querySelector(\"#kg-legend input[data-kind='country']\").checked", timeout=5)
    assert shown(page) == ALL - {"entity/satu", "entity/dua"}
    assert page.evaluate("document.getElementById('kg-shown').innerText") == "5 of 7 drawn"
    click_element(page, "#kg-legend input[data-kind='statement']")
    assert set(table_ids(page)) == {"claim/deploy-t1", "claim/meet-t1"}
    assert page.evaluate("edges.get({filter: function (e) { return e.rel === 'said' && !e.hidden; }}).length") == 0
    click_element(page, "#kg-legend input[data-kind='event']")
    assert table_ids(page) == [] and timeline_ids(page) == set()
    click_element(page, "#kg-reset")
    assert shown(page) == ALL and set(table_ids(page)) == CLAIMS
    assert page.errors == []


def test_viz_date_and_article_filters(tmp_path, show):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    write_html(g, out)
    page = show(out)
    assert page.evaluate("[document.getElementById('kg-since').min, document.getElementById('kg-since').max]") \
        == ["2024-10-01", "2024-11-07"]
    set_field(page, "kg-since", "2024-11-01")     # DEPLOY (2024-11-07) stays; MEET and the undated go
    assert shown(page) == ENTITIES | {"claim/deploy-t1"}
    assert table_ids(page) == ["claim/deploy-t1"] and timeline_ids(page) == {"claim/deploy-t1"}
    set_field(page, "kg-until", "2024-11-06")
    assert shown(page) == ENTITIES and table_ids(page) == []
    set_field(page, "kg-since", "")
    set_field(page, "kg-until", "2024-10-31")     # the whole of October: MEET
    assert shown(page) == ENTITIES | {"claim/meet-t1"}
    set_field(page, "kg-until", "2024-10-15")     # MEET is dated by month: not all of it is in range
    assert shown(page) == ENTITIES
    set_field(page, "kg-until", "")
    assert shown(page) == ALL and set(table_ids(page)) == CLAIMS
    options = page.evaluate("[].map.call(document.querySelectorAll('#kg-article option'), function (o) { return o.text; })")
    assert options == ["All articles (2)", "rekaan_001 · Kabar Rekaan · 2024-11-07", "rekaan_002 · Kabar Rekaan"]
    value = page.evaluate("document.querySelectorAll('#kg-article option')[2].value")
    set_field(page, "kg-article", value)
    assert shown(page) == {"claim/meet-t1", "entity/lembaga", "entity/dua"}
    assert table_ids(page) == ["claim/meet-t1"]
    assert page.errors == []


def test_viz_table_sorts_and_a_row_highlights_its_claim(tmp_path, show):
    g, _ = small_graph()
    out = tmp_path / "graph.html"
    write_html(g, out)
    data = page_data(out)
    page = show(out)
    assert table_ids(page)[:2] == ["claim/meet-t1", "claim/deploy-t1"]     # by date, the undated last
    click_element(page, "#kg-table th[data-col='who']")
    whos = page.evaluate("[].map.call(document.querySelectorAll('#kg-table tbody tr td:first-child'), function (t) { return t.innerText; })")
    assert whos == sorted(whos)
    click_element(page, "#kg-table th[data-col='who']")
    assert page.evaluate("[].map.call(document.querySelectorAll('#kg-table tbody tr td:first-child'), function (t) { return t.innerText; })") \
        == sorted(whos, reverse=True)
    i = [c["id"] for c in data["claims"]].index("claim/confirm-t1")
    row_click(page, i)
    page.wait_for("network.getSelectedNodes().length === 2", timeout=10)
    assert set(page.evaluate("network.getSelectedNodes()")) == {"entity/ani", "claim/deploy-t1"}
    assert dimmed(page) == ALL - {"entity/ani", "claim/deploy-t1"}
    assert "Ani Contoh membenarkan pengiriman pasukan." in panel(page)
    assert "rekaan_001" in panel(page)
    assert page.errors == []


def test_viz_search_folds_hyphens_case_and_spaces_and_filters_the_table(tmp_path, show):
    g, _ = small_graph()
    kang = KBR["entity/kang"]
    g.add((kang, RDF.type, KB.Person))
    g.add((kang, RDFS.label, Literal("Kang Mi-rae")))
    c = KBR["claim/warn-k"]
    g.add((c, RDF.type, KB.Warn))
    g.add((c, KB.typeCode, Literal("WARN")))
    g.add((c, KB.agent, kang))
    g.add((c, KB.target, KBR["entity/dua"]))
    assert fold("Kang Mi-rae") == fold("KANG  mi rae") == "kang mi rae"
    out = tmp_path / "graph.html"
    write_html(g, out)
    page = show(out)
    search(page, "kang  MI rae")
    page.wait_for("network.getSelectedNodes()[0] === 'entity/kang'", timeout=10)
    assert table_ids(page) == ["claim/warn-k"]
    search(page, "bu ani")                         # an alias
    page.wait_for("network.getSelectedNodes()[0] === 'entity/ani'", timeout=10)
    assert set(table_ids(page)) == {"claim/confirm-t1"}    # its words are in the claim's line
    search(page, "negara s")                       # the start of a label
    page.wait_for("network.getSelectedNodes()[0] === 'entity/satu'", timeout=10)
    search(page, "tidak ada")
    page.wait_for("document.getElementById('kg-found').innerText.indexOf('tidak ada') >= 0", timeout=10)
    assert table_ids(page) == []
    click_element(page, "#kg-legend input[data-kind='country']")   # a node a filter hides is not found,
    search(page, "Negara Satu")                                      # the event that names it is
    page.wait_for("network.getSelectedNodes()[0] === 'claim/deploy-t1'", timeout=10)
    assert page.errors == []


# -- a window of dates from the command line -----------------------------------------------

def test_viz_since_until_draws_only_claims_in_the_window(tmp_path):
    g, _ = small_graph()
    out = tmp_path / "window.html"

    def ids(**kw) -> set[str]:
        n = write_html(g, out, **kw)
        data = page_data(out)
        assert n == len(data["nodes"])
        return {d["id"] for d in data["nodes"]} | {c["id"] for c in data["claims"]}

    assert ids(since="2024-11") == {"claim/deploy-t1", "entity/satu", "entity/dua", "entity/kota"}
    assert "claims dated 2024-11-01 to 9999-12-31" in out.read_text("utf-8")
    assert ids(until="2024-10") == {"claim/meet-t1", "entity/lembaga", "entity/dua"}
    assert ids(since="2024-10-15") == {"claim/deploy-t1", "entity/satu", "entity/dua", "entity/kota"}  # MEET: all October
    assert ids() == ALL | CLAIMS
    assert ids(since="2025") == set()
    assert "No claim is dated from 2025-01-01 to 9999-12-31" in out.read_text("utf-8")
    assert ids(focus="Negara Dua", depth=1, since="2024-11") == {"entity/dua", "claim/deploy-t1"}
    with pytest.raises(ValueError, match="linked to no claim dated"):
        write_html(g, out, focus="Ani Contoh", since="2024-11")
    for bad in ("2024-13", "24", "2024-02-30", "2024/11", "kemarin", "2024-1"):
        with pytest.raises(ValueError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
            write_html(g, out, since=bad)
    with pytest.raises(ValueError, match="after until"):
        write_html(g, out, since="2024-11", until="2024-10-31")


def test_viz_cli_since_until(tmp_path):
    from conftest import run_kg
    g, _ = small_graph()
    ttl = tmp_path / "graph.ttl"
    g.serialize(ttl, format="turtle")
    out = tmp_path / "graph.html"
    r = run_kg("viz", "--graph", ttl, "-o", out, "--since", "2024-11")
    assert r.returncode == 0, r.stderr
    assert "4 nodes" in r.stdout
    assert {d["id"] for d in page_data(out)["nodes"]} == {"claim/deploy-t1", "entity/satu", "entity/dua", "entity/kota"}
    r = run_kg("viz", "--graph", ttl, "-o", tmp_path / "bad.html", "--since", "2024-13")
    assert r.returncode == 2 and "since '2024-13'" in r.stderr and not (tmp_path / "bad.html").exists()
    r = run_kg("viz", "--graph", ttl, "-o", tmp_path / "bad.html", "--max-claims", "0")
    assert r.returncode == 2 and "max_claims" in r.stderr and not (tmp_path / "bad.html").exists()


def test_viz_empty_graph_gives_a_page_that_says_so(tmp_path, show):
    out = tmp_path / "empty.html"
    assert write_html(Graph(), out) == 0
    page = show(out)
    assert page.evaluate("network.body.data.nodes.length") == 0
    assert "no entities or claims" in page.evaluate("document.getElementById('kg-note').innerText")
    assert table_ids(page) == [] and page.errors == []
    with pytest.raises(ValueError, match="no entity"):
        write_html(Graph(), out, focus="siapa saja")


# -- a large graph -------------------------------------------------------------------------

def large_graph(n_entities: int = 380, n_claims: int = 1620) -> Graph:
    """2,000 nodes by default: entities of every kind, claims (a third dated) from 100 articles,
    statements about events. Invented names."""
    g = Graph()
    kinds = ("Person", "Person", "Organization", "Country", "Place", "Outlet")
    ents = []
    for i in range(n_entities):
        e = KBR[f"entity/besar-{i:04d}"]
        g.add((e, RDF.type, ENTITY_CLASS[kinds[i % len(kinds)]]))
        g.add((e, RDFS.label, Literal(f"Nama Rekaan {i:04d}")))
        ents.append(e)
    outlets = [e for i, e in enumerate(ents) if kinds[i % len(kinds)] == "Outlet"]
    arts = []
    for a in range(100):
        art = KBR[f"article/besar-{a:03d}"]
        g.add((art, KB.articleId, Literal(f"besar_{a:03d}")))
        g.add((art, SCHEMA.publisher, outlets[a % len(outlets)]))
        arts.append(art)
    for i in range(n_claims):
        code = ("STATEMENT", "DEPLOY", "WARN", "ATTACK", "MEET", "DENY")[i % 6]
        c = KBR[f"claim/besar-{i:05d}"]
        g.add((c, RDF.type, TYPE_CLASS[code]))
        g.add((c, KB.typeCode, Literal(code)))
        g.add((c, KB.agent, ents[(i * 7) % (n_entities // 3)]))         # a few busy agents
        g.add((c, KB.target, ents[(i * 13 + 3) % n_entities]))
        if code in ("STATEMENT", "DENY") and i:
            g.add((c, KB.about, KBR[f"claim/besar-{i - 1:05d}"]))
        if i % 3 == 0:
            g.add((c, KB.date, Literal(f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", datatype=ns.XSD.date)))
        ev = KBR[f"evidence/besar/{i}"]
        g.add((c, KB.evidence, ev))
        g.add((ev, KB.inArticle, arts[i % len(arts)]))
        g.add((ev, NIF.anchorOf, Literal(f"Kalimat rekaan nomor {i}, yang agak panjang untuk sebuah berita. " * 2)))
    return g


def test_viz_large_graph_loads_quickly_and_filters(tmp_path, show):
    import time
    out = tmp_path / "large.html"
    n = write_html(large_graph(), out, max_nodes=2000, max_claims=2000)
    data = page_data(out)
    assert n == len(data["nodes"]) and len(data["claims"]) == 1620
    t0 = time.monotonic()
    page = show(out)
    ready_ms = page.evaluate("window.kgReadyMs")
    print(f"\nlarge page: {n} nodes, {out.stat().st_size:,} bytes, kgReady {ready_ms} ms after navigation "
          f"({time.monotonic() - t0:.1f} s as the test waited)")
    assert ready_ms < 15_000
    t0 = time.monotonic()
    set_field(page, "kg-top", "all")
    click_element(page, "#kg-legend input[data-kind='statement']")
    set_field(page, "kg-since", "2024-04-01")
    set_field(page, "kg-until", "2024-04-30")
    rows = table_ids(page)
    dates = {c["id"]: c.get("d0", "") for c in data["claims"]}
    assert rows and all(dates[i].startswith("2024-04") for i in rows)
    assert time.monotonic() - t0 < 10
    click_element(page, "#kg-reset")
    search(page, "Nama Rekaan 0007")
    page.wait_for("network.getSelectedNodes()[0] === 'entity/besar-0007'", timeout=10)
    assert "Nama Rekaan 0007" in panel(page)
    assert page.errors == [] and page.dialogs == []


def test_viz_a_governor_s_role_names_the_place_governed(tmp_path):
    """An office of a place (kb:jurisdiction, no organisation) is shown with the place in the person's roles."""
    src = tmp_path / "a.txt"
    src.write_text("Kota Rekaan, Kabar Rekaan - Gubernur Kherson Ivan Petrenko mengatakan dua warga tewas.\n", encoding="utf-8")
    graph, out = tmp_path / "g.ttl", tmp_path / "graph.html"
    subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(graph), "--no-cache"], check=True,
                   capture_output=True)
    write_html(Graph().parse(graph), out)
    assert "gubernur — Kherson" in out.read_text("utf-8")
