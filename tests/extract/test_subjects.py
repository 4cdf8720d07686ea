"""Who acts or speaks, on invented sentences: clauses with their own subject, datelines, outlets, headline
verbs and the speaker of a verb a clause shares. The expected facts sit next to each sentence."""
from __future__ import annotations

import pytest
from conftest import claims_of, has


@pytest.mark.parametrize("sentence, expected", [
    # after "usai"/"setelah" a clause has its own subject
    ("Hal itu diungkapkan Badan Intelijen Kenya beberapa hari usai Somalia mengakui telah mengirim pasukan ke perbatasan.",
     ("CONFIRM", "Somalia", {"about": "DEPLOY"})),
    ("Pernyataan itu muncul sehari seusai Chad membantah pengiriman pasukan ke Sudan.", ("DENY", "Chad", {})),
    ("Pernyataan itu muncul sehari setelah pasukan Chad menyerang pos perbatasan Sudan.",
     ("ATTACK", "Chad", {"target": "Sudan"})),
    # a verb after a speech verb and "telah" has the speaker as subject
    ("Somalia mengakui telah mengirim pasukan ke Kenya.", ("DEPLOY", "Somalia", {"target": "Kenya"})),
    ("Kemarin Niger membenarkan sudah mengerahkan tentara ke Mali.", ("DEPLOY", "Niger", {"target": "Mali"})),
    # a headline verb: the subject before it speaks
    ("Uni Afrika Konfirmasi Pengiriman Pasukan Kenya ke Somalia", ("CONFIRM", "Uni Afrika", {"about": "DEPLOY"})),
    ("Chad Kritik Pengiriman Pasukan Sudan ke Darfur", ("CONDEMN", "Chad", {})),
    # the one who denies is the subject, not the one whose statement is denied
    ("Misi Eritrea di PBB membantah pernyataan Ethiopia.", ("DENY", "Eritrea", {})),
    ("Kedutaan Besar Sudan di Nairobi membantah tuduhan Kenya.", ("DENY", "Kedutaan Besar Sudan", {})),
    # believed, said or reported to have done it: the subject before the passive did it, not the source
    ("Pyongyang diyakini telah mengirim lebih dari 100 rudal ke Rusia, menurut perkiraan intelijen Korea Selatan.",
     ("SUPPLY", "Korea Utara", {"target": "Rusia"})),
    ("Chad disebut telah mengirim pasukan ke Sudan, kata Kementerian Luar Negeri Kenya.", ("DEPLOY", "Chad", {})),
    # a country's military speaks for it, as does its officer
    ("Militer Pakistan menuduh pasukan India melepaskan tembakan artileri di Kashmir.", ("ACCUSE", "Pakistan", {})),
    ("Militer Pakistan menuduh pasukan India melepaskan tembakan artileri di Kashmir.", ("ATTACK", "India", {})),
    # "X menuduh Y menembaki ..., menewaskan dua tentara": Y killed them
    ("Militer Pakistan menuduh pasukan India melepaskan tembakan artileri di Kashmir pada Selasa (10/2), menewaskan "
     "dua tentara.", ("KILL", "India", {})),
    ("Rusia mengatakan Ukraina menyerang Kursk, dan menewaskan lima warga.", ("KILL", "Ukraina", {})),
    # a quote that tells of another's attack, its speaker named in the next sentence: an accusation
    ("Judul\n\n“Pasukan Chad melepaskan tembakan tanpa provokasi dengan mortir. Pasukan kami membalas,” kata juru "
     "bicara militer Sudan, Kolonel Ahmed Osman.", ("ACCUSE", "Ahmed Osman", {"target": "Chad"})),
])
def test_subjects_construction_gives_the_fact(sentence, expected):
    typ, agent, fields = expected
    got = claims_of(sentence)
    assert has(got, typ, agent, **fields), got


