"""The answer tables `kg load` keeps beside the store: the same rows, in the same order, as the library's SPARQL
on the same store, pages that are ranges of the whole answer, and tables kept right when articles are reloaded."""
from __future__ import annotations

import importlib
import shlex

import pytest
from rdflib import Graph

from kg.uses import answers
from kg.uses.store import load_local

Q = importlib.import_module("kg.uses.query")
KBR = "https://w3id.org/kabar-kg/resource/"

# more parameters than the examples give: names of several entities, a type in lower case, a claim by its IRI
MORE = {"entity_claims": [{"entity": "NATO"}, {"entity": "korut"}], "events_at_place": [{}], "roles": [{}],
        "claim_sources": [{}, {"claim_type": "deny"}, {"claim_agent": "Rusia"}, {"claim": "deny-4230d13ab1cb94c6"},
                          {"claim": "deny-4230d13ab1cb94c6", "claim_agent": "Rusia"}],
        "who_said_about_event": [{"event_type": "KILL"}, {"event_type": "NOTHING"}],
        "quotes_by_person": [{"person": "Zelensky"}], "claims_on_behalf_of": [{}]}


def _examples():
    for name, path in Q.named().items():
        if name not in answers.TABLES:
            continue
        toks = shlex.split(Q.header(path).get("example", ""))
        yield name, dict(toks[i + 1].split("=", 1) for i, t in enumerate(toks) if t == "--param")
        for params in MORE.get(name, []):
            yield name, params


def _tables_match_sparql(db) -> int:
    """Every table answer equals the SPARQL answer on the same store, row for row; the number compared."""
    with_tables = Q.open_disk_store(db)
    assert with_tables.tables is not None
    sparql = Q.DiskStore(with_tables.store, None)
    n = 0
    for name, params in _examples():
        a, b = Q.run(with_tables, name, params), Q.run(sparql, name, params)
        assert (a.vars, a.rows) == (b.vars, b.rows), (name, params)
        n += len(a.rows)
    return n


def test_answers_tables_give_the_sparql_answers_in_order(seeds_graph, tmp_path):
    db = tmp_path / "db"
    load_local(seeds_graph, db)
    assert (db / answers.FILE).is_file() and sorted(answers.TABLES) == sorted(
        n for n in Q.named() if n != "claim_subgraph")           # every SELECT of the library
    assert _tables_match_sparql(db) > 300


def test_answers_pages_are_ranges_of_the_whole_answer(seeds_graph, tmp_path):
    db = tmp_path / "db"
    load_local(seeds_graph, db)
    store = Q.open_disk_store(db)
    for name, params in (("timeline", {}), ("claim_sources", {}), ("entity_claims", {"entity": "Korea Utara"}),
                         ("claim_sources", {"claim_type": "DENY"})):
        whole = Q.run(store, name, params)
        pages, offset = [], 0
        while True:
            page = Q.run(store, name, params, limit=3, offset=offset)
            pages += page.rows
            if not page.more:
                break
            offset += 3
        assert pages == whole.rows and len(whole.rows) > 3 and not whole.more, name


def test_answers_kept_right_when_articles_are_reloaded(seeds_graph, tmp_path):
    """Reloading articles rewrites the tables from the store: a claim an article no longer makes leaves them."""
    db = tmp_path / "db"
    load_local(seeds_graph, db)
    g = Graph().parse(seeds_graph)
    gone = min(s for s in g.subjects() if str(s).startswith(KBR + "claim/deny-"))      # a denial the seeds make
    name = str(gone).rsplit("/", 1)[1]
    assert Q.run(Q.open_disk_store(db), "claim_sources", {"claim": name}).rows
    for t in list(g.triples((gone, None, None))):
        g.remove(t)
    load_local(g, db)
    assert _tables_match_sparql(db) > 300
    store = Q.open_disk_store(db)
    assert not Q.run(store, "claim_sources", {"claim": name}).rows


def test_answers_store_without_tables_asks_oxigraph(seeds_graph, tmp_path):
    db = tmp_path / "db"
    load_local(seeds_graph, db)
    with_tables = Q.run(Q.open_disk_store(db), "timeline")
    (db / answers.FILE).unlink()
    store = Q.open_disk_store(db)
    assert store.tables is None and Q.run(store, "timeline").rows == with_tables.rows


@pytest.mark.parametrize("code, value", [(None, (0, 0, "")), ("Lx", (2, 0, "x")), ("Ihttp://a/b", (2, 0, "http://a/b")),
                                         ("^http://www.w3.org/2001/XMLSchema#integer 12", (1, 12, "")),
                                         ("@en North Korea", (2, 0, "North Korea"))])
def test_answers_sort_keys_are_those_of_the_terms(code, value):
    assert answers._value(code) == value == Q._value(answers._term(code))
