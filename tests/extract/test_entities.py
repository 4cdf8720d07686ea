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
    # a rank with the mark of retirement, an acronym in the body's name
    ("Analis militer dari Universitas Pertahanan RI, Kolonel (Purn) Budi Santoso, menilai hal itu wajar.",
     "Budi Santoso", "analis militer", "Universitas Pertahanan RI"),
    ("Pengamat dari UIN Sunan Kalijaga, Ahmad Fauzi, menilai langkah itu berisiko.",
     "Ahmad Fauzi", "pengamat", "UIN Sunan Kalijaga"),
    # the field a researcher studies, named before the body
    ("Peneliti konflik Afrika dari Universitas Indonesia, Sari Wulandari, menilai serangan itu terencana.",
     "Sari Wulandari", "peneliti konflik afrika", "Universitas Indonesia"),
    ("Analis Timur Tengah dari Universitas Airlangga, Hadi Prasetyo, menilai gencatan senjata rapuh.",
     "Hadi Prasetyo", "analis timur tengah", "Universitas Airlangga"),
    ("Pakar kawasan Balkan dari Universitas Padjadjaran, Dewi Lestari, mengatakan ketegangan meningkat.",
     "Dewi Lestari", "pakar kawasan balkan", "Universitas Padjadjaran"),
    ("Kim Soo-yeon, seorang profesor studi Korea Utara di Universitas Yonsei, menilai peluncuran ini.",
     "Kim Soo-yeon", "profesor studi korea utara", "Universitas Yonsei"),
    ("Pengamat ASEAN dari Universitas Hasanuddin, Andi Rahman, menilai tekanan itu belum cukup.",
     "Andi Rahman", "pengamat asean", "Universitas Hasanuddin"),
    ("Luis Herrera, profesor hubungan internasional di Universidad Nacional de Colombia, menilai hal itu.",
     "Luis Herrera", "profesor hubungan internasional", "Universidad Nacional de Colombia"),
    # a country before "di" with no body after it is where the office sits, not a field
    ("Duta Besar Peru di Indonesia, Carlos Vega, mengatakan hal itu.", "Carlos Vega", "duta besar", "Peru"),
    # a body named the English way, after the person
    ("Arjun Mehta, peneliti senior di Delhi Policy Foundation di New Delhi, mengatakan hal itu.",
     "Arjun Mehta", "peneliti senior", "Delhi Policy Foundation"),
    ("Karim Haddad, analis di Levant Strategy Institute, menyebut serangan itu balasan.",
     "Karim Haddad", "analis", "Levant Strategy Institute"),
    # a portfolio in lower case or with "bidang", the body's acronym in brackets, a stacked rank
    ("Juru bicara Uni Eropa untuk urusan luar negeri, Lena Holm, mendesak kedua pihak menahan diri.",
     "Lena Holm", "juru bicara urusan luar negeri", "Uni Eropa"),
    ("Wakil Menteri Keuangan AS bidang Terorisme dan Intelijen Keuangan, David Moore, mengumumkan sanksi.",
     "David Moore", "wakil menteri keuangan bidang terorisme dan intelijen keuangan", "Amerika Serikat"),
    ("Komisaris Uni Afrika untuk Urusan Politik, Perdamaian dan Keamanan, Kwame Mensah, mengecam kudeta itu.",
     "Kwame Mensah", "komisaris urusan politik perdamaian dan keamanan", "Uni Afrika"),
    ("Juru bicara Angkatan Bersenjata Sudan (SAF), Brigadir Jenderal Omar Saleh, mengatakan pasar itu diserang.",
     "Omar Saleh", "juru bicara", "Angkatan Bersenjata Sudan"),
    ("Komandan Angkatan Darat Peru Jenderal Luis Alberto Rojas memperkirakan pemberontak bertambah.",
     "Luis Alberto Rojas", "komandan", "Angkatan Darat Peru"),
    # an office that governs a place
    ("Warga tewas, menurut Kepala Administrasi Militer Wilayah Kharkiv Ivan Petrenko.",
     "Ivan Petrenko", "kepala administrasi militer wilayah", "Kharkiv"),
    # "bernama", "pimpinan": named after the office, leading the body named before
    ("Serangan itu menargetkan seorang komandan unit roket Hizbullah bernama Samir Khalil Nasser.",
     "Samir Khalil Nasser", "komandan unit roket", "Hizbullah"),
    ("Bentrokan antara SAF dan RSF pimpinan Jenderal Abdul Rahim Musa pecah lagi.",
     "Abdul Rahim Musa", "pemimpin", "Pasukan Dukungan Cepat"),
    ("Anggota komite dari Partai Demokrat, Lee Min-ho, mengatakan kepada wartawan bahwa rapat ditunda.",
     "Lee Min-ho", "anggota komite", "Partai Demokrat"),
    # a governed place before a name of three words; ranks written short
    ("Gubernur Tacna Luis Alberto Quispe membenarkan adanya kebakaran.", "Luis Alberto Quispe", "gubernur", "Tacna"),
    ("Juru bicara militer Sudan, Brigjen Omar Saleh, menuduh RSF melakukan kejahatan perang.",
     "Omar Saleh", "juru bicara militer", "Sudan"),
    ("Penasihat Kementerian Pertahanan Chile, Pablo Soto, menyebut gudang itu sasaran sah.",
     "Pablo Soto", "penasihat", "Kementerian Pertahanan Chili"),
    # a role, then the body it serves, before the comma and the name
    ("Dosen Hubungan Internasional Universitas Gadjah Mada, Dian Puspitasari, menilai hal itu wajar.",
     "Dian Puspitasari", "dosen hubungan internasional", "Universitas Gadjah Mada"),
    ("Peneliti Senior Institut Kajian Pertahanan, Rudi Hartono, mengatakan hal itu.",
     "Rudi Hartono", "peneliti senior", "Institut Kajian Pertahanan"),
    # an envoy below an ambassador
    ("Sementara itu, kuasa usaha Rusia di Warsawa, Andrey Ordash, menuding Polandia tidak memberikan bukti.",
     "Andrey Ordash", "kuasa usaha", "Rusia"),
    ("Kuasa Usaha Rusia di Polandia Andrey Ordash menuding Polandia tidak memberikan bukti.",
     "Andrey Ordash", "kuasa usaha", "Rusia"),
])
def test_entities_titled_person_and_role(text, person, role, org):
    a = entities(text)
    assert person in persons(a)
    assert (person, role, org) in roles(a)


