"""A human-readable HTML page of the kabar-kg ontology, made from ontology/kabar.ttl alone.

    render(ontology_path) -> str     the page (self-contained: inline CSS, no scripts, no links out
                                     except to the IRIs of the terms themselves)
    write(out_path)                  render the repository's ontology to `out_path` (ontology/index.html)
    example_graph(ontology_path)     the class examples (skos:example) parsed into one rdflib Graph

    python -m kg.graph.ontodoc [OUT.html]
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, SKOS

from kg.graph.vocab import BASE, KBR

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "kabar.ttl"
OUT = ONTOLOGY.parent / "index.html"
KB_NS = BASE + "ontology#"
CODES = BASE + "codes/"

PREFIXES = {
    "kb": KB_NS, "kbr": str(KBR), "cameo": CODES + "cameo/", "plover": CODES + "plover/",
    "owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": str(SKOS), "dcterms": str(DCTERMS), "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/", "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "org": "http://www.w3.org/ns/org#", "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
}
# What the examples are read with: IRIs relative to the resource namespace, and the prefixes above.
EXAMPLE_HEADER = f"@base <{KBR}> .\n" + "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())

MATCHES = ((SKOS.closeMatch, "close match"), (SKOS.broadMatch, "broader"), (SKOS.narrowMatch, "narrower"),
           (SKOS.relatedMatch, "related"))

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 62rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; line-height: 1.5; }
h1 { margin-bottom: .2rem; } h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { margin: 0 0 .3rem 0; font-size: 1.15rem; }
.term { border: 1px solid #ddd; border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }
.term:target { border-color: #0b6; box-shadow: 0 0 0 2px #0b64; }
.iri, code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .88em; }
.iri { color: #555; }
.lang { color: #666; font-size: .85em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 0 0; }
dt { font-weight: 600; color: #444; } dd { margin: 0; }
pre { background: #f6f8fa; border-radius: 4px; padding: .6rem .8rem; overflow-x: auto; font-size: .85em; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: .2rem .5rem; text-align: left; }
.tag { display: inline-block; background: #eef; border-radius: 3px; padding: 0 .35rem; font-size: .8em; color: #335; }
nav ul { columns: 4; margin: 0; }
"""


def _e(x) -> str:
    return html.escape(str(x), quote=True)


