"""Build throughput of kabar-kg: the whole `kg build` on generated corpora, serial and in parallel.

For each corpus size (default 1,000 and 10,000 articles, made by bench/generate.py with --seed):

1. --runs builds (default 3) serial and --runs with `--workers N` (default 2), each in a fresh
   process, of a .txt folder into graph.ttl with no cache: what `kg build DIR --no-cache` does.
   The median run (by wall time) is reported.
2. Wall time from process start to exit (interpreter start and imports included), articles/s
   and sentences/s over it (sentences: what the sentence splitter found in the built articles).
3. Peak memory: the largest total RSS of the build's process tree (the build and its worker
   processes), sampled every 20 ms with psutil; without psutil, the largest ru_maxrss.
4. Where the time goes in the median run (Build.timings): read + extract + claims (the two
   maps: what --workers spreads), merge (the reduce across articles) and write (the Turtle,
   streamed an article at a time, and the atomic rename). The last two run in the main process
   whatever --workers says.
5. Incremental: at the smallest size, one build with the cache (cold), then one article
   changed and a rebuild (warm): how long a rebuild takes when one article changed.
6. --estimate N (default 0: none): the time of each phase at N articles from the two largest
   sizes measured, linear for the maps and write, a power law for the merge, and said to be an
   estimate. Pass N in --sizes to measure it instead.

    python bench/build_speed.py                            # 1,000 and 10,000 articles, 3 runs each
    python bench/build_speed.py --sizes 500 2000 --runs 1 --workers 4
    python bench/build_speed.py --sizes 100000 --runs 1 --modes 2 --no-incremental   # 100k (about 25 min)
"""
from __future__ import annotations

import argparse
import json
import os
import resource
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

MAPS = ("reading", "extracting", "claims")


def child(corpus: str, out: str, workers: int, cache: str) -> int:
    """One build in this process; prints what it made and how long each phase took, as JSON."""
    from kg.api import write_graph
    b = write_graph([corpus], out, "turtle", workers=workers, cache=cache or False)
    print(json.dumps({"articles": len(b.articles), "skipped": len(b.skipped), "sentences": b.sentences,
                      "triples": b.triples, "extracted": b.extracted, "from_cache": b.from_cache,
                      "timings": b.timings,
                      "maxrss_mb": max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                                       resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024}))
    return 0


