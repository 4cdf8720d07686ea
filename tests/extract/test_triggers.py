"""Trigger words on invented sentences: event words, combat told by capture or outcome, speech acts, and
words that only look like a speech act or an event. The expected facts sit next to each sentence."""
from __future__ import annotations

import pytest
from conftest import claims_of, has

EVENTS = [
    # supply told as receiving: the giver after "dari" is the agent, the receiver the target
    ("Sebagai imbalan, Eritrea menerima suku cadang helikopter dan amunisi dari Belarus.",
     ("SUPPLY", "Belarus", {"target": "Eritrea"})),
    ("Pada tahun lalu Mali mendapatkan puluhan drone dari Turki.", ("SUPPLY", "Turki", {"target": "Mali"})),
    ("Militer Chad memperoleh kendaraan lapis baja dari Prancis.", ("SUPPLY", "Prancis", {"target": "Chad"})),
    # supply told as selling or exporting arms
    ("Serbia menjual amunisi artileri kepada Ukraina.", ("SUPPLY", "Serbia", {"target": "Ukraina"})),
    ("Iran mengekspor drone ke Sudan sejak tahun lalu.", ("SUPPLY", "Iran", {"target": "Sudan"})),
    # sanctions given "kepada"
    ("Uni Afrika memberikan sanksi kepada tiga komandan Mali, termasuk Kolonel Issa Traore.",
     ("SANCTION", "Uni Afrika", {"target": "Mali"})),
    ("Uni Eropa mengenakan sanksi kepada Belarus.", ("SANCTION", "Uni Eropa", {"target": "Belarus"})),
    # agreeing and ratifying
    ("Kenya dan Haiti setuju untuk memperpanjang misi keamanan itu.", ("AGREE", "Kenya", {})),
    ("Parlemen Armenia meratifikasi perjanjian perbatasan dengan Azerbaijan.", ("AGREE", "Parlemen Armenia", {"target": "Azerbaijan"})),
]

COMBAT = [
    # capturing or holding soldiers
    ("Pasukan Armenia menangkap tiga tentara Azerbaijan di Provinsi Syunik pada Senin (3/3/2025).",
     ("COMBAT", "Armenia", {"target": "Azerbaijan", "place": "Syunik", "date": "2025-03-03"})),
    ("Dua tentara Armenia ditangkap pasukan Azerbaijan di dekat perbatasan.",
     ("COMBAT", "Azerbaijan", {"target": "Armenia"})),
    ("Tentara Sudan telah menawan belasan prajurit Chad.", ("COMBAT", "Sudan", {"target": "Chad"})),
    # retaking or driving out of a named place
    ("Militer Ethiopia mengklaim telah merebut kembali kota Humera dari pasukan Eritrea.",
     ("COMBAT", "Ethiopia", {"place": "Humera"})),
    ("Pasukan Kenya merebut desa Qoryoley dari milisi pekan lalu.", ("COMBAT", "Kenya", {"place": "Qoryoley"})),
    ("Tentara Mali memukul mundur pasukan Niger dari kota Gao.", ("COMBAT", "Mali", {"target": "Niger", "place": "Gao"})),
    # taking part in combat operations or in the liberation of a place
    ("Tentara Sudan mulai terlibat dalam pertempuran di Kursk sejak awal Desember 2024.",
     ("COMBAT", "Sudan", {"place": "Kursk", "date": "2024-12"})),
    ("Pasukan Kenya ikut serta dalam pembebasan kota Marawi.", ("COMBAT", "Kenya", {"place": "Marawi"})),
    ("Prajurit Chad berpartisipasi dalam operasi tempur di Niger.", ("COMBAT", "Chad", {})),
]

SPEECH = [
    ("Klaim tersebut ditolak oleh Kosovo.", ("DENY", "Kosovo", {})),
    ("Tuduhan itu langsung ditolak oleh Kementerian Luar Negeri Serbia.", ("DENY", "Kementerian Luar Negeri Serbia", {})),
    ("Kenya menolak klaim bahwa pasukannya tiba di Haiti.", ("DENY", "Kenya", {})),
    ("Pemerintah Kenya mencap Somalia sebagai negara gagal.", ("ACCUSE", "Kenya", {"target": "Somalia"})),
    ("Somalia dicap Kenya sebagai sarang milisi.", ("ACCUSE", "Kenya", {"target": "Somalia"})),
    ("Menteri Pertahanan Azerbaijan Rauf Mammadov bersumpah akan membalas jika Armenia menyerang lagi.",
     ("WARN", "Rauf Mammadov", {"target": "Armenia"})),
    ("Presiden Niger Amadou Sali bersumpah untuk menghukum siapa pun yang menyerang pangkalan itu.",
     ("WARN", "Amadou Sali", {})),
    ("“Kami akan membalas dengan keras jika Mali melanggar perbatasan,” kata Menteri Pertahanan Niger Amadou Sali.",
     ("WARN", "Amadou Sali", {})),
    ("Dewan Keamanan PBB memberikan teguran kepada Sudan.", ("CONDEMN", "Dewan Keamanan PBB", {"target": "Sudan"})),
    ("Menteri Luar Negeri Chad Ahmed Salih menegur Duta Besar Sudan.", ("CONDEMN", "Ahmed Salih", {"target": "Sudan"})),
]


def reads(text: str, expected: list, published: str = "2025-03-06") -> None:
    """Every (type, agent, fields) of `expected` is among the claims read from `text` under a headline."""
    got = claims_of("Judul\n\n" + text, published)
    for typ, agent, fields in expected:
        assert has(got, typ, agent, **fields), got


