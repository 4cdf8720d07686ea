"""Targets, places and owners of events on invented sentences; the expected facts sit next to each."""
from __future__ import annotations

import pytest
from conftest import claims_of, has


@pytest.mark.parametrize("sentence, expected", [
    # the thousands dot of a number does not end the clause: the target after it is kept
    ("Kenya telah mengirim sekitar 4.500 tentara ke Somalia.", ("DEPLOY", "Kenya", {"target": "Somalia", "quantity": 4500})),
    ("Rwanda mengerahkan 12.000 pasukan ke Kongo timur dan ke Burundi.", ("DEPLOY", "Rwanda", {"target": "Republik Demokratik Kongo"})),
    ("Pada Jumat, Chad memindahkan lebih dari 1.200 prajurit ke Niger.", ("DEPLOY", "Chad", {"target": "Niger"})),
    # "ke wilayah X" after an attack: X is attacked
    ("Azerbaijan membalas dengan rentetan serangan drone ke wilayah Armenia.", ("ATTACK", "Azerbaijan", {"target": "Armenia"})),
    ("Sudan melancarkan serangkaian serangan udara ke wilayah Chad.", ("ATTACK", "Sudan", {"target": "Chad"})),
    ("Eritrea merespons dengan serangan artileri ke wilayah Ethiopia.", ("ATTACK", "Eritrea", {"target": "Ethiopia"})),
    # the owner of an event noun told by "-nya": the subject, or the speaker of the verb before it
    ("Armenia belum mengakui pengerahan pasukannya ke Georgia.",
     ("DEPLOY", "Armenia", {"target": "Georgia"})),
    ("Armenia belum mengakui pengerahan pasukannya ke Georgia.",
     ("NO_COMMENT", "Armenia", {"about": "DEPLOY"})),
    ("Kenya membantah pengiriman tentaranya ke Haiti.", ("DEPLOY", "Kenya", {"target": "Haiti"})),
    ("Chad mengakui telah mengirimkan pasukannya ke Sudan.", ("DEPLOY", "Chad", {"target": "Sudan"})),
    # the target as subject of "menjadi sasaran serangan X"
    ("Pos perbatasan Armenia menjadi sasaran serangan artileri Azerbaijan.", ("ATTACK", "Azerbaijan", {"target": "Armenia"})),
    ("Kapal patroli Filipina kembali menjadi sasaran serangan China.", ("ATTACK", "China", {"target": "Filipina"})),
    # an attack told by a passive verb and the weapon of the attacker
    ("Pangkalan Chad dihantam rudal Sudan pada Senin (3/3/2025).",
     ("ATTACK", "Sudan", {"target": "Chad", "date": "2025-03-03"})),
    ("Konvoi Mali diserang drone Niger di dekat perbatasan.", ("ATTACK", "Niger", {"target": "Mali"})),
    # police and other personnel sent abroad are a deployment too
    ("Pemerintah Kenya mengirim 200 polisi tambahan ke Haiti.", ("DEPLOY", "Kenya", {"target": "Haiti", "quantity": 200})),
    ("Jepang mengerahkan 300 personel ke Sudan Selatan.", ("DEPLOY", "Jepang", {"quantity": 300})),
    # troops sent to a country, or to its capital, are in that country
    ("Mesir mengirim sekitar 1.100 tentara ke Mogadishu.", ("DEPLOY", "Mesir", {"target": "Somalia", "place": "Somalia"})),
    ("Kenya mengerahkan 400 polisi ke Haiti pada Selasa (4/3).", ("DEPLOY", "Kenya", {"target": "Haiti", "place": "Haiti"})),
    # the dead counted after the verb that killed them; the killer of "tewas akibat serangan X" is X
    ("Tembakan mortir India menewaskan tiga warga sipil di Distrik Kotli.", ("KILL", "India", {"quantity": 3})),
    ("Serangan udara Israel menewaskan lima orang di Lembah Bekaa.", ("KILL", "Israel", {"quantity": 5})),
    ("Sedikitnya 31 orang tewas akibat serangan Amerika Serikat.", ("KILL", "Amerika Serikat", {"quantity": 31})),
    ("Lima warga sipil tewas dalam serangan drone Rusia di Kharkiv pada Senin (3/3).",
     ("KILL", "Rusia", {"quantity": 5, "place": "Kharkiv", "date": "2025-03-03"})),
    # a verb after a comma, with no subject of its own, is the last subject's: place and day go with it
    ("Rusia melancarkan serangan rudal ke Kharkiv pada Rabu (5/3), menewaskan empat orang, menurut Gubernur Kharkiv, Ivan Petrenko.",
     ("KILL", "Rusia", {"quantity": 4, "place": "Kharkiv", "date": "2025-03-05", "target": None})),
    ("Pasukan Israel menggempur kota Gaza, menewaskan sedikitnya 12 orang.", ("KILL", "Israel", {"quantity": 12})),
    # a part of a country ("wilayah utara X", "bagian timur X"): troops go there; an attack there is on X
    ("Pasukan NATO pada Selasa mengerahkan patroli tambahan ke wilayah utara Kosovo.", ("DEPLOY", "NATO", {"place": "Kosovo"})),
    ("Rusia melancarkan serangan drone ke infrastruktur energi di wilayah barat Ukraina semalam.",
     ("ATTACK", "Rusia", {"target": "Ukraina"})),
    ("Sudan menyerang pos-pos di bagian timur Chad.", ("ATTACK", "Sudan", {"target": "Chad"})),
    # troops sent to a place are sent to the country it is in; a count someone estimates is the deployment's too
    ("Rusia menolak berkomentar. Korea Utara telah mengirim pasukan ke Kursk.", ("DEPLOY", "Korea Utara", {"target": "Rusia", "place": "Kursk"})),
    ("Ukraina menyebut Rusia mengerahkan tentara di Donetsk.", ("DEPLOY", "Rusia", {"target": "Ukraina", "place": "Donetsk"})),
    ("Badan Intelijen Korea Selatan memperkirakan Korea Utara telah mengirim sekitar 3.000 tentara tambahan ke Rusia.",
     ("DEPLOY", "Korea Utara", {"target": "Rusia", "quantity": 3000})),
    ("Badan Intelijen Korea Selatan memperkirakan Korea Utara telah mengirim sekitar 3.000 tentara tambahan ke Rusia.",
     ("ESTIMATE", "Badan Intelijen Nasional Korea Selatan", {"quantity": 3000, "about": "DEPLOY"})),
    # a confirmation that gives a number is an estimate too
    ("Juru bicara Kementerian Luar Negeri Kenya, Jane Wambui, mengonfirmasi bahwa lebih dari 1.200 tentara Kenya telah tiba di Haiti.",
     ("ESTIMATE", "Jane Wambui", {"quantity": 1200, "about": "DEPLOY"})),
    ("Menteri Pertahanan Chad Ahmed Salih membenarkan sekitar 800 prajurit Chad sudah berada di Niger.",
     ("ESTIMATE", "Ahmed Salih", {"quantity": 800})),
    # members, militants and fighters are counted among the dead; a border town is a place
    ("Militer Sudan mengklaim telah menewaskan lebih dari 300 anggota RSF.", ("KILL", "Sudan", {"quantity": 300})),
    ("Serangan udara Nigeria menewaskan 45 militan di Borno.", ("KILL", "Nigeria", {"quantity": 45})),
    ("Chad mengirim sekitar 1.500 tentara tambahan ke kota perbatasan Adré.", ("DEPLOY", "Chad", {"place": "Adré", "quantity": 1500})),
    # a warning whose condition names a country is for that country, even after "di"
    ("Jenderal Sudan itu bersumpah akan membalas jika bandara di Chad timur terus dipakai.", ("WARN", "Sudan", {"target": "Chad"})),
    # units trained are the trainee's; arms received after "sementara X" are received by X, from whoever is named after "dari"
    ("Instruktur Rusia kini melatih unit-unit Korut dalam penggunaan drone.", ("TRAIN", "Rusia", {"target": "Korea Utara"})),
    ("Instruktur Iran melatih unit-unit Rusia, sementara Rusia menerima peluncur roket multilaras 240 mm dan howitzer swagerak dari Korut.",
     ("SUPPLY", "Korea Utara", {"target": "Rusia"})),
    ("Ukraina menerima jet tempur F-16 pertama dari Belanda.", ("SUPPLY", "Belanda", {"target": "Ukraina"})),
    # weapons counted: the attack's or the supply's amount, and the estimate of whoever gives it
    ("Menurut perkiraan Angkatan Udara Ukraina, Rusia telah meluncurkan lebih dari 4.000 drone ke wilayah Ukraina sepanjang Januari.",
     ("ATTACK", "Rusia", {"quantity": 4000, "date": "2025-01"})),
    ("Menurut perkiraan Angkatan Udara Ukraina, Rusia telah meluncurkan lebih dari 4.000 drone ke wilayah Ukraina sepanjang Januari.",
     ("ESTIMATE", "Angkatan Udara Ukraina", {"quantity": 4000, "about": "ATTACK"})),
    ("Menurut NIS, Korut juga telah memasok lebih dari 200 unit artileri kepada Rusia.",
     ("SUPPLY", "Korea Utara", {"quantity": 200, "target": "Rusia"})),
    ("Kementerian Pertahanan Taiwan mendeteksi 32 pesawat militer China di sekitar pulau itu.",
     ("ESTIMATE", "Kementerian Pertahanan Taiwan", {"quantity": 32})),
    # a minister telling of his country's deployment: the country deploys; adding troops deploys them
    ("Menteri Pertahanan Benin Serge Ahouansou menambahkan bahwa Benin telah mengerahkan sekitar 3.000 tentaranya di perbatasan.",
     ("DEPLOY", "Benin", {"quantity": 3000})),
    ("Menurut intelijen Pakistan, India telah menambah sekitar 4.500 tentara di perbatasan sejak Januari.",
     ("DEPLOY", "India", {"quantity": 4500})),
    # a flag describes the ship, it is no party to the attack
    ("Houthi menyerang kapal tanker berbendera Liberia di Laut Merah.", ("ATTACK", "Houthi", {"target": None, "place": "Laut Merah"})),
    ("Drone Rusia menghantam kapal kargo berbendera Panama di Odesa.", ("ATTACK", "Rusia", {"target": None})),
    # a destination inside a purpose clause
    ("Kenya mengirim 500 tentara untuk berlatih di Uganda.", ("DEPLOY", "Kenya", {"place": "Uganda"})),
    ("Chad mengerahkan pasukan guna berjaga di Niger.", ("DEPLOY", "Chad", {"place": "Niger"})),
    # a word between the event noun and its owner
    ("Sudan mengecam pernyataan perwakilan Chad di PBB.", ("STATEMENT", "Chad", {})),
    ("Kenya menolak tuntutan delegasi Somalia.", ("DEMAND", "Somalia", {})),
    # two parties joined by a hyphen
    ("Bentrokan antara Armenia-Azerbaijan kembali pecah.", ("COMBAT", "Armenia", {"target": "Azerbaijan"})),
    ("Pertemuan antara Kenya-Somalia berlangsung di Nairobi.", ("MEET", "Kenya", {"target": "Somalia"})),
])
def test_arguments_construction_gives_the_fact(sentence, expected):
    typ, agent, fields = expected
    got = claims_of(sentence)
    assert has(got, typ, agent, **fields), got


