"""Load speed of `kg load`, and the time of every query of the library, at several sizes of graph
(1, 3 and 10 million triples by default), on the store `kg load` fills, on Oxigraph in memory and on rdflib.

1. Graphs: --articles N ... generated articles each (bench/generate.py, --seed), built with `kg build
   --workers 2 --format nquads` (about 500 triples an article: 2,200 articles make 1.1 million).
   Reused from --keep DIR when there.
2. Load: `kg load graph.nq` (kg.uses.store.load_local: Oxigraph's bulk loader, then the answer tables)
   into a fresh store folder, --runs times, median quads/s; Oxigraph's own bulk load of the same file,
   run right after each of them, for reference; and the answer tables alone (kg.uses.answers.write).
3. Sources, one column each (--sources): `store`, the store as `kg query --store` reads it (the answer
   tables, Oxigraph for what they do not hold); `sparql`, the same store without its tables (Oxigraph's
   union default graph over one named graph per article); `memory`, Oxigraph's in-memory store of graph.nq;
   `rdflib` (only up to --rdflib-max articles, whole answers only: a page costs it as much).
4. Queries: every query of queries/ with the parameters of its header's example, through
   kg.uses.query.run as `kg query` runs it (parameters bound as terms, answers turned into rdflib
   terms): the first page (`--limit 100`) and the whole answer, median ms of --query-runs runs (a run
   over 5 s is not repeated; runs still going after --limit-s seconds a run are given up), and the rows.

    python bench/store_speed.py                                   # 2,200, 6,500 and 22,000 articles
    python bench/store_speed.py --articles 2200 --keep /tmp/kg-store   # 1.1 million triples, kept
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import pyoxigraph as ox  # noqa: E402

from kg.uses import answers  # noqa: E402
from kg.uses.query import DiskStore, header, named, open_disk_store, pageable, run  # noqa: E402
from kg.uses.store import load_local  # noqa: E402

PAGE = 100
TARGET_PARAM_MS, TARGET_PAGE_MS, TARGET_FULL_MS = 10.0, 50.0, 1000.0
SLOW = 5.0      # seconds: a run this slow is not repeated


def example_params(path: Path) -> dict[str, str]:
    """The --param values of a query's example line."""
    import shlex
    toks = shlex.split(header(path).get("example", ""))
    return dict(toks[i + 1].split("=", 1) for i, t in enumerate(toks) if t == "--param")


def timed(fn, runs: int, limit: float) -> tuple[float | None, int | None]:
    """(median seconds, rows) of fn() run in a forked child, or (None, None) when a run passes `limit` s."""
    import multiprocessing as mp
    ctx = mp.get_context("fork")
    q = ctx.Queue()

    def child():
        times, n = [], None
        for _ in range(runs):
            t = time.perf_counter()
            ans = fn()
            times.append(time.perf_counter() - t)
            n = len(ans.rows) if ans.type == "SELECT" else len(ans.graph)
            if times[-1] > SLOW:
                break
        q.put((statistics.median(times), n))
    p = ctx.Process(target=child)
    p.start()
    p.join(limit * runs + 5)
    if p.is_alive():
        p.terminate()
        p.join()
        return None, None
    return q.get() if not q.empty() else (None, None)


def make_graph(work: Path, n: int, seed: int) -> Path:
    import generate
    corpus, nq = work / f"gen{n}", work / f"graph{n}.nq"
    if not nq.is_file():
        if not corpus.is_dir() or len(list(corpus.glob("*.txt"))) != n:
            generate.write(n, corpus, seed)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--workers", "2", "--format", "nquads",
                        "-o", str(nq)], check=True, cwd=work, stdout=subprocess.DEVNULL)
        print(f"built {nq.name} from {n:,} articles in {time.perf_counter() - t:.0f} s", flush=True)
    return nq


def fresh(d: Path) -> Path:
    shutil.rmtree(d, ignore_errors=True)
    return d


