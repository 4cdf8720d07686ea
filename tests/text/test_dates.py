"""Tests of kg.text.dates on invented sentences."""
from datetime import date

import pytest

from kg.text.dates import find_dates, parse_datetime_line

WED = date(2025, 4, 30)   # a Wednesday


def one(text, ref=None):
    """The single date found in `text`."""
    found = find_dates(text, ref)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("ref, text, value, span", [
    (WED, "Menteri itu tiba di Hanoi, Senin (28/4) malam.", "2025-04-28", "Senin (28/4)"),
    (date(2025, 1, 15), "Kedua delegasi bertemu Sabtu (11/1) di Ankara.", "2025-01-11", "Sabtu (11/1)"),
    (date(2025, 1, 3), "Kapal patroli itu berlabuh Selasa (31/12).", "2024-12-31", "Selasa (31/12)"),
    # the weekday decides against the nearer date: 10/1/2025 is a Friday, 10/1/2024 a Wednesday
    (date(2025, 1, 3), "Laporan itu terbit Rabu (10/1).", "2024-01-10", "Rabu (10/1)"),
    (date(2025, 1, 3), "Laporan itu terbit Jumat (10/1).", "2025-01-10", "Jumat (10/1)"),
    (WED, "Rapat darurat digelar Kamis malam (24/4).", "2025-04-24", "Kamis malam (24/4)"),
    (WED, "Latihan dimulai Jum'at (25/4).", "2025-04-25", "Jum'at (25/4)"),
    # month/day when only that order gives the weekday: 3 May is no Wednesday near 2025, 5 March 2025 is
    (date(2025, 3, 6), "Pertemuan itu digelar Rabu (3/5).", "2025-03-05", "Rabu (3/5)"),
    (date(2025, 3, 6), "Pertemuan itu digelar Kamis (2/27).", "2025-02-27", "Kamis (2/27)"),
])
def test_dates_weekday_day_month(ref, text, value, span):
    d = one(text, ref)
    assert (d.value, d.precision, d.text) == (value, "day", span)


@pytest.mark.parametrize("text", ["Gencatan senjata disepakati Rabu (28/4).", "Pasukan tiba Minggu (3/3)."])
def test_dates_weekday_that_holds_in_no_nearby_year_gives_no_date(text):
    # 28/4 is a Monday in 2025, and 4/28 no date; 3 March 2025 a Monday, 3 March 2024 a Sunday but too far
    assert find_dates(text, WED if "28/4" in text else date(2026, 3, 6)) == []


@pytest.mark.parametrize("text, expected", [
    ("Kementerian itu dalam pernyataan Senin menyebut 20 tentara dibebaskan.", "2025-04-28"),
    ("Dalam keterangan Selasa, militer menyebut serangan itu gagal.", "2025-04-29"),
    ("Ia mengatakan hal itu dalam wawancara Senin kepada wartawan.", "2025-04-28"),
    ("Pernyataan resmi itu tidak menyebut waktu.", None),
])
def test_dates_a_weekday_after_a_statement_noun_is_its_day(text, expected):
    found = [d for d in find_dates(text, WED, "published") if d.precision == "day"]
    assert (found[0].value if found else None) == expected


@pytest.mark.parametrize("ref_from, expected", [("published", "2025-04-23"), ("text", None), ("corpus", None)])
def test_dates_a_relative_day_needs_the_publication_date(ref_from, expected):
    found = find_dates("Pasukan itu tiba pekan lalu.", WED, ref_from)
    assert (found[0].value if found else None) == expected


@pytest.mark.parametrize("ref_from, expected", [("published", "2024"), ("text", "2024"), ("corpus", None)])
def test_dates_a_relative_year_may_count_from_a_date_of_the_text(ref_from, expected):
    found = find_dates("Perjanjian itu diteken tahun lalu.", WED, ref_from)
    assert (found[0].value if found else None) == expected


@pytest.mark.parametrize("ref_from, text, expected", [
    ("corpus", "Pasukan tiba Senin (28/4).", "2025-04-28"),    # the weekday holds in one year only
    ("corpus", "Pasukan tiba pada (28/4).", None),             # nothing confirms the year
    ("text", "Pasukan tiba pada (28/4).", "2025-04-28"),       # the article's own dates choose it
])
def test_dates_other_articles_choose_only_a_year_the_weekday_confirms(ref_from, text, expected):
    found = find_dates(text, WED, ref_from)
    assert (found[0].value if found else None) == expected


