"""The `kg` command."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kg import api
from kg.text.read import ArticleError
from kg.uses.query import QueryError, header, named
from kg.uses.store import StoreError

TABLE_ROWS = 50      # kg build prints a line per article up to this many articles


def _params(items: list[str]) -> dict[str, str]:
    out = {}
    for it in items or []:
        if "=" not in it:
            raise SystemExit(f"kg: --param {it!r}: expected NAME=VALUE")
        k, v = it.split("=", 1)
        out[k.strip()] = v
    return out


def _skipped(skipped) -> str:
    """'2 skipped (1 empty file, 1 not Indonesian text)'."""
    if not skipped:
        return "0 skipped"
    kinds: dict[str, int] = {}
    for e in skipped:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    return f"{len(skipped)} skipped (" + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda t: -t[1])) + ")"


def cmd_build(a) -> int:
    import signal

    from kg.build.pipeline import BuildError
    from kg.build.progress import Progress
    t0 = time.perf_counter()
    try:
        api.output_format(a.output, a.format)
    except ValueError as e:
        print(f"kg build: {e}", file=sys.stderr)
        return 2
    progress = Progress(enabled=True if a.progress else None)
    got = []

    def on_term(signum, frame):          # SIGTERM like Ctrl-C: stop the workers, leave the output as it was
        got.append(signum)
        raise KeyboardInterrupt

    try:
        old = signal.signal(signal.SIGTERM, on_term)
    except ValueError:                   # not the main thread
        old = None
    try:
        b = api.write_graph(a.paths, a.output, a.format, workers=a.workers, scheduler=a.scheduler,
                            cache=False if a.no_cache else (a.cache_dir or True), progress=progress)
    except BuildError as e:
        progress.close()
        print(f"kg: {e}", file=sys.stderr)
        return 2
    except ArticleError as e:
        progress.close()
        skipped = getattr(e, "skipped", [])
        if len(skipped) <= 1:
            print(f"kg: {e}", file=sys.stderr)
        else:                            # name each file that could not be read
            for x in skipped:
                print(f"kg: skipped {x}", file=sys.stderr)
            print(f"kg: no readable article in {len(skipped)} inputs; {a.output} was left as it was", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        progress.close()
        print(f"kg: build interrupted; {a.output} was left as it was", file=sys.stderr)
        return 128 + (got[0] if got else signal.SIGINT)
    finally:
        progress.close()
        if old is not None:
            signal.signal(signal.SIGTERM, old)
    for e in b.skipped:
        print(f"kg: skipped {e}", file=sys.stderr)
    for note in b.notes:
        print(f"kg: {note}", file=sys.stderr)
    if len(b.articles) <= TABLE_ROWS:
        print(f"{'article':<28} {'outlet':<24} {'published':<11} {'sents':>5} {'ents':>5} {'claims':>6}")
        for x in b.articles:
            print(f"{x.id[:28]:<28} {(x.outlet or '-')[:24]:<24} {(x.published.value if x.published else '-'):<11} "
                  f"{len(x.sentences):>5} {len(x.entities):>5} {len(x.claims):>6}")
    ignored = f", ignored: {len(b.ignored)} file{'s' * (len(b.ignored) != 1)} of other types" if b.ignored else ""
    print(f"{len(b.articles)} articles, {_skipped(b.skipped)}{ignored}, {b.entities} entities, {b.claims} claims, "
          f"{b.triples} triples, {b.extracted} extracted, {b.from_cache} from cache "
          f"-> {a.output} ({time.perf_counter() - t0:.1f} s)")
    return 3 if b.skipped else 0


TABLE_LIMIT = 100   # rows `kg query` prints as a table unless --limit says otherwise


def _natural(what: str):
    """An argparse type: a whole number, 0 or more; otherwise one line saying what was expected."""
    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            n = -1
        if n < 0:
            raise argparse.ArgumentTypeError(f"{text!r}: expected a number of {what}")
        return n
    return parse


_count = _natural("rows (0 or more)")
_workers = _natural("processes (0 for one per CPU)")


def cmd_query(a) -> int:
    if a.list:
        for name, p in named().items():
            print(f"{name:<32} {header(p).get('title', '')}")
        return 0
    if not a.query:
        raise SystemExit("kg query: give a query name, a .rq file or SPARQL text (or --list)")
    from kg.uses.query import (
        open_disk_store,
        open_store,
        pageable,
        render,
        run,
        store_of,
    )
    lib = named()
    reason = a.reason if a.reason is not None else (
        a.query in lib and header(lib[a.query]).get("reasoning", "").startswith("required"))
    if a.store:
        if a.reason:
            raise SystemExit("kg query: --reason reads a graph file (--graph), not a store")
        if reason:
            print(f"kg query: {a.query} needs OWL reasoning, which a store does not apply: this answer holds "
                  "only what the triples state (run it with --graph FILE to reason)", file=sys.stderr)
        source = open_disk_store(a.store)
    elif reason:                    # the graph plus what HermiT infers from it with the ontology
        from kg.graph.validate import InconsistentGraph, ReasonerUnavailable, infer
        try:
            inferred = infer(api.load_graph(a.graph))
        except InconsistentGraph as e:
            first = e.findings[0].message.replace("HermiT: the graph is inconsistent: ", "") if e.findings else ""
            more = f" (and {len(e.findings) - 1} more)" if len(e.findings) > 1 else ""
            print(f"kg query: {a.graph}: the graph contradicts the ontology, so it cannot be reasoned over: "
                  f"{first}{more}; `kg validate {a.graph}` lists every problem", file=sys.stderr)
            return 2
        except ReasonerUnavailable as e:
            print(f"kg query: {a.query} needs OWL reasoning, which cannot run here ({e}); "
                  "--no-reason runs it on the stated triples only", file=sys.stderr)
            return 2
        source = store_of(inferred) if a.engine == "oxigraph" else inferred
    else:
        source = open_store(a.graph) if a.engine == "oxigraph" else api.load_graph(a.graph)
    limit = a.limit if a.limit is not None else TABLE_LIMIT if a.format == "table" and pageable(a.query) else 0
    sys.stdout.write(render(run(source, a.query, _params(a.param), lang=a.lang, limit=limit or None, offset=a.offset),
                            a.format, offset=a.offset))
    return 0


def cmd_stats(a) -> int:
    import json

    from kg.uses.stats import format_text, stats
    s = stats(api.load_graph(a.graph), top=a.top)
    sys.stdout.write(json.dumps(s, ensure_ascii=False, indent=2) + "\n" if a.format == "json" else format_text(s))
    return 0


def cmd_facts(a) -> int:
    from kg.graph.facts import to_jsonl
    sys.stdout.write(to_jsonl(api.load_graph(a.graph)))
    return 0


def cmd_viz(a) -> int:
    from kg.uses.viz import write_html
    try:
        n = write_html(api.load_graph(a.graph), Path(a.output), focus=a.focus, depth=a.depth, max_nodes=a.max_nodes,
                       max_claims=a.max_claims, since=a.since, until=a.until, stated_only=a.stated_dates_only,
                       lang=a.lang)
    except ValueError as e:
        print(f"kg viz: {e}", file=sys.stderr)
        return 2
    print(f"{a.output}: {n} nodes")
    return 0


def cmd_load(a) -> int:
    from kg.uses import store
    if a.endpoint:
        if a.timeout <= 0:
            raise SystemExit(f"kg load: --timeout {a.timeout:g}: expected a number of seconds above 0")
        report = store.load_endpoint(a.graph, a.endpoint, user=a.user, password=a.password, timeout=a.timeout,
                                     say=lambda m: print(f"kg load: {m}", file=sys.stderr))
    else:
        report = store.load_local(a.graph, Path(a.store))
    print(report)
    return 0


def cmd_serve(a) -> int:
    """The query library (from the answer tables) and the Oxigraph SPARQL server (with its query page) over the
    local store, on one address; the server stops with this process."""
    from kg.uses import store
    reasoned = [q for q, p in named().items() if header(p).get("reasoning", "").startswith("required")]

    def say(banner: str) -> None:
        print(banner, file=sys.stderr)
        if reasoned:
            print(f"no OWL reasoning here: the queries that need it ({', '.join(reasoned)}) answer only from the stated triples "
                  "(run them with `kg query NAME --graph FILE` to reason)", file=sys.stderr)
    return store.serve(a.store, a.bind, timeout=a.timeout, say=say)


def cmd_validate(a) -> int:
    from kg.graph.validate import validate
    report = validate(api.load_graph(a.graph), reason=not a.no_reason)
    print(report)
    return 0 if report.conforms else 1


def cmd_eval(a) -> int:
    import json

    from kg.graph.facts import facts
    from kg.uses.evaluate import GoldError, load_gold, score, summary
    try:
        gold = load_gold(a.gold)
    except GoldError as e:
        print(f"kg: {e}", file=sys.stderr)
        return 2
    if a.paths or not a.graph:
        g, b = api.build_graph(a.paths)
        for e in b.skipped:
            print(f"kg: skipped {e}", file=sys.stderr)
    else:
        g = api.load_graph(a.graph)
    answers = {}
    for name in gold.get("questions") or {}:
        if name in named():
            try:
                answers[name] = json.loads(api.query(g, name, fmt="json"))
            except QueryError as e:
                print(f"kg: question {name}: {e}", file=sys.stderr)
    report, misses = score(list(facts(g)), gold, answers)
    if a.verbose:
        for m in misses:
            print("  -", m)
    print(json.dumps(report, indent=1))
    if a.json:
        Path(a.json).write_text(json.dumps({"report": report, "misses": misses}, indent=1), encoding="utf-8")
    print(summary(report))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Build a knowledge graph from Indonesian news articles.")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="articles -> graph.ttl (the bundled corpus when no paths)")
    b.add_argument("paths", nargs="*", help="article files or folders (.txt, .html, .jsonl)")
    b.add_argument("-o", "--output", default="graph.ttl")
    b.add_argument("--format", choices=["ttl", "trig", "nquads", "jsonld"],
                   help="default: the one the extension of -o names (.ttl .trig .nq .jsonld), else ttl")
    b.add_argument("--workers", type=_workers, default=1, metavar="N",
                   help="extract in N local processes (0: one per CPU; default 1)")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="extract on the Dask cluster of this scheduler (tcp://host:8786); its workers need kabar-kg")
    b.add_argument("--no-cache", action="store_true",
                   help="extract every article anew and keep nothing (default: reuse .kg-cache/ beside the output)")
    b.add_argument("--cache-dir", metavar="DIR", help="the extraction cache folder (default: .kg-cache/ beside the output)")
    b.add_argument("--progress", action="store_true", help="draw the progress bar even when stderr is not a terminal")
    b.set_defaults(func=cmd_build)

    q = sub.add_parser("query", help="run a named query, a .rq file or SPARQL text")
    q.add_argument("query", nargs="?")
    q.add_argument("--graph", default="graph.ttl")
    q.add_argument("--format", default="table", choices=["table", "csv", "json", "ttl"])
    q.add_argument("--param", action="append", metavar="NAME=VALUE", help="bind ?NAME to a string")
    q.add_argument("--list", action="store_true", help="list the query library")
    q.add_argument("--reason", action=argparse.BooleanOptionalAction, default=None,
                   help="query the graph plus what the OWL reasoner infers (default: when the query's header asks for it)")
    q.add_argument("--engine", default="rdflib", choices=["rdflib", "oxigraph"],
                   help="run on rdflib or on an in-memory Oxigraph store (same answers; default rdflib)")
    q.add_argument("--store", metavar="DIR",
                   help="query the embedded Oxigraph store that `kg load --store DIR` filled, instead of a graph file")
    q.add_argument("--limit", type=_count, metavar="N",
                   help=f"at most N rows (0: all; default {TABLE_LIMIT} for the table, all for csv and json)")
    q.add_argument("--offset", type=_count, default=0, metavar="N", help="skip the first N rows (with --limit: a page)")
    q.add_argument("--lang", choices=["id", "en"],
                   help="claim and event types as words in this language, and entity labels tagged with it where the graph has them")
    q.set_defaults(func=cmd_query)

    st = sub.add_parser("stats", help="counts, the most connected and central entities, outlets, communities")
    st.add_argument("--graph", default="graph.ttl")
    st.add_argument("--format", default="text", choices=["text", "json"])
    st.add_argument("--top", type=int, default=10, help="how many entities to list as most connected and central")
    st.set_defaults(func=cmd_stats)

    f = sub.add_parser("facts", help="flat facts read back from the graph, as JSON lines")
    f.add_argument("--graph", default="graph.ttl")
    f.set_defaults(func=cmd_facts)

    v = sub.add_parser("viz", help="an interactive HTML graph that works offline")
    v.add_argument("--graph", default="graph.ttl")
    v.add_argument("-o", "--output", default="graph.html")
    v.add_argument("--focus", help="draw only what is near this entity (a label or alias)")
    v.add_argument("--depth", type=int, default=2, help="hops from --focus (default 2)")
    v.add_argument("--max-nodes", type=int, default=400,
                   help="above this many actors, places and events, keep the most central")
    v.add_argument("--since", metavar="YYYY[-MM[-DD]]",
                   help="keep only claims dated on or after this, and the events they are about")
    v.add_argument("--until", metavar="YYYY[-MM[-DD]]",
                   help="keep only claims dated on or before this, and the events they are about")
    v.add_argument("--stated-dates-only", action="store_true",
                   help="with --since/--until: leave out dates inferred from the context or the publication date")
    v.add_argument("--max-claims", type=int, default=3000, help="above this, keep the claims of the most central")
    v.add_argument("--lang", choices=("id", "en"), default="id", help="language of the claim lines (default id)")
    v.set_defaults(func=cmd_viz)

    sv = sub.add_parser("serve", help="the query library (GET /library/NAME) and the Oxigraph SPARQL server "
                                       "over the local store, on 127.0.0.1")
    sv.add_argument("--store", default="store", help="folder of the embedded store (filled by kg load)")
    sv.add_argument("--bind", default="127.0.0.1:7878", help="address and port (default 127.0.0.1:7878)")
    sv.add_argument("--timeout", type=float, metavar="SECONDS", help="stop a query that runs longer than this")
    sv.set_defaults(func=cmd_serve)

    va = sub.add_parser("validate", help="check the graph: SHACL shapes and OWL consistency (HermiT)")
    va.add_argument("graph", nargs="?", default="graph.ttl")
    va.add_argument("--no-reason", action="store_true", help="skip the OWL reasoner")
    va.set_defaults(func=cmd_validate)

    ld = sub.add_parser("load", help="load the graph into an embedded Oxigraph store or a SPARQL server")
    ld.add_argument("--graph", default="graph.ttl")
    ld.add_argument("--store", default="store", help="folder of the embedded store")
    ld.add_argument("--endpoint", help="base URL of a SPARQL 1.1 server (Graph Store Protocol)")
    ld.add_argument("--user")
    ld.add_argument("--password")
    ld.add_argument("--timeout", type=float, default=30, metavar="SECONDS",
                    help="how long to wait for each answer of the server (default 30; then retried 3 times)")
    ld.set_defaults(func=cmd_load)

    ev = sub.add_parser("eval", help="score the graph's facts and query answers against a gold YAML file")
    ev.add_argument("paths", nargs="*", help="articles to build in memory (default: --graph, else the bundled corpus)")
    ev.add_argument("--gold", required=True, metavar="FILE", help="gold annotations (YAML)")
    ev.add_argument("--graph", metavar="FILE", help="score this graph file instead of building")
    ev.add_argument("--verbose", action="store_true", help="print every miss before the report")
    ev.add_argument("--json", metavar="OUT", help="also write {report, misses} to this JSON file")
    ev.set_defaults(func=cmd_eval)
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
