"""An interactive HTML picture of the graph: who did and said what, that works offline.

Entities (people, organisations, countries, places, outlets) and claims (statements and events)
are the nodes; a claim points to its agent, target and place, a statement to the event it is
about, and a person to the organisation it belongs to. Articles are not nodes: they are named
in the claims' tooltips, with the sentences the claims come from.

Beside the graph a side panel finds a node by name or alias, filters by kind, by date (claims
dated outside the range are hidden, entities stay) and by article, and shows the details of the
clicked node while its neighbourhood is highlighted. `since`/`until` draw only the claims dated
within a window, and the entities linked to them.

The page is self-contained: vis-network's script and style, as shipped inside the pyvis package,
are inlined, and a Content-Security-Policy forbids every fetch and every script but its own. All
text from the graph is escaped with html.escape before it reaches a tooltip, and the data sits in
the page as JSON with <, > and & written as \\u escapes, so it cannot close the script element.
The same graph always gives the same bytes: nodes and edges are sorted and the layout is seeded.
"""
from __future__ import annotations

import base64
import calendar
import difflib
import hashlib
import html
import json
import math
import re
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.network import Network
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.graph.rdf import write_atomic
from kg.graph.vocab import ENTITY_CLASS, KB, KBR, NIF, ORG, SCHEMA, TYPE_CLASS
from kg.model import SPEECH_ACTS

# kind -> (legend name, colour, vis shape); shapes that scale with `size`
KINDS = {
    "person": ("Person", "#e15759", "dot"),
    "organization": ("Organisation", "#4e79a7", "square"),
    "country": ("Country", "#59a14f", "hexagon"),
    "place": ("Place", "#d4a017", "triangle"),
    "outlet": ("Outlet", "#b07aa1", "triangleDown"),
    "statement": ("Statement", "#76b7b2", "star"),
    "event": ("Event", "#f28e2b", "diamond"),
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
    "place": ("#2e8b57", False),
    "about": ("#e67e22", True),
    "member": ("#4e79a7", True),
}
_ROLES = (("agent", KB.agent), ("target", KB.target), ("place", KB.place))
CLIP = 280            # characters of a sentence or quote shown in a tooltip
MAX_SOURCES = 5       # evidence rows in a claim's tooltip
MAX_ALIASES = 12
SEED = 7


def _vis_files() -> tuple[str, str]:
    """vis-network's script and style as shipped inside pyvis (the newest version there)."""
    root = Path(pyvis.__file__).parent
    for lib in (root / "templates" / "lib", root / "lib"):
        dirs = sorted(lib.glob("vis-*"), key=lambda p: tuple(int(x) for x in p.name[4:].split(".")
                                                            if x.isdigit()))
        for d in reversed(dirs):
            js, css = d / "vis-network.min.js", d / "vis-network.css"
            if js.is_file() and css.is_file():
                return js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")
    raise RuntimeError(f"vis-network is not found inside the pyvis package at {root}")


# -- reading the graph ---------------------------------------------------------------------

def _node_id(n: Node) -> str:
    s = str(n)
    if isinstance(n, BNode):
        return "_:" + s
    return s[len(str(KBR)):] if s.startswith(str(KBR)) else s


def _first(g: Graph, s: Node, p: URIRef) -> str | None:
    values = sorted(str(o) for o in g.objects(s, p))
    return values[0] if values else None


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