MORE_EVENTS = [
    # help in a field, teaching, talks, officers and advisers sent
    ("Rusia memberikan bantuan di bidang pertahanan kepada Mali.", ("SUPPLY", "Rusia", {"target": "Mali"})),
    ("Turki memberikan bantuan teknis militer kepada Somalia.", ("SUPPLY", "Turki", {"target": "Somalia"})),
    ("Instruktur Turki mengajari tentara Somalia menembak.", ("TRAIN", "Turki", {"target": "Somalia"})),
    ("Prancis memberikan pelatihan kepada pasukan Chad.", ("TRAIN", "Prancis", {})),
    ("Kenya dan Somalia menggelar perundingan di Nairobi pada Senin (3/3/2025).", ("MEET", "Somalia", {"date": "2025-03-03"})),
    ("Menteri Luar Negeri Chad Ahmed Salih melakukan pembicaraan dengan Presiden Niger Amadou Sali.",
     ("MEET", "Ahmed Salih", {"target": "Amadou Sali"})),
    ("Puluhan perwira Rusia dikirim ke Mali pekan lalu.", ("DEPLOY", "Rusia", {"target": "Mali"})),
    ("Rusia mengirim penasihat militer ke Burkina Faso.", ("DEPLOY", "Rusia", {"target": "Burkina Faso"})),
]


@pytest.mark.parametrize("sentence, expected", EVENTS + COMBAT + SPEECH + MORE_EVENTS,
                         ids=[f"{e[1][0]}-{i}" for i, e in enumerate(EVENTS + COMBAT + SPEECH + MORE_EVENTS)])
def test_triggers_construction_gives_the_fact(sentence, expected):
    typ, agent, fields = expected
    got = claims_of(sentence)
    assert has(got, typ, agent, **fields), got


@pytest.mark.parametrize("sentence, absent", [
    # a threat's condition is no event
    ("Menteri Pertahanan Azerbaijan Rauf Mammadov bersumpah akan membalas jika Armenia menyerang lagi.", "ATTACK"),
    ("Apabila pasukan Chad menyerang perbatasan, Niger akan membalas.", "ATTACK"),
    # readiness is no attack
    ("Pasukan Sudan siap menyerang Chad.", "ATTACK"),
    ("Militer Mali bersiap menyerang kota Gao.", "ATTACK"),
    # "memastikan" after a purpose word means to make sure
    ("Tim itu dikirim untuk memastikan keamanan perbatasan Armenia.", "CONFIRM"),
    ("Kenya menambah patroli guna memastikan gencatan senjata dipatuhi.", "CONFIRM"),
    # "mencatat" with no amount notes, it does not estimate
    ("Kementerian Kesehatan Sudan mencatat situasi di kamp pengungsi memburuk.", "ESTIMATE"),
    # visiting a place is no meeting
    ("Presiden Kenya William Odhiambo mengunjungi Kigali pada Senin.", "MEET"),
    ("Menteri Luar Negeri Chad Ahmed Salih mengunjungi Mesir pekan lalu.", "MEET"),
    # an arrest or a rejection is no combat or denial
    ("Polisi Kenya menangkap tiga tersangka di Nairobi.", "COMBAT"),
    ("Usulan itu ditolak oleh Kosovo.", "DENY"),
    # receiving an attack or a report is no supply; expelling troops is no combat; giving up arms is no supply
    ("Rusia menerima serangan drone dari Ukraina semalam.", "SUPPLY"),
    ("Kenya menerima laporan tentang rudal dari Somalia.", "SUPPLY"),
    ("Junta Niger mengusir pasukan Prancis dari negaranya.", "COMBAT"),
    ("Milisi itu menyerahkan senjata kepada tentara Mali.", "SUPPLY"),
    # retaking a country's territory at large, or something that is not a place
    ("Pasukan Chad merebut hati warga Niger.", "COMBAT"),
    # "untuk bertempur ... atau mendukung operasi tempur": a purpose
    ("Sudan bermaksud mengirim pasukan untuk bertempur atau mendukung operasi tempur melawan Chad.", "COMBAT"),
    # launching missiles at the sea is a test, no attack (nor anyone's accusation of one)
    ("Judul\n\nKorea Utara meluncurkan dua rudal balistik ke arah Laut Timur pada Kamis pagi, kata militer Korsel.", "ATTACK"),
    ("Judul\n\nKorea Utara meluncurkan dua rudal balistik ke arah Laut Timur pada Kamis pagi, kata militer Korsel.", "ACCUSE"),
    ("Iran menembakkan rudal ke perairan Teluk dalam latihan militer, Senin.", "ATTACK"),
    ("Rudal itu diluncurkan Korea Utara ke laut lepas pantai timurnya.", "ATTACK"),
    # one ship, one soldier: a count of one is no estimate
    ("Houthi mengklaim telah menyerang sebuah kapal tanker di Laut Merah.", "ESTIMATE"),
    ("Kementerian Pertahanan Armenia mengatakan seorang tentaranya tewas dalam baku tembak.", "ESTIMATE"),
    ("Sebuah kapal perusak AS menembak jatuh satu rudal lainnya, kata CENTCOM.", "ESTIMATE"),
    # a handful of aircraft or missiles is a detail of the attack, not an estimate
    ("Menurut juru bicara oposisi, dua jet tempur Peru menjatuhkan bom ke sebuah sekolah.", "ESTIMATE"),
    ("Militer Chili mengatakan Peru menembakkan tiga rudal ke kota Arica.", "ESTIMATE"),
    # "tidak hanya ... tetapi juga": not only, no denial; a training camp is no training
    ("\"Kapal Peru tidak hanya menembakkan meriam air, tetapi juga menabrak kapal kami,\" kata juru bicara Kementerian Pertahanan Chile.", "DENY"),
    ("Menurut dia, sasaran serangan adalah kamp pelatihan Pasukan Pertahanan Rakyat di desa itu.", "TRAIN"),
    # a word of blame before the statement, or one word set in quotes, blames no one the statement names
    ("Kementerian Luar Negeri Peru mengecam \"provokasi\" Chile dan menyatakan dukungan penuh terhadap Bolivia.", "ACCUSE"),
    # fighting that may happen, mastering a language or a parliament; a street protest, the purpose of a summons
    ("Peru memperingatkan pertempuran antara kedua negara bisa terjadi.", "COMBAT"),
    ("Bentrokan antara Peru dan Chile bisa terjadi jika perundingan gagal.", "COMBAT"),
    ("Pertempuran antara NATO dan Rusia dapat pecah kapan saja, kata Peskov.", "COMBAT"),
    ("Partai itu menguasai parlemen sejak 2019.", "COMBAT"),
    ("Menteri itu menguasai bahasa Rusia.", "COMBAT"),
    ("Ribuan warga Peru menggelar protes di Lima menentang pemerintah.", "CONDEMN"),
    ("Kementerian Luar Negeri Peru memanggil duta besar Chile untuk menyampaikan protes.", "CONDEMN"),
    # what is ordered is not yet done
    ("Presiden Peru memerintahkan militer mengirim 500 tentara ke perbatasan.", "DEPLOY"),
    ("Ia juga menginstruksikan Kementerian Pertahanan Peru mengerahkan unit netral ke Lima.", "DEPLOY"),
    # "puluhan roket": a vague amount of weapons is a detail, no estimate
    ("Juru bicara militer Peru mengatakan kelompok itu meluncurkan puluhan roket ke wilayah Chile utara.", "ESTIMATE"),
    # people counted with no word of estimating, no deaths and no flight: a detail, no estimate
    ("Presiden Peru mengatakan 300 orang menghadiri upacara itu.", "ESTIMATE"),
    # "yang diakui internasional": recognised, nobody confirms anything
    ("Perdana Menteri Yaman yang diakui internasional, Salem Ahmed, mengecam serangan itu.", "CONFIRM"),
])
def test_triggers_look_alike_is_not_the_fact(sentence, absent):
    got = claims_of(sentence)
    assert not any(c[0] == absent for c in got), got


