"""Who states a figure: every claimant that could, each described by where it stands.

The rules of `attribution.py` name the speakers of each sentence. A figure's speaker is
often elsewhere: in the sentence before that opened the statement, in the next one
("C'est ce qu'indique le rapport de ..."), in the headline, or nowhere (a war's toll).
So each figure gets candidates from its own sentence, the sentences around it and the
headline, plus "unattributed"; each candidate is a set of features (its role, its distance
in sentences, whether another speaker took the floor between, whether it denies ...)
that `ranker.py` weighs with weights learned from annotated articles.
"""

from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter

from . import cues, regexes
from .attribution import CONFIDENCE, LOCAL_AUTHORITIES, REPORTING, SELON, UNNAMED_MINISTRY, Attribution
from .dates import MONTHS
from .gazetteer import Claimant
from .patterns import Guarded, alternation, word_start
from .ranker import Spelt
from .read_once import read_once

BACK = 5  # sentences looked back at for the speaker who holds the floor
AHEAD = 2  # sentences looked ahead at for a speaker named after the figure

# A sentence that names the source of what was just said: "C'est ce qu'indique ...", "These figures ...".
_REFERS_BACK = regexes.compile(
    r"[\"'«“\s]*(?:c'est\s+ce\s+qu|il\s+s'agit|ce\s+(?:chiffre|bilan|decompte)|ces\s+(?:chiffres|bilans|donnees)"
    r"|(?:l'|cette\s+)information\b|ces\s+informations|the\s+(?:information|claims?|reports?)\s+(?:of|from|by)\b"
    r"|ce\s+sont\s+l|(?:the|these|those)\s+(?:figures?|numbers?|tally|toll|data|estimates?)"
    r"|that\s+(?:figure|number|is\s+according|was\s+according|toll)|this\s+(?:figure|number|toll)"
    r"|(?:such\s+is|so\s+says|so\s+said)|selon\s+(?:le\s+meme|la\s+meme)|according\s+to\s+the\s+same)"
)
# A speaker who denies ("the ministry denied", "Moscou a démenti") or disowns the figure ("the report does
# not include", "Reuters could not verify", "n'a pas pu confirmer"): never the source of the toll.
DENIES = regexes.compile(
    r"[^.;]{0,60}?(?:\b(?:denied|denies|deny|rejected|rejects|dement\w*|a\s+nie|ont\s+nie|nie\b|contest\w*|disput\w*)"
    r"|\bn(?:e\s+|')(?:\w+\s+){0,2}?(?:pas|jamais)\s+(?:\w+\s+)?(?:confirm|verifi|inclu|compris|pris\s+en\s+compte)"
    r"|\bne\s+(?:comprend|comprenait|inclut|incluait|prend|prenait|tient|tenait)\s+pas\b"
    r"|\b(?:did\s+not|does\s+not|do\s+not|could\s+not|cannot|can\s+not|didn't|doesn't|don't|couldn't"
    r"|(?:was|were)\s+unable\s+to|ha[sd]\s+not|have\s+not)\s+(?:\w+\s+)?(?:include|confirm|verify|corroborate"
    r"|account\s+for|been\s+able\s+to\s+(?:confirm|verify)))"
)
# "L'information de l'OSDH a été démentie par ...", "the reports were denied by": the name is the one denied,
# the agent after "par" or "by" the one who denies.
_PASSIVE_DENIAL = regexes.compile(r"\b(?:ete|was|were|been|is|are|sont|est|etait)\s+(?:\w+\s+)?\w+$")
_DENIED_BY = regexes.compile(r"\s+(?:\w+\s+)?(?:par|by)\b")
_DENIED_BY_BEFORE = regexes.compile(
    r"\b(?:denied|rejected|disputed|contested|dementie?s?|rejetee?s?|contestee?s?)\s+(?:\w+\s+)?(?:par|by)\s+"
    r"(?:la\s+|le\s+|les\s+|l'|the\s+)?$"
)
# Others who say ("certains experts", "reports at the time said"): nobody the article names.
OTHERS_SAY = Guarded(
    regexes.compile(
        word_start(
            r"\b(?:certains|certaines|some|many|d'autres|other|plusieurs|several)\s+(?:\w+\s+)?(?:chercheurs"
            r"|experts|researchers|analysts|analystes|historiens|historians|observateurs|observers|estimates"
            r"|estimations|sources|groups|ong|ngos|organisations|organizations|medias|media|journalistes"
            r"|journalists|habitants|residents|temoins|witnesses)\b|\breports?\s+(?:at\s+the\s+time|then)\b"
        )
    ),
    (
        "certain",
        "some",
        "several",
        "many",
        "d'autres",
        "other",
        "plusieurs",
        "report",
    ),  # each match's first word
)
# A sentence that announces a statement whose figures follow.
_STATEMENT = regexes.compile(
    r"\b(?:bilan|rapport|communique|declaration|enquete|decompte|statement|report|review|briefing|tally|findings"
    r"|investigation|assessment|press\s+conference|conference\s+de\s+presse)s?\b"
)
# An earlier event told again: a pluperfect ("avait fait 31 morts", "had killed"), or a sentence
# opening on a past date ("En août,", "Il y a une semaine,", "Last month,", "On Sept. 23,").
_RECALLED = regexes.compile(
    word_start(
        r"\b(?:avai(?:t|ent)\s+(?:\w+\s+)?(?:fait|tue|coute|cause|fauche)|had\s+(?:\w+\s+)?(?:killed|left|claimed"
        r"|cost)|(?:avai(?:t|ent)|had)\s+(?:ete\s+|been\s+)(?:tue|killed|blesse|wounded|injured))"
    )
)
_PAST_OPENING = regexes.compile(
    r"[\"'«“\s]*(?:(?:en|in|on)\s+(?:" + alternation(MONTHS) + r")\.?(?:\s+\d{1,2})?"
    r"|le\s+\d{1,2}(?:er)?\s+\w+|il\s+y\s+a\s+(?:une|un|deux|trois|quelques|\d+)\s+\w+|depuis\s+lors"
    r"|last\s+(?:week|month|year)|(?:a\s+week|a\s+month|a\s+year|\w+\s+(?:days|weeks|months|years))\s+(?:ago|earlier)"
    # "On Saturday, at least 80 people were killed ...": the day of an event the article tells
    r"|(?:(?:late|early)\s+)?(?:on\s+|last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:night|morning|evening|afternoon))?"
    r"|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+(?:soir|matin|dernier|apres-midi))?)"
    r"(?:\s+(?:19|20)\d\d)?\s*,"
)
_KINDS = ("official", "independent", "media", "state_media")
_NOBODY: frozenset = frozenset()
_VALUE, _CLAIMANT = attrgetter("value"), attrgetter("claimant")  # read in C, without a generator
# a claimant's feature names, by where it stands: "" in the figure's sentence, "back_" before, "ahead_" after
_AT = {at: Spelt(at) for at in ("", "back_", "ahead_")}  # _AT["back_"]["reference"]
_ROLE = {at: Spelt(f"{at}role_") for at in _AT}
_KIND = {at: Spelt(f"{at}kind_") for at in _AT}


