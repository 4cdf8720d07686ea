"""What an amount counts: troops, casualties, prisoners; units and things are no head count."""
from __future__ import annotations

import pytest

from kg import api
from kg.build.pipeline import extract
from kg.model import Article
from conftest import claims_of


def estimates(text: str) -> list[tuple]:
    """(agent label, value or range, what it counts, event type it estimates, that event's agent) of each ESTIMATE."""
    a = Article("t", None, text + "\n")
    a.published_hint = "2025-03-06"
    extract(a)
    label = lambda k: a.entities[k].label if k else None
    return [(label(c.agent), c.quantity.value or (c.quantity.low, c.quantity.high), c.quantity.counts, c.about,
             label(c.about_agent)) for c in a.claims if c.type == "ESTIMATE"]


@pytest.mark.parametrize("text, expected", [
    ("Menurut Kementerian Pertahanan Chad, sekitar 1.200 tentara Sudan tewas dalam pertempuran itu.",
     ("Kementerian Pertahanan Chad", 1200, "casualties", "KILL")),
    ("Kementerian Pertahanan Chad menyebut 300 prajurit Sudan terluka.",
     ("Kementerian Pertahanan Chad", 300, "casualties", "KILL")),
    ("Kementerian Pertahanan Armenia mengatakan dua tentara Azerbaijan ditawan di perbatasan.",
     ("Kementerian Pertahanan Armenia", 2, "captured", "COMBAT")),
    ("Kementerian Pertahanan Armenia menyebut 15 tentara Azerbaijan menyerah kepada pasukannya.",
     ("Kementerian Pertahanan Armenia", 15, "captured", "COMBAT")),
    ("Kementerian Luar Negeri Kenya mengatakan sekitar 4.500 tentara telah berada di Somalia.",
     ("Kementerian Luar Negeri Kenya", 4500, "troops", "DEPLOY")),
    # reservists mobilised are troops
    ("Menurut Kenya, Eritrea telah memobilisasi 20.000 reservis ke perbatasan.", ("Kenya", 20000, "troops", "DEPLOY")),
    # people who fled, and the fighters of a group
    ("Kantor PBB untuk Urusan Kemanusiaan (OCHA) memperkirakan antara 40.000 hingga 50.000 orang telah mengungsi dari kota itu.",
     ("OCHA", (40000, 50000), "displaced", None)),
    ("Menurut UNHCR, lebih dari 2.000 keluarga kehilangan tempat tinggal akibat banjir dan pertempuran.",
     ("UNHCR", 2000, "displaced", None)),
    ("Komandan Angkatan Darat Peru memperkirakan kelompok Sendero memiliki antara 5.000 hingga 6.000 anggota.",
     ("Angkatan Darat Peru", (5000, 6000), "members", None)),
    ("Menurut Kementerian Pertahanan Chad, kelompok itu kini memiliki sekitar 3.000 pejuang.",
     ("Kementerian Pertahanan Chad", 3000, "members", None)),
    ("Kantor PBB untuk Urusan Kemanusiaan (OCHA) memperkirakan sekitar 2.300 warga telah meninggalkan desa-desa di sekitar kota itu.",
     ("OCHA", 2300, "displaced", None)),
    # other people a speaker estimates
    ("Kantor PBB untuk Urusan Kemanusiaan (OCHA) memperkirakan sekitar 300.000 orang masih terjebak di kota itu.",
     ("OCHA", 300000, "people", None)),
    ("Palang Merah Internasional mencatat lebih dari 1.200 warga hilang sejak pertempuran dimulai.",
     ("Palang Merah Internasional", 1200, "people", None)),
    ("Seorang pejabat keamanan maritim Inggris memperkirakan antara 8 hingga 10 awak kapal itu dibawa ke daratan.",
     ("Inggris", (8, 10), "people", None)),
    # the dead that "jumlah" names, a date between it and the number
    ("Kementerian Kesehatan Chad memperkirakan jumlah warga yang tewas sejak perang pecah pada Oktober 2023 telah melampaui 6.000 orang.",
     ("Kementerian Kesehatan Chad", 6000, "casualties", "KILL")),
    # what "jumlah" names is counted, the number given later in the clause
    ("Profesor Budi Santoso memperkirakan jumlah total personel Chad di Sudan saat ini antara 15.000 hingga 18.000 orang.",
     ("Budi Santoso", (15000, 18000), "troops", "DEPLOY")),
    ("Peneliti Sari Dewi memperkirakan jumlah anggota kelompok itu di Niger kini antara 5.000 hingga 6.000 orang.",
     ("Sari Dewi", (5000, 6000), "members", None)),
])
def test_amounts_each_count_says_what_it_counts(text, expected):
    assert [e[:4] for e in estimates(text)] == [expected]