def test_triggers_mencatat_with_an_amount_is_an_estimate():
    got = claims_of("Kementerian Kesehatan Sudan mencatat sedikitnya 300 tentara tewas di Darfur.")
    assert has(got, "ESTIMATE", "Kementerian Kesehatan Sudan", quantity=300), got


def test_triggers_visiting_someone_is_a_meeting():
    got = claims_of("Presiden Kenya William Odhiambo mengunjungi Presiden Rwanda Paul Habimana di Kigali.")
    assert has(got, "MEET", "William Odhiambo", target="Paul Habimana"), got


@pytest.mark.parametrize("text, expected", [
    # a speech verb with "-nya": what it says is about what was told just before
    ("Sudan mengirim pasukan ke Chad. Menteri Luar Negeri Chad Ahmed Salih menyebutnya sebagai provokasi.",
     ("ACCUSE", "Ahmed Salih", {"target": "Sudan"})),
    ("Mali menyerang pos perbatasan Niger. Presiden Niger Amadou Sali mengecamnya.", ("CONDEMN", "Amadou Sali", {})),
    # new verbs of saying
    ("Badan Intelijen Kenya mendeteksi pergerakan pasukan Somalia di perbatasan.", ("STATEMENT", "Badan Intelijen Kenya", {})),
    ("Menteri Pertahanan Niger Amadou Sali menyoroti pengiriman senjata Mali ke Burkina Faso.",
     ("STATEMENT", "Amadou Sali", {"about": "SUPPLY"})),
])
def test_triggers_speech_verbs(text, expected):
    typ, agent, fields = expected
    got = claims_of(text)
    assert has(got, typ, agent, **fields), got


def test_triggers_every_listed_word_is_read_whole_and_only_whole():
    """Each trigger word or phrase of the lexicon is found as written, in any case, and not inside a longer word."""
    from kg.extract.claims.patterns import lexicon
    lx = lexicon()
    for word in lx["kind"]:
        for form in (word, word.upper(), word.replace(" ", "  ")):
            m = lx["trigger"].search(f"Lalu {form} hari ini.")
            assert m and m.group(1).casefold().split() == word.split(), (word, form, m)
        longer = lx["trigger"].search(f"Lalu {word}x hari ini.")
        assert not longer or longer.group(1).casefold() != word, word


def test_triggers_agreeing_to_do_something_has_no_target_but_a_partner():
    got = claims_of("Kenya setuju untuk menjadi tuan rumah pertemuan puncak Uni Afrika.")
    assert has(got, "AGREE", "Kenya", target=None), got
    got = claims_of("Kenya setuju untuk memperpanjang kerja sama dengan Somalia.")
    assert has(got, "AGREE", "Kenya", target="Somalia"), got


def test_triggers_visiting_an_office_holder_of_a_country_is_a_meeting_with_it():
    got = claims_of("Wakil Presiden Kenya Ruth Achieng mengunjungi Presiden Uganda di Kampala.")
    assert has(got, "MEET", "Ruth Achieng", target="Uganda"), got


@pytest.mark.parametrize("space", [" ", "\u0085", "\u00a0", "  "])
def test_triggers_a_phrase_is_read_whatever_space_joins_its_words(space):
    from kg.build.pipeline import extract
    from kg.model import Article
    a = Article("t", None, f"Amerika Serikat menjatuhkan{space}sanksi kepada Iran.\n")
    extract(a)
    assert [(c.type, c.agent) for c in a.claims] == [("SANCTION", "amerika-serikat")]


@pytest.mark.parametrize("sentence, agent, target", [
    ("Departemen Luar Negeri AS pekan lalu menyetujui penjualan sistem rudal pertahanan udara ke Taiwan.",
     "Kementerian Luar Negeri Amerika Serikat", "Taiwan"),
    ("Jerman menyetujui pengiriman tank Leopard ke Ukraina.", "Jerman", "Ukraina"),
    ("Jepang menyetujui hibah kapal patroli dan rudal kepada Filipina.", "Jepang", "Filipina"),
])
def test_triggers_approving_a_transfer_of_arms_is_a_supply(sentence, agent, target):
    got = claims_of(sentence)
    assert any(c[0] == "SUPPLY" and c[1] == agent and (target is None or c[2] == target) for c in got), got
    assert not any(c[0] == "AGREE" for c in got), got


