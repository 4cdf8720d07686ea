"""Merging across articles: one entity per person whatever the spelling, and spun copies marked."""
from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from dataclasses import replace

from kg.extract.entities import name_variants
from kg.model import SPEECH_ACTS, Article, Claim, DateValue, Entity

SPUN_SIMILARITY = 0.35    # share of word trigrams (of the longer text) two articles must share to be one story copied


def person_aliases(persons: dict[str, Entity]) -> dict[str, str]:
    """Person key -> the key it is merged into, for variants and lone surnames across articles.
    A lone surname is looked up by its word; a full name is compared only with names of as many
    words, word by word, each pair of words once."""
    names = {k: {p.label, *p.aliases} for k, p in persons.items() if len(p.label.split()) > 1}
    by_word: dict[str, set[str]] = defaultdict(set)      # word -> full names using it
    by_count: dict[int, list] = defaultdict(list)        # word count -> (key, words) of full names
    for f in sorted(names):
        for n in sorted(names[f]):
            for w in n.split():
                by_word[w].add(f)
            by_count[len(n.split())].append((f, tuple(n.casefold().split())))
    remap: dict[str, str] = {}
    for k in sorted(persons):
        p = persons[k]
        words = tuple(p.label.casefold().split())
        if len(words) == 1:
            hits = sorted(by_word.get(p.label, ()))
        else:
            hits = sorted({f for f, ws in by_count[len(words)] if f < k and f not in remap and name_variants(words, ws)})
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


class Trigrams:
    """Word trigrams of texts as integers: words numbered in the order first seen, three numbers
    packed in one int (exact up to 2 million distinct words), kept as sorted arrays of 8 bytes each."""

    BITS = 21

    def __init__(self):
        self.words: dict[str, int] = {}

    def __call__(self, text: str) -> array:
        ids = self.words
        mask = (1 << self.BITS) - 1
        w = [ids.setdefault(x, len(ids)) & mask for x in re.findall(r"\w+", text.casefold())]
        return array("q", sorted({(a << 42) | (b << 21) | c for a, b, c in zip(w, w[1:], w[2:])}))


ANCHORS = 32     # a text's rarest trigrams (of those in two texts or more) through which its copies are found
ANCHOR_HITS = 4  # anchors two texts must share (from either side) to be compared


def find_copies(grams: list[array]) -> list[int | None]:
    """For each text (as its trigram array), the first earlier text it copies: one sharing at least
    SPUN_SIMILARITY of the longer text's word trigrams; None when there is none.

    Comparing every pair grows with the square of the corpus, and so does any exact index on
    trigrams that many texts share. Instead each text is indexed by its ANCHORS rarest trigrams
    found in another text too (a copy keeps most of the rare wording of what it copies: names,
    numbers, phrases), and two texts are compared in full only when they share ANCHOR_HITS of
    them. A copy that shares little more than the threshold may be missed; what is marked always
    passes the full comparison."""
    df = Counter(g for ga in grams for g in ga)
    anchors = [sorted((g for g in ga if df[g] > 1), key=df.__getitem__)[:ANCHORS] for ga in grams]
    del df
    every = set().union(*anchors)
    has: dict[int, list[int]] = defaultdict(list)        # anchor of some text -> earlier texts with it
    anchored: dict[int, list[int]] = defaultdict(list)   # trigram -> earlier texts it anchors
    sizes = [len(ga) for ga in grams]
    out: list[int | None] = [None] * len(grams)
    for i, arr in enumerate(grams):
        n = len(arr)
        if not n:
            continue
        ga = set(arr)
        mine = every.intersection(ga)
        hits: Counter = Counter()
        for g in anchors[i]:
            hits.update(has.get(g, ()))
        for g in mine:
            hits.update(anchored.get(g, ()))
        need = min(ANCHOR_HITS, len(anchors[i]))
        for j in sorted(j for j, c in hits.items() if c >= need):
            if len(ga.intersection(grams[j])) / max(n, sizes[j]) >= SPUN_SIMILARITY:
                out[i] = j
                break
        for g in mine:
            has[g].append(i)
        for g in anchors[i]:
            anchored[g].append(i)
    return out


