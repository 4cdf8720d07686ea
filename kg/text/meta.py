"""Article metadata: outlet, title, authors and publication date, each with how it was found."""
from __future__ import annotations

import functools
import re
from collections import Counter
from urllib.parse import urlparse

from kg.lexicon import alternation, load
from kg.model import Article
from kg.text.dates import parse_datetime_line

_DOMAIN = re.compile(r"\b((?:[a-z0-9][a-z0-9-]*\.)+(?:com|co\.id|id|net|org|tv|news|co|info))\b", re.I)
_DASH = re.compile(r"\s+[—–-]+\s*|\s*[—–]+\s+")
_BYLINE = re.compile(r"^(?P<name>[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3})(?:,\s*[A-Z][a-z]+)?\s*[•|·]\s*(?P<rest>.+)$")
_OUTLET_AFTER = re.compile(r"^(.+?)\s+[-–—]\s+(\S+)$")
_PAREN_NAME = re.compile(r"^\((?P<name>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3})(?:/[a-z]{1,5})*\)$")


@functools.lru_cache(maxsize=1)
def _labelled() -> re.Pattern:
    """A byline label and the names after it; labels that are also words need the colon (lexicon)."""
    lex = load("boilerplate")["byline_labels"]
    free = [w for w in lex["author"] + lex["editor"] if w not in lex["colon_only"]]
    return re.compile(rf"^(?:(?P<label>{alternation(free)})\s*:?|(?P<colon>{alternation(lex['colon_only'])})\s*:)"
                      r"\s+(?P<names>.+)$", re.I)


@functools.lru_cache(maxsize=1)
def _editor_labels() -> frozenset[str]:
    return frozenset(load("boilerplate")["byline_labels"]["editor"])


def _as_name(name: str) -> str:
    """A name as written in a byline; one in capitals ("BUDI SANTOSO") in title case."""
    return name.title() if name.isupper() and len(name) > 3 else name
_NOT_NAMES = {"redaksi", "tim", "admin", "staf", "kontributor", "wartawan", "oleh", "newswire"}
_SIGNOFF = re.compile(r"^[A-Z][a-z'’-]+(?: (?:[A-Z][a-z'’-]+|[A-Z]\.?)){1,3}$")     # "Hasiolan Eko P Gultom"
_SOURCE = re.compile(r"^sumber[\w ]*:\s*(?P<name>.+)$", re.I)


@functools.lru_cache(maxsize=1)
def _outlet_names() -> dict[str, str]:
    """Casefolded outlet name or domain -> outlet label."""
    out = {}
    for e in load("gazetteer")["outlets"]:
        for n in [e["label"], *e.get("aliases", []), e.get("domain") or ""]:
            if n:
                out[n.casefold()] = e["label"]
    return out


def _loose_outlet(text: str) -> str | None:
    """An outlet named in a short header: the whole text, or one of its words ("Tim detikcom", "kumparanNEWS")."""
    for cand in [text, *text.split()]:
        cand = cand.strip(" .:;,()")
        o = _as_outlet(cand) or _as_outlet(re.sub(r"(?:NEWS|News|\.com)$", "", cand))
        if o:
            return o
    return None


def _as_outlet(token: str) -> str | None:
    token = token.strip(" .:;,")
    names = _outlet_names()
    if token.casefold() in names:
        return names[token.casefold()]
    if _DOMAIN.fullmatch(token) and token.casefold() not in load("boilerplate")["not_outlet_domains"]:
        return token
    return None


def find_outlet(article: Article, lines: list[str]) -> None:
    """Outlet from a dateline, a source line, the url, or the site's domain in the page."""
    for line in lines[:12]:
        m = _DASH.search(line[:90])
        if m:
            head = line[:m.start()].split(",")[-1]
            paren = re.search(r"\(([^)]+)\)\s*$", head)      # "Doha (ANTARA) -"
            o = _as_outlet(paren.group(1)) if paren else next(
                (o for part in line[:m.start()].split(",") if (o := _loose_outlet(part))), None)
            if o:
                article.outlet, article.outlet_how = o, "dateline"
                return
    for line in lines[:4]:
        if len(line.split()) <= 4 and (o := _loose_outlet(line)):       # a masthead line: "kumparanNEWS"
            article.outlet, article.outlet_how = o, "masthead"
            return
    for line in lines:
        m = _SOURCE.match(line.strip())
        if m and _as_outlet(m.group("name")):
            article.outlet, article.outlet_how = _as_outlet(m.group("name")), "source line"
            return
    if article.url:
        host = urlparse(article.url).netloc.lower().removeprefix("www.")
        if host:
            article.outlet, article.outlet_how = _as_outlet(host) or host, "url"
            return
    skip = set(load("boilerplate")["not_outlet_domains"])
    counts = Counter(d.lower() for d in _DOMAIN.findall(article.raw) if d.lower() not in skip)
    if counts:
        first = {d: i for i, d in reversed(list(enumerate(d.lower() for d in _DOMAIN.findall(article.raw))))}
        best = min(counts, key=lambda d: (-counts[d], first[d]))
        article.outlet, article.outlet_how = _as_outlet(best) or best, "domain in page"


