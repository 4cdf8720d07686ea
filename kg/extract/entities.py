"""Entities and roles: gazetteer names, ministries of a country, persons found by their titles.

Adds `Article.mentions`, `Article.entities` and `Article.roles`.
"""
from __future__ import annotations

import difflib
import functools
import re

from kg.lexicon import alternation, load, trie
from kg.model import Article, Entity, Mention, Role, slug
from kg.text.gazetteer import Entry, find_names, gazetteer, known_label

# Letters of Latin names, accented ones included ("Radić", "Çavuşoğlu").
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper() and c.isalpha())
_LOW = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.islower() and c.isalpha())
_NAME_TOKEN = rf"(?:[{_UP}][{_LOW}'’]+(?:[{_UP}][{_LOW}]+)?|(?:al|el|ad|as|ar|an)-[{_UP}][{_LOW}'’]+)(?:-[{_UP}{_LOW}'’]+)*"
# A body named in full, then its acronym: capitalised words, with "di", "dan", "untuk", "bagi" between them.
_BRACKETED_ACRONYM = re.compile(r"\([A-Z]{2,8}\)")
_ACRONYMED = re.compile(rf"(?<![\w-])({_NAME_TOKEN}(?: (?:(?:di|dan|untuk|bagi|urusan|of|for|and|the|in) )?(?:{_NAME_TOKEN}|[A-Z]{{2,8}}))+) \(([A-Z]{{2,8}})\)")
_SAY_AFTER = re.compile(rf"\b(?:kata|ujar|tutur|ucap|ungkap|tegas|jelas|imbuh|tambah|sebut)\s+({_NAME_TOKEN}(?: {_NAME_TOKEN}){{0,3}})")


@functools.lru_cache(maxsize=1 << 16)
def _close(x: str, y: str) -> bool:
    """Two words spelt alike (Hartono / Hartanto): difflib's ratio at least 0.8, tried only when
    their lengths allow it."""
    return x == y or (2 * min(len(x), len(y)) >= 0.8 * (len(x) + len(y))
                      and difflib.SequenceMatcher(None, x, y).ratio() >= 0.8)


