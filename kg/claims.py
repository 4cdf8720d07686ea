"""Claims and events: who did or said what, to whom, where, when and how many.

Reads the trigger lexicon and the mentions of each sentence; adds `Article.claims`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .dates import find_dates
from .lexicon import load
from .model import Article, Claim, DateValue, Mention, Quantity, Sentence
from .numbers import find_quantities

_QUOTE = re.compile(r"[“\"]([^”\"]{8,})[”\"]")
NOMINAL_EXTRA = {"konfirmasi", "kritik", "klaim", "sanksi", "embargo", "ancaman bagi"}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _words(words) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + _alt(words) + r")(?![\w-])", re.I)


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
        "troops": _words(lex["troops"]),
        "arms": _words(lex["arms"]),
        "negation": re.compile(r"(?<![\w-])(?:" + _alt(lex["negation"]) + r")(?:\s+\w+){0,1}\s*$", re.I),
        "modality": [(m, _words(ws)) for m, ws in lex["modality"].items()],
        "attribution": re.compile(r"(?<![\w-])(" + _alt(lex["attribution"]) + r")(?![\w-])", re.I),
        "pronoun": re.compile(r"(?<![\w-])(" + _alt(lex["pronouns"]) + r")(?![\w-])", re.I),
        "statement_noun": re.compile(r"^\W*(?:" + _alt(lex["statement_nouns"]) + r")\s+(?:itu|tersebut|ini)\b", re.I),
        "carried": re.compile(r"(?<![\w-])(?:" + _alt(lex["carried_by"]) + r")\s+$", re.I),
        "accusation": _words(lex["accusation_content"]),
        "owner": re.compile(r"(?<![\w-])(?:" + _alt(lex["owner_nouns"]) + r")\s+$", re.I),
        "prep": re.compile(r"(?<![\w-])(?:" + _alt(lex["prepositions"]) + r")\s+$", re.I),
        "speaker_noun": re.compile(r"(?<![\w-])(?:" + _alt(lex["speaker_nouns"]) + r")\s+$", re.I),
        "bahwa": re.compile(r"(?<![\w-])(?:bahwa|jika|agar|supaya)(?![\w-])|[:;]", re.I),
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


def _is_nominal(word: str) -> bool:
    w = word.casefold()
    return w in NOMINAL_EXTRA or (w.endswith("an") and not w.startswith(("me", "di", "ber"))) or " " in w and w.split()[0].endswith("an")


class _Reader:
    """Reads claims sentence by sentence, keeping who spoke last for pronouns."""

    def __init__(self, article: Article, ref):
        self.a = article
        self.ref = ref
        self.last_agents: list[str] = []
        self.last_date: DateValue | None = None
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

    def kind(self, m: Mention) -> str:
        return self.a.entities[m.key].type

    def before(self, sent, m, pattern) -> bool:
        return bool(pattern.search(sent.text[max(0, m.start - sent.start - 40):m.start - sent.start]))

    def subjects(self, sent, args, lo, hi, speech: bool) -> list[str]:
        """The subject(s) of the clause sent.text[lo:hi]: the first free agent mention and those coordinated with it."""
        lx = lexicon()
        cands = [m for m in args if lo <= m.start - sent.start and m.end - sent.start <= hi
                 and self.kind(m) in ("Person", "Organization", "Country", "Outlet")]
        for i, m in enumerate(cands):
            if self.before(sent, m, lx["prep"]) or self.before(sent, m, lx["carried"]):
                continue
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
            if typ in ("DEPLOY",) and w.casefold() in ("mengirim", "mengirimkan", "dikirim", "pengiriman"):
                obj = text[t.end:t.end + 60]
                if lx["arms"].search(obj) and not lx["troops"].search(obj[:25]):
                    t.type = "SUPPLY"
                elif not lx["troops"].search(text[max(0, t.start - 40):t.end + 60]):
                    continue
            if typ == "CONFIRM" and t.negated:
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
            after = [a for a in args if a.start - sent.start >= m.end() and a.start - sent.start <= m.end() + 3]
            if word == "menurut":
                if after:
                    return [after[0].key], qspan
                continue
            if after and (qspan is None or m.start() >= qspan[1] or m.start() > len(text) * 0.5):
                return [after[0].key], qspan
            nxt = text[m.end():m.end() + 25]
            if after == [] and re.match(r"\s+(?:juru|seorang|pejabat)", nxt):
                later = [a for a in args if a.start - sent.start > m.end()]
                if later:
                    return [later[0].key], qspan
        return [], qspan

    def date_for(self, sent: Sentence, pos: int, dates) -> DateValue | None:
        if not dates:
            return None
        return min(dates, key=lambda d: abs(d.start - pos))

    def read(self, sent: Sentence) -> list[Claim]:
        lx = lexicon()
        text = sent.text
        args = self.args(sent)
        dates = find_dates(text, self.ref)
        quantities = [q for q in find_quantities(text) if lx["troops"].search(text[q.end:q.end + 30]) or
                      re.search(r"sebanyak\s*$", text[max(0, q.start - 12):q.start])]
        speaker, qspan = self.speaker(sent, args)
        trigs = self.triggers(sent)
        for m in lx["falsehood"].finditer(text):
            for t in trigs:
                if t.type == "STATEMENT" and t.start < m.start():
                    t.type = "DENY"
        inherited = None
        if lx["pronoun"].match(text) or re.match(r"^\W*(?:pada saat yang sama|saat itu)", text, re.I):
            inherited = self.last_date
        out: list[Claim] = []
        sent_agents: list[str] = []
        speech_end = 0
        for t in trigs:
            speech = t.type in ("CONFIRM", "DENY", "NO_COMMENT", "ACCUSE", "CONDEMN", "DEMAND", "WARN", "ESTIMATE", "STATEMENT")
            in_quote = qspan and qspan[0] <= t.start < qspan[1]
            lo = 0
            for b in lx["bahwa"].finditer(text[:t.start]):
                lo = b.end()
            lo = max(lo, speech_end if not speech else 0)
            agents: list[str] = []
            target = place = None
            after = [m for m in args if m.start - sent.start >= t.end]
            if t.nominal:
                near = [m for m in after if m.start - sent.start <= t.end + 30
                        and not self.before(sent, m, lx["prep"])]
                agents = [near[0].key] if near and self.kind(near[0]) != "Place" else []
                if t.type == "DEPLOY":
                    owners = [m for m in after if m.start - sent.start <= t.end + 25 and self.before(sent, m, lx["owner"])]
                    agents = [owners[0].key] if owners else agents
                if not agents:
                    continue
            elif in_quote and speech:
                agents = speaker
            elif t.passive:
                nxt = [m for m in after if m.start - sent.start <= t.end + 6 and self.kind(m) != "Place"]
                if nxt:
                    agents = [nxt[0].key]
                elif speech:
                    agents = speaker
                else:
                    before = [m for m in args if m.end - sent.start <= t.start and self.before(sent, m, lx["owner"])]
                    agents = [before[-1].key] if before else []
            else:
                agents = self.subjects(sent, args, lo, t.start, speech)
                if not agents:
                    agents = self.pronoun_agents(sent, lo, t.start, sent_agents)
                if not agents and speech:
                    agents = speaker
                if not agents and not speech:
                    owners = [m for m in args if m.end - sent.start <= t.start and self.before(sent, m, lx["owner"])]
                    agents = [owners[-1].key] if owners else []
            if not agents:
                continue
            # arguments after the trigger
            stop = len(text)
            for t2 in trigs:
                if t2.start > t.end and (t2.type in ("CONFIRM", "DENY", "STATEMENT") or not speech):
                    stop = t2.start
                    break
            for m in after:
                if m.start - sent.start > stop and target:
                    break
                k = self.kind(m)
                if k == "Place" or (re.search(r"(?:wilayah|di)\s+$", text[max(0, m.start - sent.start - 9):m.start - sent.start]) and k != "Person"):
                    place = place or m.key
                elif target is None and m.key not in agents and not self.before(sent, m, lx["carried"]):
                    target = m.key
            if speech:
                speech_end = t.end
                sent_agents = sent_agents or agents
            for ag in agents:
                c = Claim(t.type, ag, sent, target=target if t.type not in ("STATEMENT", "ESTIMATE", "CONFIRM", "DENY", "NO_COMMENT") else None,
                          place=place if not speech else None, negated=t.negated, trigger=t.word)
                c.date = self.date_for(sent, t.start, dates) or inherited
                for mod, pat in lx["modality"]:
                    if pat.search(text):
                        c.modality = mod
                        break
                if qspan:
                    c.quote, c.quote_start, c.quote_end = text[qspan[0]:qspan[1]], sent.start + qspan[0], sent.start + qspan[1]
                out.append(c)
        out = self._refine(sent, out, quantities, speaker, dates, inherited)
        if out:
            agents = [c.agent for c in out if c.type in ("CONFIRM", "DENY", "NO_COMMENT", "ACCUSE", "CONDEMN", "DEMAND", "WARN", "ESTIMATE", "STATEMENT")]
            self.last_agents = list(dict.fromkeys(agents or [c.agent for c in out]))[:1] or self.last_agents
        if dates:
            self.last_date = dates[0]
        elif inherited:
            self.last_date = inherited
        return out

    def _refine(self, sent, claims, quantities, speaker, dates, inherited) -> list[Claim]:
        """Tie speech acts to the events they are about; turn negated reports into denials; add estimates."""
        lx = lexicon()
        events = [c for c in claims if c.type not in ("CONFIRM", "DENY", "NO_COMMENT", "ACCUSE", "CONDEMN", "DEMAND", "WARN", "ESTIMATE", "STATEMENT")]
        speech = [c for c in claims if c not in events]
        text = sent.text
        for s in speech:
            if s.type in ("CONFIRM", "DENY", "NO_COMMENT", "STATEMENT"):
                ev = next((e for e in events if e.agent != s.agent or s.type != "STATEMENT"), None)
                if ev is None and lx["troops"].search(text):
                    s.about = "DEPLOY"
                elif ev is not None:
                    s.about, s.about_agent, s.about_target, s.about_place = ev.type, ev.agent, ev.target, ev.place
                    if ev.negated and s.type == "STATEMENT":
                        s.type = "DENY"
            if s.type == "STATEMENT" and lx["accusation"].search(text):
                s.type = "ACCUSE"
        # a negated event inside a report is what the speaker denies, not an event
        claims = [c for c in claims if not (c in events and c.negated)]
        # amounts of troops: an estimate by whoever reports them
        estimators = [c.agent for c in speech if c.type in ("ESTIMATE",)] or \
                     [c.agent for c in speech if c.type not in ("CONFIRM", "DENY", "NO_COMMENT")] or speaker
        kill = any(e.type in ("KILL", "ATTACK") for e in events)
        for q in quantities:
            if kill:
                for e in events:
                    if e.type in ("KILL", "ATTACK") and e.quantity is None:
                        e.quantity = q
                continue
            agents = list(dict.fromkeys(estimators))
            m = re.search(r"perkiraan(?:\s+\w+)?\s+(\S+(?:\s+\S+)?)\s+sebanyak\s*$", text[max(0, q.start - 60):q.start])
            own = [x for x in self.args(sent) if m and x.start - sent.start >= q.start - 60 + m.start(1) and x.end - sent.start <= q.start]
            if own:
                agents = [own[0].key]
            d = next((d for d in dates if 0 <= d.start - q.end <= 20), None)
            for ag in agents:
                base = next((c for c in speech if c.agent == ag), None)
                c = Claim("ESTIMATE", ag, sent, quantity=q, trigger=base.trigger if base else "",
                          date=d or (self.date_for(sent, q.start, dates)) or inherited,
                          about="DEPLOY", modality=base.modality if base else None,
                          quote=base.quote if base else None,
                          quote_start=base.quote_start if base else -1, quote_end=base.quote_end if base else -1)
                claims.append(c)
            for e in events:
                if e.type == "DEPLOY" and e.quantity is None:
                    e.quantity = q
        if quantities and not kill:
            claims = [c for c in claims if not (c.type in ("STATEMENT", "ACCUSE") and c.agent in estimators)]
        # a plain statement adds nothing next to a specific act by the same agent
        specific = {c.agent for c in claims if c.type not in ("STATEMENT",) and c.type not in [e.type for e in events]}
        return [c for c in claims if not (c.type == "STATEMENT" and c.agent in specific)]


def read_claims(article: Article, ref) -> Article:
    """Set `article.claims` from its sentences; `ref` is the date relative dates count from."""
    lx = lexicon()
    ref_day = ref.day() if ref else None
    reader = _Reader(article, ref_day)
    claims: list[Claim] = []
    lede = {s.index for s in article.sentences[:2]}
    prev: list[Claim] = []
    for sent in article.sentences:
        found = reader.read(sent)
        if lx["statement_noun"].match(sent.text):
            d = find_dates(sent.text, ref_day)
            for c in prev:
                if c.date is None and d:
                    c.date = d[0]
        for c in found:
            if c.date is None and sent.index in lede and ref is not None:
                c.date = DateValue(ref.value, ref.precision, ref.text)
            elif c.date is None and article.published is not None:
                c.date = article.published
        claims += found
        prev = found or prev
    article.claims = claims
    return article