@dataclass(slots=True)
class Candidate:
    """A claimant that may state a figure (None: nobody does), with what the ranker weighs."""

    claimant: Claimant | None
    attribution: Attribution | None
    features: dict[str, float]


def _key(claimant: Claimant) -> tuple:
    """What Claimant.__eq__ compares: as a dict key, hashed in C (Claimant's own __hash__ is Python's)."""
    return claimant.name, claimant.kind, claimant.aliases


class SentenceCues:
    """What a sentence tells every figure in it about its speakers, each read once, on need."""

    def __init__(self, fact):
        self.fact = fact
        self.folded, self.start, self.end = fact.article.folded, fact.start, fact.end
        self.own_speakers = list(filter(_CLAIMANT, fact.attributions))  # those with a claimant
        self.denials: dict[int, bool] = {}  # by the speaker's position

    @read_once
    def speakers(self) -> frozenset:  # who speaks here, as _key()s
        return frozenset(_key(a.claimant) for a in self.own_speakers)

    @read_once
    def values(self) -> frozenset:  # its figures' values
        return frozenset(map(_VALUE, self.fact.readings))

    @read_once
    def may_deny(self) -> bool:
        """Tell whether it holds a word every match of DENIES or _DENIED_BY_BEFORE holds, found in C.

        "denied" holds "nie"; the words are tested one by one, without a generator.
        """
        s = self.folded[self.start : self.end]
        return (
            "nie" in s
            or "deny" in s
            or "reje" in s
            or "dement" in s
            or "contest" in s
            or "disput" in s
            or " pas" in s
            or " not" in s
            or "n't" in s
            or "unable" in s
        )

    def denies(self, position: int) -> bool:
        """Tell whether the speaker named at `position` denies ("X denied", "X a démenti"): read once."""
        denied = self.denials.get(position)
        if denied is None:
            start, end = self.start, self.end
            if start <= position <= end and not self.may_deny:
                denied = False  # the patterns read this sentence only
            else:
                folded = self.folded
                denial = DENIES.match(folded, position, end)
                denied = bool(
                    denial
                    and not _PASSIVE_DENIAL.search(denial.group())
                    and not _DENIED_BY.match(folded, denial.end())
                ) or bool(_DENIED_BY_BEFORE.search(folded, max(start, position - 50), position))
            self.denials[position] = denied
        return denied

    @read_once
    def unnamed_speaker(self) -> bool:  # a reporting verb, but nobody the engine knows
        return not self.own_speakers and bool(REPORTING.search(self.folded, self.start, self.end))

    @read_once
    def background(self) -> bool:  # a war's toll with no speaker of its own
        return not self.own_speakers and cues.war_toll(self.folded, self.start, self.end)

    @read_once
    def others_say(self) -> bool:
        return bool(OTHERS_SAY.search(self.folded, self.start, self.end))

    @read_once
    def unknown_source(self) -> bool:  # "selon" someone the engine does not know
        return not self.fact.attributions and bool(SELON.search(self.folded, self.start, self.end))

    @read_once
    def recalls_past(self) -> bool:  # an earlier event told again, with no speaker of its own
        if self.own_speakers or self.unnamed_speaker:
            return False
        folded, start = self.folded, self.start
        return bool(_PAST_OPENING.match(folded, start) or _RECALLED.search(folded, start, self.end))

    @read_once
    def refers_back(self) -> bool:
        return bool(_REFERS_BACK.match(self.folded, self.start))

    @read_once
    def opens_statement(self) -> bool:
        return not self.fact.readings and bool(_STATEMENT.search(self.folded, self.start, self.end))