def name_variants(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    """Spelling variants of one name (casefolded words): as many words, each pair close."""
    return len(ta) == len(tb) and ta != tb and all(_close(x, y) for x, y in zip(ta, tb))


@functools.lru_cache(maxsize=1)
def _gazetteer_persons() -> dict[str, list[tuple[tuple[str, ...], Entry]]]:
    """The gazetteer's persons by the first letters of the words of each of their names."""
    out: dict[str, list] = {}
    for name, entries in gazetteer()[0].items():
        for e in entries:
            if e.type == "Person" and " " in name:
                out.setdefault("".join(w[0] for w in name.split()), []).append((tuple(name.split()), e))
    return out


@functools.lru_cache(maxsize=1 << 12)
def _misspelt_person(name: str) -> Entry | None:
    """The one known person whose name `name` misspells word by word ("Ana Florez" for "Ana Flores"), if only one fits;
    a misspelling keeps the first letter of each word."""
    words = tuple(name.casefold().split())
    hits = {e.key: e for ws, e in _gazetteer_persons().get("".join(w[0] for w in words), []) if name_variants(words, ws)}
    return next(iter(hits.values())) if len(hits) == 1 else None


def _entry_for(surface: str) -> Entry | None:
    """The gazetteer entry for a matched surface; short or all-caps names must match in case."""
    for e in gazetteer()[0].get(surface.casefold(), []):
        if surface.islower() and not e.alias.islower():
            continue             # names are capitalised: "antara" is a word, "Antara" an agency
        strict = e.alias.isupper() or len(e.alias) <= 3
        if not strict or surface == e.alias:
            return e
        if len(e.alias) >= 4 and e.alias.isupper() and surface == e.alias.title() and surface.casefold() not in stopwords():
            return e             # "Nato", "Asean", "Unicef": an acronym written in title case
    return None


@functools.lru_cache(maxsize=1)
def _roles():
    lex = load("roles")
    # (tries of the casefolded words: the matches of alternations of them, longest first, found faster)
    title_re = re.compile(r"(?<![\w-])(" + trie({t.casefold() for t in lex["titles"]}, r"\ ") + r")(nya)?(?![\w-])", re.I)
    body_re = re.compile(r"(?<![\w-])(" + trie({b.casefold() for b in lex["bodies"]}, r"\ ") + r")\s+$", re.I)
    canon = {}
    for b, gloss in lex["bodies"].items():
        canon.setdefault(gloss, b)
    return title_re, body_re, {b: canon[g] for b, g in lex["bodies"].items()}


def _strings(node) -> set[str]:
    """Every string in a nested lexicon structure, casefolded."""
    if isinstance(node, str):
        return {node.casefold()}
    if isinstance(node, dict):
        return set().union(*map(_strings, node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*map(_strings, node)) if node else set()
    return set()


@functools.lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Month and day names and other calendar words."""
    return frozenset(_strings(load("calendar")))


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words that are not names even when capitalised: function words and calendar words."""
    return frozenset(_strings(load("stopwords")["words"])) | calendar_words()


@functools.lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern:
    """Up to five capitalised words, with name particles between them ("Mohammed bin Abdulrahman Al Thani")."""
    particles = alternation(load("roles")["name_particles"])
    return re.compile(rf"{_NAME_TOKEN}(?: (?:(?:{particles}) )?{_NAME_TOKEN}){{0,4}}")


@functools.lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(load("roles")["org_heads"])


@functools.lru_cache(maxsize=1)
def _named_after_heads() -> frozenset[str]:
    return frozenset(load("roles")["named_after_heads"])


@functools.lru_cache(maxsize=1)
def _org_words() -> frozenset[str]:
    """Words that make a capitalised run a body, not a person: the first and last words of bodies' names."""
    return _org_heads() | frozenset(load("roles")["org_tails"])


@functools.lru_cache(maxsize=1)
def _capital_before_verb() -> re.Pattern:
    names = alternation(load("gazetteer")["capitals_before_a_verb"])
    return re.compile(rf"(?<![\w-])({names})(?=\s+(?:(?:justru|pun|juga|telah|sudah|balik|kembali|segera)\s+)*"
                      rf"(?:me|ber|di)[a-z]{{3,}}\b)")


@functools.lru_cache(maxsize=1)
def _led_by() -> re.Pattern:
    return re.compile(r" (?:" + alternation(load("roles")["led_by_words"]) + r") (?=[" + _UP + "])")


@functools.lru_cache(maxsize=1)
def _admin() -> re.Pattern:
    return re.compile(r"(?:" + alternation(load("roles")["admin_prefixes"]) + r")\s+", re.I)


@functools.lru_cache(maxsize=1)
def _role_verb() -> re.Pattern:
    """NAME, yang VERB: a person and the verb that gives the role ("yang mengepalai", "yang memimpin")."""
    verbs = alternation(load("roles")["role_verbs"])
    return re.compile(rf"({_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,3}}),\s+yang\s+(?:kini\s+|saat\s+ini\s+)?((?i:{verbs}))\s+")


@functools.lru_cache(maxsize=1)
def _role_prefix() -> re.Pattern:
    """Words before a title that are part of the role: "Wakil Duta Besar", "mantan menteri"."""
    words = alternation(load("roles")["role_prefixes"])
    return re.compile(rf"(?<![\w-])((?i:{words}))\s+$")


@functools.lru_cache(maxsize=1)
def _outlet_re() -> re.Pattern:
    """A word for an outlet and the capitalised name after it: "harian Le Soir", "Radio Free Europe"."""
    words = alternation(load("roles")["outlet_nouns"])
    return re.compile(rf"(?<![\w-])((?i:{words}))\s+({_NAME_TOKEN}(?: {_NAME_TOKEN}){{0,3}})")


@functools.lru_cache(maxsize=None)
def _first_words(section: str) -> tuple[str, ...]:
    """The first word of each phrase of a list of roles.yaml, casefolded."""
    return tuple({w.split()[0].casefold(): None for w in load("roles")[section]})


def _may_hold(text: str, section: str) -> bool:
    """Whether a phrase of the list `section` may stand in `text`, case aside: a quick test before
    a regex of the list is run (one ignoring case also takes "ı" for "i")."""
    low = text.casefold()
    return "ı" in low or any(w in low for w in _first_words(section))


@functools.lru_cache(maxsize=1)
def _locality() -> re.Pattern:
    """A word for a locality, then a capitalised name: "kota Humera", "Provinsi Syunik"."""
    words = alternation(load("roles")["admin_prefixes"])
    kinds = alternation(load("roles")["locality_kinds"])      # "kota perbatasan Adré", "kota pelabuhan Hodeidah"
    return re.compile(rf"(?<![\w-])(?i:{words})\s+(?:(?i:{kinds})\s+)?({_NAME_TOKEN}(?: {_NAME_TOKEN})?)")


@functools.lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    return frozenset(load("stopwords")["function_words"])


@functools.lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word of every title ("menteri", "presiden", ...)."""
    return frozenset(w for t in load("roles")["titles"] for w in t.split())


@functools.lru_cache(maxsize=1)
def _rank_re() -> re.Pattern:
    """Titles standing right before a name, to be stepped over: "Kolonel Senior Zhu Hanlin", "Wakil Inspektur
    Jenderal Peter Ochieng"."""
    lex = load("roles")
    return re.compile(r"(?:(?:(?:(?i:" + alternation(lex["role_prefixes"]) + r") )?(?i:" + alternation(lex["titles"])
                      + r") (?:(?:" + alternation(lex["retired_marks"]) + r") )?)+|(?:" + alternation(lex["honorifics"])
                      + r") )(?=[" + _UP + "])")


def _skip_ranks(text: str, pos: int) -> int:
    """`pos` moved past titles that stand before a name ("Mayor Jenderal Kyaw Zin Htet")."""
    m = _rank_re().match(text, pos)
    return m.end() if m else pos


def _skip_opener(text: str, pos: int) -> int:
    """`pos` past a word that opens the clause ("Menurut Ana Reyes, peneliti ...": the name starts at "Ana")."""
    word = text[pos:].split(" ", 1)[0]
    return pos + len(word) + 1 if word.casefold() in _openers() and " " in text[pos:] else pos


@functools.lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return frozenset(load("stopwords")["clause_openers"])


@functools.lru_cache(maxsize=1)
def _place_titles() -> frozenset[str]:
    return frozenset(load("roles")["place_titles"])


@functools.lru_cache(maxsize=1)
def _body_heads() -> frozenset[str]:
    """First words of the names of bodies: state bodies, civil bodies, missions."""
    roles = load("roles")
    return frozenset(roles["org_heads"]) | frozenset(roles["civil_heads"]) | frozenset(roles["acronymed_heads"])


@functools.lru_cache(maxsize=1)
def _civil_body() -> re.Pattern:
    """The words of a non-state body's name right before a country: "Jaringan Dokter " of "Jaringan Dokter Sudan"."""
    heads = alternation([h.capitalize() for h in load("roles")["civil_heads"]])
    return re.compile(rf"(?<![\w-])(?:{heads})(?: {_NAME_TOKEN}){{0,3}} $")


@functools.lru_cache(maxsize=1)
def _governing_words() -> frozenset[str]:
    """Words that make an office one of a place: an area's name ("wilayah") or a governing word ("administrasi")."""
    roles = load("roles")
    return frozenset(roles["admin_prefixes"]) | frozenset(roles["governing_words"])


@functools.lru_cache(maxsize=1)
def _portfolio() -> re.Pattern:
    """The portfolio of an office: "Urusan Politik, Perdamaian dan Keamanan", "Urusan Timur Tengah"."""
    heads = alternation(load("roles")["portfolio_heads"])
    return re.compile(rf"(?i:{heads})(?: {_NAME_TOKEN}|,? dan {_NAME_TOKEN}|, {_NAME_TOKEN})+")


@functools.lru_cache(maxsize=1)
def _lower_portfolio() -> re.Pattern:
    """A portfolio in lower case before a comma: "untuk urusan luar negeri, X"."""
    return re.compile(r"(?:" + alternation(load("roles")["portfolio_heads"]) + r") (?:[a-z]+ ){0,3}[a-z]+(?=,)")


@functools.lru_cache(maxsize=1)
def _counterpart() -> re.Pattern:
    """", dan mitranya dari X, NAME": a second person of the same office for another party."""
    words = alternation(load("roles")["counterpart_words"])
    return re.compile(rf",?\s+dan\s+(?:{words})nya\s+dari\s+")


def _clean_name(name: str) -> str:
    """Cut a capitalised run at the first word that is not a name."""
    out: list[str] = []
    toks = name.split()
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        word_like = tok.casefold() in stopwords() and not (
            not out and nxt and nxt.casefold() not in stopwords() and not known_label(nxt)
            and tok.casefold() not in title_words())   # "Oleh Synehubov": a name, not "oleh"
        if word_like or _entry_for(tok):
            break               # "Ri Chol-ung": "Ri" is a name, "RI" the republic
        out.append(tok)
    return " ".join(out)


_APPOSED = re.compile(rf"{_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,3}},\s*(?:(?:salah\s+)?seorang\s+|salah\s+satu\s+)?$")
_RELATIVE = re.compile(r"yang\s+(?:[a-z]+\s+){0,5}[a-z]+,\s")
_PLURAL = re.compile(r"(?<![\w-])(?i:para)\s+$")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}(?=,)")
_AT_PLACE = re.compile(rf"(?<![\w-])di\s+(?:sekitar\s+|dekat\s+)?({_NAME_TOKEN}(?: {_NAME_TOKEN})?),\s+(?:(?:wilayah|provinsi|kawasan|negara bagian)\s+)?")
_APPOSED_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}(?=,| di | dari )")
_BRACKETED = re.compile(r"\([A-Z][A-Za-z]{1,7}\)(?=[ ,])")
_ORG_TOKEN = rf"(?:{_NAME_TOKEN}|[A-Z]{{2,6}})"
_ORG_RUN = re.compile(rf"{_ORG_TOKEN}(?: (?:(?:of|for|and|the|on|de|del|dan|untuk) )?{_ORG_TOKEN}| \([A-Z]{{2,8}}\))*")
_ORG_RUN_ON = re.compile(rf"{_ORG_RUN.pattern}(?: (?:terhadap|bagi|atas) {_ORG_RUN.pattern})+(?=,)")
# "Peneliti konflik Afrika dari Universitas X": the region a researcher studies, before the body
# the words of an office between a title and ", [RANK] NAME,": "Bagian Operasional Polres X", "Komite Intelijen parlemen X"
_OFFICE_BEFORE_NAME = re.compile(rf"((?:{_ORG_TOKEN}|\([A-Z]{{2,8}}\))(?: (?:{_ORG_TOKEN}|\([A-Z]{{2,8}}\)|[a-z]+)){{1,7}})(?=, )")
_FIELD_FROM = re.compile(rf" ((?:{_ORG_TOKEN} ){{1,3}})(?:dari|di) (?=[{_UP}])")
_VERB = re.compile(r"(?:ber|me[mn]|meng|meny|di)[a-z]{3,}")