@pytest.mark.parametrize("text, person, role", [
    ("Dr. Dian Puspitasari, dosen hubungan internasional Universitas Jenderal Soedirman, menilai hal itu wajar.",
     "Dian Puspitasari", "dosen hubungan internasional"),
    ("Dosen Universitas Jenderal Soedirman, Dian Puspitasari, menilai hal itu wajar.", "Dian Puspitasari", "dosen"),
    ("Dian Puspitasari, pengamat militer dari Universitas Jenderal Soedirman, menilai hal itu wajar.",
     "Dian Puspitasari", "pengamat militer"),
])
def test_entities_a_body_named_after_a_general_is_no_person(text, person, role):
    """"Universitas Jenderal Soedirman": the rank is part of the body's name; the lecturer is the person."""
    a = entities(text)
    assert set(persons(a)) == {person}
    assert (person, role, "Universitas Jenderal Soedirman") in roles(a)


@pytest.mark.parametrize("text, not_person", [
    ("Kementerian Pertahanan membeli radar dari anak perusahaan Andes Dirgantara, Condor Sistem Elektronika, yang "
     "berbasis di Lima.", "Condor Sistem Elektronika"),
    ("Milisi Sabra menyerang ibu kota Republik Veloria, Santa Marina, pada Senin (7/7).", "Santa Marina"),
])
def test_entities_kin_words_in_compounds_make_no_person(text, not_person):
    """"anak perusahaan" (a subsidiary) and "ibu kota" (a capital) are no kinship: no person after the comma."""
    assert not_person not in persons(entities(text))


def test_entities_a_rank_after_a_common_noun_still_opens_a_name():
    a = entities("Usai meninjau bandara Marsekal Fadjar Nugroho mengatakan landasan itu siap dipakai.")
    assert "Fadjar Nugroho" in persons(a)


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


