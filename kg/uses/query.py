"""SPARQL over the graph: the query library in queries/, any query text or .rq file, two engines
(rdflib and Oxigraph) giving the same answers, labels in a chosen language, and output formats.

Parameters are bound as RDF terms, never pasted into the query text: rdflib gets them as
`initBindings`, Oxigraph as `substitutions` (SEP-0007). Oxigraph substitutes only variables of the
SELECT projection (of a sub-SELECT in a CONSTRUCT), so the library's queries project their
parameters; those echo columns are left out of the answer. A library parameter of kind `name` is
folded to the entities' kb:nameKey (rdf.name_key), one of kind `code` upper-cased, one of kind `claim`
bound as the claim's IRI, so that each is a constant in a triple pattern: an index lookup.

The library's queries are shaped to cost what their answer costs on a store of any size: a line that
ends with `# only with ?NAME` is left out when the parameter NAME is not given (so an optional
parameter is a lookup when given, and nothing when not); they have no ORDER BY over the whole graph
(which would evaluate every row before the first one): an answer read whole is sorted here, by the
columns of the header's `order:` line; a page (`limit`, `offset`) comes in the store's order."""
from __future__ import annotations

import csv
import functools
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Union

from rdflib import RDFS, XSD, BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.graph.rdf import name_key
from kg.graph.read import once
from kg.uses.library import QUERIES, _value, header, named, order, sort_rows  # noqa: F401  (also the API here)
from kg.graph.vocab import KBR, TYPE_CLASS

if TYPE_CHECKING:
    import pyoxigraph

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "kabar.ttl"
ENGINES = ("rdflib", "oxigraph")
LANGS = ("id", "en")
# Columns that hold a claim or event type code, and columns that hold an entity's label (see localise()).
TYPE_COLUMNS = frozenset({"type", "about"})
LABEL_COLUMNS = frozenset({"agent", "target", "location", "member", "organization", "outlet", "event_agent",
                           "other_agent", "carried_by"})

Source = Union[Graph, "pyoxigraph.Store", "DiskStore"]


class QueryError(Exception):
    pass


@dataclass
class Answer:
    """The answer of either engine: rows of rdflib terms (None when unbound), a graph, or a boolean."""
    type: str                                   # SELECT, ASK, CONSTRUCT or DESCRIBE
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    graph: Graph | None = None
    boolean: bool | None = None
    more: bool = False                          # rows were cut: there are more after this page


_PARAM = re.compile(r"\?(\w+)(?:\s*\(((?:optional|required)(?:,\s*\w+)?)\))?")
KINDS = ("name", "code", "claim")


def parameters(path: Path) -> dict[str, bool]:
    """?name -> required, from the `parameters:` header line (`?x (optional) ...; ?y (required, name) ...`)."""
    return {m.group(1): not (m.group(2) or "").startswith("optional")
            for m in _PARAM.finditer(header(path).get("parameters", ""))}


def kinds(path: Path) -> dict[str, str]:
    """?name -> its kind (name, code, claim; "" for a plain string), from the `parameters:` header line."""
    out = {}
    for m in _PARAM.finditer(header(path).get("parameters", "")):
        kind = (m.group(2) or "").partition(",")[2].strip()
        out[m.group(1)] = kind if kind in KINDS else ""
    return out


def bind(kind: str, value: str) -> Node:
    """The term a parameter value of `kind` is bound to: a name as its name key, a type code upper-cased, a
    claim as its IRI (a bare last segment such as deny-4230d13ab1cb94c6 completed), else the plain string."""
    if kind == "name":
        return Literal(name_key(value))
    if kind == "code":
        return Literal(value.strip().upper())
    if kind == "claim":
        iri = value.strip() if ":" in value else str(KBR[f"claim/{value.strip()}"])
        if re.search(r'[\s<>"{}|^`\\]', iri):
            raise QueryError(f"{value!r}: not a claim IRI nor the last segment of one")
        return URIRef(iri)
    return Literal(value)


