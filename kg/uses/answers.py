"""Answer tables: the library's SELECT queries answered once, when `kg load` fills a store, and kept beside it.

On a store of millions of triples a SPARQL answer costs 10 to 15 index lookups a row on disk, so a question
over the whole graph costs seconds, and a page of one sorted by date costs the whole answer. `kg load`
therefore reads the triples it loaded once more, in one pass over plain dictionaries (`Facts`), works out
the answer of every query of the library this module knows (`TABLES`) and writes it, sorted as the query's
`order:` line says and without duplicates, into an SQLite file in the store's folder (`FILE`). A query with
a parameter has one sorted answer per thing the parameter finds (an entity, a claim, a type code) and a map
from parameter values to those things, so that a page of it is a range of one key's rows: one or two chunks
of its cell ids (`CHUNK`), then the blocks of cells holding them (`BLOCK`).

`kg query --store` (`kg.uses.query.run` on `open_disk_store`) reads its pages there; any other query, and
every query on a store whose tables are missing or of another version, goes to Oxigraph. The answers are
those of the library's SPARQL text, which stays the definition: the tests compare both on every query.
A load into a store that holds articles already reads the store back instead of the file and rewrites the
tables whole, so they always describe the store as it is after the load. A dataset file going into an empty
store is read by a child process while Oxigraph bulk-loads it (`Beside`).

Each distinct term is coded once and the terms of all the tables ranked once (`_Codes`), and each answer
sorted once, by one key a row (`_sorted`), into exactly the order `kg.uses.library.sort_rows` gives: a query's
cells are its distinct rows in that order, and a key lists the places of its rows among them.
"""
from __future__ import annotations

import gc
import json
import os
import pickle
import sqlite3
import signal
import sys
from array import array
from collections import defaultdict
from itertools import chain, compress
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.uses.library import named, order, sort_rows

FILE = "kg-answers.sqlite"
VERSION = "6"

KB = "https://w3id.org/kabar-kg/ontology#"
_P = {  # short name -> predicate IRI: only these triples are read
    "type": "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "label": "http://www.w3.org/2000/01/rdf-schema#label",
    "code": KB + "typeCode", "agent": KB + "agent", "target": KB + "target", "place": KB + "place",
    "about": KB + "about", "date": KB + "date", "source": KB + "sourceId", "evidence": KB + "evidence",
    "derived": "http://www.w3.org/ns/prov#wasDerivedFrom", "in": KB + "inArticle", "id": KB + "articleId",
    "dated": KB + "dateSource", "quantity": KB + "quantity", "low": KB + "quantityMin", "high": KB + "quantityMax",
    "of": KB + "quantityOf", "negated": KB + "negated", "key": KB + "nameKey", "quote": KB + "quote",
    "carrier": KB + "carriedBy", "anchor": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf",
    "begin": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex",
    "end": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex",
    "publisher": "https://schema.org/publisher", "published": "https://schema.org/datePublished",
    "headline": "https://schema.org/headline", "author": "https://schema.org/author", "dup": KB + "duplicateOf",
    "spun": KB + "spun", "member": "http://www.w3.org/ns/org#member", "org": "http://www.w3.org/ns/org#organization",
    "role": KB + "roleLabel", "behalf": KB + "onBehalfOf",
}
PREDICATES = tuple(_P.values())
_INVERSE = ("agent", "target", "place", "about", "member", "behalf", "key", "code", "type", "derived")
_TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))


def _class(name: str) -> ox.NamedNode:
    return ox.NamedNode(KB + name)


class _Ids(dict):
    """Term -> its number (from 1), a new term numbered as it is first looked up; `terms`: number -> term."""

    def __init__(self):
        super().__init__()
        self.terms: list = [None]

    def __missing__(self, t) -> int:
        n = self[t] = len(self.terms)
        self.terms.append(t)
        return n


