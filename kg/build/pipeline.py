"""The extraction pipeline: read -> clean -> metadata -> sentences -> entities -> claims -> merge.

Each stage is a plain function that takes an `Article` and returns it with more filled in.

A build is two maps over the articles, each followed by a reduction:

    map 1    read and decode, then STAGES (clean, metadata, sentences, entities)   cached by content
    reduce   the corpus anchor: the median publication date of the articles (it only chooses
             the year of a weekday date in an undated article; it never dates a claim)
    map 2    claims, read against the article's reference date                     cached by content (+ anchor)
    reduce   merge across articles (one entity per person, copies marked)

The maps run in this process, in a pool of local processes (`workers`), or on a Dask cluster
(`scheduler`). Their results are put back in input order and the articles sorted by id, so the
graph is the same byte for byte however the work was spread and whatever finished first.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.build.articles import Articles, pack, unpack
from kg.build.cache import Cache, key
from kg.build.progress import Progress
from kg.extract.claims import read_claims
from kg.extract.entities import annotate
from kg.extract.merge import merge
from kg.model import Article, DateValue
from kg.text.clean import clean
from kg.text.dates import find_dates
from kg.text.meta import read_meta
from kg.text.read import (
    ArticleError,
    check,
    find_files,
    from_record,
    jsonl_records,
    parse,
    read_bytes,
    read_file,
    text_and_encoding,
)
from kg.text.sentences import split

STAGES = (clean, read_meta, split, annotate)
SCHEDULER_TIMEOUT = 10      # seconds to wait for a Dask scheduler


class BuildError(Exception):
    """The build could not run (e.g. the Dask scheduler cannot be reached)."""


@dataclass
class Build:
    """What a build made: the articles read and the files skipped, with why."""
    articles: list[Article] | Articles = field(default_factory=list)   # Articles (packed) from build()
    skipped: list[ArticleError] = field(default_factory=list)
    extracted: int = 0          # articles read and run through STAGES in this build
    from_cache: int = 0         # articles taken whole (both maps) from the cache
    triples: int | None = None  # set when the graph is made (api.write_graph)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)   # seconds of each phase: reading, extracting ...
    sentences: int = 0
    entities: int = 0           # distinct entities after the merge
    claims: int = 0
    ignored: list[Path] = field(default_factory=list)   # files of other types in the folders given
    notes: list[str] = field(default_factory=list)      # "FILE: not UTF-8; read as ..." and the like


def reference_date(article: Article, anchor: dt.date | None) -> tuple[DateValue | None, str | None]:
    """The date the article's dates are read against, and where it comes from (see kg.text.dates):
    "published" (the article's publication date: text, metadata, dateline or URL), else "text" (its
    latest explicit date, which only chooses years), else "corpus" (the median day of the other
    articles, which only chooses the year of a weekday + day/month when the weekday holds)."""
    if article.published:
        return article.published, "published"
    text = article.text
    # its own dates: those with a year, and weekday dates whose weekday fixes the year
    own = [d for d in find_dates(text, anchor, "corpus") if any(ch.isdigit() for ch in d.text)]
    if not own:
        return (DateValue(anchor.isoformat(), "day", ""), "corpus") if anchor else (None, None)
    around = max(d.day() for d in own)
    explicit = [d for d in find_dates(text, around, "text") if d.precision == "day" and any(ch.isdigit() for ch in d.text)]
    best = max(explicit or own, key=DateValue.day)
    return (DateValue(best.value, "day", best.text) if explicit else best), "text"


def prepare(article: Article) -> Article:
    """Map 1: the stages that need nothing but the article itself."""
    for stage in STAGES:
        stage(article)
    return article


def anchor_of(days: list[dt.date]) -> dt.date | None:
    """Reduce 1: the corpus anchor, the median of the articles' publication days."""
    days = sorted(days)
    return days[len(days) // 2] if days else None


def finish(article: Article, anchor: dt.date | None) -> Article:
    """Map 2: the claims, read against the article's reference date."""
    ref, how = reference_date(article, anchor)
    return read_claims(article, ref, how or "published")


def extract(article: Article, anchor: dt.date | None = None) -> Article:
    """Run every stage on one article."""
    return finish(prepare(article), anchor)


def read_all(paths: list[Path]) -> Build:
    """Read every article file under `paths`; unreadable files are skipped with a reason."""
    b = Build()
    for f in find_files(paths):
        try:
            b.articles += read_file(f)
        except ArticleError as e:
            b.skipped.append(e)
    return b


# ---------------------------------------------------------------------------------------------
# The work items of the two maps. They travel to worker processes (or Dask workers on other
# machines) and back pickled (articles packed: kg.build.articles), so they hold bytes and plain values, never open files.


@dataclass
class Source:
    """One article to read: the bytes of a .txt/.html file, or one record of a .jsonl file."""
    path: str
    order: tuple[int, int]            # (file number, line number): where it stands in the input
    key: str                          # content hash: the cache key of map 1
    data: bytes | None = None
    record: dict | None = None


def _map1_one(s: Source) -> tuple:
    """("ok", id, publication day or None, packed article) or ("err", problem, cacheable)."""
    path = Path(s.path)
    try:
        if s.record is not None:
            articles = [check(from_record(s.record, path), path, s.order[1])]
        else:
            articles = parse(s.data, path)
    except ArticleError as e:
        return ("err", e.problem, True)
    except Exception as e:      # a reader bug must not stop the build: skip this file and say why
        return ("err", f"cannot read ({e.__class__.__name__}: {str(e)[:200]})", False)
    (a,) = articles
    try:
        prepare(a)
    except Exception as e:
        return ("err", f"extraction failed ({e.__class__.__name__}: {str(e)[:200]})", False)
    day = a.published.day().isoformat() if a.published else None
    return ("ok", a.id, day, pack(a), a.encoding)


def map1(sources: list[Source]) -> list[tuple]:
    """Map 1 over a chunk of sources."""
    return [_map1_one(s) for s in sources]


def map2(items: list[tuple[bytes, str | None]]) -> list[tuple]:
    """Map 2 over a chunk of (packed article, anchor day or None): ("ok", packed) or ("err", problem, False)."""
    out = []
    for payload, anchor in items:
        a = unpack(payload)
        try:
            finish(a, dt.date.fromisoformat(anchor) if anchor else None)
        except Exception as e:
            out.append(("err", f"extraction failed ({e.__class__.__name__}: {str(e)[:200]})", False))
            continue
        out.append(("ok", pack(a)))
    return out


# ---------------------------------------------------------------------------------------------
# Where the maps run


def _chunks(n: int, workers: int, most: int = 64) -> list[tuple[int, int]]:
    """Slices of n items: about 8 per worker, at most `most` items each."""
    size = max(1, min(most, -(-n // (max(1, workers) * 8))))
    return [(a, min(n, a + size)) for a in range(0, n, size)]


class _Serial:
    def run(self, fn, items, done) -> None:
        for i, x in enumerate(items):
            done(i, fn([x])[0])

    def close(self, interrupted: bool = False) -> None:
        pass


def _ignore_sigint() -> None:
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the main process's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)    # not the handler `kg build` set before the fork


class _Pool:
    """A pool of local processes (concurrent.futures), started when there is work for it."""

    def __init__(self, workers: int):
        self.workers = workers
        self.ex = None

    def run(self, fn, items, done) -> None:
        from concurrent.futures import ProcessPoolExecutor, as_completed
        if not items:
            return
        if self.ex is None:
            self.ex = ProcessPoolExecutor(max_workers=self.workers, initializer=_ignore_sigint)
        futures = {self.ex.submit(fn, items[a:b]): a for a, b in _chunks(len(items), self.workers)}
        for f in as_completed(futures):
            start = futures.pop(f)
            for k, r in enumerate(f.result()):
                done(start + k, r)

    def close(self, interrupted: bool = False) -> None:
        if self.ex is None:
            return
        if interrupted:
            if hasattr(self.ex, "terminate_workers"):       # Python 3.14
                self.ex.terminate_workers()
            else:
                for p in list((getattr(self.ex, "_processes", None) or {}).values()):
                    p.kill()                # SIGKILL: a worker blocked on a full pipe cannot stop otherwise
            import multiprocessing  # and a worker the signal caught while it was being started
            for p in multiprocessing.active_children():
                p.kill()
        self.ex.shutdown(wait=not interrupted, cancel_futures=True)


class _Dask:
    """A Dask cluster: the scheduler at `address`; its workers need kabar-kg installed."""

    def __init__(self, address: str):
        try:
            from dask.distributed import Client
        except ImportError:
            raise BuildError("--scheduler needs dask.distributed (pip install 'dask[distributed]')") from None
        try:
            self.client = Client(address, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as e:
            raise BuildError(f"cannot reach the Dask scheduler at {address} ({e.__class__.__name__}: {e})") from None
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def run(self, fn, items, done) -> None:
        from dask.distributed import as_completed
        chunks = _chunks(len(items), self.workers)
        if not chunks:
            return
        data = self.client.scatter([items[a:b] for a, b in chunks], hash=False)
        futures = self.client.map(fn, data, pure=False)
        starts = {f.key: a for f, (a, _) in zip(futures, chunks)}
        for f in as_completed(futures):
            start = starts[f.key]
            for k, r in enumerate(f.result()):
                done(start + k, r)
            f.release()
        del data

    def close(self, interrupted: bool = False) -> None:
        self.client.close()


def _runner(workers: int, scheduler: str | None):
    if scheduler:
        return _Dask(scheduler)
    if workers == 0:
        workers = os.cpu_count() or 1
    return _Pool(workers) if workers > 1 else _Serial()


# ---------------------------------------------------------------------------------------------
# The build

_LINE = re.compile(r"^line (\d+): ")


def _sources(files: list[Path], skips: list, progress: Progress, notes: list[str]) -> list[Source]:
    """Read the bytes of every file (and split .jsonl files into records): the work of map 1."""
    out: list[Source] = []
    progress.start("reading", len(files))
    for i, f in enumerate(files):
        try:
            data = read_bytes(f)
            if f.suffix.lower() == ".jsonl":
                text, encoding = text_and_encoding(data, f)
                if encoding != "utf-8":
                    notes.append(f"{f}: not UTF-8; read as {encoding}")
                records, errors = jsonl_records(text, f)
                for e in errors:
                    m = _LINE.match(e.problem)
                    skips.append(((i, int(m.group(1)) if m else 0), e))
                for n, rec in records:
                    text = json.dumps(rec, sort_keys=True, ensure_ascii=False)
                    out.append(Source(str(f), (i, n), key("record", text), record=rec))
            else:
                if not data.strip():
                    raise ArticleError(f, "empty file")
                out.append(Source(str(f), (i, 0), key("file", f.suffix.lower(), f.stem, data), data=data))
        except ArticleError as e:
            skips.append(((i, 0), e))
        progress.advance()
    return out


def _error(s: Source, problem: str) -> ArticleError:
    """The skip of a source, naming where it is now (a cached problem may come from another line)."""
    if s.order[1]:          # a .jsonl record
        problem = f"line {s.order[1]}: " + _LINE.sub("", problem)
    return ArticleError(s.path, problem)


def build(paths: list[Path], *, workers: int = 1, scheduler: str | None = None, cache: Cache | None = None,
          progress: Progress | None = None) -> Build:
    """Read and extract a corpus; articles with no printed date are anchored on the others' dates.

    `workers` > 1 runs the maps in that many local processes (0: one per CPU), `scheduler` on the
    Dask cluster at that address; `cache` keeps per-article results between builds.
    """
    import time
    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    progress = progress or Progress(enabled=False)
    skips: list[tuple[tuple[int, int], ArticleError]] = []
    ignored: list[Path] = []
    notes: list[str] = []
    sources = _sources(find_files(paths, ignored), skips, progress, notes)
    timings["reading"] = time.perf_counter() - t0

    def no_article() -> ArticleError:
        """The error of a build with nothing to read; `.skipped` holds every file skipped, with why."""
        skipped = [e for _, e in sorted(skips, key=lambda t: t[0])]
        first = skipped[0] if skipped else None
        e = ArticleError(first.path if first else paths[0],
                         f"no readable article ({first.problem})" if first else "no readable article")
        e.skipped = skipped
        return e

    if not sources:
        raise no_article()

    runner = _runner(workers, scheduler) if len(sources) > 1 else _Serial()
    interrupted = True
    try:
        # map 1: read and STAGES, per source
        out1: list = [None] * len(sources)
        todo = []
        for j, s in enumerate(sources):
            hit = cache.get("read", s.key) if cache else None
            if hit is None:
                todo.append(j)
            else:
                out1[j] = hit
        progress.start("extracting", len(sources))
        progress.advance(len(sources) - len(todo))

        def done1(i: int, r: tuple) -> None:
            j = todo[i]
            out1[j] = r
            if cache and (r[0] == "ok" or r[2]):
                cache.put("read", sources[j].key, r if r[0] == "ok" else r[:2])
            progress.advance()

        runner.run(map1, [sources[j] for j in todo], done1)
        timings["extracting"] = time.perf_counter() - t0 - sum(timings.values())
        fresh = set(todo)
        extracted = sum(1 for j in todo if out1[j][0] == "ok")
        for s in sources:            # the bytes are read: let them go
            s.data = s.record = None

        ok = []
        first_of: dict[str, int] = {}
        for j, r in enumerate(out1):
            if r[0] != "ok":
                skips.append((sources[j].order, _error(sources[j], r[1])))
            elif r[1] in first_of:                  # two articles with one id would be merged into one: refuse the later
                k = first_of[r[1]]
                where = sources[k].path + (f" line {sources[k].order[1]}" if sources[k].order[1] else "")
                skips.append((sources[j].order, _error(sources[j], f"duplicate article id ({r[1]!r} was "
                                                                  f"first read from {where}); not read again")))
            else:
                first_of[r[1]] = j
                ok.append(j)
                if len(r) > 4 and r[4] != "utf-8" and not sources[j].order[1]:
                    notes.append(f"{sources[j].path}: not UTF-8; read as {r[4]}")
        del first_of
        if not ok:
            raise no_article()
        ok.sort(key=lambda j: out1[j][1])          # by article id

        # reduce 1: the corpus anchor
        anchor = anchor_of([dt.date.fromisoformat(out1[j][2]) for j in ok if out1[j][2]])
        anchor_iso = anchor.isoformat() if anchor else None

        # map 2: claims, per article
        keys2 = [key("claims", sources[j].key, "" if out1[j][2] else anchor_iso) for j in ok]
        out2: list = [None] * len(ok)
        todo2 = []
        for i, j in enumerate(ok):
            hit = cache.get("claims", keys2[i]) if cache and j not in fresh else None
            if hit is None:
                todo2.append(i)
            else:
                out2[i] = hit
        from_cache = len(ok) - len(todo2)
        progress.start("claims", len(ok))
        progress.advance(from_cache)

        def done2(i: int, r: tuple) -> None:
            k = todo2[i]
            out2[k] = r
            if cache and r[0] == "ok":
                cache.put("claims", keys2[k], r)
            progress.advance()

        runner.run(map2, [(out1[ok[k]][3], None if out1[ok[k]][2] else anchor_iso) for k in todo2], done2)
        del out1
        interrupted = False
        timings["claims"] = time.perf_counter() - t0 - sum(timings.values())
    finally:
        runner.close(interrupted)
        if interrupted and cache:
            cache.abandon()

    articles = Articles()
    for i, j in enumerate(ok):
        r = out2[i]
        if r[0] != "ok":
            skips.append((sources[j].order, _error(sources[j], r[1])))
            continue
        out2[i] = None
        articles.append_packed(r[1], Path(sources[j].path))
    del out2
    skipped = [e for _, e in sorted(skips, key=lambda t: t[0])]
    if not articles:
        raise no_article()

    # reduce 2: merge across articles
    t1 = time.perf_counter()
    progress.start("merging")
    merge(articles)
    keys, sentences, claims = set(), 0, 0
    for a in articles:
        keys.update(a.entities)
        sentences += len(a.sentences)
        claims += len(a.claims)
    progress.finish()
    timings["merging"] = time.perf_counter() - t1
    return Build(articles=articles, skipped=skipped, extracted=extracted, from_cache=from_cache,
                 seconds=time.perf_counter() - t0, timings=timings, sentences=sentences, entities=len(keys),
                 claims=claims, ignored=ignored, notes=notes)
