"""Articles kept compressed in memory between the stages of a large build.

A read article with its sentences, mentions and claims takes about 90 KB as Python objects and
about 4 KB pickled and compressed, so a build holds its articles in this form: 100,000 articles
fit in a few hundred megabytes. Each access unpacks a fresh copy; a changed article must be put
back (`articles[i] = a`) for the change to last.
"""
from __future__ import annotations

import pickle
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.model import Article


def pack(a: Article) -> bytes:
    return zlib.compress(pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes) -> Article:
    return pickle.loads(zlib.decompress(blob))


class Articles:
    """A list of articles, stored packed."""

    def __init__(self, items: Iterable[Article] = ()):
        self._blobs = [pack(a) for a in items]
        self._paths: dict[int, Path] = {}       # paths given with packed articles, set when unpacked

    def append(self, a: Article) -> None:
        self._blobs.append(pack(a))

    def append_packed(self, blob: bytes, path: Path | None = None) -> None:
        """Add an article packed by `pack`, with the path it was read from (it may have been packed elsewhere)."""
        if path is not None:
            self._paths[len(self._blobs)] = path
        self._blobs.append(blob)

    def _unpack(self, i: int) -> Article:
        a = unpack(self._blobs[i])
        if i in self._paths:
            a.path = self._paths[i]
        return a

    def __len__(self) -> int:
        return len(self._blobs)

    def __getitem__(self, i: int | slice) -> Article | list[Article]:
        if isinstance(i, slice):
            return [self._unpack(k) for k in range(len(self._blobs))[i]]
        return self._unpack(range(len(self._blobs))[i])

    def __setitem__(self, i: int, a: Article) -> None:
        i = range(len(self._blobs))[i]
        self._blobs[i] = pack(a)
        self._paths.pop(i, None)

    def __iter__(self) -> Iterator[Article]:
        for i in range(len(self._blobs)):
            yield self._unpack(i)

    def __bool__(self) -> bool:
        return bool(self._blobs)

    def sort(self, key) -> None:
        order = sorted(range(len(self._blobs)), key=lambda i: key(self._unpack(i)))
        self._paths = {k: self._paths[i] for k, i in enumerate(order) if i in self._paths}
        self._blobs = [self._blobs[i] for i in order]

    @property
    def nbytes(self) -> int:
        """The memory the packed articles take."""
        return sum(len(b) for b in self._blobs)
