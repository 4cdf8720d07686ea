"""Read articles from .txt, .html and .jsonl files into `Article`s, and say why a file cannot be read.

A file is skipped with an `ArticleError` naming it and the problem: empty, binary, too large,
undecodable, or not Indonesian text. Text in UTF-8 (with or without BOM), UTF-16 with a BOM,
or a legacy 8-bit encoding (Latin-1, cp1252, detected) is read; UTF-8 with a few stray cp1252
bytes keeps its UTF-8; a file cut in the middle of a multi-byte character loses only the broken
last bytes.
"""
from __future__ import annotations

import codecs
import functools
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from charset_normalizer import from_bytes

from kg.model import Article

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_BYTES = 50 * 1024 * 1024
GARBLED_SHARE = 0.02       # share of unprintable characters above which decoded text is garbage


class ArticleError(Exception):
    """A file that cannot be read as an article; the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path, self.problem = str(path), problem

    def __reduce__(self):          # picklable, to come back from worker processes
        return (type(self), (self.path, self.problem))

    @property
    def kind(self) -> str:
        """The problem without its details ("line 3: not JSON (...)" -> "not JSON")."""
        p = re.sub(r"^line \d+(?: \([^)]*\))?: ", "", self.problem)
        return re.split(r" \(|: ", p, maxsplit=1)[0]


def find_files(paths: list[Path], ignored: list[Path] | None = None) -> list[Path]:
    """The article files under `paths`, sorted; a missing path or empty folder raises ArticleError.
    Files of other types in the folders (not hidden ones, nor README.md) are added to `ignored`."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found, other = [], []
            for f in sorted(p.rglob("*")):
                if not f.is_file() or any(part.startswith(".") for part in f.relative_to(p).parts) \
                        or f.name.lower() == "readme.md":
                    continue
                (found if f.suffix.lower() in SUFFIXES else other).append(f)
            if ignored is not None:
                ignored += other
            if not found:
                raise ArticleError(p, f"no article files ({', '.join(SUFFIXES)}) in this folder")
            files += found
        elif p.is_file():
            files.append(p)
        else:
            raise ArticleError(p, "no such file or folder")
    return files


# ---------------------------------------------------------------------------------------------
# Bytes to text