class Facts:
    """The triples the library's queries read, as predicate -> subject -> objects (each once), and the
    inverse of a few predicates (object -> subjects). Terms are numbered as they are read (`term` gives them
    back): the queries' many lookups and the rows then hash small numbers, not an Oxigraph term's whole text."""

    def __init__(self, triples):
        ids = self._ids = _Ids()
        num = ids.__getitem__
        out: dict[str, dict] = {name: defaultdict(list) for name in _P}
        read = {ox.NamedNode(iri): out[name] for name, iri in _P.items()}.get     # predicate -> its map
        triples = iter(triples)
        first = next(triples, None)
        if isinstance(first, ox.Quad):      # a parser's quads (their graph names not wanted)
            for q in chain((first,), triples):
                m = read(q.predicate)
                if m is not None:
                    m[num(q.subject)].append(num(q.object))
        elif first is not None:
            for s, p, o in chain((first,), triples):
                m = read(p)
                if m is not None:
                    m[num(s)].append(num(o))
        for m in out.values():
            m.default_factory = None
            for s in compress(list(m), map((1).__lt__, map(len, m.values()))):     # subjects of several objects
                m[s] = list(dict.fromkeys(m[s]))
        self.out = out
        self.inv: dict[str, dict] = {}
        for name in _INVERSE:
            inv = defaultdict(list)
            for s, os_ in self.out[name].items():
                for o in os_:
                    inv[o].append(s)
            self.inv[name] = dict(inv)
        self.memo: dict = {}
        self.terms = ids.terms
        self._true = self.id(_TRUE)

    def id(self, t) -> int | None:
        """The number of a term, None when the triples have none."""
        return self._ids.get(t)

    def term(self, x):
        """The term of a number (of a key of several numbers: their terms); anything else as it is."""
        if type(x) is int:
            return self.terms[x]
        if type(x) is tuple:
            return tuple(map(self.term, x))
        return x

    def value(self, x) -> str:
        """The text of a numbered term."""
        return self.terms[x].value

    def get(self, s, p: str) -> list:
        return self.out[p].get(s, ())

    def of(self, o, p: str) -> list:
        return self.inv[p].get(o, ())

    def has(self, s, p: str, o=None) -> bool:
        os_ = self.out[p].get(s, ())
        return bool(os_) if o is None else o in os_

    def opt(self, s, p: str) -> list:
        """OPTIONAL { s p ?x }: the values, or one unbound."""
        return self.out[p].get(s) or [None]

    def opt_via(self, s, p: str, q: str) -> list:
        """OPTIONAL { s p ?x OPTIONAL { ?x q ?y } }: ?y for each ?x, unbound where ?x has none or there is no ?x."""
        xs = self.out[p].get(s)
        if not xs:
            return [None]
        out = []
        for x in xs:
            out.extend(self.out[q].get(x) or [None])
        return out

    def path(self, s, p: str, q: str) -> list:
        """s p/q ?y."""
        return [y for x in self.out[p].get(s, ()) for y in self.out[q].get(x, ())]

    def dated(self, claim, source) -> list:
        """OPTIONAL { claim kb:evidence ?ev . ?ev kb:inArticle/kb:articleId source ; kb:dateSource ?dated }"""
        out = [d for ev in self.get(claim, "evidence") if source in self.path(ev, "in", "id")
               for d in self.get(ev, "dated")]
        return out or [None]

    def negated(self, claim) -> bool:
        return self._true in self.get(claim, "negated")


# --------------------------------------------------------------------------------------------------
# The queries, one function each: (columns, {key: rows}) where key is what the parameter finds ("" for the
# whole answer of a query without one), and the parameters' maps: {param: {value: [keys]}}.

def _of_type(f: Facts, name: str) -> list:
    return f.of(f.id(_class(name)), "type")


def timeline(f: Facts):
    rows = []
    for c, dates in f.out["date"].items():
        for t in f.get(c, "code"):
            for src in f.get(c, "source"):
                for dated in f.dated(c, src):
                    for ag in f.opt_via(c, "agent", "label"):
                        for ta in f.opt_via(c, "target", "label"):
                            for lo in f.opt_via(c, "place", "label"):
                                for ab in f.opt_via(c, "about", "code"):
                                    rows.extend((d, dated, t, ag, ta, lo, ab, src) for d in dates)
    return ["date", "dated", "type", "agent", "target", "location", "about", "source"], {"": rows}, {}


def troop_estimates(f: Facts):
    rows, troops = [], f.id(ox.Literal("troops"))
    for c in _of_type(f, "Estimate"):
        if troops not in f.get(c, "of"):
            continue
        amounts = [(q, None, None) for q in f.get(c, "quantity")] + \
                  [(None, lo, hi) for lo in f.get(c, "low") for hi in f.get(c, "high")]
        for a in f.get(c, "agent"):
            for ag in f.get(a, "label"):
                for src in f.get(c, "source"):
                    for q, lo, hi in amounts:
                        rows.extend((ag, q, lo, hi, d, src) for d in f.opt(c, "date"))
    return ["agent", "quantity", "low", "high", "date", "source"], {"": rows}, {}


def _about_deploy(f: Facts, act: str, negated_too: bool):
    deploy = f.id(_class("Deploy"))
    for c in _of_type(f, act):
        if not negated_too and f.negated(c):
            continue
        if any(deploy in f.get(e, "type") for e in f.get(c, "about")):
            yield c


def _deployment(f: Facts, act: str, negated_too: bool):
    rows = []
    for c in _about_deploy(f, act, negated_too):
        for a in f.get(c, "agent"):
            for ag in f.get(a, "label"):
                for src in f.get(c, "source"):
                    rows.extend((ag, d, dated, src) for d in f.opt(c, "date") for dated in f.dated(c, src))
    return ["agent", "date", "dated", "source"], {"": rows}, {}


def who_confirmed_deployment(f: Facts):
    return _deployment(f, "Confirm", False)


def who_denied_deployment(f: Facts):
    return _deployment(f, "Deny", True)


def position_reversals(f: Facts):
    denials = defaultdict(list)
    for c in _about_deploy(f, "Deny", True):
        for a in f.get(c, "agent"):
            denials[a].append(c)
    rows = []
    for c in _about_deploy(f, "Confirm", False):
        for a in f.get(c, "agent"):
            for deny in denials.get(a, ()):
                for ag in f.get(a, "label"):
                    for denied_in in f.get(deny, "source"):
                        for src in f.get(c, "source"):
                            for denied in f.opt(deny, "date"):
                                for d in f.opt(c, "date"):
                                    if d is not None and (denied is None or f.value(denied) < f.value(d)):
                                        rows.append((ag, denied, d, denied_in, src))
    return ["agent", "denied", "date", "denied_in", "source"], {"": rows}, {}


