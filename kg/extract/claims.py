"""Claims and events: who did or said what, to whom, where, when and how many.

Reads the trigger lexicon and the mentions of each sentence; adds `Article.claims`.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from kg.lexicon import alternation as _alt
from kg.lexicon import load
from kg.model import Article, Claim, DateValue, Mention, Quantity, Sentence
from kg.text.dates import find_dates
from kg.text.numbers import find_quantities

_FRONTED = re.compile(r"\W*(?:atas|dalam|menurut|pada|di|sejak|bagi|untuk|terkait|dengan|setelah|sebelum|meskipun|karena|saat|ketika|ditanya|ditemui|dihubungi|menanggapi|usai|seusai|sesudah|berbicara)\b", re.I)
_THAT = r"\s+(?:itu|tersebut|ini)\b"      # after a noun: the one named before ("laporan itu")
_PHRASE_BREAK = re.compile(r"[,.;]|\b(?:sejak|setelah|sebelum|ketika|saat|dan|serta)\b", re.I)
_QUOTE = re.compile(r"[“\"]([^”\"]{8,})[”\"]")
SPEECH = frozenset(("CONFIRM", "DENY", "NO_COMMENT", "ACCUSE", "CONDEMN", "DEMAND", "WARN", "ESTIMATE", "STATEMENT"))
EVENT_TYPES = frozenset(("DEPLOY", "SUPPLY", "TRAIN", "COMBAT", "KILL", "ATTACK", "AGREE", "MEET", "SUMMON", "SANCTION"))
HOSTILE = frozenset(("ATTACK", "KILL"))     # events that, told of another party, accuse it
POINT_EVENTS = frozenset(("KILL", "ATTACK", "MEET", "SUMMON", "SANCTION", "AGREE"))
NO_TARGET = frozenset(("STATEMENT", "ESTIMATE", "CONFIRM", "DENY", "NO_COMMENT"))
NOMINAL_EXTRA = {"konfirmasi", "kritik", "klaim", "sanksi", "embargo", "ancaman bagi", "invasi"}


def _words(words, suffix: str = "") -> re.Pattern:
    """Whole words or phrases of the list; `suffix` an optional ending ("nya": "tentaranya")."""
    return re.compile(r"(?<![\w-])(?:" + _alt(words) + r")" + (f"(?:{suffix})?" if suffix else "") + r"(?![\w-])", re.I)


@functools.lru_cache(maxsize=1)
def lexicon():
    """Compiled patterns of the trigger lexicon."""
    lex = load("triggers")
    kinds = {}
    for group in ("speech", "events"):
        for typ, words in lex[group].items():
            for w in words:
                kinds.setdefault(w.casefold(), typ)
    return {
        "kind": kinds,
        "trigger": re.compile(r"(?<![\w-])(" + _alt(kinds) + r")(?![\w-])", re.I),
        "no_comment": _words(lex["no_comment"]),
        "falsehood": _words(lex["falsehood"]),
        "troops": _words(lex["troops"], "nya"),
        "arms": _words(lex["arms"], "nya"),
        "transfer": frozenset(w.casefold() for w in lex["transfer_verbs"]),
        "presence_verbs": frozenset(w.casefold() for w in lex["presence_verbs"]),
        "negation": re.compile(r"(?<![\w-])(?:" + _alt(lex["negation"]) + r")(?:\s+\w+){0,1}\s*$", re.I),
        "reluctant": re.compile(r"(?<![\w-])(?:" + _alt(lex["negation"] + lex["reluctance"]) + r")(?:\s+\w+){0,3}\s*$", re.I),
        "light": re.compile(r"(?<![\w-])(?:" + _alt(lex["light_verbs"]) + r")\s+$", re.I),
        "same_day": [(re.compile(r"^\W*" + re.escape(k) + r"\b", re.I), v) for k, v in
                     sorted(lex["same_day"].items(), key=lambda kv: -len(kv[0]))],
        "document": re.compile(r"^\W*(?:" + _alt(lex["document_nouns"]) + r")" + _THAT, re.I),
        "modality": [(m, _words(ws)) for m, ws in lex["modality"].items()],
        "claim_verbs": frozenset(w.casefold() for w in lex["claim_verbs"]),
        "presence": _words(lex["presence"]),
        "attribution_words": frozenset(w.casefold() for w in lex["attribution"]),
        "attribution": re.compile(r"(?<![\w-])(" + _alt(lex["attribution"]) + r")(?![\w-])", re.I),
        "pronoun": re.compile(r"(?<![\w-])(" + _alt(lex["pronouns"]) + r")(?![\w-])", re.I),
        "statement_noun": re.compile(r"^\W*(?:" + _alt(lex["statement_nouns"]) + r")" + _THAT, re.I),
        "carried": re.compile(r"(?<![\w-])(?:" + _alt(lex["carried_by"]) + r")\s+$", re.I),
        "accusation": _words(lex["accusation_content"]),
        "earlier": re.compile(r"^\W*(?:" + _alt(lex["earlier"]) + r")\b", re.I),
        "background": re.compile(r"^\W*(?i:" + _alt(lex["background"]) + r")\s[^,]*,"),
        "threat": re.compile(r"(?<![\w-])(?:" + _alt(lex["conditions"]) + r")(?![\w-])[^.;]*?,[^.;]*?\bakan\b", re.I),
        "owner": re.compile(r"(?<![\w-])(?:" + _alt(lex["owner_nouns"]) + r")\s+$", re.I),
        "prep": re.compile(r"(?<![\w-])(?:" + _alt(lex["prepositions"]) + r")\s+$", re.I),
        "speaker_noun": re.compile(r"(?<![\w-])(?:" + _alt(lex["speaker_nouns"]) + r")\s+$", re.I),
        # where a clause with its own subject begins: "bahwa", or mid-sentence "setelah" before a name
        "bahwa": re.compile(r"(?<![\w-])(?i:bahwa|jika|agar|supaya)(?![\w-])|[:;]"
                            r"|(?<=[\w,] )(?i:" + _alt(lex["subordinators"]) + r")(?=\s+[A-Z])"),
        "that_report": re.compile(r"\s*(?:" + _alt(lex["report_nouns"]) + r")" + _THAT, re.I),
        "casualty": _words(lex["casualty_words"]),
        "casualty_noun": re.compile(r"(?:" + _alt(lex["casualty_nouns"]) + r")(?![\w-])", re.I),
        "irrealis": re.compile(r"(?<![\w-])(?:" + _alt(lex["irrealis"]) + r")(?:\s+\w+){0,2}\s+$", re.I),
        "pair": re.compile(r"(?<![\w-])(?:" + _alt(lex["pair"]) + r")\s+(?:\w+\s+)?$", re.I),
        "coord": re.compile(r"^\s*(?:,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|maupun|serta)\s+)$", re.I),
    }


@dataclass
class Trigger:
    type: str
    start: int           # offsets in the sentence
    end: int
    word: str
    negated: bool = False
    nominal: bool = False
    passive: bool = False
    light: bool = False       # the object of a light verb ("mengumumkan sanksi"): the verb's subject is its agent


def _after(text: str, c: Claim) -> int:
    """Where the words after a claim's trigger begin in its sentence."""
    return text.find(c.trigger) + len(c.trigger)


