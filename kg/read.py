"""Read articles from .txt, .html and .jsonl files into `Article`s."""
from __future__ import annotations

import json
from pathlib import Path

from charset_normalizer import from_bytes

from .model import Article

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_BYTES = 50 * 1024 * 1024


class ArticleError(Exception):
    """A file that cannot be read as an article; the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path, self.problem = str(path), problem


def find_files(paths: list[Path]) -> list[Path]:
    """The article files under `paths`, sorted; a missing path or empty folder raises ArticleError."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not f.name.startswith(".") and f.name.lower() != "readme.md")
            if not found:
                raise ArticleError(p, f"no article files ({', '.join(SUFFIXES)}) in this folder")
            files += found
        elif p.is_file():
            files.append(p)
        else:
            raise ArticleError(p, "no such file or folder")
    return files


def decode(data: bytes, path: Path) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else the detected encoding."""
    if b"\x00" in data[:4096]:
        raise ArticleError(path, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ArticleError(path, "cannot detect the text encoding") from None
        return str(best)


def read_file(path: Path) -> list[Article]:
    """The articles in one file (a .jsonl file may hold many)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(path, f"too large ({size // (1024 * 1024)} MB; the limit is 50 MB)")
        data = path.read_bytes()
    except PermissionError:
        raise ArticleError(path, "permission denied") from None
    except OSError as e:
        raise ArticleError(path, f"cannot read: {e.strerror or e}") from None
    text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _read_jsonl(text, path)
    if suffix in (".html", ".htm"):
        from .html import from_html
        article = from_html(text, path.stem, path)
    else:
        article = Article(id=path.stem, path=path, raw=text)
    if not article.raw.strip():
        raise ArticleError(path, "empty file")
    return [article]


def _read_jsonl(text: str, path: Path) -> list[Article]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise ArticleError(path, f"line {n}: not JSON ({e.msg})") from None
        if not isinstance(rec, dict) or not rec.get("id") or not isinstance(rec.get("text"), str):
            raise ArticleError(path, f"line {n}: needs an object with 'id' and 'text'")
        if not rec["text"].strip():
            raise ArticleError(path, f"line {n}: empty text")
        a = Article(id=str(rec["id"]), path=path, raw=rec["text"], url=rec.get("url"))
        a.published_hint = rec.get("published")
        out.append(a)
    if not out:
        raise ArticleError(path, "no articles in this file")
    return out
