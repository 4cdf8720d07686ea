"""Across articles: one event node with several sources, and spun copies marked as copies."""
from __future__ import annotations

from rdflib import Graph

from kg.api import build_graph
from kg.graph.facts import facts

ORIGINAL = """Korea Utara telah membantah laporan yang menyebutkan bahwa mereka mengirimkan pasukan ke Rusia.
Pemerintah Pyongyang menyebut klaim yang berasal dari Korea Selatan sebagai rumor yang tidak berdasar.
Badan Intelijen Korsel mengungkapkan bahwa Korut telah mengirimkan tentara dalam jumlah besar untuk membantu Rusia.
Sementara itu, Jepang mendesak Korea Utara untuk segera menghentikan kerja sama militer dengan Moskow.
"""
# The same text with synonyms swapped in, as spinning tools do.
SPUN = """Korea Utara Pernah terjadi menyangkal laporan yang menyebutkan bahwa mereka mengirimkan pasukan ke Rusia.
Pemerintah Pyongyang menyebut klaim yang berasal dari Korea Selatan sebagai rumor yang tidak berdasar.
Badan Intelijen Korsel mengungkapkan bahwa Korut Pernah terjadi mengirimkan tentara dalam jumlah Akbar untuk Membantu Rusia.
Sementara itu, Jepang mendesak Korea Utara untuk Segera menghentikan kerja sama militer dengan Moskow.
"""
OTHER = """Jepang mendesak Korea Utara untuk segera menghentikan kerja sama militer dengan Moskow, kata juru bicara
pemerintah Jepang. Di tempat lain, Filipina membantah laporan tentang kapal China di perairannya.
"""


def test_merge_spun_copy_is_marked(tmp_path):
    for name, text in (("a_original", ORIGINAL), ("b_spun", SPUN), ("c_other", OTHER)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    g, b = build_graph([tmp_path])
    docs = {r["doc"]: r for r in facts(g) if r["kind"] == "document"}
    assert docs["b_spun"]["duplicate_of"] == "a_original"
    assert docs["a_original"]["duplicate_of"] is None and docs["c_other"]["duplicate_of"] is None
    assert docs["b_spun"]["spun"] and not docs["a_original"]["spun"] and not docs["c_other"]["spun"]


def test_merge_same_event_one_node_several_sources(tmp_path):
    (tmp_path / "a.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "c.txt").write_text(OTHER, encoding="utf-8")
    g, _ = build_graph([tmp_path])
    rows = [r for r in facts(g) if r["kind"] == "claim" and r["type"] == "DEMAND" and r["agent"] == "Jepang"]
    assert {r["doc"] for r in rows} == {"a", "c"}
    assert len({r["id"] for r in rows}) == 1


def test_merge_graph_has_no_blank_nodes(tmp_path):
    (tmp_path / "a.txt").write_text(ORIGINAL, encoding="utf-8")
    g, _ = build_graph([tmp_path])
    assert isinstance(g, Graph) and not any(type(t).__name__ == "BNode" for tr in g for t in tr)
