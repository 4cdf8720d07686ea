"""No build makes a graph that `kg validate` rejects: SHACL and HermiT on tests/heldout and varied invented articles."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, run_kg
from corpora import write_corpus

# Constructions that once made a graph invalid: a body of a place that is no country ("Kementerian
# Kesehatan Gaza" has no kb:country), a spokesperson of a person ("juru bicaranya") serving where that
# person serves, a dateline and an undated article.
INVENTED = {
    "gaza.txt": "Kamis, 6 Maret 2025 10:15 WIB\n"
                "Kementerian Kesehatan Gaza mengatakan sedikitnya 40 orang tewas dalam serangan pada Rabu (5/3/2025).\n"
                "Sekretaris Jenderal PBB Lars Eklund melalui juru bicaranya, Marta Silva, mendesak semua pihak "
                "menghentikan serangan.\n",
    "dateline.txt": "Addis Ababa, KabarTimur | Badan Intelijen Kenya mengatakan Somalia mengirim 4.500 tentara ke "
                    "perbatasan pekan lalu.\nMenteri Luar Negeri Kenya Samuel Otieno membantah laporan itu.\n",
    "undated.txt": "Pasukan Armenia menangkap tiga tentara Azerbaijan di Provinsi Syunik.\n"
                   "“Kami akan membalas,” kata Menteri Pertahanan Azerbaijan Rauf Aliyev.\n",
}


def _validate(tmp_path, folder):
    out = tmp_path / "g.ttl"
    r = run_kg("build", folder, "-o", out, "--no-cache")
    assert r.returncode == 0, r.stderr
    v = run_kg("validate", out)
    head = v.stdout.splitlines()[:2]
    assert v.returncode == 0 and head[0].endswith("validation: conforms") and head[1].split()[0] == "0", v.stdout[:3000]


def test_builds_validate_heldout(tmp_path):
    _validate(tmp_path, ROOT / "tests" / "heldout")


@pytest.mark.parametrize("seed", [5, 23])
def test_builds_validate_varied_invented_articles(tmp_path, seed):
    d = tmp_path / "articles"
    write_corpus(d, 12, seed=seed)
    for name, text in INVENTED.items():
        (d / name).write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "tests" / "heldout" / "h05_gaza_gencatan.txt", d)
    _validate(tmp_path, d)
