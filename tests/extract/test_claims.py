"""Claims read from invented sentences; each expected coding sits next to its sentence."""
from __future__ import annotations

import conftest
import pytest
from conftest import has

from kg.build.pipeline import extract
from kg.model import Article


def claims_of(text: str, published: str | None = "2024-11-07") -> list[tuple]:
    return conftest.claims_of(text, published)


CASES = [
    # sentence, expected claim (type, agent, fields)
    ("Pemerintah Korea Selatan mengecam Korea Utara atas uji coba rudal tersebut.",
     ("CONDEMN", "Korea Selatan", {"target": "Korea Utara"})),
    ("Korea Utara dikecam Jepang dan Amerika Serikat.",
     ("CONDEMN", "Amerika Serikat", {"target": "Korea Utara"})),
    ("Iran membantah laporan yang menyebutkan bahwa mereka memasok rudal ke Rusia.",
     ("DENY", "Iran", {"about": "SUPPLY"})),
    ("Kremlin tidak mengonfirmasi maupun membantah laporan pengerahan pasukan tersebut.",
     ("NO_COMMENT", "Rusia", {"about": "DEPLOY"})),
    ("NATO mengonfirmasi bahwa pasukan Belarus telah dikerahkan ke wilayah Kursk.",
     ("CONFIRM", "NATO", {"about": "DEPLOY"})),
    ("Menteri Luar Negeri Jepang Hiroshi Tanaka mendesak China untuk menghentikan latihan militer.",
     ("DEMAND", "Hiroshi Tanaka", {"target": "China"})),
    ("Intelijen Ukraina memperkirakan Iran telah mengirim sekitar 2.000 tentara ke Rusia.",
     ("ESTIMATE", "Ukraina", {"quantity": 2000})),
    ("Sejak Maret 2024, Jepang dan Australia meyakini bahwa China mengerahkan belasan ribu prajurit ke perbatasan.",
     ("ESTIMATE", "Australia", {"range": (11000, 19000), "date": "2024-03"})),
    ("Pada Selasa (5/11), Badan Intelijen Korsel mengungkapkan bahwa Iran mengirim drone ke Rusia.",
     ("SUPPLY", "Iran", {"target": "Rusia"})),
    ("Juru bicara Pentagon Andi Wijaya mengatakan Iran telah melatih tentara Rusia.",
     ("TRAIN", "Iran", {})),
    ("Pasukan Ukraina pada 3 November membunuh 40 tentara Rusia di Kursk.",
     ("KILL", "Ukraina", {"place": "Kursk", "date": "2024-11-03", "quantity": 40})),
    ("Menurut juru bicara Kremlin Dmitry Peskov, laporan tentang pengerahan pasukan itu adalah hoaks.",
     ("DENY", "Dmitry Peskov", {"about": "DEPLOY"})),
    ("“Kami tidak akan mundur,” kata Menteri Pertahanan Filipina Gilberto Reyes.",
     ("STATEMENT", "Gilberto Reyes", {})),
    ("Menurut Kementerian Kesehatan Gaza, lebih dari 4.000 warga tewas sejak Oktober 2023.",
     ("ESTIMATE", "Kementerian Kesehatan Gaza", {"quantity": 4000, "about": "KILL"})),
    ("Amerika Serikat mengecam serangan roket Hamas ke Tel Aviv.",
     ("ATTACK", "Hamas", {"target": "Israel"})),
    ("Jepang mengonfirmasi bahwa Iran telah mengirim tentaranya ke Rusia.",
     ("DEPLOY", "Iran", {"target": "Rusia"})),
    ("Intelijen Ukraina menyebut Iran memindahkan sedikitnya 2.000 tentara ke Rusia.",
     ("ESTIMATE", "Ukraina", {"quantity": 2000, "about": "DEPLOY"})),
    ("“Kami menilai Iran memindahkan 2.000 tentara ke Rusia,” kata Budi Hartono kepada wartawan, Rabu (23/10/2024).",
     ("ESTIMATE", "Budi Hartono", {"quantity": 2000, "date": "2024-10-23"})),
    ("Perdana Menteri Jepang Hiroshi Tanaka menerima kunjungan Menteri Luar Negeri Iran Ali Rezaei di Tokyo.",
     ("MEET", "Hiroshi Tanaka", {"target": "Ali Rezaei"})),
    ("Parlemen Eropa mengecam invasi Rusia ke Ukraina.",
     ("CONDEMN", "Parlemen Eropa", {"target": "Rusia"})),
    ("Sekitar 8.000 tentara Iran sudah berada di wilayah Kursk, kata Menteri Pertahanan Jepang Hiroshi Tanaka.",
     ("DEPLOY", "Iran", {"place": "Kursk"})),
    ("“Jika pasukan itu dikirim ke Ukraina, mereka akan menjadi sasaran yang sah,” kata Menteri Pertahanan Jepang Hiroshi Tanaka.",
     ("WARN", "Hiroshi Tanaka", {})),
    ("Sikap Spanyol itu dikecam oleh Presiden Prancis Emmanuel Laurent.",
     ("CONDEMN", "Emmanuel Laurent", {"target": "Spanyol"})),
    ("Iran dan Irak menandatangani perjanjian kemitraan strategis komprehensif pada Juni 2024.",
     ("AGREE", "Iran", {"date": "2024-06"})),
    ("Juru bicara militer Jepang Hiroshi Tanaka mengatakan kapal Iran sengaja menabrak kapal Jepang.",
     ("ACCUSE", "Hiroshi Tanaka", {"target": "Iran"})),
    ("Jepang mengumumkan sanksi terhadap Iran.",
     ("SANCTION", "Jepang", {"target": "Iran"})),
    ("Juru bicara Kremlin Andrei Sokolov menyebut laporan itu sebagai berita bohong dari Barat.",
     ("DENY", "Andrei Sokolov", {})),
    ("Gubernur Jakarta Budi Santoso mengatakan tiga orang tewas dan 15 lainnya terluka dalam serangan itu.",
     ("ESTIMATE", "Budi Santoso", {"quantity": 15, "about": "KILL"})),
]


