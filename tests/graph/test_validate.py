"""kg.graph.validate: SHACL shapes and HermiT over small invented graphs, valid and broken on purpose."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD, Dataset, Graph, Literal, URIRef

from kg.graph import validate as V
from kg.graph.vocab import KB, SCHEMA

DATA = Path(__file__).resolve().parent / "data"
R = "https://w3id.org/kabar-kg/resource/"
NON_NEGATIVE = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
needs_java = pytest.mark.skipif(V.find_java() is None, reason="HermiT needs Java")

# An invented article with two sentences, and everything kabar-kg writes about it. The names
# and the events are made up.
TEXT = ('Jakarta — Kepala Badan Contoh Sari Dewi mengatakan, "Kami memperkirakan 1.500 hingga 2.000 '
        'tentara Negara Contoh telah tiba di Kota Contoh." Negara Contoh membantah laporan itu.')
SENT1, SENT2, QUOTE = TEXT[10:140], TEXT[141:177], TEXT[53:139]
VALID = f'''
@base <{R}> .
@prefix kb:     <https://w3id.org/kabar-kg/ontology#> .
@prefix nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .

<article/contoh-002> a kb:Article ;
    kb:articleId "contoh-002" ;
    kb:text """{TEXT}""" ;
    schema:headline "Negara Contoh membantah kirim tentara" ;
    schema:url "https://kabar.contoh/2024/11/contoh-002"^^xsd:anyURI ;
    schema:datePublished "2024-11-08"^^xsd:date ;
    kb:datePublishedFoundBy "dateline" ;
    schema:publisher <entity/outlet-kabar-contoh> ;
    kb:outletFoundBy "dateline" ;
    schema:mentions <entity/sari-dewi> , <entity/badan-contoh> , <entity/negara-contoh> , <entity/kota-contoh> .

<entity/outlet-kabar-contoh> a kb:Outlet ; rdfs:label "Kabar Contoh" .
<entity/sari-dewi> a kb:Person ; rdfs:label "Sari Dewi" .
<entity/badan-contoh> a kb:Organization ; rdfs:label "Badan Contoh" ; skos:altLabel "BC" ;
    kb:country <entity/negara-contoh> .
<entity/negara-contoh> a kb:Country ; rdfs:label "Negara Contoh" .
<entity/kota-contoh> a kb:Place ; rdfs:label "Kota Contoh" ; kb:country <entity/negara-contoh> .

<membership/sari-dewi/kepala/badan-contoh> a kb:Membership ;
    org:member <entity/sari-dewi> ;
    org:organization <entity/badan-contoh> ;
    kb:roleLabel "kepala" ;
    kb:evidence <evidence/contoh-002/10-140> .

<evidence/contoh-002/10-140> a kb:Evidence ;
    kb:inArticle <article/contoh-002> ;
    nif:beginIndex "10"^^xsd:nonNegativeInteger ;
    nif:endIndex "140"^^xsd:nonNegativeInteger ;
    nif:anchorOf """{SENT1}""" .

<claim/estimate-1> a kb:Estimate ;
    kb:typeCode "ESTIMATE" ;
    kb:agent <entity/sari-dewi> ;
    kb:about <claim/deploy-1> ;
    kb:quantityMin 1500 ;
    kb:quantityMax 2000 ;
    kb:modality "believed" ;
    kb:date "2024-11-07"^^xsd:date ;
    kb:datePrecision "day" ;
    kb:evidence <evidence/contoh-002/10-140-estimate-1> ;
    prov:wasDerivedFrom <article/contoh-002> .

<evidence/contoh-002/10-140-estimate-1> a kb:Evidence ;
    kb:inArticle <article/contoh-002> ;
    nif:beginIndex "10"^^xsd:nonNegativeInteger ;
    nif:endIndex "140"^^xsd:nonNegativeInteger ;
    nif:anchorOf """{SENT1}""" ;
    kb:trigger "memperkirakan" ;
    kb:quantityText "1.500 hingga 2.000 tentara" ;
    kb:quote """{QUOTE}""" ;
    kb:quoteBegin "53"^^xsd:nonNegativeInteger ;
    kb:quoteEnd "139"^^xsd:nonNegativeInteger .

<claim/deploy-1> a kb:Deploy ;
    kb:typeCode "DEPLOY" ;
    kb:agent <entity/negara-contoh> ;
    kb:place <entity/kota-contoh> ;
    kb:date "2024"^^xsd:gYear ;
    kb:datePrecision "year" ;
    kb:evidence <evidence/contoh-002/10-140-estimate-1> ;
    prov:wasDerivedFrom <article/contoh-002> .

<claim/deny-1> a kb:Deny ;
    kb:typeCode "DENY" ;
    kb:agent <entity/negara-contoh> ;
    kb:about <claim/deploy-1> ;
    kb:negated false ;
    kb:date "2024-11"^^xsd:gYearMonth ;
    kb:datePrecision "month" ;
    kb:evidence <evidence/contoh-002/141-177-deny-1> ;
    prov:wasDerivedFrom <article/contoh-002> .

<evidence/contoh-002/141-177-deny-1> a kb:Evidence ;
    kb:inArticle <article/contoh-002> ;
    nif:beginIndex "141"^^xsd:nonNegativeInteger ;
    nif:endIndex "177"^^xsd:nonNegativeInteger ;
    nif:anchorOf """{SENT2}""" ;
    kb:trigger "membantah" ;
    kb:carriedBy <entity/outlet-kabar-contoh> .
'''


def valid() -> Graph:
    return Graph().parse(data=VALID, format="turtle")


def broken(name: str) -> Graph:
    return Graph().parse(DATA / f"broken_{name}.ttl", format="turtle")


def violations(report: V.Report, source: str | None = None) -> list[V.Finding]:
    return [f for f in report.findings if f.severity == "violation" and (source is None or f.source == source)]


def test_validate_valid_graph_conforms():
    report = V.validate(valid(), reason=V.find_java() is not None)
    assert report.findings == [], str(report)
    assert report.conforms


def test_validate_claim_without_agent():
    report = V.validate(broken("no_agent"), reason=False)
    assert not report.conforms
    [f] = violations(report)
    assert (f.source, f.focus) == ("shacl", R + "claim/statement-1")
    assert f.message.startswith("kb:agent:")


def test_validate_evidence_begin_after_end():
    report = V.validate(broken("begin_after_end"), reason=False)
    [f] = violations(report)
    assert (f.source, f.focus) == ("shacl", R + "evidence/contoh-001/40-10")
    assert f.message.startswith("nif:beginIndex:") and '"40"' in f.message


def test_validate_date_typed_as_string():
    report = V.validate(broken("date_string"), reason=False)
    found = violations(report)
    assert {f.focus for f in found} == {R + "claim/statement-1"}
    assert any(f.message.startswith("kb:date:") and "xsd:string" in f.message for f in found)


def test_validate_anchor_that_is_not_the_article_text():
    report = V.validate(broken("anchor_mismatch"), reason=False)
    [f] = violations(report)
    assert (f.source, f.focus) == ("shacl", R + "evidence/contoh-001/0-23")
    assert f.message.startswith("nif:anchorOf:")


@needs_java
def test_validate_speech_act_and_event_is_inconsistent_for_hermit():
    g = broken("speech_and_event")
    assert not violations(V.validate(g, reason=False), "owl")
    report = V.validate(g, reason=True)
    owl = violations(report, "owl")
    assert owl, str(report)
    assert {f.focus for f in owl} == {R + "claim/confirm-1"}
    assert any("kb:SpeechAct" in f.message and "kb:Event" in f.message and "disjoint" in f.message for f in owl)
    with pytest.raises(V.InconsistentGraph) as e:
        V.infer(g)
    assert {f.focus for f in e.value.findings} == {R + "claim/confirm-1"}


@needs_java
@pytest.mark.parametrize("name", ["no_agent", "begin_after_end", "date_string", "anchor_mismatch"])
def test_validate_broken_graphs_are_consistent_for_hermit(name):
    """Each of these breaks a SHACL shape only: HermiT finds nothing, and says so without a warning."""
    report = V.validate(broken(name), reason=True)
    assert [f for f in report.findings if f.source == "owl"] == []
    assert "owl" in report.seconds


def test_validate_claim_without_date_is_info():
    g = valid()
    claim = URIRef(R + "claim/deny-1")
    g.remove((claim, KB.date, None))
    g.remove((claim, KB.datePrecision, None))
    report = V.validate(g, reason=False)
    assert report.conforms
    [f] = report.findings
    assert (f.severity, f.source, f.focus) == ("info", "shacl", str(claim))


def test_validate_type_code_must_match_class():
    g = valid()
    claim = URIRef(R + "claim/deny-1")
    g.set((claim, KB.typeCode, Literal("CONFIRM")))
    report = V.validate(g, reason=V.find_java() is not None)
    shacl = violations(report, "shacl")
    assert [f.focus for f in shacl] == [str(claim)]
    assert 'A kb:Deny has kb:typeCode "DENY"' in shacl[0].message
    if V.find_java():
        assert [f.focus for f in violations(report, "owl")] == [str(claim)]


def test_validate_quantity_range_and_exclusivity():
    g = valid()
    claim = URIRef(R + "claim/estimate-1")
    g.set((claim, KB.quantityMin, Literal(3000)))
    report = V.validate(g, reason=False)
    assert any(f.message.startswith("kb:quantityMin:") for f in violations(report))
    g.set((claim, KB.quantityMin, Literal(1500)))
    g.add((claim, KB.quantity, Literal(1800)))
    report = V.validate(g, reason=False)
    assert [f.message for f in violations(report)] == [
        "An amount is either kb:quantity or both kb:quantityMin and kb:quantityMax."]


def test_validate_quote_outside_its_span():
    g = valid()
    ev = URIRef(R + "evidence/contoh-002/10-140-estimate-1")
    g.set((ev, KB.quoteBegin, Literal(52, datatype=NON_NEGATIVE)))
    report = V.validate(g, reason=False)
    [f] = violations(report)
    assert f.focus == str(ev) and f.message.startswith("kb:quote: kb:quote is not the article text")


def test_validate_untyped_entity_without_label():
    g = valid()
    g.add((URIRef(R + "article/contoh-002"), SCHEMA.author, URIRef(R + "entity/penulis-contoh")))
    report = V.validate(g, reason=False)
    found = violations(report)
    assert {f.focus for f in found} == {R + "entity/penulis-contoh"}
    assert any(f.message.startswith("rdfs:label:") for f in found)
    assert any(f.message.startswith("An entity is an IRI of") for f in found)


def test_validate_dataset_with_named_graphs():
    ds = Dataset()
    ng = ds.graph(URIRef(R + "graph/contoh-001"))
    for t in broken("no_agent"):
        ng.add(t)
    report = V.validate(ds, reason=False)
    assert [f.focus for f in violations(report)] == [R + "claim/statement-1"]


def test_validate_without_java_warns(monkeypatch):
    monkeypatch.setattr(V, "find_java", lambda: None)
    report = V.validate(valid(), reason=True)
    [f] = report.findings
    assert (f.severity, f.source) == ("warning", "owl")
    assert "skipped" in f.message and "Java" in f.message
    assert report.conforms
    with pytest.raises(V.ReasonerUnavailable):
        V.infer(valid())


def test_validate_report_reads_well():
    report = V.validate(broken("no_agent"), reason=False)
    text = str(report)
    assert text.splitlines()[0] == "kabar-kg validation: does not conform"
    assert "1 violation, 0 warnings, 0 info" in text
    assert "[shacl] kbr:claim/statement-1" in text
    assert "kb:agent: A speech act has exactly one kb:agent" in text
    assert str(V.validate(valid(), reason=False)).splitlines()[0] == "kabar-kg validation: conforms"


@needs_java
def test_validate_bundled_corpus_graph_is_consistent(seeds_graph):
    """HermiT finds the graph of the bundled corpus consistent, in reasonable time."""
    g = Graph().parse(seeds_graph, format="turtle")
    report = V.validate(g, reason=True)
    assert [f for f in report.findings if f.source == "owl"] == [], str(report)
    assert report.seconds["owl"] < 60


@needs_java
def test_validate_odd_literals_reach_hermit_readable():
    """Control characters, U+FFFE, a number beyond 64 bits and a URL with a space: HermiT reads the graph."""
    g = valid()
    claim = next(g.subjects(KB.quantityMin, None))
    g.set((claim, KB.quantityMin, Literal(10 ** 30)))
    g.set((claim, KB.quantityMax, Literal(10 ** 31)))
    ev = next(g.subjects(KB.trigger, None))
    g.set((ev, KB.trigger, Literal("mem\x00per\x1bkira\ufffekan\u2028")))
    art = next(g.subjects(KB.articleId, None))
    g.set((art, SCHEMA.url, Literal("https://kabar.contoh/berita uji\x01", datatype=XSD.anyURI)))
    report = V.validate(g)
    assert report.count(source="owl") == 0 and report.conforms, str(report)


@needs_java
def test_validate_inconsistent_graph_is_one_line_for_a_reasoned_query(tmp_path):
    from conftest import run_kg
    g = valid()
    sari = URIRef(R + "entity/sari-dewi")
    g.add((sari, __import__("rdflib").RDF.type, KB.Organization))        # a person and an organisation: disjoint
    path = tmp_path / "bentrok.ttl"
    g.serialize(path, format="turtle")
    r = run_kg("query", "claims_on_behalf_of", "--graph", path)
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 2 and len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    assert str(path) in lines[0] and "kbr:entity/sari-dewi" in lines[0] and "kg validate" in lines[0]
