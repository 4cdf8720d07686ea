"""Latency of the query library over HTTP through `kg serve`, against `kg query --store` in one process.

Starts `kg serve --store DIR` on a free port of 127.0.0.1 (DIR filled by `kg load`), asks every query of
queries/ with the parameters of its header's example for its first page (`limit=100`) and its whole answer
at GET /library/NAME (one HTTP/1.0 request a run, SPARQL JSON results read whole), and times the same answers
as `kg query NAME --store DIR --format json` makes them, in this process (kg.uses.query.run on the store
opened as `kg query --store` opens it, then render: no process start, no HTTP).
Median ms of --runs runs, and the rows of the whole answer. With --sparql, also the first page as `kg serve`
answered it before /library/: the library's SPARQL text POSTed to /query, parameters bound by a VALUES clause
of their terms, one run, given up after --limit-s seconds (the server's --timeout). The server is stopped at the end.

    kg load --graph graph.nq --store DIR
    python bench/serve_speed.py --store DIR --runs 7 [--sparql]
"""
from __future__ import annotations

import argparse
import json
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from store_speed import example_params  # noqa: E402

from kg.uses.query import _form, bind, kinds, named, open_disk_store, pageable, render, resolve, run, shape  # noqa: E402

PAGE = 100


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read()


def median_ms(fn, runs: int) -> float:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out)


def sparql_text(name: str, params: dict[str, str]) -> str:
    """The library's SPARQL text with its first page and the parameters' terms in a VALUES clause."""
    path = named()[name]
    text = shape(resolve(name), params) + f"\nLIMIT {PAGE + 1}"
    if params:
        kind = kinds(path)
        terms = [bind(kind.get(k, ""), v).n3() for k, v in params.items()]
        text += f"\nVALUES ({' '.join('?' + k for k in params)}) {{ ({' '.join(terms)}) }}"
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, required=True, help="a store `kg load` filled")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--sparql", action="store_true", help="also the SPARQL text over /query, as before (one run)")
    ap.add_argument("--limit-s", type=float, default=60, help="seconds a SPARQL run may take")
    a = ap.parse_args(argv)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(a.store), "--bind", f"127.0.0.1:{port}",
                             "--timeout", str(a.limit_s)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                get(f"{base}/library/", 2)
                break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit("kg serve ended before answering")
                time.sleep(0.05)
        local = open_disk_store(a.store)
        head = "| query | rows | http page | http all | in-process page | in-process all |" + (" sparql page |" if a.sparql else "")
        print(f"store {a.store}, median ms of {a.runs} runs; page: limit={PAGE}")
        print(head)
        print("|" + " --- |" + " ---: |" * (head.count("|") - 2))
        for name, path in named().items():
            params = example_params(path)
            page = pageable(name)
            url = f"{base}/library/{name}?" + urllib.parse.urlencode(params)
            rows = len(json.loads(get(url + "&format=json", 600))["results"]["bindings"]) \
                if _form(resolve(name)) == "SELECT" else "-"
            cells = [str(rows)]
            fmt = "json" if rows != "-" else "ttl"
            cells.append(f"{median_ms(lambda: get(url + f'&limit={PAGE}', 600), a.runs):,.1f}" if page else "-")
            cells.append(f"{median_ms(lambda: get(url, 600), a.runs):,.1f}")
            cells.append(f"{median_ms(lambda: render(run(local, name, params, limit=PAGE), 'json'), a.runs):,.1f}" if page else "-")
            cells.append(f"{median_ms(lambda: render(run(local, name, params), fmt), a.runs):,.1f}")
            if a.sparql:
                if page:
                    req = urllib.request.Request(f"{base}/query", data=sparql_text(name, params).encode(), method="POST",
                                                 headers={"Content-Type": "application/sparql-query",
                                                          "Accept": "application/sparql-results+json"})
                    t = time.perf_counter()
                    try:
                        with urllib.request.urlopen(req, timeout=a.limit_s + 5) as r:
                            r.read()
                        cells.append(f"{(time.perf_counter() - t) * 1000:,.1f}")
                    except (OSError, urllib.error.HTTPError):
                        cells.append(f"> {a.limit_s:g} s")
                else:
                    cells.append("-")
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
