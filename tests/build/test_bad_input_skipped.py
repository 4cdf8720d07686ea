"""Bad input: each bad file is skipped with a line naming it and the reason, the rest build, and
the exit code is 3; when nothing is readable, one line and exit code 2. Empty, binary, huge,
wrongly encoded, truncated, script-laden and non-Indonesian files, and thousands of files."""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import INVENTED, ROOT, run_kg

from kg.build.pipeline import build
from kg.text.read import MAX_BYTES, ArticleError, check_language, decode, read_file

BODY = ("Korea Utara membantah laporan yang menyebutkan bahwa mereka mengirimkan pasukan ke Rusia.\n"
        "Juru bicara Kementerian Luar Negeri AS Budi Hartono mengatakan pihaknya terus memantau situasi.\n")
ENGLISH = ("North Korea has denied reports that it sent troops to Russia. A spokesman for the foreign ministry said "
           "on Thursday that the claims were false and that the country was watching the situation with its partners.\n")
GERMAN = ("Nordkorea hat Berichte zurückgewiesen, wonach es Truppen nach Russland geschickt habe. Ein Sprecher des "
          "Außenministeriums sagte am Donnerstag, die Behauptungen seien falsch und das Land beobachte die Lage.\n")
RUSSIAN = ("Северная Корея опровергла сообщения о том, что она направила войска в Россию. Представитель министерства "
           "иностранных дел заявил в четверг, что эти утверждения ложны и что страна внимательно следит за ситуацией.\n")
CHINESE = "朝鲜否认了向俄罗斯派兵的报道。外交部发言人周四表示，这些说法是错误的，该国正在与合作伙伴密切关注局势。" * 2 + "\n"


def skipped_problem(path: Path) -> str:
    with pytest.raises(ArticleError) as e:
        read_file(path)
    assert e.value.path == str(path) and str(path) in str(e.value)
    return e.value.problem


def cli(*args):
    return run_kg("build", *args)


# ---------------------------------------------------------------------------------------------
# One kind of bad file at a time, next to a good one: the bad one is named, the good one built


