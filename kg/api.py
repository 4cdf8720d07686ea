"""The operations of the command line, for use from Python."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from . import query as _query
from .pipeline import Build, build
from .rdf import new_graph, serialize, to_dataset, to_graph, write_atomic

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GRAPH = Path("graph.ttl")


class GraphError(Exception):
    pass


def build_graph(paths: list[str | Path] | None = None) -> tuple[Graph, Build]:
    """Build the graph of the articles under `paths` (the bundled corpus when none)."""
    b = build([Path(p) for p in (paths or [CORPUS])])
    return to_graph(b.articles), b


def write_graph(paths, out: str | Path = GRAPH, fmt: str = "turtle") -> Build:
    """Build and write the graph atomically; trig, nquads and jsonld hold one named graph per article."""
    b = build([Path(p) for p in (paths or [CORPUS])])
    data = to_dataset(b.articles) if fmt in ("trig", "nquads", "jsonld") else to_graph(b.articles)
    write_atomic(Path(out), serialize(data, fmt))
    return b


def load_graph(path: str | Path = GRAPH) -> Graph:
    """Read a graph file written by `kg build`."""
    path = Path(path)
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file (run `kg build` first)")
    g = new_graph()
    try:
        g.parse(path, format="turtle" if path.suffix in (".ttl", "") else None)
    except Exception as e:
        raise GraphError(f"{path}: not a readable RDF graph ({e.__class__.__name__}: {str(e)[:200]})") from None
    return g


def query(graph: Graph, q: str, params: dict[str, str] | None = None, fmt: str = "table") -> str:
    """Run a named query, a .rq file or SPARQL text and render it (table, csv, json)."""
    return _query.render(_query.run(graph, q, params), fmt)