@pytest.mark.parametrize("sentence, not_agent", [
    # the speaker whose clause comes first did not do what a later subject did
    # a dateline names where and by whom the report was filed: no speaker
    ("Addis Ababa, KabarTimur | Badan Intelijen Kenya mengatakan Somalia mengirim pasukan ke perbatasan.", "Ethiopia"),
    ("JAKARTA, KOMPAS.com - Menteri Luar Negeri Kenya Jane Wambui mengatakan Somalia mengirim pasukan.", "Indonesia"),
    ("JAKARTA, KOMPAS.com - Menteri Luar Negeri Kenya Jane Wambui mengatakan Somalia mengirim pasukan.", "Kompas"),
    ("Nairobi (ANTARA) - Kementerian Luar Negeri Chad membantah laporan itu.", "Kenya"),
    # an outlet carries what others say
    ("Reuters melaporkan bahwa Somalia mengirim pasukan ke perbatasan.", "Reuters"),
    ("Kenya mengirim pasukan ke Haiti, seperti dikutip dari laporan harian Le Soir.", "Le Soir"),
    ("“Kami tidak mengirim pasukan,” kata seorang pejabat Armenia kepada Radio Free Europe.", "Radio Free Europe"),
    # a headline speaks of its subject, not of a country named later
    ("Uni Afrika Konfirmasi Pengiriman Pasukan Kenya ke Somalia", "Kenya"),
    # a dateline glued to the first word by a dash
    ("Judul\n\nHarianjogja.com, JAKARTA—Pesawat militer Myanmar menjatuhkan dua bom ke sebuah biara, menewaskan 21 orang.",
     "Indonesia"),
    ("Judul\n\nKABAR.com, NAIROBI–Pasukan Somalia menyerang sebuah pos di perbatasan dekat kota Mandera pada Senin "
     "malam, menewaskan tiga warga sipil.", "Kenya"),
    # a dateline of two cities
    ("Judul\n\nISLAMABAD/NEW DELHI — India melancarkan serangan rudal ke sembilan lokasi di Pakistan dan wilayah "
     "Kashmir yang dikuasai Pakistan pada Rabu dini hari.", "Pakistan"),
    ("Judul\n\nKYIV/MOSKOW, KABAR.com - Rusia meluncurkan ratusan drone ke berbagai wilayah Ukraina dalam serangan "
     "besar-besaran pada Sabtu malam.", "Ukraina"),
])
def test_subjects_not_the_agent(sentence, not_agent):
    got = claims_of(sentence)
    assert not any(c[1] == not_agent and c[0] not in ("DEPLOY",) for c in got), got


@pytest.mark.parametrize("sentence", [
    "Adik pemimpin Peru Luis Arce, Sofia Mendez, juga menepis laporan itu.",
    "Sehari sebelumnya, adik perempuan Luis Arce, Sofia Mendez, memperingatkan bahwa Chili akan membayar mahal.",
    "Putri Presiden Peru Luis Arce, Sofia Mendez, mengecam serangan itu.",
])
def test_subjects_a_relative_named_before_the_speaker_does_not_speak(sentence):
    """"adik pemimpin X Luis Arce, Sofia Mendez, menepis ...": Sofia Mendez speaks; her brother does not."""
    got = claims_of("Judul\n\n" + sentence)
    assert {c[1] for c in got} == {"Sofia Mendez"}, got


def test_subjects_a_later_clause_s_acts_are_not_the_first_speaker_s():
    got = claims_of("Hal itu diungkapkan Badan Intelijen Kenya beberapa hari usai Somalia mengakui telah mengirim "
                    "pasukan ke perbatasan.")
    assert not any(c[1] == "Badan Intelijen Kenya" and c[0] in ("CONFIRM", "DEPLOY") for c in got), got


def test_subjects_the_speaker_after_a_dateline_is_kept():
    got = claims_of("Addis Ababa, KabarTimur | Badan Intelijen Kenya mengatakan Somalia mengirim pasukan ke perbatasan.")
    assert has(got, "STATEMENT", "Badan Intelijen Kenya"), got


def test_subjects_a_list_before_a_dash_is_not_a_dateline():
    got = claims_of("Chad, Niger dan Mali – tiga negara itu – mengecam Sudan.")
    assert has(got, "CONDEMN", "Chad", target="Sudan") and has(got, "CONDEMN", "Mali", target="Sudan"), got


@pytest.mark.parametrize("text, expected", [
    ("Juru bicara Kementerian Luar Negeri Kenya Jane Wambui tiba di Haiti. Pejabat itu membantah laporan tersebut.",
     ("DENY", "Jane Wambui")),
    ("Menteri Pertahanan Chad Ahmed Salih tiba di Niamey. Menteri tersebut membantah laporan itu.", ("DENY", "Ahmed Salih")),
    ("Presiden Niger Amadou Sali bertemu wartawan. Kemudian Presiden itu mengecam Mali.", ("CONDEMN", "Amadou Sali")),
    ("Duta Besar Rusia untuk Moldova, Oleg Ozerov, berbicara kepada wartawan. Sang duta besar memperingatkan Moldova.",
     ("WARN", "Oleg Ozerov")),
    ("Kementerian Pertahanan Rusia mengklaim telah menembak jatuh 40 drone. Kementerian itu membantah menargetkan warga.",
     ("DENY", "Kementerian Pertahanan Rusia")),
    ("Badan Intelijen Kenya merilis laporan pada Senin. Badan tersebut menuduh Somalia mengirim pasukan.",
     ("ACCUSE", "Badan Intelijen Kenya")),
])
def test_subjects_a_title_with_itu_is_the_person_named_before(text, expected):
    got = claims_of(text)
    assert has(got, *expected), got


