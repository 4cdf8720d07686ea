"""Arguments and places: the target, place and clause extent of a trigger."""
from __future__ import annotations

import functools
import re

from kg.extract.claims.patterns import SPEECH, lexicon
from kg.lexicon import alternation, load
from kg.extract.claims.triggers import Trigger
from kg.model import Mention
from kg.text.gazetteer import gazetteer_country

CLAUSE_END = re.compile(r";|\.(?!\d)|,\s*(?:yang|tetapi|namun|sementara|sedangkan|meskipun|menurut|kata|ujar)\b|\s(?:tetapi|namun|sedangkan)\s")
# a speech act's clause also ends at a second verb ("mengecam penangkapan itu dan memerintahkan ..."); events
# joined so share their objects ("menembakkan meriam air dan melakukan manuver terhadap kapal X")
_NEXT_VERB = re.compile(r",?\s(?:dan|serta|lalu)\s(?:(?:juga|kemudian|segera)\s)?(?:mem|men|meng|meny|me)[a-z]{3,}")
_BAHWA = re.compile(r"\s*bahwa\s+")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=1)
def _comma_title() -> re.Pattern:
    """A comma before an office ("..., Kepala Kemanusiaan PBB, Tom Fletcher, mengecam"): a new subject begins."""
    return re.compile(r",\s+(?i:" + alternation(load("roles")["titles"]) + r")\s")


