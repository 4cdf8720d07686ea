"""Indonesian number words ("dua puluh lima ribu"): the lexicon's units, teens, multipliers and scales.

Shared by the amounts (numbers.py) and the dates ("tiga hari lalu").
"""
from __future__ import annotations

from kg.lexicon import load, trie


def _alt(words) -> str:
    """The words as a trie of their casefolded forms, for patterns that ignore case: the matches of an
    alternation of them, longest first, found faster."""
    return trie({w.casefold() for w in words})


_L = load("numbers")
UNITS: dict[str, int] = {k: int(v) for k, v in _L["units"].items()}
TEEN: str = _L["teen"]
MULT: dict[str, int] = {k: int(v) for k, v in _L["multipliers"].items()}
SCALES: dict[str, int] = {k: int(v) for k, v in _L["scales"].items()}
SE: str = _L["one_prefix"]
VAGUE: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in _L["vague"].items()}
VAGUE_SCALED: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in _L["vague_scaled"].items()}
SE_WORDS = {SE + w: w for w in (*MULT, TEEN, *SCALES)}

SCALE = rf"(?:{_alt(SCALES)})\b"
WORDS = (rf"\b(?:{_alt([*UNITS, *SE_WORDS])})\b"
         rf"(?:\s+(?:{_alt([*UNITS, *SE_WORDS, TEEN, *MULT, *SCALES])})\b)*")


def words_value(text: str) -> int | None:
    """The value of Indonesian number words ("dua puluh lima ribu" -> 25000); None if not well formed."""
    total = group = pend = 0
    last_scale = None
    for tok in text.casefold().split():
        for t in (("satu", SE_WORDS[tok]) if tok in SE_WORDS else (tok,)):
            if t in UNITS:
                if pend:
                    return None
                pend = UNITS[t]
            elif t == TEEN or t in MULT:
                if not pend:
                    return None
                group += pend + 10 if t == TEEN else pend * MULT[t]
                pend = 0
            elif t in SCALES:
                g, sc = group + pend, SCALES[t]
                if not g or (last_scale is not None and sc >= last_scale):
                    return None
                total, group, pend, last_scale = total + g * sc, 0, 0, sc
            else:
                return None
    return total + group + pend
