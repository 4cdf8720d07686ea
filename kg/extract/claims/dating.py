"""Dating: which date of a sentence, or of its context, is a claim's."""
from __future__ import annotations

import datetime as dt
import functools
import re

from kg.extract.claims.patterns import PHRASE_BREAK, POINT_EVENTS, QUOTE, SPEECH, lexicon
from kg.lexicon import alternation, load
from kg.extract.claims.triggers import Trigger, event_noun, is_nominal
from kg.model import Article, Claim, DateValue, Sentence
from kg.text.dates import find_dates
from kg.text.number_words import VAGUE
from kg.text.number_words import WORDS as NUMBER_WORDS
from kg.text.number_words import words_value
from kg.text.gazetteer import gazetteer_country, gazetteer_names

_RELATIVE_CLAUSE = re.compile(r"(?<![\w-])yang\s[^,;.()“”\"]*", re.I)
_SINCE = re.compile(r"(?<![\w-])sejak\s", re.I)
_THAT_AFTER = re.compile(r"(?:\s+\w+)?\s+(?:itu|tersebut)\b")     # "serangan itu", "pengerahan pasukan itu"
_PAREN = re.compile(r"\(([^()]*)\)")
_ASKED = re.compile(r"(?<![\w-])(?:untuk|agar|supaya)(?![\w-])", re.I)


@functools.lru_cache(maxsize=1)
def _while() -> re.Pattern:
    """"ketika patroli mereka disergap": a clause of the time of an event (not "saat berbicara di DPR")."""
    lex = load("triggers")
    return re.compile(rf"(?<![\w-])(?:{alternation(lex['while_words'])})\s+(?!(?:sedang\s+|tengah\s+)?"
                      rf"(?:{alternation(lex['speaking_occasions'] + lex['occasion_nouns'])})(?![\w-]))", re.I)


# a noun of a deed, by its form ("peluncuran", "pertukaran", "penandatanganan", "kerusuhan")
DEED_NOUN_STEM = r"(?:pe[mn]?g?|per|ke)[a-z]{3,}an"


@functools.lru_cache(maxsize=1)
def _following() -> re.Pattern:
    """", menyusul penangkapan ...", ", setelah serangan ..." (a deed named by its noun; not "setelah rapat", nor
    "setelah mendarat di X": the speaker's own way there): a clause of what a statement follows on."""
    return re.compile(rf",\s*(?i:menyusul|setelah|sesudah|pasca)\s+(?!(?i:{_occasion_nouns()})(?![\w-]))"
                      rf"(?=(?:{DEED_NOUN_STEM}|serangan|insiden|kerusuhan|bentrokan|penembakan)\b)")


def background(text: str, dates: list[DateValue]) -> list[tuple[int, int, bool | str]]:
    """Spans of `text` whose dates date their own clause only, as (start, end, for speech acts only: True, or
    "after" for those before the span only):
    a relative clause ("perjanjian itu, yang diteken pada 1961,"; not one on the occasion of speaking,
    "dalam pernyataan yang dibacakan Senin malam"), a parenthesis with words beside its
    date ("(berlaku sejak 2006)"), and a "sejak" or "ketika" phrase after a statement ("X mengatakan sanksi
    berlaku sejak 2006", "... terluka ketika patroli disergap pada Senin"), which dates what is spoken of,
    not the statement."""
    spans = []
    occasion = lexicon()["occasion"]
    for d in dates:
        rel = [m for m in _RELATIVE_CLAUSE.finditer(text) if m.start() < d.start and m.end() >= d.end
               and not occasion.search(text, max(0, m.start() - 30), m.start())]     # "pernyataan yang dibacakan Senin"
        if rel:
            spans.append((rel[-1].start(), rel[-1].end(), False))
        for m in _PAREN.finditer(text):
            if m.start() < d.start and d.end <= m.end() and re.search(r"[^\W\d_]{3,}", m.group(1).replace(d.text, "")):
                spans.append((m.start(), m.end(), False))
        # "sejak 2006", and "sejak perang pecah pada April 2023" (the clause "sejak" opens, up to its date)
        since = [m for m in _SINCE.finditer(text, max(0, d.start - 70), d.start)
                 if m.end() == d.start or not re.search(r"[,;.()]", text[m.end():d.start])
                 and not _since_time(text[m.end():d.start])]     # (not "terbesar sejak awal tahun pada Senin (9/2)")
        if since:     # (a record's "sejak" dates nothing: "serangan terbesar sejak Maret 2024"; but "siaga tertinggi
            # sejak Senin" began on Monday)
            record = lexicon()["record"].search(text, max(0, since[-1].start() - 40), since[-1].start()) \
                and not _WEEKDAY.search(d.text)
            spans.append((since[-1].start(), d.end, False if record else "since"))
        during = [m for m in _while().finditer(text, max(0, d.start - 100), d.start)
                  if m.start() > 0 and not re.search(r"[,;.()“”\"]", text[m.end():d.start])]
        if during:       # (of a statement before it only: "X, saat patroli disergap pada Senin, ..." is not read so)
            spans.append((during[-1].start(), d.end, "after"))
        cause = [m for m in _following().finditer(text, max(0, d.start - 100), d.start)
                 if not re.search(r"[,;.()“”\"]", text[m.end():d.start])]
        if cause:        # "X menuduh ..., menyusul penangkapan empat warga pekan lalu": the cause's time, not the saying's
            spans.append((cause[-1].start(), d.end, "after"))
    return spans