def test_subjects_a_title_with_itu_and_no_one_named_before_is_no_one():
    got = claims_of("Pejabat itu membantah laporan tersebut.")
    assert not any(c[0] == "DENY" for c in got), got


@pytest.mark.parametrize("sentence, expected", [
    ("Yang pertama kali mengonfirmasi pengiriman itu adalah Kementerian Pertahanan Kenya.",
     ("CONFIRM", "Kementerian Pertahanan Kenya")),
    ("Yang membantah laporan tersebut ialah Presiden Chad Idriss Mahamat.", ("DENY", "Idriss Mahamat")),
    ("Pihak yang mengecam serangan itu adalah Uni Afrika.", ("CONDEMN", "Uni Afrika")),
])
def test_subjects_a_cleft_names_its_agent_after_adalah(sentence, expected):
    got = claims_of(sentence)
    assert has(got, *expected), got


def test_subjects_an_accusation_in_a_quote_targets_the_party_named_in_it():
    got = claims_of("“Kami mendesak Armenia menghentikan provokasi,” kata Menteri Luar Negeri Azerbaijan Elnur Aliyev.")
    assert has(got, "ACCUSE", "Elnur Aliyev", target="Armenia"), got


@pytest.mark.parametrize("dateline", ["Jakarta, 18/3/2025 - ", "Jakarta, 18 Maret 2025 - ", "JAKARTA, KOMPAS.com - ",
                                      "JAKARTA - ", "KHARTOUM – "])
def test_subjects_a_dateline_with_a_date_names_no_agent(dateline):
    claims = claims_of(dateline + "Angkatan Bersenjata Sudan menyatakan telah merebut kembali kota Bara.")
    assert not any(c[1] == "Indonesia" for c in claims)


@pytest.mark.parametrize("text", [
    "Perang antara Angkatan Bersenjata Sudan dan Pasukan Dukungan Cepat yang pecah pada April 2023 telah menewaskan puluhan ribu orang.",
    "Konflik antara Armenia dengan Azerbaijan sejak 2020 menewaskan ribuan tentara.",
])
def test_subjects_the_parties_between_whom_a_war_is_are_no_subject(text):
    assert not any(c[0] == "KILL" for c in claims_of(text))


def test_subjects_a_party_after_the_between_phrase_still_acts():
    got = claims_of("Setelah perundingan antara Armenia dan Azerbaijan gagal, Rusia mengirim pasukan ke perbatasan.")
    assert has(got, "DEPLOY", "Rusia"), got


@pytest.mark.parametrize("sentence, target", [
    ("KCNA memperingatkan bahwa Pyongyang akan membalas jika Amerika Serikat tetap menggelar latihan militer.", "Amerika Serikat"),
    ("Rusia memperingatkan bahwa pihaknya akan membalas apabila Moldova mengusir pasukannya.", "Moldova"),
    ("Menteri Pertahanan Azerbaijan Rauf Mammadov bersumpah akan membalas jika Armenia menyerang lagi.", "Armenia"),
])
def test_subjects_a_warning_is_for_the_party_in_its_condition(sentence, target):
    got = claims_of(sentence)
    assert any(c[0] == "WARN" and c[2] == target for c in got), got


@pytest.mark.parametrize("headline, agent, typ", [
    ("Eritrea Tuding Ethiopia Kerahkan Ribuan Tentara ke Perbatasan, Addis Ababa Membantah", "Ethiopia", "DENY"),
    ("Sudan Tuding Chad Pasok Senjata ke RSF, N'Djamena Membantah", "Chad", "DENY"),
])
def test_subjects_a_headline_verb_is_the_name_just_before_it(headline, agent, typ):
    got = claims_of(headline)
    assert [c[1] for c in got if c[0] == typ] == [agent], got


@pytest.mark.parametrize("sentence, agent", [
    ("HUR melaporkan bahwa Menteri Pertahanan Rusia, Andrei Belousov, bertemu dengan pejabat Korea Utara di Pyongyang.",
     "Andrei Belousov"),
    ("Seoul menyebut bahwa Menteri Luar Negeri Rusia, Sergei Lavrov, bertemu Kim Jong Un pekan lalu.", "Sergei Lavrov"),
])
def test_subjects_the_subject_after_bahwa_and_its_apposition_acts_not_the_reporter(sentence, agent):
    got = claims_of(sentence)
    assert [c[1] for c in got if c[0] == "MEET"] == [agent], got