def test_triggers_approving_something_else_is_no_supply():
    assert not any(c[0] == "SUPPLY" for c in claims_of("Parlemen Jerman menyetujui penjualan saham perusahaan itu."))


@pytest.mark.parametrize("sentence", [
    "Serbia hingga kini tidak mengakui kemerdekaan Kosovo yang dideklarasikan pada 2008.",
    "Rusia tidak mengakui kedaulatan Ukraina atas Krimea.",
    "Sebagian negara Barat belum mengakui pemerintah junta.",
    # the thing recognised told before, in a relative clause
    "Mahkamah Arbitrase memutuskan klaim Chad tidak berdasar, putusan yang tidak pernah diakui Chad.",
    "Chad menolak putusan tersebut, keputusan yang hingga kini belum diakui pemerintah Chad.",
])
def test_triggers_recognising_a_state_is_no_speech_act(sentence):
    assert not any(c[0] in ("CONFIRM", "NO_COMMENT") for c in claims_of(sentence))


@pytest.mark.parametrize("sentence", [
    # justified or certain, what may be: no confirmation nor a refusal to confirm
    "\"Tindakan agresif ini sama sekali tidak dapat dibenarkan,\" kata Menteri Pertahanan Chad Idriss Deby.",
    "Menurut Menteri Pertahanan Chad Idriss Deby, serangan terhadap kapal sipil sulit dibenarkan.",
    "Menurut Menteri Pertahanan Chad Idriss Deby, jumlah korban belum dapat dipastikan.",
    # making sure, what will or must be done
    "Menteri Pertahanan Chad Idriss Deby mengatakan pasukan tambahan akan memastikan keamanan warga.",
    "Menteri Pertahanan Chad Idriss Deby mengatakan negara-negara tetangga harus memastikan perbatasan tetap aman.",
])
def test_triggers_what_may_be_justified_or_will_be_made_sure_is_no_confirmation(sentence):
    assert not any(c[0] in ("CONFIRM", "NO_COMMENT") for c in claims_of(sentence))


@pytest.mark.parametrize("sentence, typ", [
    ("Kementerian Luar Negeri Chad memastikan dua warga negaranya tewas dalam serangan itu.", "CONFIRM"),
    ("Kementerian Luar Negeri Chad mengatakan pihaknya belum dapat memastikan jumlah korban.", "NO_COMMENT"),
    ("Seorang pejabat Kementerian Luar Negeri Chad yang enggan disebut namanya mengonfirmasi serangan itu.", "CONFIRM"),
])
def test_triggers_confirming_not_yet_and_a_nameless_source_confirming(sentence, typ):
    assert any(c[0] == typ and c[1] == "Kementerian Luar Negeri Chad" for c in claims_of(sentence)), claims_of(sentence)


@pytest.mark.parametrize("sentence", ["Pemerintah Chad menolak keras tudingan itu.", "Chad membantah keras tuduhan tersebut.",
                                      "Chad menolak mentah-mentah tuduhan itu."])
def test_triggers_a_strong_rejection_is_a_denial(sentence):
    assert has(claims_of(sentence), "DENY", "Chad")


@pytest.mark.parametrize("sentence, typ", [
    ('"Tidak ada satu pun tentara Prancis yang ditempatkan di Benin utara," kata Menteri Pertahanan Benin Serge Ahouansou.', "DEPLOY"),
    ("Tidak ada seorang pun prajurit Kenya yang dikirim ke Somalia, kata juru bicara militer Kenya.", "DEPLOY"),
])
def test_triggers_not_a_single_one_is_no_event_and_no_count(sentence, typ):
    got = claims_of(sentence)
    assert not any(c[0] == typ for c in got) and not any(c[6] is not None for c in got), got


@pytest.mark.parametrize("sentence", [
    "Pemerintah Jepang turut mengecam peluncuran itu dan menyebutnya sebagai pelanggaran resolusi PBB.",
    "Korea Selatan mengecam pengiriman pasukan itu dan menyebutnya ancaman bagi kawasan.",
])
def test_triggers_condemning_and_calling_it_a_violation_is_one_condemnation(sentence):
    got = claims_of(sentence)
    assert [c[0] for c in got if c[0] in ("CONDEMN", "ACCUSE")] == ["CONDEMN"], got


def test_triggers_words_of_blame_with_no_one_blamed_stay_a_statement():
    got = claims_of('"Setiap pelanggaran terhadap resolusi itu membahayakan stabilitas," kata juru bicara PBB Stefan Maier.')
    assert not any(c[0] == "ACCUSE" for c in got), got


@pytest.mark.parametrize("sentence, attack", [
    ("Rusia meluncurkan 150 drone dan dua rudal balistik ke Kyiv semalam.", True),
    ("Iran meluncurkan rudal balistik ke arah Israel.", True),
    ("Pemerintah Kenya meluncurkan program bantuan baru bagi pengungsi.", False),
    ("Jepang meluncurkan satelit cuaca pada Senin.", False),
])
def test_triggers_launching_is_an_attack_only_with_weapons(sentence, attack):
    assert any(c[0] == "ATTACK" for c in claims_of(sentence)) == attack


def test_triggers_a_source_phrase_is_not_a_subject_of_the_clause_after_it():
    got = claims_of("Menurut Angkatan Udara Ukraina, Rusia telah menyerang Kyiv dengan 80 drone.")
    assert [c[1] for c in got if c[0] == "ATTACK"] == ["Rusia"], got


