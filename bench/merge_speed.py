"""The merge across articles, step by step, as the corpus grows.

Extracts a generated corpus once (`kg.build.pipeline.build` with the merge left out), then, for each
size in --sizes, times the steps of `kg.extract.merge.merge` on the first N articles:

- read: unpacking every article, collecting its persons and the word trigrams of its text
- person variants: `person_aliases`
- copies: `find_copies`
- apply: unpacking again, renaming merged persons, marking copies and spun text, packing

and prints how many persons were merged and how many copies were found. Each step is timed once
per size (--runs takes the median of several).

    python bench/merge_speed.py                                # 40,000 articles; 10k, 20k, 40k
    python bench/merge_speed.py --articles 20000 --sizes 5000 10000 20000 --runs 3
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import kg.build.pipeline as pipeline  # noqa: E402
from kg.build.articles import Articles  # noqa: E402
from kg.extract import merge as M  # noqa: E402


def extract(corpus: Path, workers: int) -> Articles:
    """The corpus's articles as the build hands them to the merge."""
    kept = {}

    def keep(articles):
        kept["a"] = articles
        return articles

    real, pipeline.merge = pipeline.merge, keep
    try:
        pipeline.build([corpus], workers=workers)
    finally:
        pipeline.merge = real
    return kept["a"]


def steps(articles: Articles) -> dict[str, float]:
    """The time of each step of the merge on these articles, and what it found."""
    t0 = time.perf_counter()
    persons, grams, ids, said = M.survey(articles)
    t1 = time.perf_counter()
    remap = M.person_aliases(persons)
    t2 = time.perf_counter()
    copies = M.find_copies(grams)
    t3 = time.perf_counter()
    M.settle(articles, remap, persons, M._originals(ids, copies), said)
    t4 = time.perf_counter()
    return {"read": t1 - t0, "person variants": t2 - t1, "copies": t3 - t2, "apply": t4 - t3,
            "persons": len(persons), "merged": len(remap), "copies found": sum(c is not None for c in copies)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=40000, help="articles to generate (default 40,000)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 20000, 40000])
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2, help="processes for the extraction (not timed)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-merge-") as tmp:
        corpus = Path(tmp) / "corpus"
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(args.articles), str(corpus),
                        "--seed", str(args.seed), "--format", "jsonl"], check=True, capture_output=True)
        t = time.perf_counter()
        everything = extract(corpus, args.workers)
        print(f"extracted {len(everything):,} articles in {time.perf_counter() - t:.1f} s (not part of the merge)")
    names = ["read", "person variants", "copies", "apply"]
    print(f"{'articles':>8}  " + "  ".join(f"{n:>15}" for n in names) + f"  {'total s':>8}  persons  merged  copies")
    for n in args.sizes:
        runs = []
        for _ in range(args.runs):
            part = Articles()
            part._blobs = everything._blobs[:n]        # the same packed articles, not copies
            part._paths = {i: p for i, p in everything._paths.items() if i < n}
            runs.append(steps(part))
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        total = sum(med[k] for k in names)
        print(f"{n:>8,}  " + "  ".join(f"{med[k]:>15.1f}" for k in names) +
              f"  {total:>8.1f}  {med['persons']:>7,.0f}  {med['merged']:>6,.0f}  {med['copies found']:>6,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
