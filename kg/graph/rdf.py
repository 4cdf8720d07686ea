"""The one place RDF is written: articles in; an rdflib Graph, or a file written article by article, out.

`add_article` says which triples an article makes. `to_graph` gathers them in an rdflib Graph (for
queries in memory); `write` streams them to Turtle, TriG or N-Quads one article at a time, so a
corpus of any size is written in little memory, always in the same bytes.

Whatever extraction made of odd text, the graph keeps the ontology's shape (`Canon`, `fit_claim`,
`fit_role`): an entity has one class, one label and at most one country, fixed by the first article
that names it; an outlet is always a kb:Outlet; a claim has one agent of an agent's class and at most
one modality (which is part of its IRI); a reference to an entity of the wrong class is left out."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.graph.vocab import ENTITY_CLASS, KB, KBR, NIF, ORG, PROV, SCHEMA, TYPE_CLASS, WD
from kg.model import EVENTS, SPEECH_ACTS, Article, Claim, DateValue, Entity, Role, slug

PREFIXES = {"kb": KB._NS, "kbr": KBR, "nif": NIF, "org": ORG, "schema": SCHEMA, "prov": PROV,
            "skos": SKOS, "wd": WD}
_DATATYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def new_graph() -> Graph:
    g = Graph()
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    return g


def article_iri(doc_id: str) -> URIRef:
    return KBR[f"article/{quote(doc_id, safe='')}"]


def entity_iri(key: str) -> URIRef:
    return KBR[f"entity/{key}"]


def graph_iri(doc_id: str) -> URIRef:
    return KBR[f"graph/{quote(doc_id, safe='')}"]


ENTITIES = "_entities"
"""The named graph (graph_iri(ENTITIES)) that describes the entities, once for all articles: stores add to it
and never drop it, so an entity that thousands of articles mention is not copied into each of their graphs."""
CLAIMS = "_claims"
"""The named graph (graph_iri(CLAIMS)) of the claims, the events they are about and the memberships: their own
triples, once, however many articles report them. Which articles report one (PROVENANCE edges) is said in each
article's own graph, so no triple is in two graphs and the union of the graphs needs no deduplication."""
PROVENANCE = frozenset((KB.evidence, PROV.wasDerivedFrom, KB.sourceId))
"""The edges that say which article reported a claim, an event or a membership: they belong to that article."""
_PROVENANCE_IRIS = frozenset(map(str, PROVENANCE))
_ENTITY_PREFIX = str(KBR["entity/"])
_REPORTED_PREFIXES = (str(KBR["claim/"]), str(KBR["membership/"]))


def home_graph(s, p) -> str | None:
    """ENTITIES or CLAIMS for a triple (s, p, ...) that belongs in one of those graphs; None when it belongs to
    the graph of the article that wrote it (the article, its evidence, and the PROVENANCE edges)."""
    s = str(s)
    if s.startswith(_ENTITY_PREFIX):
        return ENTITIES
    if s.startswith(_REPORTED_PREFIXES) and str(p) not in _PROVENANCE_IRIS:
        return CLAIMS
    return None


def name_key(name: str) -> str:
    """A name folded for lookup, as the gold scorer folds it: NFKC, case folded, hyphens, apostrophes, dots and
    underscores as spaces, spaces collapsed ("Korea-Utara" and "korea utara" give the same key)."""
    s = unicodedata.normalize("NFKC", str(name)).casefold()
    s = re.sub(r"[-\u2010-\u2015'\u2019._]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def _hash(*parts) -> str:
    return hashlib.sha1("|".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:16]


_URI_SAFE = ":/?#[]@!$&'()*+,;=%~"


def uri_text(url: str) -> str:
    """A URL as an xsd:anyURI value: spaces, controls, quotes and non-ASCII characters percent-encoded."""
    return quote(url.strip(), safe=_URI_SAFE)


def date_literal(d: DateValue) -> Literal:
    return Literal(d.value, datatype=_DATATYPE[d.precision])


def valid_date(d: DateValue | None) -> DateValue | None:
    """The date if its value is a real day, month or year of its precision (not 2025-02-30, not year 0)."""
    if d is None or d.precision not in _DATATYPE:
        return None
    pattern = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}[d.precision]
    if not re.fullmatch(pattern, d.value):
        return None
    try:
        dt.date.fromisoformat((d.value + "-01-01")[:10])
    except ValueError:
        return None
    return d