@functools.lru_cache(maxsize=4096)
def _event_noun(word: str) -> str | None:
    """The event type a noun names ("serangan", "pengiriman", "sanksi"), from the trigger lexicon."""
    kinds = lexicon()["kind"]
    typ = kinds.get(word) or next((t for k, t in sorted(kinds.items()) if k.split()[0] == word), None)
    return typ if typ in EVENT_TYPES else None


def _is_nominal(word: str) -> bool:
    """Noun triggers ("pengerahan", "kecaman") take their agent after them."""
    w = word.casefold()
    first = w.split()[0]
    return w in NOMINAL_EXTRA or (first.endswith("an") and not first.startswith(("me", "di", "ber")))


class _Reader:
    """Reads claims sentence by sentence, keeping who spoke last for pronouns."""

    def __init__(self, article: Article, ref):
        self.a = article
        self.ref = ref
        self.last_agents: list[str] = []
        self.last_date: DateValue | None = None
        self.last_explicit: DateValue | None = None      # the last day-precise date the text gave
        self.adopter: str | None = None                  # who adopted the last resolution
        self.last_pair: list[str] = []
        self.last_event: str | None = None               # the type of the last event read (or reported on)
        self.did: dict[str, str] = {}                    # event type -> the agent of the last one read
        self.country_counts: dict[str, int] = {}
        self.by_sent: dict[int, list[Mention]] = {}
        for m in article.mentions:
            self.by_sent.setdefault(m.sentence, []).append(m)

    # --- mentions -------------------------------------------------------------
    def args(self, sent: Sentence) -> list[Mention]:
        """Mentions that can fill a role (not inside a person's title), in text order."""
        out = []
        for m in self.by_sent.get(sent.index, []):
            if m.inside or any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                               for o in self.by_sent[sent.index]):
                continue
            out.append(m)
        return out

    def named_before(self, sent: Sentence, noun: str) -> str | None:
        """The entity a definite description stands for ("badan intelijen itu"): the last one before
        this sentence whose name holds the same words."""
        words = noun.casefold()
        for m in sorted((m for m in self.a.mentions if m.start < sent.start), key=lambda m: -m.start):
            e = self.a.entities[m.key]
            if e.type != "Person" and re.search(rf"(?<!\w){re.escape(words)}(?!\w)", e.label.casefold()):
                return m.key
        return None

    def kind(self, m: Mention) -> str:
        return self.a.entities[m.key].type

    def before(self, sent, m, pattern) -> bool:
        """True when the words just before mention `m` match `pattern` (an opening bracket is looked through)."""
        ctx = sent.text[max(0, m.start - sent.start - 40):m.start - sent.start]
        return bool(pattern.search(ctx) or pattern.search(re.sub(r"[\w\s-]*\(\s*$", "", ctx)))

    def subjects(self, sent, args, lo, hi, speech: bool) -> list[str]:
        """The subject(s) of the clause sent.text[lo:hi]: the first free agent mention and those coordinated with it."""
        lx = lexicon()
        cands = [m for m in args if lo <= m.start - sent.start and m.end - sent.start <= hi
                 and self.kind(m) in ("Person", "Organization", "Country", "Outlet")]
        for i, m in enumerate(cands):
            if self.before(sent, m, lx["prep"]) or self.before(sent, m, lx["carried"]):
                continue
            head = sent.text[lo:hi]
            if _FRONTED.match(head) and "," in head and lo + head.index(",") >= m.end - sent.start:
                continue         # "Atas perintah Kim, ..." / "Sejak perang Rusia pecah, ...": not the subject
            if speech and self.before(sent, m, lx["owner"]):
                continue
            out = [m.key]
            prev = m
            for n in cands[i + 1:]:
                gap = sent.text[prev.end - sent.start:n.start - sent.start]
                if lx["coord"].match(gap):
                    out.append(n.key)
                    prev = n
                elif gap.strip() in ("(", ")", "()", "") or re.fullmatch(r"\s*\(\s*", gap):
                    prev = n
                else:
                    break
            return list(dict.fromkeys(out))
        return []

    def pronoun_agents(self, sent, lo, hi, sent_agents) -> list[str]:
        if lexicon()["pronoun"].search(sent.text[lo:hi]):
            return sent_agents or self.last_agents
        return []

    # --- sentence -------------------------------------------------------------
    def triggers(self, sent: Sentence) -> list[Trigger]:
        lx = lexicon()
        text = sent.text
        out: list[Trigger] = []
        spans = []
        for m in lx["no_comment"].finditer(text):
            out.append(Trigger("NO_COMMENT", m.start(), m.end(), m.group(0)))
            spans.append((m.start(), m.end()))
        for m in lx["trigger"].finditer(text):
            if any(a <= m.start() < b for a, b in spans):
                continue
            w = m.group(1)
            typ = lx["kind"][w.casefold()]
            t = Trigger(typ, m.start(), m.end(), w, nominal=_is_nominal(w),
                        passive=w.casefold().startswith("di") and len(w) > 4)
            t.negated = bool(lx["negation"].search(text[max(0, t.start - 25):t.start]))
            if t.negated and not t.type in SPEECH and re.search(r"\bbukan\s+$", text[max(0, t.start - 8):t.start]):
                continue         # "pelatihan, bukan berperang": a contrast, neither an event nor a denial
            if typ in ("CONFIRM", "DENY") and lx["reluctant"].search(text[max(0, t.start - 40):t.start]):
                t.type, t.negated = "NO_COMMENT", False      # "enggan mengonfirmasi", "tidak pernah secara resmi mengakui"
            if lx["light"].search(text[max(0, t.start - 16):t.start]):
                t.nominal, t.light = False, True    # "mengumumkan sanksi": the noun is the act, its agent the verb's subject
            if w.casefold() in lx["presence_verbs"] and not lx["troops"].search(text[max(0, t.start - 40):t.start]):
                continue         # "berada di" is a deployment only of troops
            if typ == "DEPLOY" and w.casefold() in lx["transfer"]:
                obj = text[t.end:t.end + 60]
                if lx["arms"].search(obj) and not lx["troops"].search(obj[:25]):
                    t.type = "SUPPLY"
                elif not lx["troops"].search(text[max(0, t.start - 40):t.end + 60]):
                    continue
            if typ in ("CONFIRM", "DENY") and t.negated:
                t.type, t.negated = "NO_COMMENT", False
            out.append(t)
        return sorted(out, key=lambda t: t.start)

    def speaker(self, sent, args) -> tuple[list[str], tuple[int, int] | None]:
        """Who a quoted or attributed sentence is by ("...," kata X / ucapnya / menurut X), and the quote span."""
        lx = lexicon()
        text = sent.text
        q = _QUOTE.search(text)
        qspan = (q.start(1), q.end(1)) if q else None
        for m in lx["attribution"].finditer(text):
            word = m.group(1).casefold()
            if word.endswith("nya"):
                return self.last_agents, qspan
            if qspan and word != "menurut" and qspan[0] <= m.start() < qspan[1]:
                continue
            if re.match(r"\s+(?:ia|dia|beliau)\b", text[m.end():], re.I):
                return self.last_agents, qspan
            if word == "menurut" and (d := re.match(r"\s+((?:\w+\s+){0,3}\w+)\s+(?:itu|tersebut)\s*,", text[m.end():], re.I)):
                named = self.named_before(sent, d.group(1))    # "Menurut badan intelijen itu, ..."
                return ([named] if named else []), qspan
            # the first name after the verb, past any title ("kata juru bicara kementerian Budi Hartono")
            after = [a for a in args if m.end() <= a.start - sent.start <= m.end() + 70
                     and not re.search(r"[.;\"“”]", text[m.end():a.start - sent.start])]
            if after and (word != "menurut" or self.kind(after[0]) != "Outlet"):
                return [after[0].key], qspan
        return [], qspan

    def carrier(self, sent: Sentence, args: list[Mention]) -> str | None:
        """The outlet a report came through ("seperti dikutip Reuters", "menurut Reuters"), apart from the speaker."""
        lx = lexicon()
        for m in args:
            if self.kind(m) == "Outlet" and (self.before(sent, m, lx["carried"]) or
                                             re.search(r"(?i)menurut\s+$", sent.text[:m.start - sent.start])):
                return m.key
        return None

    @staticmethod
    def date_for(t: Trigger, trigs: list[Trigger], dates: list[DateValue], text: str) -> DateValue | None:
        """The nearest date that is nearer to this trigger, or to another of its type in the same phrase
        ("menandatangani perjanjian kemitraan pada Juni 2024"), than to any other trigger of the sentence."""
        def dist(d, x):
            return max(0, d.start - x.end, x.start - d.end)

        def same(x):
            return x is t or x.type == t.type and not _PHRASE_BREAK.search(
                text, min(t.end, x.end), max(t.start, x.start))
        own = [d for d in dates if same(min(trigs, key=lambda x: (dist(d, x), x.start)))]
        return min(own, key=lambda d: dist(d, t)) if own else None

    def quantities(self, text: str) -> list[tuple[Quantity, str]]:
        """Amounts of people with what they count: troops sent ("DEPLOY") or casualties ("KILL").
        A number counts troops before a troop word, or after "sebanyak"/"menjadi" in a sentence about troops;
        it counts casualties before a word for people when the sentence speaks of dead or wounded."""
        lx = lexicon()
        troops_at = [m.start() for m in lx["troops"].finditer(text)]
        out = []
        for q in find_quantities(text):
            if re.search(r"\btermasuk\s*$", text[max(0, q.start - 12):q.start]):
                continue         # "14.000 pasukan, termasuk 3.000 bala bantuan": a part, not another count
            after = text[q.end:q.end + 25]
            noun = lx["troops"].search(after)
            if noun and not re.search(r"[,.;]", after[:noun.start()]) or \
                    troops_at and troops_at[0] < q.start and re.search(r"(?:sebanyak|menjadi|mencapai|sekitar|jumlah)\s*$", text[max(0, q.start - 14):q.start]):
                dead = lx["casualty"].search(text, q.end, q.end + 60) or lx["casualty"].search(text, max(0, q.start - 60), q.start)
                if dead or lx["presence"].search(text):
                    out.append((q, "KILL" if dead else "DEPLOY"))
            elif lx["casualty_noun"].match(after.lstrip()) and lx["casualty"].search(text, q.end, q.end + 60):
                out.append((q, "KILL"))
        return out

    def read(self, sent: Sentence) -> list[Claim]:
        lx = lexicon()
        text = sent.text
        args = self.args(sent)
        dates = find_dates(text, self.ref)
        if self.ref:             # "pada 2035": a target, not when it was said or done
            dates = [d for d in dates if d.day() <= self.ref + dt.timedelta(days=31)]
        quantities = self.quantities(text)
        speaker, qspan = self.speaker(sent, args)
        trigs = self.triggers(sent)
        for m in lx["falsehood"].finditer(text):
            said = [t for t in trigs if t.type in ("STATEMENT", "DENY") and t.start < m.start()]
            for t in said:
                if t.type == "STATEMENT":
                    t.type = "DENY"
            if not said and speaker:     # "Menurut X, laporan itu hoaks."
                trigs.append(Trigger("DENY", m.start(), m.end(), m.group(0), nominal=False))
                trigs.sort(key=lambda t: t.start)
        inherited = None
        if lx["pronoun"].match(text):
            inherited = self.last_date
        for pat, days in lx["same_day"]:
            if pat.match(text) and self.last_explicit:
                d = self.last_explicit.day() + dt.timedelta(days=days)
                inherited = DateValue(d.isoformat(), "day", pat.match(text).group(0).strip(" ,"))
                break
        countries = [m.key for m in args if self.kind(m) == "Country"]
        out: list[Claim] = []
        main: list[str] = []          # the sentence's first speaker: the subject of "... dan VERB"
        speech_end = 0
        verb_end = 0             # end of the last verb with a subject: a later verb's subject comes after it
        for t in trigs:
            speech = t.type in SPEECH
            in_quote = bool(qspan and qspan[0] <= t.start < qspan[1])
            if not speech and (lx["irrealis"].search(text[max(0, t.start - 22):t.start])
                               or (bg := lx["background"].match(text)) and t.start < bg.end()):
                continue
            lo = max([b.end() for b in lx["bahwa"].finditer(text[:t.start])] + [speech_end, verb_end])
            after = [m for m in args if m.start - sent.start >= t.end]
            agents: list[str] = []
            target = None
            via_owner = False
            if t.word.casefold() in lx["attribution_words"] or lx["falsehood"].fullmatch(t.word):
                agents = speaker
            elif t.light and main and speech_end and not text[speech_end:t.start].strip() \
                    and not lx["irrealis"].search(text[max(0, t.start - 40):t.start]):
                agents = main        # "X mengumumkan sanksi": the speaker of the light verb (not "untuk menyampaikan")
            elif t.nominal:
                agents, target = self.nominal_args(sent, t, after)
                via_owner = t.type == "DEPLOY"
            elif in_quote and speech:
                agents = speaker
            elif lx["pair"].search(text[max(0, t.start - 25):t.start]) and len(self.last_pair) == 2:
                agents, target = [self.last_pair[0]], self.last_pair[1]
            elif re.search(r"(?:\bdan|\bserta|\blalu|\bkemudian|,)\s+$", text[max(0, t.start - 10):t.start]) and main \
                    and t.start > 0 and not t.passive:
                agents = main
            elif (pm := re.search(r"\byang\s+(?:ia|dia|mereka)\s+(?:\w+\s+)?$", text[max(0, t.start - 24):t.start])) and not speech:
                agents = self.subjects(sent, args, lo, t.start - (len(text[max(0, t.start - 24):t.start]) - pm.start()), speech)
            elif re.search(r"\byang\s+(?:\w+\s+)?$", text[max(0, t.start - 20):t.start]) and not speech:
                head = [m for m in args if m.end - sent.start <= t.start and self.kind(m) != "Place"
                        and re.fullmatch(r"\s*(?:\([^)]*\)\s*)?yang\s+(?:\w+\s+)?", text[m.end - sent.start:t.start])]
                agents = [head[-1].key] if head else []
            elif lx["document"].match(text[lo:]) and self.adopter and not t.passive:
                agents = [self.adopter]      # "Resolusi itu mengecam ...": the body that adopted it
            elif t.passive:
                by = re.match(r"\s+oleh\s+", text[t.end:])    # "dikecam oleh Presiden AS Donald Trump": past the title
                reach = t.end + (by.end() + 40 if by else 6)
                nxt = [m for m in after if m.start - sent.start <= reach and self.kind(m) != "Place"
                       and (by or not self.before(sent, m, lx["prep"]))]
                if nxt:
                    agents = self.subjects(sent, args, nxt[0].start - sent.start, len(text), speech) or [nxt[0].key]
                    before = self.subjects(sent, args, lo, t.start, False)
                    target = before[0] if before and before[0] not in agents else None
                elif speech:
                    agents = speaker
                else:
                    owners = [m for m in args if m.end - sent.start <= t.start and self.before(sent, m, lx["owner"])]
                    agents, via_owner = ([owners[-1].key], True) if owners else ([], False)
            else:
                agents = self.subjects(sent, args, lo, t.start, speech)
                if not agents:
                    agents = self.pronoun_agents(sent, lo, t.start, main)
                if not agents and speech:
                    agents = speaker
                if not agents and not speech:
                    owners = [m for m in args if lo <= m.start - sent.start and m.end - sent.start <= t.start
                              and self.before(sent, m, lx["owner"])]
                    agents, via_owner = ([owners[-1].key], True) if owners else ([], False)
            if main and lo > 0:     # "X said that <X's own country> warned": the speaker acts for it
                own = {r.org for r in self.a.roles if r.person in main}
                agents = [main[0] if a in own else a for a in agents]
            if not agents:
                if speech and t.passive:
                    continue         # "disebut", "diyakini" with no one named: the clause goes on
                continue
            if t.type == "COMBAT" or t.word.casefold() in lx["presence_verbs"]:
                first = next((m for m in args if m.key == agents[0] and m.end - sent.start <= t.start), None)
                via_owner = via_owner or bool(first and self.before(sent, first, lx["owner"]))
                last = next((m for m in reversed(args) if m.key == agents[0] and m.end - sent.start <= t.start), None)
                if t.type != "COMBAT" and not (via_owner and last and not re.search(r"[,;]", text[last.end - sent.start:t.start])):
                    continue     # "Menteri X yang berada di Kyiv": a person somewhere, not troops deployed
            typ = "DEPLOY" if t.type == "COMBAT" and via_owner else t.type
            stop = self.clause_end(text, t, trigs)
            tgt, place = self.objects(sent, typ, t, after, stop, agents)
            target = target or tgt
            if not t.nominal and not t.passive:
                verb_end = t.end
            if speech:
                speech_end = t.end
                main = main or agents
            for ag in agents:
                c = Claim(typ, ag, sent, target=target if typ not in NO_TARGET else None,
                          place=place if not speech else None, negated=t.negated, trigger=t.word)
                c.date = self.date_for(t, trigs, dates, text) or inherited
                for mod, pat in lx["modality"]:
                    if pat.search(text):
                        c.modality = mod
                        break
                if qspan:
                    c.quote, c.quote_start, c.quote_end = text[qspan[0]:qspan[1]], sent.start + qspan[0], sent.start + qspan[1]
                out.append(c)
        if not out and qspan and speaker:    # “...,” tegasnya: a quoted statement with no verb of our list
            out = [Claim("STATEMENT", ag, sent, date=dates[0] if dates else inherited, trigger="",
                         quote=text[qspan[0]:qspan[1]], quote_start=sent.start + qspan[0],
                         quote_end=sent.start + qspan[1]) for ag in speaker]
        out = self._refine(sent, out, quantities, speaker, dates, inherited, trigs)
        carrier = self.carrier(sent, args)
        for c in out:
            c.carrier = carrier
        if out:
            agents = [c.agent for c in out if c.type in SPEECH]
            self.last_agents = list(dict.fromkeys(agents or [c.agent for c in out]))[:1] or self.last_agents
        else:       # "Ia"/"tegasnya" in the next sentence means the person this one was about
            people = [m.key for m in args if self.kind(m) == "Person"]
            self.last_agents = people[:1] or self.last_agents
        for k in countries:
            self.country_counts[k] = self.country_counts.get(k, 0) + 1
        pair = list(dict.fromkeys(countries))
        if len(pair) == 2:
            self.last_pair = pair
        else:
            top = sorted(self.country_counts, key=lambda k: -self.country_counts[k])[:2]
            self.last_pair = top if len(top) == 2 else self.last_pair
        seen, unique = set(), []
        for c in out:
            k = (c.type, c.agent, c.target, c.place, c.about, c.quantity, c.negated)
            if k not in seen:
                seen.add(k)
                unique.append(c)
        self.last_date = dates[0] if dates else inherited
        explicit = [d for d in dates if d.precision == "day" and any(ch.isdigit() for ch in d.text)]
        self.last_explicit = explicit[-1] if explicit else self.last_explicit
        self.adopter = next((c.agent for c in unique if c.type == "AGREE"), self.adopter)
        for c in unique:
            if c.type in EVENT_TYPES:
                self.did[c.type] = c.agent
        self.last_event = next((c.type for c in reversed(unique) if c.type in EVENT_TYPES),
                               next((c.about for c in reversed(unique) if c.about), self.last_event))
        return unique

    def nominal_args(self, sent, t, after) -> tuple[list[str], str | None]:
        """Agent of a noun trigger: the name right after it ("kecaman Korsel", "pengerahan pasukan Korut"),
        or "antara X dan Y"."""
        lx = lexicon()
        text = sent.text
        for m in after:
            gap = text[t.end:m.start - sent.start]
            if len(gap) > 45:
                break
            if not gap.strip() or (lx["owner"].search(gap) and re.fullmatch(r"[\w\s-]*", gap) and len(gap.split()) <= 3):
                if self.kind(m) != "Place":
                    return [m.key], None
            pm = re.fullmatch(r"\s*(?:\w+\s+)?antara\s+(?:\w+\s+)?", gap)
            if pm:
                rest = [n for n in after if n is not m and n.start > m.end]
                if rest and re.fullmatch(r"\s+dan\s+", text[m.end - sent.start:rest[0].start - sent.start]):
                    return [m.key], rest[0].key
                return [m.key], None
        return [], None

    def clause_end(self, text: str, t: Trigger, trigs: list[Trigger]) -> int:
        nxt = [x.start for x in trigs if x.start > t.end and not x.nominal]
        m = re.compile(r"[;.]|,\s*(?:yang|tetapi|namun|sementara|sedangkan|meskipun)\b|\s(?:tetapi|namun|sedangkan)\s").search(text, t.end)
        return min(nxt + ([m.start()] if m else []) + [len(text)])

    def objects(self, sent, typ, t, after, stop, agents) -> tuple[str | None, str | None]:
        """Target and place after the trigger, within its clause."""
        lx = lexicon()
        text = sent.text
        target = place = None
        bahwa = lx["bahwa"].search(text, t.end)
        for m in after:
            rel = m.start - sent.start
            if rel >= stop:
                break
            k = self.kind(m)
            ctx = text[max(0, rel - 30):rel]
            if k == "Place" or re.search(r"(?:wilayah|di|oblast)\s+$", ctx, re.I) and k != "Person":
                place = place or m.key
                continue
            if target or m.key in agents or self.before(sent, m, lx["carried"]):
                continue
            if typ in ("DEPLOY", "SUPPLY", "TRAIN"):
                if re.search(r"(?:\bke|\bkepada|\bmembantu|\bmendukung|\bbagi|\bmelatih)\s+$", ctx, re.I):
                    target = m.key
            elif bahwa and rel > bahwa.start():
                continue
            elif not self.before(sent, m, lx["prep"]) or re.search(r"(?:terhadap|kepada|dengan)\s+$", ctx) or \
                    typ in ("ATTACK", "KILL", "SANCTION") and re.search(r"\bke\s+$", ctx):
                target = m.key
        return target, place

    def _refine(self, sent, claims, quantities, speaker, dates, inherited, trigs) -> list[Claim]:
        """Tie speech acts to the events they are about; turn negated reports into denials; add estimates."""
        lx = lexicon()
        events = [c for c in claims if c.type not in SPEECH]
        speech = [c for c in claims if c.type in SPEECH]
        text = sent.text
        for s in speech:     # a quote and its attribution are one occasion ("...," kata X, Rabu (23/10))
            if s.quote and (s.date is None or s.date is inherited):
                s.date = next((o.date for o in speech if o.agent == s.agent and o.date and o.date is not inherited), s.date)
        for s in speech:
            if s.type in ("CONFIRM", "DENY", "NO_COMMENT", "STATEMENT") or s.trigger.casefold() in lx["claim_verbs"]:
                ev = events[0] if events else None
                if s.trigger.casefold() in lx["claim_verbs"]:
                    s.type = "ACCUSE" if ev is not None and ev.agent != s.agent else "STATEMENT"
                if ev is not None:
                    s.about, s.about_agent, s.about_target, s.about_place = ev.type, ev.agent, ev.target, ev.place
                    if ev.negated and s.type == "STATEMENT":
                        s.type = "DENY"
                    elif s.type == "STATEMENT" and ev.type in HOSTILE and ev.agent != s.agent:
                        s.type, s.target = "ACCUSE", s.target or ev.agent    # "X menyebut Y sengaja menyerang ..."
                elif s.type != "STATEMENT":
                    pos = _after(text, s)
                    named = next((t.type for t in trigs if t.type in EVENT_TYPES), None)
                    complement = re.split(r"\s(?:dan|tetapi|namun)\s|[,;]", text[pos:pos + 80])[0]
                    if lx["troops"].search(complement):
                        s.about = "DEPLOY"
                    elif named:          # an event named without its agent ("laporan pengerahan pasukan")
                        s.about = named
                    elif lx["that_report"].match(complement):
                        s.about = self.last_event    # "membantah laporan itu": the event reported just before
            if s.type == "STATEMENT" and lx["threat"].search(s.quote or text):
                s.type = "WARN"      # "Jika ..., mereka akan ...": a conditional threat
            if s.type == "STATEMENT" and lx["accusation"].search(text):
                s.type = "ACCUSE"
                pos = _after(text, s)
                s.target = s.target or next((m.key for m in self.args(sent) if m.start - sent.start >= pos
                                             and m.key != s.agent and self.kind(m) in ("Country", "Organization", "Person")), None)
        # "mengecam serangan itu": the target is whoever did the event named just before
        for s in speech:
            if s.type in ("CONDEMN", "ACCUSE", "WARN") and s.target is None and s.trigger:
                m = re.match(r"\s+(?:keras\s+)?(\w+)" + _THAT, text[_after(text, s):])
                typ = _event_noun(m.group(1).casefold()) if m else None
                if typ and self.did.get(typ) and self.did[typ] != s.agent:
                    s.target, s.about = self.did[typ], s.about or typ
        # an incident reported without its own date happened by the time it was reported
        for e in events:
            if e.date is None and e.type in POINT_EVENTS:
                e.date = next((s.date for s in speech if s.date), None)
        # a negated event inside a report is what the speaker denies, not an event
        claims = [c for c in claims if not (c in events and c.negated)]
        # amounts of troops: an estimate by whoever reports them
        estimators = [c.agent for c in speech if c.type == "ESTIMATE"] or \
                     [c.agent for c in speech if c.type not in ("CONFIRM", "DENY", "NO_COMMENT")] or speaker
        kill = any(e.type in ("KILL", "ATTACK") for e in events)
        estimated: set[str] = set()
        for q, counted in quantities:
            if kill:
                for e in events:
                    if e.type in ("KILL", "ATTACK") and e.quantity is None:
                        e.quantity = q
                continue
            if not estimators:
                for e in events:
                    if e.type == "DEPLOY" and e.quantity is None:
                        e.quantity = q
                continue
            agents = list(dict.fromkeys(estimators))
            if len(agents) > 1:      # "X said ... after Y revealed that 1.500 ...": the nearest speaker before it
                at = {c.agent: text.find(c.trigger) for c in speech if c.agent in agents and c.trigger}
                near = [a for a in agents if 0 <= at.get(a, -1) < q.start]
                if near:
                    agents = [a for a in near if at[a] == max(at[b] for b in near)]
            m = re.search(r"perkiraan(?:\s+\w+)?\s+(\S+(?:\s+\S+)?)\s+sebanyak\s*$", text[max(0, q.start - 60):q.start])
            own = [x for x in self.args(sent) if m and x.start - sent.start >= q.start - 60 + m.start(1) and x.end - sent.start <= q.start]
            if own:
                agents = [own[0].key]
            d = next((d for d in dates if 0 <= d.start - q.end <= 20), None)
            estimated.update(agents)
            for ag in agents:
                base = next((c for c in speech if c.agent == ag), None)
                claims.append(Claim("ESTIMATE", ag, sent, quantity=q, trigger=base.trigger if base else "",
                                    date=d or (base.date if base else None) or inherited,
                                    about=counted, modality=base.modality if base else None,
                                    quote=base.quote if base else None,
                                    quote_start=base.quote_start if base else -1, quote_end=base.quote_end if base else -1))
        if quantities and not kill:
            claims = [c for c in claims if not (c.type in ("STATEMENT", "ACCUSE") and c.agent in estimated)]
        # a plain statement adds nothing next to a specific act by the same agent
        specific = {c.agent for c in claims if c.type in SPEECH and c.type != "STATEMENT"}
        return [c for c in claims if not (c.type == "STATEMENT" and c.agent in specific)]


