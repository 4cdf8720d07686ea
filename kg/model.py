"""The typed objects that flow through the pipeline.

One `Article` is read, cleaned, split and annotated stage by stage; every
offset is a character offset into `Article.raw`, so slicing the raw text at
a stored span gives back exactly the stored text.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# Claim and event types (../shared/gold/README.md)
SPEECH_ACTS = ("CONFIRM", "DENY", "NO_COMMENT", "ACCUSE", "CONDEMN", "DEMAND", "WARN", "ESTIMATE", "STATEMENT")
EVENTS = ("DEPLOY", "SUPPLY", "TRAIN", "COMBAT", "KILL", "ATTACK", "AGREE", "MEET", "SUMMON", "SANCTION")
CLAIM_TYPES = SPEECH_ACTS + EVENTS
ENTITY_TYPES = ("Person", "Organization", "Country", "Place", "Outlet")


@dataclass(frozen=True)
class DateValue:
    """A date as precise as the text gives it."""
    value: str            # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: str        # "day" | "month" | "year"
    text: str             # the words it was read from
    start: int = -1       # offsets of `text` in the string it was found in
    end: int = -1

    def day(self) -> dt.date:
        """The first day the value covers."""
        parts = [int(x) for x in self.value.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])


@dataclass(frozen=True)
class Quantity:
    """An amount: exact (`value`) or a range (`low`..`high`)."""
    value: int | None
    low: int | None
    high: int | None
    text: str
    start: int = -1
    end: int = -1
    approximate: bool = False
    counts: str | None = None    # what it counts: "troops", "casualties", "captured", "weapons", "displaced", "members", "people"


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A span of text naming an entity."""
    start: int
    end: int
    text: str
    sentence: int
    key: str              # the entity it refers to
    inside: str | None = None   # key of the person whose title phrase holds this mention


@dataclass
class Entity:
    """One real-world thing; `key` is its canonical, IRI-safe id."""
    key: str
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    wikidata: str | None = None
    source: str = ""      # how it was found: gazetteer entry or rule
    country: str | None = None   # key of the country it belongs to


@dataclass(frozen=True)
class Role:
    person: str           # entity key
    role: str             # role words as written, lower case ("juru bicara")
    org: str | None       # entity key of the organisation or country
    sentence: int


@dataclass
class Claim:
    """A speech act or event read from one sentence of one article."""
    type: str
    agent: str | None                 # entity keys
    sentence: Sentence
    target: str | None = None
    place: str | None = None
    about: str | None = None          # event type a speech act is about
    about_agent: str | None = None
    about_target: str | None = None
    about_place: str | None = None
    date: DateValue | None = None
    date_source: str | None = None    # "stated" in the sentence, "context", or "published" (kg.extract.claims.dating)
    quantity: Quantity | None = None
    negated: bool = False
    modality: str | None = None       # "believed", "alleged", "reported" ...
    quote: str | None = None
    quote_start: int = -1
    quote_end: int = -1
    carrier: str | None = None        # entity key of the outlet that carried it ("dilansir dari Al Jazeera")
    trigger: str = ""


@dataclass
class Article:
    """An article and everything the stages add to it."""
    id: str
    path: Path | None
    raw: str
    url: str | None = None
    published_hint: str | None = None    # a date given with the input (jsonl, html metadata)
    encoding: str = "utf-8"              # the encoding the file was read in
    keep: list[tuple[int, int]] = field(default_factory=list)   # content spans of raw (cleaning)
    title: str | None = None
    outlet: str | None = None
    outlet_how: str | None = None
    authors: list[str] = field(default_factory=list)
    authors_how: str | None = None
    editors: list[str] = field(default_factory=list)
    published: DateValue | None = None
    published_how: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    duplicate_of: str | None = None   # id of the article this one is a (spun) copy of
    spun: bool = False                # the text shows machine spinning (synonyms swapped in)

    @property
    def text(self) -> str:
        """The cleaned text: content spans joined by newlines."""
        return "\n".join(self.raw[a:b] for a, b in self.keep)


def slug(label: str) -> str:
    """An IRI-safe key for a label."""
    s = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "x"