_ONLY_WITH = re.compile(r"^.*#\s*only with \?(\w+)\s*$", re.M)


def shape(text: str, given) -> str:
    """The query text without its lines marked `# only with ?NAME` whose parameter is not given."""
    return _ONLY_WITH.sub(lambda m: m.group(0) if m.group(1) in given else "", text)


def resolve(q: str) -> str:
    """Query text from a library name, a .rq path or the text itself."""
    lib = named()
    if q in lib:
        return lib[q].read_text(encoding="utf-8")
    if q.endswith(".rq"):
        p = Path(q)
        if not p.is_file():
            raise QueryError(f"{q}: no such query file")
        return p.read_text(encoding="utf-8")
    if not re.search(r"\b(select|construct|ask|describe)\b", q, re.I):
        raise QueryError(f"{q}: not a query name ({', '.join(lib)}) nor SPARQL text")
    return q


def _check_params(q: str, text: str, params: dict[str, str]) -> set[str]:
    """Refuse unknown or missing parameters; return the echo columns to leave out of the answer."""
    lib = named()
    declared = parameters(lib[q]) if q in lib else {k: False for k in params}
    for k in params:
        if k not in declared or not re.search(rf"[?$]{re.escape(k)}\b", text):
            known = ", ".join(declared) or "none"
            raise QueryError(f"{q if q in lib else 'query'}: no parameter {k!r} (parameters: {known})")
    missing = [k for k, required in declared.items() if required and k not in params]
    if missing:
        raise QueryError(f"{q}: needs " + " ".join(f"--param {k}=VALUE" for k in missing)
                         + f" ({header(lib[q]).get('parameters', '')})")
    return set(declared) if q in lib else set()


def store_of(graph: Graph) -> "pyoxigraph.Store":
    """An in-memory Oxigraph store holding an rdflib graph."""
    import pyoxigraph as ox
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def open_store(path: str | Path) -> "pyoxigraph.Store":
    """An in-memory Oxigraph store holding the union of the graphs of the file at `path` (any format
    `kg build` writes) in its default graph."""
    import pyoxigraph as ox

    from kg.graph.read import quads
    store = ox.Store()
    default = ox.DefaultGraph()
    store.extend(ox.Quad(q.subject, q.predicate, q.object, default) for q in quads(path))
    return store


class DiskStore:
    """The on-disk store `kg load` fills, read-only, with the answer tables `kg load` computed beside it
    (`kg.uses.answers`; None when it has none): `run` reads the library's answers there, and opens the
    Oxigraph store only for what they do not hold."""

    def __init__(self, store: "pyoxigraph.Store | Path", tables):
        self._store, self.tables = store, tables

    @property
    def store(self) -> "pyoxigraph.Store":
        if isinstance(self._store, Path):
            self._store = _read_only(self._store)
        return self._store

    def query(self, *args, **kw):
        return self.store.query(*args, **kw)


def _read_only(path: Path) -> "pyoxigraph.Store":
    import pyoxigraph as ox
    try:
        return ox.Store.read_only(str(path))
    except OSError as e:
        raise QueryError(f"{path}: cannot open the Oxigraph store ({' '.join(str(e).split())[:200]})") from None


def open_disk_store(path: str | Path) -> DiskStore:
    """The on-disk store `kg load` fills, opened read-only (when it has answer tables, at its first query
    that they do not answer)."""
    from kg.uses.answers import Tables
    path = Path(path)
    if not path.is_dir():
        raise QueryError(f"{path}: no store here (run `kg load --store {path}` first)")
    tables = Tables.of(path)
    return DiskStore(path if tables is not None else _read_only(path), tables)


def _from_ox(t) -> Node | None:
    """An Oxigraph term as the rdflib term (xsd:string literals as plain literals)."""
    from kg.graph.read import to_rdflib
    return None if t is None else to_rdflib(t)


