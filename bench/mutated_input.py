"""Mutated input: cut, spliced and mutated news text through `kg build` and `kg validate`.

    python bench/mutated_input.py OUT [--articles 10000] [--batches 5] [--seed 1] [--workers 1] [--no-reason]

Makes `--articles` articles from the bundled corpus (corpus/) and the held-out texts (tests/heldout/):
each one cut from a text, spliced from pieces of several, and mutated (random characters, control
characters, direction marks, U+2028/U+2029/U+0085, byte-order marks, impossible dates, huge numbers,
HTML and XML markup). They go into `--batches` .jsonl files in OUT; each batch is built with
`kg build` and its graph checked with `kg validate` (SHACL and HermiT; `--no-reason`: SHACL only).
Prints one line per batch and a total: articles read and skipped (and, of those, the ones skipped
because extraction failed on them: a bug to fix, though not a crash), crashes (an exit code other than
0 or 3, or a traceback), triples, violations, and the seconds of each step (median over the batches).
Exit 1 when a build crashed or a graph does not conform. The same seed makes the same articles.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "heldout").glob("*.txt"))

ODD = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9c", "\u2028", "\u2029",
       "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2069",
       "\u200b", "\u200d", "\ufeff", "\ufffe", "\uffff", "\ud7ff", "\ud800", "\udfff", "\ue000", "\U0001F600", "\U0010FFFF",
       "\t", "\r", "\r\n", "\n\n", "“", "”", "«", "»", "\"", "'", "\\", "—", "…"]
DATES = ["31/02/2025", "30 Februari 2024", "99/99/9999", "0/0/0000", "32 Desember 2025", "29 Februari 2023",
         "Kamis (31/4/2025)", "1 Januari 0000", "12/13/2024", "31-06-2024", "tahun 99999", "Senin, 45 Mei 2025",
         "2025-02-30", "17 Agustus 1945", "1 Januari 10000"]
NUMBERS = ["999999999999999999999999 tentara", "1.000.000.000.000.000.000 pasukan", "sekitar 10^30 orang",
           "-5.000 tentara", "0 tentara", "3.000-2.000 tentara", "1e308 tentara", "99.999.999.999.999-1 tentara",
           "sekitar 1.000.000.000.000 triliun tentara", "12.345.678.901.234.567.890 rudal"]
MARKUP = ["<b>", "</b>", "<script>alert(1)</script>", "&amp;", "&lt;p&gt;", "]]>", "<![CDATA[x]]>", "<?xml?>",
          "<p class=\"x\">", "</div>", "&#0;", "&#x1F600;", "{{template}}", "<br/>", "<!-- komentar -->"]
PUBLISHED = [None, None, None, "2025-02-30", "9999-99-99", "kemarin", "2024-11-07", "0000-00-00", "2025",
             "2025-13", "\u2028", "31/12/2024"]


def _random_chars(r: random.Random) -> str:
    return "".join(chr(r.choice([r.randint(0x20, 0x7e), r.randint(0xa0, 0x2fff), r.randint(0x0, 0x1f),
                                 r.randint(0x80, 0x9f), r.randint(0x3000, 0xd7ff), r.randint(0xe000, 0xffff),
                                 r.randint(0x10000, 0x10ffff)]))
                   for _ in range(r.randint(1, 12)))


def mutate(r: random.Random, texts: list[str]) -> str:
    """One article: a cut of a text, spliced with pieces of others, with 0-30 mutations."""
    base = r.choice(texts)
    a = r.randint(0, len(base) // 2)
    text = base[a:a + r.randint(40, len(base))] if r.random() < 0.6 else base
    for _ in range(r.randint(0, 3)):                     # splice in a piece of another text
        other = r.choice(texts)
        i, j = r.randint(0, len(other)), r.randint(0, len(text))
        text = text[:j] + other[i:i + r.randint(10, 600)] + text[j:]
    for _ in range(r.randint(0, 30)):
        i = r.randint(0, len(text))
        op = r.random()
        if op < 0.25:
            piece = r.choice(ODD)
        elif op < 0.4:
            piece = _random_chars(r)
        elif op < 0.55:
            piece = " " + r.choice(DATES) + " "
        elif op < 0.7:
            piece = " " + r.choice(NUMBERS) + " "
        elif op < 0.8:
            piece = r.choice(MARKUP)
        elif op < 0.9:                                   # cut a piece out
            text = text[:i] + text[i + r.randint(1, 200):]
            continue
        else:                                            # repeat a piece
            piece = text[i:i + r.randint(1, 120)]
        text = text[:i] + piece + text[i:]
    return text


def make_batches(out: Path, n: int, batches: int, seed: int) -> list[Path]:
    r = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    out.mkdir(parents=True, exist_ok=True)
    files = []
    per = -(-n // batches)
    for b in range(batches):
        path = out / f"batch_{b + 1}.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            for k in range(b * per, min(n, (b + 1) * per)):
                rec = {"id": f"mut_{k:06d}", "text": mutate(r, texts)}
                pub = r.choice(PUBLISHED)
                if pub:
                    rec["published"] = pub
                if r.random() < 0.2:
                    rec["url"] = r.choice(["https://contoh.id/a b", "javascript:x", "http://x/\u2028", "bukan url"])
                lone = re.search("[\ud800-\udfff]", rec["text"])     # only JSON's escapes can hold a lone surrogate
                fh.write(json.dumps(rec, ensure_ascii=bool(lone) or r.random() < 0.5) + "\n")
        files.append(path)
    return files


def _kg(*args) -> tuple[subprocess.CompletedProcess, float]:
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True)
    return p, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--batches", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--no-reason", action="store_true", help="SHACL only")
    a = ap.parse_args(argv)
    files = make_batches(a.out, a.articles, a.batches, a.seed)
    total = {"articles": 0, "skipped": 0, "failed": 0, "crashes": 0, "triples": 0, "violations": 0, "unconformant": 0}
    build_s, validate_s = [], []
    print(f"{'batch':<14} {'records':>7} {'read':>6} {'skipped':>7} {'failed':>6} {'crash':>5} {'triples':>8} "
          f"{'violations':>10} {'build s':>8} {'validate s':>10}")
    for f in files:
        records = sum(1 for _ in f.open(encoding="utf-8"))
        graph = f.with_suffix(".ttl")
        p, sb = _kg("build", f, "-o", graph, "--no-cache", "--workers", a.workers)
        crashed = p.returncode not in (0, 3) or "Traceback" in p.stderr
        f.with_suffix(".build.txt").write_text(p.stdout + p.stderr, encoding="utf-8")
        m = re.search(r"^(\d+) articles, (\d+) skipped.* (\d+) triples", p.stdout, re.M)
        read, skipped, triples = (int(x) for x in m.groups()) if m else (0, records, 0)
        failed = p.stderr.count("extraction failed (")        # a skip, but a bug of the extraction to fix
        violations, sv = 0, 0.0
        if not crashed:
            v, sv = _kg("validate", graph, *(["--no-reason"] if a.no_reason else []))
            crashed = v.returncode not in (0, 1) or "Traceback" in v.stderr
            m = re.search(r"(\d+) violations?", v.stdout)
            violations = int(m.group(1)) if m else 0
            total["unconformant"] += v.returncode != 0
            (f.with_suffix(".validate.txt")).write_text(v.stdout + v.stderr, encoding="utf-8")
        build_s.append(sb)
        validate_s.append(sv)
        for k, x in (("articles", read), ("skipped", skipped), ("crashes", int(crashed)), ("triples", triples),
                     ("violations", violations), ("failed", failed)):
            total[k] += x
        print(f"{f.name:<14} {records:>7} {read:>6} {skipped:>7} {failed:>6} {int(crashed):>5} {triples:>8} {violations:>10} "
              f"{sb:>8.1f} {sv:>10.1f}", flush=True)
    print(f"total: {sum(1 for f in files for _ in f.open(encoding='utf-8'))} records, {total['articles']} read, "
          f"{total['skipped']} skipped ({total['failed']} of them: extraction failed), {total['crashes']} crashes, "
          f"{total['triples']} triples, "
          f"{total['violations']} violations ({'SHACL' if a.no_reason else 'SHACL and HermiT'}), "
          f"{total['unconformant']} of {len(files)} graphs not conforming; median build "
          f"{statistics.median(build_s):.1f} s, median validate {statistics.median(validate_s):.1f} s per batch")
    return 1 if total["crashes"] or total["unconformant"] else 0


if __name__ == "__main__":
    sys.exit(main())