def test_subjects_kami_in_a_quote_is_the_speaker_s_side():
    got = claims_of('Al-Shabaab memperingatkan akan menyerang pasukan Mesir "seperti kami menyerang para penjajah sebelumnya".')
    assert not any(c[0] == "ATTACK" and c[1] == "Mesir" for c in got), got


@pytest.mark.parametrize("sentence, not_agent", [
    ("Venezuela mengklaim wilayah itu berdasarkan Perjanjian Jenewa yang diteken bersama Inggris pada 1966.", "Swiss"),
    ("Ketegangan mereda setelah Deklarasi Ankara yang disepakati pada Desember 2024.", "Turki"),
])
def test_subjects_a_place_in_a_document_s_name_is_no_party(sentence, not_agent):
    assert not any(c[1] == not_agent for c in claims_of(sentence))


@pytest.mark.parametrize("sentence, agent", [
    ("Irina Selezneva menuduh Ukraina menyiksa tentara Rusia yang ditawan.", None),
    ("Kami siap menukar mereka dengan prajurit Ukraina yang ditawan Rusia.", "Rusia"),
])
def test_subjects_soldiers_captured_are_not_their_own_captors(sentence, agent):
    got = [c[1] for c in claims_of(sentence) if c[0] == "COMBAT"]
    assert got == ([agent] if agent else []), got


@pytest.mark.parametrize("sentence, typ, agent", [
    ("Sekitar 30 pria bersenjata Serbia menyerang polisi Kosovo di Banjska dan menewaskan seorang polisi.", "KILL", "Serbia"),
    ("Korea Utara menyerang Seoul setelah bertemu pejabat Rusia.", "MEET", "Korea Utara"),
    ("Petro menangguhkan perundingan dengan ELN setelah gelombang kekerasan di Catatumbo menewaskan 80 orang.", "KILL", None),
    ("jpnn.com, KINSHASA - Panel ahli PBB menyebut sekitar 4.000 tentara Rwanda beroperasi di Kongo timur.", "ESTIMATE", None),
])
def test_subjects_verbs_sharing_the_subject_and_clauses_of_their_own(sentence, typ, agent):
    got = [c[1] for c in claims_of(sentence) if c[0] == typ]
    assert (got[:1] == [agent]) if agent else not any(a in ("Gustavo Petro", "Petro", "JPNN", "Republik Demokratik Kongo") for a in got), got


@pytest.mark.parametrize("text, expected", [
    # "Hal itu diumumkan <title> X": X spoke, on that day, of the event told just before
    ("Peru mengerahkan sekitar 5.000 tentara ke perbatasan. Hal itu diumumkan Menteri Pertahanan Peru Jorge Salas "
     "pada Senin (16/2/2026).", ("STATEMENT", "Jorge Salas", {"about": "DEPLOY", "date": "2026-02-16"})),
    ("Chili menyerang pos Peru. Hal tersebut disampaikan Juru bicara militer Peru Ana Rojas, Senin (16/2/2026).",
     ("STATEMENT", "Ana Rojas", {"about": "ATTACK", "date": "2026-02-16"})),
    ("Dua jet tempur Myanmar menjatuhkan bom ke sebuah sekolah di Magway. Informasi itu disampaikan juru bicara Pemerintah "
     "Persatuan Nasional (NUG), U Kyaw Min Aung, kepada wartawan, Selasa (16/2/2026).",
     ("STATEMENT", "Kyaw Min Aung", {"about": "ATTACK", "date": "2026-02-16"})),
    # "..., tetapi mendesak Y": the speaker of the clause before demands
    ("Kementerian Pertahanan Jepang mengatakan peluncuran itu bukan ancaman langsung, tetapi mendesak Pyongyang "
     "menahan diri.", ("DEMAND", "Kementerian Pertahanan Jepang", {"target": "Korea Utara"})),
])
def test_subjects_who_spoke_of_what(text, expected):
    typ, agent, fields = expected
    got = claims_of("Judul\n\n" + text, "2026-02-17")
    assert has(got, typ, agent, **fields), got


