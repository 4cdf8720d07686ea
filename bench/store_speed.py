"""Load throughput into the embedded Oxigraph store, and query latency of the query library, on a
graph of at least a million triples, with Oxigraph and with rdflib.

1. Graph: --articles generated articles (bench/generate.py, --seed) built with `kg build
   --workers 2` into graph.ttl and, with `--format nquads` and `--format trig`, graph.nq and
   graph.trig (one named graph per article). Reused from --keep DIR when there.
2. Load, --runs times each into a fresh store folder, median reported:
   - `kg load` (kg.uses.store.load_local) of graph.ttl: parse, split by article, one named graph each;
   - `kg load` of graph.nq and of graph.trig, whose graphs are already split;
   - for comparison, pyoxigraph's own `Store.bulk_load` of graph.ttl into the default graph, and
     rdflib parsing graph.ttl (once).
   Triples/s = triples written / wall time of the call.
3. Queries: every query in queries/ with the parameters of its header's example, through
   kg.uses.query.run (parameters bound as terms, answers turned into rdflib terms, as `kg query` does):
   --query-runs times on the on-disk store `kg load` filled (`kg query --store`), on an in-memory
   Oxigraph store, and --rdflib-runs times on the rdflib Graph; medians in milliseconds, and the
   number of rows. A query that takes over 5 s is run once.

    python bench/store_speed.py                       # 3,000 articles (about 1.3 million triples)
    python bench/store_speed.py --articles 500 --runs 1 --rdflib-runs 1   # a quick look
    python bench/store_speed.py --keep /tmp/kg-store-bench                # keep the corpus and graphs
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

from kg.uses.query import header, named, open_store, run  # noqa: E402
from kg.uses.store import load_local  # noqa: E402

TARGET_LOAD = 200_000       # triples/s
TARGET_QUERY_MS = 10.0


def example_params(path: Path) -> dict[str, str]:
    """The --param values of a query's example line."""
    import shlex
    toks = shlex.split(header(path).get("example", ""))
    return dict(toks[i + 1].split("=", 1) for i, t in enumerate(toks) if t == "--param")


SLOW = 5.0      # seconds: a query this slow is run once, not --query-runs times


