"""The gazetteer's organisations on invented sentences: regional bodies, missions, armed groups and
state forces are found under their own names, with their type and the state they belong to."""
from __future__ import annotations

import collections

import pytest

from kg.build.pipeline import extract
from kg.lexicon import load
from kg.model import Article
from kg.text.dates import find_dates
from kg.text.gazetteer import gazetteer_country


def article(text: str) -> Article:
    a = Article("t", None, text + "\n")
    a.published_hint = "2025-03-06"
    return extract(a)


def found(a: Article) -> dict[str, tuple[str, str | None]]:
    return {e.label: (e.type, gazetteer_country(e.label)) for e in a.entities.values()}


@pytest.mark.parametrize("text, label, country", [
    ("Al-Shabaab menyerang pangkalan militer di dekat Mogadishu.", "Al-Shabaab", None),
    ("SAF menuduh RSF menembaki kamp pengungsi.", "Angkatan Bersenjata Sudan", "sudan"),
    ("Kelompok pemberontak M23 merebut Goma, sementara FARDC mundur ke selatan.",
     "Angkatan Bersenjata Republik Demokratik Kongo", "republik-demokratik-kongo"),
    ("Kelompok pemberontak M23 merebut Goma, sementara FARDC mundur ke selatan.", "M23", None),
    ("Tatmadaw membantah bahwa Tentara Arakan merebut markas komando barat.", "Tatmadaw", "myanmar"),
    ("Tatmadaw membantah bahwa Tentara Arakan merebut markas komando barat.", "Tentara Arakan", None),
    ("JNIM mengklaim serangan terhadap FAMa di Mali tengah.", "Jama'at Nusrat al-Islam wal-Muslimin", None),
    ("JNIM mengklaim serangan terhadap FAMa di Mali tengah.", "Angkatan Bersenjata Mali", "mali"),
    ("ECOWAS dan Komisi Eropa menyerukan gencatan senjata.", "ECOWAS", None),
    ("Kepolisian Nasional Haiti (PNH) menangkap anggota Viv Ansanm.", "Kepolisian Nasional Haiti", "haiti"),
    ("Kepolisian Nasional Haiti (PNH) menangkap anggota Viv Ansanm.", "Viv Ansanm", None),
])
def test_gazetteer_bodies_are_organisations_of_their_state(text, label, country):
    assert found(article(text)).get(label) == ("Organization", country), found(article(text))


def test_gazetteer_a_new_body_is_the_agent_of_its_claim():
    """"al-Shabaab menyerang" was lost while the group was unknown; a mission speaks for itself, not for PBB."""
    a = article("Al-Shabaab menyerang pangkalan itu. UNIFIL mengecam serangan terhadap pasukannya.")
    agents = {(c.type, a.entities[c.agent].label) for c in a.claims}
    assert ("ATTACK", "Al-Shabaab") in agents
    assert ("CONDEMN", "Pasukan Sementara PBB di Lebanon") in agents


def test_gazetteer_acronym_names_a_body_written_another_way():
    """A full name the gazetteer lacks, then an acronym it knows: the gazetteer's body, not PBB or Lebanon."""
    a = article("Pasukan Penjaga Perdamaian Sementara PBB di Lebanon (UNIFIL) mendesak kedua pihak menahan diri.")
    agents = {a.entities[c.agent].label for c in a.claims if c.type == "DEMAND"}
    assert agents == {"Pasukan Sementara PBB di Lebanon"}


@pytest.mark.parametrize("text, absent", [
    ("Laporan itu dirilis dalam format PDF pada Senin.", "Pasukan Pertahanan Rakyat"),
    ("Kia dan Hyundai menaikkan harga mobil.", "Tentara Kemerdekaan Kachin"),
    ("Latihan gabungan ADF dan TNI digelar di Darwin.", "Allied Democratic Forces"),
])
def test_gazetteer_acronyms_that_are_words_or_shared_are_not_names(text, absent):
    assert absent not in found(article(text))


def test_gazetteer_a_date_inside_a_name_is_no_date():
    dates = find_dates("Gerakan 23 Maret (M23) membantah laporan itu pada Selasa (4/3/2025).")
    assert [d.text for d in dates] == ["Selasa (4/3/2025)"]


def test_gazetteer_names_are_unique():
    """A name that stands for two entries would be read as whichever comes first."""
    lex = load("gazetteer")
    owners = collections.defaultdict(set)
    for section, entries in lex.items():
        for e in entries if isinstance(entries, list) else []:     # the sections of entries
            for name in [e["label"], *(e.get("aliases") or [])]:
                owners[name.casefold()].add((section, e["label"]))
    assert {n: o for n, o in owners.items() if len(o) > 1} == {}
