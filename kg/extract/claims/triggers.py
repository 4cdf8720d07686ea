"""Trigger words: the verbs and nouns that name a speech act or an event, and how each is used."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.claims.patterns import EVENT_TYPES, NOMINAL_EXTRA, SPEECH, lexicon
from kg.model import Claim, Sentence
from kg.text.gazetteer import find_names, gazetteer
from kg.text.numbers import find_quantities


_FEARED = re.compile(r"(?:memperingatkan|khawatir|kekhawatiran|mencegah|menghindari|risiko|ancaman|potensi)\s+(?:\w+\s+)?$", re.I)
_MAY_HAPPEN = re.compile(r"[^.;]*?(?<![\w-])(?:bisa|dapat|akan|mungkin|berpotensi)\s+(?:\w+\s+)?(?:terjadi|pecah|meletus)", re.I)


def place_after(text: str, pos: int) -> bool:
    """True when a named place follows `pos`: a place of the gazetteer ("Krimea"), or a word for a locality
    and a name ("kota Humera"); not a country at large ("merebut Kenya", "wilayah Peru")."""
    m = lexicon()["place_noun"].match(text, pos)
    if not m:
        return False
    if m.group(2):
        return True      # "merebut sebuah pangkalan angkatan laut": a locality, named or not
    name = next((surface for a, _, surface in find_names(text[m.end():m.end() + 40]) if a == 0), None)
    if name:
        return any(e.type == "Place" for e in gazetteer()[0].get(name.casefold(), []))
    return m.group(1) is not None


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
    receive: bool = False     # "X menerima amunisi dari Y": Y is the agent, X the target
    own: bool = False         # ends in "-nya" ("pengiriman tentaranya"): the owner is the subject or speaker


def words_after(text: str, c: Claim) -> int:
    """Where the words after a claim's trigger begin in its sentence."""
    return text.find(c.trigger) + len(c.trigger)


@functools.lru_cache(maxsize=4096)
def event_noun(word: str) -> str | None:
    """The event type a noun names ("serangan", "pengiriman", "sanksi"), from the trigger lexicon."""
    kinds = lexicon()["kind"]
    typ = kinds.get(word) or next((t for k, t in sorted(kinds.items()) if k.split()[0] == word), None)
    return typ if typ in EVENT_TYPES else None


def is_nominal(word: str) -> bool:
    """Noun triggers ("pengerahan", "kecaman") take their agent after them."""
    w = word.casefold()
    first = w.split()[0]
    return w in NOMINAL_EXTRA or (first.endswith("an") and not any(
        x.startswith(("me", "di", "ber")) and len(x) > 4 for x in w.split()))     # (not "dengan tegas membantah")


