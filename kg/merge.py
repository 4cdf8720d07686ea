"""Merging across articles: one entity per person whatever the spelling, and spun copies marked."""
from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import replace

from .model import Article, Entity

SPUN_SIMILARITY = 0.35    # share of word trigrams (of the longer text) two articles must share to be one story copied


def _similar_names(a: str, b: str) -> bool:
    """Spelling variants of one name: same number of words, each pair close (Sibikha / Sybiha)."""
    ta, tb = a.casefold().split(), b.casefold().split()
    if len(ta) != len(tb):
        return False
    return all(x == y or difflib.SequenceMatcher(None, x, y).ratio() >= 0.8 for x, y in zip(ta, tb)) and ta != tb


def _persons(articles: list[Article]) -> dict[str, Entity]:
    persons: dict[str, Entity] = {}
    for a in articles:
        for e in a.entities.values():
            if e.type == "Person":
                persons.setdefault(e.key, e)
    return persons


def person_aliases(persons: dict[str, Entity]) -> dict[str, str]:
    """Person key -> the key it is merged into, for variants and lone surnames across articles."""
    full = sorted((k for k in persons if len(persons[k].label.split()) > 1), key=lambda k: (-len(persons[k].label.split()), k))
    remap: dict[str, str] = {}
    for k in sorted(persons):
        p = persons[k]
        if len(p.label.split()) == 1:
            hits = [f for f in full if any(p.label in n.split() for n in {persons[f].label, *persons[f].aliases})]
        else:
            hits = [f for f in full if f < k and f not in remap and
                    any(_similar_names(p.label, n) for n in {persons[f].label, *persons[f].aliases})]
        if len(hits) == 1 and hits[0] != k:
            remap[k] = hits[0]
    return remap


def _apply(a: Article, remap: dict[str, str], persons: dict[str, Entity]) -> None:
    for old, new in remap.items():
        if old not in a.entities:
            continue
        e = a.entities.pop(old)
        target = a.entities.get(new)
        if target is None:
            src = persons[new]
            target = replace(src, aliases=set(src.aliases))
            a.entities[new] = target
        target.aliases |= {e.label, *e.aliases}
    for m in a.mentions:
        m.key = remap.get(m.key, m.key)
        m.inside = remap.get(m.inside, m.inside) if m.inside else None
    a.roles = [replace(r, person=remap.get(r.person, r.person), org=remap.get(r.org, r.org) if r.org else None)
               for r in a.roles]
    for c in a.claims:
        for f in ("agent", "target", "place", "about_agent", "about_target", "about_place"):
            v = getattr(c, f)
            if v in remap:
                setattr(c, f, remap[v])


def _trigrams(text: str) -> set[tuple[str, ...]]:
    w = re.findall(r"\w+", text.casefold())
    return set(zip(w, w[1:], w[2:]))


LIMIT_SHARE = 20


def mark_copies(articles: list[Article]) -> None:
    """Mark an article as a copy of the first earlier one (by id) when they share most of their wording:
    at least SPUN_SIMILARITY of the longer text's word trigrams.

    The same result as comparing every pair, without doing so: trigrams found in more than `limit`
    texts are common, the others rare. Two texts share rare trigrams (found through an index of
    them), or only common ones, which for a copy needs both to be mostly common trigrams. A
    candidate is compared in full only when its shared rare trigrams plus the common ones it could
    share reach the threshold."""
    ids: dict[tuple[str, ...], int] = {}
    grams = [frozenset(ids.setdefault(g, len(ids)) for g in _trigrams(a.text)) for a in articles]
    df = Counter(g for ga in grams for g in ga)
    limit = max(50, len(articles) // LIMIT_SHARE)
    sizes = [len(ga) for ga in grams]
    common = [sum(1 for g in ga if df[g] > limit) for ga in grams]
    index: dict[int, list[int]] = defaultdict(list)     # rare trigram -> earlier articles with it
    heavy: list[int] = []                               # earlier articles of mostly common trigrams
    for i, (a, ga) in enumerate(zip(articles, grams)):
        n = len(ga)
        if not n:
            continue
        rare = [g for g in ga if df[g] <= limit]
        shared: Counter = Counter()
        for g in rare:
            shared.update(index.get(g, ()))
        ci = common[i]
        least = SPUN_SIMILARITY * n - ci - 1e-6         # rare trigrams shared with any copy, at least
        found = [j for j, r in shared.items() if r >= least
                 and r + min(ci, common[j]) >= SPUN_SIMILARITY * max(n, sizes[j]) - 1e-6]
        mostly_common = least <= 0
        if mostly_common:
            found += [j for j in heavy if j not in shared
                      and min(ci, common[j]) >= SPUN_SIMILARITY * max(n, sizes[j]) - 1e-6]
        for j in sorted(found):
            b, gb = articles[j], grams[j]
            if len(ga & gb) / max(n, len(gb)) >= SPUN_SIMILARITY:
                a.duplicate_of = b.duplicate_of or b.id
                break
        for g in rare:
            index[g].append(i)
        if mostly_common:
            heavy.append(i)


_VERB_PREFIXES = ("mem", "men", "meng", "meny", "ber", "ter", "di")
SPUN_RATE = 0.25    # capitalised common words per sentence above which a text looks machine-spun


def looks_spun(a: Article) -> bool:
    """Spinning tools swap in synonyms and leave them capitalised mid-sentence ("Pernah terjadi", "Membantu"):
    count capitalised common words and verb forms outside names, titles and headlines."""
    from .entities import calendar_words, stopwords, title_words
    calendar = calendar_words()
    named = [(m.start, m.end) for m in a.mentions]
    body = [s for s in a.sentences if sum(w[:1].isupper() for w in s.text.split()) < 0.5 * len(s.text.split())]
    odd = 0
    for s in body:
        for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z]+)\b", s.text):
            pos, w = s.start + m.start(), m.group(1).casefold()
            common = w in stopwords() or (len(w) > 5 and w.startswith(_VERB_PREFIXES))
            if common and w not in title_words() and w not in calendar and not any(x <= pos < y for x, y in named):
                odd += 1
    return bool(body) and odd / len(body) >= SPUN_RATE


def merge(articles: list[Article]) -> list[Article]:
    """Merge person variants across articles and mark copies; articles keep their own evidence."""
    persons = _persons(articles)
    remap = person_aliases(persons)
    for a in articles:
        _apply(a, remap, persons)
    mark_copies(articles)
    for a in articles:
        a.spun = looks_spun(a)
    return articles