@pytest.mark.parametrize("text, expected", [
    # "pasukannya" after a speech verb: the forces of the speaker's side
    ("Sayap media militer Peru, Kantor Penerangan Angkatan Darat (KPAD), mengatakan pasukannya menewaskan lebih dari "
     "40 anggota kelompok bersenjata.", ("KILL", "Peru", {"quantity": 40})),
    ("Juru bicara Pasukan Pertahanan Karen, Saw Kler, mengatakan pasukannya menawan sekitar 200 tentara junta.",
     ("COMBAT", "Pasukan Pertahanan Karen", {})),
    ("Kementerian Pertahanan Chad mengatakan pasukannya menewaskan dua militan bersenjata di perbatasan.",
     ("KILL", "Chad", {"quantity": 2})),
    # a speech act's target stops at a second verb; events joined by "dan" share theirs
    ("Presiden Peru Jorge Salas mengecam penangkapan itu dan memerintahkan pengerahan pasukan ke dekat perbatasan Chili.",
     ("CONDEMN", "Jorge Salas", {"target": None})),
    ("Kapal Chili menembakkan meriam air dan melakukan manuver berbahaya terhadap kapal Peru di dekat Arica.",
     ("ATTACK", "Chili", {"target": "Peru"})),
])
def test_subjects_their_forces_and_joined_verbs(text, expected):
    typ, agent, fields = expected
    got = claims_of("Judul\n\n" + text)
    assert has(got, typ, agent, **fields), got


@pytest.mark.parametrize("text", [
    "Kementerian Pertahanan Peru mengatakan pasukan Chili menyerang pos Peru di perbatasan.",
    "Juru bicara militer Peru mengatakan pasukan Chili menewaskan empat tentara Peru di perbatasan.",
])
def test_subjects_the_akan_inside_mengatakan_is_no_future(text):
    """"mengatakan" ends in "akan" ("will"): a window of the text cut inside the word once made the event a plan."""
    got = claims_of("Judul\n\n" + text)
    assert any(c[0] in ("ATTACK", "KILL") and c[1] == "Chili" for c in got), got


@pytest.mark.parametrize("text, typ, agent", [
    # "pihaknya" after a speaker with an office: the body the speaker serves
    ("Komandan UNIFIL, Mayor Jenderal Enrico Bardi, mengatakan pihaknya mengerahkan 600 personel tambahan ke Lebanon selatan.",
     "DEPLOY", "Pasukan Sementara PBB di Lebanon"),
    ("Juru bicara Kementerian Pertahanan Peru, Kolonel Ana Reyes, mengatakan pihaknya telah mengirim 300 tentara ke perbatasan.",
     "DEPLOY", "Kementerian Pertahanan Peru"),
    ("Juru bicara militer Houthi, Ahmed Salem, mengatakan kelompoknya menyerang kapal itu dengan dua drone.", "ATTACK", "Houthi"),
    # a relative clause set off by commas has the subject before it, and so has the main verb after it
    ("Burundi, yang mengerahkan sekitar 10.000 tentara untuk membantu Kinshasa, memperkuat posisinya di sekitar Uvira.",
     "DEPLOY", "Burundi"),
    ("Rusia, yang menyerang Kyiv pada Senin, membantah menargetkan warga sipil.", "ATTACK", "Rusia"),
    ("Rusia, yang menyerang Kyiv pada Senin, membantah menargetkan warga sipil.", "DENY", "Rusia"),
])
def test_subjects_the_side_of_a_speaker_and_a_subject_before_a_relative_clause(text, typ, agent):
    got = claims_of(text)
    assert {c[1] for c in got if c[0] == typ} == {agent}, got


@pytest.mark.parametrize("text, killer, not_killer, toll", [
    # the dead after ", menewaskan" are the told event's doer's, not those of one named "ke pos-pos X"
    ("Angkatan Darat Peru mengatakan pasukan Chile menembaki pos-pos Peru di sektor Tacna pada Rabu malam, "
     "menewaskan dua prajurit Peru.", "Chili", "Peru", 2),
    # "memukul mundur serangan X dan menewaskan ...": the one who drove the attack back killed them
    ("Juru bicara militer Peru mengatakan pasukannya berhasil memukul mundur serangan Chile ke Tacna dan "
     "menewaskan lebih dari 150 tentara Chile.", "Peru", "Chili", 150),
    ("Militer Peru mengatakan pasukannya memukul mundur para penyerang dan menewaskan sekitar 30 teroris.", "Peru", None, 30),
])
def test_subjects_who_killed_after_a_told_event(text, killer, not_killer, toll):
    got = claims_of(text)
    assert has(got, "KILL", killer, quantity=toll), got
    assert not any(c[0] == "KILL" and c[1] == not_killer for c in got), got
    assert not any(c[0] == "ATTACK" and c[1] != killer and c[6] == toll for c in got), got


