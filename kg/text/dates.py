"""Indonesian date expressions: absolute, weekday-anchored and relative to the article date.

Words live in lexicon/calendar.yaml. Conventions for the ambiguous cases:
- what the reference date may do depends on where it came from (`ref_from`): the
  article's publication date ("published") resolves everything; a date of the
  article's own text ("text") only chooses the year of a day and month; the dates
  of other articles ("corpus") only choose the year of a weekday + day/month, and
  only when the weekday holds in that year. A relative day ("kemarin", "pekan lalu")
  needs the publication date; a weekday ("pada hari Sabtu"), a month or a year
  ("Juni lalu", "tahun lalu") may count from the latest date of the text;
- day/month without a year ("24 April", "pada (28/4)", "14 Februari lalu"): the year
  that puts the date nearest the reference date, but not more than 14 days after it;
- weekday + day/month ("Senin (28/4)"): of ref.year-1, ref.year, ref.year+1 the
  year in which the date falls on that weekday (at most one can); read as month/day
  when only that order gives the weekday ("Rabu (3/5)" on 5 March 2025); else none;
- a day/month whose month part is over 12 and day part not ("Kamis (2/27)") is month/day;
- "pekan lalu"/"minggu lalu": day precision, the reference date minus 7 days;
- "Juni lalu": the last June strictly before the reference month; "Agustus tahun lalu": August
  of the year before (and "tahun ini", "tahun depan");
- a weekday after "pada"/"hari"/"sejak", or before a part of the day ("Senin malam"): the
  last such day on or before ref;
  "Senin lalu": strictly before; "Senin depan": strictly after;
  "Jumat pekan lalu": that weekday of the previous (Monday-first) week;
- a four-digit year (1900-2100) alone is a year unless an amount word or hedge
  ("sebanyak", "sekitar") stands before it, a number/percent sign follows, or it is a
  decade ("1990-an");
- text covers the date words only: a weekday and a following time are part of
  it ("Selasa, 14 Januari 2025 14:32"), cue words ("pada", "sejak") are not,
  qualifiers of relative phrases are ("awal bulan ini").
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from kg.lexicon import alternation as _alt
from kg.lexicon import load, trie
from kg.model import DateValue
from kg.text.gazetteer import find_names, gazetteer
from kg.text.number_words import WORDS as _NUM_WORDS
from kg.text.number_words import words_value

_L = load("calendar")
_HEDGES = load("numbers")["hedges"]


def _key(word: str) -> str:
    return " ".join(word.casefold().replace("’", "'").split())


_MONTHS = {_key(w): int(n) for n, e in _L["months"].items() for w in e["names"] + e["abbr"]}
_FULL_MONTHS = [w for e in _L["months"].values() for w in e["names"]]
_DAYS = {_key(w): int(n) for n, ws in _L["days"].items() for w in ws}
_REL = {_key(k): v for k, v in _L["relative"].items()}
_UNITS = _L["units"]


def _ci(words) -> str:
    """Case-insensitive alternation of `words` ("'" also matches "’"), as a trie of the casefolded words
    (the same matches as the alternation, longest first, found faster)."""
    return "(?i:" + trie({w.casefold() for w in words}).replace("'", "['’]") + ")"


_WD = "(?:" + "|".join(re.escape(v).replace("'", "['’]") for w in sorted(_DAYS, key=len, reverse=True)
                       for v in (w.capitalize(), w.upper())) + r")\b"
_MON = _ci(_MONTHS) + r"\b\.?"
_MONFULL = _ci(_FULL_MONTHS) + r"\b"
_POD = _ci(_L["parts_of_day"])
_PAST, _FUT = _ci(_L["past"]), _ci(_L["future"])
_TIME = (r"(?:\s*(?:,|-|–|\||(?i:pukul|jam))?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?!\d)"
         r"(?:\s*(?:WIB|WITA|WIT|GMT|UTC)\b)?)?")
_DM = r"\(\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*\)"

# (kind, regex, group whose span is the date text); earlier kinds win ties.
_PATTERNS = [(k, re.compile(p), g) for k, p, g in [
    ("dmy", rf"(?:(?P<wd>{_WD})\s*,?\s+)?(?<![\d.,/])\b(?P<d>\d{{1,2}})\s+(?P<m>{_MON})"
            rf"(?:\s+(?P<y>\d{{4}})(?!\d){_TIME}|\s+{_PAST}\b)?(?![\w])", 0),
    ("mdy", rf"\b(?P<m>{_MON})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})(?!\d){_TIME}", 0),
    ("num", rf"(?:(?P<wd>{_WD})(?:\s*,)?(?:\s+{_POD})?\s*)?(?:(?P<p>\()\s*)?(?<![\d/.,])(?P<d>\d{{1,2}})\s*/\s*"
            rf"(?P<m>\d{{1,2}})\s*/\s*(?P<y>\d{{4}}|\d{{2}})(?![\d/])(?(p)\s*\))", 0),
    ("num", rf"(?<![\d/.,-])(?P<d>\d{{1,2}})(?P<s>[.-])(?P<m>\d{{1,2}})(?P=s)(?P<y>\d{{4}})(?![\d/.-]){_TIME}", 0),
    ("iso", r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"
            r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?", 0),
    ("wd_dm", rf"(?P<wd>{_WD})(?:\s+(?P<past>{_PAST}))?(?:\s*,)?(?:\s+{_POD})?\s*{_DM}", 0),
    ("dm", rf"\b{_ci(_L['cues']['day_month'])}\s+(?P<x>{_DM})", "x"),
    ("my", rf"\b(?P<m>{_MON})\s+(?P<y>\d{{4}})(?![\d.,]\d)", 0),
    ("m_year", rf"\b(?P<m>{_MONFULL})\s+(?i:tahun\s+(?P<yr>lalu|kemarin|ini|depan|mendatang))\b", 0),
    ("m_rel", rf"\b(?P<m>{_MONFULL})\s+(?:(?i:yang)\s+)?(?:(?P<past>{_PAST})|{_FUT})\b", 0),
    ("m_cue", rf"\b{_ci(_L['cues']['month'])}\s+(?P<x>(?P<m>{_MONFULL}))(?!\s*\d)(?!\s+(?i:dan|hingga|sampai|atau)\s+{_MONFULL})", "x"),
    ("ago", rf"(?i:(?P<n>(?<![\d.,])\b\d{{1,3}}(?![.,]\d)|{_NUM_WORDS}|\bse)\s*(?P<u>{_alt(_UNITS)})\s+(?:yang\s+)?lalu\b)", 0),
    ("wd_rel", rf"(?P<wd>{_WD})\s+(?:(?P<wk>(?i:pekan|minggu))\s+)?(?:(?P<past>{_PAST})|{_FUT})\b", 0),
    ("rel", rf"(?i:\b(?:(?P<p>{_alt(_REL)})|(?P<q>{_alt(_L['qualifiers'])})\s+"
            rf"(?P<p2>{_alt(k for k, v in _REL.items() if 'months' in v or 'years' in v)}))\b)", 0),
    ("wd", rf"\b{_ci(_L['cues']['weekday'])}\s+(?:(?i:hari)\s+)?(?P<x>(?P<wd>{_WD}))", "x"),
    ("wd", rf"(?<=, )(?P<wd>{_WD})(?=\s*[,.;:)]|\s+{_POD}\b)", 0),
    ("wd", rf"(?<![\w-])(?P<wd>{_WD})(?=\s+{_POD}\b)", 0),
    ("year", r"(?<![\w.,/:])(?P<y>19\d\d|20\d\d|2100)(?![\w%]|-an\b|[.,:/]\d|\s+(?i:persen|ribu|juta|miliar)\b)", 0),
]]
_PRIORITY = {k: i for i, (k, _, _) in enumerate(_PATTERNS)}
# Words a pattern needs somewhere in the text before it is worth running (speed only).
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_DIGIT = re.compile(r"\d")
_GATE_WORDS = {"month": set(_MONTHS), "wd": set(_DAYS), "lalu": {_key(w) for w in _L["past"]},
               "rel": {w for k in _REL for w in k.split()[-1:]} | set(_L["past"]) | set(_L["future"])}
# Strings a pattern needs in the casefolded text: the "/" of a day/month, the word before a year or month.
_GATE_STRINGS = {"slash": ("/",), "tahun": ("tahun",), "month_cue": tuple(_key(w).split()[0] for w in _L["cues"]["month"])}
_YEAR4 = re.compile(r"\d{4}")
_DAY_YEAR = re.compile(r"\d,?\s+\d{4}")      # "Mei 3, 2025"
# What each pattern of _PATTERNS, in its order, needs.
_GATES = [("digit", "month"), ("day_year", "month"), ("slash",), ("year4",), ("year4",),    # dmy mdy num num iso
          ("slash", "wd"), ("slash",), ("year4", "month"), ("month", "tahun"),            # wd_dm dm my m_year
          ("month", "rel"), ("month", "month_cue"), ("lalu",), ("wd", "rel"), ("rel",),  # m_rel m_cue ago wd_rel rel
          ("wd",), ("wd",), ("wd",), ("year4",)]                                          # wd wd wd year
assert len(_GATES) == len(_PATTERNS)
_YEAR_CUE = re.compile(rf"(?:^|\W)(?:{_ci(_L['cues']['year'])})\s+$")
_AMOUNT_BEFORE = re.compile(rf"(?:^|\s)(?:{_ci(_L['amount_words'] + _HEDGES)})\s*$")
_YEAR_DASH = re.compile(r"(?:^|\D)\d{4}\s*[-–]\s*$")
_YEAR_RANGE = re.compile(r"\s*[-–/]\s*\d{4}(?!\d)")
_VAGUE_BEFORE = re.compile(rf"(?:^|[^\w.,])(?:{_ci(_L['vague_counts'])}|\d{{1,3}}|{_NUM_WORDS})\s+$", re.I)
_SENT_START = re.compile(r"(?:^|[.!?\"“\n]\s*)$")
_MONTH_BEFORE = re.compile(rf"{_MONFULL}\s+$")
_SLACK = dt.timedelta(days=14)   # how far after ref a yearless date may fall


@functools.lru_cache(maxsize=64)      # the same sentence is searched for dates, then for amounts
def _candidates(text: str) -> tuple[tuple[int, int, str, re.Match], ...]:
    """Date-shaped spans (start, end, kind, match), before resolving against a reference date."""
    out = []
    folded = text.casefold().replace("’", "'")
    words = set(_WORD.findall(folded))
    have = {g: not words.isdisjoint(ws) for g, ws in _GATE_WORDS.items()}
    have["digit"] = _DIGIT.search(text) is not None
    have["year4"] = have["digit"] and _YEAR4.search(text) is not None
    have["day_year"] = have["year4"] and have["month"] and _DAY_YEAR.search(text) is not None
    dotless = "ı" in folded          # a regex ignoring case takes "ı" for "i": no string gate then
    have.update((g, dotless or any(x in folded for x in xs)) for g, xs in _GATE_STRINGS.items())
    for (kind, rx, grp), gates in zip(_PATTERNS, _GATES):
        if not all(have[g] for g in gates):
            continue
        for m in rx.finditer(text):
            s, e = m.span(grp)
            if kind == "year":
                if text[s - 1:s] == "-" and not _YEAR_DASH.search(text, max(0, s - 8), s):
                    continue
                if _YEAR_RANGE.match(text, e):
                    continue    # "periode 2026-2027": a span of years, no date of anything

                if not _YEAR_CUE.search(text, max(0, s - 14), s) and _AMOUNT_BEFORE.search(text, max(0, s - 20), s):
                    continue
            elif kind == "rel" and _key((m.group("p") or m.group("p2")).split()[0]) in _UNITS \
                    and _VAGUE_BEFORE.search(text, max(0, s - 30), s):
                continue    # "beberapa tahun lalu"
            elif kind == "m_cue" and _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue    # "Januari hingga Maret": a span, neither end of which is the date
            elif kind == "wd_rel" and m.group("wd").casefold() == "minggu" and not m.group("wk") \
                    and _SENT_START.search(text, max(0, s - 3), s):
                continue    # sentence-initial "Minggu lalu" is "last week"
            out.append((s, e, kind, m))
    return tuple(out)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of everything date-shaped in `text`, resolvable or not (for masking numbers)."""
    return [(s, e) for s, e, _, _ in _candidates(text)]