def _run_rdflib(g: Graph, text: str, params: dict[str, Node]) -> Answer:
    """The query on rdflib, parameters as initBindings."""
    try:
        res = g.query(text, initBindings={Variable(k): v for k, v in params.items()})
        if res.type == "ASK":
            return Answer("ASK", boolean=bool(res.askAnswer))
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            return Answer(res.type, graph=res.graph)
        names = [str(v) for v in res.vars]
        return Answer("SELECT", names, [tuple(r) for r in res])
    except Exception as e:  # rdflib raises pyparsing errors and others
        if "requiring a dataset" in str(e):
            raise QueryError("query failed: GRAPH patterns need the named graphs of a store, and a graph file is "
                             "read as one graph (the union of its graphs); load it (kg load) and run the query "
                             "with --store DIR, or over kg serve") from None
        raise QueryError(f"query failed: {' '.join(str(e).split())[:300]}") from None


def _run_oxigraph(store: "pyoxigraph.Store", text: str, params: dict[str, Node]) -> Answer:
    """The query on Oxigraph, parameters as substitutions; terms converted to rdflib's."""
    import pyoxigraph as ox
    subs = {ox.Variable(k): ox.NamedNode(str(v)) if isinstance(v, URIRef) else ox.Literal(str(v))
            for k, v in params.items()}
    for k in params:        # Oxigraph substitutes only projected variables and would ignore this one silently
        if not re.search(rf"\bselect\b[^{{]*[?$]{re.escape(k)}\b", text, re.I | re.S):
            raise QueryError(f"query failed: with --engine oxigraph, ?{k} must be a variable of a SELECT clause "
                             "(for CONSTRUCT, of a sub-SELECT)")
    try:
        res = store.query(text, substitutions=subs or None, use_default_graph_as_union=True)
        if isinstance(res, ox.QueryBoolean):
            return Answer("ASK", boolean=bool(res))
        if isinstance(res, ox.QueryTriples):
            g = Graph()
            for t in res:
                g.add((_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)))
            kind = "DESCRIBE" if re.search(r"\bdescribe\b", text, re.I) else "CONSTRUCT"
            return Answer(kind, graph=g)
        names = [v.value for v in res.variables]
        term = once(_from_ox)   # a label or an id comes back in many rows: converted once
        return Answer("SELECT", names, [tuple(term(s[n]) for n in names) for s in res])
    except QueryError:
        raise
    except Exception as e:  # SyntaxError, OSError, RuntimeError
        raise QueryError(f"query failed: {e}") from None


def _form(text: str) -> str:
    """SELECT, CONSTRUCT, ASK or DESCRIBE: the query's form, from its first keyword after the prologue."""
    body = re.sub(r"<[^>\s]*>|#[^\n]*", " ", text)
    m = re.search(r"\b(select|construct|ask|describe)\b", body, re.I)
    return m.group(1).upper() if m else ""


_OWN_PAGE = re.compile(r"\b(limit|offset)\s+\d+\s*(#[^\n]*\s*)*\Z", re.I)


def pageable(q: str) -> bool:
    """Whether `limit` and `offset` can page the query: a SELECT without a LIMIT or OFFSET of its own."""
    text = resolve(q)
    return _form(text) == "SELECT" and not _OWN_PAGE.search(text)


def _page(text: str, limit: int | None, offset: int) -> str:
    """The SELECT query text with LIMIT (one row more than asked, to tell whether rows were cut) and OFFSET."""
    if not limit and not offset:
        return text
    if _form(text) != "SELECT":
        raise QueryError("--limit and --offset page the rows of a SELECT query")
    if _OWN_PAGE.search(text):
        raise QueryError("the query has its own LIMIT or OFFSET; leave out --limit and --offset")
    return text + (f"\nLIMIT {limit + 1}" if limit else "") + (f"\nOFFSET {offset}" if offset else "")


