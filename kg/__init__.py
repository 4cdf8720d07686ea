"""kabar-kg: a knowledge graph of who did and said what, read from Indonesian news articles."""
from kg.api import build_graph, load_graph, query, write_graph

__all__ = ["build_graph", "load_graph", "query", "write_graph", "write_html", "load"]


def write_html(graph, path, **options):
    """Write the interactive HTML page (options as kg.uses.viz.write_html: lang, focus, depth,
    since, until, stated_only, max_nodes, max_claims); returns the number of nodes of its graph."""
    from kg.uses.viz import write_html as _w
    return _w(graph, path, **options)


def load(graph, store=None, endpoint=None, **auth):
    """Load a graph into an embedded Oxigraph store (a folder) or a SPARQL 1.1 server."""
    from kg.uses import store as _s
    return _s.load_endpoint(graph, endpoint, **auth) if endpoint else _s.load_local(graph, store or "store")