def median_time(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
        if times[-1] > SLOW:
            break
    return statistics.median(times), out


def rows(ans) -> int:
    return len(ans.rows) if ans.type == "SELECT" else len(ans.graph)


def capped(fn, runs: int, limit: float) -> tuple[float | None, int | None]:
    """(median_time of fn, rows of its answer), run in a forked child process; (None, None) when the
    runs take over `limit` seconds each."""
    import multiprocessing as mp
    ctx = mp.get_context("fork")
    q = ctx.Queue()

    def child_run():
        t, ans = median_time(fn, runs)
        q.put((t, rows(ans)))
    child = ctx.Process(target=child_run)
    child.start()
    child.join(limit * runs)
    if child.is_alive():
        child.terminate()
        child.join()
        return None, None
    return q.get() if not q.empty() else (None, None)


def make_graphs(work: Path, n: int, seed: int) -> tuple[Path, Path, Path]:
    import generate
    corpus, ttl, nq, trig = work / f"gen{n}", work / f"graph{n}.ttl", work / f"graph{n}.nq", work / f"graph{n}.trig"
    if not corpus.is_dir() or len(list(corpus.glob("*.txt"))) != n:
        generate.write(n, corpus, seed)
    kg = [sys.executable, "-m", "kg", "build", str(corpus), "--workers", "2"]
    for out, fmt in ((ttl, "ttl"), (nq, "nquads"), (trig, "trig")):
        if not out.is_file():
            t = time.perf_counter()
            subprocess.run(kg + ["-o", str(out), "--format", fmt], check=True, cwd=work, stdout=subprocess.DEVNULL)
            print(f"built {out.name} from {n:,} articles in {time.perf_counter() - t:.0f} s", flush=True)
    return ttl, nq, trig


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3, help="runs of each load")
    ap.add_argument("--query-runs", type=int, default=21)
    ap.add_argument("--rdflib-runs", type=int, default=3)
    ap.add_argument("--no-load", action="store_true", help="time the queries only")
    ap.add_argument("--limit", type=float, default=120, help="seconds a query may take before it is given up")
    ap.add_argument("--keep", type=Path, help="make the corpus and graphs in this folder and keep them")
    a = ap.parse_args(argv)
    work = a.keep or Path(tempfile.mkdtemp(prefix="kg-store-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"kabar-kg store speed: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, pyoxigraph "
          f"{ox.__version__ if hasattr(ox, '__version__') else '?'}; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    ttl, nq, trig = make_graphs(work, a.articles, a.seed)

    def fresh(name: str) -> Path:
        d = work / name
        shutil.rmtree(d, ignore_errors=True)
        return d

    loads = []
    for label, path in [] if a.no_load else (("kg load graph.ttl", ttl), ("kg load graph.nq", nq), ("kg load graph.trig", trig)):
        runs = []
        for _ in range(a.runs):
            r = load_local(path, fresh("store"))
            runs.append(r)
            print(f"  {label}: {r.triples:,} triples, {len(r.articles):,} graphs in {r.seconds:.2f} s", flush=True)
        med = sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]
        loads.append((label, med.triples, med.seconds))

    def bulk(path: Path, fmt) -> int:
        s = ox.Store(str(fresh("bulk")))
        s.bulk_load(path=str(path), format=fmt)
        n = len(s)
        del s
        return n
    for path, fmt, where in ((ttl, ox.RdfFormat.TURTLE, "graph.ttl"), (trig, ox.RdfFormat.TRIG, "graph.trig")):
        secs, n_ox = median_time(lambda: bulk(path, fmt), a.runs)
        loads.append((f"pyoxigraph bulk_load {where} (reference)", n_ox, secs))
    from rdflib import Graph
    t = time.perf_counter()
    g = Graph()
    g.parse(str(ttl), format="turtle")
    loads.append(("rdflib parse graph.ttl (reference)", len(g), time.perf_counter() - t))
    triples = len(g)

    print(f"\nload, median of {a.runs} (rdflib: one run); the graph has {triples:,} distinct triples")
    print(f"{'what':<44} {'triples':>10} {'seconds':>8} {'triples/s':>10}")
    for label, n, s in loads:
        print(f"{label:<44} {n:>10,} {s:>8.2f} {n / s:>10,.0f}")

    load_local(ttl, fresh("store"))
    disk = ox.Store.read_only(str(work / "store"))
    mem = open_store(ttl)
    print(f"\nqueries: median ms of {a.query_runs} runs on Oxigraph (the store `kg load` filled, and in memory), "
          f"{a.rdflib_runs} on rdflib")
    print(f"{'query':<28} {'rows':>6} {'store ms':>9} {'memory ms':>10} {'rdflib ms':>10}  parameters")
    slow = []
    for name, path in named().items():
        params = example_params(path)
        t_disk, n_disk = capped(lambda: run(disk, name, params), a.query_runs, a.limit)
        t_mem, n_mem = capped(lambda: run(mem, name, params), a.query_runs, a.limit)
        t_rdf, n_rdf = capped(lambda: run(g, name, params), a.rdflib_runs, a.limit)
        n_rows = next((n for n in (n_mem, n_disk, n_rdf) if n is not None), "?")
        if t_disk is None or t_disk * 1000 > TARGET_QUERY_MS:
            slow.append(name)
        ms = lambda t: f"> {a.limit:g} s" if t is None else f"{t * 1000:.1f}"
        print(f"{name:<28} {n_rows:>6} {ms(t_disk):>9} {ms(t_mem):>10} {ms(t_rdf):>10}  "
              f"{' '.join(f'{k}={v!r}' for k, v in params.items())}", flush=True)
    print(f"\nover {TARGET_QUERY_MS:g} ms on the store: {', '.join(slow) or 'none'}")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