_MAGIC = ((b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"GIF87a", "a GIF image"),
          (b"GIF89a", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive or office document"),
          (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "a program"), (b"\xd0\xcf\x11\xe0", "an old Office document"),
          (b"7z\xbc\xaf", "a 7-Zip archive"), (b"Rar!\x1a", "a RAR archive"), (b"SQLite format 3\x00", "a database"))
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


def _binary(data: bytes) -> str | None:
    """What a binary file looks like, or None for text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if data[4:8] == b"ftyp":
        return "a video or audio file"
    if b"\x00" in data[:4096]:
        return "binary data"
    return None


def _utf16(data: bytes) -> str | None:
    """The UTF-16 encoding of `data` when it has a BOM or NULs in every other byte of ASCII text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if len(head) >= 8:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return "utf-16-le"
        if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "utf-16-be"
    return None


def _cp1252_byte(e: UnicodeDecodeError):
    """Decode-error handler: a stray byte in UTF-8 text read as cp1252 (Latin-1 where cp1252 has no character)."""
    bad = e.object[e.start:e.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), e.end


codecs.register_error("kg-cp1252", _cp1252_byte)


def _garbled(text: str) -> float:
    """Share of characters that are unprintable (controls, unassigned, private use, replacement)."""
    if not text:
        return 0.0
    sample = text[:200_000]
    bad = sum(1 for ch in sample if ch == "\ufffd" or (unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
                                                       and ch not in _TEXT_CONTROLS))
    return bad / len(sample)


def decode(data: bytes, path: Path) -> str:
    """Bytes to text: UTF-8 (with or without BOM, a truncated last character dropped), UTF-16,
    else the detected encoding; binary or undecodable data raises ArticleError."""
    return decoded(data, path)[0]


def decoded(data: bytes, path: Path) -> tuple[str, str]:
    """The text of `data` (see `decode`) and the name of the encoding it was read in."""
    encoding = "utf-8"
    enc16 = _utf16(data)
    if enc16:
        try:
            text = data.decode(enc16)
        except UnicodeDecodeError:
            text = data[:len(data) - len(data) % 2].decode(enc16, errors="replace")
        text = text.lstrip("\ufeff")
        encoding = "utf-16"
    else:
        what = _binary(data)
        if what:
            raise ArticleError(path, f"binary file ({what}), not text")
        body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as e:
            if e.reason == "unexpected end of data" and e.end == len(body):
                try:       # cut in the middle of a character: drop only the broken last bytes
                    text = body[:e.start].decode("utf-8")
                except UnicodeDecodeError:
                    text, encoding = _decode_other(body, path)
            else:
                text, encoding = _decode_other(body, path)
    share = _garbled(text)
    if share > GARBLED_SHARE:
        raise ArticleError(path, f"undecodable text ({share:.0%} of the characters are not printable)")
    return text, encoding


_WESTERN_SHARE = 0.15     # most letters of Western (and Indonesian) text are ASCII; legacy Cyrillic, Greek ... are not


def _decode_other(data: bytes, path: Path) -> tuple[str, str]:
    """Mostly-UTF-8 text with stray legacy bytes keeps its UTF-8; text whose few non-ASCII letters read
    as Western European letters is Windows-1252 (a superset of Latin-1's letters); otherwise the
    encoding charset-normalizer detects."""
    mixed = data.decode("utf-8", errors="kg-cp1252")
    stray = len(data.decode("utf-8", errors="ignore"))      # characters that were valid UTF-8
    multibyte = stray - len(data.translate(None, bytes(range(0x80, 0x100))))
    if multibyte > 0 and multibyte >= (len(mixed) - stray):
        return mixed, "utf-8 with some Windows-1252 bytes"
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None:
        letters = [ch for ch in western if ch.isalpha()]
        high = [ch for ch in letters if ord(ch) > 0x7f]
        if letters and len(high) <= _WESTERN_SHARE * len(letters) and \
                all(unicodedata.name(ch, "").startswith("LATIN") for ch in high):
            return western, "Windows-1252 (Latin-1)"
    best = from_bytes(data).best()
    if best is None:
        raise ArticleError(path, "undecodable text (no known text encoding fits these bytes)")
    return str(best), best.encoding


# ---------------------------------------------------------------------------------------------
# Is it Indonesian?

_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=1)
def _language() -> dict:
    from kg.lexicon import load
    lex = load("language")
    return {"min_share": float(lex["min_share"]), "min_words": int(lex["min_words"]),
            "name_share": float(lex["name_share"]), "indonesian": frozenset(lex["indonesian"]),
            "others": {k: frozenset(v) for k, v in lex["others"].items()}}


def _script(word: str) -> str:
    try:
        return unicodedata.name(word[0]).split()[0]
    except ValueError:
        return "UNKNOWN"


def _main_script(words: list[str]) -> tuple[str, float]:
    """The script most letters are written in, and its share of the letters."""
    scripts: Counter = Counter()
    for w in words:
        scripts[_script(w)] += len(w)
    script, n = scripts.most_common(1)[0]
    return script, n / sum(scripts.values())


def looks_like(words: list[str]) -> str:
    """What text that is not Indonesian looks like: a script, a language, or neither."""
    lang = _language()
    script, share = _main_script(words)
    if script != "LATIN" and share > 0.5:
        name = {"CJK": "Chinese or Japanese", "HANGUL": "Korean", "HIRAGANA": "Japanese", "KATAKANA": "Japanese"}
        return f"{name.get(script, script.title())} script"
    shares = {k: sum(w in v for w in words) / len(words) for k, v in lang["others"].items()}
    best = max(sorted(shares), key=lambda k: shares[k])
    if shares[best] >= lang["name_share"]:
        return best
    return "an unknown language"


def check_language(text: str) -> str | None:
    """None when `text` reads as Indonesian (or is too short to tell), else the reason it does not."""
    lang = _language()
    words = _WORD.findall(text[:200_000].casefold())
    if not words:
        return None
    letters = sum(map(len, words))
    script, script_share = _main_script(words)
    foreign_script = script != "LATIN" and script_share > 0.5 and letters >= 4 * lang["min_words"]
    if len(words) < lang["min_words"] and not foreign_script:
        return None
    share = sum(w in lang["indonesian"] for w in words) / len(words)
    if share >= lang["min_share"] and not foreign_script:
        return None
    return (f"not Indonesian text (looks like {looks_like(words)}; {share:.0%} of its words are common "
            f"Indonesian function words, {lang['min_share']:.0%} needed)")


