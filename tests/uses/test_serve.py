"""kg serve: the Oxigraph SPARQL server over the local store, reached over HTTP on 127.0.0.1."""
from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
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


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in open(f"/proc/{pid}/task/{pid}/children").read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    """Running (not gone, not a zombie waiting to be reaped)."""
    try:
        return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def _start_serve(store, port):
    """`kg serve` on `store`, answering on `port`; its process and the oxigraph child's pid."""
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1):
                break
        except OSError:
            if proc.poll() is not None:
                raise AssertionError(f"kg serve ended: {proc.stderr.read()}")
            time.sleep(0.05)
    else:
        proc.kill()
        raise AssertionError("kg serve did not answer")
    kids = _children(proc.pid)
    assert len(kids) == 1 and "oxigraph" in open(f"/proc/{kids[0]}/cmdline").read()
    return proc, kids[0]


def _stop(proc, child) -> None:
    """Whatever a test started, stopped (by pid)."""
    import os
    import signal
    for pid in (proc.pid, child):
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
    proc.wait(timeout=10)


@contextlib.contextmanager
def _serving(store):
    """`kg serve` on `store` for the block: (its address, its port, the oxigraph child's pid); stopped after."""
    port = _free_port()
    proc, child = _start_serve(store, port)
    try:
        yield f"http://127.0.0.1:{port}", port, child
    finally:
        _stop(proc, child)


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT", "SIGHUP", "SIGKILL"])
def test_serve_leaves_no_process_behind_however_it_ends(seeds_graph, tmp_path, sig):
    import signal
    store = tmp_path / "store"
    run_kg("load", "--graph", seeds_graph, "--store", store, check=True)
    port = _free_port()
    proc, child = _start_serve(store, port)
    try:
        proc.send_signal(getattr(signal, sig))
        proc.wait(timeout=15)
        for _ in range(100):
            if not _alive(child) and _port_free(port):
                break
            time.sleep(0.1)
        assert not _alive(child), f"the oxigraph child outlived kg serve ({sig})"
        assert _port_free(port)
        r = run_kg("load", "--graph", seeds_graph, "--store", store)     # the store's lock is free too
        assert r.returncode == 0, r.stderr
    finally:
        _stop(proc, child)


def test_serve_store_or_address_in_use_is_one_line(seeds_graph, tmp_path):
    store = tmp_path / "store"
    run_kg("load", "--graph", seeds_graph, "--store", store, check=True)
    with _serving(store) as (_, port, child):
        for args, problem in ((["serve", "--store", store, "--bind", f"127.0.0.1:{_free_port()}"], "in use"),
                              (["load", "--graph", seeds_graph, "--store", store], "in use")):
            r = run_kg(*args)
            lines = r.stderr.strip().splitlines()
            assert r.returncode == 2 and len(lines) == 1, r.stderr
            assert str(store) in lines[0] and problem in lines[0] and "panicked" not in r.stderr
        other = tmp_path / "other"
        run_kg("load", "--graph", seeds_graph, "--store", other, check=True)
        r = run_kg("serve", "--store", other, "--bind", f"127.0.0.1:{port}")
        assert r.returncode == 2 and f"127.0.0.1:{port}" in r.stderr and len(r.stderr.strip().splitlines()) == 1
        assert _alive(child)                     # the running server was left alone


def test_serve_says_it_does_not_reason(seeds_graph, tmp_path):
    store = tmp_path / "store"
    run_kg("load", "--graph", seeds_graph, "--store", store, check=True)
    r = run_kg("query", "claims_on_behalf_of", "--store", store)
    assert r.returncode == 0 and "claims_on_behalf_of" in r.stderr and "reasoning" in r.stderr
    port = _free_port()
    proc, child = _start_serve(store, port)
    import signal
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=15)
    _stop(proc, child)
    assert "claims_on_behalf_of" in proc.stderr.read()


def _get(url: str, accept: str | None = None) -> tuple[int, str, dict]:
    """(status, body, headers) of a GET, error answers included."""
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode("utf-8"), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8"), dict(e.headers)