# The classes each reference may point to (the SHACL shapes of ontology/shapes.ttl).
AGENT = frozenset({"Person", "Organization", "Outlet", "Country"})
AGENT_OR_PLACE = AGENT | {"Place"}
LOCATION = frozenset({"Place", "Country"})
ORGANIZATION = frozenset({"Organization", "Outlet"})
ORGANIZATION_OR_COUNTRY = ORGANIZATION | {"Country"}


class Canon:
    """One description per entity for the whole graph: the class and label of the first article (in the
    order given) that mentions it, else of the first that names it as outlet or author; its first
    country that is a kb:Country. Other labels an article gives it become skos:altLabel. An outlet
    whose name is an entity of another class (a place, say) is the entity `outlet-<key>`."""

    def __init__(self, articles=()):
        self.mentioned: dict[str, tuple[str, str]] = {}
        self.used: dict[str, tuple[str, str]] = {}
        self.countries: dict[str, list[str]] = {}
        for a in articles:
            self.add(a)

    def add(self, a: Article) -> None:
        for e in a.entities.values():
            if e.type in ENTITY_CLASS:
                self.mentioned.setdefault(e.key, (e.type, e.label))
                if e.country and e.country not in self.countries.setdefault(e.key, []):
                    self.countries[e.key].append(e.country)
        for name in a.authors:
            self.used.setdefault(slug(name), ("Person", name))
        if a.outlet:
            self.used.setdefault(slug(a.outlet), ("Outlet", a.outlet))
            self.used.setdefault("outlet-" + slug(a.outlet), ("Outlet", a.outlet))

    def kind(self, key: str | None) -> str | None:
        if key is None:
            return None
        got = self.mentioned.get(key) or self.used.get(key)
        return got[0] if got else None

    def country(self, key: str) -> str | None:
        return next((c for c in self.countries.get(key, ()) if self.kind(c) == "Country"), None)

    def ref(self, key: str | None, kinds: frozenset) -> str | None:
        """`key` when it is an entity of one of `kinds`, else None."""
        return key if self.kind(key) in kinds else None

    def outlet(self, a: Article) -> str | None:
        """The key of the article's outlet: its name's key when that is an outlet, else `outlet-<key>`."""
        if not a.outlet:
            return None
        k = slug(a.outlet)
        return k if self.kind(k) == "Outlet" else "outlet-" + k

    def entity(self, key: str, aliases=()) -> Entity:
        """The entity as the graph describes it; `aliases` (an article's names for it) beside its label."""
        kind, label = self.mentioned.get(key) or self.used[key]
        return Entity(key=key, label=label, type=kind, aliases=set(aliases) - {label}, country=self.country(key))


def fit_claim(c: Claim, canon: Canon) -> Claim | None:
    """The claim as the graph can hold it: references to entities of the wrong class left out, an
    impossible date or quantity range dropped; None when it has no valid type or agent."""
    if c.type not in TYPE_CLASS or canon.ref(c.agent, AGENT) is None:
        return None
    speech = c.type in SPEECH_ACTS
    about = c.about if speech and c.about in EVENTS else None
    q = c.quantity
    if q is not None and (q.value is None and (q.low is None or q.high is None or q.low > q.high)):
        q = None
    return dataclasses.replace(
        c, target=canon.ref(c.target, AGENT_OR_PLACE), place=canon.ref(c.place, LOCATION), about=about,
        about_agent=canon.ref(c.about_agent, AGENT) if about else None,
        about_target=canon.ref(c.about_target, AGENT_OR_PLACE) if about else None,
        about_place=canon.ref(c.about_place, LOCATION) if about else None,
        date=valid_date(c.date), quantity=q, carrier=canon.ref(c.carrier, ORGANIZATION),
        modality=c.modality or None)


def fit_role(r: Role, a: Article, canon: Canon) -> Role | None:
    """The membership as the graph can hold it: a person's, in an organisation or country, in the office of a
    place (its jurisdiction), or in none."""
    if canon.ref(r.person, frozenset({"Person"})) is None or not 0 <= r.sentence < len(a.sentences):
        return None
    org = canon.ref(r.org, ORGANIZATION_OR_COUNTRY | {"Place"})
    return r if org == r.org else dataclasses.replace(r, org=org)


def _fitted(a: Article, canon: Canon) -> tuple[list[Claim], list[Role]]:
    claims = [f for f in (fit_claim(c, canon) for c in a.claims) if f is not None]
    roles = list(dict.fromkeys(f for f in (fit_role(r, a, canon) for r in a.roles) if f is not None))
    return claims, roles