def check(article: Article, where: Path | str, line: int | None = None) -> Article:
    """The article if it has text that reads as Indonesian; else ArticleError naming the file (and line)."""
    at = f"line {line}: " if line else ""
    if not article.raw.strip():
        html = article.path is not None and article.path.suffix.lower() in (".html", ".htm") and not line
        raise ArticleError(where, at + ("no article text in this HTML page" if html else "empty file" if not line
                                        else "empty text"))
    why = check_language(article.raw)
    if why:
        raise ArticleError(where, at + why)
    return article


# ---------------------------------------------------------------------------------------------
# Files to articles


def _too_large(size: int) -> str:
    mb = 1024 * 1024
    return f"too large ({size / mb:.0f} MB; the limit is {MAX_BYTES / mb:.0f} MB)"


def read_bytes(path: Path) -> bytes:
    """The bytes of an article file; too large or unreadable files raise ArticleError.
    A .jsonl file holds many articles: its limit is on each record (`jsonl_records`), not the file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES and path.suffix.lower() != ".jsonl":
            raise ArticleError(path, _too_large(size))
        return path.read_bytes()
    except PermissionError:
        raise ArticleError(path, "permission denied") from None
    except IsADirectoryError:
        raise ArticleError(path, "a folder, not a file") from None
    except OSError as e:
        raise ArticleError(path, f"cannot read: {e.strerror or e}") from None


def to_text(data: bytes, path: Path) -> str:
    """Decoded text with newlines normalised."""
    return text_and_encoding(data, path)[0]


def text_and_encoding(data: bytes, path: Path) -> tuple[str, str]:
    """Decoded text with newlines normalised, and the encoding it was read in."""
    text, encoding = decoded(data, path)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def parse(data: bytes, path: Path) -> list[Article]:
    """The articles in the bytes of one file (a .jsonl file may hold many); checked to be Indonesian text."""
    if not data.strip():
        raise ArticleError(path, "empty file")
    text, encoding = text_and_encoding(data, path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        records, errors = jsonl_records(text, path)
        if errors:
            raise errors[0]
        return [check(from_record(rec, path), path, n) for n, rec in records]
    if suffix in (".html", ".htm"):
        from kg.text.html import from_html
        article = from_html(text, path.stem, path)
    else:
        article = Article(id=path.stem, path=path, raw=text)
    article.encoding = encoding
    return [check(article, path)]


def read_file(path: Path) -> list[Article]:
    """The articles in one file (a .jsonl file may hold many)."""
    return parse(read_bytes(path), path)


def jsonl_records(text: str, path: Path) -> tuple[list[tuple[int, dict]], list[ArticleError]]:
    """The (line number, record) pairs of a .jsonl text and an error for each bad line;
    a file with no good line at all is one error."""
    records, errors = [], []
    for n, line in enumerate(text.split("\n"), 1):         # "\n" only: U+2028, U+0085 ... may be in a record
        if not line.strip():
            continue
        if len(line) > MAX_BYTES:
            errors.append(ArticleError(path, f"line {n}: " + _too_large(len(line))))
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(ArticleError(path, f"line {n}: not JSON ({e.msg})"))
            continue
        if not isinstance(rec, dict) or not rec.get("id") or not isinstance(rec.get("text"), str):
            errors.append(ArticleError(path, f"line {n}: needs an object with 'id' and 'text'"))
            continue
        records.append((n, rec))
    if not records:
        return [], errors[:1] or [ArticleError(path, "no articles in this file")]
    return records, errors


def _whole(text: str) -> str:
    """Text with any lone surrogate (a JSON "\\ud800" escape no character follows) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def from_record(rec: dict, path: Path) -> Article:
    """The article of one .jsonl record ({id, text, url?, published?})."""
    url = rec.get("url")
    a = Article(id=_whole(str(rec["id"])), path=path, raw=_whole(rec["text"]), url=_whole(str(url)) if url else None)
    pub = rec.get("published")
    a.published_hint = _whole(str(pub)) if pub else None
    return a
