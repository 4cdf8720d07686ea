"""Entities and roles on invented text: titles, apposition, short names, variants across articles."""
from __future__ import annotations

import pytest

from kg.build.pipeline import build, extract
from kg.model import Article


def entities(text: str) -> Article:
    a = Article("t", None, text + "\n")
    return extract(a)


def persons(a: Article) -> dict[str, set[str]]:
    return {e.label: e.aliases for e in a.entities.values() if e.type == "Person"}


def roles(a: Article) -> set[tuple]:
    return {(a.entities[r.person].label, r.role, a.entities[r.org].label if r.org else None) for r in a.roles}


@pytest.mark.parametrize("text, person, role, org", [
    ("Juru bicara Kementerian Luar Negeri Filipina Maria Santos mengatakan kapal itu diusir.",
     "Maria Santos", "juru bicara", "Kementerian Luar Negeri Filipina"),
    ("Presiden Brasil Lucas Pereira tiba di Jakarta.", "Lucas Pereira", "presiden", "Brasil"),
    ("Duta Besar Iran di Seoul, Reza Karimi, dipanggil pada Senin.", "Reza Karimi", "duta besar", "Iran"),
    ("Wakil Menteri Luar Negeri Korsel, Park Ji-won, memperingatkan Rusia.", "Park Ji-won", "wakil menteri luar negeri", "Korea Selatan"),
    ("Dimas Pratama, juru bicara Kementerian Pertahanan Rusia, membantah laporan itu.",
     "Dimas Pratama", "juru bicara", "Kementerian Pertahanan Rusia"),
    ("Analis Universitas Indonesia Rina Kartika menilai ketegangan meningkat.",
     "Rina Kartika", "analis", "Universitas Indonesia"),
    ("Perdana Menteri Qatar Sheikh Hamad bin Khalid Al Thani tiba di Kairo.",
     "Sheikh Hamad bin Khalid Al Thani", "perdana menteri", "Qatar"),
    # a spokesperson of a person serves where that person serves (a person is no organisation)
    ("Presiden Brasil Lucas Pereira melalui juru bicaranya, Ana Souza, menolak berkomentar.",
     "Ana Souza", "juru bicara", "Brasil"),
    ("Sekretaris Jenderal NATO Lars Eklund melalui juru bicaranya, Marta Silva, menolak berkomentar.",
     "Marta Silva", "juru bicara", "NATO"),
])
def test_entities_titled_person_and_role(text, person, role, org):
    a = entities(text)
    assert person in persons(a)
    assert (person, role, org) in roles(a)


def test_entities_short_name_is_the_same_person():
    a = entities("Sekretaris Jenderal NATO Karl Jensen tiba di Kyiv. Jensen mengatakan bantuan akan dikirim.")
    assert persons(a) == {"Karl Jensen": {"Jensen"}}


def test_entities_metonyms_and_short_forms_are_one_country():
    a = entities("Kremlin membantah laporan itu. Moskow juga menolak berkomentar tentang Korut dan Korea Utara.")
    keys = {e.label for e in a.entities.values() if e.type == "Country"}
    assert keys == {"Rusia", "Korea Utara"}
    assert {"Kremlin", "Moskow"} <= a.entities["rusia"].aliases


def test_entities_common_words_are_not_names():
    a = entities("Pertemuan antara kedua negara berlangsung di Jakarta, kata para pemimpin Barat.")
    assert "antara" not in {e.label.casefold() for e in a.entities.values()}
    assert not persons(a)


def test_entities_spelling_variants_merge_across_articles(tmp_path):
    (tmp_path / "a.txt").write_text("Menteri Luar Negeri Ukraina Andrii Sybiha tiba di Berlin.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Menteri Luar Negeri Ukraina Andriy Sibikha bertemu mitranya.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Gubernur Oblast Kharkiv Oleh Synehubov mengatakan serangan berlanjut.\n"
                                    "Synehuboff kemudian menambahkan bahwa listrik padam.\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("Gubernur Kharkiv Oleh Synehubiv mengunjungi lokasi.\n", encoding="utf-8")
    arts = {a.id: a for a in build([tmp_path]).articles}
    assert set(arts["a"].entities) & set(arts["b"].entities) >= {"andrii-sybiha"}
    people = lambda a: {k for k, e in arts[a].entities.items() if e.type == "Person"}
    assert people("c") == people("d") and len(people("c")) == 1


def test_entities_any_word_of_a_full_name_is_that_person():
    a = entities("Presiden Filipina Carlos Mendoza Jr. tiba di Manila. Mendoza mengatakan kunjungan itu penting.")
    assert persons(a) == {"Carlos Mendoza Jr": {"Mendoza"}}