def event_iri(typ, agent, target, place, date=None, qty=None) -> URIRef:
    return KBR[f"claim/{typ.lower()}-{_hash(typ, agent, target, place, date, qty)}"]


def about_iri(c: Claim) -> URIRef | None:
    """The event a speech act is about: shared with other reports when its agent is known,
    else its own node (two unattributed deployments need not be one)."""
    if not c.about:
        return None
    if c.about_agent:
        return event_iri(c.about, c.about_agent, c.about_target, c.about_place)
    return event_iri(c.about, None, c.about_target, c.about_place, _hash(c.type, c.agent, c.sentence.text))


def claim_iri(c: Claim) -> URIRef:
    """The claim's node: reports of the same claim in several articles share it. Its modality is part of
    it, so one node never holds two ("believed" in one article, "reported" in another)."""
    q = c.quantity
    qty = (q.value, q.low, q.high) if q else None
    date = c.date.value if c.date else None
    more = (c.modality,) if c.modality else ()
    if c.type in SPEECH_ACTS:
        return KBR[f"claim/{c.type.lower()}-{_hash(c.type, c.agent, c.target, about_iri(c), date, qty, c.negated, *more)}"]
    if more:
        return KBR[f"claim/{c.type.lower()}-{_hash(c.type, c.agent, c.target, c.place, date, qty, *more)}"]
    return event_iri(c.type, c.agent, c.target, c.place, date, qty)


def membership_iri(r) -> URIRef:
    return KBR[f"membership/{r.person}/{slug(r.role)}/{r.org or 'none'}"]


def shared_nodes(a: Article, canon: Canon | None = None) -> set[URIRef]:
    """The nodes `add_article` describes that other articles may describe too: its entities, claims,
    the events they are about, and memberships (its article and evidence nodes are its own)."""
    canon = canon or Canon([a])
    out = {entity_iri(e.key) for e in a.entities.values()}
    out.update(entity_iri(k) for k in [canon.outlet(a)] + [slug(n) for n in a.authors] if k)
    claims, roles = _fitted(a, canon)
    out.update(membership_iri(r) for r in roles)
    for c in claims:
        out.add(claim_iri(c))
        about = about_iri(c)
        if about is not None:
            out.add(about)
    return out


def _entity(g: Graph, e: Entity, canon: Canon) -> URIRef:
    """The entity's node, described as `canon` has it, with this article's names for it as aliases."""
    e = canon.entity(e.key, e.aliases | {e.label}) if e.wikidata is None else \
        dataclasses.replace(canon.entity(e.key, e.aliases | {e.label}), wikidata=e.wikidata)
    s = entity_iri(e.key)
    g.add((s, RDF.type, ENTITY_CLASS[e.type]))
    g.add((s, RDFS.label, Literal(e.label)))
    for a in sorted(e.aliases - {e.label}):
        g.add((s, SKOS.altLabel, Literal(a)))
    for k in {name_key(n) for n in e.aliases | {e.label}} - {""}:
        g.add((s, KB.nameKey, Literal(k)))
    if e.wikidata:
        g.add((s, SCHEMA.sameAs, WD[e.wikidata]))
    if e.country:
        g.add((s, KB.country, entity_iri(e.country)))
    return s