_CAL = load("calendar")
_UNTIL = re.compile(r"\s*(?:[\w-]+\s+)?(?:hingga|sampai)\b", re.I)
_WEEKDAY = re.compile(rf"(?<![\w-])(?:{alternation([w for ws in _CAL['days'].values() for w in ws])})(?![\w-])", re.I)
_STATES = ("COMBAT", "DEPLOY", "MEET")     # fighting, talks or forces on alert "sejak Senin" began then ...
# ... but a count of what was sent ("telah mengirim 15.000 tentara sejak Oktober 2024") is a tally up to now
_COUNTS = load("counts")
_COUNTED = re.compile(rf"(?:(?<![\w-])\d[\d.,]*|{NUMBER_WORDS}|(?<![\w-])(?:{alternation(_CAL['vague_counts'] + list(VAGUE))}))"
                      rf"(?:\s+[\w-]+)?\s+(?:{alternation(load('triggers')['troops'] + _COUNTS['units'] + _COUNTS['weapons'] + _COUNTS['things'])})"
                      r"(?![\w-])", re.I)
_TIME_WORDS = set(_CAL["qualifiers"]) | set(_CAL["units"])


def _since_time(gap: str) -> bool:
    """Whether "sejak" opens a time ("sejak awal tahun") that other words follow before a date: the date is not
    its."""
    words = re.findall(r"\w+", gap.casefold())
    return bool(words) and words[0] in _TIME_WORDS and any(w not in _TIME_WORDS for w in words)


def _tally(d: DateValue, t: Trigger, spans, text: str) -> bool:
    """"Sejak November 2023, X telah menyerang 100 kapal", "telah mengirim 15.000 tentara sejak Oktober 2024",
    "sejak awal 2025 berulang kali meminta": what is told as a tally, or said again and again, from a "sejak"
    date up to now happened on no one day (but "mulai menyerang sejak", and fighting, began then)."""
    if d.precision == "day" or _UNTIL.match(text, d.end):
        return False     # (what began on a day, "sejak Selasa pagi", or ran "sejak Senin hingga Selasa", is dated by it)
    lx = lexicon()
    counted = _COUNTED.search(text, t.end, d.start if d.start > t.end else t.end + 40)
    return (t.type not in SPEECH and (t.type not in _STATES or counted) or t.type in SPEECH and
            lx["habitual"].search(text, max(0, t.start - 20), t.start) is not None) and any(
        kind == "since" and a <= d.start and d.end <= b and not a <= t.start < b for a, b, kind in spans) \
        and not lx["began"].search(text, max(0, t.start - 12), t.start)


_OVER = re.compile(r"(?<![\w-])(?:sepanjang|selama)\s+(?:(?:tahun|bulan)\s+)?$", re.I)


def tally(t: Trigger, dates: list[DateValue], spans, text: str) -> bool:
    """Whether `t` is told as a tally from the "sejak" date nearest to it: then no date of its sentence is its
    (not "dikutip pada Minggu (13/4), X telah memasok ... sejak 2023")."""
    if all(kind != "since" for _, _, kind in spans):
        return False

    def apart(d):        # a comma between them: another clause
        return bool(re.search(r"[,;]", text[min(t.end, d.end):max(t.start, d.start)]))
    near = min(dates, key=lambda d: (apart(d), max(0, d.start - t.end, t.start - d.end)), default=None)
    inner = [(a, b) for a, b, kind in spans if kind is False and a <= t.start < b]     # t in a relative clause ...
    if any(not a <= d.start < b for a, b in inner for d in dates):
        return False      # ... with a date outside it: the tally is background ("X, yang sejak 2023 menyerang ..., pada Senin ...")
    return near is not None and _tally(near, t, spans, text)


def in_background(d: DateValue, t: Trigger | None, spans: list[tuple[int, int, bool | str]], text: str = "") -> bool:
    """Whether date `d` lies in a background span that trigger `t` (None: any claim) of `text` is outside of."""
    for a, b, kind in spans:
        if not (a <= d.start and d.end <= b and (t is None or not a <= t.start < b)):
            continue
        if kind is False:
            return True
        if t is None:
            continue
        if kind == "since" and _tally(d, t, spans, text):
            return True
        # (a "sejak" phrase is the background of every speech act but one it opens the sentence before:
        # "Sejak Maret 2023, X meyakini ...")
        if t.type in SPEECH and (t.start < a or d.start > 40 and kind == "since"):
            return True
    return False


@functools.lru_cache(maxsize=256)
def _relative_clauses(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _RELATIVE_CLAUSE.finditer(text))


