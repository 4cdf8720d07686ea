"""Building a corpus: in parallel (local processes, a Dask cluster) the graph is the same bytes as
the serial build; the cache re-extracts only what changed and still makes the same graph; the
progress bar and summary; an interrupted build leaves the previous graph and no temporary file."""
from __future__ import annotations

import io
import json
import os
import pickle
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import INVENTED, ROOT, run_kg
from corpora import invented_article, write_corpus

from kg.api import write_graph
from kg.build import cache as kg_cache
from kg.build import pipeline
from kg.build.cache import Cache, code_version
from kg.build.pipeline import STAGES, BuildError, anchor_of, build, finish, read_all
from kg.extract.merge import merge
from kg.graph.rdf import write, write_atomic


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The bundled corpus, ~50 generated articles, and a .jsonl and an .html file."""
    d = tmp_path_factory.mktemp("build") / "corpus"
    shutil.copytree(ROOT / "corpus", d / "bundled")
    write_corpus(d / "generated", 50, seed=7)
    r = random.Random(3)
    (d / "other").mkdir()
    (d / "other" / "batch.jsonl").write_text("\n".join(json.dumps(
        {"id": f"rec{i}", "text": invented_article(r, 100 + i), "published": "2024-11-0%d" % (i + 1)} if i % 2 else
        {"id": f"rec{i}", "text": invented_article(r, 100 + i)}) for i in range(4)) + "\n", encoding="utf-8")
    body = "".join(f"<p>{line}</p>" for line in invented_article(r, 200).splitlines())
    (d / "other" / "page.html").write_text(
        f"<html><head><title>Berita Uji</title><script>var x = 'Presiden Palsu Agus Salim';</script></head>"
        f"<body><article><h1>Berita Uji Halaman</h1>{body}</article></body></html>", encoding="utf-8")
    return d


def turtle(articles) -> bytes:
    """The Turtle `kg build` writes for these articles."""
    buf = io.BytesIO()
    write(articles, buf)
    return buf.getvalue()


def reference_bytes(paths: list[Path]) -> bytes:
    """The graph as the build made it before it was split into maps, in one loop after another: read
    all, sort by id, STAGES on each, the median publication date as anchor, claims on each, merge."""
    b = read_all(paths)
    b.articles.sort(key=lambda a: a.id)
    for a in b.articles:
        for stage in STAGES:
            stage(a)
    days = sorted(a.published.day() for a in b.articles if a.published)
    anchor = days[len(days) // 2] if days else None
    for a in b.articles:
        finish(a, anchor)         # reference_date, then read_claims
    merge(b.articles)
    return turtle(b.articles)


@pytest.fixture(scope="module")
def serial(corpus) -> bytes:
    b = build([corpus])
    assert len(b.articles) == 5 + 50 + 4 + 1 and not b.skipped, [str(e) for e in b.skipped]
    return turtle(b.articles)


def test_build_serial_is_the_build_before_maps(corpus, serial):
    assert serial == reference_bytes([corpus])


def test_build_anchor_is_the_median_day():
    import datetime as dt
    d = [dt.date(2024, 11, x) for x in (9, 1, 5, 7)]
    assert anchor_of(d) == dt.date(2024, 11, 7) and anchor_of([]) is None


def test_build_workers_same_bytes_as_serial(corpus, serial, tmp_path):
    out = tmp_path / "par.ttl"
    r = run_kg("build", corpus, "-o", out, "--workers", "2", "--no-cache")
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == serial
    assert "60 articles, 0 skipped" in r.stdout and "60 extracted, 0 from cache" in r.stdout
    assert not (tmp_path / ".kg-cache").exists()


def test_build_workers_in_process_same_articles(corpus, serial):
    b = build([corpus], workers=2)
    assert turtle(b.articles) == serial
    assert [a.id for a in b.articles] == sorted(a.id for a in b.articles)


def test_build_on_dask_cluster_same_bytes_as_serial(corpus, serial, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster:
        out = tmp_path / "dask.ttl"
        b = write_graph([corpus], out, scheduler=cluster.scheduler_address)
        assert out.read_bytes() == serial and b.extracted == 60
        r = run_kg("build", corpus, "-o", tmp_path / "cli.ttl", "--scheduler", cluster.scheduler_address, "--no-cache")
        assert r.returncode == 0, r.stderr
        assert (tmp_path / "cli.ttl").read_bytes() == serial


def test_build_unreachable_scheduler_is_one_clear_error(invented_dir, monkeypatch):
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(pipeline, "SCHEDULER_TIMEOUT", 1)
    with pytest.raises(BuildError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        build([invented_dir, ROOT / "corpus"], scheduler="tcp://127.0.0.1:9")


def test_build_merge_finds_the_copies_comparing_every_pair_finds():
    """The reduce finds copies without comparing every pair of articles: every copy it marks is one,
    clear copies are all found, and near the threshold few are missed."""
    from kg.extract.merge import SPUN_SIMILARITY, Trigrams, find_copies
    r = random.Random(4)
    texts = [invented_article(r, i) for i in range(400)]
    for _ in range(200):            # copies, spun to every degree, cut short, run into other texts
        words = r.choice(texts).split()
        frac = r.choice([0.05, 0.2, 0.4, 0.5, 0.6, 0.8])
        words = [w if r.random() > frac else r.choice(["Pernah", "terjadi", "Akbar", "Membantu"]) for w in words]
        if r.random() < 0.3:
            words = words[:len(words) // 2]
        if r.random() < 0.2:
            words += r.choice(texts).split()
        texts.append(" ".join(words))
    texts += ["", "satu dua", "Rusia."]
    r.shuffle(texts)
    trigrams = Trigrams()
    grams = [trigrams(t) for t in texts]
    sets = [set(g) for g in grams]

    def share(i, j):
        return len(sets[i] & sets[j]) / max(len(sets[i]), len(sets[j])) if sets[i] and sets[j] else 0.0

    best = [max((share(i, j) for j in range(i)), default=0.0) for i in range(len(texts))]
    found = find_copies(grams)
    for i, j in enumerate(found):
        assert j is None or (j < i and share(i, j) >= SPUN_SIMILARITY)
    copies = [i for i, s in enumerate(best) if s >= SPUN_SIMILARITY]
    assert len(copies) > 80
    assert all(found[i] is not None for i in copies if best[i] >= 0.5)
    assert sum(found[i] is not None for i in copies) >= 0.95 * len(copies)


# ---------------------------------------------------------------------------------------------
# The cache


def _fresh(paths, tmp_path) -> bytes:
    out = tmp_path / "fresh" / "g.ttl"
    write_graph(paths, out)            # no cache
    return out.read_bytes()


def test_build_cache_reextracts_only_what_changed(corpus, tmp_path):
    d = tmp_path / "articles"
    shutil.copytree(corpus / "generated", d)
    shutil.copytree(corpus / "other", d / "other")
    n = len(list(d.rglob("*.txt"))) + 4 + 1
    out = tmp_path / "out" / "graph.ttl"

    b = write_graph([d], out, cache=True)
    assert (b.extracted, b.from_cache) == (n, 0)
    assert (out.parent / ".kg-cache" / "CACHEDIR.TAG").is_file()
    first = out.read_bytes()
    b = write_graph([d], out, cache=True)
    assert (b.extracted, b.from_cache) == (0, n) and out.read_bytes() == first

    # one article changed: only it is read and extracted again
    changed = sorted(d.glob("*.txt"))[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "Rusia membantah tuduhan tersebut.\n", encoding="utf-8")
    b = write_graph([d], out, cache=True)
    assert b.extracted == 1 and b.from_cache >= n - 1 - sum(1 for a in b.articles if a.published is None)
    assert out.read_bytes() == _fresh([d], tmp_path) != first

    # one article added, with a printed date that moves the corpus anchor: still the graph of a fresh build
    (d / "zz_new.txt").write_text("Jakarta, kabarcontoh.co.id —\nRabu, 1 Januari 2025 10:00 WIB\n" + INVENTED,
                                  encoding="utf-8")
    b = write_graph([d], out, cache=True)
    assert b.extracted == 1 and len(b.articles) == n + 1
    assert out.read_bytes() == _fresh([d], tmp_path)

    # one record of a .jsonl file changed: only that record
    batch = d / "other" / "batch.jsonl"
    recs = [json.loads(x) for x in batch.read_text(encoding="utf-8").splitlines()]
    recs[2]["text"] += "Jepang mengecam uji coba rudal Korea Utara.\n"
    batch.write_text("\n".join(json.dumps(x) for x in recs) + "\n", encoding="utf-8")
    b = write_graph([d], out, cache=True)
    assert b.extracted == 1
    assert out.read_bytes() == _fresh([d], tmp_path)


def test_build_cache_summary_line(invented_dir, tmp_path):
    out = tmp_path / "g.ttl"
    r1 = run_kg("build", invented_dir, ROOT / "corpus", "-o", out)
    r2 = run_kg("build", invented_dir, ROOT / "corpus", "-o", out)
    assert r1.returncode == r2.returncode == 0, r1.stderr + r2.stderr
    last1, last2 = r1.stdout.splitlines()[-1], r2.stdout.splitlines()[-1]
    assert last1.startswith("6 articles, 0 skipped, ") and "triples, 6 extracted, 0 from cache -> " in last1
    assert "triples, 0 extracted, 6 from cache -> " in last2
    triples = int(last1.split(" triples")[0].split(", ")[-1])
    assert triples > 1000 and f"{triples} triples" in last2
    r3 = run_kg("build", invented_dir, ROOT / "corpus", "-o", tmp_path / "other.ttl", "--no-cache")
    assert "6 extracted, 0 from cache" in r3.stdout and (tmp_path / "other.ttl").read_bytes() == out.read_bytes()


def test_build_damaged_cache_entry_is_read_again(invented_dir, tmp_path):
    out = tmp_path / "g.ttl"
    write_graph([invented_dir], out, cache=True)
    good = out.read_bytes()
    for f in (tmp_path / ".kg-cache").rglob("*"):
        if f.is_file() and f.name != "CACHEDIR.TAG":
            f.write_bytes(b"\x80\x05garbage")
    b = write_graph([invented_dir], out, cache=True)
    assert b.extracted == 1 and out.read_bytes() == good


def test_build_cache_version_follows_extraction_code_and_lexicons(tmp_path, monkeypatch):
    pkg = tmp_path / "kg"
    shutil.copytree(ROOT / "kg", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(kg_cache, "PACKAGE", pkg)

    def version() -> str:
        code_version.cache_clear()
        return code_version()

    try:
        v1 = version()
        with open(pkg / "lexicon" / "triggers.yaml", "a", encoding="utf-8") as fh:
            fh.write("\n# one more line\n")
        v2 = version()
        with open(pkg / "extract" / "claims" / "reader.py", "a", encoding="utf-8") as fh:
            fh.write("\n# one more line\n")
        v3 = version()
        with open(pkg / "cli.py", "a", encoding="utf-8") as fh:      # not extraction: same cache
            fh.write("\n# one more line\n")
        v4 = version()
    finally:
        code_version.cache_clear()
    assert len({v1, v2, v3}) == 3 and v4 == v3


def test_build_cache_drops_other_versions(tmp_path):
    Cache(tmp_path, "a" * 20).put("read", "ab" * 32, ("ok",))
    assert (tmp_path / ("a" * 20)).is_dir()
    c = Cache(tmp_path, "b" * 20)
    assert not (tmp_path / ("a" * 20)).exists() and c.get("read", "ab" * 32) is None


# ---------------------------------------------------------------------------------------------
# Progress, interruption, atomic writes


def test_build_progress_only_when_asked(invented_dir, tmp_path):
    def run(*args) -> bytes:      # bytes: text mode would turn the \r into newlines
        p = subprocess.run([sys.executable, "-m", "kg", "build", str(invented_dir), *map(str, args)],
                           capture_output=True, check=True)
        return p.stderr
    assert run("-o", tmp_path / "a.ttl") == b""          # stderr is not a terminal here
    err = run("-o", tmp_path / "b.ttl", "--progress", "--no-cache").decode()
    for phase in ("reading", "extracting", "claims", "merging", "writing"):
        assert f"kg build: {phase}" in err
    assert "\r" in err and "1/1 100%" in err


def test_build_bad_workers_option():
    r = run_kg("build", "--workers", "-2")
    assert r.returncode == 2 and "--workers" in r.stderr


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("big") / "articles", 1500, seed=11)


def _start(args: list, cwd: Path) -> tuple[subprocess.Popen, bytes]:
    """Start `kg build` and wait until it is extracting."""
    p = subprocess.Popen([sys.executable, "-m", "kg", "build", *map(str, args), "--progress"], cwd=cwd,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = b""
    deadline = time.monotonic() + 60
    while b"extracting" not in seen and time.monotonic() < deadline:
        chunk = p.stderr.read1(4096)
        if not chunk:
            break
        seen += chunk
    assert b"extracting" in seen, seen
    time.sleep(0.5)
    return p, seen


@pytest.mark.parametrize("sig, workers, cache", [(signal.SIGINT, "1", False), (signal.SIGTERM, "2", True),
                                                  (signal.SIGINT, "2", True)])
def test_build_interrupted_leaves_previous_graph(big_corpus, tmp_path, sig, workers, cache):
    out = tmp_path / "graph.ttl"
    out.write_text("# previous graph\n")
    args = [big_corpus, "-o", out, "--workers", workers] + ([] if cache else ["--no-cache"])
    p, seen = _start(args, tmp_path)
    deadline = time.monotonic() + 30
    while cache and time.monotonic() < deadline and not any((tmp_path / ".kg-cache").rglob("*/read/*/*")):
        time.sleep(0.1)           # with the cache: signal once some articles are done
    p.send_signal(sig)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 128 + sig, (seen + err).decode(errors="replace")
    assert b"interrupted" in err and b"Traceback" not in err
    assert out.read_text() == "# previous graph\n"
    assert not [f for f in tmp_path.rglob("*") if f.name.endswith(".tmp")]
    if cache:      # what was extracted before the signal is kept, whole
        entries = [f for f in (tmp_path / ".kg-cache").rglob("*") if f.is_file() and f.name != "CACHEDIR.TAG"]
        assert entries
        for f in entries:
            with open(f, "rb") as fh:
                assert pickle.load(fh)[0] == "ok"


def test_write_atomic_leaves_no_temporary_on_interrupt(tmp_path, monkeypatch):
    out = tmp_path / "graph.ttl"
    out.write_bytes(b"old")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(out, b"new graph")
    assert out.read_bytes() == b"old" and [f.name for f in tmp_path.iterdir()] == ["graph.ttl"]
