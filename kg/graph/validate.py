"""Check a kabar-kg graph against its ontology, and reason over it.

    validate(graph, reason=True) -> Report
        SHACL shapes (ontology/shapes.ttl, through pySHACL, no inference needed) and, with
        `reason`, OWL 2 consistency of ontology + data (ontology/kabar.ttl, HermiT through
        owlready2). Every problem is a Finding; the report conforms when no finding is a
        violation.

    infer(graph) -> rdflib.Graph
        The graph plus what the ontology entails about its nodes: every class of every node
        (kb:Claim, kb:SpeechAct, kb:Agent ... which the data never states) and the property
        values HermiT derives (kb:memberOf and kb:onBehalfOf from the property chains, and
        the super-properties of every stated property). Raises InconsistentGraph when the
        graph contradicts the ontology and ReasonerUnavailable when Java cannot be found.

    python -m kg.graph.validate [graph.ttl] [--no-reason]   prints the report; exit 1 unless it conforms.

HermiT needs Java: owlready2.JAVA_EXE if it names a program, else `java` on the PATH, else
$JAVA_HOME/bin/java. Without one, validate() reports a warning that reasoning was skipped.
"""
from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import SH

from kg.graph.vocab import BASE, KB, KBR, NIF, ORG, PROV, SCHEMA

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "kabar.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_IRI = BASE + "ontology"

# Long literals that no axiom reads: left out of what HermiT is given (the SHACL shapes check them).
BULK_TEXT = frozenset({KB.text, NIF.anchorOf, KB.quote})

SEVERITIES = ("violation", "warning", "info")
_SH_SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
_PREFIXES = (("kbr:", str(KBR)), ("kb:", str(KB._NS)), ("nif:", str(NIF)), ("org:", str(ORG)),
             ("schema:", str(SCHEMA)), ("prov:", str(PROV)), ("xsd:", str(XSD)), ("rdfs:", str(RDFS)),
             ("rdf:", str(RDF)), ("owl:", str(OWL)))


class ReasonerUnavailable(RuntimeError):
    """HermiT could not be run (no Java, or Java failed)."""


class InconsistentGraph(ValueError):
    """The graph contradicts the ontology; `findings` says where, as far as it can be told."""

    def __init__(self, message: str, findings: list[Finding]):
        super().__init__(message)
        self.findings = findings


@dataclass(frozen=True)
class Finding:
    severity: str     # 'violation' | 'warning' | 'info'
    source: str       # 'shacl' | 'owl'
    focus: str        # IRI (or blank node id) of the node the finding is about; '' for the whole graph
    message: str

    def __str__(self) -> str:
        return f"{self.severity:<9} {self.source:<5} {curie(self.focus) or '(graph)'}: {self.message}"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    conforms: bool = True
    seconds: dict[str, float] = field(default_factory=dict)   # 'shacl', 'owl': wall time of each check

    def count(self, severity: str | None = None, source: str | None = None) -> int:
        return sum(1 for f in self.findings
                   if (severity is None or f.severity == severity) and (source is None or f.source == source))

    def _counts(self, source: str | None = None) -> str:
        parts = []
        for sev in SEVERITIES:
            n = self.count(sev, source)
            parts.append(f"{n} {sev}" + ("s" if n != 1 and sev != "info" else ""))
        return ", ".join(parts)

    def __str__(self) -> str:
        lines = [f"kabar-kg validation: {'conforms' if self.conforms else 'does not conform'}",
                 f"  {self._counts()}  (SHACL: {self._counts('shacl')}; OWL: {self._counts('owl')})"]
        if self.seconds:
            names = {"shacl": "SHACL", "owl": "HermiT"}
            lines.append("  time: " + ", ".join(f"{names.get(k, k)} {v:.1f} s" for k, v in self.seconds.items()))
        for sev in SEVERITIES:
            group = [f for f in self.findings if f.severity == sev]
            if group:
                lines.append("")
                lines.append(f"{sev.capitalize()}s ({len(group)})" if sev != "info" else f"Info ({len(group)})")
                for f in group:
                    lines.append(f"  [{f.source}] {curie(f.focus) or '(graph)'}")
                    lines.append(f"      {f.message}")
        return "\n".join(lines)


def curie(term) -> str:
    """A short form of an IRI for reports (kbr:claim/..., kb:agent, xsd:date)."""
    s = str(term)
    for p, ns in _PREFIXES:
        if s.startswith(ns):
            return p + s[len(ns):]
    return s


