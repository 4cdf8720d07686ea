"""ontology/kabar.ttl: it parses, declares exactly the code's vocabulary, is documented in two
languages, HermiT finds it consistent, and its reasoning axioms infer what the data never states."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, SKOS

from kg.graph import ontodoc
from kg.graph import validate as V
from kg.graph.vocab import ENTITY_CLASS, KB, TYPE_CLASS
from kg.model import EVENTS, SPEECH_ACTS

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "kabar.ttl"
NS = str(KB._NS)
R = "https://w3id.org/kabar-kg/resource/"
CODES = "https://w3id.org/kabar-kg/codes/"
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
ON_BEHALF_OF, MEMBER_OF = URIRef(NS + "onBehalfOf"), URIRef(NS + "memberOf")   # inferred only: not in KB
needs_java = pytest.mark.skipif(V.find_java() is None, reason="HermiT needs Java")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def kb(name: str) -> URIRef:
    return URIRef(NS + name)


def vocab_names() -> set[str]:
    """Every term of the closed namespace KB in kg/vocab.py."""
    return set(KB.__annotations__)


def declared(onto: Graph) -> dict[str, URIRef]:
    """kb: terms the ontology declares (as a class or a property), by local name."""
    return {str(s)[len(NS):]: s for k in KINDS for s in onto.subjects(RDF.type, k) if str(s).startswith(NS)}


def used_by_code() -> set[str]:
    """KB terms the package's code refers to (KB.name), outside the namespace's own definition."""
    names = set()
    for py in (ROOT / "kg").rglob("*.py"):
        names |= set(re.findall(r"\bKB\.([A-Za-z]\w*)", py.read_text(encoding="utf-8")))
    return names


def test_ontology_parses_with_version_and_description(onto):
    o = URIRef("https://w3id.org/kabar-kg/ontology")
    assert (o, RDF.type, OWL.Ontology) in onto
    assert onto.value(o, OWL.versionIRI) == URIRef("https://w3id.org/kabar-kg/ontology/0.1.0")
    assert {lab.language for lab in onto.objects(o, RDFS.label)} == {"en", "id"}
    assert onto.value(o, RDFS.comment) and onto.value(o, DCTERMS.description)


def test_ontology_declares_every_vocab_term(onto):
    missing = vocab_names() - set(declared(onto))
    assert not missing, f"terms of kg/vocab.py KB missing from ontology/kabar.ttl: {sorted(missing)}"


def test_ontology_declares_no_term_the_code_does_not_know(onto):
    """Beyond KB, only properties a reasoner derives (a property chain, never written) are allowed."""
    extra = {name: t for name, t in declared(onto).items() if name not in vocab_names()}
    assert set(extra) == {"memberOf", "onBehalfOf"}
    for t in extra.values():
        assert (t, OWL.propertyChainAxiom, None) in onto
        assert str(onto.value(t, RDFS.comment)).startswith("Inferred, never written")


def test_ontology_every_vocab_term_is_used_or_a_documented_superterm(onto):
    used = used_by_code()

    def below(t):      # every sub-class or sub-property, transitively
        out, todo = set(), [t]
        while todo:
            n = todo.pop()
            for s in set(onto.subjects(RDFS.subClassOf, n)) | set(onto.subjects(RDFS.subPropertyOf, n)):
                if s not in out:
                    out.add(s)
                    todo.append(s)
        return out

    for name in sorted(vocab_names() - used):
        t = kb(name)
        assert any(str(s)[len(NS):] in used for s in below(t)), f"kb:{name} is neither used by the code nor a superterm"
        assert "documented super" in str(onto.value(t, RDFS.comment)), f"kb:{name}: say it is a documented superterm"


def test_ontology_terms_have_labels_in_indonesian_and_english_and_a_comment(onto):
    for name, t in declared(onto).items():
        langs = {lab.language for lab in onto.objects(t, RDFS.label) if isinstance(lab, Literal)}
        assert {"en", "id"} <= langs, f"kb:{name} labels: {langs}"
        assert onto.value(t, RDFS.comment), f"kb:{name} has no rdfs:comment"


def test_ontology_properties_have_domain_and_range(onto):
    for name, t in declared(onto).items():
        if (t, RDF.type, OWL.Class) not in onto:
            assert onto.value(t, RDFS.domain) is not None and onto.value(t, RDFS.range) is not None, name


def test_ontology_claim_classes_follow_the_code(onto):
    assert set(TYPE_CLASS) == set(SPEECH_ACTS) | set(EVENTS)
    for code, cls in TYPE_CLASS.items():
        parent = kb("SpeechAct") if code in SPEECH_ACTS else kb("Event")
        assert (cls, RDFS.subClassOf, parent) in onto, code
        fixed = [onto.value(r, OWL.hasValue) for r in onto.objects(cls, RDFS.subClassOf)
                 if onto.value(r, OWL.onProperty) == KB.typeCode]
        assert fixed == [Literal(code)], code
    for cls in ENTITY_CLASS.values():
        assert (cls, RDF.type, OWL.Class) in onto


def test_ontology_speech_acts_and_events_are_disjoint_subclasses_of_claim(onto):
    assert (KB.SpeechAct, OWL.disjointWith, KB.Event) in onto
    [union] = list(onto.objects(KB.Claim, OWL.disjointUnionOf))
    assert list(Collection(onto, union)) == [KB.SpeechAct, KB.Event]


def test_ontology_claim_classes_map_to_cameo_or_plover(onto):
    matches = (SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
    for code, cls in TYPE_CLASS.items():
        codes = [c for p in matches for c in onto.objects(cls, p)]
        assert codes, f"kb:{cls} has no CAMEO or PLOVER match"
        for c in codes:
            assert re.fullmatch(re.escape(CODES) + r"(cameo/\d{2,3}|plover/[A-Z]+)", str(c)), c
            assert (c, RDF.type, SKOS.Concept) in onto and onto.value(c, SKOS.prefLabel), c
            notation = str(onto.value(c, SKOS.notation))
            assert str(c).endswith("/" + notation), c


def test_ontology_reuses_standard_vocabularies(onto):
    assert (KB.Country, RDFS.subClassOf, URIRef("https://schema.org/Country")) in onto
    assert (KB.Article, RDFS.subClassOf, URIRef("https://schema.org/NewsArticle")) in onto
    assert (KB.Article, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in onto
    assert (KB.Event, RDFS.subClassOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")) in onto
    assert (KB.Membership, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Membership")) in onto
    assert (KB.Evidence, RDFS.subClassOf,
            URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#String")) in onto
    assert (KB.Outlet, RDFS.subClassOf, KB.Organization) in onto


@needs_java
def test_ontology_alone_is_consistent_for_hermit():
    report = V.validate(Graph(), reason=True)
    assert [f for f in report.findings if f.source == "owl"] == [], str(report)
    assert "owl" in report.seconds


@needs_java
def test_ontology_disjoint_kinds_of_entity_are_inconsistent():
    g = Graph()
    budi = URIRef(R + "entity/budi-santoso")
    g.add((budi, RDF.type, KB.Person))
    assert not [f for f in V.validate(g).findings if f.source == "owl"]
    g.add((budi, RDF.type, KB.Organization))
    owl = [f for f in V.validate(g).findings if f.source == "owl"]
    assert [(f.severity, f.focus) for f in owl] == [("violation", str(budi))]


# A spokesman of an invented ministry makes a statement. Nothing in the data says that the
# statement was made on behalf of the ministry, or of its country: the property chains do.
MEMBERSHIP = f"""
@base <{R}> .
@prefix kb:   <{NS}> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<entity/budi-santoso> a kb:Person ; rdfs:label "Budi Santoso" .
<entity/kementerian-contoh> a kb:Organization ; rdfs:label "Kementerian Contoh" ;
    kb:country <entity/negara-contoh> .
