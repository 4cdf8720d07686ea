"""Tests of kg.text.numbers on invented sentences."""
import pytest

from kg.text.numbers import find_quantities, words_value


def one(text):
    """The single quantity found in `text`."""
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, span", [
    ("Pemerintah mengirim 10.000 tentara.", 10000, "10.000"),
    ("Sebanyak 1.500 tenda didirikan.", 1500, "1.500"),
    ("Gudang itu menyimpan 600.000 butir peluru.", 600000, "600.000"),
    ("Ada 25 kapal di pelabuhan.", 25, "25"),
    ("Proyek itu menelan Rp3,5 juta per hari.", 3500000, "3,5 juta"),
    ("Bantuan senilai 1,5 juta dolar dikirim.", 1500000, "1,5 juta"),
    ("Mereka merekrut 10 ribu relawan.", 10000, "10 ribu"),
    ("Kontrak itu bernilai 2 miliar.", 2000000000, "2 miliar"),
    ("The report cites 12,000 troops.", 12000, "12,000"),
])
def test_numbers_digits(text, value, span):
    q = one(text)
    assert (q.value, q.text, q.approximate) == (value, span, False)


@pytest.mark.parametrize("text, value, span", [
    ("Pasukan itu berjumlah sekitar 14.000 orang.", 14000, "sekitar 14.000"),
    ("Kira-kira 3.000 warga mengungsi.", 3000, "Kira-kira 3.000"),
    ("Korban mencapai hampir 12.000 jiwa.", 12000, "hampir 12.000"),
    ("Lebih dari 600.000 warga terdampak.", 600000, "Lebih dari 600.000"),
    ("Setidaknya 500 rumah rusak.", 500, "Setidaknya 500"),
    ("Sedikitnya 500 orang ditahan.", 500, "Sedikitnya 500"),
    ("Kapal itu memuat hingga 12.000 ton.", 12000, "hingga 12.000"),
    ("Jumlahnya mencapai 3 juta.", 3000000, "mencapai 3 juta"),
])
def test_numbers_hedged(text, value, span):
    q = one(text)
    assert (q.value, q.text, q.approximate) == (value, span, True)


@pytest.mark.parametrize("text, value", [
    ("Mereka mengirim dua ribu prajurit.", 2000),
    ("Sebanyak tiga ribu warga hadir.", 3000),
    ("Sepuluh ribu orang berbaris.", 10000),
    ("Desa itu dihuni seribu keluarga.", 1000),
    ("Ia menerima sejuta dukungan.", 1000000),
    ("Ada lima belas truk.", 15),
    ("Ada dua puluh lima tank.", 25),
    ("Sebanyak seratus dua puluh lima ribu dosis tiba.", 125000),
    ("Bantuan itu berupa tiga ratus ribu paket.", 300000),
])
def test_numbers_words(text, value):
    q = one(text)
    assert q.value == value and text[q.start:q.end] == q.text


@pytest.mark.parametrize("text, low, high, span", [
    ("Negara itu mengerahkan belasan ribu prajurit.", 11000, 19000, "belasan ribu"),
    ("Puluhan ribu orang berdemo.", 10000, 99000, "Puluhan ribu"),
    ("Ratusan rumah hancur.", 200, 999, "Ratusan"),
    ("Ribuan kontainer amunisi dikirim.", 1000, 9999, "Ribuan"),
    ("Belasan kapal berlabuh.", 11, 19, "Belasan"),
    ("Puluhan drone ditembak jatuh.", 20, 99, "Puluhan"),
    ("Ratusan ribu warga mengungsi.", 100000, 999999, "Ratusan ribu"),
    ("Sekitar ribuan orang hadir.", 1000, 9999, "Sekitar ribuan"),
])
def test_numbers_vague_ranges(text, low, high, span):
    q = one(text)
    assert (q.value, q.low, q.high, q.text, q.approximate) == (None, low, high, span, True)


@pytest.mark.parametrize("text, low, high, span, approx", [
    ("Pasukan itu berjumlah antara 10.000 dan 12.000 orang.", 10000, 12000, "antara 10.000 dan 12.000", False),
    ("Ada 10.000 hingga 12.000 tentara.", 10000, 12000, "10.000 hingga 12.000", False),
    ("Ada 10.000-12.000 tentara.", 10000, 12000, "10.000-12.000", False),
    ("Ada 10 hingga 12 ribu tentara.", 10000, 12000, "10 hingga 12 ribu", False),
    ("Ada dua sampai tiga ribu relawan.", 2000, 3000, "dua sampai tiga ribu", False),
    ("Ada sekitar 3-5 juta pengungsi.", 3000000, 5000000, "sekitar 3-5 juta", True),
])
def test_numbers_explicit_ranges(text, low, high, span, approx):
    q = one(text)
    assert (q.value, q.low, q.high, q.text, q.approximate) == (None, low, high, span, approx)


@pytest.mark.parametrize("text", [
    "Perjanjian itu diteken pada 29 Oktober 2024.",
    "Rapat dimulai pukul 14:32 dan selesai 16.45 WIB.",
    "Pernyataan itu dirilis Senin (28/4).",
    "Anggaran tahun 2024 disahkan, seperti pada 2019.",
    "Harga naik 25% dan ongkos naik 25 persen.",
    "Ia menjadi tersangka ke-2 dalam kasus itu.",
    "Jet Su-35 dan F-16 terlihat.",
    "Surat bertanggal 11/1/2025 itu bocor.",
    "Jembatan itu runtuh dua tahun lalu.",
    "Ia adalah salah satu saksi.",
    "Kapal itu berlabuh di Lima, Peru.",
    "Pasal 5 mengatur hal itu.",
    "Pertumbuhan hanya 3,5 di kuartal itu.",
])
def test_numbers_skip_dates_times_percent_labels(text):
    assert find_quantities(text) == []


def test_numbers_offsets_and_order():
    text = ("Pada Senin (28/4), sekitar 3.000 tentara tiba, menyusul belasan ribu lainnya "
            "dan 10.000 hingga 12.000 relawan; inflasi 25 persen sejak 2024, dua ribu tank.")
    found = find_quantities(text)
    assert [q.text for q in found] == ["sekitar 3.000", "belasan ribu", "10.000 hingga 12.000", "dua ribu"]
    assert all(text[q.start:q.end] == q.text for q in found)


@pytest.mark.parametrize("words, value", [
    ("dua puluh lima ribu", 25000), ("sebelas", 11), ("seratus", 100), ("dua juta tiga ratus ribu", 2300000),
    ("dua tiga", None), ("ribu", None), ("puluh", None), ("dua ribu tiga ribu", None),
])
def test_numbers_words_value(words, value):
    assert words_value(words) == value


@pytest.mark.parametrize("text", ["", " ", "-", "ke-", "1.2.3.4", "10,", ",5", "Rp", "antara dan", "sekitar", "1-", "- 5"])
def test_numbers_never_raises(text):
    assert all(text[q.start:q.end] == q.text for q in find_quantities(text))
