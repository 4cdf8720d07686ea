"""Language data for Indonesian news: gazetteer, roles, triggers, boilerplate, calendar, numbers.

Each YAML file here starts with a header saying where its entries come from.
"""
from __future__ import annotations

import functools
import importlib.resources
import re

import yaml


@functools.lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed lexicon file `name`.yaml of this package."""
    text = importlib.resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def alternation(words) -> str:
    """Regex alternation of `words`, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


def trie(words, space: str = r"\s+") -> str:
    """The same alternation as `alternation`, factored by shared prefixes ("menyerang|menyebut" as
    "meny(?:erang|ebut)"), so a long list is tried letter by letter instead of word by word; a space
    matches `space`. (Used with re.I, the words must be casefolded, so no two branches match one letter.)"""
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [(space if ch == " " else re.escape(ch)) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:       # a word ends here: longer ones first, then this one
            body = (body if len(alts) == 1 and len(body) == 1 else "(?:" + body + ")") + "?"
        return body
    return build(root)
