"""Extraction on the bundled corpus, scored with the gold annotations and scorer beside the repository."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SHARED, run_kg

QUESTIONS = ("who_confirmed_deployment", "who_denied_deployment", "troop_estimates", "position_reversals")


@pytest.fixture(scope="module")
def report(seeds_graph, tmp_path_factory):
    gold = SHARED / "gold" / "seeds.yaml"
    if not gold.is_file():
        pytest.skip("../shared/gold is not beside the repository")
    d = tmp_path_factory.mktemp("score")
    (d / "facts.jsonl").write_text(run_kg("facts", "--graph", seeds_graph, check=True).stdout, encoding="utf-8")
    (d / "answers").mkdir()
    for q in QUESTIONS:
        out = run_kg("query", q, "--graph", seeds_graph, "--format", "json", check=True).stdout
        (d / "answers" / f"{q}.json").write_text(out, encoding="utf-8")
    subprocess.run([sys.executable, str(SHARED / "gold" / "score.py"), str(d / "facts.jsonl"), str(gold),
                    "--answers", str(d / "answers"), "--json", str(d / "r.json")], check=True, capture_output=True)
    return json.loads((d / "r.json").read_text())["report"]


def test_seeds_score_questions_all_answered(report):
    assert report["questions"]["answered"] == report["questions"]["of"] == 4, report["questions"]


def test_seeds_score_meets_targets(report):
    assert report["persons"]["f1"] >= 0.95
    assert report["roles"]["recall"] >= 0.90
    assert report["claims"]["f1"] >= 0.85
    assert report["claims"]["recall_with_date"] >= 0.80
    assert report["documents"]["correct"] == report["documents"]["of"]
