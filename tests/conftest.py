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
