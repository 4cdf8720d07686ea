"""kg serve: the Oxigraph SPARQL server over the local store, reached over HTTP on 127.0.0.1."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import run_kg
from rdflib import Graph


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_sparql_over_the_loaded_store(seeds_graph, tmp_path):
    store = tmp_path / "store"
    run_kg("load", "--graph", seeds_graph, "--store", store, check=True)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        query = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
        req = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=query.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
        for _ in range(100):
            try:
                with urllib.request.urlopen(req, timeout=2) as r:
                    n = int(json.load(r)["results"]["bindings"][0]["n"]["value"])
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("kg serve did not answer")
        assert n == len(Graph().parse(seeds_graph))
        # the library's queries, written without GRAPH, see every article's graph
        from kg.uses.query import resolve
        local = json.loads(run_kg("query", "who_confirmed_deployment", "--graph", seeds_graph, "--format", "json",
                                  check=True).stdout)["results"]["bindings"]
        req = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=resolve("who_confirmed_deployment").encode(),
                                     method="POST", headers={"Content-Type": "application/sparql-query",
                                                             "Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            served = json.load(r)["results"]["bindings"]
        rows = lambda bs: sorted(json.dumps({k: v["value"] for k, v in b.items()}, sort_keys=True) for b in bs)
        assert rows(served) == rows(local) and len(local) >= 3
        # one with a parameter, bound over HTTP by a VALUES clause of the term (its name key), as kg query binds it
        from rdflib import Literal

        from kg.graph.rdf import name_key
        local = json.loads(run_kg("query", "entity_claims", "--param", "entity=Korut", "--graph", seeds_graph,
                                  "--format", "json", check=True).stdout)["results"]["bindings"]
        text = resolve("entity_claims") + f"\nVALUES ?entity {{ {Literal(name_key('Korut')).n3()} }}"
        req = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=text.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            served = [{k: v for k, v in b.items() if k != "entity"} for b in json.load(r)["results"]["bindings"]]
        assert rows(served) == rows(local) and len(local) >= 10
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_without_a_store_says_so(tmp_path):
    r = run_kg("serve", "--store", tmp_path / "nothing")
    assert r.returncode == 2 and "nothing" in r.stderr and "kg load" in r.stderr