def outlets_articles(f: Facts):
    groups: dict[tuple, tuple[set, set]] = {}
    for art in _of_type(f, "Article"):
        claims = f.of(art, "derived")
        authors = [f.value(a) for a in f.path(art, "author", "label")] or [""]
        for src in f.get(art, "id"):
            for outlet in f.path(art, "publisher", "label") or [None]:
                for d in f.opt(art, "published"):
                    for h in f.opt(art, "headline"):
                        for dup in f.path(art, "dup", "id") or [None]:
                            for spun in f.opt(art, "spun"):
                                got = groups.setdefault((outlet, src, d, h, dup, spun), (set(), set()))
                                got[0].update(authors)
                                got[1].update(claims)
    rows = [(outlet, src, d, h, ox.Literal(", ".join(sorted(authors))), dup, spun, _int(len(claims)))
            for (outlet, src, d, h, dup, spun), (authors, claims) in groups.items()]
    return ["outlet", "source", "date", "headline", "authors", "duplicate_of", "spun", "claims"], {"": rows}, {}


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def claim_reports(f: Facts):
    groups: dict[tuple, tuple[set, set, set]] = {}
    for c, codes in f.out["code"].items():
        if not f.has(c, "derived"):
            continue
        agents = f.path(c, "agent", "label")
        if not agents:
            continue
        arts = [a for ev in f.get(c, "evidence") for a in f.get(ev, "in")]
        if not arts:
            continue
        targets = f.path(c, "target", "label") or [None]
        abouts = f.path(c, "about", "code") or [None]
        amounts = [(q, lo, hi) for q in f.opt(c, "quantity")
                   for lo, hi in ([(lo, hi) for lo in f.get(c, "low") for hi in f.get(c, "high")] or [(None, None)])]
        for art in arts:
            sources = f.get(art, "id")
            if not sources:
                continue
            originals = f.get(art, "dup") or [art]
            for key in ((t, ag, ta, ab, q, lo, hi) for t in codes for ag in agents for ta in targets
                        for ab in abouts for q, lo, hi in amounts):
                got = groups.get(key)
                if got is None:
                    got = groups[key] = (set(), set(), set())
                got[0].update(originals)
                got[1].add(art)
                got[2].update(sources)
    rows = [key + (_int(len(o)), _int(len(a)), ox.Literal(" ".join(sorted(set(map(f.value, s))))))
            for key, (o, a, s) in groups.items()]
    return ["type", "agent", "target", "about", "quantity", "low", "high", "reports", "articles", "sources"], \
        {"": rows}, {}


def contradicting_numbers(f: Facts):
    buckets: dict[str, set] = defaultdict(set)
    for c in _of_type(f, "Estimate"):
        for e in f.get(c, "about"):
            for about in f.get(e, "code"):
                for a in f.get(c, "agent"):
                    for ag in f.get(a, "label"):
                        for src in f.get(c, "source"):
                            for p in f.opt(e, "place"):
                                for d in f.opt(c, "date"):
                                    for q, lo, hi in [(q, None, None) for q in f.opt(c, "quantity")] + \
                                            [(None, lo, hi) for lo in f.get(c, "low") for hi in f.opt(c, "high")]:
                                        v = q if q is not None else lo
                                        if v is None:
                                            continue
                                        if q is not None:
                                            quantity = f.value(q)
                                        elif hi is not None:
                                            quantity = f"{f.value(lo)}-{f.value(hi)}"
                                        else:
                                            quantity = None
                                        bucket = f"{f.value(about)} {f.value(p) if p else ''} " \
                                                 f"{f.value(d)[:7] if d else ''}"
                                        buckets[bucket].add((ag, quantity, int(f.value(v)), d, src, about))
    rows = []
    for est in buckets.values():
        est = sorted(est, key=lambda x: (x[2], x[1] or ""))     # a pair's first estimate comes first
        for i, (ag, q, v, d, src, about) in enumerate(est):
            for ag2, q2, v2, d2, src2, _ in est[i:]:
                if not (v < v2 or v == v2 and q is not None and q2 is not None and q < q2):
                    continue
                if ag == ag2 and (f.value(d) if d else "") == (f.value(d2) if d2 else ""):
                    continue
                rows.append((about, ag, _lit(q), d, src, ag2, _lit(q2), d2, src2))
    return ["about", "agent", "quantity", "date", "source", "other_agent", "other_quantity", "other_date",
            "other_source"], {"": rows}, {}


def _lit(s: str | None):
    return None if s is None else ox.Literal(s)


def _keys_of(f: Facts, things) -> dict:
    """Name key -> the things (of `things`) that carry it."""
    out = defaultdict(list)
    for x in things:
        for k in f.get(x, "key"):
            out[k].append(x)
    return out


def _claim_rows(f: Facts, c) -> list:
    """(type, agent, target, location, about, date, source) of a claim, as entity_claims lists it (once per claim)."""
    rows = f.memo.get(c)
    if rows is None:
        rows = f.memo[c] = [(t, ag, ta, lo, ab, d, src) for t in f.get(c, "code") for src in f.get(c, "source")
                            for ag in f.opt_via(c, "agent", "label") for ta in f.opt_via(c, "target", "label")
                            for lo in f.opt_via(c, "place", "label") for ab in f.opt_via(c, "about", "code")
                            for d in f.opt(c, "date")]
    return rows


_ROLES = {role: Literal(role) for role in ("agent", "target", "place", "about")}


