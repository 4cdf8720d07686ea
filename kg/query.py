"""SPARQL over the graph: named queries from queries/, any query text or .rq file, and output formats."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.query import Result

QUERIES = Path(__file__).resolve().parent.parent / "queries"


class QueryError(Exception):
    pass


def named() -> dict[str, Path]:
    """Name -> .rq file of the query library."""
    return {p.stem: p for p in sorted(QUERIES.glob("*.rq"))}


def header(path: Path) -> dict[str, str]:
    """The `# key: value` lines at the top of a .rq file."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"#\s*(\w+)\s*:\s*(.*)", line)
        if m:
            out[m.group(1).lower()] = m.group(2).strip()
    return out


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


def run(graph: Graph, q: str, params: dict[str, str] | None = None) -> Result:
    """Run a query; parameters are bound as RDF literals, never pasted into the text."""
    text = resolve(q)
    bindings = {k: Literal(v) for k, v in (params or {}).items()}
    try:
        return graph.query(text, initBindings=bindings)
    except Exception as e:  # rdflib raises pyparsing errors and others
        raise QueryError(f"query failed: {e}") from None


def _cell(v) -> str:
    return "" if v is None else str(v)


def render(result: Result, fmt: str = "table") -> str:
    """A result as an aligned table, csv, SPARQL 1.1 JSON results, or Turtle for CONSTRUCT/DESCRIBE."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="turtle")
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) if fmt == "json" else str(bool(result.askAnswer))
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    names = [str(v) for v in result.vars]
    rows = [[_cell(r[v]) for v in result.vars] for r in result]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        w.writerows(rows)
        return buf.getvalue()
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