def date_for(t: Trigger, trigs: list[Trigger], dates: list[DateValue], text: str,
             spans: list[tuple[int, int, bool]] = ()) -> DateValue | None:
    """The nearest date that is nearer to this trigger, or to another of its type in the same phrase
    ("menandatangani perjanjian kemitraan pada Juni 2024") or to a statement noun carrying a speech act,
    than to any other trigger of the sentence;
    never one of a background clause the trigger is outside of."""
    dates = [d for d in dates if not in_background(d, t, spans, text)]
    if t.type in SPEECH:     # "mengatakan insiden itu terjadi pada Senin": the day of what is told, not of the telling
        # (not "dalam jumpa pers yang berlangsung pada Senin": the occasion of the telling)
        # nor "menyebut X menguji 30 rudal sepanjang 2024": the time of what is counted
        dates = [d for d in dates if not (d.start > t.end and (_HAPPENED.search(text, t.end, d.start)
                                                               or _OVER.search(text, max(0, d.start - 30), d.start)))]
    if t.type in ("DEMAND", "WARN"):     # "mendesak X untuk menghormati putusan ICJ pada Desember 2023": what is asked
        dates = [d for d in dates if not (d.start > t.end and _ASKED.search(text, t.end, d.start))]
    if not dates:
        return None
    tags = [m.start() for m in _ACCORDING.finditer(text)]
    if tags and t.start < tags[-1] + 8:      # ", kata X yang baru dilantik pada Senin": a day of X's own clause
        dates = [d for d in dates if d.start < tags[-1] or _tag_day(text, tags[-1] + 2, d)]     # dates no telling
        if not dates:
            return None
    last = max([y.end for y in trigs if not tags or y.end <= tags[-1]] or [y.end for y in trigs])
    told = [d for d in dates if d.start > last and (tag := _ACCORDING.search(text, last, d.start))
            and re.search(r"(?:,|\bpada)\s*$", text[:d.start]) and re.fullmatch(r"[\s.]*", text[d.end:])
            and d.start - tag.end() <= 80 and _tag_day(text, tag.end(), d)]
    # (not "..., kata seorang warga yang rumahnya hancur pada Senin", "..., kata X, sehari setelah serangan pada Senin")
    if told:     # "X memperkirakan Y mengirim 900 tentara, menurut seorang pejabat, Rabu (9/7)", "..., kata
        # seorang pejabat pada Rabu (9/7).": the day it was told, not the day of what it tells
        if t.type in SPEECH:
            return told[0]
        dates = [d for d in dates if d not in told]
        if not dates:
            return None

    def dist(d, x):
        return max(0, d.start - x.end, x.start - d.end)

    def same(x):     # ... or the statement noun that carries it ("mengecam ... dalam pernyataan Senin malam",
        # "ujar X, dalam pernyataan ..."), or the saying that published it ("laporan X yang dirilis bulan lalu memperkirakan")
        occasion = t.type in SPEECH and x.type == "STATEMENT" and (
            x.nominal or re.search(r"(?<![\w-])yang\s+$", text[max(0, x.start - 6):x.start]) is not None)
        at_meeting = t.type in SPEECH and x.type == "MEET" and x.nominal \
            and not (x.start > t.end and _THAT_CLAUSE.search(text, t.end, x.start))     # "disampaikan X dalam pertemuan ..., Rabu"
        # (not "menegaskan bahwa isu itu tidak dibahas dalam pertemuan ASEAN, Rabu": what is said of the meeting)
        return x is t or (x.type == t.type or occasion) and not PHRASE_BREAK.search(text, min(t.end, x.end), max(t.start, x.start)) \
            or (occasion or at_meeting) and _DURING.search(text[max(0, x.start - 12):x.start]) is not None and (
                x.start > t.start or not any(x.end <= y.start < t.start for y in trigs))
        # ("X, dalam pernyataan di Jenewa pada Selasa (11/11), mengecam ...": the occasion before the verb too)
    def apart(d, x):     # "bertemu ... di Taipei pada Rabu, membahas ...", "mengecam ... pada Senin dan menyebutnya ...": "pada" + date ends its clause
        return x.start >= d.end and bool(re.search(r"[,;]|\bdan\s", text[d.end:x.start])) \
            and bool(re.search(r"\bpada\s+$", text[max(0, d.start - 6):d.start], re.I)) \
            and any(y.end <= d.start and not re.search(r"[;]", text[y.end:d.start])     # "ke kota X, ibu kota Y, pada Minggu (5/4),"
                    and not any(y.end <= z.start < d.start for z in trigs) for y in trigs)
    clauses = _relative_clauses(text)

    def fenced(d, x):    # "... sanksi terhadap entitas yang dituding memasok drone kepada Chili, Kamis (20/2)":
        return any(a <= x.start < b and not a <= d.start < b for a, b in clauses) \
            or (x.nominal or x.light and any(y.type in SPEECH and 0 <= x.start - y.end <= 2 for y in trigs)) \
            and _THAT_AFTER.match(text, x.end) is not None \
            or x.start >= d.end and x.type not in SPEECH and _THAT_CLAUSE.search(text, d.end, x.start) is not None
        # nor "serangan tersebut" (told before), nor what is told after "bahwa" ("mengatakan pada Senin bahwa X mengirim")
    own = [d for d in dates
           if same(min([x for x in trigs if not fenced(d, x)] or trigs, key=lambda x: (apart(d, x), dist(d, x), x.start)))]
    # (a day before a year: "serangan terbesar tahun ini ... pada Senin (3/3)" happened on the Monday)
    return min(own, key=lambda d: (d.precision != "day", dist(d, t))) if own else None


_THAT_CLAUSE = re.compile(r"(?<![\w-])bahwa(?![\w-])")
_HAPPENED = re.compile(r"(?<![\w-])(?<!yang )(?:terjadi|berlangsung)\s+(?:(?:pada|sejak|sekitar\s+pukul\s+[\d.:]+(?:\s+waktu\s+setempat)?)\s+)?$", re.I)
_ACCORDING = re.compile(r",\s*(?:menurut|kata|ujar|ucap|tutur)\s", re.I)
def _tag_day(text: str, start: int, d: DateValue) -> bool:
    """Whether day `d`, after a closing tag's words from `start` on, is the tag's own: set off by a comma, or
    with no clause of another time or thing between."""
    return bool(re.search(r",\s*(?:pada\s+)?$", text[:d.start])) or not _other_time().search(text, start, d.start)