@pytest.mark.parametrize("text", [
    "Kementerian Pertahanan Kenya mengatakan satu batalion pasukan dikirim ke Somalia.",
    "Kementerian Pertahanan Kenya mengatakan dua brigade tentara akan dikerahkan ke perbatasan.",
    "Menurut Kementerian Pertahanan Chad, Sudan mengirim tiga jenis rudal ke perbatasan.",
    "Kementerian Pertahanan Chad mengatakan 50 kendaraan lapis baja dikirim bersama pasukan ke perbatasan.",
    # a side's own plan, announced
    "Kementerian Pertahanan Polandia sebelumnya mengumumkan akan mengerahkan sekitar 40.000 tentara ke perbatasan timur.",
    "Kementerian Pertahanan Jepang menyatakan berencana mengirim 500 tentara ke Filipina.",
    "Kenya sebelumnya menyatakan kesiapan mengirim hingga 2.000 personel untuk pasukan stabilisasi di Haiti.",
])
def test_amounts_units_things_and_own_plans_are_no_estimate(text):
    assert estimates(text) == []


@pytest.mark.parametrize("text", [
    "Badan intelijen Chili mengatakan Peru, yang dikecam keras oleh Santiago, siap mengirim 10.000 tentara ke perbatasan.",
    "Menteri Luar Negeri Chili Rosa Vidal mengatakan Bolivia, tetangga Chili di timur, siap mengirim 5.000 tentara ke perbatasan.",
])
def test_amounts_another_side_ready_to_send_is_estimated(text):
    """Another side's readiness told by a speaker is the speaker's estimate (only a side's own declared readiness is its plan)."""
    assert estimates(text) != []


@pytest.mark.parametrize("text, counts", [
    # fighters killed or captured are casualties or prisoners, members of a body that is no force are not counted
    # (a side telling of the dead its own forces killed tells a killing, its toll the killing's number)
    ("Kementerian Pertahanan Chad mengatakan pasukannya menewaskan dua militan bersenjata di perbatasan.", set()),
    ("Menurut Kementerian Pertahanan Chad, 40 pejuang tewas dalam pertempuran itu.", {"casualties"}),
    ("Kementerian Luar Negeri Chad mengatakan lima anggota parlemen Sudan tiba di N'Djamena.", set()),
])
def test_amounts_fighters_killed_and_members_of_bodies(text, counts):
    assert {e[2] for e in estimates(text)} == counts


def test_amounts_an_estimate_points_at_the_event_it_estimates():
    (e,) = estimates("Kementerian Luar Negeri Kenya mengatakan Somalia mengirim 3.000 tentara ke perbatasan.")
    assert e == ("Kementerian Luar Negeri Kenya", 3000, "troops", "DEPLOY", "Somalia")


def test_amounts_troop_estimates_answers_with_troops_only(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Kamis, 6 Maret 2025 10:15 WIB\n"
        "Kementerian Luar Negeri Kenya mengatakan sekitar 4.500 tentara telah berada di Somalia.\n"
        "Menurut Kementerian Pertahanan Chad, sekitar 1.200 tentara Sudan tewas dalam pertempuran itu.\n"
        "Kementerian Pertahanan Armenia mengatakan dua tentara Azerbaijan ditawan di perbatasan.\n", encoding="utf-8")
    g, _ = api.build_graph([tmp_path])
    rows = api.query(g, "troop_estimates", fmt="json")
    assert '"4500"' in rows and '"1200"' not in rows and '"2"' not in rows


@pytest.mark.parametrize("text, estimated", [
    # one's own deployment, announced with its number, is counted, not estimated (confirmed, it is estimated)
    ("Menteri Pertahanan Peru Jorge Salas mengatakan Peru mengirim sekitar 2.000 tentara ke perbatasan.", False),
    ("Komandan Angkatan Darat Peru, Jenderal Luis Vega, mengatakan pihaknya mengerahkan sekitar 2.000 tentara ke Tacna.", False),
    # another's is estimated
    ("Menteri Pertahanan Peru Jorge Salas mengatakan Chili mengirim sekitar 2.000 tentara ke perbatasan.", True),
    ("Menteri Pertahanan Peru Jorge Salas membenarkan sekitar 800 prajurit Peru sudah berada di Bolivia.", True),
])
def test_amounts_ones_own_deployment_is_no_estimate(text, estimated):
    assert bool(estimates(text)) == estimated