def entity_claims(f: Facts):
    per = defaultdict(list)
    for role in ("agent", "target", "place"):
        for e, claims in f.inv[role].items():
            for c in claims:
                per[e].append((_ROLES[role], c))
                for c2 in f.of(c, "about"):
                    per[e].append((_ROLES["about"], c2))
    tables = {}
    f.memo = {}
    for e, found in per.items():
        if not f.has(e, "key"):
            continue
        tables[e] = [(role,) + r for role, c in found if f.has(c, "derived") for r in _claim_rows(f, c)]
    return ["role", "type", "agent", "target", "location", "about", "date", "source"], tables, \
        {"entity": _keys_of(f, tables)}


def events_at_place(f: Facts):
    tables = {}
    for pl, claims in f.inv["place"].items():
        rows = []
        for c in claims:
            for t in f.get(c, "code"):
                for src in f.get(c, "source"):
                    for loc in f.get(pl, "label"):
                        for ag in f.opt_via(c, "agent", "label"):
                            for ta in f.opt_via(c, "target", "label"):
                                rows.extend((loc, t, ag, ta, d, src) for d in f.opt(c, "date"))
        if rows:
            tables[pl] = rows
    tables[""] = ALL
    return ["location", "type", "agent", "target", "date", "source"], tables, {"place": _keys_of(f, tables)}


_ACTS = frozenset(_class(n) for n in ("Confirm", "Deny", "NoComment", "Accuse", "Condemn", "Demand", "Warn",
                                      "Estimate", "Statement"))


def quotes_by_person(f: Facts):
    tables, acts = {}, {f.id(t) for t in _ACTS} - {None}
    for a, claims in f.inv["agent"].items():
        if not f.has(a, "key"):
            continue
        rows = []
        for c in claims:
            if not f.has(c, "derived") or not any(t in acts for t in f.get(c, "type")):
                continue
            for ev in f.get(c, "evidence"):
                for q in f.get(ev, "quote"):
                    for src in f.path(ev, "in", "id"):
                        for ag in f.get(a, "label"):
                            rows.extend((ag, q, d, src) for d in f.opt(c, "date"))
        if rows:
            tables[a] = rows
    return ["agent", "quote", "date", "source"], tables, {"person": _keys_of(f, tables)}


def roles(f: Facts):
    tables = {}
    for p, ms in f.inv["member"].items():
        rows = [(member, role, org, src) for m in ms for role in f.get(m, "role") for src in f.get(m, "source")
                for member in f.get(p, "label") for org in f.opt_via(m, "org", "label")]
        if rows:
            tables[p] = rows
    tables[""] = ALL
    return ["member", "role", "organization", "source"], tables, {"person": _keys_of(f, tables)}


def claims_on_behalf_of(f: Facts):
    tables = {}
    for b, claims in f.inv["behalf"].items():
        rows = [(body, ag, t, d, src) for c in claims for a in f.get(c, "agent") if a != b
                for t in f.get(c, "code") for src in f.get(c, "source") for body in f.get(b, "label")
                for ag in f.get(a, "label") for d in f.opt(c, "date")]
        if rows:
            tables[b] = rows
    tables[""] = ALL
    return ["body", "agent", "type", "date", "source"], tables, {"organisation": _keys_of(f, tables)}


def who_said_about_event(f: Facts):
    tables = {}
    for code, events in f.inv["code"].items():
        rows = []
        for e in events:
            for c in f.of(e, "about"):
                if f.negated(c):
                    continue
                for t in f.get(c, "code"):
                    for a in f.get(c, "agent"):
                        for src in f.get(c, "source"):
                            for ag in f.get(a, "label"):
                                for ea in f.opt_via(e, "agent", "label"):
                                    rows.extend((ag, t, ea, d, src) for d in f.opt(c, "date"))
        if rows:
            tables[code] = rows
    return ["agent", "type", "event_agent", "date", "source"], tables, {"event_type": {k: [k] for k in tables}}


def claim_sources(f: Facts):
    tables = {}
    for c, codes in f.out["code"].items():
        if not f.has(c, "derived"):
            continue
        rows = []
        for ev in f.get(c, "evidence"):
            for art in f.get(ev, "in"):
                for sentence in f.get(ev, "anchor"):
                    for begin in f.get(ev, "begin"):
                        for end in f.get(ev, "end"):
                            for src in f.get(art, "id"):
                                for ag in f.opt_via(c, "agent", "label"):
                                    for outlet in f.opt_via(art, "publisher", "label"):
                                        for q in f.opt(ev, "quote"):
                                            for by in f.opt_via(ev, "carrier", "label"):
                                                rows.extend((c, t, ag, src, outlet, sentence, begin, end, q, by)
                                                            for t in codes)
        if rows:
            tables[c] = rows
    claims = list(tables)
    tables[""] = ALL
    # a type, an agent and an agent with a type have answers of their own too, so that either parameter or
    # both (their names joined by ",") find one range of rows; each also finds its claims ("@"), to be
    # intersected with a given claim
    by_type, by_agent, by_entity, by_pair = (defaultdict(list) for _ in range(4))
    for c in claims:
        agents = f.get(c, "agent")
        for t in f.get(c, "code"):
            by_type[t].append(c)
            for a in agents:
                by_pair[(a, t)].append(c)
        for k in {k for a in agents for k in f.get(a, "key")}:
            by_agent[k].append(c)
        for a in agents:
            by_entity[a].append(c)
    rows = {c: tables[c] for c in claims}
    for groups in (by_type, by_entity, by_pair):
        for x, cs in groups.items():
            tables[x] = [r for c in cs for r in rows[c]]
    both = defaultdict(list)
    for a, t in by_pair:
        for k in f.get(a, "key"):
            both[(k, t)].append((a, t))
    return ["claim_iri", "type", "agent", "source", "outlet", "sentence", "begin", "end", "quote", "carried_by"], \
        tables, {"claim": {c: [c] for c in claims}, "claim_type": {t: [t] for t in by_type},
                 "claim_agent": _keys_of(f, by_entity), "claim_type@": by_type, "claim_agent@": by_agent,
                 "claim_agent,claim_type": both}