def test_arguments_a_country_after_ke_wilayah_is_not_the_attacker():
    got = claims_of("Azerbaijan membalas dengan rentetan serangan drone ke wilayah Armenia.")
    assert not any(c[0] == "ATTACK" and c[1] == "Armenia" for c in got), got


def test_arguments_their_troops_after_a_condemnation_are_someone_else_s():
    """"mengecam serangan pasukan mereka": "mereka" is not the one who condemns."""
    got = claims_of("Pemerintah Chad mengecam serangan pasukan mereka di perbatasan.")
    assert not any(c[0] == "ATTACK" and c[1] == "Chad" for c in got), got


def test_arguments_a_hyphenated_country_name_stays_one_country():
    got = claims_of("Guinea-Bissau mengirim pasukan ke Mali.")
    assert has(got, "DEPLOY", "Guinea-Bissau", target="Mali"), got


def test_arguments_talks_with_a_delegation_are_not_the_delegation_s():
    got = claims_of("Menteri Luar Negeri Chad Ahmed Salih menggelar pembicaraan dengan delegasi Sudan di Ndjamena.")
    assert not any(c[0] == "MEET" and c[1] == "Sudan" for c in got), got


def test_arguments_a_war_named_in_a_purpose_clause_is_not_where_troops_went():
    got = claims_of("Niger mengirim pasukan untuk bertempur mendukung Mali dalam perang di Burkina Faso.")
    assert not any(c[0] == "DEPLOY" and c[3] == "Burkina Faso" for c in got), got


