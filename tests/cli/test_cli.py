"""The `kg` command as a user runs it: build, query, facts, and clear errors on bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT, run_kg
from rdflib import Graph, URIRef


def test_cli_build_writes_graph_and_summary(invented_dir, tmp_path):
    out = tmp_path / "g.ttl"
    r = run_kg("build", invented_dir, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "contoh_001" in r.stdout and "1 articles, 0 skipped" in r.stdout
    g = Graph().parse(out)
    assert len(g) > 20


@pytest.mark.parametrize("make, problem", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: (d / "empty").mkdir() or d / "empty", "no article files"),
    (lambda d: (d / "blob.txt").write_bytes(b"\x00\x01\x02binary") and d / "blob.txt", "binary"),
    (lambda d: (d / "blank.txt").write_text("  \n") and d / "blank.txt", "empty file"),
])
def test_cli_build_bad_input_names_file_and_writes_nothing(tmp_path, make, problem):
    path = make(tmp_path)
    out = tmp_path / "g.ttl"
    r = run_kg("build", path, "-o", out)
    assert r.returncode != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and problem in lines[0], r.stderr
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".g.ttl")]   # no temporary left behind


def test_cli_build_skips_bad_article_and_keeps_the_rest(invented_dir, tmp_path):
    (invented_dir / "rusak.txt").write_bytes(b"\x00\xff\x00")
    out = tmp_path / "g.ttl"
    r = run_kg("build", invented_dir, "-o", out)
    assert r.returncode == 3
    assert "rusak.txt" in r.stderr and "skipped" in r.stderr
    assert "1 articles, 1 skipped" in r.stdout
    assert out.exists()


def test_cli_build_keeps_previous_graph_when_build_fails(tmp_path):
    out = tmp_path / "g.ttl"
    out.write_text("# previous graph\n")
    r = run_kg("build", tmp_path / "nothing-here", "-o", out)
    assert r.returncode == 2
    assert out.read_text() == "# previous graph\n"


def test_cli_build_same_input_same_bytes_whatever_the_hash_seed(invented_dir, tmp_path):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"g{seed}.ttl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg", "build", str(invented_dir), "-o", str(out)], env=env,
                       check=True, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_cli_build_of_many_rules_same_bytes_whatever_the_hash_seed(tmp_path):
    """The bundled test articles exercise most rules; a pattern built from a set in hash order once made one
    person appear under some seeds only."""
    outs = []
    for seed in ("1", "3", "7"):
        out = tmp_path / f"g{seed}.ttl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "tests" / "heldout"), str(ROOT / "tests" / "heldout3"),
                        "-o", str(out), "--no-cache"], env=env, check=True, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]


def test_cli_query_named_and_text_and_formats(seeds_graph):
    r = run_kg("query", "who_confirmed_deployment", "--graph", seeds_graph)
    assert r.returncode == 0 and r.stdout.splitlines()[0].split() == ["agent", "date", "dated", "source"]
    j = json.loads(run_kg("query", "who_confirmed_deployment", "--graph", seeds_graph, "--format", "json").stdout)
    assert j["head"]["vars"] == ["agent", "date", "dated", "source"] and j["results"]["bindings"]
    text = "PREFIX kb: <https://w3id.org/kabar-kg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?a a kb:Article }"
    csv = run_kg("query", text, "--graph", seeds_graph, "--format", "csv").stdout
    assert csv.splitlines() == ["n", "5"]


def test_cli_query_bad_input_is_one_line(seeds_graph, tmp_path):
    r = run_kg("query", "no_such_query", "--graph", seeds_graph)
    assert r.returncode == 2 and "no_such_query" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run_kg("query", "who_confirmed_deployment", "--graph", tmp_path / "none.ttl")
    assert r.returncode == 2 and "none.ttl" in r.stderr
    r = run_kg("query", "SELECT * WHERE { ?s ?p }", "--graph", seeds_graph)
    assert r.returncode == 2 and "query failed" in r.stderr


def test_cli_query_list_shows_titles():
    r = run_kg("query", "--list")
    names = {line.split()[0] for line in r.stdout.splitlines()}
    assert {"who_confirmed_deployment", "who_denied_deployment", "troop_estimates", "position_reversals"} <= names


def test_cli_facts_come_from_the_graph(seeds_graph):
    rows = [json.loads(x) for x in run_kg("facts", "--graph", seeds_graph).stdout.splitlines()]
    kinds = {r["kind"] for r in rows}
    assert kinds == {"document", "entity", "role", "claim"}
    g = Graph().parse(seeds_graph)
    code = URIRef("https://w3id.org/kabar-kg/ontology#typeCode")
    for r in rows:
        if r["kind"] == "claim":      # the row says what the graph says
            assert str(g.value(URIRef(r["id"]), code)) == r["type"]


@pytest.mark.parametrize("denial, kept", [
    ('"Unit-unit kami tidak melepaskan tembakan," kata juru bicara Kementerian Pertahanan Peru, Ana Rojas, Selasa.', False),
    ("Kementerian Pertahanan Peru membantah telah menyerang pos Chili di perbatasan.", False),
    ("Kementerian Pertahanan Chili mengatakan pasukan Peru menyerang pos Chili di perbatasan.", True),
])
def test_cli_facts_list_no_event_that_was_only_denied(tmp_path, denial, kept):
    (tmp_path / "a.txt").write_text("Judul berita\n\nLima, Kabar Contoh - " + denial + "\n", encoding="utf-8")
    run_kg("build", tmp_path / "a.txt", "-o", tmp_path / "g.ttl", check=True)
    rows = [json.loads(x) for x in run_kg("facts", "--graph", tmp_path / "g.ttl", check=True).stdout.splitlines()]
    assert any(r["kind"] == "claim" and r["type"] == "ATTACK" for r in rows) == kept, rows


def test_cli_committed_graph_is_up_to_date(tmp_path):
    """graph.ttl in the repository is what `kg build` makes of corpus/ (rebuild: `kg build`)."""
    out = tmp_path / "g.ttl"
    run_kg("build", "-o", out, check=True)
    assert (ROOT / "graph.ttl").read_bytes() == out.read_bytes(), "graph.ttl is stale: run `kg build` and commit it"