@pytest.mark.parametrize("sentence, agent", [
    ("Hingga Selasa sore, Hizbullah belum mengeluarkan pernyataan resmi terkait serangan di Bekaa.", "Hizbullah"),
    ("Kementerian Luar Negeri Kenya belum memberikan keterangan soal laporan itu.", "Kementerian Luar Negeri Kenya"),
])
def test_triggers_no_statement_yet_is_a_non_answer(sentence, agent):
    assert has(claims_of(sentence), "NO_COMMENT", agent)


@pytest.mark.parametrize("sentence, typ, agent, target", [
    ("Kementerian Luar Negeri Rusia bersumpah Moskow akan membalas jika kapal-kapal Rusia terus diganggu.",
     "WARN", "Kementerian Luar Negeri Rusia", None),
    ("Presiden Chad bersumpah setia kepada konstitusi.", None, None, None),
    ("Tuduhan bahwa Rusia memicu krisis energi itu ditolak oleh Duta Besar Rusia Oleg Belyakov.", "DENY", "Oleg Belyakov", None),
])
def test_triggers_an_oath_to_retaliate_warns_and_an_accusation_rejected_is_denied(sentence, typ, agent, target):
    got = claims_of(sentence)
    if typ is None:
        assert not any(c[0] == "WARN" for c in got), got
    else:
        assert has(got, typ, agent, target=target), got


@pytest.mark.parametrize("sentence, agree", [
    ("Langkah tersebut menyusul memorandum yang ditandatangani Trump pada Selasa (4/2).", False),
    ("Putin meneken dekret baru soal wajib militer.", False),
    ("Rusia dan Korea Utara menandatangani perjanjian kemitraan.", True),
])
def test_triggers_what_one_party_signs_alone_is_no_agreement(sentence, agree):
    assert any(c[0] == "AGREE" for c in claims_of(sentence)) == agree


def test_triggers_to_make_sure_after_an_adverb_is_no_confirmation():
    got = claims_of('"Kami mendesak mitra internasional untuk segera memastikan pendanaan," kata Menteri Luar Negeri Kenya Jane Wambui.')
    assert not any(c[0] == "CONFIRM" for c in got), got


def test_triggers_adding_to_a_budget_is_no_deployment():
    assert not any(c[0] == "DEPLOY" for c in claims_of("India menambah anggaran pertahanan sebesar 10 persen."))


@pytest.mark.parametrize("sentence, absent", [
    ("Guterres mengecam serangan tersebut dan mendesak RSF serta SAF menyepakati gencatan senjata.", "AGREE"),
    ("Presiden Kongo Felix Tshisekedi mendesak Dewan Keamanan PBB menjatuhkan sanksi terhadap Rwanda.", "SANCTION"),
    ("Delegasi Rusia dan Ukraina bertemu di Istanbul, tetapi gagal mencapai kesepakatan.", "AGREE"),
    ("Kyiv menuntut pertemuan langsung antara Presiden Ukraina dan Presiden Rusia paling lambat Agustus.", "MEET"),
    ("Chad mendesak digelarnya pertemuan antara Niger dan Mali.", "MEET"),
    ("Uni Afrika menyerukan kesepakatan damai antara Niger dan Mali.", "AGREE"),
])
def test_triggers_what_is_asked_for_or_failed_is_not_done(sentence, absent):
    assert not any(c[0] == absent for c in claims_of(sentence))


def test_triggers_a_meeting_held_is_a_meeting_though_a_demand_follows():
    got = claims_of("Presiden Niger dan Presiden Mali bertemu di Niamey pada Senin dan mendesak Chad menarik pasukannya.")
    assert any(c[0] == "MEET" for c in got), got


def test_triggers_asking_to_stop_keeps_what_is_being_done():
    got = claims_of("Kementerian Luar Negeri Jepang mendesak Korea Utara berhenti mengirim pasukan ke Rusia.")
    assert has(got, "DEPLOY", "Korea Utara", target="Rusia"), got


@pytest.mark.parametrize("sentence", [
    "Houthi meluncurkan rudal ke arah kapal perang AS di Laut Merah.",
    "Rusia menembakkan rudal ke Kyiv pada Senin.",
])
def test_triggers_a_launch_at_a_target_is_an_attack(sentence):
    got = claims_of(sentence)
    assert any(c[0] == "ATTACK" for c in got), got


@pytest.mark.parametrize("sentence, expected", [
    # an accusation that gives a number is an accusation and an estimate
    ("Pemerintah Guyana menuduh Venezuela mengerahkan sekitar 2.000 tentara ke perbatasan.",
     [("ACCUSE", "Guyana", {"target": "Venezuela"}), ("ESTIMATE", "Guyana", {"quantity": 2000}),
      ("DEPLOY", "Venezuela", {})]),
    ("Perdana Menteri Kosovo Ardit Berisha menuduh Serbia menempatkan sekitar 1.500 tentara di dekat perbatasan.",
     [("ACCUSE", "Ardit Berisha", {"target": "Serbia"}), ("ESTIMATE", "Ardit Berisha", {"quantity": 1500}),
      ("DEPLOY", "Serbia", {"quantity": 1500})]),
    # stationing or mobilising troops is a deployment
    ("Rusia menyiagakan sekitar 10.000 tentara di dekat perbatasan Finlandia.", [("DEPLOY", "Rusia", {})]),
    ("Serbia memobilisasi dua batalion ke perbatasan Kosovo.", [("DEPLOY", "Serbia", {})]),
    # a capital that is also a word speaks for its country before a verb
    ("Baku justru menuduh unit-unit Armenia menembaki posisi di distrik Lachin.",
     [("ACCUSE", "Azerbaijan", {"target": "Armenia"})]),
    ("Georgetown mengecam langkah Caracas.", [("CONDEMN", "Guyana", {})]),
])
def test_triggers_accusations_deployments_and_capitals(sentence, expected):
    reads(sentence, expected)