def test_arguments_a_leader_s_own_troops_are_his_country_s():
    got = claims_of("Presiden Armenia Arman Petrosyan belum mengakui pengerahan pasukannya ke Georgia.")
    assert has(got, "DEPLOY", "Armenia", target="Georgia"), got
    assert not any(c[0] == "DEPLOY" and c[1] == "Arman Petrosyan" for c in got), got


def test_arguments_countries_listed_with_a_place_are_places_not_targets():
    got = claims_of("Kementerian Keuangan Kenya mengumumkan sanksi terhadap sejumlah perusahaan di Sudan, Chad, dan Niger.")
    assert has(got, "SANCTION", "Kementerian Keuangan Kenya", place="Sudan"), got
    assert not any(c[0] == "SANCTION" and c[2] in ("Chad", "Niger") for c in got), got


@pytest.mark.parametrize("first, second", [
    ("Somalia dan Ethiopia akhirnya mencapai kesepakatan mengenai pasukan penjaga perdamaian.",
     "Kesepakatan itu dicapai dalam pertemuan menteri pertahanan kedua negara di Nairobi, Selasa (11/3)."),
    ("Kenya dan Uganda mencapai kesepakatan soal perbatasan.",
     "Kesepakatan tersebut dicapai dalam pertemuan para menteri kedua negara di Nairobi pada Selasa (11/3)."),
])
def test_arguments_an_agreement_named_again_gets_its_day_place_and_meeting(first, second):
    """"X dan Y mencapai kesepakatan. Kesepakatan itu dicapai dalam pertemuan ... kedua negara di Z, Selasa (11/3)":
    both parties agreed, that day, at Z, where the two countries met."""
    got = claims_of(first + "\n" + second, published="2025-03-12")
    a, b = [x for x in got if x[0] == "AGREE"][:2]
    assert a[5] == b[5] == "2025-03-11" and a[3] == b[3] == "Kenya", got
    assert any(x[0] == "MEET" and x[5] == "2025-03-11" and {x[1], x[2]} == {a[1], b[1]} for x in got), got