@pytest.mark.parametrize("text, person, role, org", [
    # stacked titles: the words up to the second title are the office
    ("Kepala Staf Angkatan Darat Jenderal Sam Okoro mengatakan pasukan siap.", "Sam Okoro", "kepala staf angkatan darat", None),
    ("Kepala Staf Angkatan Laut Laksamana Madya Rui Tavares menolak berkomentar.", "Rui Tavares", None, None),
    # a title then a country: the country is the organisation, the name after it the person
    ("Anggota parlemen Republik Ceko Jan Novak mengecam Rusia.", "Jan Novak", "anggota parlemen", "Ceko"),
    ("Anggota parlemen Kenya Grace Atieno menolak rencana itu.", "Grace Atieno", "anggota parlemen", "Kenya"),
    # "wakil" and "ajudan" stay in the role
    ("Wakil Duta Besar Kenya untuk PBB, Peter Kamau, mengecam Sudan.", "Peter Kamau", "wakil duta besar", "Kenya"),
    ("Mantan Menteri Pertahanan Chad Idriss Mahamat tiba di Paris.", "Idriss Mahamat", "mantan menteri pertahanan", "Chad"),
    # a title then an organisation the gazetteer does not know, set off by commas
    ("Direktur Biro Logistik, Tomas Novak, mengatakan pengiriman tertunda.", "Tomas Novak", "direktur", "Biro Logistik"),
    ("Kepala Direktorat Intelijen Militer, Ivo Radić, membantah laporan itu.", "Ivo Radić", "kepala", "Direktorat Intelijen Militer"),
    # an apposition with "seorang" before the title
    ("Marta Kowalczyk, seorang profesor Universitas Warsawa, mengatakan Polandia siap.",
     "Marta Kowalczyk", "profesor", "Universitas Warsawa"),
    ("Lukas Berg, salah seorang peneliti Institut Perdamaian Oslo, menilai situasi memburuk.",
     "Lukas Berg", "peneliti", "Institut Perdamaian Oslo"),
    # an organisation with its acronym in brackets: named without it
    ("Menurut peneliti Pusat Kajian Strategis (PKS) Nairobi, Amina Odhiambo, rencana itu sulit.",
     "Amina Odhiambo", "peneliti", "Pusat Kajian Strategis"),
    # "dari" before the organisation; a second person of the same office with another body
    ("Analis dari Universitas Nairobi, Peter Otieno, menilai situasi memburuk.", "Peter Otieno", "analis", "Universitas Nairobi"),
    ("Anggota parlemen dari Partai Hijau, Anna Berg, dan Lars Holm dari Partai Liberal, mengatakan Rusia harus dihukum.",
     "Anna Berg", "anggota parlemen", "Partai Hijau"),
    ("Anggota parlemen dari Partai Hijau, Anna Berg, dan Lars Holm dari Partai Liberal, mengatakan Rusia harus dihukum.",
     "Lars Holm", "anggota parlemen", "Partai Liberal"),
    # a role given by a verb in a relative clause
    ("Tomas Kral, yang mengepalai Badan Intelijen Ceko, mengatakan Rusia mengirim pasukan.",
     "Tomas Kral", "kepala", "Badan Intelijen Ceko"),
    ("Rina Saputri, yang kini memimpin Komisi Pertahanan, menolak rencana itu.", "Rina Saputri", "pemimpin", "Komisi Pertahanan"),
    # an office that governs a place: the place is the office's own
    ("Kepala Administrasi Militer Regional Kherson Ivan Petrenko mengatakan dua warga tewas.",
     "Ivan Petrenko", "kepala administrasi militer regional", "Kherson"),
    ("Hal itu dikatakan kepala administrasi militer Oblast Kirovohrad, Andriy Melnyk, kepada wartawan.",
     "Andriy Melnyk", "kepala administrasi militer", "Kirovohrad"),
    # a word that opens the clause is no part of the apposed name
    ("Menurut Ana Reyes Castillo, pengajar hukum laut di Universitas Lima, insiden itu meningkat.",
     "Ana Reyes Castillo", "pengajar hukum laut", "Universitas Lima"),
    ("Sementara Budi Santoso, analis dari Universitas Kenanga, menilai hal itu wajar.",
     "Budi Santoso", "analis", "Universitas Kenanga"),
    # a body with its acronym in brackets, then its seat, in an apposition
    ("Awa Ndiaye, peneliti di Pusat Kajian Sahel (PKS) di Bamako, mengatakan serangan meningkat.",
     "Awa Ndiaye", "peneliti", "Pusat Kajian Sahel"),
    ("Omar Diallo, peneliti keamanan di Institut Studi Damai (ISD) di Dakar, memperkirakan kelompok itu kuat.",
     "Omar Diallo", "peneliti keamanan", "Institut Studi Damai"),
    # an unknown acronym after a title in an apposition, before "di" or a comma
    ("Aung Ko Latt, komandan PNDF di kota Hpakant, mengatakan pasukannya mundur.", "Aung Ko Latt", "komandan", "PNDF"),
    ("Maria Lopes, juru bicara FNLA, mengatakan kelompoknya siap berunding.", "Maria Lopes", "juru bicara", "FNLA"),
    # a title before a body named with its acronym is no part of the body, and a known person after it no part of it
    ("Perdana Menteri Pemerintah Persatuan Nasional (GNU) Abdul Hamid Dbeibah memerintahkan gencatan senjata.",
     "Abdul Hamid Dbeibah", "perdana menteri", "Pemerintah Persatuan Nasional"),
    ("Direktur Jenderal Kepolisian Nasional Peru (PNP), Ana Reyes, mengonfirmasi serangan tersebut.",
     "Ana Reyes", "direktur jenderal", "Kepolisian Nasional Peru"),
    # an academic honorific is no part of the name
    ("Analis hubungan internasional dari Universitas Lima, Dr. Ana Reyes, menilai insiden itu disengaja.",
     "Ana Reyes", "analis hubungan internasional", "Universitas Lima"),
    ("Menurut Prof. Budi Santoso, pengamat militer di Universitas Kenanga, serangan itu terencana.",
     "Budi Santoso", "pengamat militer", "Universitas Kenanga"),
    ("Menurut Dr Hana Tesfaye, dosen hubungan internasional di Universitas Kenanga, konflik bisa meluas.",
     "Hana Tesfaye", "dosen hubungan internasional", "Universitas Kenanga"),
    # the words of an office before ", [RANK] NAME,": a body when they start with one's head, else the role
    ("Ketua Koalisi Pemuda Karen, Saw Htoo Lwin, meminta bantuan internasional.", "Saw Htoo Lwin", "ketua", "Koalisi Pemuda Karen"),
    ("Kepala Bagian Operasional Polres Kenanga, Kompol Hendra Wijaya, mengatakan para pengungsi didata.",
     "Hendra Wijaya", "kepala bagian operasional polres kenanga", None),
    ("Informasi itu disampaikan anggota Komite Intelijen parlemen Peru, Ana Reyes, usai rapat tertutup.",
     "Ana Reyes", "anggota", "Komite Intelijen"),
    # a coordinator; a governor of "wilayah X"
    ("Koordinator Kemanusiaan PBB untuk Chad, Amara Diallo, mengatakan serangan itu mematikan.",
     "Amara Diallo", "koordinator kemanusiaan", "Perserikatan Bangsa-Bangsa"),
    ("Gubernur wilayah Tambov Roman Kuzmin mengatakan serpihan drone jatuh di kawasan industri.", "Roman Kuzmin", "gubernur wilayah", "Tambov"),
    # the body after a titled person's name, set off by "dari" or "di"
    ("Analis militer Iryna Bondar dari Pusat Studi Keamanan Lviv memperingatkan bahwa serangan akan meningkat.",
     "Iryna Bondar", "analis militer", "Pusat Studi Keamanan Lviv"),
    ("Profesor Cho Min-jae dari Universitas Kenanga menilai peluncuran itu sebuah uji coba.", "Cho Min-jae", "profesor", "Universitas Kenanga"),
    # an office "untuk" a country
    ("Perwakilan Tinggi untuk Bosnia dan Herzegovina Karl Weber mengecam keputusan itu.",
     "Karl Weber", "perwakilan tinggi", "Bosnia dan Herzegovina"),
    # a senior rank and an office of two words
    ("Pelapor Khusus PBB untuk Sudan, Karin Holm, menyebut serangan itu kejahatan perang.", "Karin Holm", "pelapor khusus", "Perserikatan Bangsa-Bangsa"),
])
def test_entities_person_role_and_organisation(text, person, role, org):
    a = entities(text)
    assert person in persons(a), persons(a)
    got = {(p, r, o) for p, r, o in roles(a) if p == person}
    assert any((role is None or r == role) and o == org for _, r, o in got), got


