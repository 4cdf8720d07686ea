"""Amounts: which numbers of a sentence count people, and what they count."""
from __future__ import annotations

import re

from kg.extract.claims.patterns import lexicon
from kg.model import Quantity
from kg.text.numbers import find_quantities

# What a count counts -> the event it estimates (weapons: the attack, supply or deployment the sentence tells).
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")      # "sejak Oktober 2023": a date between, no other count
_COUNT_OF = re.compile(r"(?<![\w-])jumlah\s+(?:total\s+|seluruh\s+)?(\w+(?:-\w+)?)", re.I)
EVENT_OF = {"troops": "DEPLOY", "casualties": "KILL", "captured": "COMBAT", "weapons": None, "displaced": None,
            "members": None, "people": None}


class Amounts:
    """Counted amounts (a part of the claim reader)."""

    def quantities(self, text: str) -> list[tuple[Quantity, str]]:
        """Amounts of people with what they count: "troops" sent or present, "casualties" (dead or
        wounded) or "captured" (prisoners). A number counts soldiers before a troop word, or after
        "sebanyak"/"menjadi" in a sentence about troops; people before a word for people when the
        sentence speaks of dead or wounded. Units ("satu batalion"), things ("tiga jenis rudal",
        "50 kendaraan lapis baja") and parts of a count ("termasuk 3.000 ...") are no count of people;
        weapons counted ("lebih dari 4.000 drone", "32 pesawat militer") are "weapons"; people who fled
        ("40.000 orang mengungsi") "displaced"; fighters of a group ("5.000 anggota") "members"; other people a speaker estimates
        ("memperkirakan 300.000 orang masih terjebak") "people"."""
        lx = lexicon()
        troops_at = [m.start() for m in lx["troops"].finditer(text)]
        out = []
        for q in find_quantities(text):
            if re.search(r"\b(?:termasuk|jenazah)\s*$", text[max(0, q.start - 12):q.start]):
                continue         # "9.000 pasukan, termasuk 2.500 bala bantuan": a part, not another count; "jenazah 500 tentara": the dead
            after = text[q.end:q.end + 25]
            if lx["weapons"].match(after) and (q.value is not None or any(ch.isdigit() for ch in q.text)):
                # (a range in figures, "antara 100 hingga 150 drone", not "puluhan roket")
                out.append((q, "weapons"))       # "lebih dari 4.000 drone", "32 pesawat militer"
                continue
            if lx["things"].match(after) or lx["units"].match(after.lstrip()):
                continue         # "tiga jenis rudal", "satu batalion pasukan": not a head count
            clause = re.split(r"[,;.]|\bdan\b", text[q.end:q.end + 60])[0]
            if lx["prisoners"].match(after):
                out.append((q, "captured"))      # "menukar 1.200 tawanan perang"
                continue
            if lx["displaced"].match(clause):
                out.append((q, "displaced"))     # "antara 40.000 hingga 50.000 orang telah mengungsi"
                continue
            if lx["members"].match(after) and not lx["casualty"].search(clause) and not lx["captured"].search(clause) \
                    and not lx["casualty"].search(text, max(0, q.start - 30), q.start):     # "menewaskan dua militan"
                out.append((q, "members"))       # "kelompok itu memiliki antara 5.000 hingga 6.000 anggota"
                continue
            head = _COUNT_OF.search(text, max(0, q.start - 90), q.start)
            if head and not re.search(r"[.;]|\d", _YEARS.sub("", text[head.end():q.start])) and (
                    not after.strip() or lx["people_after"].match(after)):
                # "jumlah anggota kelompok itu di Niger kini antara 5.000 hingga 6.000 orang": what "jumlah" names is counted
                kind = "members" if lx["members"].match(head.group(1)) else "troops" if lx["troops"].match(head.group(1)) else None
                if kind is None and lx["people_noun"].match(" " + head.group(1)):
                    # "jumlah warga yang tewas ... telah melampaui 62.000 orang": the dead; else people estimated
                    kind = "casualties" if lx["casualty"].search(text, head.end(), q.start) else \
                        "people" if lx["estimated_before"].search(text, max(0, head.start() - 40), head.start() + 1) else None
                if kind:
                    out.append((q, kind))
                    continue
            noun = lx["troops"].search(after)
            if noun and not re.search(r"[,.;]", after[:noun.start()]) or \
                    troops_at and troops_at[0] < q.start and re.search(r"(?:sebanyak|menjadi|mencapai|sekitar|jumlah)\s*$", text[max(0, q.start - 14):q.start]):
                clause = re.split(r"[,;.]", text[q.end:q.end + 60])[0]
                dead = lx["casualty"].search(text, q.end, q.end + 60) or lx["casualty"].search(text, max(0, q.start - 60), q.start)
                if lx["captured"].search(clause) or lx["released"].search(clause):
                    out.append((q, "captured"))
                elif dead:
                    out.append((q, "casualties"))
                elif lx["presence"].search(text):
                    out.append((q, "troops"))
            elif lx["casualty_noun"].match(after.lstrip()) and (lx["casualty"].search(text, q.end, q.end + 60)
                                                                or lx["casualty"].search(text, max(0, q.start - 30), q.start)):
                out.append((q, "casualties"))
            elif lx["people_noun"].match(after) and lx["estimated_before"].search(text, max(0, q.start - 60), q.start):
                out.append((q, "people"))        # "memperkirakan sekitar 300.000 orang masih terjebak di X"
        return out
