"""Split the content lines of an article into sentences with raw offsets."""
from __future__ import annotations

import re

from kg.model import Article, Sentence

# A sentence ends at . ! ? (and any closing quotes or brackets) before a space and
# a capital, a digit or an opening quote.
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
# Sentences glued without a space ("... ke perbatasan.Menurut ...", "... (3/3/2025).Menurut"): a
# lower-case word of three letters or more, a year or a closing bracket, the stop, then a
# capitalised word (not a domain: "Liputan6.com", nor "U.S.").
# (The stop comes first in the pattern so that the regex looks only at stops.)
_GLUED = re.compile(r"[.!?](?:(?<=[a-z]{3}[.!?])|(?<=\d{4}[.!?])|(?<=\)[.!?]))(?=[A-Z][a-z]{2,})")
_ABBREV = re.compile(r"(?:\b(?:Prof|Dr|Drs|Ir|St|No|Jl|Jln|Kol|Letjen|Mayjen|Brigjen|Jend|Sdr|Bpk|Mr|Mrs|Ms|Jr|Sr|dll|dsb|dkk|tsb|U\.S|a\.n|vs)|\b[A-Z])\.$")


def split_text(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of `text`, stripped of outer spaces."""
    spans, start = [], 0
    for m in sorted([*_END.finditer(text), *_GLUED.finditer(text)], key=lambda m: m.start()):
        if m.start() < start or _ABBREV.search(text[max(0, m.start() - 8):m.start() + 1]):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        a2, b2 = a + lead, a + len(seg.rstrip())
        if b2 > a2:
            out.append((a2, b2))
    return out


def split(article: Article) -> Article:
    """Set `article.sentences` from its content lines."""
    from kg.text.clean import is_boilerplate
    out = []
    for a, b in article.keep:
        for s, e in split_text(article.raw[a:b]):
            if is_boilerplate(article.raw[a + s:a + e]):
                continue       # a prompt run into the last paragraph
            out.append(Sentence(len(out), a + s, a + e, article.raw[a + s:a + e]))
    article.sentences = out
    return article
