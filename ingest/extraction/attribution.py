"""Who states what: the claimants each sentence attributes its figures to.

A claimant is attributive when it is introduced by "selon", "d'après", "according to";
when it is the subject of a reporting verb ("Airwars estime", "the UN said", "X, qui
..., a reconnu"); when it follows one ("a indiqué le Centcom", "said the monitor"); or
when it is the agent of a report ("victimes répertoriées par Airwars"). A claimant
named as the object of an action ("frappes de la coalition", "dirigée par Washington")
is not. Pronouns and references ("Elle", "cette organisation", "the monitor", "le
texte", "cette dernière") resolve to the claimant last named.
"""

import re
from dataclasses import dataclass

from .gazetteer import Claimant, ClaimantIndex
from .patterns import alternation

# Stems take any ending ("estim" -> estime, estimait, estimates); whole words take none.
_REPORTING_STEMS = (
    "estim", "affirm", "reconn", "chiffr", "parl", "indiqu", "rapport", "recens", "denombr", "avanc", "evalu",
    "compt", "document", "declar", "assur", "precis", "ajout", "admet", "annonc", "publi", "signal", "confirm",
    "communiqu", "jug", "evoqu", "soulign", "expliqu", "repertori", "tabl", "revendiqu", "accus", "attribu",
    "impute", "relev", "conclu", "dress", "enregistr", "avou", "conced", "fourni", "acknowledg", "admit",
    "report", "record", "count", "announc", "believ", "claim", "conclud", "assess", "identif", "verif",
    "register", "blam", "releas", "publish", "issu", "logg", "track", "warn", "avert",
)
_REPORTING_WORDS = (
    "fait etat", "faisait etat", "font etat", "fait savoir", "dit", "disent", "admis", "note", "notent", "notait",
    "lit-on", "said", "says", "say", "saying", "told", "tell", "tells", "put", "puts", "found", "finds",
    "tallied", "tallies", "tally", "added", "adds", "noted", "notes", "wrote", "writes", "listed", "lists",
    "stated", "states", "stating",
)
REPORTING_VERB = (
    f"(?:{alternation(_REPORTING_WORDS)}(?![\\w-])|{alternation(_REPORTING_STEMS)}[\\w-]*)"
)
_AUX = r"(?:(?:a|ont|avait|avaient|aurait|auraient|has|have|had|en|y|aussi|egalement|also|further|en\s+effet|" \
       r"pour\s+sa\s+part|de\s+son\s+cote|ainsi|ne|n'|would|could|is|was|were|are|which)\s+)*"
_REPORTING = re.compile(rf"(?<![\w-]){REPORTING_VERB}(?![\w-])")
_NOT_SAME_CLAUSE = re.compile(r"[.;!?]|,\s*(?:and|et|but|mais)\b")
_VERB_RIGHT_AFTER = re.compile(rf"\s*(?:\)\s*)?,?\s*{_AUX}{REPORTING_VERB}\b")
SELON = re.compile(r"\b(?:selon|d'apres|according\s+to|citing|cited\s+by|quoted\s+by|sources?\s+(?:at|in|within))\b")
_AFTER_VERB = re.compile(
    r"\s+(?:(?:le|la|les|l'|the|a|an|un|une|des|du)\s*)?"
    r"(?:(?:porte-parole|spokes\w+|representant|official)\s+(?:de\s+la|du|de\s+l'|de|d'|for\s+the|for|of\s+the|of)\s*"
    r"(?:la\s+|le\s+|l'|the\s+)?)?"
)
_AGENT_BEFORE = re.compile(
    r"\b(?:repertori|recens|document|compil|diffus|publi|record|report|releas|publish|count|tall|cit|"
    r"communiqu|annonc|reconn|enregistr|dress|etabli)\w*\s+(?:\w+\s+)?(?:par|by)\s+(?:la\s+|le\s+|les\s+|l'|the\s+)?$"
)
_LED_BY = re.compile(r"\b(?:menee?s?|dirigee?s?|conduite?s?|led|commandee?s?|emmenee?s?)\s+(?:par|by)\s+"
                     r"(?:la\s+|le\s+|les\s+|l'|the\s+)?$")