def _show(v) -> str:
    if isinstance(v, Literal):
        text = str(v)
        text = text if len(text) <= 60 else text[:57] + "..."
        dt = f"^^{curie(v.datatype)}" if v.datatype else (f"@{v.language}" if v.language else "")
        return f'"{text}"{dt}'
    return curie(v)


# ---------------------------------------------------------------------------------------------
# Loading


@functools.lru_cache(maxsize=8)
def _parse(path: str, mtime: float) -> Graph:
    return Graph().parse(path, format="turtle")


def ontology_graph(path: str | Path = ONTOLOGY) -> Graph:
    """The ontology as an rdflib Graph (cached; do not modify it)."""
    p = Path(path)
    return _parse(str(p), p.stat().st_mtime)


def shapes_graph(path: str | Path = SHAPES) -> Graph:
    """The SHACL shapes as an rdflib Graph (cached; do not modify it)."""
    p = Path(path)
    return _parse(str(p), p.stat().st_mtime)


def _copy(g: Graph) -> Graph:
    out = Graph()
    for t in g:
        out.add(t)
    return out


def _as_graph(data) -> Graph:
    """A plain Graph of all triples; a Dataset (one named graph per article) is flattened."""
    if isinstance(data, ConjunctiveGraph):
        g = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return data


# ---------------------------------------------------------------------------------------------
# SHACL


def _shacl(data: Graph, onto: Graph, shapes: Graph) -> list[Finding]:
    import pyshacl
    shapes = _copy(shapes)      # pySHACL adds a few triples to the shapes graph; keep the cached one clean
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=onto, inference="none",
                                     abort_on_first=False, allow_warnings=True, allow_infos=True,
                                     advanced=True, meta_shacl=False, debug=False)
    out = set()
    for r in results.objects(None, SH.result):
        sev = _SH_SEVERITY.get(results.value(r, SH.resultSeverity), "violation")
        focus = results.value(r, SH.focusNode)
        path = results.value(r, SH.resultPath)
        value = results.value(r, SH.value)
        msgs = sorted(str(m) for m in results.objects(r, SH.resultMessage))
        msg = msgs[0] if msgs else curie(results.value(r, SH.sourceConstraintComponent) or "constraint failed")
        if isinstance(path, URIRef):
            msg = f"{curie(path)}: {msg}"
        if value is not None and value != focus:
            msg += f" (value: {_show(value)})"
        out.add(Finding(sev, "shacl", str(focus) if focus is not None else "", msg))
    return list(out)


# ---------------------------------------------------------------------------------------------
# OWL: HermiT through owlready2


def find_java() -> str | None:
    """The Java program HermiT will be run with, or None when there is none."""
    try:
        import owlready2
        configured = owlready2.JAVA_EXE
    except ImportError:                      # pragma: no cover - owlready2 is a dependency
        configured = None
    home = os.environ.get("JAVA_HOME")
    for cand in (configured, "java", home and os.path.join(home, "bin", "java")):
        if cand:
            found = shutil.which(cand)
            if found:
                return found
    return None


@dataclass
class _Outcome:
    consistent: bool
    inferred: Graph
    unsatisfiable: list[str]
    seconds: float


# Characters an XML 1.0 document may not hold (the reasoner reads RDF/XML): controls but tab and newlines,
# surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_INT64 = 2 ** 63 - 1


def _for_reasoner(o):
    """A literal as the reasoner can take it: characters XML may not hold left out, a URL percent-encoded
    where it is not a well-formed URI, an integer beyond 64 bits held at the 64-bit bound of its sign (the
    ranges the ontology gives stay decided as before)."""
    if not isinstance(o, Literal):
        return o
    if o.datatype == XSD.anyURI:
        from kg.graph.rdf import uri_text
        return Literal(uri_text(str(o)), datatype=XSD.anyURI)
    if o.datatype in _INTEGER_TYPES and not o.ill_typed:
        n = int(o)
        if abs(n) > _INT64:
            return Literal(_INT64 if n > 0 else -_INT64, datatype=o.datatype)
        return o
    text = str(o)
    if _NOT_XML.search(text):
        return Literal(_NOT_XML.sub("", text), lang=o.language, datatype=o.datatype)
    return o


