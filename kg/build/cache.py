"""A folder of per-article extraction results, so a rebuild re-extracts only what changed.

Entries are keyed by a hash of the article's content (the file bytes, or the .jsonl record) and
live under a folder named by the version of the extraction: a hash of the code of the
extraction modules and of the lexicon files (and of the reader libraries' versions), so
changing a lexicon or a stage starts a fresh cache. Folders of other versions are removed when
a build opens the cache. Every entry is written to a temporary file and renamed, so an
interrupted build leaves only whole entries. Deleting the folder is always safe.

    .kg-cache/
      CACHEDIR.TAG
      <version>/<stage>/<key[:2]>/<key>
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import shutil
import sys
from importlib import metadata
from pathlib import Path

DEFAULT_DIR = ".kg-cache"
PACKAGE = Path(__file__).resolve().parent.parent
# What decides what extraction makes of an article (the merge runs after the cache).
EXTRACTION = ("model.py", "text/*.py", "extract/**/*.py", "build/pipeline.py", "build/articles.py")
NOT_EXTRACTION = frozenset({"__init__.py", "merge.py"})
READER_LIBRARIES = ("trafilatura", "charset-normalizer", "PyYAML")

_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This folder is a cache of kabar-kg (kg build); see https://bford.info/cachedir/\n")
_VERSION_DIR = re.compile(r"[0-9a-f]{20}")


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the extraction code, the lexicons, the reader libraries and the Python version."""
    h = hashlib.sha256()
    files = sorted(f for pattern in EXTRACTION for f in PACKAGE.glob(pattern) if f.name not in NOT_EXTRACTION)
    files += sorted(f for f in (PACKAGE / "lexicon").iterdir() if f.suffix in (".py", ".yaml", ".yml", ".txt"))
    for f in files:
        data = f.read_bytes()
        h.update(f"{f.relative_to(PACKAGE).as_posix()}\0{len(data)}\0".encode())
        h.update(data)
    for lib in READER_LIBRARIES:
        try:
            v = metadata.version(lib)
        except metadata.PackageNotFoundError:
            v = "-"
        h.update(f"{lib}={v}\0".encode())
    h.update(f"python{sys.version_info[0]}.{sys.version_info[1]}\0pickle{pickle.HIGHEST_PROTOCOL}".encode())
    return h.hexdigest()[:20]


def key(*parts: bytes | str | None) -> str:
    """A hex key of the parts (each length-prefixed, so no two part lists share a key)."""
    h = hashlib.sha256()
    for p in parts:
        b = b"\xff" if p is None else p.encode("utf-8", "surrogatepass") if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "big"))
        h.update(b)
    return h.hexdigest()


class Cache:
    """Pickled values under string keys, in stages (folders) of one version folder."""

    def __init__(self, root: str | Path, version: str | None = None, prune: bool = True):
        self.root = Path(root)
        self.version = version or code_version()
        self.dir = self.root / self.version
        self.hits = self.misses = 0
        self.writing: Path | None = None
        self.dir.mkdir(parents=True, exist_ok=True)
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            try:
                tag.write_text(_TAG, encoding="ascii")
            except OSError:
                pass
        if prune:
            self.prune()

    def prune(self) -> None:
        """Remove the folders of other extraction versions."""
        for d in self.root.iterdir():
            if d.is_dir() and _VERSION_DIR.fullmatch(d.name) and d.name != self.version:
                shutil.rmtree(d, ignore_errors=True)

    def _path(self, stage: str, k: str) -> Path:
        return self.dir / stage / k[:2] / k

    def get(self, stage: str, k: str):
        """The value stored under `k`, or None (a missing or unreadable entry is a miss)."""
        try:
            with open(self._path(stage, k), "rb") as fh:
                value = pickle.load(fh)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:          # a damaged entry: read it again from the source
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, stage: str, k: str, value) -> None:
        """Store `value` under `k` (temporary file and rename; a failure to write is ignored)."""
        p = self._path(stage, k)
        self.writing = p.parent / f".{k}.{os.getpid()}.tmp"     # named first, so abandon() can remove it
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            with open(self.writing, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(self.writing, p)
        except OSError:
            pass
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Remove the entry being written, if any (after an interruption)."""
        if self.writing is not None:
            self.writing.unlink(missing_ok=True)
            self.writing = None