@functools.lru_cache(maxsize=1)
def _other_time() -> re.Pattern:
    """Words that open a clause of another time or thing after a closing tag ("..., kata X yang baru dilantik pada
    Senin", "..., kata X, sehari setelah serangan pada Senin"); not the occasion of the telling ("setelah rapat",
    "saat ditemui di kantornya"), nor a day set off by a comma (", yang enggan disebut namanya, Senin")."""
    return re.compile(rf"(?<![\w-])(?:yang|bahwa|sebelum|menyusul|merujuk|sehari|sejak|atas|tentang|mengenai"
                      rf"|soal|(?:setelah|sesudah)(?!\s+(?:{_occasion_nouns()})\b))(?![\w-])", re.I)
_DURING = re.compile(r"\b(?:dalam|di sela(?:-sela)?)\s+$", re.I)
DEMONSTRATIVE = re.compile(r"\b(?:itu|tersebut)\b")
_RELATIVE_TIME = re.compile(r"(?<![\w-])(?:setelah|sesudah|sebelum|usai|seusai|menyusul|sejak)(?![\w-])", re.I)


def date_event_named(sent: Sentence, earlier: list[Claim], ref_day, ref_from: str = "published",
                     found: list[Claim] = ()) -> None:
    """"Serangan berlangsung hingga Jumat (4/7)", "Dalam pertemuan Selasa (27/8) itu": a sentence that
    names an event by its noun (first, or a few words before "itu") and gives a day dates the last
    undated event of that type before it (and the others of its sentence); the place an event of this
    sentence has ("Kesepakatan itu dicapai dalam pertemuan di X") is theirs too, when they have none."""
    undated = {c.type for c in earlier if c.date is None and c.type in POINT_EVENTS}
    if not undated:
        return
    text = sent.text
    words = [(m.group(0), m.start()) for m in re.finditer(r"\w+", text[:40])][:1]
    for m in DEMONSTRATIVE.finditer(text):
        at = max(0, m.start() - 40)
        words += [(w.group(0), at + w.start()) for w in re.finditer(r"\w+", text[at:m.start()])][-4:]
    # "X mengutuk serangan tersebut, Senin": the day of the speech act, not of the event it speaks of
    said = min((text.find(f.trigger) for f in found if f.type in SPEECH and f.trigger and f.trigger in text), default=len(text))
    tag = lexicon()["attribution"].search(text)     # ('"...," ujarnya, Selasa': a quote's tag says when it was said)
    said = min(said, tag.start()) if tag and re.search(r"[\"”]", text[:tag.start()]) else said
    for word, at in words:
        if at > said:
            continue
        word = word.casefold()
        typ = event_noun(word) if is_nominal(word) else None
        if typ not in POINT_EVENTS:
            continue
        if typ in undated and not _RELATIVE_TIME.search(text, at):
            # (not "Serangan ini terjadi sehari setelah X bertemu di Lima pada Senin": another event's day and place)
            last = next(c for c in reversed(earlier) if c.type == typ)
            days = [d for d in find_dates(text, ref_day, ref_from) if d.precision == "day" and d.start < said] \
                if last.date is None else []     # (not '"Serangan itu kejahatan," ujarnya, Selasa': the day of the saying)
            days.sort(key=lambda d: not any(ch.isdigit() for ch in d.text))     # "(4/7/2025)" before "Kamis malam"
            place = next((f.place for f in found if f.place and f.type in POINT_EVENTS), None)
            for c in earlier if days or place else ():     # "X dan Y mencapai kesepakatan. Kesepakatan itu dicapai Selasa (11/3)": both
                if c.sentence is last.sentence and c.type == typ and c.date is None:
                    c.date = days[0] if days else None
                    c.place = c.place or place
        return


_LATER = re.compile(r"\W*(?:[\w-]+\s+){1,3}(?:kemudian|berikutnya)\b", re.I)     # "Lima bulan kemudian, ..."
_AT_EVENT_TOLD = re.compile(r"(?<![\w-])bahwa\s+(?:dalam|pada|di sela(?:-sela)?|usai|seusai)\s+(\w+)\s+(?:itu|tersebut|yang sama)\b", re.I)
_AT_EVENT = re.compile(r"\W*(?:[Dd]alam|[Pp]ada|[Dd]i sela(?:-sela)?|[Uu]sai|[Ss]eusai)\s+(\w+)\s+(?:itu|tersebut|yang sama)\b")


@functools.lru_cache(maxsize=1)
def _occasion_nouns() -> str:
    """The nouns of an occasion of speaking ("rapat", "konferensi pers", "pertemuan"), as one alternation."""
    return alternation(load("triggers")["occasion_nouns"])


@functools.lru_cache(maxsize=1)
def _at_occasion() -> re.Pattern:
    """"X, yang turut hadir dalam pertemuan, ...", "X, yang membuka pertemuan itu, ...", "..., dalam sidang
    tersebut, ...": at an occasion told before."""
    nouns = _occasion_nouns()
    return re.compile(rf"(?<![\w-])(?:(?:turut\s+)?hadir\s+(?:dalam|di)\s+({nouns})\s*,"
                      rf"|yang\s+(?:membuka|memimpin|menutup|memandu)\s+({nouns})(?:\s+(?:itu|tersebut))?\s*,"
                      rf"|(?:dalam|di sela(?:-sela)?)\s+"
                      rf"({nouns})\s+(?:itu|tersebut|yang sama)\s*,)", re.I)


