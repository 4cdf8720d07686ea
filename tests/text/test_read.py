"""Reading and cleaning: formats, encodings, boilerplate that yields nothing, metadata with how it was found."""
from __future__ import annotations

import json

import pytest

from kg.build.pipeline import build
from kg.model import Article
from kg.text.read import ArticleError, read_file

BODY = ("Korea Utara membantah laporan yang menyebutkan bahwa mereka mengirimkan pasukan ke Rusia.\n"
        "Juru bicara Kementerian Luar Negeri AS Budi Hartono mengatakan pihaknya terus memantau situasi.\n")


def _one(tmp_path, name: str, data: bytes) -> Article:
    p = tmp_path / name
    p.write_bytes(data)
    return build([p]).articles[0]


def test_read_html_main_text_and_metadata(tmp_path):
    html = f"""<html><head><title>Korut Bantah</title><meta property="og:site_name" content="Kabar Contoh">
    <meta name="author" content="Rina Wulandari"><meta property="article:published_time" content="2024-11-07T10:00:00+07:00">
    <script>var x = "Presiden Palsu Agus Salim";</script></head><body><nav>Beranda | Dunia | Presiden Andi Wijaya</nav>
    <article><h1>Korut Bantah</h1>{''.join(f'<p>{line}</p>' for line in BODY.splitlines())}</article></body></html>"""
    a = _one(tmp_path, "berita.html", html.encode())
    assert a.id == "berita" and a.outlet == "Kabar Contoh" and a.published.value == "2024-11-07"
    assert a.authors == ["Rina Wulandari"]
    labels = {e.label for e in a.entities.values()}
    assert "Budi Hartono" in labels and "Agus Salim" not in labels and "Andi Wijaya" not in labels


def test_read_jsonl_articles_with_ids(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a1", "text": BODY, "url": "https://www.kabarcontoh.co.id/dunia/1", "published": "2024-11-07"},
        {"id": "a2", "text": BODY}]), encoding="utf-8")
    arts = build([p]).articles
    assert [a.id for a in arts] == ["a1", "a2"]
    assert arts[0].outlet == "kabarcontoh.co.id" and arts[0].outlet_how == "url"
    assert arts[0].published.value == "2024-11-07" and arts[1].published is None