@pytest.mark.parametrize("text, person, role, org", [
    # a rank after the comma is no part of the name
    ("Juru bicara Komando Selatan, Kolonel Senior Wang Lei, mengatakan latihan berlanjut.",
     "Wang Lei", "juru bicara", "Komando Selatan"),
    ("Menurut juru bicara Angkatan Udara, Kolonel Taras Hnatenko, sistem pertahanan berhasil.",
     "Taras Hnatenko", "juru bicara", "Angkatan Udara"),
    # an acronym the gazetteer does not know, between a title and the name, is the body
    ("Juru bicara FRLN, Jean Mbeki, menuntut dialog langsung.", "Jean Mbeki", "juru bicara", "FRLN"),
    ("Komandan M27, Kolonel Marc Dubois, mengatakan pasukannya siap.", "Marc Dubois", "komandan", "M27"),
    # one word before the comma: the place a governing title governs, or a body named before in full
    ("Gubernur Tambovia, Pavel Orlov, mengatakan tidak ada korban.", "Pavel Orlov", "gubernur", "Tambovia"),
    ("Wali Kota Novarsk, Irina Petrenko, meminta warga berlindung.", "Irina Petrenko", "wali kota", "Novarsk"),
    ("Republik Demokratik Kongo marah. Juru bicara pemerintah Kongo, Didier Mbala, menuduh Rwanda.",
     "Didier Mbala", "juru bicara pemerintah", "Republik Demokratik Kongo"),
    # the portfolio of an office, with commas and "dan" inside, belongs to the role
    ("Komisaris Urusan Sosial, Ekonomi dan Keamanan Uni Afrika, Grace Mutua, menyambut kesepakatan itu.",
     "Grace Mutua", "komisaris urusan sosial ekonomi dan keamanan", "Uni Afrika"),
    ("Utusan Khusus Jepang untuk Urusan Myanmar, Kenji Sato, bertemu pemimpin junta.",
     "Kenji Sato", "utusan khusus urusan myanmar", "Jepang"),
    ("Menteri Negara Urusan Timur Tengah Inggris, Helen Ward, mengecam serangan itu.",
     "Helen Ward", "menteri negara urusan timur tengah", "Inggris"),
    # a relative clause between the office and the name
    ("Perdana Menteri Mali yang ditunjuk junta militer, Abdoulaye Sissoko, menuduh Aljazair.",
     "Abdoulaye Sissoko", "perdana menteri", "Mali"),
    ("Menteri Luar Negeri Chad yang baru dilantik, Ahmat Saleh, tiba di Khartoum.", "Ahmat Saleh", "menteri luar negeri", "Chad"),
    # the counterpart of the one named before: the same office for another party
    ("Menteri Pertahanan Somalia, Abdi Hassan Nur, dan mitranya dari Ethiopia, Tesfaye Alemu, menandatangani dokumen itu.",
     "Tesfaye Alemu", "menteri pertahanan", "Ethiopia"),
    ("Menteri Luar Negeri Kenya, Jane Wambui, dan rekannya dari Uganda, Moses Okello, bertemu di Nairobi.",
     "Moses Okello", "menteri luar negeri", "Uganda"),
    # TITLE-nya with no owner in its sentence: the body the sentence before starts with
    ("Penjaga Pantai Filipina membantah tuduhan itu. Juru bicaranya, Ramon Cruz, mengatakan kapal itu diusir.",
     "Ramon Cruz", "juru bicara", "Penjaga Pantai Filipina"),
    # an apposition whose body comes after "di"; a rank before the apposed name
    ("Dewi Lestari, pengajar hubungan internasional di Universitas Gadjah Mada, menilai insiden itu serius.",
     "Dewi Lestari", "pengajar hubungan internasional", "Universitas Gadjah Mada"),
    ("Ion Rusu, peneliti di Institut Studi Balkan di Beograd, menilai Moskow tidak berniat mundur.",
     "Ion Rusu", "peneliti", "Institut Studi Balkan"),
    ("AS menjatuhkan sanksi terhadap Kolonel Eric Ndayisaba, perwira Angkatan Pertahanan Rwanda yang memimpin operasi itu.",
     "Eric Ndayisaba", "perwira", "Angkatan Pertahanan Rwanda"),
    # an acronym among the words of the office; a deputy's rank before the name
    ("Komisioner HAM Rusia, Olga Smirnova, menyebut tuduhan itu provokasi.", "Olga Smirnova", "komisioner ham", "Rusia"),
    ("Komandan kontingen Kenya, Wakil Inspektur Jenderal Peter Ochieng, mengonfirmasi kematian itu.",
     "Peter Ochieng", "komandan kontingen", "Kenya"),
    # an organisation's name with "untuk" inside, set off by commas
    ("Kepala Kantor Pemerintah Serbia untuk Kosovo dan Metohija, Petar Ilić, mengecam penangkapan itu.",
     "Petar Ilić", "kepala", "Kantor Pemerintah Serbia untuk Kosovo dan Metohija"),
    # "TITLE BODY tersebut, X": the body named before
    ("Komando Teater Timur menggelar latihan. Juru bicara komando tersebut, Kolonel Li Wei, mengatakan latihan berakhir.",
     "Li Wei", "juru bicara", "Komando Teater Timur"),
    # a short first name that is an acronym in capitals elsewhere ("RI")
    ("Wakil Menteri Pertahanan Korut, Ri Song-chol, mengatakan Pyongyang siap membalas.",
     "Ri Song-chol", "wakil menteri pertahanan", "Korea Utara"),
])
def test_entities_office_words_and_name_in_other_orders(text, person, role, org):
    a = entities(text)
    assert person in persons(a), persons(a)
    assert (person, role, org) in roles(a), roles(a)
    assert len(persons(a)) == len({p for p, _, _ in roles(a)}), persons(a)