@pytest.mark.parametrize("sentence, absent", [
    # reporting another's attack with its numbers is an estimate, not an accusation
    ("Angkatan Udara Peru menyebut Chili meluncurkan 120 drone dan 11 rudal dalam semalam.", "ACCUSE"),
    # "baku tembak" is a firefight, not Azerbaijan
    ("Baku tembak di perbatasan menewaskan dua tentara.", "Azerbaijan"),
    ("Terjadi baku tembak antara pasukan Armenia dan Azerbaijan.", "Azerbaijan"),
    # placing an advertisement deploys nothing
    ("Pemerintah Peru menempatkan iklan di surat kabar.", "DEPLOY"),
])
def test_triggers_reports_and_words_that_are_not_the_fact(sentence, absent):
    got = claims_of("Judul\n\n" + sentence)
    assert not any(absent in (c[0], c[1]) for c in got), got


@pytest.mark.parametrize("text, expected", [
    # "melancarkan salah satu serangan": the attack of the light verb's subject
    ("Peru melancarkan salah satu serangan udara terbesar ke Chili pada Selasa (21/4) malam.",
     [("ATTACK", "Peru", {"target": "Chili", "date": "2026-04-21"})]),
    ("Peru melancarkan beberapa serangan ke Chili pada Selasa (21/4).", [("ATTACK", "Peru", {"target": "Chili"})]),
    # the killed of "serangan tersebut" are the attack's just told, on its day
    ("Peru menyerang kota Arica di Chili pada Selasa (21/4). Setidaknya 12 orang tewas dan 48 lainnya luka-luka "
     "dalam serangan tersebut.", [("KILL", "Peru", {"quantity": 12, "date": "2026-04-21"})]),
    ("Peru menyerang kota Arica di Chili pada Selasa (21/4). Sedikitnya 23 tentara tewas dalam serangan tersebut.",
     [("KILL", "Peru", {"quantity": 23, "date": "2026-04-21"})]),
])
def test_triggers_attacks_and_their_toll(text, expected):
    reads(text, expected, "2026-04-22")


@pytest.mark.parametrize("text", [
    "Peru menyerang kota Arica di Chili. Kementerian Kesehatan Chili menyebut 31 orang tewas dalam serangan itu.",
    "Peru menyerang kota Arica di Chili. Kementerian Kesehatan Chili menyebut lima orang tewas dan 12 lainnya "
    "luka-luka dalam serangan tersebut.",
])
def test_triggers_a_toll_told_blames_no_one(text):
    got = claims_of("Judul\n\n" + text)
    assert not any(c[0] == "ACCUSE" for c in got), got


@pytest.mark.parametrize("text, expected", [
    # "drone-drone itu", "serangan tersebut" as the subject: the attack just told, told by its victim as an accusation
    ("Chili melancarkan serangan drone ke kota Tacna pada Minggu (5/4/2026). Juru bicara militer Peru, Kolonel Luis "
     "Rojas, mengatakan drone-drone itu menghantam sebuah pasar.",
     [("ATTACK", "Chili", {"date": "2026-04-05"}), ("ACCUSE", "Luis Rojas", {"target": "Chili"})]),
    ("Chili menyerang kota Tacna di Peru pada Minggu (5/4/2026). Serangan itu menghantam sebuah rumah sakit.",
     [("ATTACK", "Chili", {"date": "2026-04-05"})]),
    # killed in a firefight with X: X killed them, the wounded are not counted as dead
    ("Kementerian Pertahanan Peru mengatakan seorang tentaranya tewas dan dua lainnya luka-luka dalam baku tembak "
     "dengan pasukan Chili di perbatasan, Rabu (12/2/2025).", [("KILL", "Chili", {"quantity": None, "date": "2025-02-12"})]),
    ("Dua polisi tewas dalam kontak senjata dengan kelompok ELN di Cucuta, Kolombia.", [("KILL", "ELN", {"quantity": 2})]),
    ("Setidaknya 12 orang tewas dan 48 lainnya luka-luka dalam serangan Chili ke Tacna.", [("KILL", "Chili", {"quantity": 12})]),
    # a monitor named with its acronym, a treasury, a reminder
    ("Menurut kelompok pemantau Andean Monitoring Association (AMA), lebih dari 7.000 warga sipil telah dibunuh "
     "militer sejak kudeta.", [("ESTIMATE", "Andean Monitoring Association", {"quantity": 7000})]),
    ("Departemen Keuangan AS menjatuhkan sanksi kepada 12 individu.", [("SANCTION", "Departemen Keuangan Amerika Serikat", {})]),
    ("Departemen Luar Negeri Amerika Serikat mengingatkan bahwa perjanjian aliansi berlaku untuk serangan terhadap "
     "kapal Filipina.", [("WARN", "Kementerian Luar Negeri Amerika Serikat", {"target": None})]),
])
def test_triggers_anaphors_firefights_and_speakers(text, expected):
    reads(text, expected, "2026-04-07")


@pytest.mark.parametrize("text", [
    '"Setiap provokasi di perbatasan akan mendapat respons yang tegas," kata Menteri Pertahanan Peru Jorge Salas.',
    "Juru bicara Kemlu Peru Ana Rojas mengatakan provokasi lebih lanjut oleh Chili akan membawa konsekuensi.",
    '"Setiap pelanggaran akan dibalas," ujar Panglima Angkatan Darat Peru Jenderal Luis Vega.',
])
def test_triggers_what_one_is_told_will_follow_is_a_warning(text):
    got = claims_of("Judul\n\n" + text)
    assert any(c[0] == "WARN" for c in got) and not any(c[0] == "ACCUSE" for c in got), got