@pytest.mark.parametrize("text, typ, agent, wrong", [
    # the source named in an apposition after "Menurut" is no subject of what follows
    ("Menurut juru bicara HUR, Oleh Tkachuk, Peru juga telah mengirim dua batalion ke Tacna.", "DEPLOY", "Peru", "Oleh Tkachuk"),
    # a country set beside the place a body is based in does not speak
    ("Perusahaan pelayaran yang berbasis di Callao, Peru, menyebut dua awak kapal tewas.", "ESTIMATE", None, "Peru"),
    # "mengklaim menewaskan": the claimant killed
    ("Militer Peru mengklaim menewaskan 18 pemberontak dalam pertempuran pada Minggu.", "KILL", "Peru", None),
    # in a quote, "mereka" are others, never the speaker
    ("Wali Kota Tacna Ana Reyes mengatakan serangan itu brutal. \"Mereka menyerang gedung apartemen ketika orang-orang "
     "sedang tidur,\" ujarnya.", "ATTACK", None, "Ana Reyes"),
    # a country's force named in an apposition is the doer, not the country
    ("Pasukan paramiliter Peru, Front Pembebasan Andes (FPA), menyerbu kamp pengungsi di Tacna pada Jumat.",
     "ATTACK", "Front Pembebasan Andes", "Peru"),
    # a deed after ", menewaskan" that follows a report of no deed is nobody's
    ("Angkatan Udara Peru melaporkan 31 drone berhasil dicegat, sementara sebuah rudal menghantam gedung apartemen, "
     "menewaskan empat orang.", "KILL", None, "Angkatan Udara Peru"),
    # what one intends is not done
    ("Perdana Menteri Peru Ana Reyes membantah negaranya berniat menyerang Chile.", "ATTACK", None, "Peru"),
])
def test_subjects_sources_places_and_pronouns_are_not_agents(text, typ, agent, wrong):
    got = claims_of("Judul\n\n" + text)
    if agent:
        assert has(got, typ, agent), got
    assert not any(c[0] == typ and c[1] == wrong for c in got), got


@pytest.mark.parametrize("text, typ, wrong", [
    # an outlet's dateline does no deed
    ("KabarContoh.com - Serangan udara Peru menewaskan lima orang di Chile selatan pada Selasa.", "KILL", "KabarContoh.com"),
    # "perang X yang menewaskan": a war kills, X is no killer
    ("Perjanjian itu mengakhiri perang Bosnia yang menewaskan sekitar 100.000 orang.", "KILL", "Bosnia dan Herzegovina"),
    # soldiers of X attacked are X's, X attacked no one
    ("Pada Senin, enam tentara Guyana terluka ketika diserang kelompok bersenjata di dekat perbatasan.", "ATTACK", "Guyana"),
])
def test_subjects_no_deed_for_an_outlet_a_war_s_country_or_the_attacked(text, typ, wrong):
    got = claims_of("Judul\n\n" + text)
    assert not any(c[0] == typ and c[1] in (wrong, "Bosnia") for c in got), got


@pytest.mark.parametrize("text, agent, place", [
    ("Diplomat itu mengatakan Eritrea memindahkan artileri berat ke sekitar kota Zalambessa.", "Eritrea", "Zalambessa"),
    ("Brasil dilaporkan mengirim sekitar 20 kendaraan lapis baja ke negara bagian Roraima.", "Brasil", "Roraima"),
])
def test_subjects_arms_moved_to_a_place_are_deployed_not_supplied(text, agent, place):
    got = claims_of("Judul\n\n" + text)
    assert has(got, "DEPLOY", agent, place=place) and not any(c[0] == "SUPPLY" for c in got), got


@pytest.mark.parametrize("sentence, not_speakers", [
    ("Di Kinshasa, ratusan demonstran menyerang kedutaan besar Prancis, Belgia, dan AS pada Selasa (28/1), "
     "menuding negara-negara Barat berdiam diri.", {"Prancis", "Belgia", "Amerika Serikat"}),
    ("Para pengunjuk rasa menyerbu kedutaan Iran di Baku, menuding Teheran memata-matai Azerbaijan.", {"Iran"}),
    ("Sekelompok pria bersenjata menyerbu kantor PBB di Goma, menuduh Rwanda mendukung pemberontak.",
     {"Perserikatan Bangsa-Bangsa"}),
])
def test_subjects_a_clause_after_a_comma_speaks_for_the_doer_not_the_object(sentence, not_speakers):
    """", menuding ...": the accuser is the doer of the clause before; what it acted on does not accuse."""
    claims = claims_of(sentence)
    assert not any(c[0] == "ACCUSE" and c[1] in not_speakers for c in claims), claims