@pytest.mark.parametrize("text, speaker", [
    ("Kementerian Pertahanan Rusia mengonfirmasi bahwa 157 prajurit Rusia telah dipulangkan dalam pertukaran tawanan.",
     "Kementerian Pertahanan Rusia"),
    ("Kementerian Pertahanan Rusia dalam pernyataannya mengatakan 150 prajurit Rusia yang ditawan telah dikembalikan.",
     "Kementerian Pertahanan Rusia"),
    ("Kementerian Pertahanan Ukraina menyebut 84 tentara Ukraina dibebaskan dalam pertukaran itu.",
     "Kementerian Pertahanan Ukraina"),
])
def test_amounts_prisoners_freed_are_the_amount_of_the_statement_not_an_estimate(text, speaker):
    a = Article("t", None, text + "\n")
    a.published_hint = "2025-03-06"
    extract(a)
    said = [c for c in a.claims if a.entities[c.agent].label == speaker]
    assert said and all(c.type != "ESTIMATE" for c in said), said
    assert any(c.quantity is not None and c.quantity.counts == "captured" for c in said), said


@pytest.mark.parametrize("text, value", [
    ("Delegasi Rusia dan Ukraina sepakat untuk menukar masing-masing 1.200 tawanan perang.", 1200),
    ("Rusia dan Ukraina menyepakati pertukaran 500 tawanan di Istanbul.", 500),
    ("Kedua pihak sepakat membebaskan 84 tawanan pekan depan.", 84),
])
def test_amounts_an_exchange_agreed_counts_its_prisoners(text, value):
    a = Article("t", None, "Perundingan Rusia dan Ukraina berlanjut di Istanbul.\n" + text + "\n")
    a.published_hint = "2025-10-23"
    extract(a)
    agreed = [c for c in a.claims if c.type == "AGREE"]
    assert agreed and all(c.quantity is not None and c.quantity.value == value for c in agreed), a.claims
    assert not any(c.type == "ESTIMATE" for c in a.claims), a.claims


@pytest.mark.parametrize("victims", ["460 pasien", "lebih dari 30 nelayan", "12 penumpang"])
def test_amounts_people_of_any_kind_killed_are_casualties(victims):
    got = estimates(f"Direktur WHO Tedros Adhanom Ghebreyesus mengatakan {victims} tewas di El Fasher.")
    assert got and got[0][2] == "casualties", got


def test_amounts_hostages_a_proposal_would_free_are_no_estimate():
    got = estimates("Menurut seorang pejabat Hamas, proposal itu mencakup jeda pertempuran dan pembebasan 10 sandera Israel.")
    assert got == [], got


@pytest.mark.parametrize("text", [
    "Ukraina mengatakan 2.000 tentara telah kembali dari garis depan untuk beristirahat.",
    "Kementerian Pertahanan Ukraina menyebut jenazah 500 tentara Ukraina telah dikembalikan oleh Rusia.",
])
def test_amounts_soldiers_back_from_the_front_and_bodies_returned_are_no_prisoners(text):
    a = Article("t", None, text + "\n")
    a.published_hint = "2026-02-21"
    extract(a)
    assert not any(c.quantity is not None and c.quantity.counts == "captured" for c in a.claims), a.claims


def test_amounts_a_plan_told_of_another_side_is_an_estimate():
    got = estimates("Menurut badan intelijen Korea Selatan, Pyongyang berencana mengirim total 12.000 tentara.")
    assert got and got[0][1] == 12000, got


def test_amounts_prisoners_still_held_are_no_exchange_agreed():
    a = Article("t", None, "Rusia dan Ukraina sepakat melanjutkan perundingan, meski 1.200 tawanan perang masih ditahan.\n")
    a.published_hint = "2025-10-23"
    extract(a)
    assert all(c.quantity is None for c in a.claims if c.type == "AGREE"), a.claims


def test_amounts_another_side_s_troops_one_will_face_are_an_estimate():
    got = estimates("Zelensky mengatakan pasukan Ukraina akan segera menghadapi 50.000 tentara Rusia yang dikerahkan ke Kursk.")
    assert got and got[0][1] == 50000, got


@pytest.mark.parametrize("text, estimate", [
    # a partner's plan announced by the side it sends to, and one's own government's plan: no estimate
    ("Sekretaris Dewan Keamanan Rusia Sergei Shoigu mengatakan Korea Utara akan mengirim 1.000 penjinak ranjau dan "
     "5.000 tentara zeni ke wilayah Kursk.", False),
    ("Perdana Menteri Polandia Donald Tusk mengumumkan pemerintah akan mengerahkan tambahan 40.000 tentara ke perbatasan.", False),
    # a third party's plan an agency reports, or an estimate of a plan: estimates
    ("Menurut Badan Intelijen Nasional Korea Selatan, Pyongyang berencana mengirim total 12.000 tentara ke Rusia.", True),
    ("Badan Intelijen Nasional Korea Selatan memperkirakan Korea Utara akan mengirim 3.000 tentara tambahan ke Rusia.", True),
])
def test_amounts_a_plan_to_send_announced_is_no_estimate(text, estimate):
    claims = claims_of(text)
    assert any(c[0] == "ESTIMATE" for c in claims) == estimate, claims
