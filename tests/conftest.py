"""Shared fixtures: a small invented corpus and the bundled corpus's graph."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# An invented article: the names and events are made up for tests.
INVENTED = """Jakarta, Kabar Contoh —
Kementerian Luar Negeri Amerika Serikat mendesak Korea Utara berhenti mengirim pasukan ke Rusia.
Juru bicara Kementerian Luar Negeri AS Budi Hartono mengatakan pihaknya terus memantau situasi.
Pada Kamis (7/11/2024), Badan Intelijen Korsel mengungkapkan bahwa sekitar 2.000 tentara dari Korut telah berada di Rusia.
Korea Utara membantah laporan yang menyebutkan bahwa mereka mengirimkan pasukan ke Rusia.
"""


def claims_of(text: str, published: str | None = "2025-03-06") -> list[tuple]:
    """The claims read from an invented text, as (type, agent, target, place, about, date, quantity, range) labels."""
    from kg.build.pipeline import extract
    from kg.model import Article
    a = Article("t", None, text + "\n")
    if published:
        a.published_hint = published
    extract(a)
    label = lambda k: a.entities[k].label if k else None
    return [(c.type, label(c.agent), label(c.target), label(c.place), c.about,
             c.date.value if c.date else None, c.quantity.value if c.quantity else None,
             (c.quantity.low, c.quantity.high) if c.quantity and c.quantity.value is None else None)
            for c in a.claims]


def has(claims, typ, agent, **kw) -> bool:
    """True when a claim of that type and agent has the fields `kw` (type, agent, target, place, about, date,
    quantity, range)."""
    keys = ("type", "agent", "target", "place", "about", "date", "quantity", "range")
    return any(c[0] == typ and c[1] == agent and all(c[keys.index(k)] == v for k, v in kw.items()) for c in claims)


def run_kg(*args, cwd=None, check=False) -> subprocess.CompletedProcess:
    """Run the `kg` command as a user would."""
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, check=check)


@pytest.fixture
def invented_dir(tmp_path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "contoh_001.txt").write_text(INVENTED, encoding="utf-8")
    return d


@pytest.fixture(scope="session")
def seeds_graph(tmp_path_factory) -> Path:
    """The graph of the bundled corpus, built once per test session."""
    out = tmp_path_factory.mktemp("seeds") / "graph.ttl"
    run_kg("build", "-o", out, check=True)
    return out