@pytest.mark.parametrize("sentence", [
    "Pasukan Rusia menembaki kota Kherson pada Senin, menuduh Ukraina menyembunyikan senjata di sana.",
    "Rusia menyerang Kherson, menuding Ukraina menyembunyikan senjata di sana.",
])
def test_subjects_a_clause_after_a_comma_keeps_a_named_doer(sentence):
    claims = claims_of(sentence)
    assert has(claims, "ACCUSE", "Rusia"), claims
    assert not any(c[0] == "ACCUSE" and c[1] == "Kherson" for c in claims), claims


@pytest.mark.parametrize("sentence, not_killer", [
    ("Presiden Kolombia Gustavo Petro menangguhkan perundingan damai setelah serangan terhadap pangkalan militer di "
     "wilayah Catatumbo menewaskan tujuh tentara.", {"Gustavo Petro", "Catatumbo"}),
    ("Pemerintah Kolombia menangguhkan perundingan menyusul gelombang kekerasan di wilayah Catatumbo yang menewaskan "
     "80 orang.", {"Kolombia", "Catatumbo"}),
])
def test_subjects_a_deed_inside_a_clause_after_setelah_is_not_the_main_subject_s(sentence, not_killer):
    claims = claims_of(sentence)
    assert not any(c[0] == "KILL" and c[1] in not_killer for c in claims), claims


@pytest.mark.parametrize("sentence, typ, wrong", [
    # a place opening the sentence is not where the events a speaker tells of happened
    ("Di Washington, Trump mengatakan pasukan Rusia menyerang warga sipil.", "ATTACK", {"place": "Amerika Serikat"}),
    # a speaker named in an apposition before the verb speaks, not the doer of the clause before
    ("Israel kembali menyerang Gaza, Kepala Kemanusiaan PBB, Tom Fletcher, mengecam serangan itu.", "CONDEMN",
     {"agent": "Israel"}),
    # ... nor the target of the attack told before the comma
    ("Israel kembali menyerang Gaza, Kepala Kemanusiaan PBB, Tom Fletcher, mengecam serangan itu.", "ATTACK",
     {"target": "Tom Fletcher"}),
    ("Rusia menggempur Kherson, Gubernur Kherson Oleksandr Prokudin mengatakan tiga orang tewas.", "ATTACK",
     {"target": "Oleksandr Prokudin"}),
    # a clause that "menyusul" opens and a comma closes leaves the subject before it
    ("Rusia, menyusul kunjungan pejabat Amerika Serikat ke Kyiv, mengerahkan pasukan ke perbatasan.", "DEPLOY",
     {"agent": "Amerika Serikat"}),
    # "perusahaan yang dituding X memasok ...": a company unnamed supplies, not the accuser nor the sanctioner
    ("Washington menjatuhkan sanksi terhadap perusahaan yang dituding Ukraina memasok drone kepada Rusia.", "SUPPLY",
     {"agent": "Amerika Serikat"}),
    # a heart attack is no one's attack
    ("Rusia menyerang Kyiv pada Senin.\nSeorang pejabat tewas akibat serangan jantung.", "KILL", {"agent": "Rusia"}),
    # sanctions to be eased are no sanctions imposed
    ("Amerika Serikat dan Rusia sepakat sanksi terhadap Moskow akan dilonggarkan.", "SANCTION", {"agent": "Rusia"}),
    # a warning that another country will attack does not threaten that country
    ("Amerika Serikat memperingatkan bahwa China akan menyerang Taiwan.", "WARN", {"target": "China"}),
    # a ship that sailed from a port is no place attacked
    ("Kapal kargo yang berlayar dari Odesa menjadi sasaran serangan Rusia.", "ATTACK", {"place": "Odesa"}),
])
def test_subjects_near_misses_of_the_rules_give_no_false_fact(sentence, typ, wrong):
    keys = ("type", "agent", "target", "place")
    got = claims_of(sentence)
    assert not any(c[0] == typ and all(c[keys.index(k)] == v for k, v in wrong.items()) for c in got), got


