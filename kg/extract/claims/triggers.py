"""Trigger words: the verbs and nouns that name a speech act or an event, and how each is used."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.claims.patterns import EVENT_TYPES, NOMINAL_EXTRA, SPEECH, lexicon
from kg.model import Claim, Sentence


@dataclass
class Trigger:
    type: str
    start: int           # offsets in the sentence
    end: int
    word: str
    negated: bool = False
    nominal: bool = False
    passive: bool = False
    light: bool = False       # the object of a light verb ("mengumumkan sanksi"): the verb's subject is its agent


def words_after(text: str, c: Claim) -> int:
    """Where the words after a claim's trigger begin in its sentence."""
    return text.find(c.trigger) + len(c.trigger)


@functools.lru_cache(maxsize=4096)
def event_noun(word: str) -> str | None:
    """The event type a noun names ("serangan", "pengiriman", "sanksi"), from the trigger lexicon."""
    kinds = lexicon()["kind"]
    typ = kinds.get(word) or next((t for k, t in sorted(kinds.items()) if k.split()[0] == word), None)
    return typ if typ in EVENT_TYPES else None


def is_nominal(word: str) -> bool:
    """Noun triggers ("pengerahan", "kecaman") take their agent after them."""
    w = word.casefold()
    first = w.split()[0]
    return w in NOMINAL_EXTRA or (first.endswith("an") and not first.startswith(("me", "di", "ber")))


class Triggers:
    """The triggers of a sentence (a part of the claim reader)."""

    # --- sentence -------------------------------------------------------------
    def triggers(self, sent: Sentence) -> list[Trigger]:
        lx = lexicon()
        text = sent.text
        out: list[Trigger] = []
        spans = []
        for m in lx["no_comment"].finditer(text):
            out.append(Trigger("NO_COMMENT", m.start(), m.end(), m.group(0)))
            spans.append((m.start(), m.end()))
        for m in lx["trigger"].finditer(text):
            if any(a <= m.start() < b for a, b in spans):
                continue
            w = m.group(1)
            typ = lx["kind"][w.casefold()]
            t = Trigger(typ, m.start(), m.end(), w, nominal=is_nominal(w),
                        passive=w.casefold().startswith("di") and len(w) > 4)
            t.negated = bool(lx["negation"].search(text[max(0, t.start - 25):t.start]))
            if t.negated and not t.type in SPEECH and re.search(r"\bbukan\s+$", text[max(0, t.start - 8):t.start]):
                continue         # "pelatihan, bukan berperang": a contrast, neither an event nor a denial
            if typ in ("CONFIRM", "DENY") and lx["reluctant"].search(text[max(0, t.start - 40):t.start]):
                t.type, t.negated = "NO_COMMENT", False      # "enggan mengonfirmasi", "tidak pernah secara resmi mengakui"
            if lx["light"].search(text[max(0, t.start - 16):t.start]):
                t.nominal, t.light = False, True    # "mengumumkan sanksi": the noun is the act, its agent the verb's subject
            if w.casefold() in lx["presence_verbs"] and not lx["troops"].search(text[max(0, t.start - 40):t.start]):
                continue         # "berada di" is a deployment only of troops
            if typ == "DEPLOY" and w.casefold() in lx["transfer"]:
                obj = text[t.end:t.end + 60]
                if lx["arms"].search(obj) and not lx["troops"].search(obj[:25]):
                    t.type = "SUPPLY"
                elif not lx["troops"].search(text[max(0, t.start - 40):t.end + 60]):
                    continue
            if typ in ("CONFIRM", "DENY") and t.negated:
                t.type, t.negated = "NO_COMMENT", False
            out.append(t)
        return sorted(out, key=lambda t: t.start)