@pytest.mark.parametrize("text, value, span", [
    ("Perjanjian itu diteken pada 29 Oktober 2024 di Jenewa.", "2024-10-29", "29 Oktober 2024"),
    ("Diperbarui Selasa, 29 Oktober 2024 14:32 WIB", "2024-10-29", "Selasa, 29 Oktober 2024 14:32 WIB"),
    ("Kamis 7 Nov 2024 - 08:15 WIB", "2024-11-07", "Kamis 7 Nov 2024 - 08:15 WIB"),
    ("Pertemuan berlangsung Sabtu (11/1/2025) di Doha.", "2025-01-11", "Sabtu (11/1/2025)"),
    ("Surat itu bertanggal (11/1/2025).", "2025-01-11", "(11/1/2025)"),
    ("Dokumen tertanggal 11/1/2025 itu bocor.", "2025-01-11", "11/1/2025"),
    ("Dirilis 2024-10-29 oleh kementerian.", "2024-10-29", "2024-10-29"),
    ("Posted on February 3, 2025 by admin", "2025-02-03", "February 3, 2025"),
    ("Kontrak ditandatangani 5 Pebruari 2023.", "2023-02-05", "5 Pebruari 2023"),
])
def test_dates_absolute_day(text, value, span):
    d = one(text)
    assert (d.value, d.precision, d.text) == (value, "day", span)


@pytest.mark.parametrize("ref, text, value", [
    (date(2024, 10, 29), "Pasukan itu mendarat pada 24 April di pesisir.", "2024-04-24"),
    (date(2025, 1, 5), "Kapal itu tenggelam pada 28 Desember.", "2024-12-28"),
    (date(2025, 4, 10), "Pemungutan suara dijadwalkan 20 April.", "2025-04-20"),      # 10 days ahead: still this year
    (date(2025, 4, 1), "Kantor itu ditutup pada 20 April.", "2024-04-20"),           # 19 days ahead: last year
    (WED, "Serangan terjadi pada (28/4) dini hari.", "2025-04-28"),
])
def test_dates_yearless_day_month(ref, text, value):
    d = one(text, ref)
    assert (d.value, d.precision) == (value, "day")


@pytest.mark.parametrize("ref, text, value, span", [
    (date(2024, 10, 29), "Kesepakatan itu dicapai Juni lalu.", "2024-06", "Juni lalu"),
    (date(2024, 10, 29), "Pabrik itu dibuka Oktober lalu.", "2023-10", "Oktober lalu"),
    (date(2024, 10, 29), "Latihan akan berlanjut Maret mendatang.", "2025-03", "Maret mendatang"),
    (date(2025, 2, 1), "Harga naik sejak November 2024.", "2024-11", "November 2024"),
    (date(2025, 1, 10), "Sengketa itu pecah bulan lalu.", "2024-12", "bulan lalu"),
    (date(2025, 1, 10), "Kunjungan itu terjadi awal bulan ini.", "2025-01", "awal bulan ini"),
    (date(2024, 10, 29), "Kapal itu berangkat pada bulan Agustus.", "2024-08", "Agustus"),
])
def test_dates_month(ref, text, value, span):
    d = one(text, ref)
    assert (d.value, d.precision, d.text) == (value, "month", span)


@pytest.mark.parametrize("ref, text, value, span", [
    (date(2024, 10, 29), "Anggaran itu disahkan tahun lalu.", "2023", "tahun lalu"),
    (date(2024, 10, 29), "Produksi naik tahun ini.", "2024", "tahun ini"),
    (date(2024, 10, 29), "Pangkalan itu dibangun pada tahun 2022.", "2022", "2022"),
    (date(2024, 10, 29), "Perjanjian berlaku sejak 1998 tanpa perubahan.", "1998", "1998"),
    (date(2024, 10, 29), "Jembatan itu runtuh dua tahun lalu.", "2022", "dua tahun lalu"),
    (date(2024, 10, 29), "Ia pensiun setahun yang lalu.", "2023", "setahun yang lalu"),
])
def test_dates_year(ref, text, value, span):
    d = one(text, ref)
    assert (d.value, d.precision, d.text) == (value, "year", span)


@pytest.mark.parametrize("text, value, span", [
    ("Ia tiba kemarin.", "2025-04-29", "kemarin"),
    ("Sidang dilanjutkan hari ini.", "2025-04-30", "hari ini"),
    ("Kapal itu ditahan pekan lalu.", "2025-04-23", "pekan lalu"),
    ("Harga beras naik minggu lalu.", "2025-04-23", "minggu lalu"),
    ("Ia mundur Senin lalu.", "2025-04-28", "Senin lalu"),
    ("Ia mundur Rabu lalu.", "2025-04-23", "Rabu lalu"),                 # strictly before ref
    ("Kabinet bersidang pada hari Senin.", "2025-04-28", "Senin"),
    ("Kabinet bersidang pada Rabu.", "2025-04-30", "Rabu"),              # on or before ref
    ("Ledakan terdengar akhir pekan lalu.", "2025-04-26", "akhir pekan lalu"),
    ("Keputusan diumumkan Jumat pekan lalu.", "2025-04-25", "Jumat pekan lalu"),
    ("Gudang itu terbakar tiga hari lalu.", "2025-04-27", "tiga hari lalu"),
    ("Hal itu disampaikan juru bicara di Manila, Jumat.", "2025-04-25", "Jumat"),
    ("Perundingan dilanjutkan Senin depan.", "2025-05-05", "Senin depan"),
])
def test_dates_relative_day(text, value, span):
    d = one(text, WED)
    assert (d.value, d.precision, d.text) == (value, "day", span)