def _reasoning_input(data: Graph, onto: Graph) -> Graph:
    g = _copy(onto)
    for s, p, o in data:
        if p not in BULK_TEXT:
            g.add((s, p, _for_reasoner(o)))
    return g


def _hermit(data: Graph, onto: Graph) -> _Outcome:
    """Run HermiT over ontology + data. Raises ReasonerUnavailable when it cannot be run."""
    java = find_java()
    if java is None:
        raise ReasonerUnavailable("Java was not found (owlready2.JAVA_EXE, `java` on the PATH, $JAVA_HOME/bin/java)")
    import owlready2
    owlready2.JAVA_EXE = java
    merged = _reasoning_input(data, onto)
    fd, tmp = tempfile.mkstemp(prefix="kabar-kg-", suffix=".nt")
    os.close(fd)
    world = owlready2.World()
    try:
        merged.serialize(tmp, format="nt", encoding="utf-8")
        try:
            world.get_ontology("file://" + tmp).load()
        except Exception as e:      # owlready2 could not read what it was given: say so, never a traceback
            cause = e.__cause__ or e
            raise ReasonerUnavailable(f"the reasoner could not read the graph ({cause.__class__.__name__}: "
                                      f"{' '.join(str(cause).split())[:200]})") from None
        t0 = time.perf_counter()
        consistent = True
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0,
                                               ignore_unsupported_datatypes=True)
            except owlready2.OwlReadyInconsistentOntologyError:
                consistent = False
            except owlready2.OwlReadyJavaError as e:
                raise ReasonerUnavailable(f"HermiT failed: {str(e).strip()[:500]}") from None
        seconds = time.perf_counter() - t0
        inferred = Graph()
        unsat: list[str] = []
        if consistent:
            buf = io.BytesIO()
            world.get_ontology("http://inferrences/").save(buf, format="ntriples")
            inferred.parse(data=buf.getvalue().decode("utf-8"), format="nt")
            unsat = sorted(c.iri for c in world.inconsistent_classes() if hasattr(c, "iri"))
        return _Outcome(consistent, inferred, unsat, seconds)
    finally:
        world.close()
        Path(tmp).unlink(missing_ok=True)


def _owl(data: Graph, onto: Graph) -> tuple[list[Finding], float]:
    try:
        out = _hermit(data, onto)
    except ReasonerUnavailable as e:
        if find_java() is None:
            return [Finding("warning", "owl", "", f"OWL reasoning skipped: {e}")], 0.0
        return [Finding("violation", "owl", "", str(e))], 0.0
    findings = [Finding("violation", "owl", c, f"HermiT: class {curie(c)} is unsatisfiable (it can have no members)")
                for c in out.unsatisfiable]
    if not out.consistent:
        findings += explain_inconsistency(data, onto)
    return findings, out.seconds


# ---------------------------------------------------------------------------------------------
# What the ontology says, read with rdflib (for the closure and for explanations)


def _list(g: Graph, node) -> list:
    return list(Collection(g, node)) if node is not None else []


def _transitive(edges: dict) -> dict:
    out = {}
    for start in list(edges):
        seen, todo = set(), list(edges[start])
        while todo:
            n = todo.pop()
            if n not in seen:
                seen.add(n)
                todo.extend(edges.get(n, ()))
        seen.discard(start)
        out[start] = seen
    return out


def _superclasses(onto: Graph, extra: Graph | None = None) -> dict:
    edges = defaultdict(set)
    for g in (onto, extra) if extra is not None else (onto,):
        for c, d in g.subject_objects(RDFS.subClassOf):
            if isinstance(c, URIRef) and isinstance(d, URIRef):
                edges[c].add(d)
        for c, d in g.subject_objects(OWL.equivalentClass):
            if isinstance(c, URIRef) and isinstance(d, URIRef):
                edges[c].add(d)
                edges[d].add(c)
        for c, lst in g.subject_objects(OWL.disjointUnionOf):
            for m in _list(g, lst):
                edges[m].add(c)
    return _transitive(edges)


def _superproperties(onto: Graph, extra: Graph | None = None) -> dict:
    edges = defaultdict(set)
    for g in (onto, extra) if extra is not None else (onto,):
        for p, q in g.subject_objects(RDFS.subPropertyOf):
            if isinstance(p, URIRef) and isinstance(q, URIRef):
                edges[p].add(q)
    return _transitive(edges)