def date_said_at(sent: Sentence, earlier: list[Claim], found: list[Claim], sents: list[Sentence],
                 sentence_day: dict[int, DateValue | None]) -> None:
    """"Dalam pertemuan itu, X menyatakan ...", "X, yang turut hadir dalam pertemuan, menyerukan ...": what is
    said at an event told before is dated by that event's date, when the text gave one; an occasion no claim
    carries ("menggelar rapat darurat beberapa jam setelah peluncuran") by the day of the sentence that told it."""
    m = _AT_EVENT.match(sent.text) or _AT_EVENT_TOLD.search(sent.text)
    near = m is None and (m := _at_occasion().search(sent.text)) is not None     # (a meeting told before)
    noun = next((g for g in m.groups() if g), "") if m else ""
    typ = event_noun(noun.casefold()) if noun and is_nominal(noun) else None
    last = next((c for c in reversed(earlier) if c.type == typ and c.date is not None), None) if typ else None
    # (not "Lima bulan kemudian, X, yang hadir dalam pertemuan, ...", nor "yang tidak hadir")
    elsewhen = near and bool(lexicon()["earlier"].match(sent.text) or _LATER.match(sent.text)
                             or lexicon()["negation"].search(sent.text, 0, m.start()))
    if near and last is not None and (elsewhen or not _last_occasion_is(last, sent, sents)):
        last = None
    if last is None and (after := _after_occasion().search(sent.text)):
        noun = after.group(1)      # "X mengatakan seusai rapat bahwa ...": the day the sentence before gave that meeting
    told = re.compile(rf"(?<![\w-]){re.escape(noun)}(?![\w-])", re.I) if noun else None
    if last is None and told and not elsewhen:
        last = next((c for c in reversed(earlier) if c.date is not None and c.sentence.index >= sent.index - 2
                     and _day_of_occasion(told, c.sentence.text, c.date)), None)
    day = last.date if last is not None else None
    if day is None and told and not elsewhen:     # an occasion no claim carries: the day its sentence told it on
        j = next((j for j in range(sent.index - 1, max(-1, sent.index - 4), -1) if told.search(sents[j].text)), None)
        day = sentence_day.get(j) if j is not None else None
        if day is not None and day.text in sents[j].text and not _day_of_occasion(told, sents[j].text, day):
            day = None
    start = m.end() if m else 0
    # what was done there: "Kantor berita X melaporkan pada Senin bahwa dalam pertemuan itu kedua pihak
    # menandatangani ..." is done at the meeting, not on the day of the report (not past "Pada Kamis, X bertemu Z
    # di kota lain.": that meeting, told with no claim, is on another day)
    done_there = bool(m) and not near and day is not None and not (last is not None and any(
        (d := sentence_day.get(j)) is not None and d.value != day.value for j in range(last.sentence.index + 1, sent.index)))
    for c in found if day else ():
        if c.type in SPEECH and c.date is None and (not c.trigger or sent.text.find(c.trigger) >= start):
            c.date = day
        elif done_there and c.type not in SPEECH and c.trigger and sent.text.find(c.trigger) >= m.start() \
                and (c.date is None or sent.text.find(c.date.text, start) < 0):
            c.date = day


_THEN = re.compile(r"(?<![\w-])(?:memicu|sehingga|lalu|kemudian|dan)(?![\w-])", re.I)
# a clause of another time or of a purpose between an occasion and a day
_NOT_ITS_DAY = re.compile("|".join(p.pattern for p in (_RELATIVE_TIME, _ASKED)) + r"|(?<![\w-])(?:ketika|saat)(?![\w-])", re.I)


def _day_of_occasion(noun: re.Pattern, text: str, day: DateValue) -> bool:
    """Whether `text` gives `day` to the occasion `noun` names: the day of its clause ("dalam pertemuan ... pada
    Kamis", "Senin (10/3), X menggelar pertemuan"), not one of a clause of another time or deed ("Rapat itu
    digelar dua hari setelah serangan pada Senin", "X menyerang pada Senin, memicu seruan agar menggelar rapat")."""
    said, at = noun.search(text), text.find(day.text) if day.text else -1
    if not said or at < 0:
        return False
    a, b = (said.end(), at) if at >= said.end() else (at + len(day.text), said.start())    # ("Senin (10/3), X menggelar rapat")
    return not _NOT_ITS_DAY.search(text, a, b) and not (at < said.start() and _THEN.search(text, a, b))


def _last_occasion_is(meeting: Claim, sent: Sentence, sents: list[Sentence]) -> bool:
    """Whether the last occasion the text named before `sent` is `meeting`: its sentence, or one that names it
    again ("Pertemuan itu digelar ..."), not another ("Pada Selasa, para menteri menggelar rapat di Brussel")."""
    for s in reversed(sents[meeting.sentence.index + 1:sent.index]):
        m = _occasion_named().search(s.text)
        if m:
            return bool(m.group(1))
    return True


@functools.lru_cache(maxsize=1)
def _occasion_named() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{_occasion_nouns()})(?![\w-])(\s+(?:itu|tersebut)\b)?", re.I)


@functools.lru_cache(maxsize=1)
def _after_occasion() -> re.Pattern:
    """"seusai rapat", "usai pertemuan tersebut": a statement made right after an occasion."""
    return re.compile(r"(?<![\w-])(?:usai|seusai|selepas|sesudah)\s+(" + _occasion_nouns()
                      + r")(?![\w-])", re.I)


def date_source(c: Claim, stated: list[DateValue], published: DateValue | None) -> str | None:
    """How a claim's date was found: "stated" in its sentence, "published" (the article's publication
    date), or "context" (the sentence before, the quote it continues, an event named later)."""
    if c.date is None:
        return None
    if any(c.date is d for d in stated):
        return "stated"
    return "published" if c.date is published else "context"