def _claim(g: Graph, a: Article, art: URIRef, c: Claim) -> None:
    s = claim_iri(c)
    g.add((s, RDF.type, TYPE_CLASS[c.type]))
    g.add((s, KB.typeCode, Literal(c.type)))
    g.add((s, KB.agent, entity_iri(c.agent)))
    for p, v in ((KB.target, c.target), (KB.place, c.place)):
        if v:
            g.add((s, p, entity_iri(v)))
    about = about_iri(c)
    if about is not None:
        g.add((s, KB.about, about))
        g.add((about, RDF.type, TYPE_CLASS[c.about]))
        g.add((about, KB.typeCode, Literal(c.about)))
        for p, v in ((KB.agent, c.about_agent), (KB.target, c.about_target), (KB.place, c.about_place)):
            if v:
                g.add((about, p, entity_iri(v)))
    if c.date:
        g.add((s, KB.date, date_literal(c.date)))
        g.add((s, KB.datePrecision, Literal(c.date.precision)))
    q = c.quantity
    if q:
        if q.value is not None:
            g.add((s, KB.quantity, Literal(q.value, datatype=XSD.integer)))
        else:
            g.add((s, KB.quantityMin, Literal(q.low, datatype=XSD.integer)))
            g.add((s, KB.quantityMax, Literal(q.high, datatype=XSD.integer)))
        if q.counts:
            g.add((s, KB.quantityOf, Literal(q.counts)))
    if c.negated:
        g.add((s, KB.negated, Literal(True)))
    if c.modality:
        g.add((s, KB.modality, Literal(c.modality)))
    g.add((s, PROV.wasDerivedFrom, art))
    g.add((s, KB.sourceId, Literal(a.id)))
    if about is not None:
        g.add((about, KB.sourceId, Literal(a.id)))
    ev = KBR[f"evidence/{quote(a.id, safe='')}/{c.sentence.start}-{c.sentence.end}-{s.split('/')[-1]}"]
    g.add((s, KB.evidence, ev))
    if about is not None:
        g.add((about, KB.evidence, ev))      # the sentence speaks of the event too
    g.add((ev, RDF.type, KB.Evidence))
    g.add((ev, KB.inArticle, art))
    g.add((ev, NIF.beginIndex, Literal(c.sentence.start, datatype=XSD.nonNegativeInteger)))
    g.add((ev, NIF.endIndex, Literal(c.sentence.end, datatype=XSD.nonNegativeInteger)))
    g.add((ev, NIF.anchorOf, Literal(c.sentence.text)))
    if c.trigger:
        g.add((ev, KB.trigger, Literal(c.trigger)))
    if c.date:
        if c.date_source != "other report":     # those words are in the other article
            g.add((ev, KB.dateText, Literal(c.date.text)))
        g.add((ev, KB.dateSource, Literal(c.date_source or "stated")))
    if c.quantity:
        g.add((ev, KB.quantityText, Literal(c.quantity.text)))
    if c.carrier:
        g.add((ev, KB.carriedBy, entity_iri(c.carrier)))
    if c.quote:
        g.add((ev, KB.quote, Literal(c.quote)))
        g.add((ev, KB.quoteBegin, Literal(c.quote_start, datatype=XSD.nonNegativeInteger)))
        g.add((ev, KB.quoteEnd, Literal(c.quote_end, datatype=XSD.nonNegativeInteger)))


def add_article(g: Graph | set, a: Article, canon: Canon | None = None) -> None:
    """Add one article, its entities, roles and claims to `g` (a Graph, or a set of triples); `canon`
    describes the entities of all the articles of the graph (by default, of this one)."""
    canon = canon or Canon([a])
    claims, roles = _fitted(a, canon)
    art = article_iri(a.id)
    g.add((art, RDF.type, KB.Article))
    g.add((art, KB.articleId, Literal(a.id)))
    g.add((art, KB.text, Literal(a.raw)))
    if a.title:
        g.add((art, SCHEMA.headline, Literal(a.title)))
    if a.url:
        g.add((art, SCHEMA.url, Literal(uri_text(a.url), datatype=XSD.anyURI)))
    if valid_date(a.published):
        g.add((art, SCHEMA.datePublished, date_literal(a.published)))
        g.add((art, KB.datePublishedFoundBy, Literal(a.published_how or "")))
    o = canon.outlet(a)
    if o:
        g.add((art, SCHEMA.publisher, _entity(g, Entity(key=o, label=a.outlet, type="Outlet"), canon)))
        g.add((art, KB.outletFoundBy, Literal(a.outlet_how or "")))
    if a.duplicate_of:
        g.add((art, KB.duplicateOf, article_iri(a.duplicate_of)))
    if a.spun:
        g.add((art, KB.spun, Literal(True)))
    for e in a.entities.values():
        if e.type in ENTITY_CLASS:
            g.add((art, SCHEMA.mentions, _entity(g, e, canon)))
    for name in a.authors:
        if canon.kind(slug(name)) == "Person":
            g.add((art, SCHEMA.author, _entity(g, Entity(key=slug(name), label=name, type="Person"), canon)))
    for r in roles:
        m = membership_iri(r)
        g.add((m, RDF.type, KB.Membership))
        g.add((m, ORG.member, entity_iri(r.person)))
        g.add((m, KB.roleLabel, Literal(r.role)))
        g.add((m, KB.sourceId, Literal(a.id)))
        if r.org:
            g.add((m, KB.jurisdiction if canon.kind(r.org) == "Place" else ORG.organization, entity_iri(r.org)))
        sent = a.sentences[r.sentence]
        ev = KBR[f"evidence/{quote(a.id, safe='')}/{sent.start}-{sent.end}"]
        g.add((m, KB.evidence, ev))
        g.add((ev, RDF.type, KB.Evidence))
        g.add((ev, KB.inArticle, art))
        g.add((ev, NIF.beginIndex, Literal(sent.start, datatype=XSD.nonNegativeInteger)))
        g.add((ev, NIF.endIndex, Literal(sent.end, datatype=XSD.nonNegativeInteger)))
        g.add((ev, NIF.anchorOf, Literal(sent.text)))
    for c in claims:
        _claim(g, a, art, c)