def _originals(ids: list[str], copies: list[int | None]) -> list[str | None]:
    """The id each copy is marked with: the original of the article it copies, or that article."""
    marks: list[str | None] = []
    for j in copies:
        marks.append(None if j is None else (marks[j] or ids[j]))
    return marks


def mark_copies(articles: list[Article]) -> None:
    """Mark an article as a copy of the first earlier one (in list order) that it shares most of its wording with."""
    grams = Trigrams()
    marks = _originals([a.id for a in articles], find_copies([grams(a.text) for a in articles]))
    for a, m in zip(articles, marks):
        a.duplicate_of = m


_VERB_PREFIXES = ("mem", "men", "meng", "meny", "ber", "ter", "di")
SPUN_RATE = 0.25    # capitalised common words per sentence above which a text looks machine-spun


def looks_spun(a: Article) -> bool:
    """Spinning tools swap in synonyms and leave them capitalised mid-sentence ("Telah Dilakukan", "Menolong"):
    count capitalised common words and verb forms outside names, titles and headlines."""
    from kg.extract.entities import calendar_words, stopwords, title_words
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


REPORT_WINDOW = 7      # days before its publication that an article may report a statement made


def _statement_keys(c: Claim) -> list[int]:
    """Keys under which two reports of one statement meet: its quote, and what it says about what."""
    keys = []
    if c.quote and len(c.quote) >= 30:
        keys.append(hash(("quote", c.agent, re.sub(r"\W+", " ", c.quote.casefold()).strip())))
    if c.about:
        keys.append(hash((c.type, c.agent, c.target, c.about, c.about_agent, c.about_target, c.negated)))
    return keys


def survey(articles) -> tuple[dict[str, Entity], list[array], list[str], dict[int, set[DateValue]]]:
    """The merge's first pass: every person by key, each article's trigrams and id, and the dates
    its own text gives its statements."""
    persons: dict[str, Entity] = {}
    grams, ids, trigrams = [], [], Trigrams()
    said: dict[int, set[DateValue]] = defaultdict(set)
    for a in articles:
        for e in a.entities.values():
            if e.type == "Person":
                persons.setdefault(e.key, e)
        for c in a.claims:
            if c.date_source in ("stated", "context") and c.date.precision == "day" and c.type in SPEECH_ACTS:
                for k in _statement_keys(c):
                    said[k].add(DateValue(c.date.value, c.date.precision, c.date.text))
        grams.append(trigrams(a.text))
        ids.append(a.id)
    return persons, grams, ids, said


def one_date(a: Article, said: dict[int, set[DateValue]]) -> None:
    """One statement, one date: a statement that an article dates only by its publication day takes
    the day another report states for it (the same quote, or the same act about the same event),
    when that report gives one day and it falls in the week before publication."""
    for c in a.claims:
        if c.date_source != "published":
            continue
        days = {d.value: d for k in _statement_keys(c) for d in said.get(k, ())
                if 0 <= (c.date.day() - d.day()).days <= REPORT_WINDOW}
        if len(days) == 1:
            c.date, c.date_source = next(iter(days.values())), "other report"


def settle(articles, remap: dict[str, str], persons: dict[str, Entity], marks: list[str | None],
           said: dict[int, set[DateValue]] | None = None) -> None:
    """The merge's second pass: merged persons renamed, copies and spun text marked, statements dated
    as other reports date them, each article put back."""
    for i, a in enumerate(articles):
        _apply(a, remap, persons)
        a.duplicate_of = marks[i]
        a.spun = looks_spun(a)
        if said:
            one_date(a, said)
        articles[i] = a


def merge(articles):
    """Merge person variants across articles and mark copies; articles keep their own evidence.

    `articles` is a list or a packed `Articles`: it is read twice, an article at a time, and
    each article is put back changed."""
    persons, grams, ids, said = survey(articles)
    remap = person_aliases(persons)
    marks = _originals(ids, find_copies(grams))
    del grams
    settle(articles, remap, persons, marks, said)
    return articles
