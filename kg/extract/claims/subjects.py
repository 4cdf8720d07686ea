"""Subjects and agents: which mention of a sentence is the one who acts or speaks."""
from __future__ import annotations

import re

from kg.extract.claims.patterns import FRONTED, lexicon
from kg.lexicon import load
from kg.model import Mention, Sentence
from kg.text.gazetteer import gazetteer

BETWEEN = re.compile(r"(?<![\w-])antara\s+[^,;.()]*?\s(?:dan|dengan)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}")
_SOURCE_PHRASE = re.compile(r"(?<![\w-])(?i:menurut|berdasarkan)\b[^,;.]*(?:,[^,;.]*)?$")   # (and "Menurut juru bicara X, Y, ...")
# a country set beside the place it is in: "berbasis di Piraeus, Yunani," names where, not who
_PLACE_APPOSITION = re.compile(r"(?<![\w-])(?:di|ke|dari)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},\s+$")
_SUBORDINATE = re.compile(r"(?<![\w-])(?:setelah|sesudah|usai|seusai|menyusul|sebelum)\s+(?=[a-z])")
_LED_BY = re.compile(r"(?<![\w-])(?:pimpinan|dipimpin)\s+$", re.I)
_OWN_CLAUSE = re.compile(r"(?<![\w-])(?:meski(?:pun)?|walau(?:pun)?|padahal|sedangkan|sementara)\s+(?=[A-Z])")
_OPEN_BRACKET = re.compile(r"[\w\s-]*\(\s*$")     # "X (Y" before a mention: what the bracket opens on
CLEFT = re.compile(r"\W*(?:[Pp]ihak\s+)?[Yy]ang\s+(?:\w+\s+){0,3}$")
# A dateline before the first words: "Addis Ababa, KabarTimur |", "JAKARTA, KOMPAS.com -", "Lima (ANTARA) -",
# "Jakarta, 18/3/2025 -", "Jakarta, 18 Maret 2025 -", "SANAA - ".
DATELINE = re.compile(r"\W*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:,\s*(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[\w.'’-]+)|\([^)]{2,30}\))"
                      r"(?:\s*[|–—]|\s+-)\s+"
                      r"|\W*[A-Z]{3,}(?:\s+[A-Z]{3,}){0,2}\s+[-–—]\s+"      # "SANAA - ", "KYIV – "
                      r"|\W*[\w-]+\.(?:com|id|co\.id|net|org|news)\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*[-–—|]\s+")   # "jpnn.com, KINSHASA - "