RELATIVE = frozenset(("m_year", "m_rel", "m_cue", "ago", "wd_rel", "wd", "rel"))   # kinds that count from the reference date


@functools.lru_cache(maxsize=1)
def _dated_name_words() -> re.Pattern:
    """The first words of the gazetteer's names that hold a number ("Gerakan 23 Maret"): only a text with
    one of them can hold a date that is part of a name."""
    words = {n.split()[0] for n in gazetteer()[0] if any(ch.isdigit() for ch in n) and " " in n}
    return re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, words))) + r")(?![\w-])", re.I) if words else re.compile(r"(?!)")


def find_dates(text: str, ref: dt.date | None = None, ref_from: str = "published") -> list[DateValue]:
    """All date expressions in `text`, in text order, non-overlapping (longest wins). `ref_from` says
    where `ref` comes from: "published", "text" or "corpus" (see the module docstring)."""
    if not text:
        return []
    found = []
    cands = _candidates(text)
    named = [(a, b) for a, b, name in find_names(text) if any(ch.isdigit() for ch in name)] \
        if cands and _dated_name_words().search(text) else []
    for s, e, kind, m in cands:
        if any(a <= s and e <= b for a, b in named):
            continue            # "Gerakan 23 Maret": a date inside a name is part of the name
        try:
            r = _resolve(kind, m, ref, ref_from)
        except (ValueError, OverflowError, KeyError):
            r = None
        if r is not None:
            found.append((s, e, kind, r))
    found.sort(key=lambda f: (f[0] - f[1], _PRIORITY[f[2]], f[0]))
    taken: list[tuple[int, int, str, tuple[str, str]]] = []
    for f in found:
        if all(f[1] <= t[0] or t[1] <= f[0] for t in taken):
            taken.append(f)
    taken.sort()
    return [DateValue(v, p, text[s:e], s, e) for s, e, _, (v, p) in taken]


