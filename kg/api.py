"""The operations of the command line, for use from Python."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.build.cache import DEFAULT_DIR, Cache
from kg.build.pipeline import Build, build
from kg.build.progress import Progress
from kg.graph.rdf import (
    FORMATS,
    STREAMED,
    new_graph,
    serialize,
    to_dataset,
    to_graph,
    write,
    write_atomic,
)
from kg.uses import query as _query

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GRAPH = Path("graph.ttl")


class GraphError(Exception):
    pass


def open_cache(cache, out: str | Path = GRAPH) -> Cache | None:
    """The extraction cache: None/False for none, True for `.kg-cache/` beside `out`, or a folder."""
    if cache is None or cache is False:
        return None
    if isinstance(cache, Cache):
        return cache
    return Cache(Path(out).parent / DEFAULT_DIR if cache is True else Path(cache))


def build_graph(paths: list[str | Path] | None = None, *, workers: int = 1, scheduler: str | None = None,
                cache=None) -> tuple[Graph, Build]:
    """Build the graph of the articles under `paths` (the bundled corpus when none).

    `workers` > 1: that many local processes; `scheduler`: the address of a Dask scheduler;
    `cache`: a folder of per-article results (True: `.kg-cache/` here)."""
    b = build([Path(p) for p in (paths or [CORPUS])], workers=workers, scheduler=scheduler,
              cache=open_cache(cache))
    g = to_graph(b.articles)
    b.triples = len(g)
    return g, b


def write_graph(paths, out: str | Path = GRAPH, fmt: str = "turtle", *, workers: int = 1,
                scheduler: str | None = None, cache=None, progress: Progress | None = None) -> Build:
    """Build and write the graph atomically; trig, nquads and jsonld hold one named graph per article.

    `cache=True` keeps per-article results in `.kg-cache/` beside `out`, so a rebuild re-extracts
    only new and changed articles; the graph is the same as a build without it."""
    progress = progress or Progress(enabled=False)
    b = build([Path(p) for p in (paths or [CORPUS])], workers=workers, scheduler=scheduler,
              cache=open_cache(cache, out), progress=progress)
    import time
    t0 = time.perf_counter()
    progress.start("writing", len(b.articles))
    if FORMATS.get(fmt, fmt) in STREAMED:
        def out_file(fh):
            b.triples = write(b.articles, fh, fmt, done=progress.advance)
        write_atomic(Path(out), out_file)
        b.timings["writing"] = time.perf_counter() - t0
    else:
        data = to_dataset(b.articles)
        b.triples = len({(s, p, o) for s, p, o, _ in data.quads((None, None, None, None))})
        write_atomic(Path(out), serialize(data, fmt))
        b.timings["writing"] = time.perf_counter() - t0
    progress.finish()
    b.seconds += time.perf_counter() - t0
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
