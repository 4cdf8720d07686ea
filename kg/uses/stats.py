"""Statistics of a graph: counts by type, the most connected and most central entities, outlets, and
communities of actors that act together (networkx). Deterministic: the same graph gives the same report."""
from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities
from rdflib import RDF, RDFS, Graph, URIRef

from kg.graph.rdf import Tally
from kg.graph.vocab import ENTITY_CLASS, KB, PROV, SCHEMA

ROLES = (KB.agent, KB.target, KB.place)


def _label(g: Graph, node: URIRef) -> str:
    labels = sorted(str(x) for x in g.objects(node, RDFS.label))
    return labels[0] if labels else str(node).rsplit("/", 1)[-1]


def entity_graph(g: Graph) -> nx.Graph:
    """Entities as nodes, linked when they are agent, target or place of the same claim or of the same
    event a claim is about; an edge's weight is the number of such claims and events."""
    G = nx.Graph()
    pairs: Counter[tuple[URIRef, URIRef]] = Counter()
    nodes: set[URIRef] = set()
    for s in set(g.subjects(KB.typeCode, None)):
        parts = sorted({o for p in ROLES for o in g.objects(s, p) if isinstance(o, URIRef)})
        nodes.update(parts)
        pairs.update(combinations(parts, 2))
    for n in sorted(nodes, key=lambda n: (_label(g, n), str(n))):
        G.add_node(n, label=_label(g, n))
    for (a, b), w in sorted(pairs.items(), key=lambda t: (str(t[0][0]), str(t[0][1]))):
        G.add_edge(a, b, weight=w)
    return G


def _class(g: Graph, node: URIRef) -> str:
    names = sorted(name for name, cls in ENTITY_CLASS.items() if (node, RDF.type, cls) in g)
    return names[0] if names else ""


def stats(g: Graph, top: int = 10) -> dict[str, Any]:
    """The report as plain data (see format_text() for the readable form). Entities and claims are counted
    as every command counts them (kg.graph.rdf.Tally): claims are the nodes read from an article
    (prov:wasDerivedFrom), and events only spoken of are counted apart; `most_central` lists only
    entities with a betweenness above 0."""
    tally = Tally.of(g)
    claims = {s for s in g.subjects(PROV.wasDerivedFrom, None) if (s, KB.typeCode, None) in g}
    spoken_of = {s for s in g.subjects(KB.typeCode, None) if s not in claims}
    by_type = Counter(str(g.value(s, KB.typeCode)) for s in claims)
    articles = set(g.subjects(RDF.type, KB.Article))
    G = entity_graph(g)
    label = lambda n: G.nodes[n]["label"]
    degree = sorted(G.nodes, key=lambda n: (-G.degree(n), -G.degree(n, weight="weight"), label(n), str(n)))
    between = nx.betweenness_centrality(G)
    central = sorted((n for n in G.nodes if between[n] > 0), key=lambda n: (-between[n], label(n), str(n)))
    acting = G.subgraph([n for n in G.nodes if G.degree(n) > 0])
    communities = [sorted(label(n) for n in c)
                   for c in (greedy_modularity_communities(acting, weight="weight") if acting.number_of_edges() else [])
                   if len(c) > 1]
    communities.sort(key=lambda c: (-len(c), c))
    published = Counter(o for a in articles for o in g.objects(a, SCHEMA.publisher))
    cited = Counter(o for o in g.objects(None, KB.carriedBy))
    outlets = sorted(set(g.subjects(RDF.type, KB.Outlet)) | set(published) | set(cited),
                     key=lambda o: (-published[o], -cited[o], _label(g, o), str(o)))
    return {
        "triples": len(g),
        "articles": len(articles),
        "entities": {name: len(set(g.subjects(RDF.type, cls))) for name, cls in ENTITY_CLASS.items()},
        "entity_count": tally.entities,
        "claims": tally.claims,
        "events_spoken_of": len(spoken_of),
        "claims_by_type": dict(sorted(by_type.items(), key=lambda t: (-t[1], t[0]))),
        "memberships": len(set(g.subjects(RDF.type, KB.Membership))),
        "most_connected": [{"entity": label(n), "class": _class(g, n), "degree": G.degree(n),
                            "weight": G.degree(n, weight="weight"), "iri": str(n)} for n in degree[:top]],
        "most_central": [{"entity": label(n), "class": _class(g, n), "betweenness": round(between[n], 4),
                          "iri": str(n)} for n in central[:top]],
        "outlets": [{"outlet": _label(g, o), "articles": published[o], "cited": cited[o], "iri": str(o)}
                    for o in outlets],
        "articles_without_outlet": sum(1 for a in articles if (a, SCHEMA.publisher, None) not in g),
        "communities": communities,
    }


def format_text(s: dict[str, Any]) -> str:
    """The report as readable sections."""
    out = [f"Graph: {s['triples']} triples, {s['articles']} articles, {s['entity_count']} entities, "
           f"{s['claims']} claims (and {s['events_spoken_of']} events only spoken of), {s['memberships']} roles",
           "", "Entities by class"]
    out += [f"  {k:<14} {v:>5}" for k, v in s["entities"].items()]
    out += ["", "Claims by type"] + [f"  {k:<14} {v:>5}" for k, v in s["claims_by_type"].items()]
    out += ["", "Most connected entities (distinct partners in claims; shared claims)"]
    out += [f"  {e['entity']:<40} {e['class']:<13} {e['degree']:>3} {e['weight']:>4}" for e in s["most_connected"]]
    out += ["", "Most central entities (betweenness: on the shortest paths between others)"]
    out += [f"  {e['entity']:<40} {e['class']:<13} {e['betweenness']:.4f}" for e in s["most_central"]] or ["  (none)"]
    out += ["", "Outlets (articles published; reports attributed to them)"]
    out += [f"  {o['outlet']:<40} {o['articles']:>3} {o['cited']:>4}" for o in s["outlets"]]
    if s["articles_without_outlet"]:
        out.append(f"  {'(no outlet named)':<40} {s['articles_without_outlet']:>3}")
    out += ["", "Communities of actors that act together"]
    out += [f"  {i}. " + ", ".join(c) for i, c in enumerate(s["communities"], 1)] or ["  (none)"]
    return "\n".join(out) + "\n"