def parse_datetime_line(text: str) -> DateValue | None:
    """The first absolute, full (day-precision) date in a dateline or byline, or None."""
    return next((d for d in find_dates(text) if d.precision == "day"), None)


# ---- resolution -------------------------------------------------------------

def _day(d: dt.date) -> tuple[str, str]:
    return d.isoformat(), "day"


def _month(y: int, m: int) -> tuple[str, str] | None:
    return (f"{y:04d}-{m:02d}", "month") if 1 <= y <= 9999 else None     # "Januari 0000": no date


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + m - 1 + k
    return n // 12, n % 12 + 1


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _yr(y: int) -> tuple[str, str] | None:
    return (f"{y:04d}", "year") if 1 <= y <= 9999 else None


def _year(y: str) -> int:
    return int(y) + 2000 if len(y) == 2 else int(y)


def _nearest(d: int, m: int, ref: dt.date | None, wd: int | None = None, ref_from: str = "published") -> dt.date | None:
    """The year of day `d` month `m` nearest `ref` (see the module docstring)."""
    if ref is None:
        return None
    years = (ref.year - 1, ref.year, ref.year + 1)
    cands = [c for y in years if (c := _date(y, m, d))]
    if wd is not None:      # the weekday must hold: in day/month order, else in month/day order
        swapped = [c for y in years if (c := _date(y, d, m))]
        return next((c for c in cands + swapped if c.weekday() == wd), None)
    if ref_from == "corpus":
        return None         # other articles never supply a date, only the year a weekday confirms
    cands = [c for c in cands if c <= ref + _SLACK]
    return min(cands, key=lambda c: (abs((c - ref).days), c > ref), default=None)


