"""The page of `kg viz` on generated corpora: its size, the time to write it, and the time until
headless Chromium has drawn the graph.

For each size it generates the articles (bench/generate.py, seed 1) and builds their graph once
into a work folder (kept for the next run), then writes the page and opens it `--runs` times, each
in a new tab of one headless Chromium with the network off (tests/browser.py). "Drawn" is the
page's own clock: milliseconds from navigation to the first picture after the layout
(window.kgReadyMs), the moment the graph, the table and the timeline are on the screen.

    python bench/page_speed.py --sizes 1000 5000 --runs 5 --workdir /var/tmp/kg-page
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser import Chromium  # noqa: E402

from kg.api import load_graph  # noqa: E402
from kg.graph.vocab import KB  # noqa: E402
from kg.uses.viz import write_html  # noqa: E402


def graph_of(n: int, work: Path, seed: int) -> Path:
    """The graph of `n` generated articles, built once into `work`."""
    arts, ttl = work / f"gen-{n}", work / f"gen-{n}.ttl"
    if not ttl.exists():
        if not arts.exists():
            subprocess.run([sys.executable, ROOT / "bench" / "generate.py", str(n), arts, "--seed", str(seed)], check=True)
        subprocess.run([sys.executable, "-m", "kg", "build", arts, "-o", ttl, "--no-cache", "--workers", "2"], check=True)
    return ttl


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workdir", type=Path, default=Path("bench-page"))
    a = p.parse_args()
    a.workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in a.sizes:
        ttl = graph_of(n, a.workdir, a.seed)
        t0 = time.perf_counter()
        g = load_graph(ttl)
        load_s = time.perf_counter() - t0
        out = a.workdir / f"gen-{n}.html"
        writes, drawn = [], []
        with Chromium() as browser:
            for _ in range(a.runs):
                t0 = time.perf_counter()
                nodes = write_html(g, out)
                writes.append(time.perf_counter() - t0)
                page = browser.open(out.resolve().as_uri())
                page.wait_for("window.kgReady === true", timeout=300)
                drawn.append(page.evaluate("window.kgReadyMs"))
                claims = page.evaluate("kg.data.claims.length")
                errors = list(page.errors)
                page.close()
                if errors:
                    print(f"{n} articles: errors on the page: {errors[:3]}", file=sys.stderr)
                    return 1
        claims_in_graph = len({s for s, _ in g.subject_objects(KB.typeCode)})
        rows.append((n, len(g), claims_in_graph, nodes, claims, out.stat().st_size, load_s,
                     statistics.median(writes), statistics.median(drawn), min(drawn), max(drawn)))
        print(f"{n} articles: page {out.stat().st_size / 1e6:.2f} MB, drawn after {statistics.median(drawn):.0f} ms "
              f"(runs {min(drawn)}-{max(drawn)} ms)", file=sys.stderr)
        del g
    print(f"medians of {a.runs} runs\n")
    print("| articles | triples | claims in graph | nodes in page | claims in page | page MB | load graph s "
          "| write page s | drawn ms | drawn runs ms |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for n, triples, cg, nodes, claims, size, load_s, write_s, med, lo, hi in rows:
        print(f"| {n:,} | {triples:,} | {cg:,} | {nodes:,} | {claims:,} | {size / 1e6:.2f} | {load_s:.1f} "
              f"| {write_s:.1f} | {med:,.0f} | {lo:,}-{hi:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