TABLES = {fn.__name__: fn for fn in (
    claim_reports, claim_sources, claims_on_behalf_of, contradicting_numbers, entity_claims, events_at_place,
    outlets_articles, position_reversals, quotes_by_person, roles, timeline, troop_estimates,
    who_confirmed_deployment, who_denied_deployment, who_said_about_event)}


# --------------------------------------------------------------------------------------------------
# Writing and reading the tables

def _code(t) -> str | None:
    """A term as text: I<iri>, L<lexical> (xsd:string), @<lang> <lexical>, ^<datatype> <lexical>."""
    if t is None:
        return None
    if isinstance(t, tuple):            # a key of several terms
        return _SEP.join(map(_code, t))
    if isinstance(t, ox.NamedNode):
        return "I" + t.value
    if isinstance(t, ox.Literal):
        if t.language:
            return f"@{t.language} {t.value}"
        dt = t.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return "L" + t.value
        t = _canonical(t)
        return f"^{t.datatype.value} {t.value}"
    if isinstance(t, Literal):        # the role names of entity_claims
        return "L" + str(t)
    raise ValueError(f"unsupported term {t!r}")


_CANONICAL: dict = {}


def _canonical(t: ox.Literal) -> ox.Literal:
    """A typed literal as the store gives it back (xsd:nonNegativeInteger "05" as xsd:integer "5", ...)."""
    c = _CANONICAL.get(t)
    if c is None:
        s = ox.Store()
        s.add(ox.Quad(_ANY, _ANY, t))
        c = _CANONICAL[t] = next(iter(s)).object
    return c


_ANY = ox.NamedNode("urn:x")


def _term(code: str | None):
    """The rdflib term of a _code."""
    if code is None:
        return None
    k = code[0]
    if k == "I":
        return URIRef(code[1:])
    if k == "L":
        return Literal(code[1:])
    head, _, value = code[1:].partition(" ")
    return Literal(value, lang=head) if k == "@" else Literal(value, datatype=URIRef(head))


_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def _value(code: str | None) -> tuple:
    """The sort key `kg.uses.query` gives the term of a code (unbound first, integers by value, the rest by text)."""
    if not code:
        return (0, 0, "")
    k = code[0]
    if k in "IL":
        return (2, 0, code[1:])
    head, _, text = code[1:].partition(" ")
    if k == "^" and head == _INTEGER:
        try:
            return (1, int(text), "")
        except ValueError:
            pass
    return (2, 0, text)


class _Codes:
    """Every distinct term of the tables as a small number, coded (`_code`) and given its sort key (`_value`)
    once for all the queries; terms with the same code (xsd:integer "05" and "5") get the same number.
    `term`: the term of what the rows hold (`Facts.term` where they hold the numbers of `Facts`)."""

    def __init__(self, term=lambda t: t):
        self.term = term
        self.number = _Numbers(self)        # term (or key of terms) -> number
        self.codes: list = [None]           # number -> code
        self.values: list = [_value(None)]  # number -> sort key
        self._by_code: dict = {None: 0}

    def of_code(self, code) -> int:
        n = self._by_code.get(code)
        if n is None:
            n = self._by_code[code] = len(self.codes)
            self.codes.append(code)
            self.values.append(_value(code))
        return n

    def row(self, r: tuple) -> tuple:
        """The numbers of a row's terms."""
        return tuple(map(self.number.__getitem__, r))

    def key(self, key) -> int:
        return self.of_code("") if key == "" else self.row((key,))[0]

    def code(self, t) -> str:
        """`_code(t)`, made once for each term."""
        return self.codes[self.key(t)]

    def ranks(self, numbers) -> list:
        """number -> rank of its sort key among `numbers` (equal keys, equal ranks), for those numbers."""
        rank = [0] * len(self.codes)
        values = self.values
        last, r = None, -1
        for n in sorted(numbers, key=values.__getitem__):
            v = values[n]
            if v != last:
                r, last = r + 1, v
            rank[n] = r
        return rank


class _Numbers(dict):
    """Term -> number, a new term coded as it is first looked up (no exception raised and caught for it)."""

    def __init__(self, codes: _Codes):
        super().__init__({None: 0})
        self._codes = codes

    def __missing__(self, t) -> int:
        n = self[t] = self._codes.of_code(_code(self._codes.term(t)))
        return n


def _coded(codes: _Codes, tables: dict) -> tuple[list[tuple], dict[int, list[int]]] | None:
    """The rows of every key coded (`codes`): (every distinct row once, key number -> the places of its rows
    there); None when two keys have the same code."""
    number = codes.number.__getitem__
    seen: dict = {}     # a row that several keys list (the same tuple) is coded once
    index: dict = {}    # coded row -> its place
    keyed: dict = {}
    for key, rows in tables.items():
        if rows is ALL:
            continue
        k = codes.key(key)
        if k in keyed:
            return None
        got = []
        for r in rows:
            i = seen.get(id(r))
            if i is None:
                i = seen[id(r)] = index.setdefault(tuple(map(number, r)), len(index))
            got.append(i)
        if got:
            keyed[k] = got
    return list(index), keyed