class _Reader:
    """The drawable part of an rdflib graph."""

    def __init__(self, g: Graph):
        self.g = g
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
        self.edges: dict[tuple[Node, Node, str], list[str]] = {}
        for c in self.code:
            for rel, p in _ROLES:
                for o in g.objects(c, p):
                    if isinstance(o, Literal):
                        continue
                    self.kind.setdefault(o, "other")      # an entity used but never typed
                    self.edges[(c, o, rel)] = []
            for o in g.objects(c, KB.about):
                if o in self.code:
                    self.edges[(c, o, "about")] = []
        self.roles: dict[Node, list[str]] = {}
        for m in g.subjects(RDF.type, KB.Membership):
            role = _first(g, m, KB.roleLabel) or "member"
            orgs = sorted(o for o in g.objects(m, ORG.organization) if not isinstance(o, Literal))
            for person in g.objects(m, ORG.member):
                if isinstance(person, Literal):
                    continue
                self.kind.setdefault(person, "other")
                for org in orgs:
                    self.kind.setdefault(org, "other")
                    self.edges.setdefault((person, org, "member"), []).append(role)
                self.roles.setdefault(person, []).append(
                    role + (" — " + ", ".join(self.label(o) for o in orgs) if orgs else ""))
        self.claims_of: dict[Node, set[Node]] = {}       # entity -> the claims linked to it
        for (u, v, rel) in self.edges:
            if rel != "member" and rel != "about":
                self.claims_of.setdefault(v, set()).add(u)

    def label(self, n: Node) -> str:
        if n in self.code:
            return self.code[n]
        return _first(self.g, n, RDFS.label) or _tail(n)

    def names(self, n: Node) -> set[str]:
        return {self.label(n), *(str(a) for a in self.g.objects(n, SKOS.altLabel))}

    def span(self, c: Node) -> tuple[str, str] | None:
        """The days a claim's date covers; None when it has none that reads as a date."""
        spans = sorted(filter(None, (_span(str(o)) for o in self.g.objects(c, KB.date))))
        return spans[0] if spans else None

    def claim_articles(self, c: Node) -> set[Node]:
        """The articles a claim comes from; for an event, also those of the statements about it."""
        g = self.g
        arts = {a for ev in g.objects(c, KB.evidence) for a in g.objects(ev, KB.inArticle)}
        if self.kind.get(c) == "event":
            arts |= {a for s in g.subjects(KB.about, c) for ev in g.objects(s, KB.evidence)
                     for a in g.objects(ev, KB.inArticle)}
        return {a for a in arts if not isinstance(a, Literal)}

    def entity_articles(self, n: Node) -> set[Node]:
        """The articles that mention or publish an entity, or that a claim linked to it comes from."""
        g = self.g
        arts = set(g.subjects(SCHEMA.mentions, n)) | set(g.subjects(SCHEMA.publisher, n))
        return arts | {a for c in sorted(self.claims_of.get(n, ()), key=str) for a in self.claim_articles(c)}

    def article_id(self, art: Node) -> str:
        return _first(self.g, art, KB.articleId) or _tail(art)

    def article_name(self, art: Node) -> str:
        """'id · outlet · date' as the article filter lists it."""
        outlets = sorted(self.label(o) for o in self.g.objects(art, SCHEMA.publisher) if not isinstance(o, Literal))
        date = _first(self.g, art, SCHEMA.datePublished)
        return " · ".join([self.article_id(art), *outlets[:1], *([date] if date else [])])

    def nx_graph(self) -> nx.MultiDiGraph:
        G = nx.MultiDiGraph()
        G.add_nodes_from(self.kind)
        for (u, v, rel) in self.edges:
            G.add_edge(u, v, key=rel)
        return G

    # -- tooltips: every piece of graph text goes through _e -------------------------------

    def entity_title(self, n: Node) -> str:
        g, kind = self.g, self.kind[n]
        out = [f"<b class='kg-label'>{_e(self.label(n))}</b>", f"<div class='kg-kind'>{_e(KINDS[kind][0])}</div>"]
        aliases = sorted(set(map(str, g.objects(n, SKOS.altLabel))) - {self.label(n)}, key=str.casefold)
        if aliases:
            more = f" (+{len(aliases) - MAX_ALIASES} more)" if len(aliases) > MAX_ALIASES else ""
            out.append(f"<div><i>also:</i> {_e(', '.join(aliases[:MAX_ALIASES]))}{_e(more)}</div>")
        same = sorted(_tail(o) for o in g.objects(n, SCHEMA.sameAs))
        if same:
            out.append(f"<div><i>Wikidata:</i> {_e(', '.join(same))}</div>")
        for r in sorted(set(self.roles.get(n, [])))[:MAX_ALIASES]:
            out.append(f"<div><i>role:</i> {_e(r)}</div>")
        mentioned = len(set(g.subjects(SCHEMA.mentions, n)))
        if mentioned:
            out.append(f"<div>mentioned in {mentioned} article{'s' if mentioned != 1 else ''}</div>")
        published = len(set(g.subjects(SCHEMA.publisher, n)))
        if published:
            out.append(f"<div>publisher of {published} article{'s' if published != 1 else ''}</div>")
        return "".join(out)

    def _source(self, ev: Node, via: str | None = None) -> tuple[tuple, str]:
        g = self.g
        art = g.value(ev, KB.inArticle)
        art_id = (_first(g, art, KB.articleId) or _tail(art)) if art is not None else "?"
        outlet = g.value(art, SCHEMA.publisher) if art is not None else None
        begin = _first(g, ev, NIF.beginIndex)
        head = _e(art_id) + (f" · {_e(self.label(outlet))}" if outlet is not None else "")
        if via:
            head += f" <i>(via {_e(via)})</i>"
        row = f"<li><b class='kg-art'>{head}</b>"
        sentence = _first(g, ev, NIF.anchorOf)
        if sentence:
            row += f"<div class='kg-sent'>“{_e(_clip(sentence))}”</div>"
        for q in sorted(set(map(str, g.objects(ev, KB.quote)))):
            row += f"<div><i>quote:</i> “{_e(_clip(q))}”</div>"
        key = (art_id, int(begin) if begin and begin.isdigit() else 0, str(ev))
        return key, row + "</li>"

    def claim_title(self, c: Node) -> str:
        g, code, kind = self.g, self.code[c], self.kind[c]
        negated = any(o.toPython() is True for o in g.objects(c, KB.negated) if isinstance(o, Literal))
        out = [f"<b class='kg-label'>{_e(code)}</b> <span class='kg-kind'>{_e(KINDS[kind][0].lower())}"
               f"{' · negated' if negated else ''}</span>"]
        for rel, p in _ROLES:
            who = sorted(self.label(o) for o in g.objects(c, p))
            if who:
                out.append(f"<div><i>{rel}:</i> {_e(', '.join(who))}</div>")
        for ev in sorted(g.objects(c, KB.about), key=str):
            bits = [self.label(o) for rel, p in _ROLES for o in sorted(g.objects(ev, p), key=str)]
            out.append(f"<div><i>about:</i> {_e(self.label(ev))}"
                       f"{_e(' (' + ', '.join(bits) + ')') if bits else ''}</div>")
        date = _first(g, c, KB.date)
        if date:
            out.append(f"<div><i>date:</i> {_e(date)}</div>")
        qty, lo, hi = (_first(g, c, p) for p in (KB.quantity, KB.quantityMin, KB.quantityMax))
        if qty or lo or hi:
            amount = qty or f"{lo or '?'}–{hi or '?'}"
            out.append(f"<div><i>quantity:</i> {_e(amount)}</div>")
        modality = sorted(set(map(str, g.objects(c, KB.modality))))
        if modality:
            out.append(f"<div><i>modality:</i> {_e(', '.join(modality))}</div>")
        rows = [self._source(ev) for ev in g.objects(c, KB.evidence)]
        if not rows:      # an event known only from the statements about it
            for s in g.subjects(KB.about, c):
                rows += [self._source(ev, self.label(s)) for ev in g.objects(s, KB.evidence)]
        rows.sort()
        seen: set[str] = set()          # two pieces of evidence that read the same are shown once
        rows = [(k, row) for k, row in rows if not (row in seen or seen.add(row))]
        if rows:
            articles = len({k[0] for k, _ in rows})
            out.append(f"<div class='kg-src'>from {articles} article{'s' if articles != 1 else ''}:</div><ul>")
            out += [r for _, r in rows[:MAX_SOURCES]]
            out.append("</ul>")
            if len(rows) > MAX_SOURCES:
                out.append(f"<div>+{len(rows) - MAX_SOURCES} more sentences</div>")
        return "".join(out)

    def node_label(self, n: Node) -> str:
        if n in self.code:
            negated = any(o.toPython() is True for o in self.g.objects(n, KB.negated) if isinstance(o, Literal))
            date = _first(self.g, n, KB.date)
            return ("not " if negated else "") + self.code[n] + (f"\n{date}" if date else "")
        return _clip(self.label(n), 40)