class Subjects:
    """Mentions and subjects of clauses (a part of the claim reader)."""

    def args(self, sent: Sentence) -> list[Mention]:
        """Mentions that can fill a role (not inside a person's title, not in a dateline), in text order."""
        out = []
        dateline = DATELINE.match(sent.text)
        for m in self.by_sent.get(sent.index, []):
            if dateline and m.start - sent.start < dateline.end():
                continue         # "Addis Ababa, KabarTimur |": where and by whom it was filed, not who acts
            if lexicon()["document_name"].search(sent.text, max(0, m.start - sent.start - 14), m.start - sent.start):
                continue         # "Perjanjian Jenewa", "Deklarasi Ankara": a document's name, no party
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

    def can_act(self, m: Mention) -> bool:
        """Persons, organisations and countries act and speak; an outlet only carries what others say,
        unless it is a state's own medium (an outlet with a country in the gazetteer: "KCNA")."""
        e = self.a.entities[m.key]
        return e.type in ("Person", "Organization", "Country") or e.type == "Outlet" and any(
            x.country for x in gazetteer()[0].get(e.label.casefold(), []))

    def for_country(self, agents: list[str]) -> list[str]:
        """The country a person holds office for, in place of the person: the owner of "pasukannya"."""
        out = []
        for a in agents:
            if self.a.entities[a].type == "Person":
                a = next((r.org for r in self.a.roles if r.person == a and r.org
                          and self.a.entities[r.org].type == "Country"), a)
            out.append(a)
        return out

    def subject_just_before(self, sent, args, lo: int, pos: int) -> bool:
        """True when a mention that can act ends right before `pos` ("Uni Afrika Konfirmasi ...")."""
        return self.just_before(sent, args, lo, pos) is not None

    def just_before(self, sent, args, lo: int, pos: int) -> str | None:
        """The mention that can act ending right before `pos`, if one ("..., Addis Ababa Membantah")."""
        return next((m.key for m in args if lo <= m.start - sent.start and m.end - sent.start <= pos
                     and not sent.text[m.end - sent.start:pos].strip() and self.can_act(m)), None)

    def before(self, sent, m, pattern) -> bool:
        """True when the words just before mention `m` match `pattern` (an opening bracket is looked through)."""
        ctx = sent.text[max(0, m.start - sent.start - 40):m.start - sent.start]
        return bool(pattern.search(ctx) or "(" in ctx and pattern.search(_OPEN_BRACKET.sub("", ctx)))

    def subjects(self, sent, args, lo, hi, speech: bool) -> list[str]:
        """The subject(s) of the clause sent.text[lo:hi]: the first free agent mention and those coordinated with it."""
        lx = lexicon()
        # "X menangguhkan perundingan setelah serangan ... menewaskan tujuh tentara": the verb is of the clause
        # "setelah" opens, whose subject is a noun; X is no subject of it
        sub = [m.end() for m in _SUBORDINATE.finditer(sent.text, lo, hi) if "," not in sent.text[m.end():hi]]
        lo = sub[-1] if sub else lo      # (not when a comma closes the clause: "Rusia, menyusul kunjungan X, mengerahkan")
        # "X mempertahankan pasukannya di sana, meski Y menuntut ...": a clause of its own, with its own subject
        own = [m.end() for m in _OWN_CLAUSE.finditer(sent.text, lo, hi)]
        lo = own[-1] if own else lo
        cands = [m for m in args if lo <= m.start - sent.start and m.end - sent.start <= hi
                 and self.can_act(m) and (speech or self.kind(m) != "Outlet")]     # (an outlet does no deed)
        # "Perang antara X dan Y yang pecah ... menewaskan": the parties between whom something is are no subject
        between = [b.span() for b in BETWEEN.finditer(sent.text, lo, hi)]
        cands = [m for m in cands if not any(a <= m.start - sent.start < b for a, b in between)]
        for i, m in enumerate(cands):
            if self.before(sent, m, lx["prep"]) or self.before(sent, m, lx["carried"]) or self.kind(m) == "Country" and self.before(sent, m, _PLACE_APPOSITION) or \
                    not speech and self.before(sent, m, lx["in_prep_phrase"]):
                continue         # (nor does one named in "ke pos-pos X" act)
            head = sent.text[lo:hi]
            if FRONTED.match(head) and "," in head and self.fronted_end(sent, args, lo, head) >= m.end - sent.start:
                continue         # "Atas perintah Vidal, ..." / "Sejak perang Peru pecah, ...": not the subject
            if speech and self.before(sent, m, lx["owner"]) and not self.before(sent, m, lx["speaking_owner"]):
                continue         # "Militer X menuduh ...", "seorang perwira militer X mengatakan": X's military speaks
            if _SOURCE_PHRASE.search(sent.text, 0, m.start - sent.start) and "," in sent.text[m.end - sent.start:hi]:
                continue         # "Menurut perkiraan X, Y meluncurkan ...": X is the source, Y the subject
            nxt = cands[i + 1] if i + 1 < len(cands) else None
            if _LED_BY.search(sent.text, 0, m.start - sent.start) and any(
                    re.fullmatch(r"[^,;()]*\(\s*", sent.text[m.end - sent.start:n.start - sent.start]) for n in cands[i + 1:]):
                continue         # "Pasukan penjaga perdamaian pimpinan NATO di Kosovo (KFOR) mengerahkan": KFOR does
            if nxt is not None and self.kind(m) == "Person" == self.kind(nxt) and self.before(sent, m, lx["kin"]) \
                    and re.fullmatch(r",\s*", sent.text[m.end - sent.start:nxt.start - sent.start]):
                continue         # "adik pemimpin X Luis Arce, Sofia Mendez, menepis ...": the relative is no subject
            if nxt is not None and self.kind(m) == "Country" and self.kind(nxt) == "Organization" \
                    and re.fullmatch(r",\s*", sent.text[m.end - sent.start:nxt.start - sent.start]) \
                    and re.match(r"\s*(?:\([^)]*\)\s*)?,", sent.text[nxt.end - sent.start:hi]):
                body = self.a.entities[nxt.key]      # "Pasukan paramiliter X, Rapid Support Forces (RSF), menyerbu ...":
                if not body.country and not body.source.startswith("gazetteer"):
                    body.country = m.key                 # the body named, one of that country
                return [nxt.key]
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

    def fronted_end(self, sent, args, lo: int, head: str) -> int:
        """Where a fronted phrase ends: its first comma, or the comma after a person apposed to its last words
        ("Usai bertemu Menlu Peru, Ana Rojas, Menlu Chili ... menuding": Ana Rojas is in the phrase)."""
        opening = FRONTED.match(head)       # (after "Namun, beberapa jam setelah ...")
        cut = lo + (head.find(",", opening.end()) if opening and "," in head[opening.end():] else head.index(","))
        apposed = next((m for m in args if self.kind(m) == "Person" and re.fullmatch(r",\s*", sent.text[cut:m.start - sent.start])
                        and sent.text.startswith(",", m.end - sent.start)), None)
        return apposed.end - sent.start if apposed else cut

    def cleft_agent(self, sent, t, args) -> list[str]:
        """"Yang pertama kali mengonfirmasi hal itu adalah X": X, named after "adalah", is the agent."""
        text = sent.text
        if not CLEFT.match(text[:t.start]):
            return []
        be = re.search(r"\b(?:adalah|ialah)\s+", text[t.end:])
        if not be:
            return []
        after = [m for m in args if m.start - sent.start >= t.end + be.end() and self.can_act(m)]
        return [after[0].key] if after and after[0].start - sent.start <= t.end + be.end() + 40 else []

    def titled_before(self, sent, head: str) -> list[str]:
        """"Pejabat itu", "Menteri tersebut", "Sang duta besar": the last person before this sentence who holds
        that title; "Kementerian itu": the last body before it so named."""
        m = lexicon()["title_that"].search(head)
        if not m:
            body = lexicon()["body_that"].search(head)      # "Kementerian itu membantah ...": the body named last
            named = self.named_before(sent, " ".join(body.group(1).split())) if body else None
            return [named] if named else []
        title = " ".join((m.group(1) or m.group(2)).casefold().split())
        generic = title in load("roles")["generic_titles"]
        held = [r for r in self.a.roles if r.sentence < sent.index
                and (generic or r.role == title or r.role.startswith(title + " "))]
        return [max(held, key=lambda r: r.sentence).person] if held else []

    def pronoun_agents(self, sent, lo, hi, sent_agents, quoted: bool = False) -> list[str]:
        m = lexicon()["pronoun"].search(sent.text[lo:hi])
        if not m or quoted and m.group(1).casefold() == "mereka":
            return []        # ("“Mereka menyerang ...,” kata X": in a quote, "they" are never the speaker)
        agents = sent_agents or self.last_agents
        word = m.group(1).casefold()
        if word in ("pihaknya", "kelompoknya"):      # "X mengatakan pihaknya mengerahkan ...": X's side, the body X serves
            agents = [next((r.org for r in reversed(self.a.roles) if r.person == a and r.org
                            and self.a.entities[r.org].type in ("Organization", "Country")), a) for a in agents]
        elif word in ("negaranya", "pemerintahnya"):     # "X mengatakan pemerintahnya telah memprotes ...": X's country
            agents = [self.country_served(a) for a in agents]
        return agents

    def country_served(self, agent: str) -> str:
        """The country an agent speaks for: a person's office's country (or its body's), a body's country."""
        ents = self.a.entities
        bodies = [r.org for r in reversed(self.a.roles) if r.person == agent and r.org] if ents[agent].type == "Person" else [agent]
        for b in bodies:
            if ents[b].type == "Country":
                return b
            if ents[b].country in ents:
                return ents[b].country
        return ents[agent].country if ents[agent].country in ents else agent