class Arguments:
    """Targets, places and clause ends (a part of the claim reader)."""

    def nominal_args(self, sent, t, after) -> tuple[list[str], str | None]:
        """Agent of a noun trigger: the name right after it ("kecaman Chili", "pengerahan pasukan Peru"),
        or "antara X dan Y"."""
        lx = lexicon()
        text = sent.text
        for m in after:
            gap = text[t.end:m.start - sent.start]
            if len(gap) > 45:
                break
            spoken = lx["speaker_noun"].search(gap) and not lx["prep_word"].search(t.word)   # "pernyataan perwakilan X"
            if not gap.strip() or ((lx["owner"].search(gap) or spoken) and re.fullmatch(r"[\w\s-]*", gap)
                                   and len(gap.split()) <= 3 and not lx["prep_word"].search(gap)):
                if self.kind(m) != "Place":
                    return [m.key], None
            pm = re.fullmatch(r"\s*(?:\w+\s+)?antara\s+(?:\w+\s+)?", gap)
            if pm:
                rest = [n for n in after if n is not m and n.start > m.end]
                if rest and re.fullmatch(r"\s+dan\s+|-", text[m.end - sent.start:rest[0].start - sent.start]):
                    return [m.key], rest[0].key
                return [m.key], None
        return [], None

    def receive_args(self, sent, t, trigs, args, after, lo: int) -> tuple[list[str], str | None]:
        """"X menerima amunisi dari Y": Y, named after "dari", supplies X, the subject."""
        stop = self.clause_end(sent.text, t, trigs)
        frm = [m for m in after if m.start - sent.start < stop and self.kind(m) != "Place"
               and re.search(r"\bdari\s+$", sent.text[max(0, m.start - sent.start - 30):m.start - sent.start])]
        if not frm:
            return [], None
        before = self.subjects(sent, args, lo, t.start, False)
        return [frm[0].key], before[0] if before else None

    def own_owner(self, sent, t, trigs, args, lo: int, said: list[str]) -> list[str]:
        """The owner of an event noun told by "-nya" or "mereka" ("membantah pengerahan pasukannya"): the
        subject, or the speaker of the verb before it, for whom a leader's troops are his country's; not after
        a verb aimed at another party ("mengecam serangan pasukan mereka")."""
        own = lexicon()["own"].match(sent.text, t.end)
        told = [x.type for x in trigs if x.type in SPEECH and x.end <= t.start]
        if not (own or t.own) or set(told) & {"CONDEMN", "ACCUSE", "DEMAND", "WARN"} \
                or not (t.own or own.group(0).endswith("nya") or not told):
            return []
        return self.for_country(self.subjects(sent, args, lo, t.start, False) or said)

    def target_as_subject(self, sent, t, args, lo: int, agents: list[str]) -> str | None:
        """"X menjadi sasaran serangan Y": X, the subject, is the target of Y's attack (or, a place, where it fell)."""
        if not re.search(r"\bmenjadi\s+(?:\w+\s+)?sasaran(?:\s+utama|\s+empuk)?\s+$", sent.text[max(0, t.start - 40):t.start]):
            return None
        hit = self.subjects(sent, args, lo, t.start, False) or [
            m.key for m in args if lo <= m.start - sent.start < t.start and self.kind(m) == "Place"
            and not self.before(sent, m, lexicon()["prep"])][:1]     # (not "kapal yang berlayar dari Odesa")
        return hit[0] if hit and hit[0] not in agents else None     # (a place: where the attacks fall, "Pokrovsk")

    def clause_end(self, text: str, t: Trigger, trigs: list[Trigger]) -> int:
        """Where the clause of trigger `t` ends: the next verb trigger (a few words past one of purpose:
        "mengirim tentara untuk berlatih di X" goes on to X), a full stop (not the dot of "4.500"), a semicolon, or a comma
        before a new clause."""
        purpose = lexicon()["purpose"]
        nxt = [x.end + 20 if t.type == "DEPLOY" and purpose.search(text, max(0, x.start - 12), x.start) else x.start
               for x in trigs if x.start > t.end and not x.nominal]
        m = CLAUSE_END.search(text, t.end)
        v = _NEXT_VERB.search(text, t.end) if t.type in SPEECH else None
        titled = _comma_title().search(text, t.end)     # "menyerang Gaza, Kepala Kemanusiaan PBB, X, mengecam ..."
        return min(nxt + [e.start() for e in (m, v, titled) if e] + [len(text)])

    def objects(self, sent, typ, t, after, stop, agents) -> tuple[str | None, str | None]:
        """Target and place after the trigger, within its clause."""
        lx = lexicon()
        text = sent.text
        target = place = None
        bahwa = lx["bahwa"].search(text, t.end)
        own = set(agents) | {self.a.entities[a].country for a in agents}
        cond = re.compile(r"(?<![\w-])(?:jika|apabila|bila|kalau)(?![\w-])", re.I).search(text, t.end) if typ == "WARN" else None
        where = None             # the last mention read as a place: those listed with it are places too
        for m in after:
            rel = m.start - sent.start
            if rel >= stop:
                break
            k = self.kind(m)
            ctx = text[max(0, rel - 30):rel]
            listed = where is not None and k != "Person" and lx["coord"].match(text[where.end - sent.start:rel])
            if typ == "WARN" and m.key in own:
                continue                         # "... jika kapal-kapal X diganggu": not warning itself
            if typ == "WARN" and cond is not None and rel > cond.start() and k == "Country" and not target:
                target = m.key                   # "... jika bandara di Chad terus dipakai": the warning is for Chad
                continue
            if k == "Country" and typ in ("ATTACK", "KILL") and lx["part_of"].search(ctx):
                target = target or m.key         # "... di wilayah barat X": X is attacked, somewhere in it
                continue
            if k == "Place" or (re.search(r"(?:wilayah|di|oblast)\s+$", ctx, re.I) or lx["part_of"].search(ctx)) and k != "Person" or listed:
                place, where = place or m.key, m     # "di China, India, dan Uni Emirat Arab": all places
                if k == "Country" and typ in ("ATTACK", "KILL") and re.search(r"\bke\s+wilayah\s+$", ctx, re.I):
                    target = target or m.key     # "serangan drone ke wilayah X": X is attacked
                continue
            if target or m.key in agents or self.before(sent, m, lx["carried"]) or self.before(sent, m, lx["flagged"]):
                continue
            if lx["purpose"].search(t.word + " ") and not re.search(r"\bdengan\s+$", ctx):
                continue         # "setuju untuk menjadi tuan rumah KTT X": what is agreed to, not with whom
            if typ in ("DEPLOY", "SUPPLY", "TRAIN"):
                if re.search(r"(?:\bke|\bkepada|\bmembantu|\bmendukung|\bbagi|\bmelatih)\s+$", ctx, re.I) or \
                        typ == "TRAIN" and lx["troops"].fullmatch(text[t.end:rel].strip()):
                    target = m.key       # "mengajari tentara Somalia": the troops trained are the target's
                    if typ == "DEPLOY" and k == "Country" and re.search(r"\bke\s+$", ctx, re.I):
                        place = place or m.key   # troops sent "ke Mogadishu" (the country by its capital) are there
            elif bahwa and rel > bahwa.start() and not (typ == "WARN" and cond is not None and rel > cond.start()):
                continue         # (the one a warning is for may stand in its condition: "... jika Y menyerang")
            elif not self.before(sent, m, lx["prep"]) or re.search(r"(?:terhadap|kepada|dengan)\s+$", ctx) or \
                    typ in ("ATTACK", "KILL", "SANCTION") and re.search(r"\bke\s+$", ctx):
                target = m.key
        if typ == "DEPLOY" and target is None and place:    # troops sent to a province are sent to its country
            home = gazetteer_country(self.a.entities[place].label)
            if home in self.a.entities and home not in agents:
                target = home
        return target, place

    def threatened(self, sent, t: Trigger, after: list[Mention], agents: list[str]) -> str | None:
        """"memperingatkan bahwa Houthi akan membayar ...": the one a warning says will pay (not the speaker's side)."""
        text = sent.text
        that = (_SPACE if t.word.casefold().endswith(" bahwa") else _BAHWA).match(text, t.end)
        first = next((m for m in after if that and m.start - sent.start == that.end()), None)
        if first is None or self.kind(first) not in ("Country", "Organization", "Person") or first.key in self.side(agents[0]):
            return None
        gap = _SPACE.match(text, first.end - sent.start)
        return first.key if gap and lexicon()["threat_outcome"].match(text, gap.end()) else None

    def attacked_country(self, place: str, agents: list[str]) -> str | None:
        """"Rusia melancarkan serangan ke berbagai kota di Ukraina", "Israel menyerang desa di Lebanon selatan":
        a state that attacks places of another country attacks that country."""
        ents = self.a.entities
        country = place if ents[place].type == "Country" else ents[place].country if ents[place].type == "Place" else None
        if country is None and ents[place].type == "Place":     # "Lebanon Selatan": a part of a country named
            country = next((k for k, e in ents.items() if e.type == "Country" and ents[place].label.startswith(e.label + " ")), None)
        if country not in ents or country in agents or not any(ents[a].type == "Country" for a in agents):
            return None
        return country
