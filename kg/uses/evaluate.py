"""Score facts read back from the graph against gold annotations (the rules of the gold scorer)."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from kg.graph.rdf import name_key

SPEECH = {"STATEMENT"}


class GoldError(Exception):
    pass


def load_gold(path: str | Path) -> dict:
    """The gold annotations of a YAML file; GoldError when it is missing or not a YAML mapping."""
    import yaml
    try:
        gold = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise GoldError(f"{path}: cannot read the gold file ({e.strerror or e})") from None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise GoldError(f"{path}: not valid YAML ({' '.join(str(e).split())[:200]})") from None
    if not isinstance(gold, dict):
        raise GoldError(f"{path}: not a gold file (expected a YAML mapping)")
    return gold


norm = name_key      # the scorer's folding of names, as the graph's kb:nameKey holds it


def as_list(v) -> list:
    return [] if v is None else v if isinstance(v, list) else [v]


def _own_names(r: dict) -> set[str]:
    return {norm(r.get("label", ""))} | {norm(x) for x in r.get("aliases") or []}


def _names_of(row: dict, key: str, entities: dict, by_label: dict) -> set[str]:
    """All names of the entity in row[key]: its label and aliases, by id or else by label."""
    out = set()
    if row.get(key):
        out.add(norm(row[key]))
        out |= by_label.get(norm(row[key]), set())
    ent = entities.get(row.get(key + "_id")) if row.get(key + "_id") else None
    if ent:
        out.add(norm(ent.get("label", "")))
        out |= {norm(a) for a in ent.get("aliases") or []}
    out |= {norm(a) for a in row.get(key + "_aliases") or []}
    out.discard("")
    return out


def date_fits(gold, sysd) -> bool:
    """A system date fits a gold day/month/year (prefix) or a [from, to] span."""
    if gold is None:
        return True
    if not sysd:
        return False
    sysd = str(sysd)
    if isinstance(gold, list):
        lo, hi = str(gold[0]), str(gold[1])
        return lo <= sysd[:len(lo)] and sysd[:len(hi)] <= hi
    return sysd.startswith(str(gold))


def qty_fits(gold, row: dict) -> bool:
    """The row's quantity (or range) fits a gold number or [low, high]."""
    if gold is None:
        return True
    q, r = row.get("quantity"), row.get("quantity_range")
    if isinstance(gold, list):
        if r and [int(r[0]), int(r[1])] == [int(gold[0]), int(gold[1])]:
            return True
        return q is not None and int(gold[0]) <= int(q) <= int(gold[1])
    return (q is not None and int(q) == int(gold)) or bool(r and int(r[0]) <= int(gold) <= int(r[1]) and r[0] == r[1])