@pytest.mark.parametrize("text", [
    "Presiden kedua negara bertemu di Saint Vincent dan Grenadines dan berjanji berdamai.",
    "Para menteri kedua negara bertemu di Bandar Lampung pekan lalu.",
    "Juru bicara itu menolak Port Sudan sebagai ibu kota.",
    # a body and its country with no name after them; leaders in the plural; a group after a description
    "Seorang pejabat Dewan Keamanan Armenia yang enggan disebut namanya mengatakan perbatasan tenang.",
    "Mali menuduh Aljazair menampung para pemimpin kelompok pemberontak Tuareg di wilayahnya.",
    "Polisi menangkap pemimpin kelompok separatis Ambazonia pekan lalu.",
    # a headline in title case
    "Baku Panggil Dubes Prancis Usai Insiden Tembakan di Perbatasan Armenia",
    "Menlu Chad Temui Presiden Sudan Jelang Pertemuan Puncak di Addis Ababa",
    # page furniture
    "Komentar Terbanyak\nKenya mengirim pasukan ke Haiti.",
    "Read Next\nKenya mengirim pasukan ke Haiti.",
    "Paling Banyak Dibaca\nKenya mengirim pasukan ke Haiti.",
])
def test_entities_no_person_where_no_one_is_named(text):
    """A verb ends the words of an office; a body, a group, leaders in the plural, the capitals of a headline and
    page furniture are no person."""
    assert not persons(entities(text))


