"""Every command reads what `kg build` writes: the bundled corpus built in each format gives the same
answers to query, stats, facts, viz and validate as its Turtle, and loads into the same store."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from conftest import run_kg

FORMATS = {"ttl": "g.ttl", "trig": "g.trig", "nquads": "g.nq", "jsonld": "g.jsonld"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("formats")
    out = {}
    for fmt, name in FORMATS.items():
        r = run_kg("build", "-o", d / name, "--no-cache")          # the format from the extension
        assert r.returncode == 0, r.stderr
        out[fmt] = d / name
    return out


def _answers(path, tmp_path) -> dict:
    html = tmp_path / f"{path.name}.html"
    validated = run_kg("validate", path)
    return {
        "query": run_kg("query", "who_confirmed_deployment", "--graph", path, "--format", "csv", check=True).stdout,
        "oxigraph": run_kg("query", "troop_estimates", "--graph", path, "--engine", "oxigraph", "--format", "csv",
                           check=True).stdout,
        "stats": json.loads(run_kg("stats", "--graph", path, "--format", "json", check=True).stdout),
        "facts": run_kg("facts", "--graph", path, check=True).stdout,
        "viz": run_kg("viz", "--graph", path, "-o", html, check=True).stdout.split(": ", 1)[1],
        "validate": (validated.returncode, validated.stdout.splitlines()[:2]),
    }


def test_formats_every_command_answers_as_on_turtle(built, tmp_path):
    turtle = _answers(built["ttl"], tmp_path)
    assert turtle["query"].count("\n") > 3 and turtle["stats"]["claims"] > 10 and turtle["facts"]
    assert turtle["validate"][0] == 0, turtle["validate"]
    for fmt in ("trig", "nquads", "jsonld"):
        assert _answers(built[fmt], tmp_path) == turtle, fmt


def test_formats_load_into_the_same_store(built, tmp_path):
    stores = {}
    for fmt, path in built.items():
        store = tmp_path / f"store-{fmt}"
        r = run_kg("load", "--graph", path, "--store", store)
        assert r.returncode == 0, r.stderr
        s = ox.Store.read_only(str(store))
        stores[fmt] = set(s)
        del s
    assert len(stores["ttl"]) > 1000
    for fmt in ("trig", "nquads", "jsonld"):
        assert stores[fmt] == stores["ttl"], (fmt, len(stores[fmt] ^ stores["ttl"]))


def test_formats_build_takes_the_extension_and_refuses_a_clash(built, tmp_path):
    first = built["nquads"].read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("<") and first.count("<") == 4 and first.endswith(" .")     # a quad, not Turtle
    out = tmp_path / "x.nq"
    r = run_kg("build", "-o", out, "--format", "trig")
    assert r.returncode == 2 and "x.nq" in r.stderr and "TriG" in r.stderr and "N-Quads" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and not out.exists()


def test_formats_graph_query_on_a_file_says_what_to_use(built):
    r = run_kg("query", "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1", "--graph", built["trig"])
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert "ConjunctiveGraph" not in r.stderr and "--store" in r.stderr


@pytest.mark.parametrize("command", ["query who_confirmed_deployment", "stats", "facts", "viz", "validate", "load",
                                     "eval --gold GOLD"])
def test_formats_not_a_graph_is_one_line_for_every_command(tmp_path, command):
    notes = tmp_path / "CATATAN.md"
    notes.write_text("# Catatan\n\nBukan graf.\n", encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text("documents: {}\n", encoding="utf-8")
    empty = tmp_path / "kosong.ttl"
    empty.write_text("", encoding="utf-8")
    args = command.replace("GOLD", str(gold)).split()
    for path, problem in ((notes, "not an RDF graph"), (empty, "holds no triples")):
        where = [path] if args[0] == "validate" else ["--graph", path]
        extra = ["--store", tmp_path / "store"] if args[0] == "load" else ["-o", tmp_path / "g.html"] \
            if args[0] == "viz" else []
        r = run_kg(*args, *where, *extra)
        lines = r.stderr.strip().splitlines()
        assert r.returncode == 2 and len(lines) == 1, (command, r.stderr)
        assert str(path) in lines[0] and problem in lines[0] and "format argument" not in lines[0]
        assert not (tmp_path / "store").exists() and not (tmp_path / "g.html").exists()