# -- choosing the nodes --------------------------------------------------------------------

def _focus_nodes(r: _Reader, G: nx.MultiDiGraph, focus: str, depth: int,
                 window: tuple[str, str] | None = None) -> tuple[set, set]:
    want = " ".join(focus.split()).casefold()
    named = {n for n in r.entities if want in {" ".join(x.split()).casefold() for x in r.names(n)}}
    seeds = {n for n in named if n in G}
    if not seeds:
        if named and window:
            raise ValueError(f"focus {focus!r}: linked to no claim dated from {window[0]} to {window[1]}")
        names = sorted({x for n in r.entities for x in r.names(n)})
        close = difflib.get_close_matches(focus, names, n=5, cutoff=0.6)
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        raise ValueError(f"focus {focus!r}: no entity in the graph has this label or alias{hint}")
    U = G.to_undirected(as_view=True)
    keep: set = set()
    for s in seeds:
        keep |= set(nx.single_source_shortest_path_length(U, s, cutoff=depth))
    return keep, seeds


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
    """The key to shapes, colours and edges, whose node kinds are the type filter's checkboxes;
    "other" only when such nodes are drawn."""
    rows = []
    for kind, (name, colour, shape) in KINDS.items():
        if kind == "other" and not counts.get(kind):
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


def _side(counts: dict[str, int], articles: list[str], dates: tuple[str, str] | None, drawn: int) -> str:
    """The side panel: search, filters and the details of the selected node."""
    if dates:
        lo, hi = dates
        attrs = f" min='{lo}' max='{hi}'"
        hint = (f"Claims dated {lo} to {hi}. A date inside the range hides the claims outside it and "
                "the undated; a claim dated only by month or year stays while all of it is inside.")
    else:
        attrs, hint = " disabled", "No claim drawn here has a date."
    options = "".join(f"<option value='{i}'>{_e(name)}</option>" for i, name in enumerate(articles))
    return f"""<aside id="kg-side">
<section class="kg-box"><div class="kg-search"><input id="kg-search" type="search" list="kg-names" autocomplete="off"
 placeholder="Find a name or alias" aria-label="find a node by name or alias"><button id="kg-find" type="button">Find</button></div>
<datalist id="kg-names"></datalist><div id="kg-found" role="status"></div></section>
<section class="kg-box" id="kg-filters" aria-label="filters">
{_legend(counts)}
<div class="kg-dates" title="{_e(hint)}"><label>from <input type="date" id="kg-since"{attrs}></label>
<label>to <input type="date" id="kg-until"{attrs}></label></div>
<select id="kg-article" aria-label="only what comes from one article"{'' if articles else ' disabled'}><option value="">All articles ({len(articles)})</option>{options}</select>
<div class="kg-shown"><span id="kg-shown">{drawn} of {drawn} nodes shown</span><button id="kg-reset" type="button">Show all</button></div>
</section>
<section id="kg-panel" aria-label="details" aria-live="polite"><div id="kg-detail"><p class="kg-muted">Click a node, or find one by name, to see what the graph says about it and where that comes from.</p></div></section>
</aside>"""