def _disjoint_pairs(onto: Graph) -> set:
    pairs = set()

    def all_pairs(members):
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pairs.add(frozenset((a, b)))

    for a, b in onto.subject_objects(OWL.disjointWith):
        pairs.add(frozenset((a, b)))
    for n in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        all_pairs(_list(onto, onto.value(n, OWL.members)))
    for _, lst in onto.subject_objects(OWL.disjointUnionOf):
        all_pairs(_list(onto, lst))
    return {p for p in pairs if len(p) == 2}


# ---------------------------------------------------------------------------------------------
# infer


def infer(graph: Graph) -> Graph:
    """The graph plus what HermiT infers from it with the ontology: class memberships and property values.

    HermiT's own output lists the most specific classes of each node and the property values
    it derives by the property chains; the upward closure over the ontology's class and
    property hierarchy (which HermiT has checked) is added here, so that e.g. every kb:Deny is
    also a kb:SpeechAct and a kb:Claim, and every kb:agent value also a kb:onBehalfOf value.
    """
    data = _as_graph(graph)
    onto = ontology_graph()
    out = _hermit(data, onto)
    if not out.consistent:
        findings = explain_inconsistency(data, onto)
        raise InconsistentGraph("the graph is inconsistent with the ontology:\n"
                                + "\n".join(f"  {f.message}" for f in findings), findings)
    schema_terms = set(onto.subjects())
    result = Graph()
    for prefix, ns in graph.namespaces():
        result.bind(prefix, ns)
    for t in data:
        result.add(t)
    for s, p, o in out.inferred:
        if p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty):
            continue
        if s in schema_terms or (p == RDF.type and o in (OWL.Thing, OWL.NamedIndividual)):
            continue
        result.add((s, p, o))
    supers_p = _superproperties(onto, out.inferred)
    for s, p, o in list(result):
        for q in supers_p.get(p, ()):
            result.add((s, q, o))
    supers_c = _superclasses(onto, out.inferred)
    for s, c in list(result.subject_objects(RDF.type)):
        for d in supers_c.get(c, ()):
            if d not in (OWL.Thing, OWL.NamedIndividual):
                result.add((s, RDF.type, d))
    return result


# ---------------------------------------------------------------------------------------------
# Explaining an inconsistency: HermiT says only that there is one. These checks follow the
# ontology's axioms with simple rules to name the nodes at fault.

_INTEGER_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger,
                  XSD.positiveInteger, XSD.nonPositiveInteger, XSD.negativeInteger, XSD.unsignedLong,
                  XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte}


def _literal_fits(lit: Literal, rng, onto: Graph) -> bool | None:
    """Whether a literal is in a data range; None when the range is not one these rules know."""
    if isinstance(rng, BNode):
        options = _list(onto, onto.value(rng, OWL.oneOf))
        if options:
            return lit.datatype in (None, XSD.string) and lit.language is None and str(lit) in set(map(str, options))
        return None
    if rng == XSD.string:
        return lit.datatype in (None, XSD.string) and lit.language is None
    if rng == XSD.boolean:
        return lit.datatype == XSD.boolean and lit.ill_typed is not True
    if rng in (XSD.integer, XSD.nonNegativeInteger):
        if lit.datatype not in _INTEGER_TYPES or lit.ill_typed:
            return False
        return rng == XSD.integer or int(lit) >= 0
    return None