_OBJECT = re.compile(
    r"(?:\bde|\bdu|\bdes|d'|\bof|\bpar|\bby|\bcontre|\bagainst|\ba|\bau|\baux|\bto|\bsur|\bon|\bwith|\bavec|"
    r"\bfor|\bpour|\bfrom|\bentre|\bbetween|\bvers|\btoward)\s*(?:la\s+|le\s+|les\s+|l'|the\s+|des\s+)?$"
)
_SPEAKER_OF = re.compile(
    r"\b(?:porte-parole|commandement|commandant|chef|directeur|directrice|responsables?|representante?s?|"
    r"president\w*|spokes\w+|head|director|chief|commander|officials?|officiels?|ministres?|ministers?|"
    r"secretaire|secretary|rapport|report|bilan|communique|statement|decompte|tally|count|figures|chiffres|"
    r"donnees|data|enquete|investigation|etude|study|analysis|analyse|experts?|enqueteurs?|investigators?|"
    r"sources?|estimations?|estimates?|releve|database)\w*\s+(?:\w+\s+)?"
    r"(?:de\s+la|du|de\s+l'|des|de|d'|of\s+the|of|for\s+the|for|from\s+the|from|by\s+the|by)\s*$"
)
_REFERENCE = re.compile(
    r"(?<![\w'-])(?:"
    r"(?P<latter>cette\s+derniere|ce\s+dernier|the\s+latter)"
    r"|(?P<independent>(?:l'|cette\s+|the\s+|this\s+)(?:organisation|organization|ong|ngo|observatoire|monitor"
    r"|watchdog|monitoring\s+group|rights\s+group|association))"
    r"|(?P<media>(?:l'|cette\s+|the\s+)(?:agence|agency))"
    r"|(?P<document>le\s+texte|le\s+communique|le\s+rapport|le\s+document|the\s+statement|the\s+report"
    r"|the\s+text|son\s+rapport|its\s+report|the\s+group)"
    r"|(?P<pronoun>elle|il|ils|elles|it|they|celle-ci|celui-ci))(?![\w-])"
)
_DESCRIPTOR = re.compile(
    r"(?:l'|la\s+|le\s+|les\s+|the\s+|an?\s+|une?\s+|this\s+|cette\s+)?(?:ong|ngo|organisation|organization|"
    r"observatoire|monitor|watchdog|group|groupe|agence|agency|association)(?:\s+[\w'-]+){0,3}\s*$"
)
_TWEET = re.compile(r"(?:^|\s)-\s+(?P<name>[^()\n]{2,60}?)\s+\(@\w+\)")

CONFIDENCE = {"selon": 0.95, "subject": 0.95, "verb": 0.95, "agent": 0.85, "tweet": 0.8, "carried": 0.7}
REFERENCE_FACTOR = 0.85


@dataclass(frozen=True)
class Attribution:
    claimant: Claimant
    position: int
    role: str  # selon | subject | verb | agent | tweet | carried
    confidence: float


