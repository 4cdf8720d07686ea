"""An interactive HTML picture of the graph: who did and said what, that works offline.

Entities (people, organisations, countries, places, outlets) and claims (statements and events)
are the nodes; a claim points to its agent, target and place, a statement to the event it is
about, and a person to the organisation it belongs to. Articles are not nodes: they are named
in the claims' tooltips, with the sentences the claims come from.

The page is self-contained: vis-network's script and style, as shipped inside the pyvis package,
are inlined, and a Content-Security-Policy forbids every fetch and every script but its own. All
text from the graph is escaped with html.escape before it reaches a tooltip, and the data sits in
the page as JSON with <, > and & written as \\u escapes, so it cannot close the script element.
The same graph always gives the same bytes: nodes and edges are sorted and the layout is seeded.
"""
from __future__ import annotations

import base64
import difflib
import hashlib
import html
import json
import math
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.network import Network
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from .model import SPEECH_ACTS
from .rdf import write_atomic
from .vocab import ENTITY_CLASS, KB, KBR, NIF, ORG, SCHEMA, TYPE_CLASS

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

    def label(self, n: Node) -> str:
        if n in self.code:
            return self.code[n]
        return _first(self.g, n, RDFS.label) or _tail(n)

    def names(self, n: Node) -> set[str]:
        return {self.label(n), *(str(a) for a in self.g.objects(n, SKOS.altLabel))}

    def nx_graph(self) -> nx.MultiDiGraph:
        G = nx.MultiDiGraph()
        G.add_nodes_from(self.kind)
        for (u, v, rel) in self.edges:
            G.add_edge(u, v, key=rel)
        return G

    # -- tooltips: every piece of graph text goes through _e -------------------------------

    def entity_title(self, n: Node) -> str:
        g, kind = self.g, self.kind[n]
        out = [f"<b>{_e(self.label(n))}</b>", f"<div class='kg-kind'>{_e(KINDS[kind][0])}</div>"]
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
        row = f"<li><b>{head}</b>"
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
        out = [f"<b>{_e(code)}</b> <span class='kg-kind'>{_e(KINDS[kind][0].lower())}"
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

def _focus_nodes(r: _Reader, G: nx.MultiDiGraph, focus: str, depth: int) -> tuple[set, set]:
    want = " ".join(focus.split()).casefold()
    seeds = {n for n in r.entities if want in {" ".join(x.split()).casefold() for x in r.names(n)}}
    if not seeds:
        names = sorted({x for n in r.entities for x in r.names(n)})
        close = difflib.get_close_matches(focus, names, n=5, cutoff=0.6)
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        raise ValueError(f"focus {focus!r}: no entity in the graph has this label or alias{hint}")
    U = G.to_undirected(as_view=True)
    keep: set = set()
    for s in seeds:
        keep |= set(nx.single_source_shortest_path_length(U, s, cutoff=depth))
    return keep, seeds


def _legend(kinds: set[str]) -> str:
    """The key to shapes, colours and edges; "other" only when such nodes are drawn."""
    shapes = {
        "dot": "<circle cx='7' cy='7' r='6'/>",
        "square": "<rect x='1.5' y='1.5' width='11' height='11'/>",
        "hexagon": "<polygon points='7,1 12.2,4 12.2,10 7,13 1.8,10 1.8,4'/>",
        "triangle": "<polygon points='7,1 13,12.5 1,12.5'/>",
        "triangleDown": "<polygon points='1,1.5 13,1.5 7,13'/>",
        "diamond": "<polygon points='7,0.5 13.5,7 7,13.5 0.5,7'/>",
        "star": "<polygon points='7,0.5 8.8,5 13.5,5.2 9.8,8.2 11,13 7,10.3 3,13 4.2,8.2 0.5,5.2 5.2,5'/>",
    }
    rows = [f"<div class='kg-row'><svg width='14' height='14' viewBox='0 0 14 14' fill='{colour}' "
            f"stroke='#333' stroke-width='0.6'>{shapes[shape]}</svg>{_e(name)}</div>"
            for kind, (name, colour, shape) in KINDS.items() if kind != "other" or kind in kinds]
    for rel, (colour, dashed) in EDGES.items():
        dash = " stroke-dasharray='4 3'" if dashed else ""
        rows.append(f"<div class='kg-row'><svg width='22' height='14' viewBox='0 0 22 14'><line x1='1' "
                    f"y1='7' x2='21' y2='7' stroke='{colour}' stroke-width='2'{dash}/></svg>{_e(rel)}</div>")
    return "<div id='kg-legend' aria-label='legend'>" + "".join(rows) + "</div>"


def _js(obj) -> str:
    """JSON that is safe inside a <script> element."""
    s = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        s = s.replace(ch, esc)
    return s


def _options(n_nodes: int) -> dict:
    return {
        "autoResize": True,
        "layout": {"randomSeed": SEED, "improvedLayout": n_nodes <= 100},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -70, "centralGravity": 0.012,
                                         "springLength": 110, "springConstant": 0.06, "avoidOverlap": 0.3},
                    "minVelocity": 1, "stabilization": {"enabled": True, "iterations": 600,
                                                        "updateInterval": 50, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "keyboard": False, "multiselect": False},
        "nodes": {"borderWidth": 1, "font": {"size": 13, "face": "DejaVu Sans, Arial, sans-serif",
                                             "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"width": 1.2, "smooth": {"enabled": True, "type": "continuous", "roundness": 0.4},
                  "font": {"size": 9, "align": "middle", "color": "#666666", "strokeWidth": 2},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
    }


_CSS = """
html, body { margin: 0; height: 100%; font: 14px "DejaVu Sans", Arial, sans-serif; color: #222; }
#kg-head { position: absolute; top: 0; left: 0; right: 0; height: 40px; padding: 0 12px;
  display: flex; align-items: center; gap: 16px; border-bottom: 1px solid #ddd; background: #fafafa; }
#kg-head h1 { font-size: 17px; margin: 0; }
#kg-head .kg-count { color: #555; }
#kg-note { position: absolute; top: 48px; left: 12px; z-index: 5; max-width: 60%; padding: 6px 10px;
  background: #fff4d6; border: 1px solid #e0b84c; border-radius: 4px; }
#mynetwork { position: absolute; top: 41px; left: 0; right: 0; bottom: 0; background: #ffffff; }
#kg-legend { position: absolute; top: 48px; right: 12px; z-index: 5; padding: 6px 10px;
  background: rgba(255,255,255,0.92); border: 1px solid #ccc; border-radius: 4px; font-size: 12px; }
#kg-legend .kg-row { display: flex; align-items: center; gap: 6px; line-height: 18px; }
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
  // Tooltips arrive as HTML in which every piece of graph text is already escaped; they are
  // parsed in an inert <template> and handed to vis-network as elements.
  function tip(markup) {
    var t = document.createElement("template");
    t.innerHTML = markup;
    var d = document.createElement("div");
    d.className = "kg-tip";
    d.appendChild(t.content);
    return d;
  }
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  data.nodes.forEach(function (n) { n.titleHtml = n.title; n.title = tip(n.title); });
  data.edges.forEach(function (e) { e.titleHtml = e.title; e.title = tip(e.title); });
  nodes = new vis.DataSet(data.nodes);
  edges = new vis.DataSet(data.edges);
  var container = document.getElementById("mynetwork");
  network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  // laid out: stop the physics, and say so (window.kgReady) once that layout is on the canvas
  var settled = false;
  function ready() {
    if (settled) return;
    settled = true;
    network.setOptions({physics: {enabled: false}});
    network.once("afterDrawing", function () { window.kgReady = true; });
    network.redraw();
  }
  network.once("stabilizationIterationsDone", ready);
  network.once("stabilized", ready);
  if (data.nodes.length === 0) ready();
})();
"""


def _page(nodes: list, edges: list, options: dict, *, heading: str, note: str, kinds: set[str]) -> bytes:
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
{_legend(kinds)}
<script type="application/json" id="kg-data">{data}</script>
<script>{js}</script>
<script>{_SCRIPT}</script>
</body>
</html>
"""
    return out.encode("utf-8")


def write_html(graph: Graph, path: Path, *, focus: str | None = None, depth: int = 2,
               max_nodes: int = 400) -> int:
    """Write the interactive page of `graph` to `path` and return the number of nodes drawn.

    focus: only the nodes within `depth` hops of the entities whose label or alias is `focus`
    (case-insensitive); ValueError when none is. Above `max_nodes`, the most connected nodes are
    kept and the page says how many were left out.
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be 1 or more, not {max_nodes}")
    r = _Reader(graph)
    G = r.nx_graph()
    total = G.number_of_nodes()
    seeds: set = set()
    keep = set(G.nodes)
    if focus is not None:
        keep, seeds = _focus_nodes(r, G, focus, depth)
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

    net = Network(directed=True, cdn_resources="in_line")
    for n in sorted(keep, key=_node_id):
        kind = r.kind[n]
        _, colour, shape = KINDS[kind]
        title = r.claim_title(n) if n in r.code else r.entity_title(n)
        size = 10 + (22 * math.sqrt(degree[n] / top) if top else 0)
        net.add_node(_node_id(n), label=r.node_label(n), title=title, shape=shape,
                     color={"background": colour, "border": "#333333",
                            "highlight": {"background": colour, "border": "#000000"},
                            "hover": {"background": colour, "border": "#000000"}},
                     size=round(size, 1), borderWidth=3 if n in seeds else 1)
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
    note = ""
    if left_out:
        note = (f"{left_out} of {within} nodes left out: showing the {drawn} most connected "
                f"(max_nodes={max_nodes}).")
    elif total == 0:
        note = "The graph has no entities or claims to draw."
    page = _page(nodes, edges, _options(drawn), heading=heading, note=_e(note), kinds={r.kind[n] for n in keep})
    write_atomic(Path(path), page)
    return drawn