def explain_inconsistency(data: Graph, onto: Graph) -> list[Finding]:
    """Findings naming the likely causes of an inconsistency (one generic finding if none is found)."""
    sup_c = _superclasses(onto)
    sup_p = _superproperties(onto)
    domains, ranges = {}, {}
    for p in set(onto.subjects(RDFS.domain)) | set(onto.subjects(RDFS.range)):
        for q in {p} | sup_p.get(p, set()):
            d, r = onto.value(q, RDFS.domain), onto.value(q, RDFS.range)
            if isinstance(d, URIRef):
                domains.setdefault(p, (d, q))
            if isinstance(r, URIRef) and (r, RDF.type, OWL.Class) in onto:
                ranges.setdefault(p, (r, q))
    reasons: dict = defaultdict(dict)     # node -> class -> why

    def add(node, cls, why):
        for c in [cls, *sorted(sup_c.get(cls, ()))]:
            reasons[node].setdefault(c, why)

    for s, p, o in data:
        if p == RDF.type and isinstance(o, URIRef):
            add(s, o, f"stated {curie(o)}")
        if p in domains:
            add(s, domains[p][0], f"subject of {curie(p)}")
        if p in ranges and not isinstance(o, Literal):
            add(o, ranges[p][0], f"object of {curie(p)}")

    findings = []
    pairs = _disjoint_pairs(onto)
    for node, classes in reasons.items():
        for pair in pairs:
            a, b = sorted(pair)
            if a in classes and b in classes:
                findings.append(Finding("violation", "owl", str(node),
                                        f"HermiT: the graph is inconsistent: {curie(node)} is a {curie(a)} "
                                        f"({classes[a]}) and a {curie(b)} ({classes[b]}), which are disjoint"))

    # functional data properties, with the values the classes fix (owl:hasValue)
    functional = {p for p in onto.subjects(RDF.type, OWL.FunctionalProperty)
                  if (p, RDF.type, OWL.DatatypeProperty) in onto}
    fixed = defaultdict(list)    # class -> [(property, value)]
    for c, r in onto.subject_objects(RDFS.subClassOf):
        if isinstance(r, BNode) and onto.value(r, OWL.hasValue) is not None:
            fixed[c].append((onto.value(r, OWL.onProperty), onto.value(r, OWL.hasValue)))
    values = defaultdict(dict)   # (node, property) -> value -> why
    for s, p, o in data:
        if p in functional and isinstance(o, Literal):
            values[(s, p)].setdefault(str(o), "stated")
    for node, classes in reasons.items():
        for c in classes:
            for p, v in fixed.get(c, ()):
                if p in functional:
                    values[(node, p)].setdefault(str(v), f"fixed by {curie(c)}")
    for (node, p), vals in values.items():
        if len(vals) > 1:
            shown = ", ".join(f'"{v}" ({why})' for v, why in sorted(vals.items()))
            findings.append(Finding("violation", "owl", str(node),
                                    f"HermiT: the graph is inconsistent: {curie(node)} has more than one "
                                    f"{curie(p)}, which is functional: {shown}"))

    # data property ranges
    for s, p, o in data:
        if isinstance(o, Literal) and (p, RDF.type, OWL.DatatypeProperty) in onto:
            rng = onto.value(p, RDFS.range)
            if rng is not None and _literal_fits(o, rng, onto) is False:
                findings.append(Finding("violation", "owl", str(s),
                                        f"HermiT: the graph is inconsistent: {curie(p)} value {_show(o)} "
                                        f"is outside its range"))
    if not findings:
        findings.append(Finding("violation", "owl", "",
                                "HermiT: the graph is inconsistent with the ontology (the cause could not be "
                                "narrowed down to a node)"))
    return sorted(set(findings), key=lambda f: (f.focus, f.message))


# ---------------------------------------------------------------------------------------------
# validate


def validate(graph: Graph, *, reason: bool = True) -> Report:
    """Check `graph` with the SHACL shapes and, when `reason`, for OWL consistency with HermiT."""
    data = _as_graph(graph)
    onto = ontology_graph()
    shapes = shapes_graph()
    report = Report()
    t0 = time.perf_counter()
    findings = _shacl(data, onto, shapes)
    report.seconds["shacl"] = time.perf_counter() - t0
    if reason:
        owl_findings, seconds = _owl(data, onto)
        findings += owl_findings
        report.seconds["owl"] = seconds
    order = {s: i for i, s in enumerate(SEVERITIES)}
    report.findings = sorted(findings, key=lambda f: (order[f.severity], f.source, f.focus, f.message))
    report.conforms = not any(f.severity == "violation" for f in report.findings)
    return report


def main(argv: list[str] | None = None) -> int:
    import argparse
    ap = argparse.ArgumentParser(prog="python -m kg.graph.validate",
                                 description="Check a kabar-kg graph with the SHACL shapes and HermiT.")
    ap.add_argument("graph", nargs="?", default="graph.ttl")
    ap.add_argument("--no-reason", action="store_true", help="SHACL only: do not run HermiT")
    a = ap.parse_args(argv)
    from kg.graph.read import GraphFileError, read_graph
    try:
        g = read_graph(a.graph)
    except GraphFileError as e:
        print(f"kg validate: {e}", file=sys.stderr)
        return 2
    report = validate(g, reason=not a.no_reason)
    print(report)
    return 0 if report.conforms else 1


if __name__ == "__main__":
    sys.exit(main())