def serving(article: Article) -> dict[str, set[str | None]]:
    """Person key -> what the article's roles say they serve (organisations, countries): who speaks for whom."""
    out: dict[str, set[str | None]] = {}
    for r in article.roles:
        out.setdefault(r.person, set()).add(r.org)
    return out


def family(agent: str, article: Article, serves: dict[str, set[str | None]]) -> set[str]:
    """The agent, those who speak for it (members of it, bodies of its country) and those they serve."""
    fam = {agent} | {p for p, orgs in serves.items() if agent in orgs} | \
        {k for k, e in article.entities.items() if agent in (e.country, gazetteer_country(e.label))}
    return fam | {p for p, orgs in serves.items() if orgs & fam}


def speaks_for(a: str, b: str, article: Article, serves: dict[str, set[str | None]]) -> bool:
    """Whether `a` speaks for `b`, or `b` for `a`: one of the other's family, or a body named after the other
    ("Misi Pemantau Uni Afrika di Chad" for "Uni Afrika")."""
    if a == b or a in family(b, article, serves) or b in family(a, article, serves):
        return True
    ea, eb = article.entities[a], article.entities[b]
    named = lambda x, y: any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", y.label)
                             for n in {x.label} | x.aliases | gazetteer_names(x.key) if len(n) > 2)
    return named(ea, eb) or named(eb, ea)


def told_later(c: Claim, claims: list[Claim], article: Article, serves: dict[str, set[str | None]],
               within: int | None = None) -> DateValue | None:
    """An undated statement that the next sentences tell in detail ("X confirmed ... . X's general
    said ... on Saturday (26/4)"), or that the lede sums up: the first date a later sentence gives
    (at most `within` sentences on, any for the lede) a statement by the same agent, or by one who
    speaks for it (a member of it, a body of the same country); a date that statement takes from its
    own context (a quote running over several sentences) counts too, the publication date not."""
    fam = family(c.agent, article, serves)
    told = [x for x in claims if c.sentence.index < x.sentence.index <= c.sentence.index + (within or len(article.sentences))
            and x.type in SPEECH and x.agent in fam
            and x.date is not None and x.date is not article.published and x.date.precision == "day"
            and not said_earlier(x)]     # (not "sepekan setelah X dan Y saling menuduh": no telling of it)
    # (the same act first: "Kremlin Enggan Berkomentar" is told by the refusal to comment, not by another statement)
    return next((x.date for x in told if x.type == c.type), told[0].date if told else None)


def goes_on(sent: Sentence, article: Article, before: dict) -> DateValue | None:
    """The day of the one speaker of the sentence before (`before`: agent -> day) when this sentence says it
    is told by them again ("kata Vidal"), or opens with "Ia"/"Dia"/"Beliau"."""
    days = {k: d for k, d in before.items() if d is not None and d is not article.published}
    if len({d.value for d in days.values()}) != 1:
        return None
    if _HE.match(sent.text):
        return next(iter(days.values()))
    tags = [m.end() for m in lexicon()["attribution"].finditer(sent.text)]      # "kata Vidal", "lanjut Flores"
    for k, d in days.items():
        e = article.entities.get(k)
        names = [re.escape(n.split()[-1]) for n in {e.label} | e.aliases] if e is not None and e.type == "Person" else []
        if any(re.match(rf"\s+(?:[\w-]+\s+){{0,3}}?{n}(?![\w-])", sent.text[at:]) for at in tags for n in names) \
                or any(re.search(rf"(?<![\w-]){n},?\s+(?:juga\s+)?menambahkan\b", sent.text) for n in names):
            return d      # (or "Vidal menambahkan, ...")
    return None


_HE = re.compile(r"\W*(?:Ia|Dia|Beliau)\s")


def lede_day(c: Claim, claims: list[Claim], article: Article, first: int | None, serves: dict,
             sentence_dates: dict[int, list[DateValue]], met: bool = False) -> DateValue | None:
    """"Badan X memperkirakan ..., kata anggota parlemen pada Kamis (27/2)." then "Menurut badan X, ...": what the agent
    the lede's first statement (sentence `first`) reports as speaking on a day it states, or the next sentences
    give it ("Penilaian itu disampaikan badan X ... Rabu (18/2)"), before the publication day, goes on telling,
    undated, a few sentences on, is told on that day. With `met`, sentence `first` tells a meeting on a day it
    states ("X bertemu Y di ibu kota Y, Rabu (1/7)"): what X or Y, or the body either speaks for, goes on saying
    is said there, on that day."""
    if article.published is None or first is None or not 0 < c.sentence.index - first <= _LEDE_REACH \
            or _SEPARATELY.search(c.sentence.text) or _ANSWERING.match(c.sentence.text):
        return None      # ("X secara terpisah mengklaim ...", "Menanggapi langkah itu, X ...": another telling)
    if done_then(c) or any(d.precision == "day" for d in sentence_dates.get(c.sentence.index, ())) \
            or _ELSEWHEN.search(c.sentence.text):
        return None      # ("Setibanya di negaranya, X mengatakan ...", "Dalam wawancara yang disiarkan Jumat, X ...")
    # (those who met: the meeting's sides, the persons its sentence names outside a clause of another time, and
    # the bodies they speak for)
    lede_text = article.sentences[first].text
    met_by = {m.key for m in article.mentions if m.sentence == first and article.entities[m.key].type == "Person"
              and not WITHIN_TIME_CLAUSE.search(lede_text, 0, max(0, m.start - article.sentences[first].start))} \
        if met else set()

    def party(x: Claim) -> bool:
        if not met:
            return x.agent == c.agent and x.type in SPEECH
        sides = {x.agent, x.target} | met_by
        return x.type in MEETING and x.date_source == "stated" and (
            c.agent in sides.union(*(serves.get(k, set()) for k in sides))
            or any(article.entities[k].type == "Country" for k in serves.get(c.agent, set()) & sides))     # (its envoy)
    day = next((x.date for x in claims if x.sentence.index == first and party(x)
                and (x.date_source == "stated" or x.date_source == "context" and x.date.text not in x.sentence.text)
                and x.date.precision == "day"
                and x.date.day() < article.published.day()), None)
    if day is None:
        return None
    between = range(first + 1, c.sentence.index)
    # the story has moved to another day ("Pada Rabu (12/3), pasukan X menyerang ...", "laporan yang terbit Kamis")
    sents = article.sentences
    if moved_on(day, between, sentence_dates, sents) or any(_LATER_ON.search(sents[j].text) for j in between):
        return None      # ("Namun, dua hari kemudian pasukan X menembaki ...", "Pada November lalu, ...")
    # or to what another told since, which this answers ("Jaringan Dokter menuduh X ... . X membantah ...",
    # "Y membantah laporan tersebut. Badan X mengatakan ...")
    fam = family(c.agent, article, serves)
    if any(x.type in SPEECH and x.sentence.index in between and x.agent not in fam
           and (x.target in fam or c.type == "DENY" or x.type == "DENY") for x in claims):
        return None
    return day


