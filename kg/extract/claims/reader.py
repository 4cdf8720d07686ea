"""The claim reader: sentence by sentence, the claims and events of an article."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kg.extract.claims.amounts import EVENT_OF, Amounts
from kg.extract.claims.arguments import Arguments
from kg.extract.claims.attribution import Attribution, quote_closes, quote_opens
from kg.extract.claims.dating import (
    also_day,
    attack_and_toll,
    background,
    date_days_apart,
    date_event_named,
    date_said_at,
    date_for,
    DEED_NOUN_STEM,
    date_source,
    done_then,
    goes_on,
    in_background,
    lede_day,
    MEETING,
    tally,
    one_day,
    said_earlier,
    serving,
    speaks_for,
    told_later,
    WITHIN_TIME_CLAUSE,
)
from kg.extract.claims.patterns import (
    EVENT_TYPES,
    FRONTED,
    HOSTILE,
    NO_TARGET,
    NOMINAL_EXTRA,
    POINT_EVENTS,
    SPEECH,
    THAT,
    lexicon,
)
from kg.extract.claims.subjects import Subjects
from kg.extract.claims.triggers import Trigger, Triggers, event_noun, is_nominal, words_after
from kg.model import Article, Claim, DateValue, Mention, Sentence
from kg.text.dates import find_dates
from kg.text.gazetteer import gazetteer_country


_THAT = re.compile(r"(?:\s+\w+)?" + THAT)        # "serangan (udara) itu": the one named before
_COVERS = re.compile(r"(?<![\w-])(?:periode|tahun\s+anggaran|masa\s+(?:jabatan|berlaku))\s+(?:tahun\s+)?$", re.I)
_TO_COME = re.compile(r"(?<![\w-])(?:akan|berencana|dijadwalkan|direncanakan)(?![\w-])[^,;.()]*$", re.I)
_SANCTIONS_NEXT = re.compile(r"\s+(?:paket\s+|putaran\s+)?sanksi(?:\s+baru|\s+ke-\d+)*\s+(?:terhadap|kepada|atas|bagi)\b", re.I)
_VICTIMS_OF = re.compile(r"(?:menewaskan|membunuh|tewas)\s+(?:\S+\s+){1,3}(?:tentara|prajurit|personel|warga|anggota)\s+$")
_WHAT_IT_DID = re.compile(r",?\s+(?:bahwa\s+)?([a-z-]+)(?:\s+[\w-]+){0,2}?" + THAT + r"\s+(?:telah\s+)?me[a-z]+")
_NAMED_AGAIN = re.compile(r"(?:\s+[\w-]+){0,3}?" + THAT)    # "serangan (udara X) tersebut": the one told before
# "Sedikitnya 24 orang tewas, ...": a toll that opens its sentence, with no cause of its own
_BARE_TOLL = re.compile(r"\W*(?:(?:[Ss]edikitnya|[Ss]etidaknya|[Ss]ebanyak|[Ll]ebih dari|[Ss]ekitar|[Hh]ampir|[Kk]urang lebih)\s+)?"
                        r"[^;.]{1,80}?\s(?:tewas|terbunuh|meninggal(?: dunia)?)(?![\w-])(?!\s+(?:akibat|dalam|karena|terkena|saat|ketika))")


class _Reader(Subjects, Triggers, Attribution, Arguments, Amounts):
    """Reads claims sentence by sentence, keeping who spoke last for pronouns."""

    def __init__(self, article: Article, ref, ref_from: str = "published"):
        self.a = article
        self.ref = ref
        self.ref_from = ref_from
        self.sentence_dates: dict[int, list[DateValue]] = {}   # the dates each sentence states
        self.sentence_day: dict[int, DateValue | None] = {}    # the day of what each sentence tells, stated or inherited
        self.last_agents: list[str] = []
        self.attributed: list[str] = []
        self.last_date: DateValue | None = None
        self.last_explicit: DateValue | None = None      # the last day-precise date the text gave
        self.adopter: str | None = None                  # who adopted the last resolution, and when
        self.adopted_on: DateValue | None = None
        self.last_pair: list[str] = []
        self.last_event: str | None = None               # the type of the last event read (or reported on)
        self.last_accused: str | None = None             # ... and of the last event someone was accused of
        self.did: dict[str, str] = {}                    # event type -> the agent of the last one read
        self.attackers: set[str] = set()                 # the agents of every attack read so far
        self.did_at: dict[str, str | None] = {}          # event type -> the place of the last one read
        self.did_on: dict[str, DateValue | None] = {}    # ... and its date
        self.serves = serving(article)                   # person -> the bodies and countries it speaks for
        self.open_quote: tuple[int, list[str]] | None = None   # (last sentence inside, speaker) of a running quote
        self.country_counts: dict[str, int] = {}
        self.by_sent: dict[int, list[Mention]] = {}
        for m in article.mentions:
            self.by_sent.setdefault(m.sentence, []).append(m)

    def quoted_by(self, sents: list[Sentence], i: int) -> list[str] | None:
        """The speaker of a quote that opens in sentence `i` and runs over the next ones, named where it
        closes ("“... . ...,” ujar X"); the sentences in between are part of it."""
        if self.open_quote and self.open_quote[0] >= i:
            return self.open_quote[1]
        self.open_quote = None
        if not quote_opens(sents[i].text):
            return None
        for j in range(i + 1, min(i + 5, len(sents))):
            if quote_closes(sents[j].text):
                spk, _ = self.speaker(sents[j], self.args(sents[j]))
                self.open_quote = (j - 1, spk) if spk else None
                return spk or None
            if quote_opens(sents[j].text):
                break
        return None

    def read(self, sent: Sentence, quoted: list[str] | None = None) -> list[Claim]:
        lx = lexicon()
        text = sent.text
        args = self.args(sent)
        dates = find_dates(text, self.ref, self.ref_from)
        if self.ref and self.ref_from != "corpus":      # "pada 2035": a target, not when it was said or done
            # (nor "bulan depan" after the day of publication: a time to come, not the day of the news)
            slack = dt.timedelta(days=0 if self.ref_from == "published" else 31)
            dates = [d for d in dates if d.day() <= self.ref + slack]
        # "pertukaran akan berlanjut pada Sabtu": a day to come, not the one a weekday names before the news
        # nor "rencana kerja sama untuk periode 2026 hingga 2030": the time a plan covers
        dates = [d for d in dates if not _TO_COME.search(text, max(0, d.start - 60), d.start) and not _names_year(text, d)
                 and not _COVERS.search(text, max(0, d.start - 20), d.start)]
        speaker, qspan = self.speaker(sent, args, quoted)
        if qspan:        # '"Hari ini kita menandatangani perdamaian," kata X': the day X spoke, which the text may
            # give elsewhere, not the day of publication
            dates = [d for d in dates if not (qspan[0] <= d.start < qspan[1] and d.precision == "day"
                                              and not any(ch.isdigit() for ch in d.text))]
        self.sentence_dates[sent.index] = dates
        spans = background(text, dates)
        main_dates = [d for d in dates if not in_background(d, None, spans)]
        quantities = self.quantities(text)
        self.attributed = speaker        # who the sentence says it is told by ("Menurut Lee, ..."): read_claims dates by it
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
        if lx["that_time"].match(text) and self.sentence_dates.get(sent.index - 1):
            inherited = self.sentence_dates[sent.index - 1][-1]     # "Kala itu, ...": the time the sentence before named
        events_only = False      # "X mengatakan tank Y menembak ... pada hari yang sama": the day of the event told
        for pat, days in lx["same_day"] if lx["same_day_any"].search(text) else ():
            m = pat.search(text)
            # the day named before it in this sentence ("pada Rabu (12/3), kata X ... pada hari yang sama"), else the last one told
            own_day = next((d for d in reversed(dates) if d.precision == "day" and d.end <= m.start()), None) if m else None
            hours = m is not None and _HOURS_APART.search(m.group(0)) is not None
            if hours:     # "beberapa jam setelah X pada Senin (3/3)": X's day, not the telling's
                own_day = next((d for d in dates if d.precision == "day" and d.start >= m.end()), None)
                head = re.match(r"\s*([\w-]+)", text[m.end():])
                word = head.group(1) if head else ""
                if own_day is None and not (_DEED_NOUN.fullmatch(word) or word.casefold() in lx["incident"]):
                    break        # "beberapa jam setelah pasukan X menembaki ...": when, the text does not say
                typ = event_noun(word.casefold()) if own_day is None else None
                if typ:          # "beberapa jam setelah serangan di X itu": the day of the last such event, or none
                    own_day = self.did_on.get(typ)
                    if own_day is None or own_day.precision != "day":
                        break
            if m and (own_day or self.last_explicit):
                d = (own_day or self.last_explicit).day() + dt.timedelta(days=days)
                inherited = DateValue(d.isoformat(), "day", m.group(0).strip(" ,"))
                said = [x for x in trigs if x.type in SPEECH and x.end <= m.start()]
                events_only = bool(said) and (any(x.type not in SPEECH and not x.nominal and said[-1].end <= x.start < m.start()
                                                  for x in trigs)     # (not "mengonfirmasi serangan itu pada hari yang sama")
                                              or hours)
                # (nor "mengatakan rumah sakit menerima 60 korban dalam beberapa jam setelah serangan": what is told)
                break
        # "Dalam pertemuan Selasa (27/8) itu, X memperingatkan ...": a date in a fronted phrase frames the clause
        framing = main_dates[0] if main_dates and FRONTED.match(text) else None
        frame_end = text.find(",", framing.end) if framing else -1
        framing = framing if frame_end > 0 else None
        countries = [m.key for m in args if self.kind(m) == "Country"]
        # "Di Odesa, tiga orang tewas ...": a place that opens the sentence is where its events happen
        opens = lx["at_place"].match(text)
        fronted = next((m.key for m in args if opens and m.start - sent.start == opens.end()
                        and self.kind(m) in ("Place", "Country") and text.startswith(",", m.end - sent.start)), None)
        out: list[Claim] = []
        self.answered: set[int] = set()     # the claims of this sentence that a retaliation answers
        named_by_noun: set[int] = set()    # the claims of this sentence read from a noun ("serangan X")
        main: list[str] = []          # the sentence's first speaker: the subject of "... dan VERB"
        said: list[str] = []          # the speaker of the last speech verb
        speech_end = 0
        verb_end = 0             # end of the last verb with a subject: a later verb's subject comes after it
        verb_agents: list[str] = []   # ... and its subject
        orphan_end = 0           # end of the last verb whose subject is not named
        # "diyakini", "dilaporkan", "dituduh": how every claim of the sentence is told
        modality = next((mod for mod, pat in lx["modality"] if pat.search(text)), None) if trigs else None
        for t in trigs:
            adopted = relative = False
            nominal_place = None
            told_on = None           # the day of the event an anaphor ("serangan tersebut") points back to
            purpose_of = None        # the claim whose purpose this one is: it shares its date
            dated_as = t             # the trigger whose date is this claim's
            speech = t.type in SPEECH
            in_quote = bool(qspan and qspan[0] <= t.start < qspan[1])
            if not speech and (lx["irrealis"].search(text, max(0, t.start - 22), t.start)
                               or lx["condition"].search(text, max(0, t.start - 60), t.start)
                               or (bg := lx["background"].match(text)) and t.start < bg.end()):
                continue         # a plan, a purpose or a condition ("jika Y menyerang"), not an event
            if not speech and not t.nominal and any(x.type == "DEMAND" and x.end <= t.start and not re.search(r"[.;]", text[x.end:t.start])
                                                    for x in trigs) and not lx["stop_doing"].search(text, max(0, t.start - 25), t.start):
                continue         # "mendesak RSF dan SAF menyepakati gencatan senjata": what is asked for, not done (but "berhenti mengirim")
            if not speech and t.nominal and t.type in ("MEET", "AGREE") and any(
                    x.type == "DEMAND" and not x.nominal and x.end <= t.start and _ASKED_FOR.fullmatch(text, x.end, t.start) for x in trigs):
                continue         # "menuntut pertemuan langsung antara X dan Y": a meeting asked for, not held
            if not speech and not t.nominal and lx["ordered"].search(text, max(0, t.start - 70), t.start):
                continue         # "menginstruksikan Kementerian Pertahanan mengerahkan ...": ordered, not done
            if t.word.casefold() in lx["visit"] and not any(
                    (self.kind(m) in ("Person", "Organization") or self.before(sent, m, lx["title_before"]))
                    and t.end <= m.start - sent.start <= t.end + 60 for m in args):
                continue         # "mengunjungi Kigali": a visit to a place, no meeting ("mengunjungi Presiden X" is one)
            opening = FRONTED.match(text)     # ("Sehari setelah X ..., Y menyerang": the phrase that opens the sentence)
            lo = max([b.end() for b in lx["bahwa"].finditer(text[:t.start]) if not opening or b.start() >= opening.end()]
                     + [speech_end, verb_end])
            after = [m for m in args if m.start - sent.start >= t.end]
            agents: list[str] = []
            target = None
            via_owner = False
            if t.word.casefold() in lx["attribution_words"] or lx["falsehood"].fullmatch(t.word):
                agents = speaker
            elif t.word.casefold() in lx["killed_in"]:
                hit = next((x for x in trigs if x.type == "ATTACK" and x.nominal and 0 <= x.start - t.end <= 2), None)
                agents, target = self.nominal_args(sent, hit, [m for m in args if m.start - sent.start >= hit.end]) if hit else ([], None)
                fight = None if hit else next((x for x in trigs if x.type == "COMBAT" and 0 <= x.start - t.end <= 2), None)
                foe = lx["foe"].match(text, fight.end) if fight else None
                if foe:      # "tewas dalam baku tembak dengan pasukan X": X killed them
                    agents = [m.key for m in args if m.start - sent.start == foe.end() and self.kind(m) != "Place"][:1]
                if hit and not agents and _NAMED_AGAIN.match(text, hit.end) and self.did.get("ATTACK"):
                    agents = [self.did["ATTACK"]]     # "... tewas dalam serangan tersebut": the attack just told, on its day
                    told_on = self.did_on.get("ATTACK")
                elif hit and not agents and len(self.attackers) == 1 and lx["armed_attack"].match(text, hit.end) \
                        and not self.nominal_args(sent, hit, [])[0] and not self.at_home(fronted, next(iter(self.attackers))):
                    agents = list(self.attackers)     # "tiga orang tewas akibat serangan rudal": the one attacker the article has
                target = None    # "tewas akibat serangan X": X killed them; who they were is the count's
                dated_as = hit or fight or t
            elif cleft := self.cleft_agent(sent, t, args):
                agents = cleft       # "Yang pertama kali mengonfirmasi ... adalah X"
            elif t.receive:      # "X menerima amunisi dari Y": Y supplies X
                agents, target = self.receive_args(sent, t, trigs, args, after, lo)
            elif speech and verb_agents and not t.nominal and lx["purpose"].search(text, max(0, t.start - 12), t.start):
                agents = verb_agents     # "X memanggil duta besar Y untuk meminta penjelasan": X asks, not Y
                purpose_of = next((c for c in reversed(out) if c.agent in agents), None)
            elif t.light and main and speech_end and not text[speech_end:t.start].strip() \
                    and not lx["irrealis"].search(text, max(0, t.start - 40), t.start):
                agents = main        # "X mengumumkan sanksi": the speaker of the light verb (not "untuk menyampaikan")
            elif t.nominal and t.word.casefold() in NOMINAL_EXTRA and self.subject_just_before(sent, args, lo, t.start):
                agents = self.subjects(sent, args, lo, t.start, speech)     # "Uni Afrika Konfirmasi ...": a verb
            elif t.nominal:
                agents, target = self.nominal_args(sent, t, after)
                via_owner = t.type == "DEPLOY"
                if agents and t.type in HOSTILE and (hit := self.target_as_subject(sent, t, args, lo, agents)):
                    if self.a.entities[hit].type == "Place":
                        nominal_place = hit      # "Pokrovsk menjadi sasaran serangan Rusia": Russia attacks there
                    else:
                        target = hit
                if not agents:
                    agents = self.own_owner(sent, t, trigs, args, lo, said)
                if not agents and len(self.last_pair) == 2 and t.type in ("MEET", "AGREE", "COMBAT") and \
                        re.match(r"\s+(?:\w+\s+){0,3}(?:" + lx["pair_words"] + r")\b", text[t.end:], re.I):
                    agents, target = [self.last_pair[0]], self.last_pair[1]     # "pertemuan menteri kedua negara"
            elif in_quote and speech:
                agents = speaker
            elif lx["pair"].search(text, max(0, t.start - 45), t.start) and len(self.last_pair) == 2:
                agents, target = [self.last_pair[0]], self.last_pair[1]
            elif in_quote and not t.passive and (speaker or main) and \
                    re.search(r"(?<![\w-])(?:kami|kita|saya|aku)\s+(?:\w+\s+)?$", text[max(0, t.start - 25):t.start], re.I):
                agents = speaker or main     # "... seperti kami menyerang ...": in a quote, "kami" is the speaker's side
                agents = agents if speech else [self.forces_of(agents[0])]     # ("pertahanan udara kami menembak ...")
            elif re.search(r"(?:\bdan|\bserta|\blalu|\bkemudian|\btetapi|\bnamun|\bsekaligus|,)\s+$", text[max(0, t.start - 12):t.start]) and main \
                    and t.start > 0 and not t.passive and not (speech_end and lo > speech_end and lo != verb_end and re.search(r",\s+$", text[:t.start])
                                                               and self.subjects(sent, args, lo, t.start, speech)):
                # (not "X melaporkan bahwa Y, pejabat Z, bertemu ...": Y is the subject there); "X menuduh Y menembaki
                # pos Z, menewaskan dua tentara": the event goes on the told event's doer
                # (the doer of the last event told by a verb, not by a noun: "memukul mundur serangan X dan menewaskan")
                told = [c.agent for c in out if c.type not in SPEECH and id(c) not in named_by_noun] or \
                    [c.agent for c in out if c.type not in SPEECH]
                agents = told[-1:] if told and not speech else main if speech else []     # (no speaker's deed)
            elif speech and not t.passive and not t.nominal and not main and (last := max(verb_end, orphan_end)) \
                    and last >= lo and re.fullmatch(r"[^.;:“”\"]*,\s+", text[last:t.start]) \
                    and not self.named_apposition(sent, args, last, t.start):
                # "X membakar kedutaan Y, menuding Z ...": the accuser is X, or no one named
                agents = verb_agents if last == verb_end else []
            elif not speech and not t.passive and not t.nominal and verb_agents and not main and \
                    re.search(r"(?:,|\bdan|\bserta|\blalu|\bkemudian|\bsetelah|\bsebelum|\busai|\bseusai|\bsambil|\bsembari)\s+$",
                              text[max(0, t.start - 10):t.start]):
                agents = verb_agents     # "X melancarkan serangan ke Y pada Rabu, menewaskan empat orang": X did both
                purpose_of = next((c for c in reversed(out) if c.agent in agents), None)
            elif said and speech_end and not t.passive and re.fullmatch(r"\s+(?:(?:telah|sudah|pernah|sempat)\s+)" + ("*" if not speech else "+"),
                                                                         text[speech_end:t.start]) \
                    and not any(x.passive and x.end == speech_end for x in trigs):
                agents = said        # "X mengakui telah mengirim pasukan": the speaker did it (not "X diyakini telah ...")
                if next((x.type for x in reversed(trigs) if x.type in SPEECH and x.end <= t.start), None) in ("DENY", "NO_COMMENT"):
                    t.negated = True     # "X membantah telah menyerang": what is denied, no event
            elif speech_end and not t.passive and re.fullmatch(r"\s+(?:(?:telah|sudah|pernah|sempat|akan)\s+)*", text[speech_end:t.start]) \
                    and (pv := next((x for x in trigs if x.passive and x.end == speech_end), None)):
                agents = self.subjects(sent, args, 0, pv.start, False)    # "X diyakini telah mengirim ...": X did
            elif speech_end and not t.passive and not speech and said \
                    and re.fullmatch(r"\s+(?:oleh\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:(?:telah|sudah|terus)\s+)*", text[speech_end:t.start]) \
                    and (pv := next((x for x in trigs if x.passive and x.end == speech_end), None)):
                # "Iran, yang dituding Washington memasok senjata ...": the one accused did it, not the accuser
                agents = [m.key for m in args if re.fullmatch(r",?\s*yang\s+", text[m.end - sent.start:pv.start])][-1:]
            elif (pm := re.search(r"\byang\s+(?:ia|dia|mereka)\s+(?:\w+\s+)?$", text[max(0, t.start - 24):t.start])) and not speech:
                agents = self.subjects(sent, args, lo, t.start - (len(text[max(0, t.start - 24):t.start]) - pm.start()), speech)
            elif re.search(r"\byang\s+(?:\w+\s+)?$", text[max(0, t.start - 20):t.start]) and not speech and not t.passive:
                head = [m for m in args if m.end - sent.start <= t.start and self.kind(m) != "Place"
                        and not self.before(sent, m, lx["war_of"])      # ("perang X yang menewaskan": no killer)
                        and re.fullmatch(r"\s*(?:\([^)]*\)\s*)?" + ("" if in_quote else ",?") + r"\s*yang\s+(?:\w+\s+)?",
                                         text[m.end - sent.start:t.start])]
                agents = [head[-1].key] if head else []
                # "X, yang mengerahkan ..., memperkuat ...": the clause's verb is no subject's end for the main verb
                relative = bool(head) and text[head[-1].end - sent.start:t.start].lstrip().startswith(",")
            elif lx["document"].match(text[lo:]) and self.adopter and not t.passive:
                agents = [self.adopter]      # "Resolusi itu mengecam ...": the body that adopted it, when it did
                adopted = True
            elif t.passive:
                by = re.match(r"\s+oleh\s+" if not t.word.casefold().endswith(" oleh") else r"\s+", text[t.end:])
                # "dikecam oleh Presiden AS Donald Trump": past the title
                owned = (lx["troops"].match(text, t.end + 1) or lx["arms"].match(text, t.end + 1)) if not by else None
                # "ditangkap pasukan X", "dihantam rudal X"
                reach = t.end + (by.end() + 40 if by else owned.end() - t.end + 6 if owned else 6)
                nxt = [m for m in after if m.start - sent.start <= reach and self.kind(m) != "Place"
                       and (by or not self.before(sent, m, lx["prep"]))]
                if not nxt and not by and speech and not re.search(r"\byang\s+$", text[max(0, t.start - 6):t.start]):
                    # "Hal itu diumumkan Menteri Pertahanan X Jan Nowak": past the title (not "yang diakui ...")
                    nxt = [m for m in after if self.kind(m) == "Person" and m.start - sent.start <= t.end + 70
                           and not re.search(r"[.;:]|,.*,|(?<![\w-])(?:me|ber|di)[a-z]{3,}", text[t.end:m.start - sent.start])][:1]
                if nxt:
                    agents = self.subjects(sent, args, nxt[0].start - sent.start, len(text), speech) or [nxt[0].key]
                    if by and agents[0] != nxt[0].key:
                        agents = [nxt[0].key]    # "dipasok oleh Y, ujar X": the one after "oleh", not the speaker
                    before = self.subjects(sent, args, lo, t.start, False)
                    target = before[0] if before and before[0] not in agents else None
                elif speech:
                    agents = speaker
                elif t.word.casefold() not in lx["capture"] and t.type not in HOSTILE:
                    # ("tentara X yang ditawan": X's soldiers are the captured; "tentara X diserang": the attacked)
                    owners = [m for m in args if m.end - sent.start <= t.start and self.before(sent, m, lx["owner"]) and self.kind(m) != "Place"]
                    agents, via_owner = ([owners[-1].key], True) if owners else ([], False)
            else:
                head = self.just_before(sent, args, lo, t.start) if t.word[:1].isupper() and t.start > 0 else None
                agents = [head] if head else self.subjects(sent, args, lo, t.start, speech)   # "..., Addis Ababa Membantah"
                if not agents:
                    agents = self.titled_before(sent, text[lo:t.start])
                if not agents:
                    agents = self.pronoun_agents(sent, lo, t.start, main, in_quote)
                if not agents and speech:
                    agents = speaker
                if not agents and not speech:
                    owners = [m for m in args if lo <= m.start - sent.start and m.end - sent.start <= t.start
                              and self.before(sent, m, lx["owner"]) and self.kind(m) != "Place"]
                    agents, via_owner = ([owners[-1].key], True) if owners else ([], False)
                if not agents and not speech and said and lx["their_forces"].search(text, lo, t.start):
                    # "Penerangan militer X mengatakan pasukannya menewaskan 40 militan": the forces of the speaker's side
                    agents = [self.forces_of(said[0])]
                if not agents and t.type in ("ATTACK", "KILL") and lx["weapon_that"].search(text, lo, t.start) \
                        and self.did.get("ATTACK"):
                    agents = [self.did["ATTACK"]]     # "drone-drone itu menghantam pasar": the attack just told, on its day
                    told_on = self.did_on.get("ATTACK")
            if main and lo > 0 and speech:
                # "X said that <X's own country> warned": the speaker acts for it (not so its troops)
                own = {r.org for r in self.a.roles if r.person in main}
                agents = [main[0] if a in own else a for a in agents]
            if not agents:
                if not speech and not t.nominal and not t.passive:
                    orphan_end = t.end       # "demonstran menyerang kedutaan X, menuding ...": no doer named
                continue
            if t.word.casefold() in lx["presence_verbs"] and lx["released"].search(text, max(0, t.start - 40), t.start):
                continue         # "150 tentara yang dibebaskan telah tiba di X": prisoners home, no deployment
            if t.type == "COMBAT" or t.word.casefold() in lx["presence_verbs"]:
                first = next((m for m in args if m.key == agents[0] and m.end - sent.start <= t.start), None)
                via_owner = via_owner or bool(first and self.before(sent, first, lx["owner"]))
                last = next((m for m in reversed(args) if m.key == agents[0] and m.end - sent.start <= t.start), None)
                if t.type != "COMBAT" and not (via_owner and last and not re.search(r"[,;]", text[last.end - sent.start:t.start])):
                    continue     # "Menteri X yang berada di Lima": a person somewhere, not troops deployed
            typ = "DEPLOY" if t.type == "COMBAT" and via_owner and t.word.casefold() in lx["fight"] else t.type
            stop = self.clause_end(text, t, trigs)
            tgt, place = self.objects(sent, typ, t, after, stop, agents)
            if typ == "SUPPLY" and t.word.casefold() in lx["relocation"] and place and (
                    tgt is None or tgt == place or self.a.entities[tgt].country in agents):
                typ, tgt = "DEPLOY", None      # "memindahkan artileri ke kota X", "mengirim kendaraan lapis baja ke negara bagian X"
            if typ == "AGREE" and t.word.casefold() in lx["approve"] and _SANCTIONS_NEXT.match(text, t.end):
                typ = "SANCTION"     # "menyetujui paket sanksi terhadap Rusia": sanctions imposed
            if t.word.casefold().endswith(" bahwa"):
                tgt = None           # "mengingatkan bahwa ...": a clause follows, no one warned by name
            if typ == "WARN" and tgt is None:
                tgt = self.threatened(sent, t, after, agents)
            target = target or tgt
            if typ == "ATTACK" and target is None and place:
                target = self.attacked_country(place, agents)     # (of the attack's own phrase only)
            told = any(x.type in SPEECH and x.start < t.start for x in trigs)    # (not what a speaker tells of)
            place = place or nominal_place or (purpose_of.place if purpose_of and not speech else None) \
                or (fronted if not speech and not told else None)
            if not t.nominal and not t.passive and not relative:
                verb_end, verb_agents = t.end, agents
            if speech:
                speech_end = t.end
                main = main or agents
                said = agents
            for ag in agents:
                c = Claim(typ, ag, sent, target=target if typ not in NO_TARGET else None,
                          place=place if not speech else None, negated=t.negated, trigger=t.word)
                said_after = t.word.casefold() in lx["attribution_words"] and t.word.casefold() != "menurut"
                own = [d for d in dates if d.start > t.start] if said_after else dates    # "..., kata X, Rabu (23/10)"
                if not speech and _IN_RETURN_FOR.search(text, max(0, t.start - 30), t.start):
                    own = [d for d in own if d.start > t.end]     # "menyerang ... pada Rabu sebagai balasan atas serangan X"
                    self.answered.add(id(c))      # (an earlier deed: no report's day either)
                if speech and qspan and not in_quote:     # ('"Situasinya belum seperti 1992," katanya': the quote's
                    own = [d for d in own if not qspan[0] <= d.start < qspan[1]]     # years are not the saying's)
                c.date = None if tally(dated_as, own, spans, text) else date_for(dated_as, trigs, own, text, spans) \
                    or (framing if t.start > frame_end else None) \
                    or (self.adopted_on if adopted else None) or (purpose_of.date if purpose_of else None) or told_on \
                    or (None if speech and events_only else inherited)
                if speech and c.date is not None and lx["vague_now"].fullmatch(c.date.text):
                    c.date = None        # "Peru, selaku ketua blok itu tahun ini, mengecam ...": no day told
                admitted = next((x for x in out if x.type == "CONFIRM" and x.agent == ag and x.date is None), None) \
                    if t.nominal and t.type in ("DEPLOY", "SUPPLY") and c.date is not None and c.date.start > t.end \
                    and _ADMITS.search(text, 0, t.start) and _AT_LAST.search(text, max(0, t.start - 70), t.start) else None
                if admitted is not None:     # "X baru mengakui pengiriman pasukannya ke Y pada April 2025": the
                    admitted.date, c.date = c.date, None      # day of the admission; what it admits is older
                c.modality = modality
                if qspan:
                    c.quote, c.quote_start, c.quote_end = text[qspan[0]:qspan[1]], sent.start + qspan[0], sent.start + qspan[1]
                out.append(c)
                if t.nominal:
                    named_by_noun.add(id(c))
        if qspan and speaker and not any(c.type in SPEECH for c in out):
            # “...,” tegasnya: a quoted statement with no verb of our list (what it tells of is the speaker's)
            unquoted = [d for d in main_dates if not qspan[0] <= d.start < qspan[1]]
            out += [Claim("STATEMENT", ag, sent, date=unquoted[0] if unquoted else inherited, trigger="",
                         quote=text[qspan[0]:qspan[1]], quote_start=sent.start + qspan[0],
                         quote_end=sent.start + qspan[1]) for ag in speaker]
        out = self._refine(sent, out, quantities, speaker, main_dates, inherited, trigs)
        if lx["that_matter"].match(text):      # "Hal itu diumumkan X ...": X spoke of the event told just before
            for c in out:
                if c.type in SPEECH and c.about is None:
                    c.about = self.last_event
        victims = {m.key for m in args if self.kind(m) == "Country" and _VICTIMS_OF.search(text, max(0, m.start - sent.start - 30),
                                                                                          m.start - sent.start)}
        out = [c for c in out if not (c.type == "KILL" and c.agent in victims)]    # "..., menewaskan dua tentara India":
        # not India's deed when both sides fought
        again = {x.word for x in trigs if x.type == "ATTACK" and x.nominal and _NAMED_AGAIN.match(text, x.end)}
        if self.did.get("ATTACK") and again:
            for c in out:    # "Serangan X itu menewaskan lima orang": where and when the attack told before was
                if (c.type == "KILL" or c.type == "ATTACK" and c.trigger in again) and c.agent == self.did["ATTACK"]:
                    c.place = c.place or self.did_at.get("ATTACK")
                    c.date = c.date or self.did_on.get("ATTACK")
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
        seen, unique = {}, []
        for c in out:
            k = (c.type, c.agent, c.target, c.place, c.about, c.quantity, c.negated)
            if k not in seen:
                seen[k] = len(unique)
                unique.append(c)
            elif unique[seen[k]].date is None and c.date is not None:
                unique[seen[k]] = c      # the mention that says when ("X, yang sejak 2023 menyerang ..., pada Senin menyerang")
        # ("Ia menambahkan ..." after "X mengatakan ... ketika patroli disergap pada Senin": not that day)
        told = [d for d in main_dates if not any(a <= d.start and d.end <= b and d.start > 40 for a, b, so in spans if so)]
        # (a date in a "ketika"/"sejak" phrase that does not open the sentence, as in_background reads them)
        self.last_date = told[0] if told else (None if main_dates else inherited)
        self.sentence_day[sent.index] = next((d for d in told if d.precision == "day"), None) or (
            inherited if not main_dates and inherited is not None and inherited.precision == "day" else None)
        # (a weekday read against the day of publication is as exact as "(23/5)": "pada Jumat malam")
        explicit = [d for d in dates if d.precision == "day" and (any(ch.isdigit() for ch in d.text) or self.ref_from == "published")]
        # (not one of a clause of another time: "Peluncuran ini terjadi sembilan hari setelah X memulai latihan pada
        # Senin (10/3)." then "Sehari sebelumnya, ..." counts from the launch, on the day the text gave it)
        other_time = [d for d in explicit if WITHIN_TIME_CLAUSE.search(text, 0, d.start)]
        dated = [c.date for c in unique if c.type not in SPEECH and c.date is not None and c.date.precision == "day"]
        if explicit:
            self.last_explicit = explicit[-1] if other_time != explicit else dated[0] if dated else self.last_explicit
        adoption = next((c for c in unique if c.type == "AGREE"), None)
        if adoption is not None:
            self.adopter, self.adopted_on = adoption.agent, adoption.date
        for c in unique:
            if c.type in EVENT_TYPES:
                self.did[c.type], self.did_on[c.type], self.did_at[c.type] = c.agent, c.date, c.place
                if c.type == "ATTACK":
                    self.attackers.add(c.agent)
        accused = [c for c in unique if c.type == "ACCUSE"]
        if accused:
            self.last_accused = accused[-1].about or next((c.type for c in unique if c.type in EVENT_TYPES), None)
        self.last_event = next((c.type for c in reversed(unique) if c.type in EVENT_TYPES),
                               next((c.about for c in reversed(unique) if c.about), self.last_event))
        return unique

    def forces_of(self, agent: str) -> str:
        """Whose forces a speaker's "pasukannya", "kami" are: the country of its side, else its body, else itself."""
        side = self.side(agent)
        kind = {k: self.a.entities[k].type for k in side if k in self.a.entities}
        return next((k for k in sorted(side) if kind.get(k) == "Country"), None) \
            or next((k for k in sorted(side) if kind.get(k) == "Organization"), agent)

    def named_apposition(self, sent, args, lo: int, hi: int) -> bool:
        """Whether a person is named just before the comma at `hi` (", Kepala X, Tom Fletcher, mengecam"): the
        subject of the verb after it, not an object of the clause before."""
        before = [m for m in args if lo <= m.start - sent.start and m.end - sent.start <= hi]
        return bool(before) and self.kind(before[-1]) == "Person" and re.fullmatch(r"\s*,\s*", sent.text[before[-1].end - sent.start:hi]) is not None

    def at_home(self, place: str | None, agent: str) -> bool:
        """Whether `place` lies in the agent's own country ("Di Sanaa, ..." of a Houthi attack)."""
        ents = self.a.entities
        home = agent if ents[agent].type == "Country" else ents[agent].country or gazetteer_country(ents[agent].label)
        return place is not None and home is not None and home in (place, ents[place].country, gazetteer_country(ents[place].label))

    def side(self, agent: str) -> set[str]:
        """The agent, the bodies it serves and their countries: who "we" are when it speaks."""
        ents = self.a.entities
        out = {agent} | self.serves.get(agent, set()) - {None}
        return out | {ents[k].country or gazetteer_country(ents[k].label) for k in out if k in ents} - {None}

    def plan_announced(self, sent: Sentence, text: str, q, speakers: list[str]) -> bool:
        """Whether amount `q` is of a plan to send that the speakers announce, not estimate: their own side's or one
        not named ("pemerintah akan mengerahkan 400 tentara"), or a partner's to them (an official of X: "Y akan
        mengirim 500 tentara ke X"); not a third party's plan an agency reports ("Menurut badan intelijen Z, Y
        berencana mengirim 1.200 tentara ke X")."""
        plan = lexicon()["planned_clause"].search(text, max(0, q.start - 120), q.start)
        if plan is None:
            return False
        args = self.args(sent)
        planner = next((m.key for m in reversed(args) if m.end - sent.start <= plan.start()
                        and m.start - sent.start >= plan.start() - 40 and self.kind(m) != "Place"), None)
        ours = set().union(*(self.side(a) for a in speakers))
        ents = self.a.entities
        to_us = any(m.key in ours or (ents[m.key].country or gazetteer_country(ents[m.key].label)) in ours
                    for m in args if m.start - sent.start >= q.end and self.kind(m) in ("Country", "Place"))
        return planner is None or planner in ours or to_us

    def allied(self, doer: str, speaker: str) -> bool:
        """Whether the doer of an act is on the speaker's side: one of its bodies, or a body named for its
        country ("Angkatan Udara Chad" for a Chadian general; not a rebel group of Chad for its army)."""
        ours, ents = self.side(speaker), self.a.entities
        if doer in ours:
            return True
        e = ents.get(doer)
        country = e and (e.country or gazetteer_country(e.label))
        return bool(country and country in ours and country in ents and ents[country].label in e.label)

    def toll_of_attack(self, sent: Sentence, found: list[Claim], prev: list[Claim]) -> list[Claim]:
        """"Serangan X menghantam pasar di Y pada Senin. Sedikitnya 24 orang tewas.": a toll with no cause of its
        own, right after a sentence that told an attack, is the deaths that attack caused (its agent, place, day)."""
        if not _BARE_TOLL.match(sent.text) or any(c.type not in SPEECH and c.type != "ATTACK" for c in found):
            return []
        # ("Sedikitnya 32 warga tewas setelah jet tempur X mengebom desa itu": the attack told after the toll)
        after = [c for c in found if c.type == "ATTACK" and not c.negated]
        attack = after[0] if after else next((c for c in reversed(prev) if c.type == "ATTACK" and c.sentence.index == sent.index - 1
                                              and not c.negated), None)
        toll = next((q for q, counted in self.quantities(sent.text) if counted == "casualties"), None)
        if attack is None or toll is None or toll.start > 40:
            return []
        for c in found:
            if c.type in ("ESTIMATE", "STATEMENT") and c.about is None:
                c.about = "KILL"         # "..., menurut Jaringan Dokter Sudan": the source of the toll
        return [Claim("KILL", attack.agent, sent, place=attack.place, date=attack.date, quantity=toll, modality=attack.modality,
                      trigger=re.search(r"tewas|terbunuh|meninggal", sent.text).group(0))]

    def figures_of(self, before: Sentence, found: list[Claim], earlier: list[Claim]) -> list[Claim]:
        """Estimates, by the speaker of this sentence, of the amounts the sentence before gave with no source."""
        by = next((c for c in found if c.type in ("STATEMENT", "ESTIMATE", "CONFIRM")), None)
        if by is None:
            return []
        given = {c.quantity.start for c in earlier if c.sentence.index == before.index and c.type == "ESTIMATE" and c.quantity}
        return [Claim("ESTIMATE", by.agent, before, quantity=replace(q, counts=counted), trigger=by.trigger, date=by.date,
                      about=EVENT_OF[counted])
                for q, counted in self.quantities(before.text) if q.start not in given]

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
                    # what is claimed follows the verb: another party's act is an accusation, one's own side's
                    # a confirmation ("Kementerian Pertahanan X mengklaim pasukannya menyerang ...")
                    at = words_after(text, s)
                    ev = next((e for e in events if text.find(e.trigger, at) >= at), None)
                    s.type = "STATEMENT" if ev is None else "CONFIRM" if self.allied(ev.agent, s.agent) else "ACCUSE"
                if ev is not None:
                    s.about, s.about_agent, s.about_target, s.about_place = ev.type, ev.agent, ev.target, ev.place
                    if ev.negated and s.type == "STATEMENT":
                        s.type = "DENY"
                    elif s.type == "STATEMENT" and ev.type in HOSTILE and not self.allied(ev.agent, s.agent) \
                            and ev.trigger.casefold() not in lx["killed_in"] and not is_nominal(ev.trigger) \
                            and not ((did := _WHAT_IT_DID.match(text, words_after(text, s))) and event_noun(did.group(1).casefold())):
                        # (a toll told, "tewas dalam serangan", blames no one;
                        # nor what the attack told before did: "mengatakan serangan itu menewaskan tiga orang";
                        # nor does one who tells what their own side did)
                        s.type, s.target = "ACCUSE", s.target or ev.agent    # "X menyebut Y sengaja menyerang ..."
                elif s.type != "STATEMENT":
                    pos = words_after(text, s)
                    named = next((t.type for t in trigs if t.type in EVENT_TYPES), None)
                    complement = re.split(r"\s(?:dan|tetapi|namun)\s|[,;]", text[pos:pos + 80])[0]
                    if lx["troops"].search(complement):
                        s.about = "DEPLOY"
                    elif named:          # an event named without its agent ("laporan pengerahan pasukan")
                        s.about = named
                    elif lx["that_report"].match(complement):
                        s.about = self.last_event    # "membantah laporan itu": the event reported just before
                    elif lx["that_accusation"].match(complement):
                        s.about = self.last_accused  # "membantah tuduhan itu": what the last accusation was about
            if s.type == "STATEMENT" and (lx["threat"].search(s.quote or text) or lx["threat_after"].search(s.quote or text)
                                          or lx["threat_outcome"].search(s.quote or text)):
                s.type = "WARN"      # "Jika ..., mereka akan ...": a conditional threat
            if s.type == "STATEMENT" and (lx["accusation"].search(text, words_after(text, s))
                                          or s.quote and len(s.quote.split()) > 3 and lx["accusation"].search(s.quote)):
                # (words of blame in what is said, not before it nor in a word set in quotes: 'mengecam "provokasi" X dan menyatakan ...')
                pos = words_after(text, s)
                s.target = s.target or next((m.key for m in self.args(sent) if (m.start - sent.start >= pos or
                                             s.quote and s.quote_start <= m.start < s.quote_end)   # or in the quote
                                             and m.key != s.agent and self.kind(m) in ("Country", "Organization", "Person")), None)
                if s.target is None and text.startswith("nya", pos) and self.did.get(self.last_event) != s.agent:
                    s.target = self.did.get(self.last_event)     # "menyebutnya sebagai provokasi": who did what was told
                if s.target is not None:
                    s.type = "ACCUSE"    # words of blame with no one blamed stay a statement
        # "mengecam serangan itu": the target is whoever did the event named just before
        for s in speech:
            if s.type in ("CONDEMN", "ACCUSE", "WARN") and s.target is None and s.trigger:
                # (also "mengutuk serangan terhadap kapal sipil tersebut": the one named before, its object between)
                m = re.match(r"\s+(?:keras\s+)?(\w+)(?:\s+(?:terhadap|atas|ke|di)(?:\s+[a-z-]+){1,3})?" + THAT,
                             text[words_after(text, s):])
                typ = event_noun(m.group(1).casefold()) if m else None
                if m and m.group(1).casefold() in lx["incident"]:
                    typ = self.last_event    # "mengecam insiden tersebut": the event told last
                if typ and self.did.get(typ) and self.did[typ] != s.agent:
                    s.target, s.about = self.did[typ], s.about or typ
        # an incident reported without its own date happened by the time it was reported
        for e in events:
            if e.date is None and e.type in POINT_EVENTS and id(e) not in self.answered:
                e.date = next((s.date for s in speech if s.date), None)
                # (not "mengatakan serangan itu merupakan balasan atas serangan udara Y": an earlier one)
        # a negated event inside a report is what the speaker denies, not an event
        claims = [c for c in claims if not (c in events and c.negated)]
        # amounts of troops: an estimate by whoever reports them
        estimators = [c.agent for c in speech if c.type == "ESTIMATE"] or \
                     [c.agent for c in speech if c.type not in ("CONFIRM", "DENY", "NO_COMMENT")] or \
                     [c.agent for c in speech if c.type == "CONFIRM"] or speaker     # a number confirmed is an estimate too
        kill = any(e.type in ("KILL", "ATTACK") for e in events)
        estimated: set[str] = set()
        for q, counted in quantities:
            q = replace(q, counts=counted)
            armed = next((e for e in events if e.type in ("ATTACK", "SUPPLY", "DEPLOY", "COMBAT")), None) if counted == "weapons" else None
            if counted == "weapons":     # "meluncurkan lebih dari 4.000 drone": the attack's amount, someone's estimate
                if armed is not None and armed.quantity is None:
                    armed.quantity = q
                if not estimators or kill and armed is None or q.value is not None and q.value < 10:
                    continue     # ("dua jet tempur", "dua rudal": a detail of the attack, not a number anyone estimates)
            elif kill and counted not in ("displaced", "members"):
                wounded = lx["wounded"].match(text, q.end)      # "dua lainnya luka-luka": not the dead
                killers = {e.agent for e in events if e.type == "KILL"}
                for e in events:     # (the dead are of the killing, and of an attack only by the same hand)
                    if (e.type == "KILL" or e.type == "ATTACK" and (not killers or e.agent in killers)) \
                            and e.quantity is None and not wounded:
                        e.quantity = q
                continue
            for e in events:     # the troops sent, as the sentence counts them (and, when someone tells it, an estimate)
                if e.type == "DEPLOY" and e.quantity is None and counted == "troops":
                    e.quantity = q
                if e.type == "AGREE" and e.quantity is None and counted == "captured" \
                        and lx["exchange"].search(text, max(0, q.start - 40), q.start):
                    e.quantity = q       # "sepakat menukar 1.200 tawanan": the prisoners of the exchange agreed
            if not estimators or q.value == 1:      # "sebuah kapal", "seorang tentara": one is no estimate
                continue
            if counted == "captured" and (lx["released"].search(text, q.end, q.end + 60) and lx["swap"].search(self.a.raw)
                                          or lx["exchange"].search(text, max(0, q.start - 40), q.start)):
                for s in speech:     # "X menyatakan 150 prajurit telah dipulangkan": the amount of the statement
                    if s.type in ("CONFIRM", "STATEMENT") and s.quantity is None:
                        s.quantity = q
                continue
            agents = list(dict.fromkeys(estimators))
            if (plan := lx["planned_amount"].search(text, max(0, q.start - 45), q.start)) and (planner := next(
                    (m.key for m in reversed(self.args(sent)) if m.end - sent.start <= plan.start()), None)) \
                    and any(planner in self.side(a) for a in agents):
                continue     # "Kementerian Pertahanan X mengumumkan akan mengerahkan 40.000 tentara": its own plan, no estimate
            if not any(c.type == "ESTIMATE" for c in speech) and self.plan_announced(sent, text, q, agents):
                for s in speech:     # "Menteri X mengatakan Y akan mengirim 500 tentara ke X": a plan announced,
                    s.quantity = s.quantity or q     # the statement's amount
                continue
            if len(agents) > 1:      # "X said ... after Y revealed that 1.500 ...": the nearest speaker before it
                at = {c.agent: text.find(c.trigger) for c in speech if c.agent in agents and c.trigger}
                near = [a for a in agents if 0 <= at.get(a, -1) < q.start]
                if near:
                    agents = [a for a in near if at[a] == max(at[b] for b in near)]
            m = re.search(r"perkiraan(?:\s+\w+)?\s+(\S+(?:\s+\S+)?)\s+sebanyak\s*$", text[max(0, q.start - 60):q.start])
            own = [x for x in self.args(sent) if x.start - sent.start >= q.start - 60 + m.start(1) and x.end - sent.start <= q.start] if m else []
            if own:
                agents = [own[0].key]
            d = next((d for d in dates if 0 <= d.start - q.end <= 20 and not _SINCE_BEFORE.search(text, 0, d.start)), None)
            # ("1.000 drone sejak Jumat", "30 rudal sepanjang 2024": the time counted, not when the estimate was made)
            about = EVENT_OF[counted] or (armed.type if armed else None)
            event = next((e for e in events if e.type == about), None)     # the event it estimates, when told
            confirmed = {c.agent for c in speech if c.type == "CONFIRM"}
            agents = [a for a in agents if a in confirmed or not (
                event is not None and event.type == "DEPLOY" and event.agent in self.side(a))]
            if not agents:
                continue         # "X mengatakan pihaknya mengerahkan 2.000 tentara": its own deployment announced, not
                # estimated (confirming a number is estimating it: "X membenarkan 800 prajuritnya sudah berada di Y")
            estimated.update(agents)
            for ag in agents:
                base = next((c for c in speech if c.agent == ag), None)
                claims.append(Claim("ESTIMATE", ag, sent, quantity=q, trigger=base.trigger if base else "",
                                    date=d or (base.date if base else None) or inherited,
                                    about=about, about_agent=event.agent if event else None,
                                    about_target=event.target if event else None,
                                    about_place=event.place if event else None,
                                    modality=base.modality if base else None,
                                    quote=base.quote if base else None,
                                    quote_start=base.quote_start if base else -1, quote_end=base.quote_end if base else -1))
        if estimated:        # who gives the numbers reports them: an estimate, not also a statement (but "menuduh" accuses)
            claims = [c for c in claims if not (c.agent in estimated and (c.type == "STATEMENT" or c.type == "ACCUSE" and
                                                lx["kind"].get(" ".join(c.trigger.casefold().split())) != "ACCUSE"))]
        # a plain statement adds nothing next to a specific act by the same agent, nor an estimate with
        # no amount next to one with it
        condemned = {c.agent for c in claims if c.type == "CONDEMN"}    # "mengecam X dan menyebutnya pelanggaran": one act
        claims = [c for c in claims if not (c.type == "ACCUSE" and c.agent in condemned and text.startswith("nya", words_after(text, c)))]
        specific = {c.agent for c in claims if c.type in SPEECH and c.type != "STATEMENT"}
        counted = {c.agent for c in claims if c.type == "ESTIMATE" and c.quantity is not None}
        for s in claims:      # ... whose day, told before it, is theirs ("X dalam pidatonya Rabu malam menyatakan ...,
            # tetapi menuduh ..."), unless it is told as done before or to come ("pernah mengecam", "akan menuntut")
            if s.type == "STATEMENT" and s.agent in specific and s.date is not None and s.date.text in text:
                for c in claims:
                    at = text.find(c.trigger) if c.trigger else -1
                    if c.type in SPEECH and c.type != "STATEMENT" and c.agent == s.agent and c.date is None \
                            and text.find(s.date.text) < at and not said_earlier(c) \
                            and not lx["irrealis"].search(text, max(0, at - 12), at):
                        c.date = s.date
        return [c for c in claims if not (c.type == "STATEMENT" and c.agent in specific
                                          or c.type == "ESTIMATE" and c.quantity is None and c.agent in counted)]