def test_entities_the_office_named_before_is_the_organisation():
    a = entities("Kementerian Pertahanan Kenya mengecam pengiriman itu. "
                 "Juru bicara kementerian, Jane Wambui, mengatakan Nairobi memantau situasi.")
    assert ("Jane Wambui", "juru bicara", "Kementerian Pertahanan Kenya") in roles(a)


@pytest.mark.parametrize("text, outlet, not_there", [
    ("Kenya mengirim pasukan ke Haiti, seperti dikutip dari laporan harian Le Soir.", "Le Soir", set()),
    ("“Kami tidak mengirim pasukan,” kata seorang pejabat Armenia kepada Radio Free Europe.", "Radio Free Europe", {"Eropa"}),
    ("Menurut laporan Radio Free Asia, China mengirim kapal ke Laut China Selatan.", "Radio Free Asia", {"Asia"}),
    ("Hal itu dilaporkan kantor berita Anadolu pada Senin.", "Anadolu", set()),
    ("Hal itu dilaporkan koran Jepang Asahi pada Senin.", None, {"Jepang Asahi"}),
])
def test_entities_an_outlet_named_after_its_kind_is_an_outlet(text, outlet, not_there):
    """A word for an outlet names an outlet; the gazetteer's names inside stay what they are."""
    a = entities(text)
    kinds = {e.label: e.type for e in a.entities.values()}
    assert outlet is None or kinds.get(outlet) == "Outlet", kinds
    assert not not_there & set(kinds), kinds


@pytest.mark.parametrize("text, expected", [
    ("Pasukan Armenia menangkap tiga tentara di Provinsi Syunik, dekat kota Meghri dan desa Agarak.", {"Syunik", "Meghri", "Agarak"}),
    ("Israel menyerang Lembah Bekaa dan sektor Nikial, dekat Sungai Litani.", {"Bekaa", "Nikial", "Litani"}),
    ("Kapal perang itu berlayar dari Pulau Ramree ke Teluk Aden melewati kamp Zamzam.", {"Ramree", "Aden", "Zamzam"}),
])
def test_entities_a_locality_names_a_place(text, expected):
    a = entities(text)
    places = {e.label for e in a.entities.values() if e.type == "Place"}
    assert all(any(p == name or p.endswith(" " + name) for p in places) for name in expected), places


def test_entities_one_person_under_a_title_a_surname_and_the_full_name():
    a = entities("Jenderal Tomas mengatakan pasukan siap. Menlu Velde mengecam Sudan. Velde juga mengecam Chad. "
                 "Menteri Luar Negeri Estonia Tomas Velde tiba di Kigali.")
    assert set(persons(a)) == {"Tomas Velde"}