@pytest.mark.parametrize("text, agent, place, day, toll", [
    ("Serangan rudal Chile menghantam kawasan permukiman di kota Tacna pada Kamis (21/5) malam. "
     "Sedikitnya sembilan orang tewas, termasuk dua anak-anak.", "Chili", "Tacna", "2026-05-21", 9),
    ("Pasukan Peru menggempur kamp pengungsi di pinggiran kota Arica pada Senin, 11 Mei 2026. "
     "Sedikitnya 38 warga sipil tewas dalam serangan darat dan artileri tersebut.", "Peru", None, "2026-05-11", 38),
    ("Serangan drone yang diduga dilancarkan Peru menghantam sebuah pasar di kota Arica pada Senin, 11 Mei 2026. "
     "Setidaknya 27 warga sipil tewas dan puluhan lainnya luka-luka, menurut Jaringan Dokter Chile.", "Peru", "Arica", "2026-05-11", 27),
])
def test_arguments_a_toll_told_right_after_an_attack_is_that_attack_s(text, agent, place, day, toll):
    got = claims_of("Judul\n\n" + text, "2026-05-22")
    assert has(got, "KILL", agent, date=day, quantity=toll), got
    assert place is None or has(got, "KILL", agent, place=place), got


@pytest.mark.parametrize("text", [
    # a toll after something that is no attack, or with its own cause, or two sentences later
    "Peru dan Chile menandatangani perjanjian damai pada Senin. Sedikitnya sembilan orang tewas, termasuk dua anak-anak.",
    "Peru menyerang kota Arica pada Senin. Sedikitnya sembilan orang tewas akibat banjir di selatan.",
    "Peru menyerang kota Arica pada Senin. Warga mengungsi ke utara. Sedikitnya sembilan orang tewas.",
])
def test_arguments_a_toll_with_another_cause_is_no_attack_s(text):
    got = claims_of("Judul\n\n" + text, "2026-05-22")
    assert not any(c[0] == "KILL" and c[1] == "Peru" for c in got), got