def _js(obj) -> str:
    """JSON that is safe inside a <script> element."""
    s = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        s = s.replace(ch, esc)
    return s


LARGE = 300              # above this many nodes: straight edges, hidden while dragging or zooming
LAYOUT_BUDGET = 120_000  # nodes × steps of the layout before the first picture: 600 steps up to 200
                         # nodes, 300 at 400, 60 at 2,000 (a few seconds), never fewer than 40


def _options(n_nodes: int) -> dict:
    large = n_nodes > LARGE
    # the physics lays the graph out once, for a bounded number of steps, and is then switched off
    iterations = max(40, min(600, LAYOUT_BUDGET // max(n_nodes, 1)))
    return {
        "autoResize": True,
        "layout": {"randomSeed": SEED, "improvedLayout": n_nodes <= 100},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -70, "centralGravity": 0.012,
                                         "springLength": 110, "springConstant": 0.06, "avoidOverlap": 0.3},
                    "minVelocity": 1, "stabilization": {"enabled": True, "iterations": iterations,
                                                        "updateInterval": 50, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "keyboard": False, "multiselect": False,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large},
        "nodes": {"borderWidth": 1, "font": {"size": 13, "face": "DejaVu Sans, Arial, sans-serif",
                                             "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"width": 1.2,
                  "smooth": {"enabled": not large, "type": "continuous", "roundness": 0.4},
                  "font": {"size": 9, "align": "middle", "color": "#666666", "strokeWidth": 2},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
    }


_CSS = """
html, body { margin: 0; height: 100%; font: 14px "DejaVu Sans", Arial, sans-serif; color: #222; }
#kg-head { position: absolute; top: 0; left: 0; right: 0; height: 40px; padding: 0 12px;
  display: flex; align-items: center; gap: 16px; border-bottom: 1px solid #ddd; background: #fafafa; }
#kg-head h1 { font-size: 17px; margin: 0; }
#kg-head .kg-count { color: #555; }
#kg-note { position: absolute; top: 48px; left: 12px; z-index: 5; max-width: 50%; padding: 6px 10px;
  background: #fff4d6; border: 1px solid #e0b84c; border-radius: 4px; }
#mynetwork { position: absolute; top: 41px; left: 0; right: 361px; bottom: 0; background: #ffffff; }
#kg-side { position: absolute; top: 41px; right: 0; bottom: 0; width: 360px; box-sizing: border-box;
  border-left: 1px solid #ddd; background: #fafafa; display: flex; flex-direction: column; font-size: 13px; }
.kg-box { padding: 8px 12px; border-bottom: 1px solid #e4e4e4; }
.kg-search { display: flex; gap: 6px; }
.kg-search input { flex: 1; min-width: 0; padding: 4px 6px; font: inherit; }
#kg-found { color: #a33; min-height: 0; }
#kg-found:not(:empty) { margin-top: 4px; }
#kg-legend .kg-kinds { display: grid; grid-template-columns: 1fr 1fr; column-gap: 8px; }
#kg-legend .kg-row { display: flex; align-items: center; gap: 5px; line-height: 20px; white-space: nowrap; }
#kg-legend .kg-row input { margin: 0; }
#kg-legend .kg-none { color: #999; }
#kg-legend .kg-n { color: #777; font-size: 11px; }
#kg-legend .kg-edges { display: flex; flex-wrap: wrap; column-gap: 10px; font-size: 11px; color: #555; margin-top: 2px; }
.kg-dates { display: flex; gap: 8px; margin: 6px 0; }
.kg-dates label { display: flex; align-items: center; gap: 4px; }
.kg-dates input { font: inherit; font-size: 12px; width: 128px; }
#kg-article { width: 100%; font: inherit; }
.kg-shown { display: flex; justify-content: space-between; align-items: center; margin-top: 6px; color: #555; }
#kg-panel { flex: 1; overflow: auto; padding: 10px 12px; background: #fff; }
#kg-panel .kg-muted { color: #777; }
.kg-info .kg-label { display: block; font-size: 17px; margin-bottom: 2px; overflow-wrap: anywhere; }
.kg-info .kg-kind { color: #666; margin-bottom: 6px; }
.kg-info > div { margin: 3px 0; overflow-wrap: anywhere; }
.kg-info ul, .kg-links { margin: 4px 0 0 0; padding-left: 0; list-style: none; }
.kg-info li { margin: 0 0 8px 0; padding: 6px 8px; background: #f4f6f8; border-left: 3px solid #76b7b2; }
.kg-info .kg-art { display: block; color: #333; margin-bottom: 3px; }
.kg-info .kg-sent { color: #222; line-height: 1.4; }
.kg-info .kg-src, .kg-linked { margin-top: 10px; font-weight: bold; color: #444; }
.kg-links button { border: none; background: none; padding: 1px 0; font: inherit; color: #1d5fa8;
  text-align: left; cursor: pointer; }
.kg-links button:disabled { color: #999; cursor: default; }
div.vis-tooltip { white-space: normal; max-width: 460px; font: 12px "DejaVu Sans", Arial, sans-serif;
  padding: 6px 8px; }
.kg-tip ul { margin: 2px 0 0 0; padding-left: 16px; }
.kg-tip .kg-kind { color: #666; }
.kg-tip .kg-sent { color: #333; }
.kg-tip .kg-src { margin-top: 4px; }
"""

_SCRIPT = """
var network, nodes, edges;
(function () {
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  // Tooltips and the details panel come as HTML in which every piece of graph text is already
  // escaped; it is parsed in an inert <template> and handed over as elements.
  function markup(html, cls) {
    var t = document.createElement("template");
    t.innerHTML = html;
    var d = el("div", cls);
    d.appendChild(t.content);
    return d;
  }
  var data = JSON.parse($("kg-data").textContent);
  data.nodes.forEach(function (n) { n.titleHtml = n.title; n.title = markup(n.title, "kg-tip"); });
  data.edges.forEach(function (e) { e.titleHtml = e.title; e.title = markup(e.title, "kg-tip"); });
  nodes = new vis.DataSet(data.nodes);
  edges = new vis.DataSet(data.edges);
  network = new vis.Network($("mynetwork"), {nodes: nodes, edges: edges}, data.options);
  // laid out: stop the physics, and say so (window.kgReady) once that layout is on the canvas
  var settled = false;
  function ready() {
    if (settled) return;
    settled = true;
    network.setOptions({physics: {enabled: false}});
    network.once("afterDrawing", function () {
      window.kgReadyMs = Math.round(performance.now());
      window.kgReady = true;
    });
    network.redraw();
  }
  network.once("stabilizationIterationsDone", ready);
  network.once("stabilized", ready);
  if (data.nodes.length === 0) ready();

  var near = {}, colour = {}, selected = null;
  data.edges.forEach(function (e) {
    colour[e.id] = e.color;
    (near[e.from] = near[e.from] || []).push([e.to, e.label, 1]);
    (near[e.to] = near[e.to] || []).push([e.from, e.label, 0]);
  });
  // a claim by its type and date, an entity by its whole label (the canvas clips it)
  function name(n) { return n.claim ? String(n.label).replace(/\\n/g, " · ") : n.names[0]; }

  // the selected node and its neighbours stand out, the rest fade
  function highlight(id) {
    var keep = {}, nu = [], eu = [];
    if (id !== null) {
      keep[id] = true;
      (near[id] || []).forEach(function (l) { keep[l[0]] = true; });
    }
    nodes.forEach(function (n) {
      var dim = id !== null && !keep[n.id];
      if (!!n.dim !== dim)
        nu.push({id: n.id, dim: dim, opacity: dim ? 0.15 : 1, font: {color: dim ? "#dddddd" : "#343434"}});
    });
    edges.forEach(function (e) {
      var dim = id !== null && e.from !== id && e.to !== id;
      if (!!e.dim !== dim)
        eu.push({id: e.id, dim: dim, color: {color: colour[e.id], inherit: false, opacity: dim ? 0.08 : 1},
                 font: {color: dim ? "#eeeeee" : "#666666"}});
    });
    nodes.update(nu);
    edges.update(eu);
  }

  function show(id) {
    var box = $("kg-detail");
    box.textContent = "";
    if (id === null) {
      box.appendChild(el("p", "kg-muted", "Click a node, or find one by name, to see what the graph says about it and where that comes from."));
      return;
    }
    box.appendChild(markup(nodes.get(id).titleHtml, "kg-info"));
    var links = (near[id] || []).map(function (l) {
      var m = nodes.get(l[0]);
      return [l[2] ? l[1] + ": " + name(m) : name(m) + " (" + l[1] + ")", m];
    }).sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    if (!links.length) return;
    box.appendChild(el("div", "kg-linked", "Linked to " + links.length + ":"));
    var ul = box.appendChild(el("ul", "kg-links"));
    links.forEach(function (l) {
      var b = el("button", null, l[0]);
      b.type = "button";
      b.disabled = !!l[1].hidden;
      b.addEventListener("click", function () { pick(l[1].id, true); });
      ul.appendChild(el("li")).appendChild(b);
    });
  }

  function pick(id, move) {
    selected = id;
    if (id === null) network.unselectAll();
    else {
      network.selectNodes([id]);
      if (move) network.focus(id, {scale: Math.max(network.getScale(), 1), animation: false});
    }
    show(id);
    highlight(id);
  }
  network.on("click", function (p) { pick(p.nodes.length ? p.nodes[0] : null, false); });

  // filters: kind, date range (claims only; undated claims go while a date is set), article
  var boxes = [].slice.call(document.querySelectorAll("#kg-legend input[data-kind]"));
  function filter() {
    var kinds = {}, since = $("kg-since").value, until = $("kg-until").value, art = $("kg-article").value;
    boxes.forEach(function (b) { kinds[b.getAttribute("data-kind")] = b.checked; });
    var changes = [], shown = 0;
    nodes.forEach(function (n) {
      var on = kinds[n.kind] !== false;
      if (on && n.claim && (since || until))
        on = !!n.d0 && (!since || n.d0 >= since) && (!until || n.d1 <= until);
      if (on && art !== "") on = (n.arts || []).indexOf(+art) >= 0;
      if (on) shown++;
      if (!!n.hidden === on) changes.push({id: n.id, hidden: !on});
    });
    nodes.update(changes);
    $("kg-shown").textContent = shown + " of " + nodes.length + " nodes shown";
    if (selected !== null && nodes.get(selected).hidden) pick(null);
    else if (selected !== null) show(selected);
  }
  boxes.forEach(function (b) { b.addEventListener("change", filter); });
  ["kg-since", "kg-until", "kg-article"].forEach(function (id) {
    $(id).addEventListener("change", filter);
    $(id).addEventListener("input", filter);
  });
  $("kg-reset").addEventListener("click", function () {
    boxes.forEach(function (b) { b.checked = true; });
    $("kg-since").value = $("kg-until").value = $("kg-article").value = "";
    filter();
  });

  // search: a shown node whose label or alias is, starts with, or holds the words typed;
  // entities before claims
  function norm(s) { return String(s).toLowerCase().replace(/\\s+/g, " ").trim(); }
  function find() {
    var q = norm($("kg-search").value), best = null, rank = 9;
    if (!q) return;
    nodes.forEach(function (n) {
      if (n.hidden) return;
      (n.names || []).forEach(function (s) {
        var t = norm(s), at = t.indexOf(q);
        var r = (t === q ? 0 : at === 0 ? 2 : at > 0 ? 4 : 9) + (n.claim ? 1 : 0);
        if (r < rank) { rank = r; best = n; }
      });
    });
    $("kg-found").textContent = best ? "" : "No node shown is called \\u201c" + $("kg-search").value + "\\u201d.";
    if (best) pick(best.id, true);
  }
  $("kg-find").addEventListener("click", find);
  $("kg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") find(); });
  var seen = {}, list = $("kg-names");
  data.nodes.forEach(function (n) {
    if (!n.claim) (n.names || []).forEach(function (s) {
      if (seen[s]) return;
      seen[s] = true;
      list.appendChild(el("option")).value = s;
    });
  });
})();
"""


def _page(nodes: list, edges: list, options: dict, *, heading: str, note: str, side: str) -> bytes:
    js, css = _vis_files()
    data = _js({"nodes": nodes, "edges": edges, "options": options})
    scripts = [js, _SCRIPT]
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                      for s in scripts)
    csp = (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
           "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")
    note_html = f"<div id='kg-note' role='status'>{note}</div>" if note else ""
    out = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kabar-kg graph</title>
<style>{css}</style>
<style>{_CSS}</style>
</head>
<body>
<div id="kg-head"><h1>kabar-kg</h1><span class="kg-count">{heading}</span></div>
<div id="mynetwork"></div>
{note_html}
{side}
<script type="application/json" id="kg-data">{data}</script>
<script>{js}</script>
<script>{_SCRIPT}</script>
</body>
</html>
"""
    return out.encode("utf-8")


def write_html(graph: Graph, path: Path, *, focus: str | None = None, depth: int = 2,
               max_nodes: int = 400, since: str | None = None, until: str | None = None) -> int:
    """Write the interactive page of `graph` to `path` and return the number of nodes drawn.

    since/until (YYYY, YYYY-MM or YYYY-MM-DD, either may be left out): only the claims whose date
    lies within the window, and the entities linked to them; undated claims are left out.
    focus: only the nodes within `depth` hops of the entities whose label or alias is `focus`
    (case-insensitive); ValueError when none is. Above `max_nodes`, the most connected nodes are
    kept and the page says how many were left out.
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be 1 or more, not {max_nodes}")
    window = _window(since, until)
    r = _Reader(graph)
    G = r.nx_graph()
    total = G.number_of_nodes()
    spans = {c: r.span(c) for c in r.code}
    keep = set(G.nodes)
    if window is not None:
        lo, hi = window
        keep = {c for c, s in spans.items() if s is not None and lo <= s[0] and s[1] <= hi}
        keep |= {v for (u, v, rel) in r.edges if u in keep and v not in r.code}
        G = G.subgraph(keep)
    seeds: set = set()
    if focus is not None:
        keep, seeds = _focus_nodes(r, G, focus, depth, window)
    within = len(keep)
    if within > max_nodes:
        U = nx.Graph(G.to_undirected(as_view=True))
        centrality = nx.degree_centrality(U)
        # ties go to the node whose neighbours are the more central
        reach = {n: sum(centrality[m] for m in U[n]) for n in keep}
        ranked = sorted(keep, key=lambda n: (n not in seeds, -centrality[n], -reach[n], _node_id(n)))
        keep = set(ranked[:max_nodes])
    left_out = within - len(keep)
    H = nx.Graph(G.subgraph(keep).to_undirected(as_view=True))
    degree = dict(H.degree())
    top = max(degree.values(), default=0)

    order = sorted(keep, key=_node_id)
    arts_of = {n: r.claim_articles(n) if n in r.code else r.entity_articles(n) for n in order}
    articles = sorted({a for arts in arts_of.values() for a in arts}, key=lambda a: (r.article_id(a), str(a)))
    art_no = {a: i for i, a in enumerate(articles)}
    net = Network(directed=True, cdn_resources="in_line")
    for n in order:
        kind = r.kind[n]
        _, colour, shape = KINDS[kind]
        title = r.claim_title(n) if n in r.code else r.entity_title(n)
        size = 10 + (22 * math.sqrt(degree[n] / top) if top else 0)
        extra: dict = {"kind": kind, "arts": sorted(art_no[a] for a in arts_of[n])}
        if n in r.code:
            extra.update(claim=True, names=[r.code[n]])
            if spans[n]:
                extra.update(d0=spans[n][0], d1=spans[n][1])
        else:
            extra["names"] = sorted(r.names(n), key=lambda x: (x != r.label(n), x))
        net.add_node(_node_id(n), label=r.node_label(n), title=title, shape=shape,
                     color={"background": colour, "border": "#333333",
                            "highlight": {"background": colour, "border": "#000000"},
                            "hover": {"background": colour, "border": "#000000"}},
                     size=round(size, 1), borderWidth=3 if n in seeds else 1, **extra)
    n_edges = 0
    for (u, v, rel), roles in sorted(r.edges.items(), key=lambda kv: (_node_id(kv[0][0]), _node_id(kv[0][1]), kv[0][2])):
        if u in keep and v in keep:
            colour, dashed = EDGES[rel]
            title = _e(rel) + (": " + _e("; ".join(sorted(set(roles)))) if roles else "")
            net.add_edge(_node_id(u), _node_id(v), id=f"e{n_edges}", label=rel, title=title,
                         color=colour, dashes=dashed, arrows="to")
            n_edges += 1
    nodes, edges, *_ = net.get_network_data()

    drawn = len(nodes)
    heading = f"{drawn} nodes, {n_edges} edges"
    if focus is not None:
        heading += f" around “{_e(focus)}” (depth {depth})"
    if window is not None:
        heading += f" · claims dated {_e(window[0])} to {_e(window[1])}"
    note = ""
    if left_out:
        note = (f"{left_out} of {within} nodes left out: showing the {drawn} most connected "
                f"(max_nodes={max_nodes}).")
    elif total == 0:
        note = "The graph has no entities or claims to draw."
    elif drawn == 0 and window is not None:
        note = f"No claim is dated from {window[0]} to {window[1]}."
    counts: dict[str, int] = {}
    for n in keep:
        counts[r.kind[n]] = counts.get(r.kind[n], 0) + 1
    dated = [spans[n] for n in keep if n in r.code and spans[n]]
    dates = (min(s[0] for s in dated), max(s[1] for s in dated)) if dated else None
    side = _side(counts, [r.article_name(a) for a in articles], dates, drawn)
    page = _page(nodes, edges, _options(drawn), heading=heading, note=_e(note), side=side)
    write_atomic(Path(path), page)
    return drawn
