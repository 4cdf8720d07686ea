"""An interactive HTML page of the graph that answers "who said what, when", and works offline.

The graph shows the actors (people, organisations, countries), the places and the events they
take part in; statements (confirmations, denials, warnings ...) are folded into labelled edges
from the speaker to the event or party they are about ("konfirmasi", "3 klaim"), and a click on a
node unfolds its statements as nodes of their own. Every claim reads as a short line in the
chosen language, "Ani Contoh · konfirmasi · pengerahan pasukan Negara Satu ke Negara Dua · 7 Nov
2024", with the type words taken from the ontology's rdfs:label. Beside the graph, a table holds
one row per claim (who, what, about what, date, outlet and article, sentence), sortable, filtered by
the same controls as the graph and searchable; a click on a row highlights its nodes. Below, a
timeline (vis-timeline) places the dated claims, coloured by type, with reversals (a denial
later confirmed by the same agent) marked.

A date that none of a claim's reports states in its sentence (each report's kb:dateSource is
"context", "published" or "other report") is inferred: it is shown with "~", and `stated_only` (on
the page, a checkbox) lets the date filter leave it out. Without kb:dateSource a date counts as stated.

Large graphs: the page holds the `max_nodes` most central actors and events and the claims linked
to them (at most `max_claims`), opens on the most central few, and says what it left out.

The page is self-contained: vis-network (as shipped inside pyvis) and vis-timeline (vendored in
kg/uses/assets) are inlined, and a Content-Security-Policy forbids every fetch and every script
but its own. Text from the graph reaches the page as JSON with <, > and & written as \\u escapes,
and the script puts it into the page as text (tooltips built here are escaped with html.escape).
The same graph always gives the same bytes.
"""
from __future__ import annotations

import base64
import calendar
import difflib
import hashlib
import heapq
import html
import json
import math
import re
from pathlib import Path

import networkx as nx
import pyvis
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.graph.rdf import name_key, write_atomic
from kg.graph.vocab import BASE, ENTITY_CLASS, KB, NIF, ORG, SCHEMA, TYPE_CLASS
from kg.lexicon import load as load_lexicon
from kg.model import SPEECH_ACTS
from kg.uses.query import type_names

ASSETS = Path(__file__).parent / "assets"
INFERRED = {"context", "published", "other report"}     # kb:dateSource values that no sentence states
LANGS = ("id", "en")

# kind -> (legend name, colour, vis shape)
KINDS = {
    "person": ("Person", "#e15759", "dot"),
    "organization": ("Organisation", "#4e79a7", "square"),
    "country": ("Country", "#59a14f", "hexagon"),
    "place": ("Place", "#d4a017", "triangle"),
    "outlet": ("Outlet", "#b07aa1", "triangleDown"),
    "event": ("Event", "#f28e2b", "diamond"),
    "statement": ("Statement", "#76b7b2", "star"),
    "other": ("Other entity", "#9d9d9d", "dot"),
}
_ENTITY_KIND = {ENTITY_CLASS["Person"]: "person", ENTITY_CLASS["Organization"]: "organization",
                ENTITY_CLASS["Country"]: "country", ENTITY_CLASS["Place"]: "place",
                ENTITY_CLASS["Outlet"]: "outlet"}
_CODE_OF_CLASS = {cls: code for code, cls in TYPE_CLASS.items()}
# relation -> (colour, dashed)
EDGES = {
    "agent": ("#555555", False),
    "target": ("#c0392b", False),
    "place": ("#2e8b57", True),
    "member": ("#4e79a7", True),
    "said": ("#3c9a94", True),
}
# a colour per claim type, for the timeline and the table
TYPE_COLOURS = {
    "CONFIRM": "#2e7d32", "DENY": "#c62828", "NO_COMMENT": "#9e9e9e", "ACCUSE": "#ad1457",
    "CONDEMN": "#6a1b9a", "DEMAND": "#4527a0", "WARN": "#ef6c00", "ESTIMATE": "#00838f",
    "STATEMENT": "#546e7a", "DEPLOY": "#f28e2b", "SUPPLY": "#8d6e63", "TRAIN": "#9e9d24",
    "COMBAT": "#d84315", "KILL": "#4e342e", "ATTACK": "#b71c1c", "AGREE": "#1565c0",
    "MEET": "#0277bd", "SUMMON": "#5d4037", "SANCTION": "#37474f",
}
CLIP = 280            # characters of a sentence kept in the page
MAX_SOURCES = 5       # sentences kept per claim
MAX_ALIASES = 12
FIRST_VIEW = 24       # actors and events drawn when the page opens
SEED = 7


_SOURCE_MAP = re.compile(r"\n?/[/*][#@] sourceMappingURL=[^\n]*")   # a comment naming a file the page never asks for


def _vis_files() -> tuple[str, str]:
    """vis-network's script and style as shipped inside pyvis (the newest version there), without
    source-map comments."""
    root = Path(pyvis.__file__).parent
    for lib in (root / "templates" / "lib", root / "lib"):
        dirs = sorted(lib.glob("vis-*"), key=lambda p: tuple(int(x) for x in p.name[4:].split(".")
                                                            if x.isdigit()))
        for d in reversed(dirs):
            js, css = d / "vis-network.min.js", d / "vis-network.css"
            if js.is_file() and css.is_file():
                return _SOURCE_MAP.sub("", js.read_text(encoding="utf-8")), _SOURCE_MAP.sub("", css.read_text(encoding="utf-8"))
    raise RuntimeError(f"vis-network is not found inside the pyvis package at {root}")


def _timeline_files() -> tuple[str, str]:
    """vis-timeline's script and style, vendored in kg/uses/assets, without source-map comments."""
    js = (ASSETS / "vis-timeline-graph2d.min.js").read_text(encoding="utf-8")
    css = (ASSETS / "vis-timeline-graph2d.min.css").read_text(encoding="utf-8")
    return _SOURCE_MAP.sub("", js), _SOURCE_MAP.sub("", css)


# -- small helpers --------------------------------------------------------------------------

def _node_id(n: Node) -> str:
    s = str(n)
    if isinstance(n, BNode):
        return "_:" + s
    base = BASE + "resource/"
    return s[len(base):] if s.startswith(base) else s


def _tail(n: Node) -> str:
    return str(n).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _clip(text: str, n: int = CLIP) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _e(text) -> str:
    return html.escape(str(text), quote=True)


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _span(text: str) -> tuple[str, str] | None:
    """The first and last day a date of year, month or day precision covers, as YYYY-MM-DD;
    None when `text` is no such date."""
    m = _DATE.match(str(text).strip())
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    if y < 1 or (m[2] and not 1 <= mo <= 12):
        return None
    if not m[2]:
        return f"{y:04d}-01-01", f"{y:04d}-12-31"
    last = calendar.monthrange(y, mo)[1]
    if not m[3]:
        return f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{last:02d}"
    if not 1 <= d <= last:
        return None
    return (f"{y:04d}-{mo:02d}-{d:02d}",) * 2