def test_serve_answers_the_library_as_kg_query_store_does(seeds_graph, tmp_path):
    store = tmp_path / "store"
    run_kg("load", "--graph", seeds_graph, "--store", store, check=True)
    answers = {}        # kg query --store's answers, asked before the server holds the store

    def kg(*args):
        return answers[args]
    for args in (("entity_claims", "--param", "entity=Korut", "--format", "json"),
                 ("entity_claims", "--param", "entity=Korut", "--limit", "3", "--offset", "2", "--format", "json"),
                 ("timeline", "--limit", "5", "--format", "csv"), ("roles", "--format", "csv"),
                 ("claim_subgraph", "--param", "entity=Korut", "--format", "ttl")):
        answers[args] = run_kg("query", *args, "--store", store, check=True).stdout
    with _serving(store) as (base, _, _):
        status, body, _ = _get(f"{base}/library/")
        listed = {q["name"]: q for q in json.loads(body)}
        assert status == 200 and "entity_claims" in listed and listed["entity_claims"]["parameters"]["entity"]["required"]
        # the same rows, the same order, the same JSON as kg query --store: with a parameter, and a page of it
        status, body, headers = _get(f"{base}/library/entity_claims?entity=Korut")
        assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
        assert body == kg("entity_claims", "--param", "entity=Korut", "--format", "json")
        assert len(json.loads(body)["results"]["bindings"]) >= 10
        status, body, headers = _get(f"{base}/library/entity_claims?entity=Korut&limit=3&offset=2")
        assert status == 200 and body == kg("entity_claims", "--param", "entity=Korut", "--limit", "3", "--offset", "2",
                                            "--format", "json")
        assert len(json.loads(body)["results"]["bindings"]) == 3
        assert "offset=5" in headers["Link"] and 'rel="next"' in headers["Link"]
        # CSV by Accept or format=, a query without parameters
        assert _get(f"{base}/library/timeline?limit=5", "text/csv")[1] == kg("timeline", "--limit", "5", "--format", "csv")
        assert _get(f"{base}/library/roles?format=csv")[1] == kg("roles", "--format", "csv")
        tsv = _get(f"{base}/library/roles?person=Putin&format=tsv")[1].splitlines()
        assert tsv[0] == "?member\t?role\t?organization\t?source" and len(tsv) >= 3 and '"Vladimir Putin"' in tsv[1]
        # a query the tables do not hold (CONSTRUCT): from the store, the same graph
        status, body, headers = _get(f"{base}/library/claim_subgraph?entity=Korut")
        assert status == 200 and headers["Content-Type"].startswith("text/turtle")
        from rdflib.compare import isomorphic
        local = Graph().parse(data=kg("claim_subgraph", "--param", "entity=Korut", "--format", "ttl"), format="turtle")
        assert len(local) > 50 and isomorphic(Graph().parse(data=body, format="turtle"), local)
        # what cannot be answered says so in one line
        for url, code, words in ((f"{base}/library/no_such_query", 404, "no_such_query"),
                                 (f"{base}/library/entity_claims?entity=Korut&colour=red", 400, "colour"),
                                 (f"{base}/library/entity_claims", 400, "entity"),
                                 (f"{base}/library/entity_claims?entity=Korut&limit=many", 400, "limit"),
                                 (f"{base}/library/entity_claims?entity=Korut&format=xml", 400, "xml"),
                                 (f"{base}/library/claim_subgraph?entity=Korut&limit=3", 400, "limit")):
            status, body, _ = _get(url)
            assert status == code and words in body and len(body.strip().splitlines()) == 1, (url, status, body)
            assert "Traceback" not in body
        # plain SPARQL at the same address, by the Oxigraph server
        req = urllib.request.Request(f"{base}/query", data=b"SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", method="POST",
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            assert int(json.load(r)["results"]["bindings"][0]["n"]["value"]) == len(Graph().parse(seeds_graph))
        status, body, _ = _get(f"{base}/query?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"),
                               "application/sparql-results+json")
        assert status == 200 and json.loads(body)["boolean"] is True
        assert _get(f"{base}/")[0] == 200         # the query page


def test_serve_drops_the_tables_when_the_store_changes(seeds_graph, tmp_path):
    from kg.uses.answers import FILE
    store = tmp_path / "store"
    run_kg("load", "--graph", seeds_graph, "--store", store, check=True)
    with _serving(store) as (base, _, _):
        before = _get(f"{base}/library/roles?person=Putin&format=csv")[1].splitlines()
        assert len(before) >= 3
        kb = "https://w3id.org/kabar-kg/ontology#"
        update = (f"PREFIX kb: <{kb}> INSERT {{ GRAPH <urn:example:g> {{ <urn:example:m> "
                  "<http://www.w3.org/ns/org#member> ?p ; kb:roleLabel \"penasihat\" ; kb:sourceId \"x_1\" } } "
                  'WHERE { ?p kb:nameKey "vladimir putin" }')
        req = urllib.request.Request(f"{base}/update", data=update.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
        with urllib.request.urlopen(req, timeout=10) as r:
            assert r.status in (200, 204)
        assert not (store / FILE).exists()       # no stale answer is read, here or by kg query --store
        after = _get(f"{base}/library/roles?person=Putin&format=csv")[1].splitlines()   # from the SPARQL text now
        assert sorted(after) == sorted(before + ["Vladimir Putin,penasihat,,x_1"])
