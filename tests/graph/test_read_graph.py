"""kg.graph.read: every format `kg build` writes read back as the union of its graphs, and one clear line
for a file that is not a graph."""
from __future__ import annotations

import pytest
from rdflib import Graph

from kg.graph.rdf import ENTITIES, graph_iri
from kg.graph.read import GraphFileError, format_of, read_graph
from kg.graph.vocab import KB, KBR

# Two invented statements in two article graphs and one entity description in the entities' graph.
TRIG = f"""@prefix kb: <{KB._NS}> .
<{graph_iri("uji_1")}> {{ <{KBR}claim/a> kb:typeCode "DENY" . }}
<{graph_iri("uji_2")}> {{ <{KBR}claim/b> kb:typeCode "CONFIRM" . <{KBR}claim/a> kb:typeCode "DENY" . }}
<{graph_iri(ENTITIES)}> {{ <{KBR}entity/budi> <http://www.w3.org/2000/01/rdf-schema#label> "Budi Hartono" . }}
"""


@pytest.fixture
def files(tmp_path):
    """The same three triples in every format kabar-kg reads."""
    from rdflib import Dataset
    ds = Dataset()
    ds.parse(data=TRIG, format="trig")
    out = {}
    for suffix, fmt in ((".trig", "trig"), (".nq", "nquads"), (".jsonld", "json-ld")):
        p = tmp_path / f"g{suffix}"
        p.write_bytes(ds.serialize(format=fmt, encoding="utf-8"))
        out[suffix] = p
    union = Graph()
    for s, p_, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p_, o))
    p = tmp_path / "g.ttl"
    p.write_bytes(union.serialize(format="turtle", encoding="utf-8"))
    out[".ttl"] = p
    return out, union


def test_read_every_format_gives_the_union_of_its_graphs(files):
    paths, union = files
    assert len(union) == 3          # claim/a is in two graphs: once in the union
    for suffix, path in paths.items():
        g = read_graph(path)
        assert set(g) == set(union), suffix


def test_read_a_dataset_without_its_extension_by_its_content(files, tmp_path):
    paths, union = files
    for suffix in (".trig", ".jsonld"):
        odd = tmp_path / f"copy{suffix}.data"
        odd.write_bytes(paths[suffix].read_bytes())
        assert set(read_graph(odd)) == set(union), suffix
    assert format_of(tmp_path / "copy.jsonld.data") == "jsonld"


@pytest.mark.parametrize("name, data, problem", [
    ("catatan.md", "# Catatan\n\nIni bukan graf.\n", "not an RDF graph"),
    ("kosong.ttl", "", "holds no triples"),
    ("awalan.ttl", "@prefix kb: <https://w3id.org/kabar-kg/ontology#> .\n", "holds no triples"),
    ("rusak.nq", "<a> <b> <c> .\n", "not valid N-Quads"),
    ("rusak.jsonld", "{ bukan json", "not valid JSON-LD"),
])
def test_read_bad_file_is_one_line_naming_it(tmp_path, name, data, problem):
    p = tmp_path / name
    p.write_text(data, encoding="utf-8")
    with pytest.raises(GraphFileError) as e:
        read_graph(p)
    msg = str(e.value)
    assert msg.startswith(str(p)) and problem in msg and "\n" not in msg, msg
    assert "format argument" not in msg


def test_read_missing_file_says_to_build(tmp_path):
    with pytest.raises(GraphFileError, match="no such graph file.*kg build"):
        read_graph(tmp_path / "tidak-ada.ttl")