@pytest.mark.parametrize("text, label", [
    ("Nato mengecam serangan itu.", "NATO"),
    ("Para menteri Asean bertemu di Vientiane.", "ASEAN"),
    ("Unicef mengirim bantuan ke Gaza.", "UNICEF"),
    ("KTT Apec digelar di Lima.", "APEC"),
])
def test_entities_an_acronym_in_title_case_is_the_same_body(text, label):
    a = entities(text)
    assert label in {e.label for e in a.entities.values()}, a.entities


@pytest.mark.parametrize("text, org, acronym, agent_type", [
    ("Misi Pengamat Militer PBB di India dan Pakistan (UNMOGIP) belum memberikan komentar.\n"
     "UNMOGIP juga tidak mengonfirmasi insiden itu.", "Misi Pengamat Militer PBB di India dan Pakistan", "UNMOGIP", "NO_COMMENT"),
    ("Badan Operasi Perdagangan Maritim Inggris (UKMTO) mengonfirmasi adanya insiden di Laut Merah.",
     "Badan Operasi Perdagangan Maritim Inggris", "UKMTO", "CONFIRM"),
    ("Sementara itu, Pasukan Sementara PBB di Lebanon (UNIFIL) mendesak kedua pihak menahan diri.",
     "Pasukan Sementara PBB di Lebanon", "UNIFIL", "DEMAND"),
    ("Komite Keamanan Pelayaran untuk Teluk Aden (KKPTA) membantah laporan itu.",
     "Komite Keamanan Pelayaran untuk Teluk Aden", "KKPTA", "DENY"),
])
def test_entities_a_body_named_with_its_acronym_is_the_agent_not_the_names_inside(text, org, acronym, agent_type):
    """The country or body inside such a name (Inggris, PBB, Lebanon) does not speak; the body does."""
    a = Article("t", None, text + "\n")
    a.published_hint = "2025-03-06"
    extract(a)
    e = next(e for e in a.entities.values() if e.label == org)
    assert e.type == "Organization" and acronym in e.aliases
    agents = {a.entities[c.agent].label for c in a.claims if c.type == agent_type}
    assert agents == {org}, [(c.type, a.entities[c.agent].label) for c in a.claims]


@pytest.mark.parametrize("text, label, alias", [
    ("Pemimpin Korea Utara Kim Jon Un mengunjungi pabrik rudal.", "Kim Jong Un", "Kim Jon Un"),
    ("Presiden AS Donald Trum tiba di Riyadh.", "Donald Trump", "Donald Trum"),
])
def test_entities_a_misspelt_known_name_is_that_person(text, label, alias):
    a = entities(text)
    assert alias in persons(a).get(label, set()), persons(a)


def test_entities_a_name_close_to_a_known_one_but_not_a_misspelling_stays_apart():
    a = entities("Pemimpin Korea Utara Kim Jong Nam mengunjungi pabrik rudal.")
    assert "Kim Jong Un" not in persons(a)


@pytest.mark.parametrize("text, body", [
    ("Mira Patel, peneliti senior di Observer Research Foundation di New Delhi, mengatakan hal itu.", "Observer Research Foundation"),
    ("Analis militer dari Universitas Pertahanan RI, Heru Wibowo, menilai hal itu.", "Universitas Pertahanan RI"),
    ("Peneliti dari Carnegie Endowment, Anna Berg, menilai hal itu.", "Carnegie Endowment"),
    ("Juru bicara Staf Umum, Kolonel Amadou Traore, mengatakan pasukan Mali menang.", "Staf Umum"),
    ("Anggota Komite Intelijen Budi Hartono mengatakan hal itu.", "Komite Intelijen"),
    ("Juru bicara Pemerintah Persatuan Nasional, Aung Kyaw, mengatakan hal itu.", "Pemerintah Persatuan"),
])
def test_entities_a_body_next_to_a_title_is_no_person(text, body):
    assert body not in persons(entities(text))


@pytest.mark.parametrize("text", [
    "Negara itu dipimpin Jenderal Senior Than Zaw Oo sejak kudeta.",
    "Jenderal Senior Than Zaw Oo berjanji menggelar pemilu.",
])
def test_entities_a_senior_rank_is_no_part_of_the_name(text):
    assert "Than Zaw Oo" in persons(entities(text)), persons(entities(text))