def sentence_cues(fact) -> SentenceCues:
    cached = fact.memo.get("claimants")
    if cached is None:
        cached = fact.memo["claimants"] = SentenceCues(fact)
    return cached


def candidates(reading, i: int, facts, rule: Attribution | None) -> list[Candidate]:
    """Return the figure's candidates, the nearest occurrence of each claimant, and "unattributed"."""
    fact = facts[i]
    rule_key = _key(rule.claimant) if rule and rule.claimant else None
    found: dict[tuple, Candidate] = {}  # by _key()
    here = sentence_cues(fact)
    own_speakers, unnamed_speaker = here.own_speakers, here.unnamed_speaker
    quoted = _inside_quotes(fact.article.text, fact.start, reading.start)

    def add(attribution, j, there, between=_NOBODY):  # not annotated: annotations are built at each def
        """Add the claimant named in sentence j (`there`); `between`: who speaks between it and the figure."""
        claimant = attribution.claimant
        if claimant is None:
            return
        key = _key(claimant)
        known = found.get(key)
        if known is not None:
            known.features["repeated"] = 1.0
            return
        denies = there.denies(attribution.position)
        away = j != i
        if away and denies:
            return  # a denial holds no floor: "The ministry denied any involvement. Another 11 died."
        features = _where(reading, attribution, i, j, facts, there, key, between)
        # what a claimant is weighs differently in the figure's sentence and away from it
        at = "back_" if j < i else "ahead_" if away else ""
        role, kind = attribution.role, claimant.kind
        features[_ROLE[at][role]] = 1.0
        if attribution.confidence < CONFIDENCE.get(role, 0.5) - 1e-9:
            features[_AT[at]["reference"]] = 1.0
        features[_KIND[at][kind if kind in _KINDS else "official"]] = 1.0
        if claimant is LOCAL_AUTHORITIES or claimant is UNNAMED_MINISTRY:
            features[_AT[at]["local_officials"]] = 1.0
        if key == rule_key:
            features["rule"] = 1.0
            features[f"rule_{rule.role}"] = 1.0
            if away:
                features["rule_away"] = 1.0
        elif not away and rule_key is not None:
            features["not_rule_same_sentence"] = 1.0
        if not away:
            if denies:
                features["denies"] = 1.0
        else:
            if own_speakers:
                features["away_from_own_speaker"] = 1.0
            if unnamed_speaker:  # "..., Major-General Bilton said": maybe the floor's person
                features[_AT[at]["speaker_unnamed_here"]] = 1.0
            if quoted:
                features["quoted_here"] = 1.0
        if role == "verb" and any(
            a.role == "subject" and a.position < attribution.position for a in own_speakers
        ):
            features["after_a_subject"] = 1.0  # "HRW juge la coalition coupable": the object of the verb
        found[key] = Candidate(claimant, attribution, features)

    own = fact.attributions
    if len(own) > 1:
        own = sorted(own, key=lambda a: abs(a.position - reading.start))
    for attribution in own:
        add(attribution, i, here)
    for attribution in fact.mentioned:
        add(attribution, i, here)
    if fact.tweet:
        add(Attribution(fact.tweet, fact.start, "tweet", CONFIDENCE["tweet"]), i, here)
    background = here.background or here.others_say
    if not background:  # a war's toll or others' estimates, with no speaker of their own: no floor
        spoke = set()  # who speaks in the sentences between the figure's and the j-th
        for j in range(i - 1, max(-1, i - 1 - BACK), -1):
            if facts[j].attributions:
                there = sentence_cues(facts[j])
                for attribution in reversed(facts[j].attributions):
                    add(attribution, j, there, spoke)
                spoke |= there.speakers
        for j in range(i + 1, min(len(facts), i + 1 + AHEAD)):
            later = facts[j]
            if not later.attributions and not later.mentioned:
                continue  # nobody named: nothing to read there
            there = sentence_cues(later)
            for attribution in later.attributions:
                add(attribution, j, there)
            if later.mentioned and there.refers_back:
                for attribution in later.mentioned:  # "These figures come from Airwars"
                    add(attribution, j, there)
        if i > BACK and facts[0].paragraph == 0:
            there = sentence_cues(facts[0])
            for attribution in facts[0].attributions:
                add(attribution, 0, there, spoke)  # the last BACK sentences only: the headline is far
    if rule_key is not None and rule_key not in found:
        j = _sentence_of(facts, rule.position)  # an engine-made reading ("carried"): where it was named
        if j == i or not background:
            add(rule, j, sentence_cues(facts[j]), _speakers_between(facts, j, i))
    nobody = {"unattributed": 1.0}
    if rule is None:
        nobody["rule"] = 1.0
    if here.background:
        nobody["war_toll"] = 1.0
    if here.others_say:
        nobody["others_say"] = 1.0
    if here.recalls_past:
        nobody["recalls_past"] = 1.0
    if fact.claims_attack and not own_speakers:  # "IS claimed attacks that killed 50": a fact told again
        nobody["claimed_attack"] = 1.0
    if here.unknown_source:
        nobody["unknown_source"] = 1.0
    if own_speakers:
        nobody["has_own_speaker"] = 1.0
    if unnamed_speaker:
        nobody["speaker_unnamed_here"] = 1.0
    return [*found.values(), Candidate(None, None, nobody)]