def run(source: Source, q: str, params: dict[str, str] | None = None, *, lang: str | None = None,
        limit: int | None = None, offset: int = 0) -> Answer:
    """Run a named query, a .rq file or SPARQL text on an rdflib Graph or an Oxigraph Store.

    `params` bind ?NAME to a plain literal (to a name key, a type code or a claim IRI for the library's
    parameters of those kinds); `lang` ('id', 'en') turns type codes into their names in that language and
    prefers entity labels tagged with it (see localise()); a type may be given by its name in either language. `limit` and `offset` page the rows of a SELECT
    query (`Answer.more` says whether rows were cut); a library query's answer read whole is sorted by
    the columns of its `order:` header line, a page comes in the order the store gives."""
    text = resolve(q)
    lib = named()
    path = lib.get(q)
    kind = kinds(path) if path is not None else {}
    params = {k: type_code(v) if path is None or kind.get(k) == "code" else v     # the names --lang prints
              for k, v in (params or {}).items()}                                   # are accepted for types
    hidden = _check_params(q, text, params)
    if path is not None:
        text = shape(text, params)
        terms = {k: bind(kind.get(k, ""), v) for k, v in params.items()}
    else:
        terms = {k: Literal(v) for k, v in params.items()}
    table = None
    if path is not None and getattr(source, "tables", None) is not None:
        table = source.tables.answer(q, terms, limit, offset)
    if table is not None:                   # sorted already, page or whole, echo columns left out
        names, rows, more = table
        ans = Answer("SELECT", names, rows, more=more)
        return localise(ans, source, lang) if lang else ans
    text = _page(text, limit, offset)
    ans = _run_rdflib(source, text, terms) if isinstance(source, Graph) else _run_oxigraph(source, text, terms)
    if ans.type == "SELECT" and limit and len(ans.rows) > limit:
        ans.rows, ans.more = ans.rows[:limit], True
    if ans.type == "SELECT" and path is not None and not ans.more and not offset:
        sort_rows(ans.rows, ans.vars, order(path))
    if ans.type == "SELECT" and hidden & set(ans.vars):
        keep = [i for i, v in enumerate(ans.vars) if v not in hidden]
        ans = Answer("SELECT", [ans.vars[i] for i in keep], [tuple(r[i] for i in keep) for r in ans.rows],
                     more=ans.more)
    return localise(ans, source, lang) if lang else ans


@functools.lru_cache(maxsize=None)
def type_names(lang: str) -> dict[str, str]:
    """Type code -> the lower-cased rdfs:label in `lang` of its ontology class ('CONFIRM' -> 'confirmation')."""
    onto = Graph().parse(ONTOLOGY)
    out = {}
    for code, cls in TYPE_CLASS.items():
        for label in onto.objects(cls, RDFS.label):
            if isinstance(label, Literal) and label.language == lang:
                out[code] = str(label).lower()
    return out


_TAGGED = (f"SELECT ?plain ?tagged WHERE {{ ?e <{RDFS.label}> ?plain ; <{RDFS.label}>|<{SKOS.altLabel}> ?tagged . "
           'FILTER (LANG(?plain) = "" && LANG(?tagged) != "") }')


def entity_names(source: Source, lang: str) -> dict[str, str]:
    """Plain entity label -> a label or alternative label of the same entity tagged `lang`, else (for
    English) the English name the lexicon gives (kg/lexicon/english.yaml)."""
    ans = _run_rdflib(source, _TAGGED, {}) if isinstance(source, Graph) else _run_oxigraph(source, _TAGGED, {})
    tagged = {str(p): str(t) for p, t in sorted(ans.rows, key=lambda r: (str(r[0]), str(r[1])))
              if t.language.lower().split("-")[0] == lang.lower()}
    if lang == "en":
        from kg.lexicon import load
        return {**(load("english").get("names") or {}), **tagged}
    return tagged