class Attributor:
    """Walk the sentences in order, remembering the claimants named so far."""

    def __init__(self, index: ClaimantIndex, folded: str, original: str):
        self.index = index
        self.folded = folded
        self.original = original
        self.last_attributive: Claimant | None = None
        self.last_by_kind: dict[str, Claimant] = {}
        self.last_any: Claimant | None = None

    def sentence(self, start: int, end: int) -> list[Attribution]:
        """Return the attributive claimants of folded[start:end], updating what was last named."""
        items = [(m.start, m.end, m.claimant, None) for m in self.index.mentions(self.folded, self.original, start, end)]
        taken = [(s, e) for s, e, _, _ in items]
        for m in _REFERENCE.finditer(self.folded, start, end):
            if not any(s < m.end() and m.start() < e for s, e in taken) and not self._names_follow(m.end(), taken):
                items.append((m.start(), m.end(), None, m.lastgroup))
        items.sort(key=lambda item: item[0])
        selon_targets = self._selon_targets(items, start, end)
        starts = [s for s, _, _, _ in items if not self._governed(s, start)]
        verbs = [(m.start(), m.end()) for m in _REPORTING.finditer(self.folded, start, end)]
        found = []
        for s, e, claimant, reference in items:
            before = self.folded[max(start, s - 50):s]
            if claimant is not None:
                before = before[:_DESCRIPTOR.search(before).start()] if _DESCRIPTOR.search(before) else before
            if _LED_BY.search(before):
                continue
            role = "selon" if s in selon_targets else self._role(before, s, e, reference, starts, verbs)
            if reference:
                claimant = self._resolve(reference)
                if claimant is None or role is None:
                    continue
            if role is None:
                self.last_any = claimant
                continue
            factor = REFERENCE_FACTOR if reference else 1.0
            found.append(Attribution(claimant, s, role, CONFIDENCE[role] * factor))
            self._remember(claimant)
        return found

    def _governed(self, position: int, start: int) -> bool:
        """Tell whether a name is the object of a preposition ("de la coalition", "par Washington")."""
        before = self.folded[max(start, position - 70):position]
        return bool(_OBJECT.search(before) or _LED_BY.search(before))

    def _names_follow(self, position: int, taken) -> bool:
        """Tell whether a name follows a reference in apposition ("l'agence de presse SANA")."""
        return any(position <= s and re.fullmatch(r"[\w\s'-]{0,30}", self.folded[position:s]) for s, _ in taken)

    def _selon_targets(self, items, start, end) -> set[int]:
        targets = set()
        for m in SELON.finditer(self.folded, start, end):
            limit = min(end, m.end() + 90)
            stop = re.search(r"[,.;:()]", self.folded[m.end():limit])
            limit = m.end() + stop.start() if stop else limit
            first = next((s for s, _, _, _ in items if m.end() <= s < limit), None)
            if first is not None:
                targets.add(first)
        return targets

    def _role(self, before: str, s: int, e: int, reference: str | None, starts, verbs) -> str | None:
        """Return how a name at folded[s:e], after `before`, relates to the sentence's figures."""
        if any(_AFTER_VERB.fullmatch(self.folded, v_end, s) for _, v_end in verbs if s - 40 < v_end <= s):
            return "verb"
        if _AGENT_BEFORE.search(before):
            return "agent"
        if _OBJECT.search(before) and not _SPEAKER_OF.search(before):
            return None
        if reference in ("pronoun", "document"):
            return "subject" if _VERB_RIGHT_AFTER.match(self.folded, e) else None
        verb = next((v for v in verbs if e <= v[0] <= e + 120), None)
        if verb is None or _NOT_SAME_CLAUSE.search(self.folded, e, verb[0]):
            return None
        if any(e < other < verb[0] for other in starts):
            return None
        return "subject"

    def _resolve(self, reference: str) -> Claimant | None:
        if reference == "latter":
            return self.last_any
        if reference in ("independent", "media"):
            kinds = ("independent",) if reference == "independent" else ("media", "state_media")
            return next((self.last_by_kind[k] for k in kinds if k in self.last_by_kind), self.last_attributive)
        return self.last_attributive

    def _remember(self, claimant: Claimant) -> None:
        self.last_attributive = claimant
        self.last_any = claimant
        self.last_by_kind[claimant.kind] = claimant


def tweet_signatures(folded: str, original: str, index: ClaimantIndex):
    """Yield (position, Claimant) for each embedded tweet's "— Name (@handle)" signature."""
    for m in _TWEET.finditer(folded):
        name = " ".join(original[m.start("name"):m.end("name")].split())
        claimant = index.find(name) or Claimant(name, "media")
        yield m.start(), claimant
