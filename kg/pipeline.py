"""The extraction pipeline: read -> clean -> metadata -> sentences -> entities -> claims -> merge.

Each stage is a plain function that takes an `Article` and returns it with more filled in.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .claims import read_claims
from .clean import clean
from .dates import find_dates
from .entities import annotate
from .merge import merge
from .meta import read_meta
from .model import Article, DateValue
from .read import ArticleError, find_files, read_file
from .sentences import split

STAGES = (clean, read_meta, split, annotate)


@dataclass
class Build:
    """What a build made: the articles read and the files skipped, with why."""
    articles: list[Article] = field(default_factory=list)
    skipped: list[ArticleError] = field(default_factory=list)


def reference_date(article: Article, anchor: dt.date | None) -> tuple[DateValue | None, str | None]:
    """The date the article speaks from: printed publication date, else its latest explicit date
    (weekday dates resolved around its other dates or the corpus), else the corpus anchor."""
    if article.published:
        return article.published, "published"
    text = article.text
    absolute = [d for d in find_dates(text, None) if any(ch.isdigit() for ch in d.text)]
    around = max((d.day() for d in absolute), default=anchor)
    if around is None:
        return None, None
    explicit = [d for d in find_dates(text, around) if d.precision == "day" and any(ch.isdigit() for ch in d.text)]
    if explicit:
        best = max(explicit, key=DateValue.day)
        return DateValue(best.value, "day", best.text), "latest date in the text"
    if absolute:
        best = max(absolute, key=DateValue.day)
        return best, "latest date in the text"
    return DateValue(anchor.isoformat(), "day", ""), "dates of the other articles"


def extract(article: Article, anchor: dt.date | None = None) -> Article:
    """Run every stage on one article."""
    for stage in STAGES:
        stage(article)
    ref, _ = reference_date(article, anchor)
    return read_claims(article, ref)


def read_all(paths: list[Path]) -> Build:
    """Read every article file under `paths`; unreadable files are skipped with a reason."""
    b = Build()
    for f in find_files(paths):
        try:
            b.articles += read_file(f)
        except ArticleError as e:
            b.skipped.append(e)
    return b


def build(paths: list[Path]) -> Build:
    """Read and extract a corpus; articles with no printed date are anchored on the others' dates."""
    b = read_all(paths)
    if not b.articles:
        first = b.skipped[0] if b.skipped else None
        raise ArticleError(first.path if first else paths[0],
                           f"no readable article ({first.problem})" if first else "no readable article")
    b.articles.sort(key=lambda a: a.id)
    for a in b.articles:
        for stage in STAGES:
            stage(a)
    days = sorted(a.published.day() for a in b.articles if a.published)
    anchor = days[len(days) // 2] if days else None
    for a in b.articles:
        ref, _ = reference_date(a, anchor)
        read_claims(a, ref)
    merge(b.articles)
    return b
