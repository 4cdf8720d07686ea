"""Amounts: which numbers of a sentence count troops or casualties."""
from __future__ import annotations

import re

from kg.extract.claims.patterns import lexicon
from kg.model import Quantity
from kg.text.numbers import find_quantities


class Amounts:
    """Counted amounts (a part of the claim reader)."""

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
