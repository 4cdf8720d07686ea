"""Names of the gazetteer (lexicon/gazetteer.yaml), looked up by their casefolded form."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.lexicon import load
from kg.model import slug

_SECTIONS = {"countries": "Country", "organizations": "Organization", "outlets": "Outlet",
             "persons": "Person", "places": "Place"}


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    type: str
    wikidata: str | None
    country: str | None
    alias: str            # the name as written in the lexicon


@functools.lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, list[Entry]], int]:
    """Casefolded name -> entries, and the most words a name has."""
    index: dict[str, list[Entry]] = {}
    lex = load("gazetteer")
    for section, etype in _SECTIONS.items():
        for e in lex.get(section) or []:
            country = slug(e["country"]) if e.get("country") else None
            for name in dict.fromkeys([e["label"], *(e.get("aliases") or [])]):
                entry = Entry(slug(e["label"]), e["label"], etype, e.get("wikidata"), country, name)
                index.setdefault(name.casefold(), []).append(entry)
    return index, max(len(_TOKEN.findall(n)) for n in index)


_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*")
_PART = re.compile(r"\w+(?:['’.]\w+)*")


@functools.lru_cache(maxsize=1)
def _names_by_key() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for entries in gazetteer()[0].values():
        for e in entries:
            out.setdefault(e.key, set()).add(e.alias)
    return {k: frozenset(v) for k, v in out.items()}


def gazetteer_names(key: str) -> frozenset[str]:
    """Every name the gazetteer gives the entity `key` (its label and aliases)."""
    return _names_by_key().get(key, frozenset())


def known_label(text: str) -> bool:
    """True when `text` is a name in the gazetteer."""
    return text.strip().casefold() in gazetteer()[0]


@functools.lru_cache(maxsize=1)
def _longest_from() -> dict[str, int]:
    """Casefolded first word -> the most words a name starting with it has (so a place is tried only as
    far as a name could reach from it)."""
    out: dict[str, int] = {}
    for name in gazetteer()[0]:
        words = _TOKEN.findall(name)
        if words:
            out[words[0]] = max(out.get(words[0], 0), len(words))
    return out


def find_names(text: str):
    """Gazetteer names in `text`, longest first at each place, as (start, end, surface) spans."""
    index, _ = gazetteer()
    reach = _longest_from()
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    i = 0
    while i < len(toks):
        first = text[toks[i][0]:toks[i][1]].casefold()
        for n in range(min(reach.get(first, 1), len(toks) - i), 0, -1):
            a, b = toks[i][0], toks[i + n - 1][1]
            surface = text[a:b]
            if (first if n == 1 else surface.casefold()) in index and (n == 1 or " ".join(surface.split()) == surface):
                yield a, b, surface
                i += n
                break
        else:
            a, b = toks[i]
            if "-" in text[a:b]:       # "antara Armenia-Azerbaijan": the names joined by a hyphen
                for m in _PART.finditer(text, a, b):
                    if m.group(0).casefold() in index:
                        yield m.start(), m.end(), m.group(0)
            i += 1


@functools.lru_cache(maxsize=1 << 12)      # asked for every entity of an article, for each of its claims
def gazetteer_country(label: str) -> str | None:
    """The key of the country the gazetteer gives for a name ("KCNA" -> "korea-utara"), if one."""
    return next((e.country for e in gazetteer()[0].get(label.casefold(), []) if e.country), None)
