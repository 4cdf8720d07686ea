"""The query library in queries/: its files, their header lines, and the order an answer read whole is given in.

Shared by the query runner (`kg.uses.query`) and the answer tables `kg load` keeps (`kg.uses.answers`)."""
from __future__ import annotations

import re
from pathlib import Path

from rdflib import Literal

QUERIES = Path(__file__).resolve().parents[2] / "queries"


def named() -> dict[str, Path]:
    """Name -> .rq file of the query library."""
    return {p.stem: p for p in sorted(QUERIES.glob("*.rq"))}


def header(path: Path) -> dict[str, str]:
    """The `# key: value` lines at the top of a .rq file; an indented `#   more` line continues the value."""
    out: dict[str, str] = {}
    key = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"# ?(\w+)\s*:\s*(.*)", line)
        if m:
            key = m.group(1).lower()
            out[key] = m.group(2).strip()
        elif key and line[1:].strip():
            out[key] += " " + line[1:].strip()
    return out


def order(path: Path) -> list[tuple[str, bool]]:
    """(column, descending) of the header's `order:` line (`date, -reports, agent`)."""
    return [(c.strip().lstrip("-"), c.strip().startswith("-"))
            for c in header(path).get("order", "").split(",") if c.strip()]


def _value(v) -> tuple:
    """A cell's sort key: unbound first, numbers by value, the rest by their text."""
    if v is None:
        return (0, 0, "")
    if isinstance(v, Literal) and isinstance(v.value, int) and not isinstance(v.value, bool):
        return (1, v.value, "")
    return (2, 0, str(v))


def sort_rows(rows: list, names: list[str], order_by: list[tuple[str, bool]], value=_value) -> None:
    """Sort rows in place by the `order:` columns (descending ones reversed), then by every column, so
    that any engine gives the same order (`value`: a cell's sort key)."""
    keyed = sorted(((tuple(value(v) for v in r), r) for r in rows), key=lambda kr: kr[0])
    for col, desc in reversed(order_by):
        if col in names:
            i = names.index(col)
            keyed.sort(key=lambda kr: kr[0][i], reverse=desc)
    rows[:] = [r for _, r in keyed]