def _is_verb(word: str) -> bool:
    """A word with a verb's prefix ("bertemu", "mengatakan", "dituduh"), unless it is a word of a title."""
    return bool(_VERB.fullmatch(word)) and word not in title_words()


def _headline(text: str) -> bool:
    """A line in title case with no full stop ("Baku Panggil Dubes Prancis Usai Insiden"), where capitals
    mark no names."""
    words = text.split()
    return len(words) >= 5 and not text.rstrip().endswith((".", "!", "?", '"', "”")) \
        and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


@functools.lru_cache(maxsize=1)
def _kin_apposed() -> re.Pattern:
    """"adik pemimpin Peru Luis Arce, Sofia Mendez,": a relative's name, then the person's between commas."""
    roles = load("roles")
    return re.compile(rf"(?i:(?<![\w-])(?:{'|'.join(map(re.escape, roles['kin_words']))})(?!\s+(?:{'|'.join(roles['kin_not'])})\b))"
                      rf"(?:\s+\S+){{0,5}}?\s+"
                      rf"({_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,3}}),\s+({_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,3}})\s*,")


def _name_after_comma(text: str, pos: int) -> tuple[int, str] | None:
    """", [RANK] NAME" at `pos` with a name of two words or more that ends its phrase: its start and name."""
    m = re.compile(r",\s+").match(text, pos)
    if not m:
        return None
    start = _skip_ranks(text, m.end())
    nm = _name_pattern().match(text, start)
    if not nm or " " not in nm.group(0) or _clean_name(nm.group(0)) != nm.group(0):
        return None
    if not re.match(r"\s*(?:,|\.|$|[a-z])", text[nm.end():nm.end() + 2]):
        return None
    return start, nm.group(0)


def _body_start(tokens: list[str]) -> int | None:
    """Where a body's name starts in the words of an office: 0 when they open with a body's head word, the index of
    a capitalised head word inside them ("Dosen Hubungan Internasional Universitas X": 3), else None."""
    if tokens[0].casefold() in _body_heads():
        return 0
    return next((i for i, w in enumerate(tokens[:-1]) if i and w[:1].isupper() and w.casefold() in _body_heads()), None)


def _word_char(ch: str) -> bool:
    """A letter, digit, "_" or "-": what a whole word may not touch (a regex's [\\w-])."""
    return ch.isalnum() or ch in "_-"


def whole_words(text: str, words) -> list[tuple[int, int, str]]:
    """(start, end, word) of each of `words` standing whole in `text`, leftmost first, the longest at
    each place, none overlapping: what a regex alternation of the words, longest first, between
    (?<![\\w-]) and (?![\\w-]) finds, without compiling one for each article's names."""
    hits = []
    for w in words:
        i = text.find(w)
        while i != -1:
            j = i + len(w)
            if not (i and _word_char(text[i - 1]) or j < len(text) and _word_char(text[j])):
                hits.append((i, -j, w))
            i = text.find(w, i + 1)
    out, end = [], 0
    for i, j, w in sorted(hits):
        if i >= end:
            out.append((i, -j, w))
            end = -j
    return out