def run_build(corpus: Path, out: Path, workers: int, cache: Path | None = None) -> dict:
    """One build in a fresh process, with its wall time and the peak RSS of its process tree."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(corpus), str(out), str(workers),
           str(cache or "")]
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    try:
        import psutil
        proc = psutil.Process(p.pid)
        while p.poll() is None:
            try:
                rss = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
                peak = max(peak, rss)
            except psutil.Error:
                pass
            time.sleep(0.02)
    except ImportError:
        pass
    stdout, stderr = p.communicate()
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"build failed ({p.returncode}):\n{stderr[-3000:]}")
    r = json.loads(stdout.strip().splitlines()[-1])
    r["wall"] = wall
    r["peak_mb"] = peak / (1024 * 1024) if peak else r["maxrss_mb"]
    return r


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def parallel_capacity(workers: int, n: int = 10_000_000) -> float:
    """How much faster `workers` processes run a pure-Python loop than one: what this machine allows."""
    from concurrent.futures import ProcessPoolExecutor
    t0 = time.perf_counter()
    for _ in range(workers):
        _burn(n)
    one = time.perf_counter() - t0
    with ProcessPoolExecutor(workers) as ex:
        list(ex.map(_burn, [1] * workers))        # start the processes
        t0 = time.perf_counter()
        list(ex.map(_burn, [n] * workers))
        many = time.perf_counter() - t0
    return one / many


def phases(t: dict) -> dict:
    return {"maps": sum(t.get(k, 0.0) for k in MAPS), "merge": t.get("merging", 0.0), "write": t.get("writing", 0.0)}


def row(n: int, mode: str, r: dict, note: str = "") -> list[str]:
    ph = phases(r["timings"])
    return [f"{n:,}", mode, f"{r['wall']:.1f}", f"{n / r['wall']:.1f}", f"{r['sentences'] / r['wall']:,.0f}",
            f"{r['peak_mb']:,.0f}", f"{ph['maps']:.1f}", f"{ph['merge']:.1f}", f"{ph['write']:.1f}", note]


HEADER = ["articles", "mode", "wall s", "articles/s", "sentences/s", "peak MB", "maps s", "merge s", "write s", ""]


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    fmt = lambda r: "  ".join(c.rjust(w) if i not in (1, 9) else c.ljust(w) for i, (c, w) in
                              enumerate(zip(r, widths))).rstrip()
    return "\n".join([fmt(HEADER), fmt(["-" * w for w in widths]), *map(fmt, rows)])


def estimate(n: int, measured: dict[int, dict]) -> dict:
    """Phase times at n articles from the two largest measured sizes."""
    import math
    (n1, r1), (n2, r2) = sorted(measured.items())[-2:]
    p1, p2 = phases(r1["timings"]), phases(r2["timings"])
    out = {}
    for k in p1:
        if k == "merge" and p1[k] > 0 and p2[k] > 0:
            power = math.log(p2[k] / p1[k]) / math.log(n2 / n1)
            out[k] = p2[k] * (n / n2) ** power
        else:
            slope = (p2[k] - p1[k]) / (n2 - n1)
            out[k] = max(0.0, p2[k] + slope * (n - n2))
    overhead = max(0.0, r2["wall"] - sum(p2.values()))
    wall = sum(out.values()) + overhead
    scale = n / n2
    return {"wall": wall, "sentences": r2["sentences"] * scale, "peak_mb": r2["peak_mb"] * scale,
            "timings": {"reading": out["maps"], "merging": out["merge"], "writing": out["write"]}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--estimate", type=int, default=0, help="estimate this size from the trend (0: none)")
    ap.add_argument("--modes", type=int, nargs="+", help="worker counts to run (default: 1 and --workers)")
    ap.add_argument("--no-incremental", action="store_true", help="skip the cached rebuild")
    ap.add_argument("--keep", type=Path, help="make the corpora and graphs in this folder and keep them")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        return child(a.child[0], a.child[1], int(a.child[2]), a.child[3])

    import generate
    work = a.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    print(f"kabar-kg build speed: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, median of {a.runs} runs, "
          f"no cache; load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    cap = parallel_capacity(a.workers)
    print(f"parallel capacity: {a.workers} processes run a pure-Python loop {cap:.2f}x as fast as one", flush=True)
    rows, serial = [], {}
    for n in sorted(a.sizes):
        corpus = work / f"gen{n}"
        if not corpus.is_dir() or len(list(corpus.glob("*.txt"))) != n:
            generate.write(n, corpus, a.seed)
        modes = a.modes or [1, a.workers]
        for workers in modes:
            runs = []
            for k in range(a.runs):
                r = run_build(corpus, work / f"graph{n}-{workers}.ttl", workers)
                print(f"  {n:,} articles, workers {workers}, run {k + 1}: {r['wall']:.1f} s, "
                      f"peak {r['peak_mb']:,.0f} MB, {r['sentences']:,} sentences, {r['triples']:,} triples", flush=True)
                runs.append(r)
            med = sorted(runs, key=lambda r: r["wall"])[len(runs) // 2]
            if workers == 1:
                serial[n] = med
            spread = f"runs {min(r['wall'] for r in runs):.1f}-{max(r['wall'] for r in runs):.1f} s" if a.runs > 1 else ""
            rows.append(row(n, "serial" if workers == 1 else f"--workers {workers}", med, spread))
        if len(modes) > 1:
            same = len({(work / f"graph{n}-{w}.ttl").read_bytes() for w in modes}) == 1
            print(f"  {n:,} articles: the graphs of workers {', '.join(map(str, modes))} are "
                  f"{'identical' if same else 'DIFFERENT'}", flush=True)
        for w in modes:
            (work / f"graph{n}-{w}.ttl").unlink(missing_ok=True)
    if not a.no_incremental:
        incremental(work, min(a.sizes), rows)
    if a.estimate and a.estimate not in serial and len(serial) >= 2:
        rows.append(row(a.estimate, "serial", estimate(a.estimate, serial), "ESTIMATE from the trend, not measured"))
    print()
    print(table(rows))
    print("\nmaps: reading, extraction and claims (spread over --workers); merge and write run in the main "
          "process.\narticles/s and sentences/s are over the wall time of the whole build.")
    return 0


def incremental(work: Path, n: int, rows: list) -> None:
    """A cached build of a copy of the corpus, one article changed, and the rebuild."""
    import shutil
    corpus, cache = work / "incremental", work / "cache"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    shutil.copytree(work / f"gen{n}", corpus)
    cold = run_build(corpus, work / "graph-cached.ttl", 1, cache)
    changed = sorted(corpus.glob("*.txt"))[n // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nRusia membantah laporan tersebut.\n", encoding="utf-8")
    warm = run_build(corpus, work / "graph-cached.ttl", 1, cache)
    rows.append(row(n, "cache, cold", cold, f"{cold['extracted']:,} extracted"))
    rows.append(row(n, "cache, 1 changed", warm, f"{warm['extracted']} extracted, {warm['from_cache']:,} from cache"))


if __name__ == "__main__":
    sys.exit(main())
