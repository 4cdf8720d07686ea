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
    Tally,
    serialize,
    to_dataset,
    to_graph,
    write,
    write_atomic,
)
from kg.graph.read import NAMES, SUFFIXES, GraphFileError, read_graph
from kg.uses import query as _query

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GRAPH = Path("graph.ttl")


GraphError = GraphFileError      # a graph file that cannot be read (kg.graph.read)


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
    tally = Tally.of(g)
    b.entities, b.claims = tally.entities, tally.claims
    return g, b


WRITTEN = ("ttl", "trig", "nquads", "jsonld")


def output_format(out: str | Path, fmt: str | None = None) -> str:
    """The format to write `out` in: `fmt`, else the one its extension names (Turtle for other extensions).
    ValueError when `fmt` and the extension name different formats, or the extension one kg does not write."""
    named = SUFFIXES.get(Path(out).suffix.lower())
    fmt = {"turtle": "ttl", "json-ld": "jsonld"}.get(fmt, fmt)
    if named and named not in WRITTEN:
        raise ValueError(f"{out}: kg build does not write {NAMES[named]} (--format {'|'.join(WRITTEN)})")
    if fmt and named and fmt != named:
        raise ValueError(f"{out}: the extension says {NAMES[named]} but --format says {NAMES[fmt]}; "
                         f"give the file a {fmt} name or leave --format out")
    return fmt or named or "ttl"


def write_graph(paths, out: str | Path = GRAPH, fmt: str | None = None, *, workers: int = 1,
                scheduler: str | None = None, cache=None, progress: Progress | None = None) -> Build:
    """Build and write the graph atomically; trig, nquads and jsonld hold one named graph per article.
    `fmt` (ttl, trig, nquads, jsonld) defaults to the one the extension of `out` names (see output_format).

    `cache=True` keeps per-article results in `.kg-cache/` beside `out`, so a rebuild re-extracts
    only new and changed articles; the graph is the same as a build without it."""
    fmt = output_format(out, fmt)
    progress = progress or Progress(enabled=False)
    b = build([Path(p) for p in (paths or [CORPUS])], workers=workers, scheduler=scheduler,
              cache=open_cache(cache, out), progress=progress)
    import time
    t0 = time.perf_counter()
    progress.start("writing", len(b.articles))
    tally = Tally()
    if FORMATS.get(fmt, fmt) in STREAMED:
        def out_file(fh):
            b.triples = write(b.articles, fh, fmt, done=progress.advance, tally=tally)
        write_atomic(Path(out), out_file)
        b.timings["writing"] = time.perf_counter() - t0
    else:
        data = to_dataset(b.articles)
        triples = {(s, p, o) for s, p, o, _ in data.quads((None, None, None, None))}
        b.triples = len(triples)
        tally.add(triples)
        write_atomic(Path(out), serialize(data, fmt))
        b.timings["writing"] = time.perf_counter() - t0
    progress.finish()
    b.entities, b.claims = tally.entities, tally.claims      # as the graph counts them (Tally)
    b.seconds += time.perf_counter() - t0
    return b


def load_graph(path: str | Path = GRAPH) -> Graph:
    """Read a graph file in any format `kg build` writes, as the union of its graphs (GraphError when
    it is missing, not RDF, or holds no triples)."""
    return read_graph(path)


def query(graph: Graph, q: str, params: dict[str, str] | None = None, fmt: str = "table") -> str:
    """Run a named query, a .rq file or SPARQL text and render it (table, csv, json)."""
    return _query.render(_query.run(graph, q, params), fmt)
