"""The `kg` command."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import api
from .query import QueryError, header, named
from .read import ArticleError
from .store import StoreError


def _params(items: list[str]) -> dict[str, str]:
    out = {}
    for it in items or []:
        if "=" not in it:
            raise SystemExit(f"kg: --param {it!r}: expected NAME=VALUE")
        k, v = it.split("=", 1)
        out[k.strip()] = v
    return out


def cmd_build(a) -> int:
    t0 = time.perf_counter()
    b = api.write_graph(a.paths, a.output, a.format)
    for e in b.skipped:
        print(f"kg: skipped {e}", file=sys.stderr)
    n_ent = len({k for x in b.articles for k in x.entities})
    n_claims = sum(len(x.claims) for x in b.articles)
    print(f"{'article':<28} {'outlet':<24} {'published':<11} {'sents':>5} {'ents':>5} {'claims':>6}")
    for x in b.articles:
        print(f"{x.id[:28]:<28} {(x.outlet or '-')[:24]:<24} {(x.published.value if x.published else '-'):<11} "
              f"{len(x.sentences):>5} {len(x.entities):>5} {len(x.claims):>6}")
    print(f"{len(b.articles)} articles, {len(b.skipped)} skipped, {n_ent} entities, {n_claims} claims "
          f"-> {a.output} ({time.perf_counter() - t0:.1f} s)")
    return 3 if b.skipped else 0


def cmd_query(a) -> int:
    if a.list:
        for name, p in named().items():
            print(f"{name:<32} {header(p).get('title', '')}")
        return 0
    if not a.query:
        raise SystemExit("kg query: give a query name, a .rq file or SPARQL text (or --list)")
    g = api.load_graph(a.graph)
    sys.stdout.write(api.query(g, a.query, _params(a.param), a.format))
    return 0


def cmd_facts(a) -> int:
    from .facts import to_jsonl
    sys.stdout.write(to_jsonl(api.load_graph(a.graph)))
    return 0


def cmd_viz(a) -> int:
    from .viz import write_html
    try:
        n = write_html(api.load_graph(a.graph), Path(a.output), focus=a.focus, depth=a.depth, max_nodes=a.max_nodes)
    except ValueError as e:
        print(f"kg viz: {e}", file=sys.stderr)
        return 2
    print(f"{a.output}: {n} nodes")
    return 0


def cmd_load(a) -> int:
    from . import store
    g = api.load_graph(a.graph)
    if a.endpoint:
        report = store.load_endpoint(g, a.endpoint, user=a.user, password=a.password)
    else:
        report = store.load_local(g, Path(a.store))
    print(report)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Build a knowledge graph from Indonesian news articles.")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="articles -> graph.ttl (the bundled corpus when no paths)")
    b.add_argument("paths", nargs="*", help="article files or folders (.txt, .html, .jsonl)")
    b.add_argument("-o", "--output", default="graph.ttl")
    b.add_argument("--format", default="ttl", choices=["ttl", "trig", "nquads", "jsonld"])
    b.set_defaults(func=cmd_build)

    q = sub.add_parser("query", help="run a named query, a .rq file or SPARQL text")
    q.add_argument("query", nargs="?")
    q.add_argument("--graph", default="graph.ttl")
    q.add_argument("--format", default="table", choices=["table", "csv", "json", "ttl"])
    q.add_argument("--param", action="append", metavar="NAME=VALUE", help="bind ?NAME to a string")
    q.add_argument("--list", action="store_true", help="list the query library")
    q.set_defaults(func=cmd_query)

    f = sub.add_parser("facts", help="flat facts read back from the graph, as JSON lines")
    f.add_argument("--graph", default="graph.ttl")
    f.set_defaults(func=cmd_facts)

    v = sub.add_parser("viz", help="an interactive HTML graph that works offline")
    v.add_argument("--graph", default="graph.ttl")
    v.add_argument("-o", "--output", default="graph.html")
    v.add_argument("--focus", help="draw only what is near this entity (a label or alias)")
    v.add_argument("--depth", type=int, default=2, help="hops from --focus (default 2)")
    v.add_argument("--max-nodes", type=int, default=400, help="above this, draw the most central part")
    v.set_defaults(func=cmd_viz)

    ld = sub.add_parser("load", help="load the graph into an embedded Oxigraph store or a SPARQL server")
    ld.add_argument("--graph", default="graph.ttl")
    ld.add_argument("--store", default="store", help="folder of the embedded store")
    ld.add_argument("--endpoint", help="base URL of a SPARQL 1.1 server (Graph Store Protocol)")
    ld.add_argument("--user")
    ld.add_argument("--password")
    ld.set_defaults(func=cmd_load)
    return p


def main(argv: list[str] | None = None) -> int:
    a = parser().parse_args(argv)
    try:
        return a.func(a)
    except (ArticleError, api.GraphError, QueryError, StoreError) as e:
        print(f"kg: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