_CLAIM_PREFIX = str(KBR["claim/"])
_ENTITY_CLASSES = frozenset(ENTITY_CLASS.values())


class Tally:
    """The counts every command gives of a graph (kg build, kg stats; README "Counts"):

    * entities: distinct nodes of one of the five entity classes (persons, organisations, countries,
      places, outlets; authors and outlets included);
    * claims: distinct claim nodes read from a sentence of an article (prov:wasDerivedFrom). An event a
      claim is only about (kb:about), which no sentence states as a fact, is a node but not a claim;
      a claim that several articles report is one claim."""

    def __init__(self, triples=()):
        self._entities: set[int] = set()
        self._claims: set[int] = set()
        self.add(triples)

    def add(self, triples) -> None:
        for s, p, o in triples:
            if p == RDF.type:
                if o in _ENTITY_CLASSES:
                    self._entities.add(hash(s))
            elif p == PROV.wasDerivedFrom and s.startswith(_CLAIM_PREFIX):
                self._claims.add(hash(s))

    @classmethod
    def of(cls, g: Graph) -> "Tally":
        """The counts of an rdflib Graph."""
        t = cls(g.triples((None, RDF.type, None)))
        t.add(g.triples((None, PROV.wasDerivedFrom, None)))
        return t

    @property
    def entities(self) -> int:
        return len(self._entities)

    @property
    def claims(self) -> int:
        return len(self._claims)


def to_graph(articles: list[Article]) -> Graph:
    """The RDF graph of a list of articles."""
    g = new_graph()
    canon = Canon(articles)
    for a in articles:
        add_article(g, a, canon)
    return g


def to_dataset(articles: list[Article]) -> Dataset:
    """One named graph per article, so one article can be replaced without touching the rest; the entities'
    descriptions in the ENTITIES graph, the claims', events' and memberships' in the CLAIMS graph."""
    ds = Dataset()
    for p, ns in PREFIXES.items():
        ds.bind(p, ns)
    common = {name: ds.graph(graph_iri(name)) for name in (ENTITIES, CLAIMS)}
    canon = Canon(articles)
    for a in articles:
        g = ds.graph(graph_iri(a.id))
        triples: set = set()
        add_article(triples, a, canon)
        for t in triples:
            home = home_graph(t[0], t[1])
            (common[home] if home else g).add(t)
    return ds


FORMATS = {"ttl": "turtle", "turtle": "turtle", "trig": "trig", "nquads": "nquads", "nt": "nt", "jsonld": "json-ld"}
STREAMED = ("turtle", "trig", "nquads")
_WRITTEN_PREFIXES = dict(sorted({**PREFIXES, "rdf": RDF._NS, "rdfs": RDFS._NS, "xsd": XSD._NS}.items()))


def serialize(data: Graph | Dataset, fmt: str = "turtle") -> bytes:
    """An rdflib Graph or Dataset in `fmt`, by rdflib's serialisers (JSON-LD; `write` streams the others)."""
    return data.serialize(format=FORMATS.get(fmt, fmt), encoding="utf-8")


_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


class _Terms:
    """Terms as Turtle writes them (prefixed names where valid, long strings for text with newlines) or
    as N-Triples and N-Quads do; each made once per article, vocabulary terms once."""

    def __init__(self, prefixed: bool):
        self.prefixes = sorted(((str(ns), p) for p, ns in _WRITTEN_PREFIXES.items()), key=lambda x: -len(x[0])) \
            if prefixed else []
        self.fixed: dict = {}
        self.local: dict = {}

    def iri(self, t: str) -> str:
        for ns, p in self.prefixes:
            if t.startswith(ns) and _LOCAL_NAME.match(t, len(ns)):
                return f"{p}:{t[len(ns):]}"
        return f"<{t}>"

    def literal(self, t: Literal) -> str:
        s = str(t).replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")
        if "\n" in s:
            s = f'"""{s}"""' if self.prefixes else '"' + s.replace("\n", "\\n") + '"'
        else:
            s = f'"{s}"'
        return s + (f"@{t.language}" if t.language else f"^^{self.iri(t.datatype)}" if t.datatype else "")

    def __call__(self, t) -> str:
        r = self.fixed.get(t) or self.local.get(t)
        if r is None:
            if isinstance(t, Literal):
                self.local[t] = r = self.literal(t)
            else:
                r = self.iri(t)
                (self.local if t.startswith(KBR) else self.fixed)[t] = r
        return r


