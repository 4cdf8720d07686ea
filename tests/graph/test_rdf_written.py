"""The graph as a product: golden comparison by meaning, round trip, evidence that slices back, reasoning."""
from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT, run_kg
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from kg.graph.vocab import KB, NIF


def _show(g: Graph, limit: int = 15) -> str:
    return "\n".join(sorted(f"  {s.n3()} {p.n3()} {o.n3()[:80]}" for s, p, o in g)[:limit])


def test_graph_golden_matches_by_meaning(seeds_graph):
    """The committed graph.ttl is the golden graph of corpus/. To regenerate: `kg build` and commit graph.ttl."""
    fresh, golden = Graph().parse(seeds_graph), Graph().parse(ROOT / "graph.ttl")
    if to_isomorphic(fresh) != to_isomorphic(golden):
        _, only_golden, only_fresh = graph_diff(to_isomorphic(golden), to_isomorphic(fresh))
        pytest.fail(f"graph differs from graph.ttl (run `kg build` and commit it)\n"
                    f"only in graph.ttl ({len(only_golden)}):\n{_show(only_golden)}\n"
                    f"only in a fresh build ({len(only_fresh)}):\n{_show(only_fresh)}")


def test_graph_round_trip_rdflib_and_oxigraph():
    import pyoxigraph as ox
    g = Graph().parse(ROOT / "graph.ttl")
    store = ox.Store()
    store.load(path=str(ROOT / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(g) > 1000


def test_graph_every_evidence_slices_back_to_its_text(seeds_graph):
    g = Graph().parse(seeds_graph)
    texts = {a: str(g.value(a, KB.text)) for a in g.subjects(KB.articleId, None)}
    evidence = list(g.subjects(KB.inArticle, None))
    assert len(evidence) > 50
    for ev in evidence:
        text = texts[g.value(ev, KB.inArticle)]
        begin, end = int(g.value(ev, NIF.beginIndex)), int(g.value(ev, NIF.endIndex))
        assert text[begin:end] == str(g.value(ev, NIF.anchorOf))
        if g.value(ev, KB.quote) is not None:
            qb, qe = int(g.value(ev, KB.quoteBegin)), int(g.value(ev, KB.quoteEnd))
            assert text[qb:qe] == str(g.value(ev, KB.quote))


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_graph_formats_hold_one_named_graph_per_article(invented_dir, tmp_path, fmt):
    (invented_dir / "contoh_002.txt").write_text("Jepang mengecam Korea Utara atas uji coba rudal.\n", encoding="utf-8")
    out = tmp_path / f"g.{fmt}"
    assert run_kg("build", invented_dir, "-o", out, "--format", fmt).returncode == 0
    from rdflib import Dataset
    ds = Dataset().parse(out, format={"trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt])
    names = {str(c.identifier).rsplit("/", 1)[-1] for c in ds.contexts() if len(c)}
    assert {"contoh_001", "contoh_002"} <= names


def test_graph_reasoning_answers_what_the_data_does_not_state(seeds_graph):
    """kb:onBehalfOf is never written; HermiT derives it, so the question has answers only with reasoning."""
    if not __import__("shutil").which("java"):
        pytest.skip("no Java: HermiT cannot run")
    g = Graph().parse(seeds_graph)
    assert not list(g.triples((None, URIRef(str(KB.agent)[:-5] + "onBehalfOf"), None)))   # not in KB: inferred only
    plain = json.loads(run_kg("query", "claims_on_behalf_of", "--no-reason", "--graph", seeds_graph,
                              "--format", "json", check=True).stdout)
    reasoned = json.loads(run_kg("query", "claims_on_behalf_of", "--graph", seeds_graph, "--format", "json",
                                 check=True).stdout)
    assert plain["results"]["bindings"] == []
    rows = {(b["body"]["value"], b["agent"]["value"]) for b in reasoned["results"]["bindings"]}
    # a person whose title names a body speaks for it: these come from memberships and kb:country
    roles = json.loads(run_kg("query", "roles", "--graph", seeds_graph, "--format", "json", check=True).stdout)
    member_of = {(b["organization"]["value"], b["member"]["value"]) for b in roles["results"]["bindings"]
                 if "organization" in b}
    speakers = {agent for _, agent in rows}
    assert rows and {pair for pair in member_of if pair[1] in speakers} <= rows


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads"])
def test_graph_written_article_by_article_is_the_whole_graph_once(fmt):
    """`kg build` streams the graph an article at a time; what two articles share (entities, a claim
    both report) is still written once in Turtle, and every format holds the graph of the articles."""
    import pyoxigraph as ox
    from corpora import write_corpus

    from kg.build.pipeline import build
    from kg.graph.rdf import to_graph, write
    with tempfile.TemporaryDirectory() as d:
        b = build([write_corpus(Path(d) / "articles", 40, seed=3)])
    g = to_graph(b.articles)
    buf = io.BytesIO()
    assert write(b.articles, buf, fmt) == len(g)
    data = buf.getvalue()
    oxfmt = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}[fmt]
    quads = list(ox.parse(data, format=oxfmt))
    statements = [(q.subject, q.predicate, q.object) for q in quads]
    assert len({str(t) for t in statements}) == len(g)
    if fmt == "turtle":
        assert len(statements) == len(g)             # nothing written twice
        back = Graph().parse(data=data.decode("utf-8"), format="turtle")
        assert to_isomorphic(back) == to_isomorphic(g)
    else:           # a graph per article; entities, claims, events and memberships described once, in their own graphs
        from kg.graph.rdf import CLAIMS, ENTITIES, graph_iri, home_graph
        assert len(statements) == len(g)             # no triple in two graphs
        names = {q.graph_name.value for q in quads}
        assert names == {str(graph_iri(a.id)) for a in b.articles} | {str(graph_iri(ENTITIES)), str(graph_iri(CLAIMS))}
        for q in quads:
            home = home_graph(q.subject.value, q.predicate.value)
            assert (q.graph_name.value in (str(graph_iri(ENTITIES)), str(graph_iri(CLAIMS)))) == (home is not None)
            assert home is None or q.graph_name.value == str(graph_iri(home))


def _clashing_articles():
    """Two invented articles whose extraction disagrees: one person under two spellings of one key, a
    place named as an agent, one claim with two modalities, an outlet named like a place, a membership
    of an organisation, a country that is a place, an impossible date and a URL with a space."""
    from kg.model import Article, Claim, DateValue, Entity, Role, Sentence
    text = "Budi Hartono mengatakan Korea Utara mengirim pasukan ke Kursk.\nKursk menyatakan hal itu.\n"
    s0, s1 = Sentence(0, 0, 62, text[:62]), Sentence(1, 63, 88, text[63:88])
    assert text[s0.start:s0.end] == s0.text and text[s1.start:s1.end] == s1.text
    out = []
    for i, (label, modality) in enumerate((("Budi Hartono", "believed"), ("BUDI HARTONO", "reported"))):
        a = Article(id=f"uji_{i}", path=None, raw=text, keep=[(0, len(text))], sentences=[s0, s1],
                    url="https://contoh.id/berita uji", outlet="Kursk" if i else None, outlet_how="dateline")
        a.published = DateValue("2025-02-30", "day", "30 Februari 2025")
        a.entities = {
            "budi-hartono": Entity("budi-hartono", label, "Person", country="kursk"),
            "korea-utara": Entity("korea-utara", "Korea Utara", "Country"),
            "kursk": Entity("kursk", "Kursk", "Place"),
            "kemlu": Entity("kemlu", "Kemlu Contoh", "Organization", country="korea-utara"),
        }
        a.roles = [Role("kemlu", "juru bicara", "korea-utara", 0), Role("budi-hartono", "juru bicara", "budi-hartono", 0)]
        a.claims = [Claim("DEPLOY", "korea-utara", s0, place="kursk", modality=modality),
                    Claim("STATEMENT", "budi-hartono", s0, about="DEPLOY", about_agent="korea-utara",
                          about_place="kursk"),
                    Claim("STATEMENT", "kursk", s1)]
        out.append(a)
    return out


def test_graph_written_keeps_the_shapes_whatever_extraction_made():
    from rdflib import RDF, RDFS

    from kg.graph.rdf import entity_iri, to_graph
    from kg.graph.validate import validate
    from kg.graph.vocab import ORG, SCHEMA
    g = to_graph(_clashing_articles())
    budi = entity_iri("budi-hartono")
    assert len(list(g.objects(budi, RDFS.label))) == 1 and (budi, KB.country, None) not in g
    assert {str(x) for x in g.objects(None, KB.modality)} == {"believed", "reported"}
    for claim in set(g.subjects(KB.modality, None)):
        assert len(list(g.objects(claim, KB.modality))) == 1
    assert not list(g.subjects(KB.agent, entity_iri("kursk")))            # a place never speaks
    publisher = g.value(None, SCHEMA.publisher)
    assert publisher != entity_iri("kursk") and (publisher, RDF.type, KB.Outlet) in g
    assert (entity_iri("kursk"), RDF.type, KB.Place) in g and (entity_iri("kursk"), RDF.type, KB.Outlet) not in g
    members = set(g.objects(None, ORG.member))
    assert members == {budi} and not list(g.objects(None, ORG.organization))
    report = validate(g, reason=bool(__import__("shutil").which("java")))
    assert report.conforms, str(report)


@pytest.mark.parametrize("fmt", ["turtle", "nquads"])
def test_graph_written_clashes_stream_as_they_build(fmt):
    import pyoxigraph as ox

    from kg.graph.rdf import to_graph, write
    from kg.graph.read import to_rdflib
    arts = _clashing_articles()
    buf = io.BytesIO()
    write(arts, buf, fmt)
    oxfmt = {"turtle": ox.RdfFormat.TURTLE, "nquads": ox.RdfFormat.N_QUADS}[fmt]
    written = {tuple(map(to_rdflib, (q.subject, q.predicate, q.object))) for q in ox.parse(buf.getvalue(), format=oxfmt)}
    assert written == set(to_graph(arts))


@pytest.mark.parametrize("sentence, person, place", [
    ("Gubernur Kherson Ivan Petrenko mengatakan dua warga tewas.", "Ivan Petrenko", "Kherson"),
    ("Wali Kota Kharkiv, Oleh Bondar, mengatakan listrik padam.", "Oleh Bondar", "Kharkiv"),
    ("Kepala Administrasi Militer Regional Zaporizhzhia Taras Lysenko mengatakan serangan berlanjut.",
     "Taras Lysenko", "Zaporizhzhia"),
])
def test_graph_an_office_of_a_place_keeps_the_place_as_its_jurisdiction(tmp_path, sentence, person, place):
    """A governor's province is no organisation: the membership names it as its kb:jurisdiction, `kg facts`
    gives it as the role's body, and the graph conforms."""
    (tmp_path / "a.txt").write_text("Jakarta, Kabar Contoh - " + sentence + "\n", encoding="utf-8")
    graph = tmp_path / "g.ttl"
    assert run_kg("build", tmp_path / "a.txt", "-o", graph, "--no-cache").returncode == 0
    from rdflib import RDFS, Literal

    from kg.graph.vocab import ORG
    g = Graph().parse(graph)
    (m,) = g.subjects(ORG.member, g.value(None, RDFS.label, Literal(person)))
    assert g.value(m, ORG.organization) is None
    assert str(g.value(g.value(m, KB.jurisdiction), RDFS.label)) == place
    rows = [json.loads(x) for x in run_kg("facts", "--graph", graph).stdout.splitlines()]
    assert [(r["person"], r["org"]) for r in rows if r["kind"] == "role"] == [(person, place)]
    assert run_kg("validate", graph, "--no-reason").returncode == 0