class Triggers:
    """The triggers of a sentence (a part of the claim reader)."""

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
            if m.group(2) and not w.casefold().startswith(("me", "di")) and " " not in w:
                continue         # "-nya" makes a verb take a pronoun ("menyebutnya"); "serangannya" is not read
            typ = lx["kind"][" ".join(w.casefold().split())]     # "menjatuhkan\x85sanksi": any space
            t = Trigger(typ, m.start(), m.end(), w, nominal=is_nominal(w),
                        passive=w.casefold().startswith("di") and len(w) > 4, own=bool(m.group(2)))
            neg = lx["negation"].search(text, max(0, t.start - 25), t.start) or \
                lx["none_of"].search(text, max(0, t.start - 70), t.start)     # "Tidak ada satu pun tentara ... yang ditempatkan"
            t.negated = bool(neg)
            if neg and out and out[-1].type in SPEECH and neg.start() < out[-1].start < t.start:
                t.negated = False    # "belum mengakui pengerahan ...": the negation is the speech verb's
            if t.negated and not t.type in SPEECH and re.search(r"\bbukan\s+$", text[max(0, t.start - 8):t.start]):
                continue         # "pelatihan, bukan berperang": a contrast, neither an event nor a denial
            before, wf = text[max(0, t.start - 40):t.start], w.casefold()
            if typ == "CONFIRM" and wf in lx["may_be_sure"] and lx["modal" if t.passive else "modal_must"].search(before):
                continue         # "tidak dapat dibenarkan", "belum dapat dipastikan", "akan memastikan": no speech act
            if typ in ("CONFIRM", "DENY") and lx["reluctant"].search(text, max(0, t.start - 40), t.start) \
                    and not lx["nameless"].search(before):      # (not "yang enggan disebut namanya mengonfirmasi")
                t.type, t.negated = "NO_COMMENT", False      # "enggan mengonfirmasi", "tidak pernah secara resmi mengakui"
            if typ == "CONFIRM" and lx["purpose_near"].search(before) and not lx["reluctant"].search(before):
                continue         # "untuk memastikan keamanan": to make sure, not a confirmation
            if typ == "TRAIN" and lx["training_place"].search(before):
                continue         # "kamp pelatihan PDF": a camp, no training told
            if typ == "CONDEMN" and "protes" in wf and re.search(r"(?<![\w-])untuk\s+$", before):
                continue         # "memanggil duta besar X untuk menyampaikan protes": the summons is the act
            if wf in lx["count_verbs"] and not find_quantities(text):
                t.type = "STATEMENT"     # "mencatat" with no amount notes, it does not estimate
            if wf in lx["capture"] and not (lx["troops"].search(text, t.end, t.end + 30)
                                             or t.passive and lx["troops"].search(before)
                                             or wf in lx["repel"] and lx["repelled"].match(text, t.end)):
                continue         # "menangkap tersangka": an arrest, not combat
            if wf in lx["retake"] and not place_after(text, t.end):
                continue         # "merebut hati warga": not a place taken
            if wf == "bersumpah" and not re.search(r"\b(?:akan|untuk)\b", text[t.end:t.end + 40]):
                continue         # "bersumpah setia": an oath, no threat
            if wf == "ditolak oleh" and not lx["said_noun"].search(text, max(0, text.rfind(",", 0, t.start) + 1), t.start):
                continue         # "Usulan itu ditolak oleh X": a rejection, not a denial
            if lx["light"].search(before):
                t.nominal, t.light = False, True    # "mengumumkan sanksi": the noun is the act, its agent the verb's subject
            if w.casefold() in lx["presence_verbs"] and not lx["troops"].search(text, max(0, t.start - 40), t.start):
                continue         # "berada di" is a deployment only of troops
            if typ == "CONFIRM" and wf.startswith(("mengakui", "diakui")) and (lx["recognised"].match(text, t.end) or
                                                                        m.group(2) and lx["recognised"].search(text, 0, t.start)
                                                                        or lx["recognised_before"].search(before)):
                continue         # "tidak mengakui kemerdekaan Kosovo", "putusan yang tidak pernah diakui Beijing": recognition
            if typ == "AGREE" and wf in lx["sign"] and lx["unilateral"].search(text, max(0, t.start - 30), t.end + 30):
                continue         # "memorandum yang ditandatangani Trump": signed alone, no agreement
            if wf in lx["approval"] and lx["transfer_noun"].match(text, t.end) and lx["arms"].search(text, t.end, t.end + 60):
                t.type = "SUPPLY"    # "menyetujui penjualan sistem rudal ke X": who approves it supplies
            if wf in lx["launch"] and not lx["arms"].search(text, t.end, t.end + 50):
                continue         # "meluncurkan program": no weapons launched
            if typ == "ATTACK" and wf.split()[0] in lx["sea_launch"] and lx["to_sea"].match(text, t.end):
                continue         # "meluncurkan rudal ke arah Laut Timur": a launch, no attack on anyone
            if wf in lx["sale"]:
                if not lx["arms"].search(text, t.end, t.end + 30):
                    continue     # "menjual saham": not arms
                t.type = "SUPPLY"
            elif typ == "DEPLOY" and wf in lx["transfer"]:
                obj = text[t.end:t.end + 60]
                if lx["arms"].search(obj) and not lx["troops"].search(obj[:25]):
                    t.type = "SUPPLY"
                elif not lx["troops"].search(text, max(0, t.start - 40), t.end + 60):
                    continue
            if typ in ("CONFIRM", "DENY") and t.negated:
                t.type, t.negated = "NO_COMMENT", False
            out.append(t)
        for m in lx["fight_between"].finditer(text):     # "Pertempuran sengit antara X dan Y": their combat
            known = next((t for t in out if t.start <= m.start() < t.end), None)
            feared = lx["irrealis"].search(text, max(0, m.start() - 22), m.start()) or _FEARED.search(text, max(0, m.start() - 30), m.start()) \
                or _MAY_HAPPEN.match(text, m.end(), m.end() + 90)     # (not "memperingatkan pertempuran ... bisa terjadi")
            if known is not None and feared:
                out.remove(known)
            elif known is not None:
                known.nominal = True
            elif not feared:
                out.append(Trigger("COMBAT", m.start(), m.end(1), m.group(1), nominal=True))
        out.sort(key=lambda t: t.start)
        for m in lx["killed_apart"].finditer(text):    # "12 orang tewas dan 48 lainnya luka-luka dalam serangan itu"
            out.append(Trigger("KILL", m.start(), m.end(), f"{m.group(1)} {m.group(2)}"))
        for m in lx["receive"].finditer(text):     # "X menerima amunisi dari Y": a supply by Y to X
            obj = text[m.end():m.end() + 60]
            arms = lx["arms"].search(obj)
            lead = obj[:arms.start()] if arms else ""     # "menerima puluhan drone", not "menerima serangan drone"
            if arms and len(lead.split()) <= 3 and not lx["trigger"].search(lead) and not lx["said_noun"].search(lead) \
                    and re.search(r"\bdari\s", text[m.end() + arms.end():m.end() + 140]) and not lx["negation"].search(text, max(0, m.start() - 25), m.start()):
                out.append(Trigger("SUPPLY", m.start(), m.end(), m.group(0), receive=True))
        return sorted(out, key=lambda t: t.start)
