"""Graph files read back: every format `kg build` writes (Turtle, TriG, N-Quads, JSON-LD, and N-Triples),
by Oxigraph's parsers, as the union of their graphs. The one reader of every command that reads a graph.

The format comes from the file's extension (`FORMATS`); a file with another extension is read as TriG
(which also reads Turtle and N-Triples), or as JSON-LD when it starts with `{` or `[`. A file that is
missing, is not RDF in that format, or holds no triples raises GraphFileError, whose one-line message
names the file and the problem."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
from rdflib import XSD, BNode, Graph, Literal, URIRef

from kg.graph.rdf import new_graph

SUFFIXES = {".ttl": "ttl", ".turtle": "ttl", ".trig": "trig", ".nq": "nquads", ".nquads": "nquads",
            ".nt": "nt", ".jsonld": "jsonld", ".json": "jsonld"}
"""File extension -> the format name of `kg build --format` (and nt)."""
OXIGRAPH = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
            "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
NAMES = {"ttl": "Turtle", "trig": "TriG", "nquads": "N-Quads", "nt": "N-Triples", "jsonld": "JSON-LD"}
DATASETS = frozenset({"trig", "nquads", "jsonld"})
"""The formats that hold named graphs (`kg build` writes one per article)."""


class GraphFileError(Exception):
    """A graph file that cannot be read; the message names the file and the problem."""


def format_of(path: str | Path) -> str:
    """The format of a graph file: from its extension, else TriG (JSON-LD when it starts with { or [)."""
    path = Path(path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt:
        return fmt
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        head = b""
    return "jsonld" if head[:1] in (b"{", b"[") else "trig"


def check_file(path: str | Path) -> Path:
    """The path of an existing graph file; GraphFileError otherwise."""
    path = Path(path)
    if path.is_dir():
        raise GraphFileError(f"{path}: a folder, not a graph file")
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file (run `kg build` first)")
    return path


def unreadable(path: str | Path, fmt: str, e: BaseException) -> GraphFileError:
    """The error for a file the parser refused: its name, the format tried, the parser's words on one line."""
    why = re.sub(r" \((?:[^()]*, )?line \d+\)$", "", " ".join(str(e).split()))[:240] or e.__class__.__name__
    if isinstance(e, UnicodeError):
        why = "not UTF-8 text"
    if Path(path).suffix.lower() in SUFFIXES:
        return GraphFileError(f"{path}: not valid {NAMES[fmt]} ({why})")
    return GraphFileError(f"{path}: not an RDF graph (read as {NAMES[fmt]}, as its extension is none of "
                          f"{' '.join(sorted(SUFFIXES))}: {why})")


def empty(path: str | Path) -> GraphFileError:
    return GraphFileError(f"{path}: holds no triples (an empty graph: build it again with `kg build`)")


def quads(path: str | Path, fmt: str | None = None) -> Iterator[ox.Quad]:
    """The quads of a graph file, as Oxigraph reads them; GraphFileError when the file is missing, is
    not RDF, or holds none (raised when the iteration gets there)."""
    path = check_file(path)
    fmt = fmt or format_of(path)
    n = 0
    try:
        for q in ox.parse(path=str(path), format=OXIGRAPH[fmt]):
            n += 1
            yield q
    except (SyntaxError, ValueError, OSError, UnicodeError) as e:
        raise unreadable(path, fmt, e) from None
    if not n:
        raise empty(path)


def to_rdflib(t):
    """An Oxigraph term as the rdflib term (xsd:string literals as plain literals, as rdflib's parsers make them)."""
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        dt = t.datatype.value
        return Literal(t.value) if dt == str(XSD.string) else Literal(t.value, datatype=URIRef(dt))
    raise GraphFileError(f"unsupported term {t}")


def once(convert):
    """`convert`, run once for each distinct term (a label or an id comes back in many rows); None stays None."""
    seen: dict = {}

    def call(t):
        if t is None:
            return None
        r = seen.get(t)
        if r is None:
            r = seen[t] = convert(t)
        return r
    return call


def read_graph(path: str | Path) -> Graph:
    """The union of the graphs of a graph file, as one rdflib Graph (with kabar-kg's prefixes)."""
    g = new_graph()
    term = once(to_rdflib)
    add = g.add
    for q in quads(path):
        add((term(q.subject), term(q.predicate), term(q.object)))
    return g
