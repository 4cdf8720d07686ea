"""The claim reader's word lists, compiled from lexicon/triggers.yaml, and the claim type groups."""
from __future__ import annotations

import functools
import re

from kg.lexicon import load, trie


def _alt(words) -> str:
    """The words as one prefix-factored alternation; every pattern here matches case-insensitively."""
    return trie(w.casefold() for w in words)


# a phrase that opens the sentence before its subject ("Atas perintah X, ...", "Beberapa jam setelah X ..., Y ...")
_TIME_APART = r"(?:(?:hanya|tak|tidak)\s+)?(?:(?:beberapa|\d+|se|dua|tiga|empat|lima)\s*(?:jam|hari|menit|pekan|minggu)|sesaat|lama)\s+(?=setelah|sesudah|sebelum|usai)"
FRONTED = re.compile(r"\W*(?:namun\s*,?\s*)?(?:" + _TIME_APART + r")?(?:atas|dalam|menurut|pada|di|sejak|bagi|untuk|terkait|dengan|setelah|sebelum|meskipun|karena|saat|ketika|ditanya|ditemui|dihubungi|menanggapi|usai|seusai|sesudah|berbicara)\b", re.I)
THAT = r"\s+(?:itu|tersebut|ini)\b"      # after a noun: the one named before ("laporan itu")
PHRASE_BREAK = re.compile(r"[,.;]|\b(?:sejak|setelah|sebelum|ketika|saat|dan|serta)\b", re.I)
QUOTE = re.compile(r"[“\"]([^”\"]{8,})[”\"]")
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
    for verb in lex["participation"]:       # "terlibat dalam pertempuran": taking part in combat
        for noun in lex["combat_nouns"]:
            kinds.setdefault(f"{verb} {noun}".casefold(), "COMBAT")
    return {
        "kind": kinds,
        "trigger": re.compile(r"(?<![\w-])(" + _alt(kinds) + r")(nya)?(?![\w-])", re.I),
        "no_comment": _words(lex["no_comment"]),
        "falsehood": _words(lex["falsehood"]),
        "troops": _words(lex["troops"], "nya"),
        "arms": _words(lex["arms"], "nya"),
        "relocation": frozenset(w.casefold() for w in lex["relocation_verbs"]),
        "war_of": re.compile(r"(?<![\w-])(?:" + _alt(lex["war_nouns"]) + r")\s+$", re.I),
        "transfer": frozenset(w.casefold() for w in lex["transfer_verbs"]),
        "presence_verbs": frozenset(w.casefold() for w in lex["presence_verbs"]),
        "fight": frozenset(w.casefold() for w in lex["fight_verbs"]),
        "sale": frozenset(w.casefold() for w in lex["sale_verbs"]),
        "sign": frozenset(w.casefold() for w in lex["sign_verbs"]),
        "launch": frozenset(w.casefold() for w in lex["launch_verbs"]),
        "approval": frozenset(w.casefold() for w in lex["approval_verbs"]),
        "transfer_noun": re.compile(r"\s+(?:" + _alt(lex["transfer_nouns"]) + r")(?![\w-])", re.I),
        "recognised": re.compile(r"\s+(?:" + _alt(lex["recognised"]) + r")(?![\w-])", re.I),
        # ... and the name of whose it is between ("laporan Kelompok Ahli PBB yang dirilis bulan lalu")
        "occasion": re.compile(r"(?<![\w-])(?i:" + _alt(lex["occasion_nouns"]) + r")(?:\s+(?:[A-Z][\w'’-]*|\([A-Z]{2,8}\))){0,5}\s*,?\s*$"),
        "none_of": re.compile(r"(?<![\w-])(?:tidak|tak)\s+ada\s+(?:satu|seorang|sebuah)\s+pun\b(?![^.;]*[,;])", re.I),
        "document_name": re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, lex["document_names"])) + r")\s+$"),
        "unilateral": re.compile(r"(?<![\w-])(?:" + _alt(lex["unilateral_documents"]) + r")(?![\w-])", re.I),
        "stop_doing": re.compile(r"(?<![\w-])(?:" + _alt(lex["stop_words"]) + r")(?![\w-])", re.I),
        "part_of": re.compile(r"\b(?:di|ke)\s+(?:(?:wilayah|kawasan|bagian|daerah|perbatasan)\s+)?(?:" + _alt(lex["compass"]) + r")\s+$", re.I),
        "killed_in": frozenset(w.casefold() for w in lex["killed_in"]),
        # "tewas dan 48 lainnya luka-luka dalam serangan": the killed and the wounded of one attack
        "killed_apart": re.compile(r"(?<![\w-])(tewas|terbunuh)\s+(?:dan|serta)\s+[^.;,]{0,50}?(?:luka|cedera)[^.;,]{0,12}?\s"
                                   r"(dalam|akibat)\s+(?=\S)", re.I),
        "ordered": re.compile(r"(?<![\w-])(?:" + _alt(lex["order_verbs"]) + r")(?![\w-])[^.;,]*$", re.I),
        "that_time": re.compile(r"\W*(?:" + _alt(lex["that_time"]) + r")(?:\s*,|\s)", re.I),
        "fight_between": re.compile(r"(?<![\w-])((?i:" + _alt(lex["between_nouns"]) + r"))(?:\s+[a-z]+)?(?=\s+antara\s)"),
        "repel": frozenset(w.casefold() for w in lex["repel_verbs"]),
        "repelled": re.compile(r"\s+(?:" + _alt(lex["repelled"]) + r")(?![\w-])", re.I),
        "capture": frozenset(w.casefold() for w in lex["capture_verbs"]),
        "retake": frozenset([w.casefold() for w in lex["retake_verbs"]] +
                            [f"{v} {n}".casefold() for v in lex["participation"] for n in lex["combat_nouns"] if n == "pembebasan"]),
        "own": re.compile(r"\s+(?:" + _alt(lex["troops"] + lex["arms"]) + r")(?:nya|\s+(?:mereka|kami|kita))(?![\w-])", re.I),
        "receive": _words(lex["receive_verbs"]),
        "place_noun": re.compile(r"\s+(?:kembali\s+)?((?i:" + _alt(lex["locality_nouns"]) + r")\s+)?(?=[A-Z])"
                                 r"|\s+(?:kembali\s+)?(?:sebuah|dua|tiga|beberapa|sejumlah)\s+(" + _alt(lex["locality_nouns"]) + r")(?![\w-])"),
        "said_noun": _words(lex["said_nouns"]),
        "purpose": re.compile(r"(?<![\w-])(?:" + _alt(lex["purpose"]) + r")\s+$", re.I),
        "purpose_near": re.compile(r"(?<![\w-])(?:" + _alt(lex["purpose"]) + r")\s+(?:[a-z]+\s+)?$", re.I),
        "count_verbs": frozenset(w.casefold() for w in lex["count_verbs"]),
        "visit": frozenset(w.casefold() for w in lex["visit_verbs"]),
        # "X mengatakan pasukannya menewaskan ...": the forces of the speaker's side
        "their_forces": re.compile(r"(?<![\w-])(?:" + _alt(lex["troops"]) + r")nya\s+(?:(?:telah|berhasil|juga|sudah)\s+)*$", re.I),
        "foe": re.compile(r"\s+dengan\s+(?:(?:" + _alt(lex["troops"] + lex["armed_group_nouns"]) + r")\s+)?", re.I),
        "that_matter": re.compile(r"\W*(?:" + _alt(lex["matter_nouns"]) + r")" + THAT, re.I),
        "sea_launch": frozenset(w.casefold() for w in lex["sea_launch_verbs"]),
        "to_sea": re.compile(r"[^,.;]{0,60}?(?<![\w-])ke\s+(?:arah\s+)?(?:" + _alt(lex["sea_words"]) + r")(?![\w-])", re.I),
        "condition": re.compile(r"(?<![\w-])(?:" + _alt(lex["conditions"]) + r")(?![\w-])[^,.;:“”\"]*$", re.I),
        "threat_outcome": re.compile(r"(?<![\w-])akan\s+[\"“]?(?:\w+\s+){0,2}(?:" + _alt(lex["threat_outcomes"]) + r")(?:nya)?(?![\w-])", re.I),
        "threat_after": re.compile(r"(?<![\w-])akan\s+(?:\w+\s+){0,2}(?:" + _alt(lex["retaliation"]) + r")(?![\w-])[^.;]*?"
                                   r"(?<![\w-])(?:" + _alt(lex["conditions"]) + r")(?![\w-])", re.I),
        "negation": re.compile(r"(?<![\w-])(?:" + _alt(lex["negation"]) + r")(?!\s+(?:hanya|sekadar|cuma|saja)\b)(?:\s+\w+){0,1}\s*$", re.I),
        "training_place": re.compile(r"(?<![\w-])(?:" + _alt(lex["training_places"]) + r")\s+$", re.I),
        "nameless": re.compile(r"(?<![\w-])(?:" + _alt(lex["nameless"]) + r")\s*$", re.I),
        "may_be_sure": frozenset(w.casefold() for w in lex["may_be_sure"]),
        "modal_must": re.compile(r"(?<![\w-])(?:" + _alt(lex["modal_must"]) + r")\s+$", re.I),
        "modal": re.compile(r"(?<![\w-])(?:" + _alt(lex["modal_must"] + lex["modal_may"]) + r")\s+$", re.I),
        "recognised_before": re.compile(r"(?<![\w-])(?:" + _alt(lex["recognised"]) + r")(?:\s+\w+){0,3}\s+yang\s+(?:\w+\s+){0,3}$", re.I),
        "reluctant": re.compile(r"(?<![\w-])(?:" + _alt(lex["negation"] + lex["reluctance"]) + r")(?:\s+\w+){0,3}\s*$", re.I),
        "light": re.compile(r"(?<![\w-])(?:" + _alt(lex["light_verbs"]) + r")\s+(?:(?:" + _alt(lex["quantifiers"]) + r")\s+)?$", re.I),
        "same_day": [(re.compile((r"^\W*" if k in lex["same_day_opening"] else r"(?:^\W*|(?<![\w-]))") + re.escape(k) + r"\b", re.I), v) for k, v in
                     sorted(lex["same_day"].items(), key=lambda kv: -len(kv[0]))],
        # any of them anywhere: only a sentence with one is searched for each (speed only)
        "same_day_any": re.compile(r"(?:^\W*|(?<![\w-]))(?:" + _alt(lex["same_day"]) + r")\b", re.I),
        "document": re.compile(r"^\W*(?:" + _alt(lex["document_nouns"]) + r")" + THAT, re.I),
        "modality": [(m, _words(ws)) for m, ws in lex["modality"].items()],
        "claim_verbs": frozenset(w.casefold() for w in lex["claim_verbs"]),
        "presence": _words(lex["presence"]),
        "attribution_words": frozenset(w.casefold() for w in lex["attribution"]),
        "according": frozenset(" ".join(w.casefold().split()) for w in lex["according"]),
        "title_before": re.compile(r"(?<![\w-])(?:" + _alt(load("roles")["titles"]) + r")\s+$", re.I),
        "title_that": re.compile(r"(?<![\w-])(?:(" + _alt(load("roles")["titles"]) + r")\s+(?:itu|tersebut)|(?:sang|si)\s+("
                                 + _alt(load("roles")["titles"]) + r"))(?:\s+[a-z]+){0,2}\s*$", re.I),
        "body_that": re.compile(r"(?<![\w-])((?:" + _alt(load("roles")["org_heads"]) + r")(?:\s+[a-z]+){0,2})\s+(?:itu|tersebut)(?:\s+[a-z]+){0,2}\s*$", re.I),
        "figure_that": re.compile(r"^\W*(?:" + _alt(lex["figure_nouns"]) + r")" + THAT, re.I),
        "attribution": re.compile(r"(?<![\w-])(" + _alt(lex["attribution"]) + r")(?![\w-])", re.I),
        "pronoun": re.compile(r"(?<![\w-])(" + _alt(lex["pronouns"]) + r")(?![\w-])", re.I),
        "statement_noun": re.compile(r"^\W*(?:" + _alt(lex["statement_nouns"]) + r")" + THAT, re.I),
        "told_that": re.compile(r"\s+(?:" + _alt(lex["statement_nouns"] + lex["figure_nouns"]) + r")" + THAT, re.I),
        "flagged": re.compile(r"(?<![\w-])(?:" + _alt(lex["flag_words"]) + r")\s+$", re.I),
        "carried": re.compile(r"(?<![\w-])(?:" + _alt(lex["carried_by"]) + r")\s+$", re.I),
        "accusation": _words(lex["accusation_content"]),
        "earlier": re.compile(r"^\W*(?:" + _alt(lex["earlier"]) + r")\b", re.I),
        "record": re.compile(r"(?<![\w-])(?:" + _alt(lex["record_words"]) + r")(?:\s+[\w-]+){0,2}\s+$", re.I),
        "began": re.compile(r"(?<![\w-])(?:" + _alt(lex["began"]) + r")\s+$", re.I),
        "habitual": re.compile(r"(?<![\w-])(?:" + _alt(lex["habitual"]) + r")\s+$", re.I),
        "said_earlier": re.compile(r"(?:^\W*|(?<![\w-]))(?:" + _alt(lex["said_earlier"]) + r")\b(?:,?\s+\S+){0,2}\s+$|^\W*(?:" + _alt(lex["said_earlier"]) + r")\b", re.I),
        "background": re.compile(r"^\W*(?i:" + _alt(lex["background"]) + r")\s[^,]*,"),
        "threat": re.compile(r"(?<![\w-])(?:" + _alt(lex["conditions"]) + r")(?![\w-])[^.;]*?,[^.;]*?\bakan\b", re.I),
        "owner": re.compile(r"(?<![\w-])(?:" + _alt(lex["owner_nouns"]) + r")\s+$", re.I),
        "kin": re.compile(r"(?<![\w-])(?:" + _alt(load("roles")["kin_words"]) + r")(?!\s+(?:" + _alt(load("roles")["kin_not"])
                          + r")\b)(?:\s+\S+){0,4}\s+$", re.I),
        "speaking_owner": re.compile(r"(?<![\w-])(?:" + _alt(lex["speaking_owners"]) + r")\s+$", re.I),
        "prep_word": re.compile(r"(?<![\w-])(?:" + _alt(lex["prepositions"]) + r")(?![\w-])", re.I),
        "prep": re.compile(r"(?<![\w-])(?:" + _alt(lex["prepositions"]) + r")\s+$", re.I),
        # a name inside a phrase a preposition opens: "ke pos-pos India", "di wilayah timur X"
        "in_prep_phrase": re.compile(r"(?<![\w-])(?:di|ke|menuju|terhadap|atas)\s+(?:[a-z-]+\s+){1,2}$"),
        "speaker_noun": re.compile(r"(?<![\w-])(?:" + _alt(lex["speaker_nouns"]) + r")\s+$", re.I),
        # where a clause with its own subject begins: "bahwa", or mid-sentence "setelah" before a name
        "bahwa": re.compile(r"(?<![\w-])(?i:bahwa|jika|agar|supaya)(?![\w-])|[:;]"
                            r"|(?<=[\w,] )(?:" + _alt(lex["subordinators"]) + r")(?=\s+(?:[A-Z]|(?i:" + _alt(lex["troops"] + lex["speaker_nouns"]) + r")\b"
                            r"|(?!me|ber|di)[a-z]+\s))"),     # "setelah gelombang kekerasan ... menewaskan": a clause of its own
        "that_accusation": re.compile(r"\s*(?:" + _alt(lex["accusation_nouns"]) + r")" + THAT, re.I),
        "that_report": re.compile(r"\s*(?:" + _alt(lex["report_nouns"]) + r")" + THAT, re.I),
        "casualty": _words(lex["casualty_words"]),
        "vague_now": re.compile(r"(?:tahun|bulan|pekan|minggu)\s+ini", re.I),
        "wounded": re.compile(r"\s+(?:\w+\s+){0,2}(?:" + _alt(lex["wounded_words"]) + r")(?![\w-])", re.I),
        "casualty_noun": re.compile(r"(?:" + _alt(lex["casualty_nouns"]) + r")(?![\w-])", re.I),
        "irrealis": re.compile(r"(?<![\w-])(?:" + _alt(lex["irrealis"]) + r")(?:\s+\w+){0,2}\s+$", re.I),
        "pair_words": _alt(lex["pair"]),
        "pair": re.compile(r"(?<![\w-])(?:" + _alt(lex["pair"]) + r")\s+(?:\w+\s+){0,2}$", re.I),
        "captured": _words(load("counts")["captured"]),
        "released": _words(load("counts")["released"]),
        "swap": _words(load("counts")["prisoners"] + load("counts")["swap_words"]),
        "incident": frozenset(lex["incident_nouns"]),
        # "Konvensi Jenewa 1949", "UNCLOS 1982": the year that ends a document's name
        "document_year": re.compile(r"(?:(?<![\w-])(?i:" + _alt(lex["document_names"]) + r")(?:\s+[A-Z][\w'’-]*){0,3}"
                                    r"|(?<![\w-])\(?(?:" + "|".join(lex["document_acronyms"]) + r")\)?)\s+$"),
        "exchange": re.compile(r"(?<![\w-])(?:" + _alt(load("counts")["exchange"]) + r")\s+(?:[\w-]+\s+)?$", re.I),
        "armed_attack": re.compile(r"\s+(?:" + _alt(lex["armed_attack"]) + r")\b", re.I),
        "approve": frozenset(lex["approve_verbs"]),
        "at_place": re.compile(r"\W*[Dd]i\s+(?:(?:" + _alt(lex["locality_nouns"] + ["wilayah"]) + r")\s+)?"),
        "prisoners": re.compile(r"\s*(?:" + _alt(load("counts")["prisoners"]) + r")\b", re.I),
        "units": _words(load("counts")["units"]),
        "weapons": re.compile(r"^\s*(?:" + _alt(load("counts")["weapons"]) + r")(?![\w-])", re.I),
        # "drone-drone itu", "serangan tersebut" as a subject: the weapons or the attack told just before
        "weapon_that": re.compile(r"(?<![\w-])(?:" + _alt(load("counts")["weapons"] + lex["attack_nouns"]) +
                                  r")(?:-\w+)?\s+(?:\w+\s+)?(?:itu|tersebut)\s+(?:(?:telah|juga|kemudian|lalu)\s+)?$", re.I),
        "things": re.compile(r"^\s*(?:" + _alt(load("counts")["things"]) + r")(?![\w-])", re.I),
        "people_noun": re.compile(r"\s*(?:" + _alt(load("counts")["people"]) + r")(?![\w-])", re.I),
        "planned_amount": re.compile(r"(?<![\w-])(?:" + _alt(load("counts")["plan_words"]) + r")\s+(?:segera\s+|kembali\s+)?"
                                     r"(?:" + _alt(load("counts")["plan_verbs"]) + r")\s+(?:sekitar\s+|hingga\s+|sebanyak\s+|lebih dari\s+)?$", re.I),
        "planned_clause": re.compile(r"(?<![\w-])(?:" + _alt(load("counts")["plan_words"]) + r")\s+(?:segera\s+|kembali\s+)?(?:"
                                     + _alt(load("counts")["plan_verbs"]) + r")(?![\w-])(?:[^.;:“”\"]|\.(?=\d)){0,80}$", re.I),
        "estimated_before": re.compile(r"(?<![\w-])(?:" + _alt(load("counts")["estimating"]) + r")(?![\w-])[^.;,]{0,30}$", re.I),
        "people_after": re.compile(r"^\s*(?:" + _alt(load("counts")["people"]) + r")?\s*(?:[,.;]|$)", re.I),
        "displaced": re.compile(r"^\s*(?:(?:" + _alt(load("counts")["people"]) + r")\s+(?:\w+\s+){0,2})?(?:"
                                + _alt(load("counts")["displaced"]) + r")(?![\w-])", re.I),
        "members": re.compile(r"^\s*(?:" + _alt(load("counts")["members"]) + r")(?![\w-])(?!\s+(?:"
                              + _alt(load("counts")["members_of_no_force"]) + r")(?![\w-]))", re.I),
        "coord": re.compile(r"^\s*(?:,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|maupun|serta)\s+)$", re.I),
    }