def _sorted(codes: _Codes, rank: list, by: list, columns: list[str], tables: dict,
            coded: tuple | None) -> tuple[list[tuple], dict[int, list[int]]]:
    """The rows of every key without duplicates, in the order `kg query` gives a whole answer (`by`: the
    `order:` line; `kg.uses.library.sort_rows` with `_value`), as (cells, keyed): every distinct row once, as a
    tuple of numbers (`codes`), and key number -> the places of its rows in `cells`, in that order. The key ""
    mapped to ALL gets every row. `coded`: what `_coded` made of `tables`; `rank`: `codes.ranks` of at
    least its numbers. The rows of all keys are sorted once: `cells` is in that order, and each key's places
    ascend."""
    if coded is None:       # two keys of the same code: their rows are listed together, as they come
        return _sorted_tagged(codes, by, columns, tables)
    distinct, keyed = coded
    keys = _sort_keys(rank, by, columns, distinct)
    order_ = sorted(range(len(distinct)), key=keys.__getitem__)
    place = [0] * len(distinct)
    last = None
    for p, i in enumerate(order_):
        k = keys[i]
        if k == last:       # two rows only the insertion order sorts: sorted as they were, tagged with their key
            return _sorted_tagged(codes, by, columns, tables)
        place[i] = p
        last = k
    del keys
    # no two rows being equal in the sort of all rows, a row's place there is its place in each key
    keyed = {k: sorted(set(map(place.__getitem__, got))) for k, got in keyed.items()}
    if tables.get("") is ALL:
        keyed[codes.key("")] = list(range(len(distinct)))
    return [distinct[i] for i in order_], keyed


def _sort_keys(rank: list, by: list, names: list[str], rows: list[tuple]) -> list[tuple]:
    """Each row's sort key: `sort_rows` sorts by every column, then again (stably) by each `order:` column, the
    last first; the same as one stable sort by the `order:` columns (a descending one's rank negated), then
    every column. Made a column at a time."""
    desc = [-x for x in rank]
    spec = [(desc if d else rank, names.index(c)) for c, d in by if c in names] + \
        [(rank, i) for i in range(len(names))]
    columns = list(zip(*rows)) or [()] * len(names)
    return list(zip(*(map(tab.__getitem__, columns[i]) for tab, i in spec)))


def _sorted_tagged(codes: _Codes, by: list, columns: list[str], tables: dict) -> tuple[list, dict]:
    """`_sorted` the long way, for answers with rows only their order in the answer sorts: every key's rows
    tagged with their key, sorted together, grouped again."""
    tagged = []
    row = codes.row
    for key, rows in tables.items():
        if rows is ALL:
            continue
        k = (codes.key(key),)
        tagged.extend(r + k for r in dict.fromkeys(map(row, rows)))
    used = set()
    for r in tagged:
        used.update(r)
    keys = _sort_keys(codes.ranks(used), by, columns + ["\0key"], tagged)
    tagged = [tagged[i] for i in sorted(range(len(tagged)), key=keys.__getitem__)]
    index: dict = {}
    keyed: dict[int, list] = defaultdict(list)
    for r in tagged:
        keyed[r[-1]].append(index.setdefault(r[:-1], len(index)))
    if tables.get("") is ALL:
        keyed[codes.key("")] = list(range(len(index)))
    return list(index), dict(keyed)


ALL = object()
"""What a query with an optional parameter answers without it: the rows of every key, once each."""


def write(triples, store_dir: str | Path) -> None:
    """Compute every table from `triples` (the whole store's, as Oxigraph triples or quads) and write them
    into the store's folder, replacing what was there."""
    os.replace(_computed(triples, store_dir), Path(store_dir) / FILE)


class Beside:
    """The tables of a graph file computed in a child process while the caller fills the store from the same
    file: Oxigraph's bulk loader keeps one core busy, the tables the other, so the load costs little more
    than the bulk load alone. (A thread would not do: the loader takes the interpreter's lock often enough
    that the two together took three times as long.) The child writes a temporary file, which `finish` puts in
    place once the child succeeded (raising Failed when it did not); `cancel` stops a child still at work and
    drops its file. Without fork (Windows), `finish` computes the tables itself."""

    def __init__(self, path: str | Path, fmt, store_dir: str | Path):
        self._path, self._fmt, self._dir = str(path), fmt, Path(store_dir)
        self._tmp = (self._dir / FILE).with_suffix(".tmp")
        self._pid = None
        if not hasattr(os, "fork"):
            return
        self._tmp.unlink(missing_ok=True)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:        # the child: the tables, then out, whatever happens (no cleanup of the parent's)
            code = 1
            try:
                os.close(read_end)
                os.nice(19)      # the bulk loader first: the tables take the time it leaves a core idle
                # not checked again: the file is the one the bulk loader checks (this child is stopped if it fails)
                _computed(ox.parse(path=self._path, format=fmt, lenient=True), self._dir, kept=[])
                code = 0
            except BaseException as e:
                try:
                    os.write(write_end, (" ".join(str(e).split())[:300] or type(e).__name__).encode("utf-8"))
                except BaseException:
                    pass
            finally:
                os._exit(code)
        os.close(write_end)
        self._pid, self._pipe = pid, read_end

    def finish(self) -> None:
        if self._pid is None:
            write(ox.parse(path=self._path, format=self._fmt), self._dir)
            return
        try:
            _, status = os.waitpid(self._pid, 0)
            self._pid = None
            with os.fdopen(self._pipe, "rb") as f:
                said = f.read().decode("utf-8", "replace")
        except BaseException:
            self.cancel()
            raise
        if os.waitstatus_to_exitcode(status) != 0 or not self._tmp.is_file():
            self._tmp.unlink(missing_ok=True)
            raise Failed(said or f"the process computing them ended with {os.waitstatus_to_exitcode(status)}")
        os.replace(self._tmp, self._dir / FILE)

    def cancel(self) -> None:
        """Stop the child if it is still at work, and drop what it wrote; nothing once finished."""
        if self._pid is None:
            return
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self._pid, 0)
        self._pid = None
        os.close(self._pipe)
        self._tmp.unlink(missing_ok=True)