@pytest.mark.parametrize("text, body", [
    ("Sedikitnya 27 warga sipil tewas, menurut Jaringan Dokter Peru.", "Jaringan Dokter Peru"),
    ("Komite Pengacara Peru mengecam serangan itu.", "Komite Pengacara Peru"),
    ("Universitas Peru mengatakan 27 warga sipil tewas.", "Universitas Peru"),
])
def test_arguments_a_body_named_with_its_country_speaks_not_the_country(text, body):
    got = claims_of(text)
    speakers = {c[1] for c in got if c[0] in ("ESTIMATE", "CONDEMN", "STATEMENT")}
    assert speakers == {body}, got


@pytest.mark.parametrize("text, agent, place", [
    # an unknown name set beside a known place, after "di", is a place
    ("Kelompok militan JNIM menyerang sebuah pangkalan militer di Dioura, Mali tengah, pada Minggu.",
     "Jama'at Nusrat al-Islam wal-Muslimin", "Dioura"),
    ("Gerilyawan ELN menyerang sebuah pangkalan militer di sekitar El Tarra, wilayah Catatumbo, pada Kamis.", "ELN", "El Tarra"),
])
def test_arguments_a_name_beside_a_known_place_is_a_place(text, agent, place):
    got = claims_of("Judul\n\n" + text)
    assert has(got, "ATTACK", agent, place=place), got


def test_arguments_a_name_beside_a_date_is_no_place():
    got = claims_of("Judul\n\nPresiden Peru mengecam serangan itu dalam unggahan di Telegram, Senin.")
    assert all(c[3] != "Telegram" for c in got), got


@pytest.mark.parametrize("second", [
    "Peru mengutuk serangan terhadap kapal sipil tersebut.",
    "Peru mengecam serangan atas pelabuhan itu.",
    "Peru mengecam keras serangan itu.",
])
def test_arguments_condemning_the_attack_named_before_targets_its_doer(second):
    got = claims_of("Judul\n\nKelompok Houthi menyerang kapal kargo MV Sea Star di Laut Merah pada Minggu.\n" + second)
    assert has(got, "CONDEMN", "Peru", target="Houthi"), got


@pytest.mark.parametrize("text, agent, toll", [
    # a toll, then the attack that caused it, in one sentence
    ("Sedikitnya 32 warga sipil, sebagian besar etnis Karen, tewas setelah jet tempur militer Myanmar mengebom sebuah desa "
     "di kota Hpapun pada Selasa.", "Myanmar", 32),
    ("Setidaknya 12 orang tewas setelah pasukan Peru menggempur kota Arica pada Senin.", "Peru", 12),
])
def test_arguments_a_toll_before_the_attack_that_caused_it(text, agent, toll):
    assert has(claims_of("Judul\n\n" + text), "KILL", agent, quantity=toll), claims_of("Judul\n\n" + text)


def test_arguments_shooting_down_drones_is_no_attack():
    got = claims_of("Judul\n\n\"Pertahanan udara kami menembak jatuh 61 drone,\" kata juru bicara Angkatan Udara Peru Ana Reyes.")
    assert not any(c[0] == "ATTACK" for c in got), got


@pytest.mark.parametrize("sentence, agent, country", [
    ("Rusia melancarkan serangan udara besar-besaran ke berbagai kota di Ukraina pada Minggu (12/4) malam.", "Rusia", "Ukraina"),
    ("Rusia meluncurkan 653 drone dan 51 rudal ke berbagai wilayah Ukraina dalam serangan semalam.", "Rusia", "Ukraina"),
    ("Israel menyerang sejumlah desa di Lebanon pada Selasa.", "Israel", "Lebanon"),
    ("Militer Lebanon mengatakan Israel menyerang sejumlah desa di Lebanon selatan pada Selasa.", "Israel", "Lebanon"),
])
def test_arguments_an_attack_on_places_of_a_country_targets_the_country(sentence, agent, country):
    claims = claims_of(sentence)
    assert has(claims, "ATTACK", agent, target=country), claims


