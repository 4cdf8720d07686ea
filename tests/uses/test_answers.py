"""The answer tables `kg load` keeps beside the store: the same rows, in the same order, as the library's SPARQL
on the same store, pages that are ranges of the whole answer, and tables kept right when articles are reloaded."""
from __future__ import annotations

import importlib
import shlex
import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import run_kg
from rdflib import Graph

from kg.uses import answers
from kg.uses.library import sort_rows
from kg.uses.store import StoreError, load_local

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


@pytest.fixture(scope="module")
def seeds_nquads(tmp_path_factory) -> Path:
    """The graph of the bundled corpus as N-Quads, one named graph per article (what Oxigraph bulk-loads)."""
    out = tmp_path_factory.mktemp("seeds-nq") / "graph.nq"
    run_kg("build", "-o", out, "--format", "nquads", check=True)
    return out


def _contents(db) -> dict:
    """The rows of every table of a store's answer file."""
    con = sqlite3.connect(db / answers.FILE)
    try:
        return {t: sorted(con.execute(f"SELECT * FROM {t}"))
                for t in ("meta", "queries", "rows", "cells", "params")}
    finally:
        con.close()


def test_answers_of_a_dataset_file_computed_beside_the_bulk_load(seeds_graph, seeds_nquads, tmp_path):
    """N-Quads into an empty store: the tables, computed from the file while Oxigraph loads it, are the SPARQL
    answers, and the very tables a Turtle file of the same graph gives."""
    load_local(seeds_nquads, tmp_path / "nq")
    assert not list((tmp_path / "nq").glob("*.tmp")) and _tables_match_sparql(tmp_path / "nq") > 300
    load_local(seeds_graph, tmp_path / "ttl")
    assert _contents(tmp_path / "nq") == _contents(tmp_path / "ttl")


def _children() -> set[str]:
    """This process's child processes, zombies too (Linux)."""
    return {c for t in Path("/proc/self/task").glob("*/children") for c in t.read_text().split()}


@pytest.mark.parametrize("exists", [False, True])
def test_answers_that_fail_fail_the_load_cleanly(seeds_nquads, tmp_path, monkeypatch, exists):
    """Tables that cannot be computed fail the load: a StoreError, no table file (nor a temporary one), and
    the store as it was (a folder the load created is removed, an empty store stays empty)."""
    def broken(f):
        raise ValueError("no such thing")
    monkeypatch.setitem(answers.TABLES, "timeline", broken)
    db = tmp_path / "db"
    if exists:
        db.mkdir()
    before = _children()
    with pytest.raises(StoreError, match="answer tables could not be computed .no such thing."):
        load_local(seeds_nquads, db)
    assert db.exists() == exists and _children() == before
    if exists:
        assert list(db.glob("kg-answers*")) == []
        s = ox.Store(str(db))
        try:
            assert len(s) == 0
        finally:
            del s


def test_answers_stop_when_the_load_fails(tmp_path):
    """A file Oxigraph cannot load: the tables computed beside it are stopped and leave no file, no process."""
    bad = tmp_path / "bad.nq"
    bad.write_text('<urn:a> <urn:b> "c" <urn:g> .\n' * 200_000 + "<urn:a> <urn:b> broken\n", encoding="utf-8")
    db = tmp_path / "db"
    db.mkdir()
    before = _children()
    with pytest.raises(StoreError, match="not valid N-Quads"):
        load_local(bad, db)
    assert list(db.glob("kg-answers*")) == [] and _children() == before


def test_answers_of_a_store_holding_articles_are_read_from_it(seeds_nquads, tmp_path):
    """A dataset file into a store that holds articles: the tables started beside the load are stopped and
    computed from the store after it, as from the file into an empty store."""
    load_local(seeds_nquads, tmp_path / "once")
    load_local(seeds_nquads, tmp_path / "twice")
    before = _children()
    load_local(seeds_nquads, tmp_path / "twice")
    assert _children() == before and not list((tmp_path / "twice").glob("*.tmp"))
    assert _contents(tmp_path / "twice") == _contents(tmp_path / "once")


def _sorted_by_definition(by, columns, tables) -> dict:
    """What `_sorted` gives, by its definition: every key's rows coded, deduplicated, sorted with `sort_rows`."""
    tagged = []
    for key, rows in tables.items():
        if rows is answers.ALL:
            continue
        k = "" if key == "" else answers._code(key)
        tagged.extend(r + (k,) for r in dict.fromkeys(tuple(map(answers._code, r)) for r in rows))
    sort_rows(tagged, columns + ["\0key"], by, answers._value)
    out: dict = {}
    for t in tagged:
        out.setdefault(t[-1], []).append(t[:-1])
    if tables.get("") is answers.ALL:
        out[""] = list(dict.fromkeys(t[:-1] for t in tagged))
    return out


def _n(x):
    return ox.Literal(str(x), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


@pytest.mark.parametrize("tables", [
    {ox.NamedNode("urn:k1"): [(_n(3), ox.Literal("b")), (_n(3), ox.Literal("a")), (_n(10), None), (_n(3), ox.Literal("a"))],
     ox.NamedNode("urn:k0"): [(_n(10), None), (_n(2), ox.Literal("z"))], ox.NamedNode("urn:k2"): [], "": answers.ALL},
    # rows that only their order sorts (an IRI and a text of the same characters; "05" and "5"): the long way
    {ox.NamedNode("urn:k1"): [(_n(1), ox.NamedNode("urn:x")), (_n(1), ox.Literal("urn:x")), (_n(0), None)],
     ox.NamedNode("urn:k0"): [(_n(1), ox.Literal("urn:x")), (ox.Literal("05", datatype=ox.NamedNode(
         "http://www.w3.org/2001/XMLSchema#integer")), None), (_n(5), None)], "": answers.ALL},
    {"": [(_n(2), ox.Literal("a")), (_n(1), ox.Literal("b")), (_n(2), ox.Literal("a"))]},
])
@pytest.mark.parametrize("by", [[("n", True)], [("s", False), ("n", True)], []])
def test_answers_sorted_as_sort_rows_sorts(tables, by):
    codes = answers._Codes()
    coded = answers._coded(codes, tables)
    rows, keyed = answers._sorted(codes, codes.ranks(range(len(codes.codes))), by, ["n", "s"], tables, coded)
    want = _sorted_by_definition(by, ["n", "s"], tables)
    as_codes = {codes.codes[k]: [tuple(codes.codes[x] for x in rows[i]) for i in at] for k, at in keyed.items()}
    assert as_codes == want and len(rows) == len({r for got in want.values() for r in got})
