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
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