_DEMONSTRATIVE = re.compile(r"\b(?:itu|tersebut)\b")


def _date_event_named(sent: Sentence, earlier: list[Claim], ref_day) -> None:
    """"Serangan berlangsung hingga Jumat (4/7)", "Dalam pertemuan Selasa (27/8) itu": a sentence that
    names an event by its noun (first, or a few words before "itu") and gives a day dates the last
    undated event of that type before it."""
    undated = {c.type for c in earlier if c.date is None and c.type in POINT_EVENTS}
    if not undated:
        return
    text = sent.text
    words = re.findall(r"\w+", text[:40])[:1]
    for m in _DEMONSTRATIVE.finditer(text):
        words += re.findall(r"\w+", text[max(0, m.start() - 40):m.start()])[-4:]
    for word in words:
        word = word.casefold()
        typ = _event_noun(word) if _is_nominal(word) else None
        if typ not in POINT_EVENTS:
            continue
        if typ in undated:
            last = next(c for c in reversed(earlier) if c.type == typ)
            days = [d for d in find_dates(text, ref_day) if d.precision == "day"] if last.date is None else []
            if days:
                last.date = days[0]
        return


def read_claims(article: Article, ref, ref_own: bool = True) -> Article:
    """Set `article.claims` from its sentences; `ref` is the date relative dates count from, and
    `ref_own` says whether the article's own text gave it (else statements are left undated)."""
    lx = lexicon()
    ref_day = ref.day() if ref else None
    reader = _Reader(article, ref_day)
    claims: list[Claim] = []
    body = [s for s in article.sentences if s.text.rstrip().endswith((".", "!", "?", "”", '"', ")"))]
    lede = {s.index for s in body[:2]}
    prev: list[Claim] = []
    for sent in article.sentences:
        found = reader.read(sent)
        if lx["statement_noun"].match(sent.text):
            d = find_dates(sent.text, ref_day)
            for c in prev:
                if c.date is None and d:
                    c.date = d[0]
        _date_event_named(sent, claims, ref_day)
        # "X tidak membantah laporan itu. Ditanya ... Kamis (24/10), X berkata ...": one occasion
        # and "X said on Thursday (31/10) ... X warned ...": the same
        went_back = bool(lx["earlier"].match(sent.text))      # "Sebelumnya, ...": another time
        said = {} if went_back else {c.agent: c.date for c in found if c.type in SPEECH and c.date is not None}
        before = {} if went_back else {c.agent: c.date for c in prev if c.type in SPEECH and c.date is not None}
        for c in prev:
            if c.date is None and c.type in SPEECH and c.agent in said:
                c.date = said[c.agent]
        for c in found:
            if c.date is None and c.type in SPEECH and c.agent in before:
                c.date = before[c.agent]
        claims += found
        prev = found or prev
    for c in claims:
        if c.date is not None or c.type not in SPEECH:
            continue         # events keep only dates the text gives them
        if c.sentence.index in lede and ref is not None:
            c.date = DateValue(ref.value, ref.precision, ref.text)
        elif article.published is not None:
            c.date = article.published
        elif ref is not None and ref_own:
            c.date = DateValue(ref.value, ref.precision, ref.text)
    article.claims = claims
    return article