_DATED_DATELINE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,\s*((?:[A-Z][a-z]+,?\s+)?(?:\d{1,2}/\d{1,2}/\d{4}"
                             r"|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}))\s*(?:\(\w+\)\s*)?[-–—|]\s")


def _is_sentence(line: str) -> bool:
    """A short sentence of the story ("Serangan terjadi pada Senin (3/3/2025)."), whose date is the
    event's, not the page's: it ends with a full stop and has three lower-case words or more."""
    return line.rstrip().endswith(".") and len(re.findall(r"(?<![\w-])[a-z][a-z-]+\b", line)) >= 3


def find_published(article: Article, lines: list[str]) -> str | None:
    """Publication date from a byline or dateline near the top, else a date given with the input."""
    for line in lines[:8]:
        if len(line) < 80 and not _is_sentence(line):
            d = parse_datetime_line(line)
            if d:
                article.published, article.published_how = d, "dateline"
                return line
    if article.published_hint:
        d = parse_datetime_line(str(article.published_hint))
        if d:
            article.published, article.published_how = d, "input metadata"
            return None
    for line in lines[:8]:       # "Jakarta, 18/3/2025 - Angkatan Bersenjata ...": the date of a dateline
        m = _DATED_DATELINE.match(line)
        if m and (d := parse_datetime_line(m.group(1))):
            article.published, article.published_how = d, "dateline"
            break
    return None


@functools.lru_cache(maxsize=1)
def _not_title() -> tuple[str, ...]:
    return tuple(w.casefold() for w in load("boilerplate").get("not_title") or ())


def is_chrome(line: str) -> bool:
    """Page chrome that is never a title: an app banner, a call to read more, a photo credit (lexicon)."""
    low = " ".join(line.casefold().split())
    return any(w in low for w in _not_title()) or low.endswith(("...", "…"))


def find_title(article: Article, lines: list[str]) -> None:
    """The first short line before the body that reads like a headline (not page chrome)."""
    if article.title and not is_chrome(article.title):
        return
    article.title = None
    for line in lines[:6]:
        words = line.split()
        if len(line) > 160 or len(words) < 4 or line.endswith((".", ":", "—", "–", "-")) or is_chrome(line):
            continue
        if line.isupper() and len(words) <= 5 or parse_datetime_line(line) or "•" in line:
            continue
        article.title = line.strip()
        return


@functools.lru_cache(maxsize=1)
def _byline_role() -> re.Pattern:
    return re.compile(r",\s*(?i:" + alternation(load("boilerplate")["byline_roles"]) + r")$")


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Words of a deck line or a caption ("Gencatan Senjata Gagal", "Foto Dokumentasi Istimewa"), no name's:
    function words and the words of the trigger lexicon."""
    lex = load("triggers")
    words = {w for group in ("speech", "events") for ws in lex[group].values() for p in ws for w in p.split()}
    return frozenset(load("stopwords")["words"]) | frozenset(words)


def _signoff(line: str) -> bool:
    """A line that reads as a person's name: capitalised words, none of them a common word."""
    return bool(_SIGNOFF.match(line)) and not set(line.casefold().split()) & _common_words()


def _name_line(line: str) -> str | None:
    """The author's name of a line that holds only a name, or a name and ", Jurnalis"."""
    from kg.text.gazetteer import known_label
    name = _byline_role().sub("", line.strip()).strip()     # ("Rahman Asmardika , Jurnalis")
    if not _signoff(name) or set(name.casefold().split()) & _NOT_NAMES or _as_outlet(name):
        return None
    return None if any(known_label(w) for w in [name, *name.split()]) else name


def find_authors(article: Article, lines: list[str], raw_lines: list[str]) -> list[str]:
    """Authors from bylines, labelled lines and a sign-off; returns the lines that held them."""
    found, used, editors = [], [], []
    for line in raw_lines:
        paren = _PAREN_NAME.match(line.strip())
        if paren:                  # a sign-off in brackets: "(Dimas Prasetyo)", "(Hendra Wijaya/rtr)"
            found.append(paren.group("name"))
            used.append(line)
            continue
        for part in re.split(r"\s*[/|]\s+|\s+[/|]\s*", line.strip().removeprefix("(").removesuffix(")")):
            m = _labelled().match(part)       # "Rep: X / Red: Y", "Oleh X | Sabtu, ...", "(Penulis: X)"
            label = (m.group("label") or m.group("colon")).casefold() if m else ""
            if not m or (label == "oleh" and ":" not in part and len(part.split()) > 4):
                continue
            for name in re.split(r"\s*(?:,|&| dan )\s*", m.group("names")):
                name = _as_name(name.strip())
                if (_SIGNOFF.match(name) or re.fullmatch(r"[A-Z][a-z]+", name)) and \
                        not set(name.casefold().split()) & _NOT_NAMES:
                    (editors if label in _editor_labels() else found).append(name)
    for i, line in enumerate(lines[:8]):
        m = _BYLINE.match(line)
        if m and parse_datetime_line(m.group("rest")) and not set(m.group("name").casefold().split()) & _NOT_NAMES \
                and not _loose_outlet(m.group("name")):      # ("Kabar.id • 12 November 2026 15:41": the outlet)
            found.append(m.group("name"))
            used.append(line)
        elif (o := _OUTLET_AFTER.match(line)) and _as_outlet(o.group(2)) and _name_line(o.group(1)):
            found.append(o.group(1))     # "Rina Siregar - detikNews"
            used.append(line)
        elif line != article.title and (name := _name_line(line)) \
                and (i + 1 < len(lines) and parse_datetime_line(lines[i + 1]) or i and parse_datetime_line(lines[i - 1])):
            found.append(name)      # "Rahmat Hidayat" or "Rifki Pratama, Jurnalis" over the date line, or under it
            used.append(line)
    body_end = lines[-4:] if len(lines) > 4 else []
    for line in body_end:
        if _signoff(line) and not _as_outlet(line):
            from kg.text.gazetteer import known_label
            if not known_label(line):
                found.append(line)
                used.append(line)
    article.authors = list(dict.fromkeys(found))
    article.authors_how = "byline" if article.authors else None
    article.editors = [e for e in dict.fromkeys(editors) if e not in article.authors]
    return used


_DATELINE = re.compile(r"^(?:[A-Z][\w.]*(?:-[\w.]+)*(?:[ ,/]+[\w.-]+){0,4}(?:\s*\([^)]{1,30}\))?(?:\s+[—–-]+\s*|[—–-]+\s+|[—–]+(?=[A-Z]))|[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?\s*:\s+)(?=\S)")


def strip_dateline(article: Article) -> None:
    """Leave the dateline ("WASHINGTON, DC, outlet.com –", "Jakarta:") out of the first body line."""
    for i, (a, b) in enumerate(article.keep[:8]):
        line = article.raw[a:b]
        if len(line) < 60 and re.match(r"^[A-Z][\w .,()-]*\s[—–-]+$", line.strip()):
            del article.keep[i]          # a dateline on a line of its own ("Jakarta, CNN Indonesia —")
            return
        if len(line) < 100:
            continue
        m = _DATELINE.match(line)
        if m and len(m.group(0).split()) <= 6:
            article.keep[i] = (a + m.end(), b)
        return


def read_meta(article: Article) -> Article:
    """Fill outlet, title, authors and published; drop byline and sign-off lines from the content."""
    lines = [article.raw[a:b] for a, b in article.keep]
    raw_lines = article.raw.split("\n")
    given_authors = list(article.authors)
    if not article.outlet:
        find_outlet(article, lines)
    date_line = find_published(article, lines)
    find_title(article, lines)
    used = set(find_authors(article, lines, raw_lines))
    if date_line and len(re.findall(r"[A-Za-z]{4,}", date_line)) <= 3:
        used.add(date_line)      # a line that is only the date and time
    if given_authors:
        article.authors, article.authors_how = given_authors, "page metadata"
    article.keep = [(a, b) for a, b in article.keep if article.raw[a:b] not in used]
    strip_dateline(article)
    return article