def measure(work: Path, n: int, a) -> None:
    nq = make_graph(work, n, a.seed)
    print(f"\n## {n:,} articles ({nq.name}, {nq.stat().st_size / 1e6:,.0f} MB)", flush=True)
    loads, refs = [], []
    for _ in range(a.runs):
        r = load_local(nq, fresh(work / "store"))
        loads.append((r.seconds, r.triples))
        t = time.perf_counter()
        ref = ox.Store(str(fresh(work / "bulk")))
        ref.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        ref.flush()
        refs.append(time.perf_counter() - t)
        print(f"  kg load {loads[-1][0]:.1f} s, bulk_load {refs[-1]:.1f} s; load average "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
        del ref
        shutil.rmtree(work / "bulk", ignore_errors=True)
    secs, quads = sorted(loads)[len(loads) // 2]
    ref_secs = statistics.median(refs)
    t = time.perf_counter()
    fresh(work / "tables").mkdir()
    answers.write(ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS), work / "tables")
    tables_secs = time.perf_counter() - t
    shutil.rmtree(work / "tables", ignore_errors=True)
    print(f"kg load graph.nq: {quads:,} quads in {secs:.1f} s = {quads / secs:,.0f} quads/s (median of {a.runs}); "
          f"Oxigraph's bulk_load of the same file, run after each: {ref_secs:.1f} s = {quads / ref_secs:,.0f} "
          f"quads/s; the answer tables alone: {tables_secs:.1f} s; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    if a.load_only:
        return

    store = open_disk_store(work / "store")
    sources = {"store": store, "sparql": DiskStore(store.store, None)}
    if "memory" in a.sources:
        sources["memory"] = ox.Store()
        sources["memory"].bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    if "rdflib" in a.sources and n <= a.rdflib_max:
        from rdflib import Dataset
        t = time.perf_counter()
        ds = Dataset(default_union=True)
        ds.parse(str(nq), format="nquads")
        print(f"rdflib parsed graph.nq in {time.perf_counter() - t:.0f} s", flush=True)
        sources["rdflib"] = ds
    sources = [(k, v) for k, v in sources.items() if k in a.sources]
    print(f"{quads:,} quads; queries: median ms of {a.query_runs} runs (rdflib: {a.rdflib_runs}), first page of "
          f"{PAGE} rows / whole answer; '-': not run, '>{a.limit_s:g}s': given up", flush=True)
    cols = " ".join(f"{s + ' page':>15} {s + ' all':>15}" for s, _ in sources)
    print(f"{'query':<26} {'rows':>7} {cols}  parameters", flush=True)
    for name, path in named().items():
        params = example_params(path)
        cells, rows = [], None
        for label, src in sources:
            runs = a.rdflib_runs if label == "rdflib" else a.query_runs
            for limit in (PAGE, None):
                if limit and (not pageable(name) or label == "rdflib"):   # a CONSTRUCT has no pages; rdflib
                    cells.append("-")                                   # pays the whole answer for one
                    continue
                if limit is None and a.pages_only and label != "store":
                    cells.append("-")
                    continue
                secs, got = timed(lambda: run(src, name, params, limit=limit), runs, a.limit_s)
                if limit is None and got is not None:
                    rows = got
                cells.append(f">{a.limit_s:g}s" if secs is None else f"{secs * 1000:,.1f}")
        print(f"{name:<26} {rows if rows is not None else '?':>7} " + " ".join(f"{c:>15}" for c in cells)
              + "  " + " ".join(f"{k}={v!r}" for k, v in params.items()), flush=True)
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    del store, sources


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[2200, 6500, 22000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3, help="runs of each load")
    ap.add_argument("--query-runs", type=int, default=5)
    ap.add_argument("--rdflib-runs", type=int, default=1)
    ap.add_argument("--rdflib-max", type=int, default=2200, help="largest corpus (articles) run on rdflib too")
    ap.add_argument("--limit-s", type=float, default=20, help="seconds a query run may take before it is given up")
    ap.add_argument("--keep", type=Path, help="make the corpora and graphs in this folder and keep them")
    ap.add_argument("--sources", default="store,sparql,memory,rdflib",
                    help="columns: store (with its answer tables), sparql (the same store without them), memory, rdflib")
    ap.add_argument("--pages-only", action="store_true", help="whole answers on the store only")
    ap.add_argument("--load-only", action="store_true", help="the load step alone")
    a = ap.parse_args(argv)
    a.sources = a.sources.split(",")
    work = a.keep or Path(tempfile.mkdtemp(prefix="kg-store-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"kabar-kg store speed: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, pyoxigraph "
          f"{getattr(ox, '__version__', '?')}; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}",
          flush=True)
    for n in a.articles:
        measure(work, n, a)
    for d in ("store",):
        shutil.rmtree(work / d, ignore_errors=True)
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