def _window(since: str | None, until: str | None) -> tuple[str, str] | None:
    """(first day, last day) of the window from `since` to `until`, each YYYY, YYYY-MM or
    YYYY-MM-DD and either left open; None when both are. ValueError for anything else."""
    if since is None and until is None:
        return None
    bounds = []
    for name, text, end in (("since", since, 0), ("until", until, 1)):
        if text is None:
            bounds.append(("0001-01-01", "9999-12-31")[end])
            continue
        span = _span(text) if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(text).strip()) else None
        if span is None:
            raise ValueError(f"{name} {text!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
        bounds.append(span[end])
    if bounds[0] > bounds[1]:
        raise ValueError(f"since {since!r} is after until {until!r}")
    return bounds[0], bounds[1]


def _show_date(text: str, months: list[str]) -> str:
    """'2024-10-28' -> '28 Okt 2024', '2024-10' -> 'Okt 2024', '2024' -> '2024'."""
    m = _DATE.fullmatch(str(text).strip())
    if not m or (m[2] and not 1 <= int(m[2]) <= 12):
        return str(text)
    if not m[2]:
        return m[1]
    month = months[int(m[2]) - 1]
    return f"{int(m[3])} {month} {m[1]}" if m[3] else f"{month} {m[1]}"


def _groups(g: Graph, p: URIRef) -> dict[Node, list[Node]]:
    """Subject -> its objects of `p`, in one pass over the graph."""
    out: dict[Node, list[Node]] = {}
    for s, o in g.subject_objects(p):
        out.setdefault(s, []).append(o)
    return out


# -- reading the graph ---------------------------------------------------------------------

class _Reader:
    """The drawable part of an rdflib graph, read once predicate by predicate."""

    def __init__(self, g: Graph, lang: str):
        self.g, self.lang = g, lang
        self.words = load_lexicon("page")[lang]
        self.types = type_names(lang)
        self.kind: dict[Node, str] = {}
        for cls, kind in _ENTITY_KIND.items():        # first kind wins for a node typed twice
            for s in g.subjects(RDF.type, cls):
                self.kind.setdefault(s, kind)
        self.entities = set(self.kind)
        self.code: dict[Node, str] = {}
        for s, code in g.subject_objects(KB.typeCode):
            if s not in self.entities:
                self.code[s] = str(code)
        for cls, code in _CODE_OF_CLASS.items():
            for s in g.subjects(RDF.type, cls):
                if s not in self.entities:
                    self.code.setdefault(s, code)
        for c, code in self.code.items():
            self.kind[c] = "statement" if code in SPEECH_ACTS else "event"
        roles = {rel: _groups(g, p) for rel, p in (("agent", KB.agent), ("target", KB.target), ("place", KB.place))}
        self.role: dict[str, dict[Node, list[Node]]] = {}
        for rel, by in roles.items():
            self.role[rel] = {c: sorted((o for o in os_ if not isinstance(o, Literal)), key=str)
                              for c, os_ in by.items() if c in self.code}
            for os_ in self.role[rel].values():
                for o in os_:
                    self.kind.setdefault(o, "other")      # an entity used but never typed
        about = _groups(g, KB.about)
        self.about = {c: sorted((o for o in evs if o in self.code), key=str) for c, evs in about.items() if c in self.code}
        self.dates = {c: sorted(map(str, ds)) for c, ds in _groups(g, KB.date).items() if c in self.code}
        self.negated = {c for c, o in g.subject_objects(KB.negated) if isinstance(o, Literal) and o.toPython() is True}
        self.evidence = _groups(g, KB.evidence)
        how = _groups(g, KB.dateSource)        # each report (evidence) says how it dates the claim
        self.date_source = {c: sorted({str(s) for ev in evs for s in how.get(ev, ())}) for c, evs in self.evidence.items()
                            if c in self.dates}
        self.labels: dict[Node, str] = {}
        plain: dict[Node, list[str]] = {}
        tagged: dict[Node, list[str]] = {}
        for p in (RDFS.label, SKOS.altLabel):
            for s, o in g.subject_objects(p):
                if s in self.entities or self.kind.get(s) == "other":
                    if isinstance(o, Literal) and o.language:
                        if o.language.lower().split("-")[0] == lang:
                            tagged.setdefault(s, []).append(str(o))
                    elif p == RDFS.label:
                        plain.setdefault(s, []).append(str(o))
        for s in set(plain) | set(tagged):
            self.labels[s] = sorted(tagged.get(s) or plain[s])[0]
        self.members: list[tuple[Node, Node, str]] = []
        self.roles_of: dict[Node, list[str]] = {}
        for m in g.subjects(RDF.type, KB.Membership):
            role = sorted(map(str, g.objects(m, KB.roleLabel)))
            role = role[0] if role else "member"
            orgs = sorted((o for o in g.objects(m, ORG.organization) if not isinstance(o, Literal)), key=str)
            seats = sorted((o for o in g.objects(m, KB.jurisdiction) if not isinstance(o, Literal)), key=str)   # "gubernur — X"
            for person in g.objects(m, ORG.member):
                if isinstance(person, Literal):
                    continue
                self.kind.setdefault(person, "other")
                for org in orgs:
                    self.kind.setdefault(org, "other")
                    self.members.append((person, org, role))
                self.roles_of.setdefault(person, []).append(
                    role + (" — " + ", ".join(self.label(o) for o in orgs + seats) if orgs or seats else ""))
        self.members = sorted(set(self.members), key=lambda t: (str(t[0]), str(t[1]), t[2]))

    def label(self, n: Node) -> str:
        if n in self.code:
            return self.type_word(self.code[n])
        return self.labels.get(n) or _tail(n)

    def names(self, n: Node) -> list[str]:
        alts = {str(a) for a in self.g.objects(n, SKOS.altLabel)} | {str(a) for a in self.g.objects(n, RDFS.label)}
        return [self.label(n), *sorted(alts - {self.label(n)})]

    def type_word(self, code: str) -> str:
        return self.types.get(code, code.lower().replace("_", " "))

    def date_of(self, c: Node) -> tuple[str | None, tuple[str, str] | None, bool]:
        """(date text, the days it covers, inferred?) of a claim."""
        texts = self.dates.get(c) or []
        spans = sorted(filter(None, (_span(t) for t in texts)))
        sources = set(self.date_source.get(c, ()))
        inferred = bool(sources) and sources <= INFERRED      # no report states it
        return (texts[0] if texts else None), (spans[0] if spans else None), inferred

    def parties(self, c: Node) -> list[Node]:
        """The entities a claim links: agents, targets, places."""
        return [*self.role["agent"].get(c, ()), *self.role["target"].get(c, ()), *self.role["place"].get(c, ())]

    def event_phrase(self, ev: Node) -> str:
        """'pengerahan pasukan Negara Satu ke Negara Dua di Kota Contoh'."""
        w = self.words
        bits = [self.type_word(self.code[ev])]
        agents = self.role["agent"].get(ev, ())
        if agents:
            bits.append(", ".join(self.label(a) for a in agents))
        targets = self.role["target"].get(ev, ())
        if targets:
            bits.append(w["to"] + " " + ", ".join(self.label(t) for t in targets))
        places = self.role["place"].get(ev, ())
        if places:
            bits.append(w["in"] + " " + ", ".join(self.label(p) for p in places))
        return " ".join(bits)

    def event_label(self, ev: Node) -> str:
        """Two short lines: the type, and who to whom ('pengerahan pasukan\nNegara Satu → Negara Dua')."""
        ends = [", ".join(self.label(a) for a in self.role["agent"].get(ev, ())),
                ", ".join(self.label(t) for t in (*self.role["target"].get(ev, ()), *self.role["place"].get(ev, ())))]
        return self.type_word(self.code[ev]) + "\n" + _clip(" → ".join(x for x in ends if x), 30)

    def article_id(self, art: Node) -> str:
        ids = sorted(map(str, self.g.objects(art, KB.articleId)))
        return ids[0] if ids else _tail(art)

    def entity_title(self, n: Node) -> str:
        g, kind = self.g, self.kind[n]
        out = [f"<b class='kg-label'>{_e(self.label(n))}</b>", f"<div class='kg-kind'>{_e(KINDS[kind][0])}</div>"]
        aliases = self.names(n)[1:]
        if aliases:
            more = f" (+{len(aliases) - MAX_ALIASES} more)" if len(aliases) > MAX_ALIASES else ""
            out.append(f"<div><i>also:</i> {_e(', '.join(aliases[:MAX_ALIASES]))}{_e(more)}</div>")
        same = sorted(_tail(o) for o in g.objects(n, SCHEMA.sameAs))
        if same:
            out.append(f"<div><i>Wikidata:</i> {_e(', '.join(same))}</div>")
        for r in sorted(set(self.roles_of.get(n, [])))[:MAX_ALIASES]:
            out.append(f"<div><i>role:</i> {_e(r)}</div>")
        mentioned = len(set(g.subjects(SCHEMA.mentions, n)))
        if mentioned:
            out.append(f"<div>mentioned in {mentioned} article{'s' if mentioned != 1 else ''}</div>")
        return "".join(out)


# -- the claims ----------------------------------------------------------------------------

class _Claims:
    """Each claim as a row of the page: its line, its parties, date and sentences."""

    def __init__(self, r: _Reader, claims: list[Node]):
        self.r = r
        self.articles: dict[Node, int] = {}
        self.sentences: dict[str, int] = {}
        self.arts: list[set[int]] = []          # per row: every article its evidence is in
        self.rows = [self.row(c) for c in claims]

    def _art(self, art: Node) -> int:
        return self.articles.setdefault(art, len(self.articles))

    def _sent(self, text: str) -> int:
        return self.sentences.setdefault(_clip(text), len(self.sentences))

    def sources(self, c: Node) -> tuple[list, int]:
        """[[article, sentence], ...] of a claim (of the statements about it, for an event known
        only from them), at most MAX_SOURCES, and how many there are."""
        g, r = self.r.g, self.r
        evs = list(r.evidence.get(c, ()))
        if not evs:
            evs = [ev for s in sorted(g.subjects(KB.about, c), key=str) for ev in r.evidence.get(s, ())]
        found = []
        for ev in evs:
            art = g.value(ev, KB.inArticle)
            begin = g.value(ev, NIF.beginIndex)
            sentence = g.value(ev, NIF.anchorOf)
            key = (r.article_id(art) if art is not None else "?",
                   int(begin) if begin is not None and str(begin).isdigit() else 0, str(sentence or ""))
            found.append((key, art, sentence))
        found.sort(key=lambda f: f[0])
        out, seen = [], set()
        for key, art, sentence in found:
            if (key[0], key[2]) in seen:
                continue
            seen.add((key[0], key[2]))
            out.append((art, sentence))
        self.arts.append({self._art(a) for a, _ in out if a is not None})
        return [[self._art(a) if a is not None else -1, self._sent(s) if s else -1]
                for a, s in out[:MAX_SOURCES]], len(out)

    def row(self, c: Node) -> dict:
        r, w = self.r, self.r.words
        code, statement = r.code[c], r.kind[c] == "statement"
        agents = r.role["agent"].get(c, [])
        who = ", ".join(r.label(a) for a in agents)
        what = (w["not"] + " " if c in r.negated else "") + r.type_word(code)
        events = r.about.get(c, []) if statement else [c]
        if statement and events:
            about = "; ".join(r.event_phrase(ev) for ev in events)
        else:
            targets = r.role["target"].get(c, ())
            places = r.role["place"].get(c, ())
            bits = []
            if targets:
                bits.append((w["to"] + " " if not statement else "") + ", ".join(r.label(t) for t in targets))
            if places:
                bits.append(w["in"] + " " + ", ".join(r.label(p) for p in places))
            about = " ".join(bits)
        qty = [next(iter(sorted(map(str, r.g.objects(c, p)))), None) for p in (KB.quantity, KB.quantityMin, KB.quantityMax)]
        if any(qty):
            about = (about + " · " if about else "") + (qty[0] or f"{qty[1] or '?'}–{qty[2] or '?'}")
        text, span, inferred = r.date_of(c)
        date = ("~" if inferred else "") + _show_date(text, w["months"]) if text else ""
        src, n = self.sources(c)
        row = {"id": _node_id(c), "c": code, "s": 1 if statement else 0, "who": who, "what": what, "ab": about,
               "a": [_node_id(a) for a in agents], "ev": [_node_id(e) for e in events],
               "t": [_node_id(x) for x in (*r.role["target"].get(c, ()), *r.role["place"].get(c, ()))],
               "date": date, "src": src, "n": n,
               "line": " · ".join(x for x in (who, what, about, date) if x)}
        if span:
            row.update(d0=span[0], d1=span[1])
        if inferred:
            row["inf"] = 1
        return row


def _reversals(rows: list[dict], r: _Reader, nodes: dict[str, Node]) -> list[list[int]]:
    """[denial, confirmation] pairs: one agent denied an event of a type and later confirmed one
    of the same type (a denial with no date counts as earlier when the confirmation is dated), as
    the query position_reversals reads it; the earliest denial with the first confirmation after it."""
    by: dict[tuple[str, str], dict[str, list[int]]] = {}
    for i, row in enumerate(rows):
        if row["c"] not in ("DENY", "CONFIRM") or row["what"] != r.type_word(row["c"]):
            continue                                    # negated claims are no reversal
        for ev in row["ev"]:
            ev_code = r.code.get(nodes.get(ev))
            for a in row["a"]:
                by.setdefault((a, ev_code or ""), {}).setdefault(row["c"], []).append(i)
    pairs = set()
    for key in sorted(by):
        d = by[key]
        for den in sorted(d.get("DENY", []), key=lambda i: (rows[i].get("d0", ""), i)):
            later = [con for con in d.get("CONFIRM", []) if rows[con].get("d0") and
                     (not rows[den].get("d0") or rows[den]["d0"] < rows[con]["d0"])]
            if later:
                pairs.add((den, min(later, key=lambda i: (rows[i]["d0"], i))))
                break
    return [list(p) for p in sorted(pairs)]


# -- choosing what to draw -----------------------------------------------------------------

def _focus_nodes(r: _Reader, G: nx.Graph, focus: str, depth: int,
                 window: tuple[str, str] | None = None) -> tuple[set, set]:
    want = name_key(focus)
    named = {n for n in r.entities if want in {name_key(x) for x in r.names(n)}}
    seeds = {n for n in named if n in G}
    if not seeds:
        if named and window:
            raise ValueError(f"focus {focus!r}: linked to no claim dated from {window[0]} to {window[1]}")
        names = sorted({x for n in r.entities for x in r.names(n)})
        close = difflib.get_close_matches(focus, names, n=5, cutoff=0.6)
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        raise ValueError(f"focus {focus!r}: no entity in the graph has this label or alias{hint}")
    keep: set = set()
    for s in seeds:
        keep |= set(nx.single_source_shortest_path_length(G, s, cutoff=depth))
    return keep, seeds


def _interleave(order: list, G: nx.Graph, r: _Reader) -> list:
    """The nodes in the order the page shows them: two actors (or places), then the most central
    event linked to those already shown, and so on, so that any first part of the list holds
    actors and what they did, not only the busiest actors."""
    actors = [n for n in order if r.kind[n] != "event"]
    events = [n for n in order if r.kind[n] == "event"]
    place = {n: i for i, n in enumerate(events)}
    out, taken, linked = [], set(), []        # linked: a heap of (place, event) next to what is out
    ai = ei = 0
    while len(out) < len(order):
        want_event = len(out) % 3 == 2 or ai >= len(actors)
        if want_event and (linked or ei < len(events)):
            while linked and linked[0][1] in taken:
                heapq.heappop(linked)
            if linked:
                n = heapq.heappop(linked)[1]
            else:
                while events[ei] in taken:
                    ei += 1
                n = events[ei]
        else:
            n = actors[ai]
            ai += 1
        if n in taken:
            continue
        taken.add(n)
        out.append(n)
        for m in G[n]:
            if m in place and m not in taken:
                heapq.heappush(linked, (place[m], m))
        while ei < len(events) and events[ei] in taken:
            ei += 1
    return out


def _graph_links(r: _Reader, claims: list[Node]) -> tuple[dict, dict]:
    """The edges of the folded graph: (from, to, relation) -> claims, and the member edges'
    roles. An event links its agent, target and place; a statement becomes a 'said' edge from
    its agent to the event it is about, else to its target."""
    links: dict[tuple[Node, Node, str], list[Node]] = {}
    for c in claims:
        if r.kind[c] == "event":
            for a in r.role["agent"].get(c, ()):
                links.setdefault((a, c, "agent"), []).append(c)
            for rel in ("target", "place"):
                for o in r.role[rel].get(c, ()):
                    links.setdefault((c, o, rel), []).append(c)
        else:
            ends = r.about.get(c) or r.role["target"].get(c, [])
            for a in r.role["agent"].get(c, ()):
                for o in ends:
                    if o != a:
                        links.setdefault((a, o, "said"), []).append(c)
    members: dict[tuple[Node, Node, str], list[str]] = {}
    for person, org, role in r.members:
        members.setdefault((person, org, "member"), []).append(role)
    return links, members


def write_html(graph: Graph, path: Path, *, focus: str | None = None, depth: int = 2,
               max_nodes: int = 400, max_claims: int = 3000, since: str | None = None,
               until: str | None = None, stated_only: bool = False, lang: str = "id") -> int:
    """Write the interactive page of `graph` to `path` and return the number of actors, places
    and events it holds (the nodes of its graph).

    since/until (YYYY, YYYY-MM or YYYY-MM-DD, either may be left out): only the claims dated
    within the window (with `stated_only`, dated in their own sentence), the events that such
    statements are about (dated or not), and the entities linked to them.
    focus: only what lies within `depth` hops of the entities whose label or alias is `focus`
    (compared as the search box does); ValueError when none is. Above `max_nodes` actors and
    events, the most central are kept; above `max_claims` claims linked to them, those of the
    most central; the page says what it left out. lang: 'id' or 'en', the language of the lines.
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be 1 or more, not {max_nodes}")
    if max_claims < 1:
        raise ValueError(f"max_claims must be 1 or more, not {max_claims}")
    if lang not in LANGS:
        raise ValueError(f"lang {lang!r}: expected one of {', '.join(LANGS)}")
    window = _window(since, until)
    r = _Reader(graph, lang)
    every = sorted(r.code, key=str)
    claims = every
    if window is not None:
        lo, hi = window

        def inside(c):
            _, span, inferred = r.date_of(c)
            return span is not None and lo <= span[0] and span[1] <= hi and not (stated_only and inferred)
        claims = [c for c in every if inside(c)]
        about = {ev for c in claims for ev in r.about.get(c, ())}    # what dated statements are about
        claims = sorted(set(claims) | about, key=str)
    links, members = _graph_links(r, claims)
    G = nx.Graph()
    G.add_nodes_from(c for c in claims if r.kind[c] == "event")
    G.add_nodes_from(a for c in claims for a in r.parties(c))
    for (u, v, _rel), cs in links.items():
        w = G.get_edge_data(u, v, {}).get("weight", 0)
        G.add_edge(u, v, weight=w + len(cs))
    for (u, v, _rel) in members:
        if window is None or (u in G and v in G):
            G.add_edge(u, v, weight=G.get_edge_data(u, v, {}).get("weight", 0) + 1)
    total = G.number_of_nodes()
    seeds: set = set()
    keep = set(G.nodes)
    if focus is not None:
        keep, seeds = _focus_nodes(r, G, focus, depth, window)
    within = len(keep)
    strength = dict(G.degree(weight="weight"))
    degree = dict(G.degree())
    reach = {n: sum(degree[m] for m in G[n]) for n in keep}
    order = sorted(keep, key=lambda n: (n not in seeds, -strength[n], -degree[n], -reach[n], _node_id(n)))
    ranked = _interleave(order, G, r)[:max_nodes]
    keep = set(ranked)
    rank = {n: i for i, n in enumerate(ranked)}

    # the claims of what is kept: those linking a kept node; the most central first
    def claim_rank(c):
        touching = [rank[n] for n in (c, *r.about.get(c, ()), *r.parties(c)) if n in rank]
        return (min(touching) if touching else len(rank), _node_id(c))
    mine = [c for c in claims if (c in keep or any(n in keep for n in (*r.about.get(c, ()), *r.parties(c))))]
    if focus is None and len(keep) == within:
        mine = claims                      # nothing left out: every claim, linked or not
    mine = sorted(mine, key=claim_rank)[:max_claims]
    kept_claims = set(mine)
    rows = _Claims(r, sorted(mine, key=_node_id))
    by_id = {_node_id(n): n for n in (*keep, *kept_claims)}
    index = {row["id"]: i for i, row in enumerate(rows.rows)}
    reversals = _reversals(rows.rows, r, by_id)

    # nodes
    arts_of: dict[Node, set[int]] = {}
    claims_of: dict[str, list[int]] = {}
    for i, row in enumerate(rows.rows):
        arts = rows.arts[i]
        for nid in {*row["a"], *row["ev"], *row["t"]}:
            if by_id.get(nid) in keep:
                claims_of.setdefault(nid, []).append(i)
                arts_of.setdefault(by_id[nid], set()).update(arts)
    top = max((strength[n] for n in keep), default=1) or 1
    word = r.words
    nodes = []
    for n in sorted(keep, key=_node_id):
        kind = r.kind[n]
        _, colour, shape = KINDS[kind]
        node = {"id": _node_id(n), "kind": kind, "rank": rank[n], "shape": shape,
                "value": round(1 + 9 * math.sqrt(strength[n] / top), 2),
                "color": {"background": colour, "border": "#333333",
                          "highlight": {"background": colour, "border": "#000000"},
                          "hover": {"background": colour, "border": "#000000"}},
                "borderWidth": 3 if n in seeds else 1, "arts": sorted(arts_of.get(n, ())),
                "cl": claims_of.get(_node_id(n), [])}
        if kind == "event":
            row = rows.rows[index[_node_id(n)]] if n in kept_claims else None
            phrase = r.event_phrase(n)
            n_arts = len(arts_of.get(n, ()))     # its own sources and those of statements about it
            node["label"] = r.event_label(n)
            if n_arts > 1:                   # one event, reported by several articles
                first, rest = node["label"].split("\n", 1)
                node["label"] = f"{first} · {n_arts} {word['articles']}\n{rest}"
            node["names"] = [phrase]
            title = [f"<b class='kg-label'>{_e(row['line'] if row else phrase)}</b>",
                     f"<div class='kg-kind'>{_e(KINDS['event'][0])}</div>"]
            if n_arts > 1 or (row and row["n"] > 1):
                title.append(f"<div>{row['n'] if row else 0} sources, reported in {n_arts} "
                             f"article{'s' if n_arts != 1 else ''}</div>")
            node["title"] = "".join(title)
            node["sources"] = row["n"] if row else 0
            if row and "d0" in row:
                node.update(d0=row["d0"], d1=row["d1"])
                if row.get("inf"):
                    node["inf"] = 1
        else:
            node["label"] = _clip(r.label(n), 40)
            node["names"] = r.names(n)
            node["title"] = r.entity_title(n)
        nodes.append(node)

    # edges
    edges = []
    items = sorted(((k, v) for k, v in links.items() if k[0] in keep and k[1] in keep),
                   key=lambda kv: (_node_id(kv[0][0]), _node_id(kv[0][1]), kv[0][2]))
    for (u, v, rel), cs in items:
        cs = [c for c in cs if c in kept_claims]
        if not cs and rel == "said":
            continue
        colour, dashed = EDGES[rel]
        edge = {"id": f"e{len(edges)}", "from": _node_id(u), "to": _node_id(v), "rel": rel,
                "color": colour, "dashes": dashed, "arrows": "to"}
        if rel == "said":
            kinds = sorted({rows.rows[index[_node_id(c)]]["what"] for c in cs})
            edge["label"] = kinds[0] if len(cs) == 1 else f"{len(cs)} {word['claims']}"
            edge["cl"] = sorted(index[_node_id(c)] for c in cs)
            edge["width"] = round(1 + math.log2(len(cs)), 2)
        edges.append(edge)
    for (u, v, rel), roles in sorted(members.items(), key=lambda kv: (_node_id(kv[0][0]), _node_id(kv[0][1]))):
        if u in keep and v in keep:
            colour, dashed = EDGES[rel]
            edges.append({"id": f"e{len(edges)}", "from": _node_id(u), "to": _node_id(v), "rel": rel,
                          "color": colour, "dashes": dashed, "arrows": "to",
                          "title": _e("; ".join(sorted(set(roles))))})

    drawn = len(nodes)
    n_claims = len(rows.rows)
    heading = f"{drawn} actors, places and events, {n_claims} claims"
    if focus is not None:
        heading += f" around “{_e(focus)}” (depth {depth})"
    if window is not None:
        heading += f" · claims dated {_e(window[0])} to {_e(window[1])}" + (" (stated dates)" if stated_only else "")
    notes = []
    if within > drawn:
        notes.append(f"{within - drawn} of {within} actors, places and events left out: the page holds the "
                     f"{drawn} most central (max_nodes={max_nodes}).")
    left = len(claims) - n_claims
    if left > 0:
        why = f" (max_claims={max_claims})" if n_claims == max_claims else ""
        notes.append(f"{left} of {len(claims)} claims left out: those not linked to what is shown{why}.")
    if total == 0 and not every:
        notes.append("The graph has no entities or claims to draw.")
    elif not claims and window is not None:
        notes.append(f"No claim is dated from {window[0]} to {window[1]}.")
    articles = sorted(rows.articles, key=lambda a: rows.articles[a])
    art_rows = []
    for a in articles:
        outlets = sorted(r.label(o) for o in graph.objects(a, SCHEMA.publisher) if not isinstance(o, Literal))
        published = sorted(map(str, graph.objects(a, SCHEMA.datePublished)))
        art_rows.append([r.article_id(a), outlets[0] if outlets else "", published[0] if published else ""])
    data = {"nodes": nodes, "edges": edges, "claims": rows.rows, "articles": art_rows,
            "sentences": list(rows.sentences), "reversals": reversals, "first": FIRST_VIEW,
            "words": {"reversal": word["reversal"]},
            "types": {code: [r.type_word(code), TYPE_COLOURS[code]] for code in sorted({row["c"] for row in rows.rows})},
            "options": _options(min(drawn, FIRST_VIEW))}
    page = _page(data, heading=heading, note=" ".join(_e(n) for n in notes), lang=lang)
    write_atomic(Path(path), page)
    return drawn


# -- the page ------------------------------------------------------------------------------

_SHAPES = {
    "dot": "<circle cx='7' cy='7' r='6'/>",
    "square": "<rect x='1.5' y='1.5' width='11' height='11'/>",
    "hexagon": "<polygon points='7,1 12.2,4 12.2,10 7,13 1.8,10 1.8,4'/>",
    "triangle": "<polygon points='7,1 13,12.5 1,12.5'/>",
    "triangleDown": "<polygon points='1,1.5 13,1.5 7,13'/>",
    "diamond": "<polygon points='7,0.5 13.5,7 7,13.5 0.5,7'/>",
    "star": "<polygon points='7,0.5 8.8,5 13.5,5.2 9.8,8.2 11,13 7,10.3 3,13 4.2,8.2 0.5,5.2 5.2,5'/>",
}


def _legend(counts: dict[str, int]) -> str:
    """The key to shapes, colours and edges, whose kinds are the type filter's checkboxes;
    "other" only when such nodes are drawn."""
    rows = []
    for kind, (name, colour, shape) in KINDS.items():
        if kind in ("other", "outlet") and not counts.get(kind):
            continue
        n = counts.get(kind, 0)
        rows.append(f"<label class='kg-row{'' if n else ' kg-none'}'><input type='checkbox' data-kind='{kind}' "
                    f"checked><svg width='14' height='14' viewBox='0 0 14 14' fill='{colour}' stroke='#333' "
                    f"stroke-width='0.6'>{_SHAPES[shape]}</svg>{_e(name)} <span class='kg-n'>{n}</span></label>")
    links = []
    for rel, (colour, dashed) in EDGES.items():
        dash = " stroke-dasharray='4 3'" if dashed else ""
        links.append(f"<span class='kg-row'><svg width='22' height='14' viewBox='0 0 22 14'><line x1='1' "
                     f"y1='7' x2='21' y2='7' stroke='{colour}' stroke-width='2'{dash}/></svg>{_e(rel)}</span>")
    return ("<div id='kg-legend' aria-label='legend and type filter'><div class='kg-kinds'>" + "".join(rows)
            + "</div><div class='kg-edges'>" + "".join(links) + "</div></div>")


def _side(counts: dict[str, int], dates: tuple[str, str] | None, n_nodes: int, first: int) -> str:
    """The left panel: search, filters and the details of the selected node or claim."""
    if dates:
        lo, hi = dates
        attrs = f" min='{lo}' max='{hi}'"
        hint = (f"Claims dated {lo} to {hi}. A date inside the range hides the claims outside it and "
                "the undated; a claim dated only by month or year stays while all of it is inside.")
    else:
        attrs, hint = " disabled", "No claim here has a date."
    tops = [n for n in (first, 100, 250) if n < n_nodes]
    top = "".join(f"<option value='{n}'>the {n} most central</option>" for n in tops)
    return f"""<aside id="kg-side">
<section class="kg-box"><div class="kg-search"><input id="kg-search" type="search" list="kg-names" autocomplete="off"
 placeholder="Find a name, or words of a claim" aria-label="find a node by name; filter the claims by words"><button id="kg-find" type="button">Find</button></div>
<datalist id="kg-names"></datalist><div id="kg-found" role="status"></div></section>
<section class="kg-box" id="kg-filters" aria-label="filters">
{_legend(counts)}
<div class="kg-dates" title="{_e(hint)}"><label>from <input type="date" id="kg-since"{attrs}></label>
<label>to <input type="date" id="kg-until"{attrs}></label></div>
<label class="kg-row" title="Leave out dates taken from the sentence before or from the publication date (shown with ~)"><input type="checkbox" id="kg-stated"> stated dates only</label>
<select id="kg-article" aria-label="only what comes from one article"><option value="">All articles</option></select>
<div class="kg-shown"><select id="kg-top" aria-label="how many actors and events to draw">{top}<option value="all">all {n_nodes}</option></select>
<span id="kg-shown"></span><button id="kg-reset" type="button">Reset</button></div>
</section>
<section id="kg-panel" aria-label="details" aria-live="polite"><div id="kg-detail"></div></section>
</aside>"""


def _js(obj) -> str:
    """JSON that is safe inside a <script> element."""
    s = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        s = s.replace(ch, esc)
    return s


LAYOUT_BUDGET = 120_000  # nodes × steps of the layout before the first picture


def _options(n_nodes: int) -> dict:
    # the physics lays the first view out once, for a bounded number of steps, then stops
    iterations = max(40, min(600, LAYOUT_BUDGET // max(n_nodes, 1)))
    return {
        "autoResize": True,
        "layout": {"randomSeed": SEED, "improvedLayout": n_nodes <= 100},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -220, "centralGravity": 0.025,
                                         "springLength": 150, "springConstant": 0.04, "avoidOverlap": 1},
                    "minVelocity": 1, "stabilization": {"enabled": True, "iterations": iterations,
                                                        "updateInterval": 50, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "keyboard": False, "multiselect": False},
        # a label is drawn only where it is legible: 11 px on screen or more
        "nodes": {"borderWidth": 1,
                  "scaling": {"min": 8, "max": 34,
                              "label": {"enabled": True, "min": 20, "max": 32, "drawThreshold": 12, "maxVisible": 32}},
                  "font": {"size": 20, "face": "DejaVu Sans, Arial, sans-serif", "color": "#222222",
                           "strokeWidth": 4, "strokeColor": "#ffffff"}},
        "edges": {"width": 1.2, "smooth": {"enabled": True, "type": "continuous", "roundness": 0.4},
                  "scaling": {"label": {"drawThreshold": 12}},
                  "font": {"size": 13, "align": "middle", "color": "#3c6e6a", "strokeWidth": 3},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
    }


def _page(data: dict, *, heading: str, note: str, lang: str) -> bytes:
    js, css = _vis_files()
    tl_js, tl_css = _timeline_files()
    counts: dict[str, int] = {}
    for n in data["nodes"]:
        counts[n["kind"]] = counts.get(n["kind"], 0) + 1
    counts["statement"] = sum(1 for c in data["claims"] if c["s"])
    dated = [c for c in data["claims"] if "d0" in c]
    dates = (min(c["d0"] for c in dated), max(c["d1"] for c in dated)) if dated else None
    side = _side(counts, dates, len(data["nodes"]), data["first"])
    type_css = "".join(f".vis-item.kg-t-{code.lower()} {{ background: {colour}; border-color: {colour}; color: #fff; }}\n"
                       f".vis-item.vis-point.kg-t-{code.lower()} .vis-dot {{ border-color: {colour}; }}\n"
                       for code, (_, colour) in sorted(data["types"].items()))
    scripts = [tl_js, js, _SCRIPT]
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                      for s in scripts)
    csp = (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
           "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")
    note_html = f"<span id='kg-note' role='status' title='{note}'>{note}</span>" if note else ""
    out = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kabar-kg graph</title>
<style>{css}</style>
<style>{tl_css}</style>
<style>{_CSS}{type_css}</style>
</head>
<body>
<div id="kg-head"><h1>kabar-kg</h1><span class="kg-count">{heading}</span>{note_html}</div>
{side}
<div id="mynetwork"></div>
<section id="kg-claims" aria-label="claims"><div class="kg-table-head"><span id="kg-rows"></span><button id="kg-more" type="button" hidden></button></div>
<div id="kg-table-box"><table id="kg-table"><thead><tr><th data-col="who">Who</th><th data-col="what">What</th><th data-col="ab">About</th><th data-col="d0">Date</th><th data-col="source" title="outlet · article">Source</th><th data-col="sent">Sentence</th></tr></thead><tbody></tbody></table></div></section>
<section id="kg-time" aria-label="timeline"><div id="kg-types"></div><div id="kg-timeline"></div></section>
<script type="application/json" id="kg-data">{_js(data)}</script>
<script>{tl_js}</script>
<script>{js}</script>
<script>{_SCRIPT}</script>
</body>
</html>
"""
    return out.encode("utf-8")


_CSS = """
html, body { margin: 0; height: 100%; font: 14px "DejaVu Sans", Arial, sans-serif; color: #222; overflow: hidden; }
#kg-head { position: absolute; top: 0; left: 0; right: 0; height: 40px; padding: 0 12px;
  display: flex; align-items: center; gap: 16px; border-bottom: 1px solid #ddd; background: #fafafa; }
#kg-head h1 { font-size: 17px; margin: 0; }
#kg-head .kg-count { color: #555; white-space: nowrap; }
#kg-side { position: absolute; top: 41px; left: 0; bottom: 0; width: 250px; box-sizing: border-box;
  border-right: 1px solid #ddd; background: #fafafa; display: flex; flex-direction: column; font-size: 13px; }
#mynetwork { position: absolute; top: 41px; left: 251px; right: 40%; bottom: 211px; background: #ffffff; }
#kg-note { flex: 1; min-width: 0; padding: 3px 8px; background: #fff4d6; border: 1px solid #e0b84c; border-radius: 4px;
  font-size: 12px; max-height: 30px; overflow: hidden; line-height: 14px; }
#kg-claims { position: absolute; top: 41px; right: 0; width: 40%; bottom: 211px; box-sizing: border-box;
  border-left: 1px solid #ddd; display: flex; flex-direction: column; font-size: 12px; }
.kg-table-head { display: flex; justify-content: space-between; align-items: center; padding: 4px 8px;
  background: #fafafa; border-bottom: 1px solid #e4e4e4; min-height: 22px; }
#kg-table-box { flex: 1; overflow: auto; }
#kg-table { border-collapse: collapse; width: 100%; table-layout: fixed; }
#kg-table th { position: sticky; top: 0; background: #eef1f4; text-align: left; padding: 4px 5px; cursor: pointer;
  user-select: none; font-weight: bold; border-bottom: 1px solid #ccd; white-space: nowrap; overflow: hidden; }
#kg-table th.kg-asc::after { content: " \\25B2"; font-size: 9px; }
#kg-table th.kg-desc::after { content: " \\25BC"; font-size: 9px; }
#kg-table th:nth-child(1) { width: 15%; } #kg-table th:nth-child(2) { width: 14%; }
#kg-table th:nth-child(3) { width: 23%; } #kg-table th:nth-child(4) { width: 11%; }
#kg-table th:nth-child(5) { width: 13%; }
#kg-table td:nth-child(2) { overflow-wrap: normal; }
#kg-table td:nth-child(5) { word-break: break-word; font-size: 11px; color: #444; }
#kg-table td { padding: 3px 5px; vertical-align: top; border-bottom: 1px solid #eee; overflow-wrap: anywhere; }
#kg-table tbody tr { cursor: pointer; }
#kg-table tbody tr:hover { background: #f3f7fb; }
#kg-table tbody tr.kg-on { background: #fff1c9; }
#kg-table td.kg-sent { color: #444; font-size: 11px; }
#kg-table td > div { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
#kg-table tr.kg-on td > div { -webkit-line-clamp: unset; }
#kg-table .kg-type { display: inline-block; width: 8px; height: 8px; border-radius: 2px; margin-right: 4px; }
.kg-inf { font-style: italic; color: #8a5a00; }
.kg-rv { color: #b71c1c; font-weight: bold; }
#kg-time { position: absolute; left: 251px; right: 0; bottom: 0; height: 210px; border-top: 1px solid #ddd;
  box-sizing: border-box; display: flex; flex-direction: column; background: #fff; }
#kg-types { font-size: 11px; padding: 2px 8px; display: flex; flex-wrap: wrap; column-gap: 10px; color: #444; }
#kg-types span.kg-sw { display: inline-block; width: 9px; height: 9px; border-radius: 2px; margin-right: 3px; vertical-align: -1px; }
#kg-timeline { flex: 1; min-height: 0; }
#kg-timeline .vis-timeline { border: none; font-size: 11px; }
#kg-timeline .vis-item { font-size: 11px; }
#kg-timeline .vis-item.kg-inferred { font-style: italic; opacity: 0.8; border-style: dashed; }
#kg-timeline .vis-item.kg-reversal { box-shadow: 0 0 0 2px #b71c1c; }
#kg-timeline .vis-item.vis-background.kg-rev { background: rgba(183, 28, 28, 0.10); color: #b71c1c; font-weight: bold; }
.kg-box { padding: 8px 10px; border-bottom: 1px solid #e4e4e4; }
.kg-search { display: flex; gap: 6px; }
.kg-search input { flex: 1; min-width: 0; padding: 4px 6px; font: inherit; }
#kg-found { color: #a33; min-height: 0; }
#kg-found:not(:empty) { margin-top: 4px; }
#kg-legend .kg-kinds { display: grid; grid-template-columns: auto auto; column-gap: 6px; font-size: 12px; }
.kg-row { display: flex; align-items: center; gap: 5px; line-height: 20px; white-space: nowrap; }
.kg-row input { margin: 0; }
#kg-legend .kg-none { color: #999; }
#kg-legend .kg-n { color: #777; font-size: 11px; }
#kg-legend .kg-edges { display: flex; flex-wrap: wrap; column-gap: 10px; font-size: 11px; color: #555; margin-top: 2px; }
.kg-dates { display: grid; grid-template-columns: auto 1fr; gap: 3px 6px; margin: 6px 0 2px 0; align-items: center; }
.kg-dates label { display: contents; }
.kg-dates input { font: inherit; font-size: 12px; }
#kg-article { width: 100%; font: inherit; margin-top: 4px; }
.kg-shown { display: flex; justify-content: space-between; align-items: center; gap: 4px; margin-top: 6px; color: #555; font-size: 12px; }
#kg-top { font: inherit; max-width: 120px; }
#kg-panel { flex: 1; overflow: auto; padding: 8px 10px; background: #fff; }
#kg-panel .kg-muted { color: #777; }
.kg-info .kg-label { display: block; font-size: 15px; margin-bottom: 2px; overflow-wrap: anywhere; }
.kg-info .kg-kind { color: #666; margin-bottom: 6px; }
.kg-info > div { margin: 3px 0; overflow-wrap: anywhere; }
.kg-info ul, .kg-links { margin: 4px 0 0 0; padding-left: 0; list-style: none; }
.kg-info li { margin: 0 0 6px 0; padding: 5px 7px; background: #f4f6f8; border-left: 3px solid #76b7b2; }
.kg-info .kg-art { display: block; color: #333; margin-bottom: 3px; font-weight: bold; }
.kg-info .kg-sent { color: #222; line-height: 1.35; }
.kg-linked { margin-top: 10px; font-weight: bold; color: #444; }
.kg-links button { border: none; background: none; padding: 1px 0; font: inherit; color: #1d5fa8;
  text-align: left; cursor: pointer; }
div.vis-tooltip { white-space: normal; max-width: 460px; font: 12px "DejaVu Sans", Arial, sans-serif; padding: 6px 8px; }
.kg-tip .kg-kind { color: #666; }
"""

_SCRIPT = r"""
var network, nodes, edges, timeline, kg = {};
(function () {
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  // Tooltips of entities come as HTML in which every piece of graph text is already escaped;
  // it is parsed in an inert <template> and handed over as elements. All else is set as text.
  function markup(html, cls) {
    var t = document.createElement("template");
    t.innerHTML = html;
    var d = el("div", cls);
    d.appendChild(t.content);
    return d;
  }
  function esc(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }
  // names compared as the gold scorer does: case, hyphens, apostrophes, dots and spaces folded
  function fold(s) {
    return String(s).normalize("NFKC").toLowerCase().replace(/[-\u2010-\u2015'\u2019._]/g, " ")
      .replace(/\s+/g, " ").trim();
  }
  var data = JSON.parse($("kg-data").textContent);
  var C = data.claims, A = data.articles, S = data.sentences, T = data.types, first = data.first;
  kg.data = data;
  function lines(list, max) {
    var d = el("div", "kg-tip");
    list.slice(0, max).forEach(function (i) { d.appendChild(el("div", null, C[i].line)); });
    if (list.length > max) d.appendChild(el("div", null, "+" + (list.length - max) + " more"));
    return d;
  }
  data.nodes.forEach(function (n) {
    n.titleHtml = n.title; n.title = markup(n.title, "kg-tip");
    n.hidden = n.rank >= first; n.physics = n.rank < first;
  });
  data.edges.forEach(function (e) {
    e.baseColor = e.color;
    if (e.title) e.title = markup(e.title, "kg-tip");
    else if (e.cl) e.title = lines(e.cl, 8);
  });
  nodes = new vis.DataSet(data.nodes);
  edges = new vis.DataSet(data.edges);
  network = new vis.Network($("mynetwork"), {nodes: nodes, edges: edges}, data.options);
  // laid out: stop the physics, and say so (window.kgReady) once that layout is on the canvas
  var settled = false;
  function ready() {
    if (settled) return;
    settled = true;
    network.setOptions({physics: {enabled: false}});
    network.fit({animation: false});
    legible();
    network.fit({animation: false});       // the fit counts labels: once more with their new size
    legible();
    network.once("afterDrawing", function () {
      window.kgReadyMs = Math.round(performance.now());
      window.kgReady = true;
    });
    network.redraw();
  }
  // labels sized for the fitted view: 13 to 20 px on the screen there, whatever the zoom it needs
  function legible() {
    var s = network.getScale();
    if (!(s > 0)) return;
    network.setOptions({nodes: {scaling: {label: {min: 13 / s, max: 20 / s}}}, edges: {font: {size: 12 / s}}});
  }
  network.once("stabilizationIterationsDone", ready);
  network.once("stabilized", ready);
  if (data.nodes.length === 0) ready();

  var near = {};
  data.edges.forEach(function (e) {
    (near[e.from] = near[e.from] || []).push(e.to);
    (near[e.to] = near[e.to] || []).push(e.from);
  });
  function art(i) { var a = A[i]; return a ? a : ["?", "", ""]; }
  // reversals: [denial, confirmation] by one agent
  var rvOf = {};
  data.reversals.forEach(function (p) { rvOf[p[0]] = p; rvOf[p[1]] = p; });
  function reversal(p) {
    return data.words.reversal + ": " + C[p[0]].what + " " + (C[p[0]].date || "?") + " \u2192 " + C[p[1]].what + " " + C[p[1]].date;
  }
  // what the search words are looked for in: the claim's line, sentences, sources, and every
  // name of the nodes it links
  var namesOf = {};
  data.nodes.forEach(function (n) { namesOf[n.id] = (n.names || []).join(" "); });
  var hay = [];
  C.forEach(function (c, i) {
    var bits = [c.line];
    c.a.concat(c.ev, c.t).forEach(function (id) { if (namesOf[id]) bits.push(namesOf[id]); });
    c.src.forEach(function (s) { if (s[1] >= 0) bits.push(S[s[1]]); if (s[0] >= 0) bits.push(art(s[0])[0], art(s[0])[1]); });
    hay[i] = fold(bits.join(" "));
  });

  // -- the filters: kinds, dates (stated only on request), article, words, how many nodes ----
  var boxes = [].slice.call(document.querySelectorAll("#kg-legend input[data-kind]"));
  var st = {}, on = [], onText = [], forced = {};
  function read() {
    st.kinds = {};
    boxes.forEach(function (b) { st.kinds[b.getAttribute("data-kind")] = b.checked; });
    st.since = $("kg-since").value; st.until = $("kg-until").value;
    st.stated = $("kg-stated").checked; st.art = $("kg-article").value;
    st.q = fold($("kg-search").value);
    var top = $("kg-top").value;
    st.top = top === "all" ? Infinity : +top;
  }
  function dateOk(c) {
    if (!st.since && !st.until) return true;
    if (!c.d0 || (st.stated && c.inf)) return false;
    return (!st.since || c.d0 >= st.since) && (!st.until || c.d1 <= st.until);
  }
  function claimOn(i) {
    var c = C[i];
    if (st.kinds[c.s ? "statement" : "event"] === false) return false;
    if (!dateOk(c)) return false;
    if (st.art !== "" && !c.src.some(function (s) { return s[0] === +st.art; })) return false;
    return true;
  }
  function nodeOn(n) {
    if (st.kinds[n.kind] === false) return false;
    if (!(n.rank < st.top || forced[n.id])) return false;
    if (st.art !== "" && n.arts.indexOf(+st.art) < 0) return false;
    // an event stays while a statement shown is about it, dated or not
    if (n.kind === "event" && (st.since || st.until) && !dateOk(n) &&
        !n.cl.some(function (i) { return C[i].s && on[i]; })) return false;
    return true;
  }
  var unfolded = null;
  function filter() {
    read();
    for (var i = 0; i < C.length; i++) { on[i] = claimOn(i); onText[i] = on[i] && (!st.q || hay[i].indexOf(st.q) >= 0); }
    var nu = [], shown = 0, newly = [];
    nodes.forEach(function (n) {
      if (n.unfolded) return;
      var show = nodeOn(n);
      if (show) shown++;
      if (!!n.hidden === show) { nu.push({id: n.id, hidden: !show, physics: show}); if (show) newly.push(n.id); }
    });
    nodes.update(nu);
    var eu = [];
    edges.forEach(function (e) {
      if (!e.cl || e.unfolded) return;
      var show = e.cl.some(function (i) { return on[i]; }) && !(unfolded && unfolded.edges[e.id]);
      if (!!e.hidden === show) eu.push({id: e.id, hidden: !show});
    });
    edges.update(eu);
    $("kg-shown").textContent = shown + " of " + data.nodes.length + " drawn";
    if (newly.length > 8 && settled) relayout();
    table();
    times();
    if (selected !== null && (!nodes.get(selected) || nodes.get(selected).hidden)) pick(null);
  }
  function relayout() {
    network.setOptions({physics: {enabled: true}});
    network.stabilize(Math.max(40, Math.min(300, 60000 / Math.max(1, nodes.length))));
    network.once("stabilized", function () { network.setOptions({physics: {enabled: false}}); network.fit({animation: false}); });
  }

  // -- highlight, details ---------------------------------------------------------------------
  var selected = null, selectedClaim = null;
  function highlight(keep) {
    var nu = [], eu = [];
    nodes.forEach(function (n) {
      var dim = keep !== null && !keep[n.id];
      if (!!n.dim !== dim) nu.push({id: n.id, dim: dim, opacity: dim ? 0.15 : 1, font: {color: dim ? "#dddddd" : "#222222"}});
    });
    edges.forEach(function (e) {
      var dim = keep !== null && !(keep[e.from] && keep[e.to]);
      if (!!e.dim !== dim) eu.push({id: e.id, dim: dim, color: {color: e.baseColor || e.color, opacity: dim ? 0.08 : 1},
                                    font: {color: dim ? "#eeeeee" : "#3c6e6a"}});
    });
    nodes.update(nu);
    edges.update(eu);
  }
  function sourceList(c, box) {
    var ul = box.appendChild(el("ul"));
    c.src.forEach(function (s) {
      var a = art(s[0]), li = ul.appendChild(el("li"));
      li.appendChild(el("span", "kg-art", [a[0], a[1], a[2]].filter(Boolean).join(" · ")));
      if (s[1] >= 0) li.appendChild(el("div", "kg-sent", "\u201c" + S[s[1]] + "\u201d"));
    });
    if (c.n > c.src.length) box.appendChild(el("div", null, "+" + (c.n - c.src.length) + " more sentences"));
  }
  function claimButtons(list, box) {
    var ul = box.appendChild(el("ul", "kg-links"));
    list.forEach(function (i) {
      var b = el("button", null, C[i].line);
      b.type = "button";
      b.addEventListener("click", function () { pickClaim(i); });
      ul.appendChild(el("li")).appendChild(b);
    });
  }
  function show(id) {
    var box = $("kg-detail");
    box.textContent = "";
    if (id === null) {
      box.appendChild(el("p", "kg-muted", "Click a node to see its claims, or a row of the table to see where a claim is in the graph."));
      return;
    }
    var n = nodes.get(id);
    box.appendChild(markup(n.titleHtml, "kg-info"));
    var mine = n.cl.filter(function (i) { return on[i]; });
    if (mine.length) {
      box.appendChild(el("div", "kg-linked", mine.length + " claim" + (mine.length === 1 ? "" : "s") + ":"));
      claimButtons(mine.slice(0, 200), box);
    }
  }
  function showClaim(i) {
    var box = $("kg-detail"), c = C[i];
    box.textContent = "";
    var d = box.appendChild(el("div", "kg-info"));
    d.appendChild(el("b", "kg-label", c.line));
    d.appendChild(el("div", "kg-kind", c.s ? "statement" : "event"));
    if (c.inf) d.appendChild(el("div", "kg-inf", "date inferred from the context or the publication date"));
    if (rvOf[i]) d.appendChild(el("div", "kg-rv", "\u21ba " + reversal(rvOf[i])));
    if (c.n) d.appendChild(el("div", "kg-linked", "from " + c.n + " sentence" + (c.n === 1 ? "" : "s") + ":"));
    sourceList(c, d);
  }

  // -- a click unfolds a node's statements as nodes of their own ------------------------------
  function foldBack() {
    if (!unfolded) return;
    nodes.remove(unfolded.nodes);
    edges.remove(unfolded.added);
    var eu = Object.keys(unfolded.edges).map(function (id) { return {id: id, hidden: false}; });
    unfolded = null;
    edges.update(eu);
  }
  function unfold(id) {
    var n = nodes.get(id);
    var mine = n.cl.filter(function (i) { return C[i].s && on[i]; }).slice(0, 30);
    if (!mine.length) return;
    var at = network.getPosition(id), u = {nodes: [], added: [], edges: {}}, nn = [], ee = [];
    var has = function (x) { var m = nodes.get(x); return m && !m.hidden; };
    mine.forEach(function (i, k) {
      var c = C[i], sid = c.id, angle = 2 * Math.PI * k / mine.length, r = 90 + 6 * mine.length;
      nn.push({id: sid, unfolded: true, claim: i, kind: "statement", cl: [i], arts: [], rank: 0,
               label: c.what + (c.date ? "\n" + c.date : ""), shape: "star", value: 2,
               x: at.x + r * Math.cos(angle), y: at.y + r * Math.sin(angle), physics: false,
               color: {background: "#76b7b2", border: "#333333"}, title: lines([i], 1)});
      u.nodes.push(sid);
      c.a.filter(has).forEach(function (a) { ee.push({id: "u" + ee.length, from: a, to: sid, color: "#3c9a94", unfolded: true, arrows: "to"}); });
      c.ev.concat(c.s ? c.t : []).filter(has).forEach(function (v) {
        if (c.a.indexOf(v) < 0) ee.push({id: "u" + ee.length, from: sid, to: v, color: "#e67e22", dashes: true, unfolded: true, arrows: "to"});
      });
    });
    edges.forEach(function (e) { if (e.cl && (e.from === id || e.to === id)) u.edges[e.id] = true; });
    u.added = ee.map(function (e) { return e.id; });
    unfolded = u;
    edges.update(Object.keys(u.edges).map(function (eid) { return {id: eid, hidden: true}; }));
    nodes.add(nn);
    edges.add(ee);
  }
  function rows(i) {
    [].forEach.call(document.querySelectorAll("#kg-table tr.kg-on"), function (tr) { tr.classList.remove("kg-on"); });
    if (i === null) return;
    var tr = document.querySelector("#kg-table tr[data-i='" + i + "']");
    if (tr) { tr.classList.add("kg-on"); }
  }
  function pick(id, move) {
    foldBack();
    selected = id; selectedClaim = null;
    rows(null);
    if (id === null) { network.unselectAll(); show(null); highlight(null); return; }
    if (String(id).indexOf("claim/") === 0 && nodes.get(id) && nodes.get(id).unfolded) return;
    unfold(id);
    network.selectNodes([id]);
    if (move) network.focus(id, {scale: Math.max(network.getScale(), 1), animation: false});
    show(id);
    var keep = {};
    keep[id] = true;
    (near[id] || []).forEach(function (m) { keep[m] = true; });
    if (unfolded) unfolded.nodes.forEach(function (m) {
      keep[m] = true;
      var c = C[nodes.get(m).claim];
      c.a.concat(c.ev, c.t).forEach(function (x) { keep[x] = true; });
    });
    highlight(keep);
  }
  function claimNodes(i) {
    var c = C[i], seen = {}, out = [];
    c.a.concat(c.ev, c.t).forEach(function (id) { if (!seen[id] && nodes.get(id)) { seen[id] = true; out.push(id); } });
    return out;
  }
  function pickClaim(i, fromTimeline) {
    foldBack();
    var ids = claimNodes(i), more = false;
    ids.forEach(function (id) { if (!forced[id]) { forced[id] = true; more = true; } });
    selected = null; selectedClaim = i;
    if (more) filter();
    var keep = {};
    ids.forEach(function (id) { keep[id] = true; });
    network.selectNodes(ids.filter(function (id) { return !nodes.get(id).hidden; }));
    highlight(ids.length ? keep : null);
    var seen = ids.filter(function (id) { return !nodes.get(id).hidden; });
    if (seen.length) {
      network.fit({nodes: seen, animation: false});
      if (network.getScale() > 1.3) network.moveTo({scale: 1.3, animation: false});
    }
    showClaim(i);
    rows(i);
    if (!fromTimeline && timeline && C[i].d0 && timeline.itemsData.get(i)) {
      timeline.setSelection([i]);
      timeline.focus(i, {animation: false});
    }
  }
  kg.pickClaim = pickClaim;
  network.on("click", function (p) { pick(p.nodes.length ? p.nodes[0] : null, false); });

  // -- the table ------------------------------------------------------------------------------
  var sortCol = "d0", sortDir = 1, limit = 300, list = [];
  function cell(i, col) {
    var c = C[i], s = c.src[0];
    if (col === "source") return s && s[0] >= 0 ? [art(s[0])[1], art(s[0])[0]].filter(Boolean).join(" \u00b7 ") : "";
    if (col === "sent") return s && s[1] >= 0 ? S[s[1]] : "";
    if (col === "d0") return c.d0 || "";
    return c[col] || "";
  }
  function table() {
    list = [];
    for (var i = 0; i < C.length; i++) if (onText[i]) list.push(i);
    list.sort(function (x, y) {
      var a = cell(x, sortCol), b = cell(y, sortCol);
      if (a === b) return x - y;
      if (a === "") return 1;
      if (b === "") return -1;
      return (a < b ? -1 : 1) * sortDir;
    });
    var body = document.querySelector("#kg-table tbody"), frag = document.createDocumentFragment();
    list.slice(0, limit).forEach(function (i) {
      var c = C[i], tr = el("tr");
      tr.setAttribute("data-i", i);
      function td(cls, text) { var d = tr.appendChild(el("td", cls)); return d.appendChild(el("div", null, text)); }
      td(null, c.who);
      var what = td(null, null);
      var sw = what.appendChild(el("span", "kg-type"));
      sw.style.background = (T[c.c] || ["", "#999"])[1];
      what.appendChild(document.createTextNode(c.what));
      if (rvOf[i]) { var rv = what.appendChild(el("span", "kg-rv", " \u21ba")); rv.title = reversal(rvOf[i]); }
      td(null, c.ab);
      var d = td(c.inf ? "kg-inf" : null, c.date);
      if (c.inf) d.title = "inferred from the context or the publication date";
      td(null, cell(i, "source") + (c.n > 1 ? " (+" + (c.n - 1) + ")" : ""));
      td("kg-sent", cell(i, "sent"));
      frag.appendChild(tr);
    });
    body.textContent = "";
    body.appendChild(frag);
    $("kg-rows").textContent = (list.length === C.length ? C.length + " claims" : list.length + " of " + C.length + " claims")
      + (list.length > limit ? ", the first " + limit + " listed" : "");
    var more = $("kg-more");
    more.hidden = list.length <= limit;
    more.textContent = "List all " + list.length;
    if (selectedClaim !== null) rows(selectedClaim);
  }
  $("kg-more").addEventListener("click", function () { limit = Infinity; table(); });
  [].forEach.call(document.querySelectorAll("#kg-table th"), function (th) {
    th.addEventListener("click", function () {
      var col = th.getAttribute("data-col");
      sortDir = col === sortCol ? -sortDir : 1;
      sortCol = col;
      [].forEach.call(document.querySelectorAll("#kg-table th"), function (h) { h.className = ""; });
      th.className = sortDir > 0 ? "kg-asc" : "kg-desc";
      table();
    });
  });
  document.querySelector("#kg-table th[data-col='d0']").className = "kg-asc";
  document.querySelector("#kg-table tbody").addEventListener("click", function (ev) {
    var tr = ev.target.closest("tr");
    if (tr) pickClaim(+tr.getAttribute("data-i"));
  });

  // -- the timeline ---------------------------------------------------------------------------
  var typeKey = $("kg-types");
  Object.keys(T).sort().forEach(function (code) {
    var s = typeKey.appendChild(el("span"));
    s.appendChild(el("span", "kg-sw")).style.background = T[code][1];
    s.appendChild(document.createTextNode(T[code][0]));
  });
  typeKey.appendChild(el("span", "kg-rv", "\u21ba " + data.words.reversal));
  function items() {
    var out = [];
    for (var i = 0; i < C.length; i++) {
      var c = C[i];
      if (!onText[i] || !c.d0 || (st.stated && c.inf)) continue;
      var cls = "kg-t-" + c.c.toLowerCase() + (c.inf ? " kg-inferred" : "") + (rvOf[i] ? " kg-reversal" : "");
      var item = {id: i, start: c.d0, className: cls, title: esc(c.line),
                  content: (rvOf[i] ? "\u21ba " : "") + esc(c.who ? c.who + " \u00b7 " + c.what : c.what)};
      if (c.d1 !== c.d0) { item.end = c.d1 + "T23:59:59"; item.type = "range"; }
      out.push(item);
    }
    data.reversals.forEach(function (p, k) {
      var a = C[p[0]], b = C[p[1]];
      if (!onText[p[0]] || !onText[p[1]] || !b.d0 || (st.stated && b.inf)) return;
      var from = a.d0 && !(st.stated && a.inf) ? a.d0 : b.d0;
      out.push({id: "rv" + k + ":" + from, type: "background", className: "kg-rev", start: from,
                end: b.d1 + "T23:59:59", content: esc("\u21ba " + b.who), title: esc(b.who + ": " + a.what + " \u2192 " + b.what)});
    });
    return out;
  }
  // the timeline takes items away quickly but adds many slowly: a large change draws it anew
  function make(it, win) {
    var opts = {height: "100%", stack: true, showCurrentTime: false, selectable: true, zoomMin: 86400000 * 3,
                margin: {item: {horizontal: 2, vertical: 3}}, orientation: "top", tooltip: {followMouse: true},
                cluster: {maxItems: 3, titleTemplate: "{count} claims", showStipes: false, fitOnDoubleClick: true}};
    if (win) { opts.start = win.start; opts.end = win.end; }
    timeline = new vis.Timeline($("kg-timeline"), it, opts);
    timeline.on("select", function (p) {
      var i = p.items[0];
      if (typeof i === "number") pickClaim(i, true);
    });
  }
  function times() {
    var it = items();
    if (!timeline) return make(it, null);
    var want = {}, has = {}, gone = [], add = [];
    it.forEach(function (x) { want[x.id] = true; });
    timeline.itemsData.getIds().forEach(function (id) { has[id] = true; if (!want[id]) gone.push(id); });
    it.forEach(function (x) { if (!has[x.id]) add.push(x); });
    if (add.length > 50) {
      var win = timeline.getWindow();
      timeline.destroy();
      return make(it, win);
    }
    if (gone.length) timeline.itemsData.remove(gone);
    if (add.length) timeline.itemsData.add(add);
  }

  // -- controls -------------------------------------------------------------------------------
  boxes.forEach(function (b) { b.addEventListener("change", filter); });
  ["kg-since", "kg-until", "kg-article", "kg-stated", "kg-top"].forEach(function (id) {
    $(id).addEventListener("change", filter);
  });
  ["kg-since", "kg-until"].forEach(function (id) { $(id).addEventListener("input", filter); });
  var typing = null;
  $("kg-search").addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(filter, 200);
  });
  $("kg-reset").addEventListener("click", function () {
    boxes.forEach(function (b) { b.checked = true; });
    $("kg-since").value = $("kg-until").value = $("kg-article").value = $("kg-search").value = "";
    $("kg-stated").checked = false;
    $("kg-top").selectedIndex = 0;
    forced = {};
    $("kg-found").textContent = "";
    filter();
  });
  var sel = $("kg-article");
  A.map(function (a, i) { return [a, i]; }).sort(function (x, y) { return x[0][0] < y[0][0] ? -1 : x[0][0] > y[0][0] ? 1 : 0; })
    .forEach(function (p) {
      var o = sel.appendChild(el("option", null, p[0].filter(Boolean).join(" \u00b7 ")));
      o.value = String(p[1]);
    });
  sel.options[0].textContent = "All articles (" + A.length + ")";

  // search: a node whose label or alias is, starts with, or holds the words typed; entities
  // before events; one that only the "most central" limit hides is brought in
  function find() {
    var q = fold($("kg-search").value), best = null, rank = 9;
    if (!q) return;
    nodes.forEach(function (n) {
      if (n.unfolded || st.kinds[n.kind] === false) return;
      if (n.hidden && n.rank < st.top) return;          // hidden by a filter, not by the limit
      (n.names || []).forEach(function (s) {
        var t = fold(s), at = t.indexOf(q);
        var r = (t === q ? 0 : at === 0 ? 2 : at > 0 ? 4 : 9) + (n.kind === "event" ? 1 : 0);
        if (r < rank || (r === rank && best && n.rank < best.rank)) { rank = r; best = n; }
      });
    });
    $("kg-found").textContent = best ? "" : "No node shown is called \u201c" + $("kg-search").value + "\u201d.";
    if (!best) return;
    if (best.hidden) { forced[best.id] = true; filter(); }
    if (!nodes.get(best.id).hidden) pick(best.id, true);
  }
  $("kg-find").addEventListener("click", find);
  $("kg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { clearTimeout(typing); filter(); find(); } });
  var seen = {}, names = $("kg-names");
  data.nodes.forEach(function (n) {
    if (n.kind !== "event") (n.names || []).forEach(function (s) {
      if (seen[s]) return;
      seen[s] = true;
      names.appendChild(el("option")).value = s;
    });
  });
  filter();
  show(null);
})();
"""