@pytest.mark.parametrize("sentence, expected", CASES, ids=[c[1][0] + "-" + str(i) for i, c in enumerate(CASES)])
def test_claims_invented_sentence(sentence, expected):
    typ, agent, fields = expected
    got = claims_of(sentence)
    assert has(got, typ, agent, **fields), got


@pytest.mark.parametrize("sentence, absent", [
    ("Rusia bermaksud menggunakan pasukan itu untuk berperang melawan Ukraina.", "COMBAT"),   # a plan, not an event
    ("Lebih dari 500 tentara Rusia tewas dalam pertempuran itu.", "KILL"),                    # victims, no killer
    ("Iran mengatakan negaranya tidak pernah mengirimkan pasukan ke Rusia.", "DEPLOY"),       # denied, not reported
    ("Jepang memanggil Duta Besar Rusia, Ivan Petrov, untuk menyampaikan kritik terhadap keputusan itu.",
     "CONDEMN"),                                               # a purpose: the ambassador did not criticise
    ("Setelah pasukan Rusia mundur, Ali Rezaei berada di Kursk untuk meninjau kerusakan.", "DEPLOY"),  # a person, not troops
    ("Sejak Iran melancarkan invasi ke Irak pada 2022, hubungan Iran dan Jepang memburuk.", "ATTACK"),  # background
])
def test_claims_not_an_event(sentence, absent):
    assert not any(c[0] == absent for c in claims_of(sentence))


def test_claims_negated_event_in_report_is_a_denial():
    got = claims_of("Iran mengatakan negaranya tidak pernah mengirimkan pasukan ke Rusia.")
    assert has(got, "DENY", "Iran", about="DEPLOY")


def test_claims_pronoun_takes_last_speaker_and_its_date():
    text = ("Pada Jumat (1/11), Badan Intelijen Korsel mengungkapkan bahwa Iran telah mengirim drone ke Rusia. "
            "Mereka mengklaim bahwa sekitar 300 tentara dari Iran telah berada di Rusia.")
    got = claims_of(text)
    assert has(got, "ESTIMATE", "Badan Intelijen Nasional Korea Selatan", quantity=300, date="2024-11-01")


def test_claims_statement_date_is_when_said_not_published():
    got = claims_of("Rusia untuk pertama kalinya mengonfirmasi pada hari Sabtu bahwa pasukan Iran berada di Kursk.",
                    published="2024-11-07")
    assert has(got, "CONFIRM", "Rusia", date="2024-11-02", about="DEPLOY")


def test_claims_fall_back_to_publication_date_for_speech_only():
    got = claims_of("Jepang mengecam China. China mengirim pasukan ke perbatasan.", published="2024-11-07")
    assert has(got, "CONDEMN", "Jepang", date="2024-11-07")
    assert has(got, "DEPLOY", "China", date=None)


def test_claims_coordinated_verb_keeps_the_speaker():
    got = claims_of("Menteri Luar Negeri Jepang Hiroshi Tanaka memperingatkan bahwa Tokyo telah memperingatkan "
                    "sekutunya dan mendesak mereka untuk bertindak.")
    assert has(got, "DEMAND", "Hiroshi Tanaka") and not has(got, "DEMAND", "Jepang")


