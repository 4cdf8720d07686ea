"""Extraction speed of kabar-kg on one core, in sentences per second.

1. Corpus: --corpus DIR, or a corpus of --articles generated articles (bench/generate.py,
   --seed) in a temporary folder, removed afterwards.
2. Read every file once (kg.build.pipeline.read_all), untimed.
3. Warm-up: one untimed pass of `extract` (loads the lexicons, compiles the patterns) that also
   gives the corpus anchor, the median publication day, as `build` computes it.
4. --runs timed runs (default 5): each runs `kg.build.pipeline.extract(article, anchor)` over fresh
   copies of the read articles (copies made before the clock starts), then counts the sentences
   in article.sentences. The figure is the median run.
5. One more run under tracemalloc, for the peak of Python allocations during one run.
6. The full `kg.build.pipeline.build([DIR])` wall time (reading, both maps, merge), in this process,
   serial (workers=1), no cache; --build-runs times (median).
   The time spent in its last step, the cross-article merge (kg.extract.merge.merge), is shown apart:
   it compares articles and person names with each other, so it can grow faster than the
   corpus while extraction grows linearly.
7. --profile: cProfile of one extraction run, top --top functions by cumulative time, and the
   functions of kg/ by own time. --profile-build: the same for one full build.

The process is pinned to one CPU (--cpu, default 0) where the OS allows it; the 1-minute load
average before and after is printed, since other work on the machine slows the pinned process
too. Peak RSS is ru_maxrss of this process.

    python bench/extract_speed.py                       # 1,000 generated articles, 5 runs
    python bench/extract_speed.py --articles 2000 --runs 7 --profile
    python bench/extract_speed.py --corpus corpus --runs 21   # the bundled real articles
    python bench/extract_speed.py --check               # exit 1 below 2,500 sentences/s
"""
from __future__ import annotations

import argparse
import copy
import datetime as dt
import gc
import json
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from kg.build.pipeline import anchor_of, build, extract, read_all  # noqa: E402

TARGET = 2500.0     # sentences per second, one core


def pin(cpu: int = 0) -> str:
    """Pin this process to one CPU; says what it did."""
    try:
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    except (AttributeError, OSError) as e:
        return f"not pinned ({e.__class__.__name__})"


def fingerprint(articles: list) -> str:
    """A short hash of the corpus text: equal only for the same articles (the generated corpus for a
    seed changes when the lexicons it draws from change)."""
    import hashlib
    h = hashlib.sha1()
    for x in articles:
        h.update(x.id.encode() + b"\0" + x.raw.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()[:12]


def revision() -> str:
    """The git revision of the code measured, '+dirty' when kg/ has uncommitted changes."""
    import subprocess
    root = HERE.parent
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                             timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "kg"], cwd=root, capture_output=True,
                               text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return (rev or "unknown") + ("+dirty" if dirty else "")


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_once(pristine: list, anchor) -> tuple[float, float, int]:
    """One timed pass of `extract` over fresh copies: (wall seconds, CPU seconds, sentences)."""
    articles = copy.deepcopy(pristine)
    gc.collect()
    c0, t0 = time.process_time(), time.perf_counter()
    for a in articles:
        extract(a, anchor)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    return secs, cpu, sum(len(a.sentences) for a in articles)


def profile(fn, top: int) -> str:
    """cProfile of fn(): the top functions by cumulative time, then the functions of kg/ by own time."""
    import cProfile
    import io
    import pstats
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    out = io.StringIO()
    st = pstats.Stats(prof, stream=out)
    st.sort_stats("cumulative").print_stats(top)
    kg_dir = str(HERE.parent / "kg") + os.sep
    own = sorted(((v[2], v[3], v[1], k) for k, v in st.stats.items() if k[0].startswith(kg_dir)), reverse=True)
    out.write(f"Functions of kg/ by own time (tottime), top {top}:\n")
    out.write(f"{'tottime':>9} {'cumtime':>9} {'calls':>9}  function\n")
    for tot, cum, calls, (f, line, name) in own[:top]:
        out.write(f"{tot:9.3f} {cum:9.3f} {calls:9d}  {os.path.relpath(f, HERE.parent)}:{line}({name})\n")
    return out.getvalue()


