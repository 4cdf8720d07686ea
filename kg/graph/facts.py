"""Flat facts read back from the graph (the format of the gold scorer): documents, entities, roles, claims."""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterator

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg.graph.vocab import KB, NIF, ORG, PROV, SCHEMA

_CLASS_NAME = {KB.Person: "Person", KB.Organization: "Organization", KB.Country: "Country",
               KB.Place: "Place", KB.Outlet: "Outlet"}


def _label(g: Graph, node) -> str | None:
    return str(g.value(node, RDFS.label)) if node is not None and g.value(node, RDFS.label) is not None else None


def _value(g: Graph, s, p):
    v = g.value(s, p)
    return None if v is None else v.toPython()


def facts(g: Graph) -> Iterator[dict]:
    """One dict per document, entity mention, role and claim report, in a stable order."""
    arts = sorted(g.subjects(RDF.type, KB.Article), key=lambda a: str(g.value(a, KB.articleId)))
    doc_of = {a: str(g.value(a, KB.articleId)) for a in arts}
    for a in arts:
        pub = g.value(a, SCHEMA.datePublished)
        yield {"kind": "document", "doc": doc_of[a], "outlet": _label(g, g.value(a, SCHEMA.publisher)),
               "published": str(pub) if pub is not None else None,
               "title": _value(g, a, SCHEMA.headline),
               "authors": sorted(_label(g, p) for p in g.objects(a, SCHEMA.author)),
               "duplicate_of": doc_of.get(g.value(a, KB.duplicateOf)),
               "spun": bool(_value(g, a, KB.spun))}
    for a in arts:
        for e in sorted(g.objects(a, SCHEMA.mentions)):
            etype = next((_CLASS_NAME[t] for t in g.objects(e, RDF.type) if t in _CLASS_NAME), None)
            wd = g.value(e, SCHEMA.sameAs)
            yield {"kind": "entity", "doc": doc_of[a], "id": str(e), "type": etype, "label": _label(g, e),
                   "aliases": sorted(str(x) for x in g.objects(e, SKOS.altLabel)),
                   "wikidata": str(wd).rsplit("/", 1)[-1] if wd is not None else None}
    for m in sorted(g.subjects(RDF.type, KB.Membership)):
        docs = sorted({doc_of[a] for ev in g.objects(m, KB.evidence) for a in g.objects(ev, KB.inArticle) if a in doc_of})
        person = g.value(m, ORG.member)
        org = g.value(m, ORG.organization) or g.value(m, KB.jurisdiction)
        for d in docs:
            yield {"kind": "role", "doc": d, "person": _label(g, person), "person_id": str(person),
                   "role": str(g.value(m, KB.roleLabel)), "org": _label(g, org),
                   "org_id": str(org) if org is not None else None}
    for c in sorted(set(g.subjects(KB.evidence, None)) - set(g.subjects(RDF.type, KB.Membership))):
        by_doc = defaultdict(list)
        for ev in g.objects(c, KB.evidence):
            for a in g.objects(ev, KB.inArticle):
                by_doc[doc_of.get(a)].append(ev)
        row = _claim_row(g, c)
        if row["agent"] is None:
            continue             # an event spoken of without its actor: a node of the graph, not a fact of who did what
        if g.value(c, PROV.wasDerivedFrom) is None and all(
                str(g.value(s, KB.typeCode)) in _DISOWNED for s in g.subjects(KB.about, c)):
            continue             # an event only denied or left unconfirmed ("Unit kami tidak menembak"): no fact
        for d in sorted(k for k in by_doc if k):
            ev = min(by_doc[d], key=lambda e: int(g.value(e, NIF.beginIndex)))
            yield {**row, "doc": d, "evidence": str(g.value(ev, NIF.anchorOf)),
                   "quote": _value(g, ev, KB.quote),
                   "date_source": _value(g, ev, KB.dateSource) if row["date"] is not None else None}


_DISOWNED = frozenset(("DENY", "NO_COMMENT"))


def _claim_row(g: Graph, c: URIRef) -> dict:
    def ref(p):
        n = g.value(c, p)
        return (_label(g, n), str(n) if n is not None else None)

    agent, agent_id = ref(KB.agent)
    target, target_id = ref(KB.target)
    place, place_id = ref(KB.place)
    about = g.value(c, KB.about)
    date = g.value(c, KB.date)
    lo, hi = _value(g, c, KB.quantityMin), _value(g, c, KB.quantityMax)
    return {"kind": "claim", "id": str(c), "type": str(g.value(c, KB.typeCode)),
            "agent": agent, "agent_id": agent_id, "target": target, "target_id": target_id,
            "about": str(g.value(about, KB.typeCode)) if about is not None else None,
            "place": place, "place_id": place_id, "date": str(date) if date is not None else None,
            "quantity": _value(g, c, KB.quantity), "quantity_range": [lo, hi] if lo is not None else None,
            "quantity_of": _value(g, c, KB.quantityOf),
            "negated": bool(_value(g, c, KB.negated)), "modality": _value(g, c, KB.modality)}


def to_jsonl(g: Graph) -> str:
    return "".join(json.dumps(f, ensure_ascii=False, sort_keys=False) + "\n" for f in facts(g))