def test_read_jsonl_bad_line_names_file_and_line(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text('{"id": "a1", "text": "x"}\n{not json\n', encoding="utf-8")
    with pytest.raises(ArticleError, match=r"batch.jsonl: line 2: not JSON"):
        read_file(p)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_read_detects_encoding(tmp_path, encoding):
    text = "Menurut pejabat Prancis, kafé “Le Café” ditutup.\n" + BODY
    a = _one(tmp_path, "enc.txt", text.encode(encoding))
    assert "“Le Café”" in a.raw and not a.raw.startswith("\ufeff")


def test_read_boilerplate_yields_no_names_or_dates(tmp_path):
    text = ("Jakarta, Kabar Contoh —\n" + BODY + "ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\n"
            "BACA JUGA: Presiden Andi Wijaya Resmikan Jembatan pada 3 Januari 2026\n"
            "Baca juga:  Menteri Sri Rahayu mengatakan harga naik\n"
            "Related Posts\nGubernur Joko Susilo mengatakan banjir surut\n  • February 13, 2026\n")
    a = _one(tmp_path, "bp.txt", text.encode())
    labels = {e.label for e in a.entities.values()}
    assert "Budi Hartono" in labels
    assert not labels & {"Andi Wijaya", "Sri Rahayu", "Joko Susilo"}
    assert all("2026" not in (c.date.value if c.date else "") for c in a.claims)
    assert a.outlet == "Kabar Contoh" or a.outlet is None


def test_read_metadata_from_byline_and_labels(tmp_path):
    text = ("Korut Bantah Kirim Pasukan ke Rusia\n\nSelasa 5 Nov 2024 - 10:15 WIB\nReporter : Rina Wulandari\n"
            "Editor : Dodi\n\nKABARCONTOH.COM - " + BODY)
    a = _one(tmp_path, "meta.txt", text.encode())
    assert a.title == "Korut Bantah Kirim Pasukan ke Rusia"
    assert a.published.value == "2024-11-05" and a.published_how == "dateline"
    assert a.outlet == "KABARCONTOH.COM" and a.outlet_how == "dateline"
    assert a.authors == ["Rina Wulandari"]


@pytest.mark.parametrize("head, tail, authors", [
    ("KAMIS, 6 MARET 2025 | 10:15 WIB | LAPORAN: BUDI SANTOSO\n", "", ["Budi Santoso"]),
    ("Laporan: Sari Dewi\n", "", ["Sari Dewi"]),
    ("", "(Rina Kartika)\n", ["Rina Kartika"]),
    ("", "(Hendra Wijaya/rtr)\n", ["Hendra Wijaya"]),
    ("", "(Penulis: Dewi Anggraini)\n", ["Dewi Anggraini"]),
    ("Rep: Nadia Kusuma/ Red: Bayu Saputra\n", "", ["Nadia Kusuma"]),
    ("Rahmat Hidayat\nRabu, 18 Maret 2026 - 13:45 WIB\n", "", ["Rahmat Hidayat"]),
    ("Rifki Pratama, Jurnalis\nKamis, 10 April 2025 - 18:20 WIB\n", "", ["Rifki Pratama"]),
    ("Fadli Ramadhan, Jurnalis · Kamis 27 Agustus 2026 12:30 WIB\n", "", ["Fadli Ramadhan"]),
    ("Yulia Siregar - detikNews\nKamis, 27 Agustus 2026 12:30 WIB\n", "", ["Yulia Siregar"]),
    # a middle or last initial, a name under the date line, a space before the credit's comma
    ("Rabu, 10 September 2025 21:05 WIB\nPenulis: Hasiolan Eko P Gultom\nEditor: Pravitri Retno W\n", "",
     ["Hasiolan Eko P Gultom"]),
    ("Sabtu, 09 Agustus 2025 - 06:15 WIB\nBagas Prasetyo\n", "", ["Bagas Prasetyo"]),
    ("Rabu 29 Januari 2025 10:47 WIB\nRahman Asmardika , Jurnalis\n", "", ["Rahman Asmardika"]),
    # a deck line or a caption under the date is no byline
    ("Kamis, 06 Mar 2025 10:00 WIB\nGencatan Senjata Gagal\n", "", []),
    ("Kamis, 06 Mar 2025 10:00 WIB\nFoto Dokumentasi Istimewa\n", "", []),
    # initials, a one-word credit, an agency's credit and a sentence that starts with the word "Laporan" are no byline
    ("Penulis: Newswire\n", "", []),
    ("Korea Selatan\nRabu, 18 Maret 2026 - 13:45 WIB\n", "", []),
    # the outlet's name before the date is no author
    ("Medcom.id • 12 November 2026 15:41\nFajar Nugraha\n", "", ["Fajar Nugraha"]),
    ("Liputan6.com | Diperbarui 03 Nov 2026, 11:12 WIB\nPenulis: Khairisa Ferida\n", "", ["Khairisa Ferida"]),
    ("", "(ra/dp)\n", []),
    ("", "(Istimewa)\n", []),
    ("Laporan Human Rights Watch menyebut korban bertambah.\n", "", []),
])
def test_read_bylines_in_other_forms_are_authors_not_persons_of_the_story(tmp_path, head, tail, authors):
    text = "Korut Bantah Kirim Pasukan ke Rusia\n\n" + head + "\n" + BODY + "\n" + tail
    a = _one(tmp_path, "byline.txt", text.encode())
    assert a.authors == authors
    people = {e.label: e.source for e in a.entities.values() if e.type == "Person"}
    assert all(people.get(n) == "byline" for n in authors), people
    assert "Human Rights Watch" not in people


def test_read_offsets_point_into_raw_text(tmp_path):
    a = _one(tmp_path, "off.txt", ("Jakarta, Kabar Contoh —\n" + BODY).encode())
    for s in a.sentences:
        assert a.raw[s.start:s.end] == s.text
    for c in a.claims:
        assert a.raw[c.sentence.start:c.sentence.end] == c.sentence.text
        if c.quote:
            assert a.raw[c.quote_start:c.quote_end] == c.quote


def test_read_jsonl_records_split_on_newlines_only(tmp_path):
    breaks = {"a": "\u2028", "b": "\u2029", "c": "\x85", "d": "\x1c"}
    lines = [json.dumps({"id": k, "text": BODY.replace("\n", v, 1)}, ensure_ascii=False) for k, v in breaks.items()]
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    b = build([p])
    assert not b.skipped and [a.id for a in b.articles] == ["a", "b", "c", "d"]
    assert [a.raw for a in b.articles] == [BODY.replace("\n", v, 1) for v in breaks.values()]


def test_read_latin1_text_is_read_as_western_and_says_so(tmp_path):
    text = "Pengamat menilai sikap itu naïve dan berisiko, kata Budi Hartono di Café Jakarta.\n" + BODY
    for enc in ("latin-1", "cp1252"):
        p = tmp_path / f"barat_{enc}.txt"
        p.write_bytes(text.encode(enc))
        (a,) = read_file(p)
        assert "naïve" in a.raw and "Café" in a.raw and a.encoding.startswith("Windows-1252"), (enc, a.raw[:60])
    (a,) = read_file(_write(tmp_path, "utf8.txt", text.encode("utf-8")))
    assert a.encoding == "utf-8"


def _write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_read_jsonl_lone_surrogate_becomes_replacement_character(tmp_path):
    p = _write(tmp_path, "s.jsonl", (json.dumps({"id": "s", "text": BODY}).replace("Rusia", "Rus\\ud800ia", 1)
                                     + "\n").encode())
    b = build([p])
    assert not b.skipped and "Rus\ufffdia" in b.articles[0].raw


@pytest.mark.parametrize("chrome", [
    "Unduh aplikasi Kabar Contoh untuk berita terkini",
    "Simak selengkapnya di aplikasi Kabar Contoh...",
    "Foto: Budi Hartono/Antara Foto",
    "Ilustrasi: pasukan berbaris di perbatasan (Dok. Kabar Contoh)",
    "Dapatkan aplikasi kami di Google Play dan App Store",
])
def test_read_page_chrome_is_not_a_title(tmp_path, chrome):
    a = _one(tmp_path, "berita.txt", f"{chrome}\nKorut Bantah Kirim Pasukan ke Rusia\n{BODY}".encode())
    assert a.title == "Korut Bantah Kirim Pasukan ke Rusia"
    html = (f"<html><head><title>{chrome}</title></head><body><article><p>Korut Bantah Kirim Pasukan ke Rusia</p>"
            + "".join(f"<p>{line}</p>" for line in BODY.splitlines()) + "</article></body></html>")
    assert _one(tmp_path, "halaman.html", html.encode()).title != chrome


@pytest.mark.parametrize("first", ["Al-Shabaab menyerang pangkalan militer Somalia di Hiraan.",
                                   "Al-Qaeda mengklaim serangan itu dilakukan oleh anggotanya."])
def test_read_a_hyphenated_name_opening_the_body_is_no_dateline(tmp_path, first):
    a = _one(tmp_path, "hy.txt", ("Judul Berita yang Cukup Panjang di Sini\n\n" + first + "\n").encode())
    assert any(s.text.startswith(first.split()[0]) for s in a.sentences), [s.text for s in a.sentences]