class Failed(Exception):
    """The tables could not be computed."""


def _computed(triples, store_dir: str | Path, kept: list | None = None) -> Path:
    """The tables of `triples` written into a temporary file in `store_dir`: its path. With `kept`, what was
    computed on the way is kept there instead of freed (a process about to end need not take apart millions
    of objects one by one)."""
    collecting = gc.isenabled()
    gc.disable()        # millions of small containers: the cyclic collector would cost 5 times the work
    try:
        facts = Facts(triples)
        if kept is not None:
            kept.append(facts)
        tmp = (Path(store_dir) / FILE).with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        try:
            _fill(tmp, facts, kept)
        except BaseException:
            tmp.unlink(missing_ok=True)     # no half-written file left behind
            raise
        return tmp
    finally:
        if collecting:
            gc.enable()


_SCHEMA = """
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;   -- a new file, renamed into place once complete
        PRAGMA cache_size = -100000; PRAGMA page_size = 16384;     -- rows of hundreds of bytes, written once
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE queries (name TEXT PRIMARY KEY, columns TEXT);
        CREATE TABLE rows (name TEXT, key TEXT, chunk INTEGER, ids BLOB, PRIMARY KEY (name, key, chunk)) WITHOUT ROWID;
        CREATE TABLE cells (id INTEGER PRIMARY KEY, data BLOB);    -- a block of BLOCK cells
        CREATE TABLE params (name TEXT, param TEXT, value TEXT, key TEXT, PRIMARY KEY (name, param, value, key))
            WITHOUT ROWID;
    """