@pytest.mark.parametrize("name, data, problem", [
    ("kosong.txt", b"", "empty file"),
    ("spasi.txt", b"  \n\t\n \r\n", "empty file"),
    ("kosong.html", b"<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
     "no article text in this HTML page"),
    ("nul.txt", b"Korea Utara\x00\x01\x02" + BODY.encode(), "binary file (binary data), not text"),
    ("gambar.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file (a PNG image), not text"),
    ("dokumen.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "binary file (a PDF document), not text"),
    ("acak.txt", random.Random(5).randbytes(4000).replace(b"\x00", b"\x01"), "undecodable text"),
    ("inggris.txt", ENGLISH.encode(), "not Indonesian text (looks like English;"),
    ("jerman.txt", GERMAN.encode(), "not Indonesian text (looks like German;"),
    ("rusia.txt", RUSSIAN.encode(), "not Indonesian text (looks like Cyrillic script;"),
    ("cina.txt", CHINESE.encode(), "not Indonesian text (looks like Chinese or Japanese script;"),
    ("inggris.html", f"<html><body><article><p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>".encode(),
     "not Indonesian text (looks like English;"),
])
def test_bad_file_is_skipped_with_reason_and_the_rest_builds(invented_dir, tmp_path, name, data, problem):
    bad = invented_dir / name
    bad.write_bytes(data)
    assert skipped_problem(bad).startswith(problem)
    out = tmp_path / "g.ttl"
    r = cli(invented_dir, "-o", out)
    assert r.returncode == 3, r.stderr
    lines = [x for x in r.stderr.splitlines() if x.startswith("kg: skipped")]
    assert len(lines) == 1 and str(bad) in lines[0] and problem in lines[0], r.stderr
    assert "1 articles, 1 skipped (1 " in r.stdout and "contoh_001" in r.stdout
    assert b"contoh_001" in out.read_bytes()


def test_bad_huge_file_is_skipped_without_reading_it(tmp_path):
    big = tmp_path / "besar.txt"
    with open(big, "wb") as fh:           # sparse: no disk space, no time
        fh.truncate(MAX_BYTES + 1024 * 1024)
    assert skipped_problem(big) == "too large (51 MB; the limit is 50 MB)"
    b = build([big, ROOT / "corpus"])
    assert len(b.articles) == 5 and [e.path for e in b.skipped] == [str(big)]


def test_big_jsonl_limits_each_record_not_the_file(tmp_path, monkeypatch):
    """A .jsonl batch of many articles may be larger than the limit; a record over it is skipped by line."""
    import kg.text.read
    monkeypatch.setattr(kg.text.read, "MAX_BYTES", 3 * 1024 * 1024)
    p = tmp_path / "batch.jsonl"
    good = [json.dumps({"id": f"r{i}", "text": BODY * 1000}) for i in range(12)]
    huge = json.dumps({"id": "besar", "text": BODY * 20000})
    p.write_text("\n".join(good[:6] + [huge] + good[6:]) + "\n", encoding="utf-8")
    assert p.stat().st_size > 3 * 1024 * 1024
    b = build([p])
    assert len(b.articles) == 12
    assert [(e.path, e.problem) for e in b.skipped] == [(str(p), "line 7: too large (4 MB; the limit is 3 MB)")]


def test_bad_nothing_readable_names_each_file_and_exits_2(tmp_path):
    d = tmp_path / "rusak"
    d.mkdir()
    (d / "a.txt").write_bytes(b"")
    (d / "b.txt").write_bytes(b"\x00\x00")
    (d / "c.txt").write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "g.ttl"
    r = cli(d, "-o", out)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert [str(d / n) in line for line, n in zip(lines, ("a.txt", "b.txt", "c.txt"))] == [True] * 3, r.stderr
    assert "empty" in lines[0] and "binary" in lines[1] and "not Indonesian" in lines[2]
    assert len(lines) == 4 and "no readable article" in lines[3], r.stderr
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_bad_jsonl_line_is_skipped_and_the_other_records_build(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join([json.dumps({"id": "r1", "text": BODY}), "{not json", json.dumps({"id": "r3", "text": ENGLISH}),
                            json.dumps({"id": "r4"}), json.dumps({"id": "r5", "text": " "}),
                            json.dumps({"id": "r6", "text": INVENTED})]) + "\n", encoding="utf-8")
    b = build([p])
    assert [a.id for a in b.articles] == ["r1", "r6"]
    assert [e.problem.split(" (")[0] for e in b.skipped] == [
        "line 2: not JSON", "line 3: not Indonesian text", "line 4: needs an object with 'id' and 'text'",
        "line 5: empty text"]
    with pytest.raises(ArticleError, match="line 2: not JSON"):      # read alone, the file is one error
        read_file(p)


# ---------------------------------------------------------------------------------------------
# Encodings and truncation


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_bad_encoding_detected(tmp_path, encoding):
    text = ("Menurut pejabat Prancis, kafé “Le Café” di Paris ditutup sejak Senin.\n" if encoding != "latin-1" else
            "Menurut pejabat Prancis, kafé «Le Café» di Paris ditutup sejak Senin.\n") + BODY
    p = tmp_path / "enc.txt"
    p.write_bytes(text.encode(encoding))
    (a,) = read_file(p)
    assert a.raw == text


def test_bad_utf8_with_a_stray_cp1252_byte_keeps_its_utf8(tmp_path):
    data = "Presiden “Budi” mengatakan di Kyiv — ".encode() + b"caf\xe9 " + BODY.encode()
    p = tmp_path / "campur.txt"
    p.write_bytes(data)
    (a,) = read_file(p)
    assert a.raw.startswith("Presiden “Budi” mengatakan di Kyiv — café Korea Utara")


def test_bad_truncated_in_a_multibyte_character_drops_only_the_broken_bytes(tmp_path):
    text = INVENTED + "Menteri Pertahanan Jepang Taro Sato mengatakan “"
    p = tmp_path / "potong.txt"
    for k in (1, 2):                       # “ is three bytes: cut after its first or second
        p.write_bytes(text.encode()[:-k])
        (a,) = read_file(p)
        assert a.raw == text[:-1] and "â€" not in a.raw
    b = build([p])
    assert b.articles[0].raw == text[:-1] and b.articles[0].claims


def test_bad_truncated_mid_sentence_still_reads_the_rest(tmp_path):
    text = INVENTED + "Menteri Pertahanan Jepang Taro Sato mengatakan bahwa pihaknya"
    p = tmp_path / "potong.txt"
    p.write_bytes(text.encode())
    a = build([p]).articles[0]
    assert a.raw == text and a.sentences[-1].text.endswith("bahwa pihaknya")
    assert {c.type for c in a.claims} >= {"DENY", "DEMAND"}


def test_bad_decode_never_guesses_garbage_for_truncated_utf8():
    text = "Kafé “Le Café” — 2.000 tentara; Північна Корея\n" * 30
    data = text.encode()
    for k in range(1, 4):
        out = decode(data[:-k], Path("x.txt"))
        assert text.startswith(out) and len(text) - len(out) <= 2


# ---------------------------------------------------------------------------------------------
# HTML with scripts; what passes as Indonesian


def test_bad_html_scripts_never_reach_the_text(tmp_path):
    lines = INVENTED.strip().splitlines()
    html = ("<html><head><title>Uji</title><script src='x.js'></script><script>var a = 'Presiden Palsu Agus Salim';"
            "</script><style>p { color: red } /* Menteri Sri Rahayu */</style></head><body><article>"
            + "".join(f"<p>{x}</p>" for x in lines[:2])
            + "<script>document.write('Gubernur Joko Susilo mengatakan perang dimulai');</script>"
            "<noscript>Aktifkan JavaScript, kata Kepala Dodi Pratama</noscript>"
            "<script type='application/ld+json'>{\"headline\": \"Duta Besar Hakim Palsu membantah\"}</script>"
            + "".join(f"<p onclick=\"alert('Wakil Presiden Lina Palsu')\">{x}</p>" for x in lines[2:])
            + "</article><script>var b = 'Direktur Siti Palsu';</script></body></html>")
    p = tmp_path / "skrip.html"
    p.write_text(html, encoding="utf-8")
    a = build([p]).articles[0]
    for junk in ("Palsu", "Sri Rahayu", "Joko Susilo", "document.write", "color", "JavaScript", "headline", "alert"):
        assert junk not in a.raw, junk
    assert "Budi Hartono" in a.raw and any(e.label == "Budi Hartono" for e in a.entities.values())


def test_bad_language_check_passes_the_bundled_and_short_articles(tmp_path):
    for f in sorted((ROOT / "corpus").glob("*.txt")):
        assert check_language(f.read_text(encoding="utf-8")) is None, f
    short = [INVENTED, BODY, "Menteri Luar Negeri Ukraina Andriy Sibikha bertemu mitranya.\n",
             "Gubernur Kharkiv Oleh Synehubiv mengunjungi lokasi.\n",
             "Jepang mendesak Korea Utara untuk segera menghentikan kerja sama militer dengan Moskow, kata juru bicara "
             "pemerintah Jepang. Di tempat lain, Filipina membantah laporan tentang kapal China di perairannya.\n",
             # Malay shares the Indonesian function words
             "Korea Utara menafikan laporan yang mengatakan bahawa ia telah menghantar tentera ke Rusia. Jurucakap "
             "kementerian luar berkata pada hari Khamis bahawa dakwaan itu palsu dan negara itu memantau keadaan.\n"]
    for text in short:
        assert check_language(text) is None, text
    b = build([ROOT / "corpus"])
    assert len(b.articles) == 5 and not b.skipped


def test_bad_language_lexicon_has_a_source_header():
    text = (ROOT / "kg" / "lexicon" / "language.yaml").read_text(encoding="utf-8")
    assert text.startswith("#") and "Source" in text.split("\n\n")[0]


# ---------------------------------------------------------------------------------------------
# Thousands of files, a few bad


def test_bad_thousands_of_files_a_few_bad(tmp_path):
    d = tmp_path / "banyak"
    d.mkdir()
    r = random.Random(2)
    people = ["Budi Hartono", "Siti Rahma", "Andi Wijaya", "Rina Wulandari", "Agus Salim", "Dewi Lestari"]
    countries = ["Korea Utara", "Rusia", "Ukraina", "Jepang", "Amerika Serikat", "China"]
    good = []
    for i in range(2000):
        c1, c2 = r.sample(countries, 2)
        text = (f"Juru bicara Kementerian Luar Negeri {c1} {r.choice(people)} mengatakan pihaknya memantau {c2}.\n"
                f"{c1} membantah laporan bahwa mereka mengirimkan {r.randint(100, 9000)} tentara ke {c2}.\n")
        name = f"b{i:04d}"
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
        good.append(name)
    bad = {"b0100.txt": b"", "b0777.txt": b"\x00\x01binary", "b1234.txt": ENGLISH.encode(),
           "b1999.txt": random.Random(9).randbytes(3000).replace(b"\x00", b"\x01")}
    for name, data in bad.items():
        (d / name).write_bytes(data)
        good.remove(name[:-4])
    (d / "sub").mkdir()
    (d / "sub" / "latin.txt").write_bytes(("Kafé " + BODY).encode("latin-1"))      # read, not skipped
    (d / "sub" / "potong.txt").write_bytes(("“" + BODY + "“").encode()[:-1])           # truncated: read
    good += ["latin", "potong"]
    out = tmp_path / "g.nq"
    p = subprocess.run([sys.executable, "-m", "kg", "build", str(d), "-o", str(out), "--format", "nquads",
                        "--workers", "2", "--no-cache"], capture_output=True, text=True)
    assert p.returncode == 3, p.stderr[-2000:]
    skipped = [x for x in p.stderr.splitlines() if x.startswith("kg: skipped ")]
    assert len(skipped) == len(bad)
    for line, name in zip(skipped, sorted(bad)):
        assert str(d / name) in line
    assert f"{len(good)} articles, 4 skipped (" in p.stdout
    ids = set(re.findall(r'<https://w3id.org/kabar-kg/ontology#articleId> "([^"]+)"', out.read_text(encoding="utf-8")))
    assert ids == set(good)


def test_bad_duplicate_ids_refused_by_name(tmp_path):
    p = tmp_path / "dua.jsonl"
    p.write_text(json.dumps({"id": "sama", "text": BODY}) + "\n" +
                 json.dumps({"id": "sama", "text": BODY.replace("Rusia", "Ukraina")}) + "\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "sama.txt").write_text(BODY, encoding="utf-8")          # the same id from a file
    out = tmp_path / "g.ttl"
    r = cli(p, tmp_path / "sub", "-o", out)
    assert r.returncode == 3
    skipped = [x for x in r.stderr.splitlines() if x.startswith("kg: skipped")]
    assert len(skipped) == 2 and all("duplicate article id" in x and "'sama'" in x for x in skipped), r.stderr
    assert f"{p}: line 2" in skipped[0] and f"first read from {p} line 1" in skipped[0]
    assert str(tmp_path / "sub" / "sama.txt") in skipped[1]
    assert "1 articles, 2 skipped (2 duplicate article id)" in r.stdout
    assert "Ukraina" not in out.read_text(encoding="utf-8")


def test_bad_folder_counts_files_of_other_types(tmp_path):
    d = tmp_path / "campur"
    d.mkdir()
    (d / "a.txt").write_text(BODY, encoding="utf-8")
    (d / "catatan.md").write_text("catatan", encoding="utf-8")
    (d / "data.csv").write_text("a,b", encoding="utf-8")
    (d / ".tersembunyi").write_text("x", encoding="utf-8")        # hidden: not counted
    r = cli(d, "-o", tmp_path / "g.ttl")
    assert r.returncode == 0 and "ignored: 2 files of other types" in r.stdout, r.stdout


def test_bad_latin1_file_says_which_encoding(tmp_path):
    p = tmp_path / "lama.txt"
    p.write_bytes(("Sikap itu naïve, kata pengamat.\n" + BODY).encode("latin-1"))
    r = cli(p, "-o", tmp_path / "g.ttl")
    assert r.returncode == 0
    assert f"kg: {p}: not UTF-8; read as Windows-1252 (Latin-1)" in r.stderr.splitlines()