@pytest.mark.parametrize("text, person, speaker", [
    # two unknown words before "dari" a body are the person, not the field studied
    ("Analis keamanan Rina Kusuma dari Universitas Kenanga memperkirakan 3.000 tentara Chile dikerahkan ke perbatasan.",
     "Rina Kusuma", "Rina Kusuma"),
    ("Pengamat militer Dewi Anggraini dari Pusat Studi Pertahanan mengatakan Peru menyerang kota itu.",
     "Dewi Anggraini", "Dewi Anggraini"),
    # a known field studied is the person's, and does not speak
    ("Pengamat ASEAN dari Universitas Kenanga, Budi Rahardjo, menuduh Myanmar menyerang desa itu.", "Budi Rahardjo", "Budi Rahardjo"),
])
def test_entities_a_field_or_a_name_before_the_body(text, person, speaker):
    from conftest import claims_of
    assert person in persons(entities(text)), persons(entities(text))
    said = [c for c in claims_of(text) if c[0] in ("ESTIMATE", "STATEMENT", "ACCUSE")]
    assert said and {c[1] for c in said} == {speaker}, said


@pytest.mark.parametrize("text", [
    "Menurut Organisasi Internasional untuk Migrasi (IOM), sekitar 60.000 orang mengungsi dari kota itu.",
    "Namun Organisasi Internasional untuk Migrasi (IOM) memperkirakan 60.000 orang mengungsi dari kota itu.",
])
def test_entities_a_word_opening_the_clause_is_no_part_of_a_body_named_with_its_acronym(text):
    from conftest import claims_of
    got = claims_of(text)
    assert any(c[0] == "ESTIMATE" and c[1] == "Organisasi Internasional untuk Migrasi" and c[6] == 60000 for c in got), got


@pytest.mark.parametrize("text, person, not_person", [
    ("Mele Tupou, peneliti di Lowy Institute, Sydney, mengatakan perjanjian itu penting.", "Mele Tupou", "Sydney"),
    ("Ana Ruiz, dosen di Universitas Nasional, Bogota, menilai hal itu wajar.", "Ana Ruiz", "Bogota"),
    ("Rafael Cruz, analis di Pusat Kajian Strategis, Manila, mengatakan hal itu.", "Rafael Cruz", "Manila"),
])
def test_entities_the_city_after_a_body_in_an_apposition_is_no_person(text, person, not_person):
    people = persons(entities(text))
    assert person in people and not_person not in people, people




@pytest.mark.parametrize("tail, person", [
    ("kata Wali Kota Kharkiv Ihor Terekhov", "Ihor Terekhov"),
    ("ujar Gubernur Krasnodar Veniamin Kondratyev", "Veniamin Kondratyev"),
    ("kata Koordinator Kemanusiaan PBB Denise Brown", "Denise Brown"),
])
def test_entities_a_title_after_a_verb_of_saying_is_no_person(tail, person):
    assert set(persons(entities(f"Sedikitnya tiga warga sipil tewas dalam serangan itu, {tail}."))) == {person}


@pytest.mark.parametrize("title, body, person", [
    ("Kepala sekretariat", "Markas Koordinasi Perlakuan terhadap Tawanan Perang Ukraina", "Oleksiy Hrytsenko"),
    ("Direktur", "Pusat Bantuan bagi Korban Perang Sudan", "Amina Yusuf"),
    ("Ketua", "Komisi Penyelidikan atas Kejahatan Perang", "Luis Ortega"),
])
def test_entities_a_body_s_name_runs_on_past_terhadap_to_the_person(title, body, person):
    a = entities(f"{title} {body}, {person}, mengatakan sebagian besar yang dibebaskan adalah prajurit.")
    assert set(persons(a)) == {person}
    assert roles(a) == {(person, title.casefold(), body)}


@pytest.mark.parametrize("office", ["Perwakilan Tinggi UE untuk Urusan Luar Negeri dan Kebijakan Keamanan",
                                    "Komisaris Uni Afrika untuk Urusan Politik dan Keamanan"])
def test_entities_a_portfolio_ends_at_a_known_person(office):
    a = entities(f"{office} Kaja Kallas mendesak kedua pihak menahan diri.")
    assert set(persons(a)) == {"Kaja Kallas"}


@pytest.mark.parametrize("text", ["Komisaris Tinggi HAM PBB Volker Türk mengatakan pihaknya menerima laporan kredibel.",
                                  "Komisaris Tinggi PBB untuk Pengungsi Filippo Grandi mengatakan ribuan orang mengungsi."])
def test_entities_a_high_commissioner_is_a_title_not_a_person_named_tinggi(text):
    assert "Tinggi" not in persons(entities(text))
