"""`kg stats` on the bundled corpus's graph: counts by type, the most connected and central entities,
outlets, and communities of actors, checked against what the articles say; a tiny graph for the linking."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import run_kg
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.uses.stats import entity_graph, stats

KB = "https://w3id.org/kabar-kg/ontology#"
KBR = "https://w3id.org/kabar-kg/resource/"


@pytest.fixture(scope="module")
def report(seeds_graph) -> dict:
    r = run_kg("stats", "--graph", seeds_graph, "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_stats_counts_by_type(report, seeds_graph):
    g = Graph().parse(seeds_graph)
    assert report["articles"] == 5 and report["triples"] == len(g)
    assert report["claims"] == len(set(g.subjects(PROV.wasDerivedFrom, None)))
    assert sum(report["claims_by_type"].values()) == report["claims"]
    assert {"CONFIRM", "DENY", "NO_COMMENT", "ESTIMATE", "DEPLOY", "STATEMENT"} <= set(report["claims_by_type"])
    n = list(report["claims_by_type"].values())
    assert n == sorted(n, reverse=True)
    assert set(report["entities"]) == {"Person", "Organization", "Country", "Place", "Outlet"}
    assert report["entities"]["Person"] >= 12 and report["entities"]["Country"] >= 5   # Rutte, Singh, Putin ...
    assert report["memberships"] >= 10


def test_stats_north_korea_is_the_most_connected_and_central(report):
    connected = [e["entity"] for e in report["most_connected"]]
    central = [e["entity"] for e in report["most_central"]]
    assert connected[0] == "Korea Utara" and central[0] == "Korea Utara"
    assert "Rusia" in connected[:3] and "Rusia" in central[:3]
    assert len(connected) == 10
    d = [(e["degree"], e["weight"]) for e in report["most_connected"]]
    assert d == sorted(d, reverse=True)
    assert all(e["betweenness"] > 0 for e in report["most_central"])


def test_stats_outlets_with_article_counts(report):
    published = {o["outlet"].lower(): o["articles"] for o in report["outlets"] if o["articles"]}
    assert published == {"cnn indonesia": 1, "medcom.id": 1, "koranprabumulihpos.com": 1, "sp-globalindo.co.id": 1}
    assert report["articles_without_outlet"] == 1                  # 001 does not print its outlet
    cited = {o["outlet"]: o["cited"] for o in report["outlets"]}
    assert cited.get("KCNA", 0) >= 1                               # 001: "kantor berita negara Korut, KCNA"


def test_stats_communities_of_actors_that_act_together(report):
    groups = report["communities"]
    assert groups and all(len(c) >= 2 for c in groups)
    members = [m for c in groups for m in c]
    assert len(members) == len(set(members))                       # each actor in one community
    together = lambda *names: any(set(names) <= set(c) for c in groups)
    assert together("Kim Jong Un", "Vladimir Putin")               # they signed the partnership (001)
    assert together("Kim Hong Kyun", "Georgiy Zinoviev")           # Kim warned the ambassador (003)
    assert [len(c) for c in groups] == sorted((len(c) for c in groups), reverse=True)


def test_stats_same_report_whatever_the_hash_seed(seeds_graph):
    outs = []
    for seed in ("0", "1", "7"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.append(subprocess.run([sys.executable, "-m", "kg", "stats", "--graph", str(seeds_graph), "--format", "json"],
                                   env=env, capture_output=True, text=True, check=True).stdout)
    assert outs[0] == outs[1] == outs[2]


def test_stats_text_has_readable_sections(seeds_graph):
    r = run_kg("stats", "--graph", seeds_graph, "--top", "3")
    assert r.returncode == 0, r.stderr
    for heading in ("Entities by class", "Claims by type", "Most connected entities", "Most central entities",
                    "Outlets", "Communities of actors"):
        assert heading in r.stdout
    section = r.stdout.split("Most connected entities")[1].split("\n\n")[0].splitlines()[1:]
    assert len(section) == 3 and section[0].split()[:2] == ["Korea", "Utara"]


def test_stats_missing_graph_is_one_line(tmp_path):
    r = run_kg("stats", "--graph", tmp_path / "none.ttl")
    assert r.returncode == 2 and "none.ttl" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_stats_entity_graph_links_participants_of_the_same_claim():
    g = Graph()
    e = {k: URIRef(f"{KBR}entity/{k}") for k in "abcd"}
    for k, node in e.items():
        g.add((node, RDF.type, URIRef(KB + "Country")))
        g.add((node, RDFS.label, Literal(k.upper())))
    claims = [("c1", "a", "b", None), ("c2", "a", "b", "c"), ("c3", "d", None, None)]
    for cid, agent, target, place in claims:
        c = URIRef(f"{KBR}claim/{cid}")
        g.add((c, URIRef(KB + "typeCode"), Literal("ATTACK")))
        g.add((c, PROV.wasDerivedFrom, URIRef(f"{KBR}article/x")))
        for p, v in (("agent", agent), ("target", target), ("place", place)):
            if v:
                g.add((c, URIRef(KB + p), e[v]))
    G = entity_graph(g)
    assert G[e["a"]][e["b"]]["weight"] == 2 and G[e["a"]][e["c"]]["weight"] == 1
    assert G.degree(e["d"]) == 0 and not G.has_edge(e["c"], e["d"])
    s = stats(g)
    assert s["claims"] == 3 and s["claims_by_type"] == {"ATTACK": 3}
    assert s["most_connected"][0]["entity"] in ("A", "B") and s["communities"] == [["A", "B", "C"]]


def test_stats_counts_are_the_ones_kg_build_prints(invented_dir, tmp_path):
    """One definition of entities and claims (README "Counts"): kg build's summary, kg stats and a
    SPARQL count of the graph agree, in every format."""
    import re
    (invented_dir / "contoh_002.txt").write_text(
        "Seoul, Warta Contoh —\nKorea Utara membantah laporan yang menyebutkan bahwa mereka mengirimkan pasukan ke "
        "Rusia.\nJuru bicara Kementerian Luar Negeri AS Budi Hartono mengatakan pihaknya terus memantau situasi.\n",
        encoding="utf-8")
    count = ("PREFIX kb: <https://w3id.org/kabar-kg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
             "SELECT (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?c) AS ?claims) WHERE { "
             "{ ?e a ?k VALUES ?k { kb:Person kb:Organization kb:Country kb:Place kb:Outlet } } UNION "
             "{ ?c prov:wasDerivedFrom ?a ; kb:typeCode ?t } }")
    for name in ("g.ttl", "g.nq", "g.jsonld"):
        out = tmp_path / name
        built = run_kg("build", invented_dir, "-o", out, "--no-cache", check=True).stdout
        m = re.search(r"(\d+) entities, (\d+) claims", built)
        s = json.loads(run_kg("stats", "--graph", out, "--format", "json", check=True).stdout)
        q = run_kg("query", count, "--graph", out, "--format", "csv", check=True).stdout.splitlines()[1]
        assert m and (int(m.group(1)), int(m.group(2))) == (s["entity_count"], s["claims"]) \
            == tuple(map(int, q.split(","))), (name, built, q)
        assert s["claims"] > 2 and s["entity_count"] == sum(s["entities"].values())