<entity/negara-contoh> a kb:Country ; rdfs:label "Negara Contoh" .
<membership/budi-santoso/juru-bicara/kementerian-contoh> a kb:Membership ;
    org:member <entity/budi-santoso> ;
    org:organization <entity/kementerian-contoh> ;
    kb:roleLabel "juru bicara" .
<claim/statement-1> a kb:Statement ; kb:typeCode "STATEMENT" ; kb:agent <entity/budi-santoso> .
"""

ON_BEHALF_OF_A_COUNTRY = """
PREFIX kb: <https://w3id.org/kabar-kg/ontology#>
SELECT ?claim ?country WHERE { ?claim a kb:Claim ; kb:onBehalfOf ?country . ?country a kb:Country . }
"""


@needs_java
def test_ontology_membership_chain_infers_on_behalf_of():
    g = Graph().parse(data=MEMBERSHIP, format="turtle")
    claim, budi = URIRef(R + "claim/statement-1"), URIRef(R + "entity/budi-santoso")
    ministry, country = URIRef(R + "entity/kementerian-contoh"), URIRef(R + "entity/negara-contoh")
    assert not list(g.triples((None, ON_BEHALF_OF, None))) and not list(g.triples((None, MEMBER_OF, None)))
    assert list(g.query(ON_BEHALF_OF_A_COUNTRY)) == []

    inferred = V.infer(g)
    assert set(g) <= set(inferred)
    assert (budi, MEMBER_OF, ministry) in inferred
    assert (budi, URIRef("http://www.w3.org/ns/org#memberOf"), ministry) in inferred
    assert set(inferred.objects(claim, ON_BEHALF_OF)) == {budi, ministry, country}
    assert [(r.claim, r.country) for r in inferred.query(ON_BEHALF_OF_A_COUNTRY)] == [(claim, country)]


@needs_java
def test_ontology_class_hierarchy_is_inferred():
    g = Graph().parse(data=MEMBERSHIP, format="turtle")
    inferred = V.infer(g)
    claim = URIRef(R + "claim/statement-1")
    assert {KB.SpeechAct, KB.Claim} <= set(inferred.objects(claim, RDF.type))
    assert KB.Event not in set(inferred.objects(claim, RDF.type))
    for e in ("budi-santoso", "kementerian-contoh", "negara-contoh"):
        assert (URIRef(R + "entity/" + e), RDF.type, KB.Agent) in inferred, e
        assert (URIRef(R + "entity/" + e), RDF.type, KB.Agent) not in g


def test_ontology_examples_form_a_valid_graph():
    g = ontodoc.example_graph(ONTOLOGY)
    assert len(set(g.subjects(RDF.type, None))) >= 10
    report = V.validate(g, reason=V.find_java() is not None)
    assert report.findings == [], str(report)


def test_ontology_doc_lists_every_term_escaped_and_self_contained(onto, tmp_path):
    page = ontodoc.render(ONTOLOGY)
    for name, t in declared(onto).items():
        assert f'id="{name}"' in page, name
        for lab in onto.objects(t, RDFS.label):
            assert html.escape(str(lab)) in page, (name, str(lab))
    assert "Decline comment" in page and "plover:ACCUSE" in page
    assert "&lt;claim/deny-1&gt; a kb:Deny" in page          # examples are escaped
    assert "<claim/" not in page
    for external in ("<script", "<link", "<img", "<iframe", "@import", "url("):
        assert external not in page
    out = ontodoc.write(tmp_path / "index.html", ONTOLOGY)
    assert out.read_text(encoding="utf-8") == page


def test_ontology_index_html_is_up_to_date():
    """ontology/index.html is made from kabar.ttl: regenerate it with `python -m kg.graph.ontodoc`."""
    assert (ROOT / "ontology" / "index.html").read_text(encoding="utf-8") == ontodoc.render(ONTOLOGY)
