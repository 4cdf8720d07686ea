"""Attribution and quotes: who a quoted or reported sentence is by, and the outlet that carried it."""
from __future__ import annotations

import re

from kg.extract.claims.patterns import QUOTE, lexicon
from kg.model import Mention, Sentence


def quote_opens(text: str) -> bool:
    """True when a quote opens in `text` and does not close there."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1 and text.lstrip().startswith('"')


def quote_closes(text: str) -> bool:
    """True when `text` closes a quote opened before it."""
    return text.count("”") > text.count("“") or text.count('"') % 2 == 1 and not text.lstrip().startswith('"')


_VIA = r"(?<![\w-])(?:melalui|lewat)\s+"       # "melalui kantor berita resmi X": a channel; "melalui X" with X an outlet
_THROUGH = re.compile(_VIA + r"(?:kantor\s+berita|media|corong|juru\s+bicara(?:nya)?)\s+(?:resmi(?:nya)?\s+)?(?:\w+\s+){0,2}?$", re.I)
_THROUGH_ANY = re.compile(_VIA + r"(?:\w+\s+){0,4}?$", re.I)


class Attribution:
    """Speakers and carriers (a part of the claim reader)."""

    def channels(self, sent: Sentence) -> list[str]:
        """Who a sentence names as the channel its speaker spoke through ("Chad melalui kantor berita
        resmi ATP mengecam ..."): they go on telling what was told on that day."""
        return [m.key for m in self.args(sent) if (self.kind(m) == "Outlet" and _THROUGH_ANY.search(
            sent.text, max(0, m.start - sent.start - 40), m.start - sent.start)) or _THROUGH.search(
            sent.text, max(0, m.start - sent.start - 40), m.start - sent.start)]

    def speaker(self, sent, args, quoted: list[str] | None = None) -> tuple[list[str], tuple[int, int] | None]:
        """Who a quoted or attributed sentence is by ("...," kata X / ucapnya / menurut X), and the quote span.
        `quoted`: the speaker of a quote this sentence is part of, named in a later sentence where it closes."""
        lx = lexicon()
        text = sent.text
        q = QUOTE.search(text)
        qspan = (q.start(1), q.end(1)) if q else None
        if qspan is None and quote_closes(text):     # '... oleh Santiago," ujar X': the end of a quote opened before
            close = max(text.find("”"), text.find('"'))
            qspan = (0, close) if close > 0 else None
        if quoted and not qspan:
            opening = re.search(r"[“\"]", text)
            return quoted, (opening.end() if opening else 0, len(text))
        for m in lx["attribution"].finditer(text):
            word = " ".join(m.group(1).casefold().split())
            if word in lx["according"]:
                word = "menurut"     # "berdasarkan estimasi dari X" names its source as "menurut X" does
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
            if after and self.can_act(after[0]):
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