def _weekday(wd: int, ref: dt.date, when: str) -> dt.date:
    """The weekday `wd` relative to `ref`: before, on_or_before, after, this_week, last_week, next_week."""
    back = (ref.weekday() - wd) % 7
    if when == "before":
        return ref - dt.timedelta(days=back or 7)
    if when == "on_or_before":
        return ref - dt.timedelta(days=back)
    if when == "after":
        return ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or 7)
    monday = ref - dt.timedelta(days=ref.weekday())
    weeks = {"this_week": 0, "last_week": -1, "next_week": 1}[when]
    return monday + dt.timedelta(days=7 * weeks + wd)


def _wd(m: re.Match) -> int | None:
    w = m.groupdict().get("wd")
    return _DAYS[_key(w)] if w else None


def _resolve(kind: str, m: re.Match, ref: dt.date | None, ref_from: str = "published") -> tuple[str, str] | None:
    """(ISO value, precision) of one candidate, or None if it needs a missing ref or is invalid."""
    g = m.groupdict()
    if kind in ("dmy", "mdy", "num", "iso", "wd_dm", "dm"):
        d = int(g["d"])
        mo = _MONTHS[_key(g["m"].rstrip("."))] if not g["m"].isdigit() else int(g["m"])
        if g["m"].isdigit() and mo > 12 >= d and kind != "iso":
            d, mo = mo, d       # "Kamis (2/27)": month/day
        if g.get("y"):
            c = _date(_year(g["y"]), mo, d)
        else:
            c = _nearest(d, mo, ref, _wd(m), ref_from)
        return _day(c) if c else None
    if kind == "my":
        return _month(int(g["y"]), _MONTHS[_key(g["m"].rstrip("."))])
    if kind == "year":
        return _yr(int(g["y"]))
    if ref is None or ref_from == "corpus":
        return None
    r = _relative(kind, g, m, ref)
    if r is not None and ref_from == "text" and r[1] == "day" and kind not in ("wd", "wd_rel"):
        return None         # "kemarin" from a date of the text: that day is not known; its week, month and year are
    return r