def _block(triples, n3: _Terms, indent: str = "") -> list[str]:
    """Turtle statements for `triples`, subjects, predicates and objects in the order of their text."""
    by_subject: dict = {}
    for s, p, o in triples:
        by_subject.setdefault(n3(s), {}).setdefault("a" if p == RDF.type else n3(p), []).append(n3(o))
    lines = []
    for s in sorted(by_subject):
        preds = by_subject[s]
        order = sorted(preds, key=lambda k: (k != "a", k))
        objects = f" ,\n{indent}        "
        body = f" ;\n{indent}    ".join(f"{k} {objects.join(sorted(preds[k]))}" for k in order)
        lines.append(f"\n{indent}{s} {body} .\n")
    return lines


def write(articles, fh, fmt: str = "turtle", done=None, tally: Tally | None = None) -> int:
    """Write the articles to the binary file `fh` as Turtle, TriG or N-Quads, an article at a time, and
    return the number of distinct triples.

    Turtle: one section per article (a comment naming it); a triple that an earlier section wrote
    (an entity's label, a claim two articles report) is not written again. TriG and N-Quads: one
    named graph per article, holding that article's own triples and the PROVENANCE edges of what it
    reports; the descriptions of entities, and of claims, events and memberships, go once to the
    ENTITIES and CLAIMS graphs, after the article that first needed them (see home_graph). `articles` is read twice: first
    to find the nodes more than one article describes, the only ones whose triples can repeat;
    `done()` is called after each article is written; `tally` counts the entities and claims written."""
    fmt = FORMATS.get(fmt, fmt)
    if fmt not in STREAMED:
        raise ValueError(f"{fmt}: not a streamed format ({', '.join(STREAMED)})")
    seen: dict[int, int] = {}
    canon = Canon()
    for a in articles:
        canon.add(a)
    for a in articles:
        for n in shared_nodes(a, canon):
            h = hash(n)
            seen[h] = seen.get(h, 0) + 1
    multi = {h for h, c in seen.items() if c > 1}
    del seen
    written: set[int] = set()

    def fresh(t) -> bool:
        """Not written by an earlier article: only a node several articles describe can have been."""
        if hash(t[0]) not in multi:
            return True
        h = hash(t)
        if h in written:
            return False
        written.add(h)
        return True

    n3 = _Terms(prefixed=fmt != "nquads")
    if fmt != "nquads":
        fh.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in _WRITTEN_PREFIXES.items()).encode())
    count = 0
    for a in articles:
        n3.local.clear()
        triples: set = set()
        add_article(triples, a, canon)
        new = [t for t in triples if fresh(t)]
        count += len(new)
        if tally is not None:
            tally.add(new)
        if fmt == "turtle":
            out = [f"\n# {n3(article_iri(a.id))}\n"] + _block(new, n3)
        else:
            parts: dict = {None: [], CLAIMS: [], ENTITIES: []}
            new_set = set(new)
            for t in triples:
                home = home_graph(t[0], t[1])
                if home is None or t in new_set:
                    parts[home].append(t)
            graphs = [(graph_iri(a.id), parts[None])] + [(graph_iri(k), parts[k]) for k in (CLAIMS, ENTITIES)
                                                         if parts[k]]
            out = []
            for name, part in graphs:
                if fmt == "trig":
                    out += [f"\n{n3(name)} {{\n"] + _block(part, n3, "    ") + ["}\n"]
                else:
                    out += sorted(f"{n3(s)} {n3(p)} {n3(o)} {n3(name)} .\n" for s, p, o in part)
        fh.write("".join(out).encode("utf-8"))
        if done:
            done()
    return count


def write_atomic(path: Path, data) -> None:
    """Write `data` (bytes, or a function that writes to a binary file) to `path` through a temporary
    file and a rename: never a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)      # as a plain open() would have made it
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