class _Doc:
    def __init__(self, g: Graph):
        self.g = g

    # -- names --------------------------------------------------------------------------------
    def curie(self, t) -> str:
        s = str(t)
        for p, ns in PREFIXES.items():
            if s.startswith(ns):
                return f"{p}:{s[len(ns):]}"
        return s

    def ref(self, t) -> str:
        """A term as HTML: a link to its section for kb: terms, a code label for codes, else its CURIE."""
        if isinstance(t, BNode):
            return self.expr(t)
        if isinstance(t, Literal):
            return f"<code>{_e(t.n3())}</code>"
        s = str(t)
        if s.startswith(KB_NS):
            return f'<a href="#{_e(s[len(KB_NS):])}"><code>{_e(self.curie(t))}</code></a>'
        if s.startswith(CODES):
            label = self.g.value(t, SKOS.prefLabel)
            return f"<code>{_e(self.curie(t))}</code>" + (f" {_e(label)}" if label else "")
        return f"<code>{_e(self.curie(t))}</code>"

    def expr(self, n) -> str:
        """A class or data range expression, in words."""
        g = self.g
        for key, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            lst = g.value(n, key)
            if lst is not None:
                return word.join(self.ref(x) for x in Collection(g, lst))
        lst = g.value(n, OWL.oneOf)
        if lst is not None:
            return "one of " + ", ".join(f"<code>{_e(x.n3() if isinstance(x, Literal) else self.curie(x))}</code>"
                                         for x in Collection(g, lst))
        inv = g.value(n, OWL.inverseOf)
        if inv is not None:
            return f"inverse of {self.ref(inv)}"
        prop = g.value(n, OWL.onProperty)
        if prop is not None:
            for key, word in ((OWL.hasValue, "value"), (OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only")):
                v = g.value(n, key)
                if v is not None:
                    return f"{self.ref(prop)} {word} {self.ref(v)}"
        return "<em>(expression)</em>"

    def labels(self, t) -> str:
        out = []
        for lang in ("en", "id"):
            for lab in self.g.objects(t, RDFS.label):
                if isinstance(lab, Literal) and lab.language == lang:
                    out.append(f'{_e(lab)} <span class="lang">({lang})</span>')
        return " · ".join(out)

    def text(self, t, p) -> str:
        vals = [v for v in self.g.objects(t, p) if isinstance(v, Literal)]
        vals.sort(key=lambda v: (v.language != "en", str(v)))
        return "<br>".join(_e(v) for v in vals)

    def terms(self, kind) -> list:
        return sorted((t for t in self.g.subjects(RDF.type, kind) if str(t).startswith(KB_NS)), key=str)

    # -- sections -----------------------------------------------------------------------------
    def section(self, t, rows: list[tuple[str, str]], badge: str = "") -> str:
        name = str(t)[len(KB_NS):]
        out = [f'<section class="term" id="{_e(name)}">',
               f"<h3><code>kb:{_e(name)}</code> {badge}</h3>",
               f"<div>{self.labels(t)}</div>",
               f'<div class="iri">{_e(t)}</div>']
        comment = self.text(t, RDFS.comment)
        if comment:
            out.append(f"<p>{comment}</p>")
        rows = [(k, v) for k, v in rows if v]
        if rows:
            out.append("<dl>" + "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>")
        for ex in self.g.objects(t, SKOS.example):
            out.append(f"<p><strong>Example</strong></p><pre>{_e(ex)}</pre>")
        out.append("</section>")
        return "\n".join(out)

    def klass(self, c) -> str:
        g = self.g
        supers = [self.ref(s) for s in g.objects(c, RDFS.subClassOf)]
        subs = [self.ref(s) for s in sorted(g.subjects(RDFS.subClassOf, c), key=str)]
        disjoint = [self.ref(d) for d in g.objects(c, OWL.disjointWith)] + \
                   [self.ref(d) for d in g.subjects(OWL.disjointWith, c)]
        union = [" ⊔ ".join(self.ref(x) for x in Collection(g, lst)) for lst in g.objects(c, OWL.disjointUnionOf)]
        matches = []
        for p, word in MATCHES:
            for m in sorted(g.objects(c, p), key=str):
                matches.append(f"{self.ref(m)} <span class=\"tag\">{_e(word)}</span>")
        used = [self.ref(p) for p in sorted(set(g.subjects(RDFS.domain, c)), key=str)]
        used += [self.ref(p) for p in sorted(set(g.subjects(RDFS.domain, None)), key=str)
                 if self._in_union(g.value(p, RDFS.domain), c)]
        return self.section(c, [
            ("Subclass of", ", ".join(supers)),
            ("Subclasses", ", ".join(subs)),
            ("Disjoint union of", "<br>".join(union)),
            ("Disjoint with", ", ".join(disjoint)),
            ("CAMEO / PLOVER", "<br>".join(matches)),
            ("Properties", ", ".join(used)),
        ])

    def _in_union(self, dom, c) -> bool:
        if not isinstance(dom, BNode):
            return False
        lst = self.g.value(dom, OWL.unionOf)
        return lst is not None and c in list(Collection(self.g, lst))

    def prop(self, p) -> str:
        g = self.g
        chars = [self.curie(k).split(":")[1] for k in g.objects(p, RDF.type)
                 if k not in (OWL.ObjectProperty, OWL.DatatypeProperty)]
        chains = [" ∘ ".join(self.ref(x) for x in Collection(g, lst)) for lst in g.objects(p, OWL.propertyChainAxiom)]
        subs = [self.ref(s) for s in sorted(g.subjects(RDFS.subPropertyOf, p), key=str)]
        return self.section(p, [
            ("Domain", " ".join(self.ref(d) for d in g.objects(p, RDFS.domain))),
            ("Range", " ".join(self.ref(r) for r in g.objects(p, RDFS.range))),
            ("Sub-property of", ", ".join(self.ref(s) for s in g.objects(p, RDFS.subPropertyOf))),
            ("Sub-properties", ", ".join(subs)),
            ("Property chains", "<br>".join(f"{c} ⊑ {self.ref(p)}" for c in chains)),
            ("Characteristics", ", ".join(_e(c) for c in sorted(chars))),
        ], '<span class="tag">inferred</span>' if chains else "")

    def class_order(self) -> list:
        """Classes top-down: each kb: class after its kb: superclass, siblings in file-independent order."""
        classes = self.terms(OWL.Class)
        kids = {c: [] for c in classes}
        roots = []
        for c in classes:
            parents = [s for s in self.g.objects(c, RDFS.subClassOf) if s in kids]
            (kids[parents[0]] if parents else roots).append(c)
        out = []

        def walk(c):
            out.append(c)
            for k in kids[c]:
                walk(k)
        main = [KB_NS + n for n in ("Agent", "Place", "Article", "Evidence", "Membership", "Claim")]
        for r in sorted(roots, key=lambda c: (main.index(str(c)) if str(c) in main else 99, str(c))):
            walk(r)
        return out

    def page(self) -> str:
        g = self.g
        onto = next(g.subjects(RDF.type, OWL.Ontology))
        version = g.value(onto, OWL.versionIRI)
        classes = self.class_order()
        objprops = self.terms(OWL.ObjectProperty)
        dataprops = self.terms(OWL.DatatypeProperty)
        title = str(g.value(onto, DCTERMS.title) or g.value(onto, RDFS.label) or "Ontology")
        nav = lambda ts: "<nav><ul>" + "".join(f'<li>{self.ref(t)}</li>' for t in ts) + "</ul></nav>"   # noqa: E731
        ns_rows = "".join(f"<tr><td><code>{_e(p)}:</code></td><td><code>{_e(ns)}</code></td></tr>"
                          for p, ns in PREFIXES.items())
        parts = [
            "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
            f"<h1>{_e(title)}</h1>",
            f"<div>{self.labels(onto)}</div>",
            f'<p class="iri">Ontology IRI <code>{_e(onto)}</code>'
            + (f" · version IRI <code>{_e(version)}</code>" if version else "")
            + (f" · version {_e(g.value(onto, OWL.versionInfo))}" if g.value(onto, OWL.versionInfo) else "") + "</p>",
            f"<p>{self.text(onto, RDFS.comment)}</p>",
            f"<p>{_e(g.value(onto, DCTERMS.description) or '')}</p>",
            "<h2>Contents</h2>",
            f"<h3>Classes ({len(classes)})</h3>", nav(classes),
            f"<h3>Object properties ({len(objprops)})</h3>", nav(objprops),
            f"<h3>Datatype properties ({len(dataprops)})</h3>", nav(dataprops),
            "<h3>Prefixes</h3>",
            "<p>The examples use these prefixes, and IRIs relative to "
            f"<code>{_e(KBR)}</code>.</p>", f"<table>{ns_rows}</table>",
            "<h2>Classes</h2>", *[self.klass(c) for c in classes],
            "<h2>Object properties</h2>", *[self.prop(p) for p in objprops],
            "<h2>Datatype properties</h2>", *[self.prop(p) for p in dataprops],
            "<h2>CAMEO and PLOVER codes</h2>",
            "<p>CAMEO and PLOVER publish no IRIs for their codes; kabar-kg names them under "
            f"<code>{_e(CODES)}</code>.</p>",
            self.codes(),
            "</body>", "</html>",
        ]
        return "\n".join(parts) + "\n"

    def codes(self) -> str:
        g = self.g
        used = {}
        for p, word in MATCHES:
            for c, code in g.subject_objects(p):
                used.setdefault(code, []).append(f"{self.ref(c)} <span class=\"tag\">{_e(word)}</span>")
        rows = []
        for code in sorted(g.subjects(RDF.type, SKOS.Concept), key=str):
            rows.append(f"<tr><td><code>{_e(self.curie(code))}</code></td><td>{_e(g.value(code, SKOS.prefLabel) or '')}"
                        f"</td><td>{', '.join(used.get(code, []))}</td></tr>")
        return "<table><tr><th>code</th><th>name</th><th>kabar-kg classes</th></tr>" + "".join(rows) + "</table>"


def render(ontology_path: str | Path = ONTOLOGY) -> str:
    """The HTML page of the ontology at `ontology_path`."""
    g = Graph().parse(str(ontology_path), format="turtle")
    return _Doc(g).page()


def write(out_path: str | Path = OUT, ontology_path: str | Path = ONTOLOGY) -> Path:
    """Render the ontology and write the page to `out_path`."""
    out = Path(out_path)
    out.write_text(render(ontology_path), encoding="utf-8")
    return out


def example_graph(ontology_path: str | Path = ONTOLOGY) -> Graph:
    """The examples of the ontology's classes, parsed together into one graph."""
    onto = Graph().parse(str(ontology_path), format="turtle")
    g = Graph()
    for c in onto.subjects(RDF.type, OWL.Class):
        for ex in onto.objects(c, SKOS.example):
            g.parse(data=EXAMPLE_HEADER + str(ex), format="turtle")
    return g


if __name__ == "__main__":
    print(write(sys.argv[1] if len(sys.argv) > 1 else OUT))
