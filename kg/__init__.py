"""kabar-kg: a knowledge graph of who did and said what, read from Indonesian news articles."""
from kg.api import build_graph, load_graph, query, write_graph

__all__ = ["build_graph", "load_graph", "query", "write_graph", "write_html", "load"]


def write_html(graph, path):
    """Write the interactive HTML graph; returns the number of nodes drawn."""
    from kg.uses.viz import write_html as _w
    return _w(graph, path)


def load(graph, store=None, endpoint=None, **auth):
    """Load a graph into an embedded Oxigraph store (a folder) or a SPARQL 1.1 server."""
    from kg.uses import store as _s
    return _s.load_endpoint(graph, endpoint, **auth) if endpoint else _s.load_local(graph, store or "store")