def _where(reading, attribution: Attribution, i: int, j: int, facts, there, key, between) -> dict[str, float]:
    """Describe where a claimant stands relative to the figure: clause, sentence, paragraph, floor."""
    fact, other = facts[i], facts[j]
    position = attribution.position
    if j == i:
        features = {"same_sentence": 1.0}
        clause_breaks = fact.breaks
        if bisect_right(clause_breaks, position) == bisect_right(clause_breaks, reading.start):
            features["same_clause"] = 1.0
        features["before_number" if position < reading.start else "after_number"] = 1.0
        return features
    if j < i:
        distance = i - j
        features = {"back_1" if distance == 1 else "back_2" if distance == 2 else "back_far": 1.0}
        if len(between) > 1 or (between and key not in between):  # another speaker took the floor
            features["floor_taken"] = 1.0
        elif other.attributions == [attribution] or all(
            a.position <= position
            or a.claimant is None
            or a.claimant is attribution.claimant
            or _key(a.claimant) == key
            for a in other.attributions
        ):
            features["holds_floor"] = 1.0  # nobody else spoke after it (its sentence's only speaker, at once)
        if other.readings:
            if reading.value in there.values:
                features["back_restates"] = 1.0
        elif there.opens_statement:
            features["opens_statement"] = 1.0  # "Le ministère a publié un bilan lundi.", then figures
        if j == 0 and other.paragraph == 0 and fact.paragraph != 0:
            features["headline"] = 1.0
    else:
        features = {"ahead_1" if j == i + 1 else "ahead_far": 1.0}
        if there.refers_back:
            features["refers_back"] = 1.0
        if reading.value in there.values:
            features["ahead_restates"] = 1.0  # a headline's figure, stated again with its source
        elif other.readings:
            features["ahead_has_figures"] = 1.0  # its speaker speaks for its own figures
            if not features.get("refers_back"):
                features["ahead_speaks_for_itself"] = 1.0
    if other.paragraph != fact.paragraph:
        features["other_paragraph" if j < i else "ahead_other_paragraph"] = 1.0
    return features


def _speakers_between(facts, j: int, i: int) -> frozenset:
    """Return who speaks in the sentences between j and i, as _key()s (the last BACK only)."""
    return frozenset(key for f in facts[max(j + 1, i - BACK) : i] for key in sentence_cues(f).speakers)


def _inside_quotes(text: str, start: int, position: int) -> bool:
    """Tell whether text[position] stands inside a quotation opened in its sentence."""
    before = text[start:position]
    if '"' not in before and "\u00ab" not in before and "\u201c" not in before:
        return False  # nothing opens a quotation: three tests in C, cheaper than five counts
    opened = before.count("\u00ab") + before.count("\u201c") - before.count("\u00bb") - before.count("\u201d")
    return opened > 0 or before.count('"') % 2 == 1


def _sentence_of(facts, position: int) -> int:
    return max(0, bisect_right(facts[0].article.sentence_starts, position) - 1)