def type_code(value: str) -> str:
    """A claim or event type's code from its code or its name in any language ("deployment", "pengerahan"
    -> "DEPLOY"); other values as they are."""
    v = value.strip().casefold()
    if v.upper() in TYPE_CLASS:         # a code already: the ontology need not be read
        return value
    for lang in LANGS:
        for code, name in type_names(lang).items():
            if v == name.casefold():
                return code
    return value


def localise(ans: Answer, source: Source, lang: str) -> Answer:
    """Type codes in TYPE_COLUMNS become their ontology names in `lang` (tagged literals); entity labels in
    LABEL_COLUMNS become the entity's label tagged `lang` where the graph has one. Other cells are kept."""
    if ans.type != "SELECT":
        return ans
    types, labels = type_names(lang), entity_names(source, lang)

    def cell(var: str, v: Node | None) -> Node | None:
        if isinstance(v, Literal) and var in TYPE_COLUMNS and str(v) in types:
            return Literal(types[str(v)], lang=lang)
        if isinstance(v, Literal) and var in LABEL_COLUMNS and str(v) in labels:
            return Literal(labels[str(v)], lang=lang)
        return v
    return Answer("SELECT", ans.vars, [tuple(cell(k, v) for k, v in zip(ans.vars, r)) for r in ans.rows],
                  more=ans.more)


def _cell(v: Node | None) -> str:
    return "" if v is None else str(v)


def _json_term(v: Node) -> dict[str, str]:
    if isinstance(v, URIRef):
        return {"type": "uri", "value": str(v)}
    if isinstance(v, BNode):
        return {"type": "bnode", "value": str(v)}
    out = {"type": "literal", "value": str(v)}
    if v.language:
        out["xml:lang"] = v.language
    elif v.datatype is not None and v.datatype != XSD.string:
        out["datatype"] = str(v.datatype)
    return out


def _csv(names: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(names)
    w.writerows(rows)
    return buf.getvalue()


def render(ans: Answer, fmt: str = "table", offset: int = 0) -> str:
    """An answer as an aligned table, csv, SPARQL 1.1 JSON results, or for CONSTRUCT/DESCRIBE Turtle
    (json: JSON-LD, csv: subject,predicate,object rows)."""
    if ans.type in ("CONSTRUCT", "DESCRIBE"):
        from kg.graph.rdf import new_graph
        g = new_graph()
        g += ans.graph
        if fmt == "json":
            return g.serialize(format="json-ld")
        if fmt == "csv":
            return _csv(["subject", "predicate", "object"], sorted([str(t) for t in tr] for tr in g))
        return g.serialize(format="turtle")
    if fmt == "ttl":
        raise QueryError(f"--format ttl is for CONSTRUCT and DESCRIBE queries; this is {ans.type}")
    if ans.type == "ASK":
        return json.dumps({"head": {}, "boolean": ans.boolean}) + "\n" if fmt == "json" else f"{ans.boolean}\n"
    if fmt == "json":       # json.dumps of the whole, written a row at a time with each term encoded once
        term = once(lambda v: json.dumps(_json_term(v), ensure_ascii=False))
        keys = [json.dumps(k, ensure_ascii=False) + ": " for k in ans.vars]
        rows = ("{" + ", ".join(k + term(v) for k, v in zip(keys, r) if v is not None) + "}" for r in ans.rows)
        return (f'{{"head": {json.dumps({"vars": ans.vars}, ensure_ascii=False)}, "results": {{"bindings": ['
                + ", ".join(rows) + "]}}\n")
    rows = [[_cell(v) for v in r] for r in ans.rows]
    if fmt == "csv":
        return _csv(ans.vars, rows)
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(ans.vars)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(ans.vars), line(["-" * w for w in widths])] + [line(r) for r in rows]
    n = f"{len(rows)} row{'s' if len(rows) != 1 else ''}"
    if ans.more:
        n += f" from row {offset + 1}; more with --offset {offset + len(rows)}, all with --limit 0"
    out.append(f"({n})")
    return "\n".join(out) + "\n"