def test_triggers_telling_what_ones_own_side_did_accuses_no_one():
    text = ("Juru bicara Kementerian Pertahanan Peru, Ana Rojas, mengatakan pasukan Peru menewaskan sekitar 600 "
            "anggota kelompok bersenjata itu.")
    got = claims_of("Judul\n\n" + text)
    assert not any(c[0] == "ACCUSE" for c in got), got
    got = claims_of("Judul\n\nJuru bicara Kementerian Pertahanan Peru, Ana Rojas, mengatakan pasukan Chili menyerang Tacna.")
    assert any(c[0] == "ACCUSE" and c[1] == "Ana Rojas" for c in got), got


def test_triggers_an_adverb_before_a_verb_leaves_it_a_verb():
    got = claims_of("Judul\n\nKementerian Pertahanan Peru dengan tegas membantah tuduhan tersebut.")
    assert has(got, "DENY", "Kementerian Pertahanan Peru"), got


@pytest.mark.parametrize("text, expected", [
    # a claim of responsibility confirms the attack
    ("Kolombia diserang ELN pada Senin. Dalam komunike pada Selasa (2/6), ELN mengaku bertanggung jawab atas serangan itu.",
     ("CONFIRM", "ELN", {"about": "ATTACK", "date": "2026-06-02"})),
    # "Juru bicaranya, X" with no body named before still speaks
    ("Kantor hak asasi itu mengecam serangan tersebut. Juru bicaranya, Camille Rostand, juga menyerukan penyelidikan.",
     ("DEMAND", "Camille Rostand", {})),
])
def test_triggers_responsibility_and_spokespersons(text, expected):
    reads(text, [expected], "2026-06-03")


@pytest.mark.parametrize("sentence, typ, about", [
    # what is claimed follows the verb: one's own side's act is confirmed, another's is an accusation
    ("Kementerian Pertahanan Peru mengklaim pasukannya menyerang pangkalan militer Chile.", "CONFIRM", "ATTACK"),
    ("Peru mengklaim Chile menyerang kota Arica pada Senin.", "ACCUSE", "ATTACK"),
    ("Militer Peru mengklaim Chile mengirim 500 tentara ke perbatasan.", "ACCUSE", "DEPLOY"),
])
def test_triggers_claiming_an_act_is_confirming_or_accusing_by_whose_it_is(sentence, typ, about):
    got = claims_of(sentence)
    assert any(c[0] == typ and c[4] == about for c in got), got
    assert not any(c[0] in ("CONFIRM", "ACCUSE") and c[0] != typ for c in got), got


def test_triggers_a_claim_before_which_an_event_was_told_is_not_about_it():
    got = claims_of("Chile menyerang kota Tacna pada Senin, sehari setelah Peru mengklaim merebut desa itu.")
    assert not any(c[0] == "ACCUSE" for c in got), got


@pytest.mark.parametrize("sentence, agent", [
    # taking a town or a base is combat, named or not
    ("Juru bicara M23 mengklaim pasukannya telah menguasai kota Kamanyola setelah pertempuran dua hari.", "M23"),
    ("Tentara Arakan mengklaim telah merebut sebuah pangkalan angkatan laut setelah pertempuran tiga pekan.", "Tentara Arakan"),
])
def test_triggers_taking_a_town_or_a_base_is_combat(sentence, agent):
    assert has(claims_of(sentence), "COMBAT", agent), claims_of(sentence)


def test_triggers_a_range_of_weapons_in_figures_is_an_estimate():
    got = claims_of("Menurut Ana Reyes, analis militer di Institut Studi Strategis Lima, Chile kini meluncurkan "
                    "antara 100 hingga 150 drone setiap malam.")
    assert any(c[0] == "ESTIMATE" and c[1] == "Ana Reyes" and c[7] == (100, 150) for c in got), got


@pytest.mark.parametrize("sentence, typ, agent, target", [
    # fighting "antara X dan Y": combat between the two
    ("Pertempuran sengit antara militer Peru dan pasukan Chile berkecamuk di Tacna.", "COMBAT", "Peru", "Chili"),
    ("Baku tembak antara pasukan India dan Pakistan terjadi di sepanjang perbatasan.", "COMBAT", "India", "Pakistan"),
    ("Bentrokan antara Armenia dan Azerbaijan pecah di perbatasan pada Senin.", "COMBAT", "Armenia", "Azerbaijan"),
    # a protest delivered to a government is a condemnation of it
    ("Pemerintah Peru mengajukan protes keras kepada Chile melalui kedutaan besarnya di Lima.", "CONDEMN", "Peru", "Chili"),
    ("Kementerian Luar Negeri Peru mengirim nota protes kepada Chile.", "CONDEMN", "Kementerian Luar Negeri Peru", "Chili"),
    ("Kementerian Luar Negeri Chile menyampaikan protes kepada Peru atas insiden itu.", "CONDEMN", "Kementerian Luar Negeri Chili", "Peru"),
])
def test_triggers_fighting_between_two_or_a_protest_to_one(sentence, typ, agent, target):
    assert has(claims_of(sentence), typ, agent, target=target), claims_of(sentence)


@pytest.mark.parametrize("sentence, date", [
    ("Kedua negara bertetangga itu sepakat memberlakukan kembali gencatan senjata pada Februari 2021.", "2021-02"),
    ("Kedua negara tetangga tersebut menandatangani perjanjian damai pada 8 Agustus 2025.", "2025-08-08"),
    ("India dan Pakistan memparaf naskah perjanjian damai pada 8 Agustus 2025.", "2025-08-08"),
])
def test_triggers_an_agreement_of_the_two_countries_told_before(sentence, date):
    """"Kedua negara (bertetangga itu)": the two countries the article is about agree; initialling a treaty
    ("memparaf") is agreeing to it."""
    claims = claims_of("Pasukan India dan Pakistan kembali terlibat baku tembak di Garis Kontrol.\n" + sentence,
                       published="2025-10-10")
    assert has(claims, "AGREE", "India", date=date), claims