class _Annotator:
    """Collects mentions, entities and roles for one article."""

    def __init__(self, article: Article):
        self.a = article
        self.mentions: list[Mention] = []
        self.roles: list[Role] = []

    def entity(self, key, label, etype, alias, wikidata=None, source="") -> Entity:
        ents = self.a.entities
        if key not in ents:
            ents[key] = Entity(key, label, etype, set(), wikidata, source)
        if alias and alias != ents[key].label:
            ents[key].aliases.add(alias)
        return ents[key]

    def mention(self, s, e, text, sent, key, inside=None):
        m = Mention(s, e, text, sent, key, inside)
        self.mentions.append(m)
        return m

    def sentence(self, sent) -> None:
        text, off = sent.text, sent.start

        title_re, body_re, body_canon = _roles()
        local: list[Mention] = []
        outlets = self._outlets(sent, local)
        title_matches = list(title_re.finditer(text))
        titles = [(t.start(), t.end()) for t in title_matches]
        for start, end, surface in find_names(text):
            e = _entry_for(surface)
            if not e or any(a <= start < b for a, b in outlets):
                continue         # "Radio Free Europe": "Europe" is a word of the outlet's name, not a place
            lead = max(0, start - 40)
            b = body_re.search(text, lead, start) if e.type in ("Country", "Place") else None
            if b and titles and any(a <= b.start() < z for a, z in titles):
                b = None         # "Anggota parlemen Republik Ceko": "parlemen" belongs to the title
            if b:
                body = body_canon[b.group(1).casefold()]
                label = f"{body.title()} {e.label}"
                ent = self.entity(slug(label), label, "Organization", text[b.start():end],
                                  source="rule: body + country")
                ent.country = e.key if e.type == "Country" else None    # "Kementerian Kesehatan Gaza": no country
                self.entity(e.key, e.label, e.type, surface, e.wikidata, "gazetteer")
                local.append(self.mention(off + b.start(), off + end, text[b.start():end], sent.index, ent.key))
                continue
            civil = _civil_body().search(text, lead, start) if e.type in ("Country", "Place") else None
            if civil and not any(a <= civil.start() < z for a, z in titles) and not _entry_for(civil.group(0).strip()):
                label = text[civil.start():end]      # "Jaringan Dokter Sudan": a body of the country, not the country
                ent = self.entity(slug(label), label, "Organization", label, source="rule: civil body + country")
                ent.country = e.key if e.type == "Country" else None
                self.entity(e.key, e.label, e.type, surface, e.wikidata, "gazetteer")
                local.append(self.mention(off + civil.start(), off + end, label, sent.index, ent.key))
                continue
            self.entity(e.key, e.label, e.type, surface, e.wikidata, "gazetteer")
            local.append(self.mention(off + start, off + end, surface, sent.index, e.key))
        self._capitals(sent, local)
        self._localities(sent, local)
        self._acronymed(sent, local)
        by_start = {m.start - off: m for m in local}
        for t in title_matches:
            self._titled(sent, t, by_start)
        for m in _role_verb().finditer(text) if "yang" in text else ():     # "NAME, yang VERB"
            self._role_by_verb(sent, m, by_start)
        for m in _led_by().finditer(text):
            self._led_by(sent, m, by_start)
        for m in _kin_apposed().finditer(text) if text.count(",") >= 2 else ():      # "adik pemimpin X Luis Arce, Sofia Mendez, menepis ...": a person
            name = _clean_name(m.group(2))
            if name == m.group(2) and " " in name and not any(x.start - off == m.start(2) for x in local):
                self._person(sent, m.start(2), name, "rule: relative + name")
        for m in _SAY_AFTER.finditer(text):
            name = _clean_name(m.group(1))
            if _skip_ranks(text, m.start(1)) > m.start(1):
                continue         # "kata Wali Kota Abeche Idriss Mahamat": a title, read with the name after it
            if name and len(name.split()) >= 2 and not any(x.start - off == m.start(1) for x in local):
                self._person(sent, m.start(1), name, "rule: speaker after verb of saying")

    def _outlets(self, sent, local: list[Mention]) -> list[tuple[int, int]]:
        """Outlets the gazetteer does not know, named after a word for an outlet ("harian Le Soir") or
        starting with one ("Radio Free Europe"); returns their spans."""
        text, off = sent.text, sent.start
        spans = []
        for m in _outlet_re().finditer(text) if _may_hold(text, "outlet_nouns") else ():
            name = m.group(2) if m.group(1)[0].isupper() else _clean_name(m.group(2))
            if not name or _entry_for(name):
                continue         # "harian Kompas", "televisi Peru", "koran Jepang Asahi": the gazetteer's names
            label = name if m.group(1)[0].islower() else text[m.start(1):m.end(2)]
            if _entry_for(label):
                continue
            begin = m.start(2) if m.group(1)[0].islower() else m.start(1)
            ent = self.entity(slug(label), label, "Outlet", label, source="rule: word for an outlet + name")
            local.append(self.mention(off + begin, off + begin + len(label), label, sent.index, ent.key))
            spans.append((begin, begin + len(label)))
        return spans

    def _capitals(self, sent, local: list[Mention]) -> None:
        """"Baku menuduh ...": a capital that is also a word stands for its country before a verb."""
        capitals = load("gazetteer")["capitals_before_a_verb"]
        if not any(c.split()[0] in sent.text for c in capitals):
            return               # (a quick test before the regex)
        taken = [(m.start - sent.start, m.end - sent.start) for m in local]
        for m in _capital_before_verb().finditer(sent.text):
            country = _entry_for(capitals[m.group(1)])
            if country is None or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            self.entity(country.key, country.label, country.type, m.group(1), country.wikidata, "gazetteer")
            local.append(self.mention(sent.start + m.start(), sent.start + m.end(), m.group(1), sent.index, country.key))

    def _localities(self, sent, local: list[Mention]) -> None:
        """A name after a word for a locality ("kota Humera", "Provinsi Syunik") is a place, when the
        gazetteer does not know it."""
        text, off = sent.text, sent.start
        taken = [(m.start - off, m.end - off) for m in local]
        for m in _locality().finditer(text) if _may_hold(text, "admin_prefixes") else ():
            name = _clean_name(m.group(1))
            if " " in name and re.match(rf" {_NAME_TOKEN}", text[m.start(1) + len(name):]):
                name = name.split()[0]       # "wilayah Saratov Roman Busargin": the place, then a person's name
            if not name or any(a < m.start(1) + len(name) and m.start(1) < b for a, b in taken):
                continue
            ent = self.entity(slug(name), name, "Place", text[m.start():m.start(1) + len(name)], source="rule: locality + name")
            local.append(self.mention(off + m.start(1), off + m.start(1) + len(name), name, sent.index, ent.key))
            taken.append((m.start(1), m.start(1) + len(name)))
        # "di Boulkessi, Mali tengah", "di sekitar Tibu, Catatumbo": an unknown name set beside a known place
        known = {m.start - off for m in local if self.a.entities[m.key].type in ("Country", "Place")}
        for m in _AT_PLACE.finditer(text):
            name = _clean_name(m.group(1))
            if name != m.group(1) or m.end() not in known or any(a < m.end(1) and m.start(1) < b for a, b in taken):
                continue
            ent = self.entity(slug(name), name, "Place", name, source="rule: name beside a place")
            local.append(self.mention(off + m.start(1), off + m.end(1), name, sent.index, ent.key))

    def _person(self, sent, start, name, source) -> Entity:
        key = slug(name)
        gz = _entry_for(name)
        if gz is None and " " in name and key not in self.a.entities:
            gz = _misspelt_person(name)      # a known person misspelt, when no other fits
        if gz and gz.type == "Person":
            ent = self.entity(gz.key, gz.label, "Person", name, gz.wikidata, "gazetteer")
        else:
            ent = self.entity(key, name, "Person", name, source=source)
        if not any(m.start == sent.start + start and m.key == ent.key for m in self.mentions):
            self.mention(sent.start + start, sent.start + start + len(name), name, sent.index, ent.key)
        return ent

    def _titled(self, sent, t, by_start) -> None:
        """TITLE [ORG [di PLACE]] [,] NAME: a person with a role; TITLE-nya [,] NAME: the office of the
        one named before."""
        text = sent.text
        pos, org, inner = t.end(), None, []
        role = t.group(1).casefold()
        base = role
        pre = _role_prefix().search(text, 0, t.start())
        if pre:
            role = pre.group(1).casefold() + " " + role     # "Wakil Duta Besar", "ajudan presiden"
        if t.group(2):      # "Guterres, melalui juru bicaranya, Budi": the office of the one named before
            org = self._owner_before(sent, t.start())    # (when none is found, the person still holds the office)
        if _PLURAL.search(text, 0, t.start()):
            return           # "para pemimpin kelompok pemberontak Tuareg": leaders, not one named person
        head = text[:t.start()].rstrip().rsplit(" ", 1)[-1]
        if t.start() and t.group(0)[:1].isupper() and head[:1].isupper() and head.casefold() in _named_after_heads():
            return           # "Universitas Jenderal X": a body named after a person, not the person
        apposed = bool(_APPOSED.search(text, 0, t.start()))
        desc = re.compile(r"(?:[a-z]+ ){0,3}[a-z]+(?:, | )(?=[A-Z])").match(text, pos + 1) if text[pos:pos + 1] == " " else None
        words = re.sub(r" (?:dari|di)$", "", desc.group(0).strip(" ,")) if desc else ""
        if desc and not set(words.split()) & function_words() and not any(map(_is_verb, words.split())):
            role += " " + words      # "pengamat hubungan internasional", "pejabat senior", "analis ... dari"
            pos = desc.end() - (2 if desc.group(0).endswith(", ") else 1)
            head = re.sub(r" (?:tersebut|itu)$", "", words).split()[-1]
            if head in _org_heads():     # "Juru bicara kementerian, X", "Juru bicara komando tersebut, X": the body named before
                org = self._named_before(sent, t.start(), head)
                role = role[:role.rindex(head)].strip() if org else role
        else:
            desc = None
        fld = _FIELD_FROM.match(text, pos)
        known = by_start.get(fld.start(1)) if fld else None
        kind = self.a.entities[known.key].type if known else None
        body = _ORG_RUN.match(text, fld.end()) if fld else None      # "... dari Universitas X": a body follows
        body = body is not None and body.group(0).split()[0].casefold() in _org_heads()
        # (an unknown field is one word: "Peneliti konflik Afrika dari ..."; two unknown words are a name,
        # "Analis keamanan Ayesha Rahman dari Universitas X")
        unknown_field = desc and kind is None and " " not in fld.group(1).strip() if fld else False
        if fld and (body and kind is not None or kind == "Place" or unknown_field or body and " " not in fld.group(1).strip()) \
                and not set(fld.group(1).casefold().split()) & _org_words():
            role += " " + fld.group(1).strip().casefold()     # "Analis Timur Tengah dari UIN X, Y": the field
            pos = fld.end() - 1
            field = known
        else:
            field = None
        while True:
            while pos < len(text) and text[pos] == " ":
                pos += 1
            m = by_start.get(pos)
            if m and self.a.entities[m.key].type != "Person":
                after = by_start.get(m.end - sent.start + 1)
                if self.a.entities[m.key].type == "Place" and after and self.a.entities[after.key].type != "Person":
                    role += " " + m.text.casefold()     # "Menteri Negara Urusan Timur Tengah Inggris": the region is the portfolio
                else:
                    org = org or m.key
                inner.append(m)
                pos = m.end - sent.start
                continue
            if inner and (text.startswith("di ", pos) or text.startswith("untuk ", pos)) or \
                    text.startswith("untuk ", pos) and by_start.get(pos + len("untuk ")):     # "Perwakilan Tinggi untuk X, Y"
                pos += text.index(" ", pos) + 1 - pos
                continue
            ac = _BRACKETED.match(text, pos) if inner else None
            if ac:
                pos = ac.end()      # "Angkatan Bersenjata Peru (FAP), X": the body's acronym
                continue
            lp = _lower_portfolio().match(text, pos) if inner else None
            if lp:
                role += " " + lp.group(0).casefold()     # "Juru bicara Uni Afrika untuk urusan luar negeri, X"
                pos = lp.end()
                continue
            adm = _admin().match(text, pos)
            if adm and (by_start.get(adm.end()) or base in _place_titles() and not inner):     # "Gubernur wilayah X Y"
                pos = adm.end()
                continue
            pf = _portfolio().match(text, pos)
            if pf:
                end = self._portfolio_end(sent, pf, by_start, org)
                if end:
                    role += " " + " ".join(text[pos:end].replace(",", " ").split()).casefold()
                    pos = end
                    continue
            # words of an office before its country: "Menteri Keuangan AS", "Kepala Administrasi Militer Kota Lima",
            # "Komisioner HAM Chili"
            ext = None if inner or text[pos:].split(" ", 1)[0].casefold() in _org_heads() else next(
                (e for n in range(1, 5) if (e := re.compile(rf"(?:(?:{_NAME_TOKEN}|[A-Z]{{2,6}}) ){{{n}}}").match(text, pos))
                 and by_start.get(e.end()) and self.a.entities[by_start[e.end()].key].type != "Person"), None)
            if ext:
                role += " " + ext.group(0).strip().casefold()
                pos = ext.end()
                continue
            break
        if org is None:
            via = re.match(r"(?:dari|di)\s+", text[pos:]) if not inner else None     # "Anggota parlemen dari Partai Hijau, X"
            end, org = self._named_org(sent, pos + (via.end() if via else 0), by_start, inner, whole=apposed)
            if not org:
                end, org = self._acronym_org(sent, pos, inner, apposed)     # "Juru bicara UNIFIL, Lorenzo Vitale"
            pos = end if org else pos
            while pos < len(text) and text[pos] == " ":
                pos += 1
        rel = _RELATIVE.match(text, pos) if org else None
        if rel and _name_after_comma(text, rel.end() - 2):
            pos = rel.end() - 2      # "Perdana Menteri Niger yang ditunjuk junta militer, Moussa Abdou Zakari"
        if text.startswith(",", pos):
            pos += 1
            while pos < len(text) and text[pos] == " ":
                pos += 1
        elif org and text.startswith("bernama ", pos):
            pos += len("bernama ")       # "komandan Hizbullah bernama X"
        pos = _skip_ranks(text, pos)     # "Juru bicara junta, Mayor Jenderal Kyaw Zin Htet": the rank is no part of the name
        m = by_start.get(pos)
        if m and self.a.entities[m.key].type == "Person":
            ent, name = self.a.entities[m.key], m.text
        else:
            nm = _name_pattern().match(text, pos)
            stacked = _roles()[0].search(text, pos + 1, nm.end()) if nm else None
            if stacked and text[stacked.start() - 1] == " " and not stacked.group(2):
                # "Kepala Staf Angkatan Darat Jenderal Sam Okoro": the words up to the second title are the office
                role += " " + text[pos:stacked.start()].strip().casefold()
                pos = stacked.end() + 1
                nm = _name_pattern().match(text, pos)
            name = _clean_name(nm.group(0)) if nm else ""
            office = _OFFICE_BEFORE_NAME.match(text, pos) if not inner and org is None and not _entry_for(name) \
                and pos not in by_start and base not in _place_titles() else None
            after = _name_after_comma(text, office.end(1)) if office else None
            if after and not any(map(_is_verb, office.group(1).split())) and not _entry_for(office.group(1).split()[0]):
                # "Kepala Bagian Operasional Polres X, Kompol Y", "Ketua Koalisi Pemuda X, Y": the words before
                # the comma are the office (its body, when they start with a word that heads one), the name after it the person
                words = office.group(1)
                # "Dosen Hubungan Internasional Universitas Gadjah Mada, X": the role, then the body it serves
                tokens = words.split()
                head = _body_start(tokens)
                if head:
                    lead = " ".join(tokens[:head])
                    role += " " + lead.casefold()
                    pos += len(lead) + 1
                    words = words[len(lead) + 1:]
                if head is not None:
                    body = re.match(rf"{_ORG_TOKEN}(?: (?:(?:und|and|of|for|dan|untuk) )?{_ORG_TOKEN})*", words).group(0)
                    org = self.entity(slug(body), body, "Organization", body, source="rule: body before a name").key
                    inner.append(self.mention(sent.start + pos, sent.start + pos + len(body), body, sent.index, org))
                else:
                    role += " " + " ".join(re.sub(r"\([^)]*\)", "", words).split()).casefold()
                pos, name = after
            if name and set(name.casefold().split()) & _org_words():
                name = ""    # "peneliti di Delhi Policy Foundation": a body, not the person
            nxt = _name_after_comma(text, pos + len(name)) if name and (
                " " not in name or base in _place_titles()) else None
            if nxt:
                # "Gubernur Saratov, Viktor Lebedev": one word before the comma is the office's place or body
                org = org or self._office_word(name, base)
                pos, name = nxt
            if name and base in _place_titles() and org is None and len(name.split()) >= 3 and not _entry_for(name):
                first = name.split()[0]      # "Gubernur Tacna Luis Quispe": the governed place, then the person
                org = self._office_word(first, base)
                pos, name = pos + len(first) + 1, name[len(first) + 1:]
            if name and _headline(text) and not _entry_for(name):
                name = ""    # "Baku Panggil Dubes Prancis Usai Insiden Tembakan": every word of a headline is capitalised
            if desc and " " not in name and not _entry_for(name):
                name = ""    # "pemimpin kelompok pemberontak Tuareg": one word after a description names the group
            if name and apposed and "," in text[t.end():pos]:
                name = ""    # "Mele Tupou, peneliti di Lowy Institute, Sydney,": the person is the one before
            if not name or (inner and inner[-1].end - sent.start > pos):
                ent = self._apposed(sent, t.start(), by_start)
                if ent is None or not inner:
                    return
            else:
                ent = self._person(sent, pos, name, "rule: title + name")
                if org is None:      # "Profesor X dari Universitas Y": the body named after the person
                    org = self._body_after(sent, pos + len(name), by_start, inner) or org
        for m in inner + [field] if field else inner:
            m.inside = ent.key     # (the field a person studies does not speak: "Pengamat ASEAN dari ...")
        if org is not None and self.a.entities[org].type == "Person":
            # "X melalui juru bicaranya, Y": Y serves where X serves (a person is no organisation)
            org = next((r.org for r in self.roles if r.person == org and r.org), None)
        governs = base in _place_titles() or bool(set(role.split()) & _governing_words())
        # "Kepala Administrasi Militer Wilayah X" governs a place
        kinds = ("Organization", "Country", "Place") if governs else ("Organization", "Country")
        if org is not None and self.a.entities[org].type not in kinds:
            org = None
        if org is None:
            org = self._country_of(ent.label)
        self.roles.append(Role(ent.key, role, org, sent.index))
        if name:
            self._second_person(sent, pos + len(name), role, by_start)

    def _second_person(self, sent, pos: int, role: str, by_start) -> None:
        """"..., Anna Berg, dan Lars Holm dari Partai Liberal,", "..., dan mitranya dari Ethiopia, Tesfaye
        Gebremedhin,": a second person of the same office for another body."""
        text = sent.text
        cp = _counterpart().match(text, pos)
        if cp:
            m = by_start.get(cp.end())
            nxt = _name_after_comma(text, m.end - sent.start) if m else None
            if nxt and self.a.entities[m.key].type in ("Organization", "Country"):
                other = self._person(sent, nxt[0], nxt[1], "rule: counterpart + name")
                m.inside = other.key
                self.roles.append(Role(other.key, role, m.key, sent.index))
            return
        nm = re.compile(rf",\s+dan\s+({_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,3}})\s+dari\s+").match(text, pos)
        if nm and _clean_name(nm.group(1)) == nm.group(1):
            more = []
            end, org2 = self._named_org(sent, nm.end(), by_start, more)
            if org2:
                other = self._person(sent, nm.start(1), nm.group(1), "rule: title + name")
                for m in more:
                    m.inside = other.key
                self.roles.append(Role(other.key, role, org2, sent.index))

    def _owner_before(self, sent, pos: int) -> str | None:
        """Whose office a TITLE-nya is: the last one named before it in the sentence, else the body or
        country the previous sentence starts with ("Penjaga Pantai China ... . Juru bicaranya, X")."""
        before = [m for m in self.mentions if m.sentence == sent.index and m.end - sent.start <= pos
                  and self.a.entities[m.key].type != "Place"]
        if before:
            return max(before, key=lambda m: m.end).key
        prev = sent.index - 1
        first = [m for m in self.mentions if m.sentence == prev and m.start == self.a.sentences[prev].start] if prev >= 0 else []
        return first[0].key if first and self.a.entities[first[0].key].type in ("Organization", "Country") else None

    def _portfolio_end(self, sent, pf, by_start, org) -> int | None:
        """Where a portfolio ends: before the first body it names when no body is known yet ("Urusan
        Politik, Perdamaian dan Keamanan Uni Afrika"), else after the first name it holds that a comma
        ends ("untuk Urusan Myanmar, X")."""
        text, off = sent.text, sent.start
        if org is None:
            first = min((m.start - off for m in by_start.values() if pf.start() < m.start - off < pf.end()
                         and self.a.entities[m.key].type in ("Organization", "Country")), default=None)
            return first if first and text[first - 1] == " " and text[first - 2] != "," else None
        ends = [m.end - off for m in by_start.values() if pf.start() < m.start - off and m.end - off <= pf.end()
                and text.startswith(",", m.end - off) and self.a.entities[m.key].type != "Person"]
        if ends:
            return min(ends)
        known = [m.start - off for m in by_start.values() if pf.start() < m.start - off < pf.end()
                 and self.a.entities[m.key].type == "Person"]
        if known:
            return min(known)      # "untuk Urusan Luar Negeri dan Kebijakan Keamanan <a known person>": up to them
        # "bidang Terorisme dan Intelijen Keuangan, X," and "untuk Urusan Politik, Perdamaian dan Keamanan, X,":
        # the name is the part after the last comma
        comma = text.rfind(",", pf.start(), pf.end())
        return comma if comma != -1 and text.startswith(",", pf.end()) else None

    def _body_after(self, sent, pos: int, by_start, inner: list) -> str | None:
        """The body after a titled person's name, set off by "dari" or "di": "Profesor X dari Universitas Y"."""
        via = re.match(r" (?:dari|di) ", sent.text[pos:])
        if not via:
            return None
        at = pos + via.end()
        known = by_start.get(at)
        if known is not None:
            return known.key if self.a.entities[known.key].type == "Organization" else None
        run = _ORG_RUN.match(sent.text, at)
        if not run or run.group(0).split()[0].casefold() not in _body_heads():
            return None
        return self._named_org(sent, at, by_start, inner, whole=True)[1]

    def _office_word(self, word: str, title: str) -> str | None:
        """The body or place one word after a title stands for: one the article named ("Kongo" of "Republik
        Demokratik Kongo"), or, after a title that governs a place, that place ("Gubernur Saratov")."""
        known = self.a.entities.get(slug(word))
        if known and known.type != "Person":
            return known.key
        ends = [e.key for e in self.a.entities.values() if e.type in ("Organization", "Country")
                and e.label.split()[-1] == word]
        if len(ends) == 1:
            return ends[0]
        if title in _place_titles():
            return self.entity(slug(word), word, "Place", word, source="rule: place of a governing title").key
        return None

    def _acronym_org(self, sent, pos: int, inner: list, apposed: bool = False) -> tuple[int, str | None]:
        """An acronym the gazetteer does not know, after a title and before ", NAME": the body
        ("Juru bicara UNIFIL, Lorenzo Vitale"); after a title apposed to a name, before a comma or
        "di" ("X, komandan PDF di kota Y, ...")."""
        m = (_APPOSED_ACRONYM if apposed else _ACRONYM).match(sent.text, pos)
        if not m or not apposed and not _name_after_comma(sent.text, m.end()):
            return pos, None
        ent = self.entity(slug(m.group(0)), m.group(0), "Organization", m.group(0), source="rule: acronym after a title")
        inner.append(self.mention(sent.start + pos, sent.start + m.end(), m.group(0), sent.index, ent.key))
        return m.end(), ent.key

    def _role_by_verb(self, sent, m, by_start) -> None:
        """"Tomas Kral, yang mengepalai Badan Intelijen Ceko,": a person with the role the verb gives."""
        name = _clean_name(m.group(1))
        if name != m.group(1):
            return
        pos, inner = m.end(), []
        org = by_start.get(pos)
        if org and self.a.entities[org.key].type in ("Organization", "Country"):
            inner.append(org)
            key = org.key
        else:
            _, key = self._named_org(sent, pos, by_start, inner)
        if key is None:
            return
        known = by_start.get(m.start(1))
        person = self.a.entities[known.key] if known and self.a.entities[known.key].type == "Person" else \
            self._person(sent, m.start(1), name, "rule: name, yang + verb of office")
        for x in inner:
            x.inside = person.key
        self.roles.append(Role(person.key, load("roles")["role_verbs"][" ".join(m.group(2).casefold().split())], key, sent.index))

    def _led_by(self, sent, m, by_start) -> None:
        """"Front Rakyat pimpinan Jenderal X Y": X Y leads the body named before the word."""
        off = sent.start
        org = next((x for x in by_start.values() if x.end - off == m.start()), None)
        if org is None or self.a.entities[org.key].type not in ("Organization", "Country"):
            return
        pos = _skip_ranks(sent.text, m.end())
        known = by_start.get(pos)
        if known and self.a.entities[known.key].type == "Person":
            person = self.a.entities[known.key]
        else:
            nm = _name_pattern().match(sent.text, pos)
            name = _clean_name(nm.group(0)) if nm else ""
            if " " not in name or set(name.casefold().split()) & _org_words():
                return
            person = self._person(sent, pos, name, "rule: body + led by + name")
        self.roles.append(Role(person.key, "pemimpin", org.key, sent.index))

    def _named_org(self, sent, pos: int, by_start, inner: list, whole: bool = False) -> tuple[int, str | None]:
        """An organisation not in the gazetteer between a title and a name ("Analis Universitas Indonesia
        Dimas Pratama"): its words run to the last known name, or leave two words for the person."""
        text = sent.text
        # "Pusat Bantuan bagi Korban Perang Chad, Amina Yusuf": the body's name runs
        # on past a lower-case "terhadap" up to the comma before the person
        run = _ORG_RUN_ON.match(text, pos) or _ORG_RUN.match(text, pos)
        if not run:
            return pos, None
        toks = run.group(0).split()
        # "Universitas Pertahanan RI", "UIN Syarif Hidayatullah"; "Delhi Policy Foundation" when its end is known
        if toks[0].casefold() not in _org_heads() and not (
                (whole or text.startswith(",", run.end())) and toks[-1].casefold() in _org_words()):
            return pos, None
        if toks[-1].startswith("(") and not whole or not text.startswith(",", run.end()) and re.search(r" (?:of|for|and|the|on|dan|untuk) ", run.group(0)):
            return pos, None
        known = [i for i, tok in enumerate(toks) if known_label(tok) and not (_entry_for(tok) and _entry_for(tok).type == "Person")]
        starts = [pos + t.start() for t in re.finditer(r"\S+", run.group(0))]
        ranked = next((i for i in range(1, len(toks)) if _rank_re().match(text, starts[i])
                       and not (i == 1 and toks[0].casefold() in _named_after_heads())), None)     # "Universitas Jenderal X"
        if ranked:
            cut = ranked                    # "Komandan Angkatan Darat Kolombia Jenderal X Y": the rank starts the person
        elif text.startswith(",", run.end()) or whole:
            cut = len(toks)                 # "Institut Studi Strategis Manila, Ramon Villanueva"; "X, peneliti di Institut Y"
        elif known and known[-1] == len(toks) - 1:
            cut = len(toks)                 # "pejabat Dewan Keamanan Armenia yang ...": no name follows
        else:
            cut = known[-1] + 1 if known and 2 <= len(toks) - known[-1] - 1 <= 3 else len(toks) - 2
        if cut < 1:
            return pos, None
        written = " ".join(toks[:cut])
        # "Centre for Strategic and International Studies (CSIS) Jakarta": the name, its acronym, the acronym and place
        label, acronym, rest = re.fullmatch(r"(.*?)(?: \(([A-Z]{2,8})\)(.*))?", written).groups()
        ent = self.entity(slug(label), label, "Organization", written, source="rule: organisation before a name")
        for alias in filter(None, [acronym, acronym and rest and acronym + rest]):
            ent.aliases.add(alias)
        m = self.mention(sent.start + pos, sent.start + pos + len(written), written, sent.index, ent.key)
        inner.append(m)
        return pos + len(written), ent.key

    def _acronymed(self, sent, local: list[Mention]) -> None:
        """"Misi Pengamat Militer PBB di India dan Pakistan (UNMOGIP)": a body named in full with its acronym,
        not in the gazetteer, is an organisation (its acronym an alias); the names inside it are not agents."""
        for m in _ACRONYMED.finditer(sent.text) if _BRACKETED_ACRONYM.search(sent.text) else ():
            name, acronym, start = m.group(1), m.group(2), m.start(1)
            while " " in name and name.split()[0].casefold() in _openers() | function_words():     # "Menurut Organisasi ... (IOM)"
                cut = name.index(" ") + 1
                name, start = name[cut:], start + cut
            while (title := _roles()[0].match(name)) and name[title.end():title.end() + 1] == " ":
                name, start = name[title.end() + 1:], start + title.end() + 1     # "Perdana Menteri Pemerintah ... (GNU)": the body
            head = name.split()[0].casefold()
            if head not in _org_heads() and head not in load("roles")["acronymed_heads"] and \
                    not set(name.casefold().split()) & _org_words() or _entry_for(name):     # (or "... Association for X (AMA)")
                continue
            known = _entry_for(acronym)
            if known and known.type == "Organization":
                # "Pasukan Penjaga Perdamaian Sementara PBB di Lebanon (UNIFIL)": the gazetteer's body,
                # its name written another way
                ent = self.entity(known.key, known.label, known.type, name, known.wikidata, "gazetteer")
                local.append(self.mention(sent.start + start, sent.start + m.end(), sent.text[start:m.end()], sent.index, ent.key))
                continue
            if known:
                continue
            ent = self.entity(slug(name), name, "Organization", name, source="rule: body named with its acronym")
            ent.aliases.add(acronym)
            local.append(self.mention(sent.start + start, sent.start + m.end(), sent.text[start:m.end()], sent.index, ent.key))

    def acronyms(self) -> None:
        """Later mentions of such a body by its acronym alone ("UNMOGIP belum berkomentar")."""
        found = {a: e.key for e in self.a.entities.values() if e.type == "Organization" and e.source == "rule: body named with its acronym"
                 for a in e.aliases if a.isupper()}
        if not found:
            return
        taken = [(m.start, m.end) for m in self.mentions]
        for sent in self.a.sentences:
            for start, end, word in whole_words(sent.text, found):
                s, e = sent.start + start, sent.start + end
                if not any(a <= s < b or a < e <= b for a, b in taken):
                    self.mention(s, e, word, sent.index, found[word])

    def _named_before(self, sent, pos: int, head: str) -> str | None:
        """The last organisation named before `pos` whose name starts with `head` ("kementerian")."""
        before = [m for m in self.mentions if m.start < sent.start + pos
                  and self.a.entities[m.key].type == "Organization"
                  and self.a.entities[m.key].label.casefold().split()[0] == head]
        return max(before, key=lambda m: m.start).key if before else None

    def _apposed(self, sent, title_start: int, by_start) -> Entity | None:
        """NAME, TITLE ORG: the person named just before the comma ("Budi Hartono, juru bicara Kemenhan Chili")."""
        m = re.search(rf"({_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,3}}),\s*(?:(?:salah\s+)?seorang\s+|salah\s+satu\s+)?$",
                      sent.text[:title_start])
        if not m:
            return None
        start = _skip_ranks(sent.text, _skip_opener(sent.text, m.start(1)))   # "Kolonel Jean-Paul Habimana, perwira ..."
        written = sent.text[start:m.end(1)]
        known = by_start.get(start)
        if known and self.a.entities[known.key].type == "Person":
            return self.a.entities[known.key]
        name = _clean_name(written)
        if name != written or known or " " not in name:
            return None
        return self._person(sent, start, name, "rule: name, title")

    def _country_of(self, label: str) -> str | None:
        """The country the gazetteer gives for a name, added to the article's entities."""
        gz = _entry_for(label)
        if not gz or not gz.country:
            return None
        for entries in gazetteer()[0].values():
            for e in entries:
                if e.key == gz.country:
                    self.entity(e.key, e.label, e.type, None, e.wikidata, "gazetteer: country of a person")
                    return e.key
        return None

    def _fold_partial_names(self) -> None:
        """A person found under part of a longer name of this article ("Al Thani") is that person."""
        persons = [e for e in self.a.entities.values() if e.type == "Person"]
        for p in persons:
            words = p.label.split()
            longer = [q for q in persons if q is not p and len(q.label.split()) > len(words)
                      and (q.label.split()[-len(words):] == words or q.label.split()[:len(words)] == words)]
            if len(longer) != 1:
                continue
            q = longer[0]
            q.aliases |= {p.label, *p.aliases}
            del self.a.entities[p.key]
            for m in self.mentions:
                if m.key == p.key:
                    m.key = q.key
                if m.inside == p.key:
                    m.inside = q.key
            self.roles = [Role(q.key, r.role, r.org, r.sentence) if r.person == p.key else r for r in self.roles]

    def short_names(self) -> None:
        """Single-name mentions ("Hartono", "Wati") tied to the person of this article who bears that name."""
        self._fold_partial_names()
        persons = [e for e in self.a.entities.values() if e.type == "Person"]
        skip = set(load("roles")["name_particles"]) | set(load("roles")["name_suffixes"]) | title_words()
        tokens: dict[str, set[str]] = {}
        for p in persons:
            for n in {p.label, *p.aliases}:
                parts = [x for x in n.split() if x.casefold() not in skip]
                if len(parts) > 1:
                    for tok in {*parts, " ".join(parts[-2:])} - {n}:
                        if len(tok) > 2 and tok.casefold() not in stopwords():
                            tokens.setdefault(tok, set()).add(p.key)
        if not tokens:
            return
        taken = {(m.start, m.end) for m in self.mentions}
        for sent in self.a.sentences:
            for start, end, word in whole_words(sent.text, tokens):
                s, e = sent.start + start, sent.start + end
                if any(a <= s < b or a < e <= b for a, b in taken) or len(tokens[word]) != 1:
                    continue
                key = next(iter(tokens[word]))
                self.a.entities[key].aliases.add(word)
                self.mention(s, e, word, sent.index, key)


def annotate(article: Article) -> Article:
    """Find the entities, mentions and roles of an article."""
    ann = _Annotator(article)
    for author in article.authors:
        ann.entity(slug(author), author, "Person", author, source="byline")
    for editor in article.editors:
        ann.entity(slug(editor), editor, "Person", editor, source="byline: editor")
    for sent in article.sentences:
        ann.sentence(sent)
    ann.short_names()
    ann.acronyms()
    article.mentions = sorted(ann.mentions, key=lambda m: (m.start, -m.end))
    article.roles = list(dict.fromkeys(ann.roles))
    return article
