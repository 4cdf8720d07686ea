"""Dating: which date of a sentence, or of its context, is a claim's."""
from __future__ import annotations

import re

from kg.extract.claims.patterns import PHRASE_BREAK, POINT_EVENTS
from kg.extract.claims.triggers import Trigger, event_noun, is_nominal
from kg.model import Claim, DateValue, Sentence
from kg.text.dates import find_dates


def date_for(t: Trigger, trigs: list[Trigger], dates: list[DateValue], text: str) -> DateValue | None:
    """The nearest date that is nearer to this trigger, or to another of its type in the same phrase
    ("menandatangani perjanjian kemitraan pada Juni 2024"), than to any other trigger of the sentence."""
    def dist(d, x):
        return max(0, d.start - x.end, x.start - d.end)

    def same(x):
        return x is t or x.type == t.type and not PHRASE_BREAK.search(
            text, min(t.end, x.end), max(t.start, x.start))
    own = [d for d in dates if same(min(trigs, key=lambda x: (dist(d, x), x.start)))]
    return min(own, key=lambda d: dist(d, t)) if own else None


DEMONSTRATIVE = re.compile(r"\b(?:itu|tersebut)\b")


def date_event_named(sent: Sentence, earlier: list[Claim], ref_day) -> None:
    """"Serangan berlangsung hingga Jumat (4/7)", "Dalam pertemuan Selasa (27/8) itu": a sentence that
    names an event by its noun (first, or a few words before "itu") and gives a day dates the last
    undated event of that type before it."""
    undated = {c.type for c in earlier if c.date is None and c.type in POINT_EVENTS}
    if not undated:
        return
    text = sent.text
    words = re.findall(r"\w+", text[:40])[:1]
    for m in DEMONSTRATIVE.finditer(text):
        words += re.findall(r"\w+", text[max(0, m.start() - 40):m.start()])[-4:]
    for word in words:
        word = word.casefold()
        typ = event_noun(word) if is_nominal(word) else None
        if typ not in POINT_EVENTS:
            continue
        if typ in undated:
            last = next(c for c in reversed(earlier) if c.type == typ)
            days = [d for d in find_dates(text, ref_day) if d.precision == "day"] if last.date is None else []
            if days:
                last.date = days[0]
        return