@pytest.mark.parametrize("text, value", [
    ("Minggu lalu, dua kapal ditahan.", "2025-04-23"),          # sentence-initial: last week
    ("Dua kapal ditahan pada Minggu lalu.", "2025-04-27"),      # mid-sentence capital: last Sunday
    ("Dua kapal ditahan pada Minggu.", "2025-04-27"),
])
def test_dates_minggu_week_or_sunday(text, value):
    assert one(text, WED).value == value


@pytest.mark.parametrize("text", [
    "Ia tiba kemarin.", "Kesepakatan dicapai Juni lalu.", "Kapal itu tiba Senin (28/4).",
    "Mereka bertemu pada 24 April.", "Anggaran disahkan tahun lalu.", "Ia mundur Senin lalu.",
])
def test_dates_relative_needs_ref(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("text", [
    "Sebanyak 10.000 tentara dikerahkan.",
    "Sekitar 3.000 pengungsi tiba dan 1.500 lainnya menunggu.",
    "Korban mencapai sebanyak 2000 orang.",
    "Inflasi naik 25 persen, dan 12% di kota lain.",
    "Ia menjadi orang ke-2 yang ditangkap, bersama pilot Su-35.",
    "Tiga kapal dan lima pesawat hilang.",
    "Ia tinggal di sana beberapa tahun lalu.",
    "Pada minggu pertama, pasukan bergerak.",
])
def test_dates_not_from_quantities(text):
    assert find_dates(text, WED) == []


def test_dates_offsets_and_order():
    text = ("Pada Senin (28/4), menteri mengatakan bahwa sejak November 2024 dan tahun lalu, "
            "sekitar 10.000 personel tiba pada 29 Oktober 2024 14:32, lalu kemarin lagi.")
    found = find_dates(text, WED)
    assert [d.text for d in found] == ["Senin (28/4)", "November 2024", "tahun lalu", "29 Oktober 2024 14:32", "kemarin"]
    assert all(text[d.start:d.end] == d.text for d in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.mark.parametrize("text, value", [
    ("29 Oktober 2024 14:32", "2024-10-29"),
    ("Selasa 22 Oct 2024 - 19:08 WIB", "2024-10-22"),
    ("Budi Santoso • 29 Oktober 2024 14:32", "2024-10-29"),
    ("Selasa, 29 Oktober 2024", "2024-10-29"),
    ("2024-10-29", "2024-10-29"),
    ("29/10/2024", "2024-10-29"),
    ("Jakarta, 3 Des 2023 | 10.05 WIB", "2023-12-03"),
    ("Jakarta", None),
    ("Diperbarui kemarin", None),
    ("Oktober 2024", None),
])
def test_dates_parse_datetime_line(text, value):
    d = parse_datetime_line(text)
    assert (d.value if d else None) == value
    if d:
        assert text[d.start:d.end] == d.text and d.precision == "day"


@pytest.mark.parametrize("text", [
    "", " ", "31/2", "(99/99)", "pada (31/2)", "pada (99/99)", "Senin (30/2)", "99 Januari 2024",
    "0/0/0000", "31/2/2024", "Sabtu (29/2)", "(", "/", "2024-13-45", "se tahun lalu", "nol hari lalu",
    "Jum’at (1/1)", "1000 tahun lalu", "kemarin", "besok", "tahun depan", "bulan lalu", "Senin depan",
    "akhir pekan ini", "24 April", "Juni mendatang",
])
@pytest.mark.parametrize("ref", [None, WED, date(1, 1, 1), date(9999, 12, 31)])
def test_dates_never_raises(text, ref):
    found = find_dates(text, ref)
    assert all(text[d.start:d.end] == d.text for d in found)
    parse_datetime_line(text)


@pytest.mark.parametrize("text", ["Pada 1 Januari 0000 pasukan tiba.", "Sejak Januari 0000 pasukan berada di sana.",
                                  "Surat bertanggal 0000-01-01.", "Pasukan tiba pada 31/2/2025."])
def test_dates_impossible_dates_are_no_dates(text):
    assert find_dates(text, WED) == []


@pytest.mark.parametrize("text, value", [
    ("Mesir telah mengirimkan persenjataan sejak Agustus tahun lalu.", "2024-08"),
    ("Perjanjian itu diteken pada Desember tahun lalu.", "2024-12"),
    ("Latihan digelar pada Juni tahun depan.", "2026-06"),
    ("Pasukan tiba pada Februari tahun ini.", "2025-02"),
])
def test_dates_a_month_of_last_this_or_next_year(text, value):
    got = find_dates(text, date(2025, 3, 12))
    assert [d.value for d in got] == [value] and got[0].precision == "month"


@pytest.mark.parametrize("text", ["Pasukan dikirim sepanjang Januari dan Februari.", "Latihan digelar pada Januari hingga Maret.",
                                  "Serangan meningkat selama Mei sampai Juli."])
def test_dates_a_span_of_months_is_no_single_month(text):
    assert find_dates(text, date(2025, 3, 12)) == []