_HOURS_APART = re.compile(r"(?:setelah|sesudah|sebelum|usai)$", re.I)
_ADMITS = re.compile(r"(?<![\w-])(?:mengakui|membenarkan|mengonfirmasi)\s+(?:secara\s+(?:resmi|terbuka)\s+)?$", re.I)
_ASKED_FOR = re.compile(r"\s+(?:(?:adanya|digelarnya|segera|sebuah|suatu)\s+)?")
_IN_RETURN_FOR = re.compile(r"(?<![\w-])(?:balasan|pembalasan|respons|tanggapan|reaksi)\s+(?:atas|terhadap)\s+$", re.I)
# a noun of a deed or occasion ("peluncuran", "pertukaran", "penandatanganan", "serangan", "kunjungan")
_DEED_NOUN = re.compile(DEED_NOUN_STEM + r"|serangan|kunjungan|rapat|sidang")     # (not "Kementerian X")
_AT_LAST = re.compile(r"(?<![\w-])(?:baru|akhirnya|pertama\s+kali(?:nya)?)(?![\w-])", re.I)     # an admission come late
_SINCE_BEFORE = re.compile(r"(?<![\w-])(?:sejak|sepanjang|selama)\s+$", re.I)


def _names_year(text: str, d: DateValue) -> bool:
    """"UNCLOS 1982", "Konvensi Jenewa 1949": a bare year after a document's name is part of the name, no date."""
    return d.text.isdigit() and lexicon()["document_year"].search(text, max(0, d.start - 40), d.start) is not None