def test_claims_both_countries_for_kedua_negara():
    text = ("Hubungan kedua negara menguat sejak pertemuan antara pemimpin Iran dan Rusia. "
            "Juni lalu, kedua negara menandatangani perjanjian pertahanan.")
    assert has(claims_of(text, published="2024-10-29"), "AGREE", "Iran", target="Rusia", date="2024-06")


def test_claims_evidence_slices_back(tmp_path):
    a = Article("t", None, "Jakarta —\nIran membantah laporan itu, kata juru bicara Kementerian Luar Negeri Iran.\n")
    extract(a)
    assert a.claims
    for c in a.claims:
        assert a.raw[c.sentence.start:c.sentence.end] == c.sentence.text


def test_claims_quote_with_speaker_and_no_verb_is_a_statement():
    got = claims_of("Juru bicara Kementerian Luar Negeri Filipina Ana Flores tiba di Jakarta. "
                    "“Kami tidak dapat menerima tindakan itu,” tegasnya.")
    assert has(got, "STATEMENT", "Ana Flores")


def test_claims_menurut_a_description_is_the_body_named_before():
    """"Menurut badan intelijen itu, X ...": the source is the intelligence agency named earlier, not X."""
    claims = claims_of("Badan Intelijen Nasional Korea Selatan menggelar rapat dengan parlemen pada Senin (4/11).\n"
                       "Menurut badan intelijen itu, Iran berencana mengirim total 5.000 tentara ke Rusia.")
    assert has(claims, "ESTIMATE", "Badan Intelijen Nasional Korea Selatan", quantity=5000)
    assert not any(c[0] == "ESTIMATE" and c[1] == "Iran" for c in claims), claims


def test_claims_after_setelah_a_clause_has_its_own_subject():
    """"X spoke days after Y revealed that 1.500 troops ...": the count is Y's estimate, not X's."""
    claims = claims_of("Pernyataan Jepang muncul beberapa hari setelah Badan Intelijen Nasional Korea Selatan "
                       "mengungkapkan bahwa 1.500 tentara Iran telah tiba di Rusia.")
    assert has(claims, "ESTIMATE", "Badan Intelijen Nasional Korea Selatan", quantity=1500)
    assert not any(c[0] == "ESTIMATE" and c[1] == "Jepang" for c in claims), claims


def test_claims_denying_that_report_is_about_the_event_reported_before():
    claims = claims_of("Media Jepang melaporkan bahwa Iran telah mengirim pasukan ke Rusia.\n"
                       "Juru bicara pemerintah Iran Ali Rezaei membantah laporan itu.")
    assert has(claims, "DENY", "Ali Rezaei", about="DEPLOY"), claims


def test_claims_condemning_that_attack_targets_who_attacked():
    claims = claims_of("Iran menyerang kota Haifa dengan rudal pada Senin (4/11).\n"
                       "Menteri Luar Negeri Jepang Hiroshi Tanaka mengecam serangan itu.")
    assert has(claims, "CONDEMN", "Hiroshi Tanaka", target="Iran"), claims


def test_claims_a_later_sentence_naming_the_event_dates_it():
    claims = claims_of("Iran menyerang kota Haifa dengan puluhan rudal.\n"
                       "Serangan itu berlangsung sepanjang Kamis malam hingga Jumat (4/7/2025) dini hari.",
                       published="2025-07-05")
    assert has(claims, "ATTACK", "Iran", date="2025-07-04"), claims


def test_claims_the_next_sentence_of_the_same_speaker_dates_an_undated_act():
    """"X did not deny it. Asked by reporters on Thursday (24/10), X said ...": one occasion, that day."""
    claims = claims_of("Presiden Iran Ali Rezaei tidak membantah laporan tersebut.\n"
                       "Ditanya wartawan di sela KTT di Kazan, Kamis (24/10), Rezaei hanya berkata bahwa itu urusan Iran.",
                       published="2024-10-25")
    assert has(claims, "NO_COMMENT", "Ali Rezaei", date="2024-10-24"), claims
    assert has(claims, "STATEMENT", "Ali Rezaei", date="2024-10-24"), claims


def test_claims_a_speaker_going_on_keeps_the_date_but_not_after_sebelumnya():
    """... nor the article's day: "Sebelumnya" tells of an earlier time the text does not date."""
    text = ("Menteri Pertahanan Jepang Hiroshi Tanaka pada Kamis (31/10) mengatakan Iran mengirim pasukan ke Rusia.\n"
            "Tanaka memperingatkan bahwa Iran akan menghadapi sanksi.\n"
            "Sebelumnya, Tanaka membantah bahwa Jepang memasok senjata ke Ukraina.")
    claims = claims_of(text, published="2024-11-02")
    assert has(claims, "WARN", "Hiroshi Tanaka", date="2024-10-31"), claims
    assert has(claims, "DENY", "Hiroshi Tanaka", date=None), claims