@pytest.mark.parametrize("sentence, agent, target, amount", [
    ("Polandia menembak jatuh sejumlah drone Rusia yang memasuki wilayah udaranya pada Rabu dini hari.", "Polandia", "Rusia", None),
    ("Sebuah kapal perusak Angkatan Laut AS menembak jatuh tiga drone Houthi di atas Laut Merah.",
     "Angkatan Laut Amerika Serikat", "Houthi", 3),
    ("Empat drone Rusia ditembak jatuh oleh jet tempur Polandia di atas Lublin.", "Polandia", "Rusia", 4),
])
def test_triggers_shooting_down_is_combat(sentence, agent, target, amount):
    claims = claims_of(sentence)
    assert has(claims, "COMBAT", agent, target=target, quantity=amount), claims


def test_triggers_our_air_defence_in_a_quote_is_the_speaker_s_country():
    claims = claims_of("Judul\n\n\"Pertahanan udara kami menembak jatuh 61 drone,\" kata juru bicara Angkatan Udara Ukraina "
                       "Yurii Ihnat.")
    assert has(claims, "COMBAT", "Ukraina"), claims
    assert not any(c[0] == "COMBAT" and c[1] == "Yurii Ihnat" for c in claims), claims


@pytest.mark.parametrize("sentence, speaker", [
    ("Analis Timur Tengah dari Universitas Indonesia, Faisal Anwar, menilai serangan udara AS tidak akan menghentikan Houthi.",
     "Faisal Anwar"),
    ("Menteri Pertahanan AS Pete Hegseth menegaskan serangan Amerika Serikat akan berlanjut hingga Houthi berhenti.",
     "Pete Hegseth"),
])
def test_triggers_speaking_of_an_attack_named_by_its_noun_accuses_no_one(sentence, speaker):
    claims = claims_of(sentence)
    assert not any(c[0] == "ACCUSE" and c[1] == speaker for c in claims), claims


@pytest.mark.parametrize("sentence", [
    "Menteri Luar Negeri Pakistan Ishaq Dar menyebut India sengaja menembaki desa-desa di Kashmir.",
    "Menteri Luar Negeri Pakistan Ishaq Dar mengatakan pasukan India menyerang pos perbatasan.",
])
def test_triggers_telling_that_another_side_attacked_accuses_it(sentence):
    assert has(claims_of(sentence), "ACCUSE", "Ishaq Dar", target="India"), claims_of(sentence)


@pytest.mark.parametrize("sentence, agent, target", [
    ("Uni Eropa pekan ini telah menyetujui paket sanksi ke-17 terhadap Rusia.", "Uni Eropa", "Rusia"),
    ("Dewan Keamanan PBB menyepakati sanksi baru terhadap Korea Utara.", "Dewan Keamanan PBB", "Korea Utara"),
])
def test_triggers_agreeing_to_sanctions_is_sanctioning(sentence, agent, target):
    claims = claims_of(sentence)
    assert has(claims, "SANCTION", agent, target=target), claims
    assert not any(c[0] == "AGREE" for c in claims), claims


@pytest.mark.parametrize("sentence, supplier, accuser", [
    ("Iran, yang dituding Washington memasok senjata kepada Houthi, kembali membantah tudingan tersebut.", "Iran", "Amerika Serikat"),
    ("Rusia, yang dituduh oleh Ukraina mengirim rudal ke Belarus, menolak berkomentar.", "Rusia", "Ukraina"),
])
def test_triggers_the_one_accused_in_a_relative_clause_does_the_deed(sentence, supplier, accuser):
    claims = claims_of(sentence)
    assert any(c[0] in ("SUPPLY", "DEPLOY") and c[1] == supplier for c in claims), claims
    assert not any(c[0] in ("SUPPLY", "DEPLOY") and c[1] == accuser for c in claims), claims


def test_triggers_prisoners_freed_arriving_home_are_no_deployment():
    claims = claims_of("Kementerian Pertahanan Rusia mengatakan 150 tentara Rusia yang dibebaskan telah tiba di wilayah Belarus.")
    assert not any(c[0] == "DEPLOY" for c in claims), claims


@pytest.mark.parametrize("doer, typ", [
    ("angkatan udara Chad", "CONFIRM"),       # a body named for the speaker's country: its own side
    ("pasukan Chad", "CONFIRM"),
    ("pasukan Sudan", "ACCUSE"),             # another country's
])
def test_triggers_claiming_what_one_s_own_country_s_forces_did_confirms_it(doer, typ):
    text = (f"Juru bicara militer Chad, Kolonel Ali Mahamat, mengatakan situasi terkendali.\n"
            f"Ia juga mengklaim {doer} menembak jatuh lima drone di perbatasan.")
    assert any(c[0] == typ and c[1] == "Ali Mahamat" for c in claims_of(text)), claims_of(text)


def test_triggers_a_group_of_the_speaker_s_country_not_named_for_it_is_not_its_side():
    claims = claims_of("Militer Sudan mengatakan RSF menembakkan artileri ke sebuah masjid di El Fasher.")
    assert any(c[0] == "ACCUSE" and c[1] == "Sudan" for c in claims), claims


@pytest.mark.parametrize("told, typ", [
    ("serangan itu menewaskan tiga orang", "STATEMENT"),     # what the attack told before did: no blame laid
    ("serangan tersebut menghantam sebuah gedung apartemen", "STATEMENT"),
    ("ledakan itu merusak puluhan rumah", "STATEMENT"),
    ("pasukan Sudan menembaki desa itu", "ACCUSE"),          # a doer named: blame
])
def test_triggers_telling_what_an_attack_told_before_did_blames_no_one(told, typ):
    text = f"Pasukan Sudan menyerang kota Abeche pada Senin (3/3).\nGubernur Abeche Idriss Mahamat mengatakan {told}."
    claims = [c for c in claims_of(text) if c[1] == "Idriss Mahamat" and c[0] in ("STATEMENT", "ACCUSE")]
    assert claims and {c[0] for c in claims} == {typ}, claims