def moved_on(day: DateValue, between, sentence_dates: dict[int, list[DateValue]], sents: list[Sentence]) -> bool:
    """Whether a sentence of `between` states another day than `day`, or opens on a month or year `day` is not in
    ("Pada November lalu, ...")."""
    return any(d.value != day.value if d.precision == "day" else
               not day.value.startswith(d.value) and _OPENS_ON.fullmatch(sents[j].text, 0, d.start) is not None
               for j in between for d in sentence_dates.get(j, ()))


_OPENS_ON = re.compile(r"\W*(?:[Pp]ada\s+)?")


_ELSEWHEN = re.compile(r"(?<![\w-])(?:setibanya|sebelum\s+(?:berangkat|bertolak|bertemu|tiba)|keesokan|hari\s+berikutnya"
                       r"|sepulang(?:nya)?|sekembalinya|wawancara|disiarkan|diunggah)(?![\w-])", re.I)


def also_day(c: Claim, claims: list[Claim], article: Article, sentence_dates: dict[int, list[DateValue]]) -> DateValue | None:
    """"X juga menuduh ...": what a speaker is told to have also said was said where they spoke last, on the day
    the text gave that (a day of their own, not the publication day)."""
    text = c.sentence.text
    at = text.find(c.trigger) if c.trigger else -1
    if at <= 0 or not _ALSO.search(text, max(0, at - 12), at):
        return None
    last = next((x for x in reversed(claims) if x.sentence.index < c.sentence.index and x.agent == c.agent
                 and x.type in SPEECH), None)
    day = last.date if last is not None else None
    if day is None or day is article.published or day.precision != "day" \
            or moved_on(day, range(last.sentence.index + 1, c.sentence.index + 1), sentence_dates, article.sentences):
        return None      # (not past "Pada Jumat, X bertemu ...")
    return day


_ALSO = re.compile(r"(?<![\w-])juga\s+$", re.I)
_LEDE_REACH = 8     # sentences
MEETING = ("MEET", "AGREE")     # the occasions where those who met speak
_SEPARATELY = re.compile(r"(?<![\w-])terpisah(?![\w-])", re.I)
_LATER_ON = re.compile(r"(?<![\w-])(?:(?:\w+\s+)?(?:hari|pekan|minggu|bulan|jam)\s+kemudian|keesokan\s+harinya|sehari\s+setelahnya|(?:hari|pekan|minggu|bulan)\s+berikutnya)(?![\w-])", re.I)
_ANSWERING = re.compile(r"\W*(?:menanggapi|merespons|merespon|membalas|menjawab)\b", re.I)


def done_then(c: Claim) -> bool:
    """"X kemudian meminta ...", "X lalu menuntut ...": an act told as done after what was told before,
    on a day the text does not give (not a word of a quote)."""
    text = c.sentence.text
    at = text.find(c.trigger) if c.trigger else -1
    m = _THEN_ON.search(_unquoted(text), 0, at) if at > 0 else None
    return m is not None and not (m.group(1).casefold() == "lalu" and _TIME_BEFORE.search(text, 0, m.start(1)))


# "kemudian", "lalu" just before the verb (not "selanjutnya akan meminta": a plan told; not "pekan lalu meminta")
_THEN_ON = re.compile(r"(?<![\w-])(kemudian|lantas|selanjutnya|lalu)\s+(?:(?!akan\b)[\w-]+\s+)?$", re.I)
_TIME_BEFORE = re.compile(rf"(?<![\w-])(?:{alternation(list(_CAL['units']) + [w for ws in _CAL['days'].values() for w in ws] + [w for m in _CAL['months'].values() for w in m['names']])})\s+$", re.I)


def _unquoted(text: str) -> str:
    """`text` with what its quotes say blanked out, at the same offsets."""
    return QUOTE.sub(lambda m: " " * len(m.group(0)), text)