def test_arguments_an_attack_inside_the_attacker_s_own_country_has_no_target():
    claims = claims_of("Militer Nigeria menyerang markas kelompok bersenjata di Nigeria utara pada Senin.")
    assert not any(c[0] == "ATTACK" and c[2] == "Nigeria" for c in claims), claims


@pytest.mark.parametrize("toll, place", [
    ("Di Odesa, tiga orang tewas akibat serangan rudal ke fasilitas pelabuhan.", "Odesa"),
    ("Di kota Kharkiv, empat warga sipil tewas dalam serangan drone di kawasan permukiman.", "Kharkiv"),
    ("Tiga orang tewas akibat serangan rudal di Odesa, kata gubernur setempat.", "Odesa"),
])
def test_arguments_a_toll_of_an_unnamed_attack_is_the_one_attacker_s(toll, place):
    """An article that tells attacks by one side only: the dead of "serangan rudal" with no doer named are its;
    a place opening the sentence ("Di Odesa, ...") is where they died."""
    claims = claims_of("Rusia melancarkan serangan udara ke berbagai kota di Ukraina pada Minggu (12/4) malam.\n" + toll)
    assert has(claims, "KILL", "Rusia", place=place), claims


def test_arguments_a_toll_of_an_unnamed_attack_has_no_doer_when_two_sides_attack():
    claims = claims_of("Rusia melancarkan serangan udara ke berbagai kota di Ukraina pada Minggu (12/4) malam.\n"
                       "Ukraina membalas dengan menyerang kilang minyak di kota Saratov, Rusia.\n"
                       "Di Odesa, tiga orang tewas akibat serangan rudal ke fasilitas pelabuhan.")
    assert not any(c[0] == "KILL" for c in claims), claims


@pytest.mark.parametrize("noun", ["insiden tersebut", "peristiwa itu", "tindakan tersebut"])
def test_arguments_condemning_the_incident_targets_its_doer(noun):
    claims = claims_of("Kapal Penjaga Pantai China menembakkan meriam air ke kapal Filipina di Scarborough pada Selasa.\n"
                       f"Presiden Filipina Ferdinand Marcos Jr mengecam {noun} dalam pidatonya.")
    assert has(claims, "CONDEMN", "Ferdinand Marcos Jr", target="Penjaga Pantai China"), claims


@pytest.mark.parametrize("sentence, place", [
    ("Pokrovsk telah menjadi sasaran utama serangan Rusia selama berbulan-bulan.", "Pokrovsk"),
    ("Kota Kharkiv menjadi sasaran serangan drone Rusia pada Minggu malam.", "Kharkiv"),
])
def test_arguments_a_place_that_is_the_target_of_an_attack_is_where_it_falls(sentence, place):
    assert has(claims_of(sentence), "ATTACK", "Rusia", place=place), claims_of(sentence)


@pytest.mark.parametrize("sentence, target", [
    ('Menteri Pertahanan Israel Israel Katz memperingatkan bahwa Houthi akan "membayar harga yang sangat mahal".', "Houthi"),
    ("Menteri Luar Negeri Iran Abbas Araghchi memperingatkan bahwa Israel akan menanggung akibatnya.", "Israel"),
])
def test_arguments_warning_that_someone_will_pay_targets_them(sentence, target):
    claims = claims_of(sentence)
    assert any(c[0] == "WARN" and c[2] == target for c in claims), claims


def test_arguments_warning_that_one_s_own_side_will_act_targets_no_one():
    claims = claims_of("Presiden Rusia Pavel Orlov memperingatkan bahwa Rusia akan membalas.")
    assert has(claims, "WARN", "Pavel Orlov", target=None), claims


@pytest.mark.parametrize("anaphor", ["serangan Israel itu", "serangan tersebut", "serangan udara Israel tersebut"])
def test_arguments_the_toll_of_an_attack_named_again_is_where_and_when_it_was(anaphor):
    claims = claims_of("Israel menyerang pelabuhan Hodeidah di Yaman pada Jumat (14/11).\n"
                       f"Kementerian Kesehatan Yaman menyatakan {anaphor} menewaskan lima orang.", published="2025-11-15")
    assert has(claims, "KILL", "Israel", place="Hodeidah", date="2025-11-14", quantity=5), claims