def _fill(tmp: Path, facts: Facts, kept: list | None) -> None:
    db = sqlite3.connect(tmp)
    try:
        db.executescript(_SCHEMA)
        codes = _Codes(facts.term)
        if kept is not None:
            kept.append(codes)
        code, dumps, number = codes.codes, pickle.dumps, codes.number.__getitem__
        # every table's rows coded first, so that all their terms are ranked at once
        answers = [(name, *fn(facts)) for name, fn in sorted(TABLES.items())]
        answers = [(name, columns, tables, params, _coded(codes, tables)) for name, columns, tables, params in answers]
        if kept is not None:
            kept.append(answers)
        rank = codes.ranks(range(len(codes.codes)))
        cells = 0
        for name, columns, tables, params, coded in answers:
            db.execute("INSERT INTO queries VALUES (?, ?)", (name, json.dumps(columns)))
            rows, keyed = _sorted(codes, rank, order(named()[name]), columns, tables, coded)
            # a row is stored once however many keys list it: the cells of a query are its rows, in order,
            # numbered from `cells` (a multiple of BLOCK) on, BLOCK of them to a stored block
            db.executemany("INSERT INTO cells VALUES (?, ?)", (
                ((cells + i) // BLOCK, dumps([tuple(map(code.__getitem__, r)) for r in rows[i:i + BLOCK]], protocol=4))
                for i in range(0, len(rows), BLOCK)))
            db.executemany("INSERT INTO rows VALUES (?, ?, ?, ?)", _chunks(name, keyed, cells, code))
            cells += -(-len(rows) // BLOCK) * BLOCK
            if kept is not None:
                kept.append((rows, keyed))
            del rows, keyed
            db.executemany("INSERT OR IGNORE INTO params VALUES (?, ?, ?, ?)", sorted(
                (name, param, code[number(value)], code[number(key)])
                for param, m in params.items() for value, keys in m.items() for key in keys))
        db.execute("INSERT INTO meta VALUES ('version', ?)", (VERSION,))
        db.commit()
    finally:
        db.close()


CHUNK = 1024
"""Cell ids a row of the `rows` table holds: a key's answer is the cells its chunks list, in order."""
BLOCK = 32
"""Cells a row of the `cells` table holds (cell n is in block n // BLOCK): rows stored one by one made
SQLite's inserts cost more than computing them."""


def _chunks(name: str, keyed: dict, first: int, code: list):
    """The rows of `rows` for one query: each key's cell ids (`first` + the places of its rows) in chunks of
    CHUNK, in the order of the index (appended, not inserted all over a file of gigabytes)."""
    for k in sorted(keyed, key=code.__getitem__):
        at = keyed[k]
        for i in range(0, len(at), CHUNK):
            yield name, code[k], i // CHUNK, _packed([first + p for p in at[i:i + CHUNK]])


def _packed(ids: list[int]) -> bytes:
    """Cell ids as 32-bit little-endian integers."""
    a = array("i", ids)
    if sys.byteorder == "big":
        a.byteswap()
    return a.tobytes()


def _unpacked(data: bytes) -> array:
    a = array("i")
    a.frombytes(data)
    if sys.byteorder == "big":
        a.byteswap()
    return a


def remove(store_dir: str | Path) -> None:
    """Drop the tables (before the store changes, so that no stale answer is read if the load fails)."""
    (Path(store_dir) / FILE).unlink(missing_ok=True)


_SEP = "\x1f"      # between the values of several parameters


class Tables:
    """The answer tables of a store, read-only."""

    def __init__(self, store_dir: str | Path):
        self.path = Path(store_dir) / FILE
        self._db, self._pid = None, None
        if self.db.execute("SELECT value FROM meta WHERE name = 'version'").fetchone() != (VERSION,):
            raise sqlite3.DatabaseError("another version")
        self.columns = {n: json.loads(c) for n, c in self.db.execute("SELECT name, columns FROM queries")}
        self.terms: dict = {None: None}

    @property
    def db(self) -> sqlite3.Connection:
        """The connection of this process (a forked child opens its own)."""
        if self._pid != os.getpid():
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db

    @classmethod
    def of(cls, store_dir: str | Path) -> "Tables | None":
        if not (Path(store_dir) / FILE).is_file():
            return None
        try:
            return cls(store_dir)
        except sqlite3.Error:
            return None

    def _ids(self, name: str, key: str, first: int, last: int | None = None) -> array:
        """The cell ids of rows `first` to `last` (to the end without it) of a key's answer."""
        sql, args = "SELECT ids FROM rows WHERE name = ? AND key = ? AND chunk >= ?", [name, key, first // CHUNK]
        if last is not None:
            sql, args = sql + " AND chunk <= ?", args + [last // CHUNK]
        ids = _unpacked(b"".join(data for (data,) in self.db.execute(sql + " ORDER BY chunk", args)))
        start = first % CHUNK
        return ids[start:] if last is None else ids[start:start + last - first + 1]

    def _cells(self, ids) -> list[tuple]:
        """The stored rows (tuples of codes) of cell ids, in their order."""
        got, ids, loads = {}, list(ids), pickle.loads
        blocks = sorted({i // BLOCK for i in ids})
        for i in range(0, len(blocks), 500):
            part = blocks[i:i + 500]
            got.update((b, loads(data)) for b, data in
                       self.db.execute(f"SELECT id, data FROM cells WHERE id IN ({','.join('?' * len(part))})", part))
        return [got[i // BLOCK][i % BLOCK] for i in ids]

    def _rows(self, cells) -> list[tuple]:
        """Rows of rdflib terms from stored rows of codes; each distinct term made once."""
        terms, out = self.terms, []
        get = terms.__getitem__
        for codes in cells:
            try:
                out.append(tuple(map(get, codes)))
            except KeyError:
                for c in codes:
                    if c not in terms:
                        terms[c] = _term(c)
                out.append(tuple(map(get, codes)))
        return out

    def _keys(self, name: str, params: dict) -> set[str]:
        """The keys whose rows answer `name` with `params`: "" without parameters; the keys one parameter finds;
        for several, the keys their joined names find, or else the intersection of what each finds alone
        (or, where it has them, its "@" keys), from the parameter that finds the fewest."""
        if not params:
            return {""}
        db = self.db
        codes = {p: "I" + str(t) if isinstance(t, URIRef) else "L" + str(t) for p, t in params.items()}
        find = "SELECT key FROM params WHERE name = ? AND param = ? AND value = ?"
        names = sorted(codes)
        joined = ",".join(names)
        if len(names) == 1 or db.execute("SELECT 1 FROM params WHERE name = ? AND param = ? LIMIT 1",
                                          (name, joined)).fetchone():
            return {k for (k,) in db.execute(find, (name, joined, _SEP.join(codes[p] for p in names)))}
        unit = {p: p + "@" if db.execute("SELECT 1 FROM params WHERE name = ? AND param = ? LIMIT 1",
                                         (name, p + "@")).fetchone() else p for p in names}
        count = {p: db.execute("SELECT COUNT(*) FROM params WHERE name = ? AND param = ? AND value = ?",
                               (name, unit[p], codes[p])).fetchone()[0] for p in names}
        first, *rest = sorted(names, key=count.get)
        keys = {k for (k,) in db.execute(find, (name, unit[first], codes[first]))}
        for p in rest:
            keys = {k for k in keys if db.execute(find + " AND key = ?", (name, unit[p], codes[p], k)).fetchone()}
        return keys

    def answer(self, name: str, params: dict, limit: int | None, offset: int):
        """(columns, rows, more) of the query `name` with `params` (param -> the bound rdflib term), or None
        when there is no table for it."""
        if name not in self.columns:
            return None
        keys = self._keys(name, params)
        cols = self.columns[name]
        if len(keys) == 1:
            (key,) = keys
            rows = self._rows(self._cells(self._ids(name, key, offset, offset + limit if limit else None)))
        else:
            coded = dict.fromkeys(data for key in sorted(keys) for data in self._cells(self._ids(name, key, 0)))
            rows = self._rows(coded)
            sort_rows(rows, cols, order(named()[name]))
            rows = rows[offset:offset + limit + 1] if limit else rows[offset:]
        more = bool(limit) and len(rows) > limit
        return cols, rows[:limit] if more else rows, more