def _relative(kind: str, g: dict, m: re.Match, ref: dt.date) -> tuple[str, str] | None:
    """(ISO value, precision) of a date relative to `ref`."""
    if kind == "m_year":        # "Agustus tahun lalu": that month of the year before
        shift = {"lalu": -1, "kemarin": -1, "ini": 0}.get(g["yr"].casefold(), 1)
        return _month(ref.year + shift, _MONTHS[_key(g["m"])])
    if kind in ("m_rel", "m_cue"):
        mo = _MONTHS[_key(g["m"])]
        if kind == "m_cue":
            cands = [(y, mo) for y in (ref.year - 1, ref.year, ref.year + 1)]
            key = lambda ym: (abs((ym[0] - ref.year) * 12 + ym[1] - ref.month), ym > (ref.year, ref.month))
            return _month(*min(cands, key=key))
        if g["past"]:
            return _month(ref.year if mo < ref.month else ref.year - 1, mo)
        return _month(ref.year if mo > ref.month else ref.year + 1, mo)
    if kind == "ago":
        n = 1 if g["n"].casefold() == "se" else int(g["n"]) if g["n"].isdigit() else words_value(g["n"])
        unit = _UNITS[_key(g["u"])]
        if not n:
            return None
        if unit in ("day", "week"):
            return _day(ref - dt.timedelta(days=n * (7 if unit == "week" else 1)))
        if unit == "month":
            return _month(*_shift_month(ref.year, ref.month, -n))
        return _yr(ref.year - n)
    if kind == "wd_rel":
        if g["wk"]:
            when = "last_week" if g["past"] else "next_week"
        else:
            when = "before" if g["past"] else "after"
        return _day(_weekday(_wd(m), ref, when))
    if kind == "wd":
        return _day(_weekday(_wd(m), ref, "on_or_before"))
    if kind == "rel":
        spec = _REL[_key(g["p"] or g["p2"])]
        if "weekday" in spec:
            return _day(_weekday(spec["weekday"], ref, spec["when"]))
        if "days" in spec:
            return _day(ref + dt.timedelta(days=spec["days"]))
        if "months" in spec:
            return _month(*_shift_month(ref.year, ref.month, spec["months"]))
        return _yr(ref.year + spec["years"])
    return None
