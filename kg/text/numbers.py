"""Amounts in Indonesian text: digits, number words, vague amounts, ranges, hedges.

"." groups thousands and "," is the decimal mark ("3,5 juta" = 3 500 000); an
English-style "10,000" (comma then exactly three digits, no scale word) is read
as ten thousand. Parts of dates and times, percentages, ordinals ("ke-2"),
years written without a separator ("2024") and non-whole amounts ("3,5") are
not quantities. Words live in lexicon/numbers.yaml.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.lexicon import load, trie
from kg.model import Quantity
from kg.text.dates import date_spans
from kg.text.number_words import (
    SCALE,
    SCALES,
    SE_WORDS,
    UNITS,
    VAGUE,
    VAGUE_SCALED,
    WORDS,
    words_value,
)


def _alt(words) -> str:
    """The words as a trie of their casefolded forms, for patterns that ignore case: the matches of an
    alternation of them, longest first, found faster."""
    return trie({w.casefold() for w in words})


_L = load("numbers")
_END = r"(?![\w/:]|[.,]\d)"
DIGITS = rf"(?:\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?{_END}|\d{{1,3}}(?:,\d{{3}}){{2,}}{_END}|\d+(?:,\d+)?{_END})"
NUMERAL = rf"(?:{DIGITS}(?:\s+{SCALE})*|{WORDS})"
_JOIN = rf"(?:\s*(?:{_alt(_L['range_dashes'])})\s*|\s+(?:{_alt(_L['range_words'])})(?!\w)\s*)"
_START = r"(?:(?<![\w.,/:])(?<!\w-)|(?<=Rp)|(?<=Rp\.))"
_Q = re.compile(
    rf"{_START}(?:(?P<hedge>{_alt(_L['hedges'])})\s+)?"
    rf"(?:antara\s+(?P<a1>{NUMERAL})\s+(?:dan|{_alt(_L['range_words'])})\s+(?P<b1>{NUMERAL})"
    rf"|(?P<a2>{NUMERAL}){_JOIN}(?P<b2>{NUMERAL})"
    rf"|(?P<vague>\b(?:{_alt(VAGUE)})\b(?:\s+{SCALE})?)"
    rf"|(?P<num>{NUMERAL}))", re.I)
_PERCENT = re.compile(rf"\s*(?:{_alt(_L['percent'])})(?!\w)", re.I)
_NOT_AFTER = re.compile(rf"(?:^|[^\w])(?:{_alt(_L['not_after'])})\s*$", re.I)
_NOT_AMOUNT = re.compile(rf"\b(?:{_alt(_L['not_amounts'])})\b", re.I)
_YEAR = re.compile(r"(?:19\d\d|20\d\d|2100)")
_SENT_START = re.compile(r"(?:^|[.!?:\"“(\n]\s*)$")
_ENGLISH_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+")
_TOKEN = re.compile(r"\S+")
_GATE = re.compile(rf"\d|\b(?:{_alt([*UNITS, *SE_WORDS, *VAGUE])})\b", re.I)   # speed only


def _words_prefix(text: str) -> tuple[int, int] | None:
    """(value, length) of the longest well-formed prefix of number words in `text`."""
    ends = [m.end() for m in _TOKEN.finditer(text)]
    for end in reversed(ends):
        v = words_value(text[:end])
        if v is not None:
            return v, end
    return None


def _numeral(text: str) -> tuple[Decimal, int, bool] | None:
    """(value, trailing scale, year-like) of one numeral (digits + scale words, or words)."""
    parts = text.split()
    if not parts[0][0].isdigit():
        v = words_value(text)
        if v is None:
            return None
        last = parts[-1].casefold()
        return Decimal(v), SCALES.get(last, 1), False
    digits, scales = parts[0], [SCALES[p.casefold()] for p in parts[1:]]
    if _ENGLISH_GROUPS.fullmatch(digits) and (digits.count(",") > 1 or not scales):
        value = Decimal(digits.replace(",", ""))
    else:
        value = Decimal(digits.replace(".", "").replace(",", "."))
    for sc in scales:
        value *= sc
    return value, (scales[-1] if scales else 1), (not scales and bool(_YEAR.fullmatch(digits)))


def _whole(v: Decimal) -> int | None:
    return int(v) if v == v.to_integral_value() else None


def find_quantities(text: str) -> list[Quantity]:
    """All amounts in `text`, in text order, with exact text and offsets."""
    if not text or not _GATE.search(text):
        return []
    masks = None
    out: list[Quantity] = []
    pos = 0
    while m := _Q.search(text, pos):
        s, e = m.span()
        pos = e
        hedge = m.group("hedge")
        if m.group("num") and not m.group("num")[0].isdigit():
            hit = _words_prefix(m.group("num"))
            if hit is None:
                continue
            e = pos = m.start("num") + hit[1]     # "dua tiga ribu": rescan after "dua"
            if text[m.start("num")].isupper() and not _SENT_START.search(text, max(0, s - 3), s) and not hedge:
                continue    # "Lima" (the city), "Satu Data": capitalised mid-sentence
        if _NOT_AFTER.search(text, max(0, s - 8), s) or _PERCENT.match(text, e):
            continue
        if masks is None:
            masks = date_spans(text) + [n.span() for n in _NOT_AMOUNT.finditer(text)]
        if any(a < e and s < b for a, b in masks):
            continue
        q = _quantity(m, text[m.start("num"):e] if m.group("num") else None, text[s:e], s, e, hedge)
        if q is not None:
            out.append(q)
    return out


def _quantity(m: re.Match, num: str | None, qtext: str, s: int, e: int, hedge: str | None) -> Quantity | None:
    """The Quantity of one match, or None if it is no amount."""
    approx = hedge is not None
    if m.group("vague"):
        words = " ".join(m.group("vague").casefold().split())
        if words in VAGUE_SCALED:
            lo, hi = VAGUE_SCALED[words]
        else:
            base, *scale = words.split()
            lo, hi = VAGUE[base]
            mul = SCALES[scale[0]] if scale else 1
            lo, hi = lo * mul, hi * mul
        return Quantity(None, lo, hi, qtext, s, e, True)
    a, b = m.group("a1") or m.group("a2"), m.group("b1") or m.group("b2")
    if a is None:
        n = _numeral(num)
        if n is None or n[2]:
            return None
        v = _whole(n[0])
        return None if v is None else Quantity(v, None, None, qtext, s, e, approx)
    na, nb = _numeral(a), _numeral(b)
    if na is None or nb is None or na[2] or nb[2]:
        return None
    va, vb = na[0], nb[0]
    if na[1] == 1 and nb[1] > 1 and va < vb / nb[1]:
        va *= nb[1]      # "10 hingga 12 ribu": the scale belongs to both ends
    lo, hi = _whole(min(va, vb)), _whole(max(va, vb))
    if lo is None or hi is None:
        return None
    return Quantity(None, lo, hi, qtext, s, e, approx)
