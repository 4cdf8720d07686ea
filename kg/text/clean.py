"""Cleaning: mark which lines of the raw text are article content.

Boilerplate lines (ads, read-also links, share prompts, bylines), repeated
captions and everything after a sidebar heading are left out of
`Article.keep`; offsets stay those of the raw text.
"""
from __future__ import annotations

import functools
import re

from kg.lexicon import load
from kg.model import Article

_CREDIT = re.compile(r"\((?:foto|dok|ist|antara|afp|ap|reuters|getty|istimewa)[^)]*\)\s*$", re.I)
_URL = re.compile(r"https?://\S+")
_NON_WORDS = re.compile(r"[^\w]+")


def _norm(line: str) -> str:
    return _NON_WORDS.sub(" ", line.casefold()).strip()


@functools.lru_cache(maxsize=1)
def _markers() -> tuple[tuple[str, ...], frozenset[str], frozenset[str], frozenset[str]]:
    lex = load("boilerplate")
    return (tuple(m.casefold() for m in lex["line"]), frozenset(m.casefold() for m in lex["label"]),
            frozenset(_norm(m) for m in lex["stop"]), frozenset(_norm(m) for m in lex["block"]))


def is_boilerplate(line: str) -> bool:
    """True for a line of page furniture."""
    starts, labels, _, _ = _markers()
    low = line.strip().casefold()
    if not low:
        return True
    if low.startswith(starts):
        return True
    head = low.split(":")[0].strip()
    if head in labels and (":" in low or low == head):
        return True
    if _URL.search(line) and len(_URL.sub("", line).split()) < 6:
        return True
    return bool(_CREDIT.search(line))


def is_stop(line: str) -> bool:
    """True for a short heading after which only sidebars follow."""
    if len(line) > 40:
        return False
    n = _norm(line)
    return len(n.split()) <= 4 and n in _markers()[2]


def is_block_heading(line: str) -> bool:
    """A heading of a list of links ("BACA JUGA:", "Baca berikutnya", "Berita Terkait") with nothing after it."""
    n = _norm(line)
    return bool(n) and len(n.split()) <= 3 and n in _markers()[3]


def clean(article: Article) -> Article:
    """Set `article.keep` to the raw spans of content lines."""
    keep, seen = [], set()
    pos = 0
    in_block = False
    for line in article.raw.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if is_stop(line) and keep:
            break
        stripped = line.strip()
        if in_block and stripped and len(stripped) < 120 and not stripped.endswith((".", "”", '"')):
            continue             # a headline listed under "BACA JUGA:"
        in_block = is_block_heading(stripped)
        if in_block or is_boilerplate(stripped):
            continue
        key = _norm(stripped)
        if key in seen:          # a caption or paragraph printed twice
            continue
        seen.add(key)
        lead = len(line) - len(line.lstrip())
        keep.append((start + lead, start + lead + len(stripped)))
    article.keep = keep
    return article