def _prf(tp_p: int, tp_r: int, n_sys: int, n_gold: int) -> dict:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def score(facts: list[dict], gold: dict, answers: dict[str, dict] | None = None) -> tuple[dict, list[str]]:
    """(report, misses) of facts against gold; `answers` maps question names to SPARQL 1.1 JSON results."""
    gold_docs = {d["doc"] for d in gold.get("documents", [])}
    rows = [r for r in facts if r.get("doc") in gold_docs or r.get("kind") == "entity"]
    entities: dict[str, dict] = {}
    by_label: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.get("kind") == "entity":
            if r.get("id"):
                entities[r["id"]] = r
            by_label[norm(r.get("label", ""))] |= _own_names(r)
    names = lambda row, key: _names_of(row, key, entities, by_label)
    report: dict = {}
    misses: list[str] = []

    docs_sys = {r["doc"]: r for r in rows if r.get("kind") == "document"}
    ok = tot = 0
    for d in gold.get("documents", []):
        s = docs_sys.get(d["doc"], {})
        if d.get("outlet"):
            tot += 1
            hit = bool(s.get("outlet") and norm(s["outlet"]) in {norm(x) for x in d["outlet"]})
            ok += hit
            if not hit:
                misses.append(f"outlet {d['doc']}: want {d['outlet'][0]!r}, got {s.get('outlet')!r}")
        if d.get("published"):
            tot += 1
            hit = str(s.get("published") or "")[:10] == str(d["published"])
            ok += hit
            if not hit:
                misses.append(f"published {d['doc']}: want {d['published']}, got {s.get('published')!r}")
    report["documents"] = {"correct": ok, "of": tot}

    tp_p = tp_r = n_sys = n_gold = 0
    for doc, groups in (gold.get("persons") or {}).items():
        gsets = [{norm(x) for x in g} for g in groups]
        bad = {norm(x) for x in (gold.get("not_persons") or {}).get(doc, [])}
        maybe = {norm(x) for x in (gold.get("maybe_persons") or {}).get(doc, [])}
        sys_p = [r for r in rows if r.get("kind") == "entity" and r.get("doc") == doc and r.get("type") == "Person"
                 and not _own_names(r) & maybe]
        n_sys += len(sys_p)
        n_gold += len(gsets)
        for r in sys_p:
            nm = _own_names(r)
            if nm & bad or not any(nm & g for g in gsets):
                misses.append(f"person {doc}: extra {r.get('label')!r}")
            else:
                tp_p += 1
        for g, raw in zip(gsets, groups):
            if any(_own_names(r) & g for r in sys_p):
                tp_r += 1
            else:
                misses.append(f"person {doc}: missing {raw[0]!r}")
    report["persons"] = _prf(tp_p, tp_r, n_sys, n_gold)

    role_rows = [x for x in rows if x.get("kind") == "role"]
    hit_roles = 0
    for g in gold.get("roles") or []:
        gp, gr, go = ({norm(x) for x in as_list(g[k])} for k in ("person", "role", "org"))
        found = any(names(x, "person") & gp and any(t in norm(x.get("role") or "") for t in gr)
                    and names(x, "org") & go for x in role_rows)
        hit_roles += found
        if not found:
            misses.append(f"role: missing {as_list(g['person'])[0]} / {as_list(g['role'])[0]} / {as_list(g['org'])[0]}")
    n_roles = len(gold.get("roles") or [])
    report["roles"] = {"recall": round(hit_roles / n_roles, 3) if n_roles else None}

    claims = [x for x in rows if x.get("kind") == "claim"]
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for x in claims:
        by_doc[x.get("doc")].append(x)
    gclaims = gold.get("claims") or []

    def accepts(g: dict, x: dict, strict: bool) -> bool:
        if x.get("doc") != g["doc"] or x.get("type") not in as_list(g["type"]):
            return False
        if not names(x, "agent") & {norm(n) for n in as_list(g["agent"])}:
            return False
        if not strict:
            return True
        for key in ("target", "place"):
            if g.get(key) and not names(x, key) & {norm(n) for n in g[key]}:
                return False
        if g.get("about") and x.get("about") != g["about"]:
            return False
        return qty_fits(g.get("quantity"), x)

    req = [g for g in gclaims if not g.get("optional")]
    found = found_dated = 0
    for g in req:
        cands = [x for x in by_doc[g["doc"]] if accepts(g, x, True)]
        if not cands:
            misses.append(f"claim {g['id']}: missing {as_list(g['type'])[0]} by {as_list(g['agent'])[0]}")
            continue
        found += 1
        if any(date_fits(g.get("date"), x.get("date")) for x in cands):
            found_dated += 1
        else:
            misses.append(f"claim {g['id']}: found, date wrong: want {g.get('date')}, got {[x.get('date') for x in cands]}")
    scored = [x for x in claims if x.get("type") not in SPEECH]
    correct = 0
    for x in scored:
        if any(accepts(g, x, False) for g in gclaims):
            correct += 1
        else:
            misses.append(f"claim extra in {x.get('doc')}: {x.get('type')} by {x.get('agent')!r}: "
                          f"{str(x.get('evidence'))[:90]!r}")
    # Date precision: of the rows that carry a date and match a gold claim (optional ones included)
    # whose date is known, the share whose date fits.
    dated_rows = dated_right = 0
    for x in claims:
        golds = [g for g in gclaims if g.get("date") is not None and accepts(g, x, True)] if x.get("date") else []
        if not golds:
            continue
        dated_rows += 1
        if any(date_fits(g["date"], x["date"]) for g in golds):
            dated_right += 1
        else:
            want = [str(g["date"]) if not isinstance(g["date"], list) else [str(d) for d in g["date"]] for g in golds]
            misses.append(f"claim date wrong in {x.get('doc')}: {x.get('type')} by {x.get('agent')!r} "
                          f"dated {x['date']}, want {want}")
    report["claims"] = {**_prf(correct, found, len(scored), len(req)),
                        "recall_with_date": round(found_dated / len(req), 3) if req else None,
                        "date_precision": round(dated_right / dated_rows, 3) if dated_rows else None,
                        "dated_rows": dated_rows,
                        "system_rows": len(claims), "gold_required": len(req)}

    if answers is not None and gold.get("questions"):
        qs = {name: _question(name, spec, answers.get(name), misses) for name, spec in gold["questions"].items()}
        report["questions"] = {"answered": sum(qs.values()), "of": len(qs), "each": qs}
    return report, misses


def _question(name: str, spec: dict, result: dict | None, misses: list[str]) -> bool:
    """Whether the SPARQL JSON result meets every `must` row and names no `must_not` agent."""
    if result is None:
        misses.append(f"question {name}: no answer")
        return False
    vals = [{k: v.get("value") for k, v in b.items()} for b in result.get("results", {}).get("bindings", [])]
    good = True
    for m in spec.get("must", []):
        an = {norm(n) for n in as_list(m["agent"])}
        if not any(norm(v.get("agent", "")) in an and date_fits(m.get("date"), v.get("date"))
                   and (m.get("quantity") is None or (v.get("quantity") or "").split(".")[0] == str(m["quantity"]))
                   for v in vals):
            good = False
            misses.append(f"question {name}: no row for {as_list(m['agent'])[0]} {m.get('date', '')} {m.get('quantity', '')}")
    bad = {norm(n) for n in spec.get("must_not", [])}
    for v in vals:
        if norm(v.get("agent", "")) in bad:
            good = False
            misses.append(f"question {name}: wrong row {v.get('agent')}")
    return good


def summary(report: dict) -> str:
    """The one-line summary: persons F1, roles recall, claims P/R/F1, dated recall, questions."""
    c, q = report["claims"], report.get("questions")
    return (f"persons F1 {report['persons']['f1']:.2f} | roles R {report['roles']['recall'] or 0:.2f} | "
            f"claims P {c['precision']:.2f} R {c['recall']:.2f} F1 {c['f1']:.2f} dated-R {c['recall_with_date'] or 0:.2f} "
            f"dated-P {c['date_precision'] or 0:.2f}" + (f" | questions {q['answered']}/{q['of']}" if q else ""))