def said_earlier(c: Claim) -> bool:
    """"Sebelumnya, X mengatakan ...", "X pernah menyatakan ...", "Serangan itu terjadi dua hari setelah X
    menuduh ...": a statement told as made before the article's day, or before another event, which neither
    the day nor a later statement dates."""
    return _said_earlier(c.sentence.text, c.trigger)


@functools.lru_cache(maxsize=4096)
def _said_earlier(text: str, trigger: str) -> bool:
    at = text.find(trigger) if trigger else -1
    text = _unquoted(text)     # ('"... tidak akan pernah goyah," kata X': words of the quote)
    return bool(at > 0 and (lexicon()["said_earlier"].search(text, 0, at) or WITHIN_TIME_CLAUSE.search(text, 0, at)))


# a clause opened by "setelah", "sebelum" ... that runs, without a comma, up to the trigger
WITHIN_TIME_CLAUSE = re.compile(_RELATIVE_TIME.pattern + r"\s[^,;:()“”\"]*$", re.I)


_ONE_EVENT = ("ATTACK", "KILL")


def attack_and_toll(found: list[Claim]) -> None:
    """"Serangan X pada Rabu (3/2) menewaskan lima orang": an attack and the deaths it caused, told in one
    sentence with one agent, are one event on one day; the undated one takes the other's date."""
    dated = {c.agent: c.date for c in found if c.type in _ONE_EVENT and c.date is not None}
    for c in found:
        if c.type in _ONE_EVENT and c.date is None and c.agent in dated and \
                {x.type for x in found if x.agent == c.agent} >= set(_ONE_EVENT):
            c.date = dated[c.agent]


def one_day(claims: list[Claim]) -> None:
    """One event, one date: an event dated by its month or year ("pada Mei 2025") takes the day another
    mention of the same event in the article gives ("pada 10 Mei 2025")."""
    days = {}
    for c in claims:
        if c.type not in SPEECH and c.date is not None and c.date.precision == "day":
            days.setdefault((c.type, c.agent, c.target), []).append(c.date)
    for c in claims:
        if c.type not in SPEECH and c.date is not None and c.date.precision != "day":
            fits = {d.value: d for d in days.get((c.type, c.agent, c.target), ()) if d.value.startswith(c.date.value)}
            if len(fits) == 1:
                c.date = next(iter(fits.values()))


# "sehari setelah", "dua hari sebelum", "sepekan setelah": a count of days or weeks (the number words and the
# calendar's units of the dates)
_UNIT_DAYS = {w: {"day": 1, "week": 7}[u] for w, u in _CAL["units"].items() if u in ("day", "week")}
_DAYS_APART = re.compile(rf"(?i:(?<![\w-])(?P<n>\d{{1,2}}|{NUMBER_WORDS}|se)\s*(?P<u>{alternation(_UNIT_DAYS)})"
                         r"\s+(?P<rel>setelah|sesudah|sebelum))\s")


def date_days_apart(sent: Sentence, found: list[Claim], earlier: list[Claim], ref_day, ref_from: str,
                    sentence_dates: dict[int, list[DateValue]], lede: int | None) -> None:
    """"Peluncuran itu terjadi sehari setelah X memperingatkan ...": what the clause after "N hari setelah" tells
    is N days before the day of the main clause (its own date, or that of the event it names again, else a day
    the sentence before stated, else the one day the lede (sentence `lede`) told, that no claim took)."""
    text = sent.text
    m = _DAYS_APART.search(text)
    if not m:
        return

    def free(j: int) -> list[DateValue]:      # the days of sentence j no claim of it took (an event that was no claim)
        return [d for d in sentence_dates.get(j, []) if not any(
            c.date is not None and c.date.value == d.value for c in earlier if c.sentence.index == j)]
    head = text[:m.start()]
    day = next((d for d in find_dates(head, ref_day, ref_from) if d.precision == "day"), None)
    if day is None:
        noun = re.match(r"\W*(\w+)(?:\s+\w+)?\s+(?:itu|ini|tersebut)\b", head)
        typ = event_noun(noun.group(1).casefold()) if noun and is_nominal(noun.group(1)) else None
        last = next((c for c in reversed(earlier) if c.type == typ and c.date and c.date.precision == "day"), None) if typ else None
        day = last.date if last else next((d for d in reversed(free(sent.index - 1)) if d.precision == "day"), None) \
            if noun else None
        told = {d.value: d for d in free(lede) if d.precision == "day"} if noun and lede is not None and lede < sent.index else {}
        day = day or (next(iter(told.values())) if len(told) == 1 else None)
        # (the event named again may have been read as no claim: "Peluncuran itu" of a launch at sea, dated just before)
    if day is None:
        return
    n = 1 if m["n"].casefold() == "se" else int(m["n"]) if m["n"].isdigit() else words_value(m["n"])
    if not n:
        return
    n *= _UNIT_DAYS[m["u"].casefold()]
    sign = -1 if m["rel"].casefold() in ("setelah", "sesudah") else 1
    when = DateValue((day.day() + dt.timedelta(days=sign * n)).isoformat(), "day", m.group(0).strip())
    said = min((text.find(c.trigger) for c in found if c.type in SPEECH and c.trigger and text.find(c.trigger) >= m.end()),
               default=len(text))
    for c in found:
        at = text.find(c.trigger) if c.trigger else -1
        if at >= m.end() and (c.date is None or c.date.precision != "day") and (
                c.type in SPEECH or at < said or re.search(r"\bdan\s+(?:[A-Z]\w*\s+)+$", text[said:at])):
            c.date = when     # (not what a statement in that clause tells: "sehari setelah X menuduh Y menyerang")