class MergeTimer:
    """While active, times the calls `build` makes to kg.build.pipeline.merge (wrapped in this process only)."""

    def __init__(self):
        import kg.build.pipeline
        self.mod, self.seconds = kg.build.pipeline, None

    def __enter__(self):
        self.seconds = None
        self.orig = getattr(self.mod, "merge", None)
        if self.orig is None:
            return self

        def timed(*args, **kw):
            t = time.perf_counter()
            try:
                return self.orig(*args, **kw)
            finally:
                self.seconds = (self.seconds or 0.0) + time.perf_counter() - t
        self.mod.merge = timed
        return self

    def __exit__(self, *exc):
        if self.orig is not None:
            self.mod.merge = self.orig
        return False


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, help="folder (or file) of articles; default: generate --articles of them")
    p.add_argument("--articles", type=int, default=1000, help="articles to generate (default 1000; at least 1000 "
                                                              "unless --corpus)")
    p.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    p.add_argument("--runs", type=int, default=5, help="timed extraction runs (default 5)")
    p.add_argument("--build-runs", type=int, default=1, help="timed full builds (default 1; 0 to skip)")
    p.add_argument("--profile", action="store_true", help="also cProfile one extraction run")
    p.add_argument("--profile-build", action="store_true", help="also cProfile one full build")
    p.add_argument("--top", type=int, default=15, help="functions shown by --profile (default 15)")
    p.add_argument("--cpu", type=int, default=0, help="the CPU to pin to (default 0)")
    p.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    p.add_argument("--check", action="store_true", help=f"exit 1 when the median is below {TARGET:,.0f} sentences/s")
    a = p.parse_args(argv)
    if a.runs < 1:
        p.error("--runs must be at least 1")
    if a.corpus is None and a.articles < 1000:
        p.error("--articles must be at least 1000 for a generated corpus")

    pinned = pin(a.cpu)
    tmp = None
    if a.corpus is None:
        from generate import write
        tmp = tempfile.TemporaryDirectory(prefix="kg-bench-")
        corpus = Path(tmp.name)
        t = time.perf_counter()
        write(a.articles, corpus, a.seed)
        print(f"generated {a.articles} articles (seed {a.seed}) in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    else:
        corpus = a.corpus
    try:
        return _bench(a, corpus, pinned)
    finally:
        if tmp:
            tmp.cleanup()


def loadavg() -> str:
    """The 1-minute load average: other work on the machine slows a pinned benchmark too."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except (AttributeError, OSError):
        return "unknown"


def _bench(a, corpus: Path, pinned: str) -> int:
    load_before = loadavg()
    t = time.perf_counter()
    read = read_all([corpus])
    read_s = time.perf_counter() - t
    pristine = read.articles
    if not pristine:
        print(f"no readable articles in {corpus}", file=sys.stderr)
        return 2
    if read.skipped:
        print(f"{len(read.skipped)} files skipped (e.g. {read.skipped[0]})", file=sys.stderr)

    # warm-up: lexicons and patterns, and the corpus anchor the way build computes it
    t = time.perf_counter()
    warm = copy.deepcopy(pristine)
    from kg.build.pipeline import prepare
    for x in warm:
        prepare(x)
    anchor = anchor_of([x.published.day() for x in warm if x.published])
    del warm
    warm_s = time.perf_counter() - t

    runs, cpus, sentences = [], [], None
    for i in range(a.runs):
        secs, cpu, n = run_once(pristine, anchor)
        cpus.append(cpu)
        if sentences is not None and n != sentences:
            print(f"warning: run {i + 1} counted {n} sentences, run 1 {sentences}", file=sys.stderr)
        sentences = n
        runs.append(secs)
        print(f"run {i + 1}: {secs:.3f} s ({cpu:.3f} s CPU), {n / secs:,.0f} sentences/s", file=sys.stderr)
    rss_extract = rss_mb()

    tracemalloc.start()
    articles = copy.deepcopy(pristine)
    tracemalloc.reset_peak()
    base, _ = tracemalloc.get_traced_memory()
    for x in articles:
        extract(x, anchor)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    traced_mb = (peak - base) / (1024 * 1024)
    claims = sum(len(x.claims) for x in articles)
    del articles
    gc.collect()

    profile_text = None
    if a.profile:
        articles = copy.deepcopy(pristine)

        def one_run():
            for x in articles:
                extract(x, anchor)
        profile_text = "\ncProfile of one extraction run:\n" + profile(one_run, a.top)
        del articles
    if a.profile_build:
        profile_text = (profile_text or "") + "\ncProfile of one build([dir]):\n" + profile(lambda: build([corpus]), a.top)

    builds, merges = [], []
    n_build_sent = None
    merge_timer = MergeTimer()
    for _ in range(a.build_runs):
        gc.collect()
        t = time.perf_counter()
        with merge_timer:
            b = build([corpus])
        builds.append(time.perf_counter() - t)
        if merge_timer.seconds is not None:
            merges.append(merge_timer.seconds)
        n_build_sent = b.sentences
        del b
    rss_all = rss_mb()
    load_after = loadavg()

    med = statistics.median(runs)
    med_cpu = statistics.median(cpus)
    n_art = len(pristine)
    figures = {
        "date": dt.date.today().isoformat(), "corpus": str(corpus if a.corpus else f"generated, seed {a.seed}"),
        "corpus_fingerprint": fingerprint(pristine), "revision": revision(),
        "cpu": pinned, "cpus_online": os.cpu_count(), "python": sys.version.split()[0],
        "articles": n_art, "sentences": sentences, "claims": claims, "read_seconds": round(read_s, 3),
        "warmup_seconds": round(warm_s, 3), "run_seconds": [round(x, 3) for x in runs],
        "median_seconds": round(med, 3), "run_cpu_seconds": [round(x, 3) for x in cpus],
        "median_cpu_seconds": round(med_cpu, 3), "sentences_per_cpu_second": round(sentences / med_cpu, 1), "sentences_per_second": round(sentences / med, 1),
        "articles_per_second": round(n_art / med, 1),
        "build_seconds": [round(x, 3) for x in builds], "build_merge_seconds": [round(x, 3) for x in merges],
        "build_sentences_per_second": round(n_build_sent / statistics.median(builds), 1) if builds else None,
        "peak_rss_mb_extraction": round(rss_extract, 1), "peak_rss_mb_with_build": round(rss_all, 1),
        "tracemalloc_peak_mb_one_run": round(traced_mb, 1), "target_sentences_per_second": TARGET,
        "load_average_1min": [load_before, load_after],
    }

    rows = [
        ("articles", f"{n_art:,}"),
        ("sentences", f"{sentences:,}"),
        ("claims", f"{claims:,}"),
        ("read files (once)", f"{read_s:.2f} s"),
        ("warm-up run (untimed)", f"{warm_s:.2f} s"),
        ("extract runs", ", ".join(f"{x:.2f}" for x in runs) + " s"),
        ("median run", f"{med:.2f} s"),
        ("median sentences/s", f"{sentences / med:,.0f}   (target {TARGET:,.0f}: "
                               f"{'met' if sentences / med >= TARGET else 'NOT met'})"),
        ("median articles/s", f"{n_art / med:,.1f}"),
        ("CPU time of the runs", ", ".join(f"{x:.2f}" for x in cpus) + f" s: {sentences / med_cpu:,.0f} sentences "
                                 "per CPU-second"),
    ]
    if builds:
        rows += [("build([dir]) wall", ", ".join(f"{x:.2f}" for x in builds) + " s"),
                 ("build sentences/s", f"{figures['build_sentences_per_second']:,.0f}")]
        if merges:
            rows.append(("  of which merge", ", ".join(f"{x:.2f}" for x in merges) + " s"))
    rows += [
        ("peak RSS, extraction", f"{rss_extract:.0f} MB"),
        ("peak RSS, with build", f"{rss_all:.0f} MB"),
        ("tracemalloc peak, 1 run", f"{traced_mb:.0f} MB"),
        ("CPU", f"{pinned} ({os.cpu_count()} online), Python {figures['python']}"),
        ("load average (1 min)", f"{load_before} before, {load_after} after"),
    ]
    w = max(len(k) for k, _ in rows)
    print(f"kabar-kg extraction speed, {figures['date']}, code {figures['revision']}, "
          f"corpus: {figures['corpus']} ({figures['corpus_fingerprint']})")
    for k, v in rows:
        print(f"  {k:<{w}}  {v}")
    if profile_text:
        print(profile_text)
    if a.json:
        a.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 1 if a.check and sentences / med < TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