def _days_spoken(claims: list[Claim]) -> dict:
    """Agent -> the day its statements among `claims` are dated (a day: a statement dated by a year is
    another one, "laporan PBB tahun lalu")."""
    return {c.agent: c.date for c in claims if c.type in SPEECH and c.date is not None and c.date.precision == "day"}


def read_claims(article: Article, ref, ref_from: str = "published") -> Article:
    """Set `article.claims` from its sentences; `ref` is the date the article's dates are read
    against and `ref_from` where it comes from ("published", "text" or "corpus": kg.text.dates).
    A claim's date comes from its own article only: its sentence, its context (the sentence before,
    the quote it continues), else, for a statement, the article's publication date; else none."""
    lx = lexicon()
    ref_day = ref.day() if ref else None
    reader = _Reader(article, ref_day, ref_from)
    claims: list[Claim] = []
    body = [s for s in article.sentences if s.text.rstrip().endswith((".", "!", "?", "”", '"', ")"))]
    lede = {s.index for s in body[:2]} | {s.index for s in sents_before(article, body)}     # and the headline
    serves = reader.serves             # who speaks for whom
    prev: list[Claim] = []
    told_by: dict = {}
    sents = article.sentences
    for i, sent in enumerate(sents):
        found = reader.read(sent, reader.quoted_by(sents, i))
        found += reader.toll_of_attack(sent, found, prev)
        attack_and_toll(found)
        if i and lx["figure_that"].match(sent.text):     # "Angka tersebut diungkapkan oleh X": X's figures
            found += reader.figures_of(sents[i - 1], found, prev)
        # "Informasi itu disampaikan X ... pada Senin (20/4)", "X menyampaikan angka tersebut kepada wartawan pada
        # Selasa (4/2)": the day of the telling of what the sentence before told (not of the event told), when X
        # speaks for the one who told it ("wakil kepala misi Uni Afrika" for the AU; not another body passing on a ministry's figure)
        noun_first = lx["statement_noun"].match(sent.text) is not None
        teller = None if noun_first else next(
            (c for c in found if c.type in SPEECH and c.date is not None and c.date.precision == "day" and c.trigger
             and lx["told_that"].match(sent.text, words_after(sent.text, c))), None)
        d = find_dates(sent.text, ref_day, ref_from)[:1] if noun_first else [teller.date] if teller else []
        for c in prev:
            if c.date is None and d and c.type in SPEECH and (teller is None or speaks_for(teller.agent, c.agent, article, serves)):
                c.date = d[0]
        date_event_named(sent, claims, ref_day, ref_from, found)
        date_said_at(sent, claims, found, sents, reader.sentence_day)
        date_days_apart(sent, found, claims, ref_day, ref_from, reader.sentence_dates, body[0].index if body else None)
        # "X tidak membantah laporan itu. Ditanya ... Kamis (24/10), X berkata ...": one occasion
        # and "X said on Thursday (31/10) ... X warned ...": the same
        went_back = bool(lx["earlier"].match(sent.text))      # "Sebelumnya, ...": another time
        said = {} if went_back else _days_spoken([c for c in found if c.type in SPEECH and c.date is not None
                                                  and not said_earlier(c)])     # (not "sepekan setelah X menuduh")
        before = {} if went_back else {**told_by, **_days_spoken(prev)}     # ("Menurut Yoo, NIS menilai ... . '...,' kata Yoo.")
        # ... and so is "Kementerian X mengecam ... . Juru bicara kementerian, Y, mengatakan ...": one who
        # speaks for an agent goes on where it spoke
        # '"...," kata Vidal.' or "Ia menambahkan ..." after "Vidal mengatakan ..., Selasa (8/7)": the one who spoke
        # in the sentence before goes on speaking, named again or as "ia", on that day
        going_on = None if went_back or all(c.date is not None or c.type not in SPEECH for c in found) \
            else goes_on(sent, article, before)
        for later, earlier, shared in ((prev, said, False), (found, before, False), (found, said, True)):
            for c in later:
                if c.date is None and c.type in SPEECH and not said_earlier(c) and not done_then(c) and later is found and going_on \
                        and not lx["habitual"].search(c.sentence.text, 0, max(0, c.sentence.text.find(c.trigger))):
                    c.date = going_on      # (not "X menambahkan, Y sudah berkali-kali memperingatkan ...")
                if c.date is None and c.type in SPEECH and not said_earlier(c) and not done_then(c):
                    bodies = serves.get(c.agent, set()) - {None}
                    # within one sentence also "X mengutuk ..., kata juru bicaranya, Y, Senin": Y speaks for X's body
                    c.date = earlier.get(c.agent) or earlier.get(article.entities[c.agent].country) or next(
                        (earlier[o] for o in sorted(earlier) if o in bodies or article.entities[o].country in bodies
                         or shared and bodies & serves.get(o, set())), None) \
                        or (next((earlier[a] for a in reader.attributed if a in earlier), None) if later is found else None)
                    # ("... kata Lee, Senin. Menurut Lee, NIS menilai ...": what the same source goes on telling)
        claims += found
        if found:    # the sources a sentence names ("Menurut Yoo, ..."), on the day its statements were dated
            day = next((d for d in _days_spoken(found).values() if d is not article.published), None)
            told_by = {a: day for a in reader.attributed + reader.channels(sent)} if day else {}
        prev = found or prev
    # the first sentence of the lede that tells a statement ("X akan mengirim ... . Hal itu diumumkan Y pada Senin")
    first_said = next((s.index for s in body[:2] if any(c.sentence.index == s.index and c.type in SPEECH for c in claims)), None)
    first_met = next((s.index for s in body[:2] if any(c.sentence.index == s.index and c.type in MEETING and c.date is not None
                                                       and c.date.text in s.text for c in claims)), None)
    for c in claims:
        if c.date is None and c.type in SPEECH and not said_earlier(c):
            habitual = c.trigger and lx["habitual"].search(c.sentence.text, 0, max(0, c.sentence.text.find(c.trigger)))
            c.date = None if habitual else told_later(c, claims, article, serves, None if c.sentence.index in lede else 2) \
                or also_day(c, claims, article, reader.sentence_dates)
            if c.date is None and not habitual and c.sentence.index not in lede:
                c.date = lede_day(c, claims, article, first_said, serves, reader.sentence_dates) \
                    or lede_day(c, claims, article, first_met, serves, reader.sentence_dates, met=True)
            if c.date is None and article.published is not None:
                c.date = article.published      # events keep only dates the text gives them
        c.date_source = date_source(c, reader.sentence_dates.get(c.sentence.index, ()), article.published)
    one_day(claims)
    article.claims = claims
    return article


def sents_before(article: Article, body: list) -> list:
    """The lines before the first sentence of the body: the headline."""
    first = body[0].index if body else 0
    return [s for s in article.sentences if s.index < first]