@pytest.mark.parametrize("sentence, speaker, not_speaker", [
    ("Setelah bertemu Menlu Ukraina, Andrii Sybiha, Menlu Jerman, Annalena Baerbock, menuding Rusia menyerang Odesa.",
     "Annalena Baerbock", "Andrii Sybiha"),
    ("Usai bertemu Presiden Prancis, Emmanuel Macron, Zelensky mengatakan Ukraina siap berunding.",
     "Volodymyr Zelensky", "Emmanuel Macron"),
])
def test_subjects_a_person_apposed_inside_a_fronted_phrase_is_not_the_speaker(sentence, speaker, not_speaker):
    got = claims_of(sentence)
    assert any(c[1] == speaker for c in got) and not any(c[1] == not_speaker for c in got), got


@pytest.mark.parametrize("sentence, killer, victims", [
    ("Pasukan India dan Pakistan terlibat baku tembak artileri pada Sabtu malam, menewaskan dua tentara India.",
     "Pakistan", "India"),
    ("Pasukan Armenia dan Azerbaijan bertempur di perbatasan, menewaskan tiga tentara Azerbaijan.", "Armenia", "Azerbaijan"),
])
def test_subjects_a_side_does_not_kill_its_own_soldiers(sentence, killer, victims):
    got = claims_of(sentence)
    assert has(got, "KILL", killer) and not any(c[0] == "KILL" and c[1] == victims for c in got), got


@pytest.mark.parametrize("conj", ["meski", "meskipun", "walaupun", "padahal", "sementara"])
def test_subjects_a_concessive_clause_has_its_own_subject(conj):
    text = f"Chad masih mempertahankan pasukannya di perbatasan, {conj} Niger berulang kali menuntut penarikan pasukan tersebut."
    claims = claims_of(text)
    assert any(c[0] == "DEMAND" and c[1] == "Niger" for c in claims) and not any(c[0] == "DEMAND" and c[1] == "Chad" for c in claims), claims


@pytest.mark.parametrize("text", [
    "Pasukan penjaga perdamaian pimpinan NATO di Kosovo (KFOR) mengerahkan sekitar 300 tentara tambahan ke wilayah utara.",
    "Misi pimpinan NATO di Kosovo (KFOR) mengerahkan 200 tentara tambahan ke perbatasan.",
])
def test_subjects_the_body_a_phrase_names_in_brackets_acts_not_its_leader(text):
    claims = claims_of(text)
    assert any(c[0] == "DEPLOY" and c[1] == "KFOR" for c in claims) and not any(c[1] == "NATO" for c in claims), claims


def test_subjects_a_coalition_led_by_a_country_with_no_name_of_its_own_acts_as_that_country():
    assert any(c[0] == "ATTACK" and c[1] == "Arab Saudi" for c in claims_of("Koalisi pimpinan Arab Saudi menyerang pelabuhan Hodeidah."))


@pytest.mark.parametrize("text, typ, agent", [
    ('"Drone itu dipasok oleh Abu Dhabi, dan kami punya buktinya," ujar juru bicara militer Sudan Nabil Abdallah.',
     "SUPPLY", "Uni Emirat Arab"),
    ("Tuduhan itu dibantah oleh Menteri Luar Negeri Chad Idriss Deby, yang menyebut Niger-lah yang menyerang.",
     "DENY", "Idriss Deby"),
    ("Rencana tersebut diumumkan oleh Menteri Pertahanan Chad Idriss Deby di N'Djamena, kata kantor berita resmi Niger.",
     "STATEMENT", "Idriss Deby"),
])
def test_subjects_the_one_after_oleh_does_a_passive_not_a_speaker_named_later(text, typ, agent):
    assert any(c[0] == typ and c[1] == agent for c in claims_of(text)), claims_of(text)


def test_subjects_one_suspected_of_supplying_supplies_not_the_one_who_suspects():
    claims = claims_of("Kepala Staf Gabungan Korea Selatan juga menduga Moskow telah memasok sistem pertahanan udara kepada Pyongyang.")
    assert any(c[0] == "SUPPLY" and c[1] == "Rusia" for c in claims), claims
    assert not any(c[0] == "SUPPLY" and c[1] == "Kepala Staf Gabungan Korea Selatan" for c in claims), claims


@pytest.mark.parametrize("dateline", ["PORT-AU-PRINCE - ", "PORT-AU-PRINCE, KOMPAS.com - ", "Port-au-Prince - "])
def test_subjects_a_hyphenated_dateline_is_not_the_subject(dateline):
    text = (f"Judul\n\n{dateline}Kenya mengirim 600 personel polisi tambahan ke Haiti untuk memperkuat pasukan "
            "multinasional yang menghadapi geng-geng bersenjata di ibu kota.")
    claims = claims_of(text)
    assert any(c[0] == "DEPLOY" and c[1] == "Kenya" for c in claims) and not any(c[1] == "Haiti" for c in claims), claims
