"""Who states what: the claimants each sentence attributes its figures to.

A claimant is attributive when it is introduced by "selon", "d'après", "according to";
when it is the subject of a reporting verb ("Airwars estime", "the UN said", "X, qui
..., a reconnu"); when it follows one ("a indiqué le Centcom", "said the monitor"); or
when it is the agent of a report ("victimes répertoriées par Airwars"). A claimant
named as the object of an action ("frappes de la coalition", "dirigée par Washington")
is not. Pronouns and references ("Elle", "cette organisation", "the monitor", "le
texte", "cette dernière") resolve to the claimant last named.
"""

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path

from . import regexes
from .cues import DEED_CLAIMED_EN, DEED_CLAIMED_FR, PLACE_PATTERN
from .folding import fold
from .gazetteer import COUNTRY_AUTHORITIES, Claimant, ClaimantIndex, country_authorities
from .patterns import Ending, Guarded, WordScan, factored, key_of, keyed, split_alternatives, word_start
from .spans import Spans

# Stems take any ending ("estim" -> estime, estimait, estimates); whole words take none.
_REPORTING_STEMS = (
    "estim",
    "racont",
    "affirm",
    "reconn",
    "chiffr",
    "parl",
    "indiqu",
    "rapport",
    "recens",
    "denombr",
    "avanc",
    "evalu",
    "compt",
    "document",
    "declar",
    "assur",
    "precis",
    "ajout",
    "admet",
    "annonc",
    "publi",
    "signal",
    "confirm",
    "communiqu",
    "jug",
    "evoqu",
    "soulign",
    "expliqu",
    "repertori",
    "tabl",
    "revendiqu",
    "accus",
    "attribu",
    "impute",
    "relev",
    "conclu",
    "dress",
    "enregistr",
    "avou",
    "conced",
    "fourni",
    "acknowledg",
    "admit",
    "report",
    "record",
    "count",
    "announc",
    "believ",
    "claim",
    "conclud",
    "assess",
    "identif",
    "verif",
    "register",
    "blam",
    "releas",
    "publish",
    "issu",
    "logg",
    "track",
    "warn",
    "avert",
    "deni",
    "deny",
    "dement",
    "reject",
    "contest",
    "disput",
    "deplor",
    "denonc",
    "condamn",
    "condemn",
    "lament",
    "decri",
    "alert",
    "insist",
    "martel",
    "etabl",
    "inform",
    "emphasi",
    "stress",
    "explain",
    "mention",
)
_REPORTING_WORDS = (
    "fait etat",
    "faisait etat",
    "font etat",
    "fait savoir",
    "dit",
    "disent",
    "admis",
    "note",
    "notent",
    "notait",
    "lit-on",
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tell",
    "tells",
    "put",
    "puts",
    "found",
    "finds",
    "tallied",
    "tallies",
    "tally",
    "added",
    "adds",
    "noted",
    "notes",
    "wrote",
    "writes",
    "listed",
    "lists",
    "stated",
    "states",
    "stating",
    "gave",
    "gives",
    "give",
    "recu",
    "received",
    "receives",
    "recoit",
)
# Nouns and adjectives that start like a reporting verb ("country", "public", "un tableau"), after its stem.
_NOT_A_VERB = {
    "count": r"(?!r|er)",
    "publi": r"(?!c)",
    "tabl": r"(?!e)",
    "report": r"(?!ers?\b)",
    "document": r"(?!air)",
    "issu": r"(?!e\b)",
    "signal": r"(?!ement)",
    "etabl": r"(?!issement)",
    # "claimed responsibility for an attack", "a revendiqué l'attentat": a deed owned, no toll stated
    "claim": rf"(?!\w*\s+(?:{DEED_CLAIMED_EN}|(?:the\s+)?lives?\b))",
    "revendiqu": rf"(?!\w*\s+{DEED_CLAIMED_FR})",
}
REPORTING_VERB = (
    "(?:"
    + factored(
        "|".join(word.replace(" ", r"\s+") + r"(?![\w-])" for word in _REPORTING_WORDS)
        + "|"
        + "|".join(stem + _NOT_A_VERB.get(stem, "") + r"[\w-]*" for stem in _REPORTING_STEMS)
    )
    + ")"
)
# "its report", "the Coalition's claim", "un record": the stem is a noun there.
_DETERMINERS = tuple("un une the its their his her son sa ses leur leurs this cette an".split())
# most verbs follow none of them, as C tells first
_DETERMINER_BEFORE = Ending(
    regexes.compile(rf"(?:\b(?:{'|'.join(_DETERMINERS)})|'s)\s+$"), (*_DETERMINERS, "'s")
)
_AUX_WORDS = (
    r"a|ont|avait|avaient|aurait|auraient|has|have|had|en|y|aussi|egalement|also|further|en\s+effet|"
    r"pour\s+sa\s+part|de\s+son\s+cote|ainsi|ne|n'|would|could|is|was|were|are|which"
)
_AUX = rf"(?:(?:{factored(_AUX_WORDS)})\s+)*"
REPORTING = regexes.compile(rf"(?<![\w-]){REPORTING_VERB}(?![\w-])")
# REPORTING, read a sentence at a time
_REPORTING_SCAN = WordScan(rf"{REPORTING_VERB}(?![\w-])", not_after=r"\w-")
# Not a full stop: a dot inside a sentence ("U.S.", "Gen.") ends no clause.
_NOT_SAME_CLAUSE = regexes.compile(r"[;!?]|,\s*(?:and|et|but|mais)\b")
# Its blanks are possessive: no word after them starts with one, so giving one back never helps.
_VERB_RIGHT_AFTER = regexes.compile(rf"\s*+(?:\)\s*+)?(?:,[^,;\"]{{1,60}},)?,?\s*+{_AUX}{REPORTING_VERB}\b")
# "the one given by the coalition, which has admitted to ...": the name is the subject of its relative clause.
_RELATIVE_SPEAKER = regexes.compile(
    rf"\s*,\s*(?:which|who|qui|lequel|laquelle)\s+(?:(?:a|ont|avait|has|have|had|also|aussi|itself|lui-meme|elle-meme)\s+)*"
    rf"{REPORTING_VERB}\b"
)
# "The Taliban were blamed for ...": the one blamed, not a speaker.
_PASSIVE_AFTER = regexes.compile(
    r"(?:\s*,[^,.;]{1,40},)?\s*(?:were|was|is|are|have\s+been|has\s+been|ont\s+ete|a\s+ete|sont|est)\s+(?:\w+\s+)?"
    r"(?:blamed|accused|held\s+responsible|accusee?s?|blamee?s?|tenue?s?\s+pour\s+responsables?"
    r"|rendue?s?\s+responsables?)\b"
)
# "Al Jazeera, citing the Syrian Observatory", "selon Al Mayadeen citant l'OSDH": the one cited counts.
CITING = regexes.compile(
    r"\b(?:citing|citant|quoting|qui\s+cite)\s+(?:the\s+|l'|la\s+|le\s+|les\s+|des\s+)?$"
)
_SELON_WORDS = (
    r"selon|d'apres|according\s+to|citing|citant|cited\s+by|quoted\s+by|quoting|qui\s+cite"
    r"|sources?\s+(?:at|in|within)"
)
SELON = regexes.compile(word_start(_SELON_WORDS) + r"\b")
_SELON_SCAN = WordScan(factored(_SELON_WORDS) + r"\b")  # SELON, over a whole article
# The first words of _SELON_WORDS, each match's start: found in C, they spare the scan a stop at every word.
_SELON_FIRST_WORDS = ("selon", "d'apres", "according", "cit", "quot", "qui", "source")


def _selons(folded: str) -> list[tuple[int, int, None]]:
    """Return the spans of `_SELON_SCAN.finditer(folded)`, tried only where one of its first words stands."""
    places = set()
    for word in _SELON_FIRST_WORDS:
        i = folded.find(word)
        while i >= 0:
            places.add(i)
            i = folded.find(word, i + 1)
    spans, end = [], 0
    for place in sorted(places):
        if place >= end and (span := _SELON_SCAN.match(folded, place)):
            spans.append((*span, None))
            end = span[1]
    return spans


_SELON_STOP = regexes.compile(
    r"[,.;:)]|\((?![\w-]{2,12}\))"
)  # "d'après la Commission ... (AIHRC)": the acronym is in
_WHEN = (
    r"(?:(?:on\s+|ce\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)(?:\s+(?:soir|matin|apres-midi))?|hier|yesterday|today|aujourd'hui"
    r"|tonight|lately|earlier|plus\s+tot|recemment|recently|encore|again)"
)
_AFTER_VERB = regexes.compile(
    rf"\s+(?:{_WHEN}\s*,?\s+)?(?:(?:a|au|aux|to)\s+(?:l'|la\s+|le\s+|les\s+|the\s+)?[\w.-]+\s+)?"
    r"(?:(?:le|la|les|l'|the|a|an|un|une|des|du)\s*)?"
    r"(?:(?:porte-parole|spokes\w+|representant|official)\s+(?:de\s+la|du|de\s+l'|de|d'|for\s+the|for|of\s+the|of)\s*"
    r"(?:la\s+|le\s+|l'|the\s+)?)?"
    r"(?:(?:chaine|agence|journal|quotidien|hebdomadaire|television|channel|newspaper|agency|broadcaster|ong|ngo"
    r"|organisation|organization|observatoire|monitor|group|groupe)\s+(?:[\w-]+\s+)?)?"
)
# "with the army conceding that ...": the name after "with" speaks through the participle.
_WITH_BEFORE = regexes.compile(r"\bwith\s+(?:the\s+|its\s+)?$")
_AGENT_BEFORE = regexes.compile(
    r"\b(?:repertori|recens|document|compil|diffus|publi|record|report|releas|publish|count|tall|cit|"
    r"communiqu|annonc|reconn|enregistr|dress|etabli|acknowledg|admit|confirm|recogni|verifi|assess|estim|avanc"
    r")\w*\s+(?:\w+\s+)?(?:par|by)\s+(?:la\s+|le\s+|les\s+|l'|the\s+)?$"
    # a toll given by someone: "the toll of 14 dead given by the Observatory", not "the reports it provided"
    r"|\b(?:bilan|toll|figures?|chiffres?|count|tally|decompte)\b[^.;]{0,40}?\b(?:given|provided|fourni|donne)\w*"
    r"\s+(?:par|by)\s+(?:la\s+|le\s+|les\s+|l'|the\s+)?$"
)
_LED_BY = regexes.compile(
    r"\b(?:menee?s?|dirigee?s?|conduite?s?|led|commandee?s?|emmenee?s?)\s+(?:par|by)\s+"
    r"(?:la\s+|le\s+|les\s+|l'|the\s+)?$"
)


def _led_by(before: str) -> bool:
    """Tell whether `before` ends with "led by", "menée par": tested for "par" or "by" first, in C."""
    return ("par" in before or "by" in before) and bool(_LED_BY.search(before))


_PREPOSITIONS = (
    r"de|du|des|of|par|by|contre|against|a|au|aux|to|sur|on|with|avec|for|pour|from|entre|between|vers|toward"
    # the one cited is no subject of the verb after it: "SOHR, citing medical sources, said"
    r"|of\s+which|dont|than|citing|citant|quoting"
)
_ARTICLES_AFTER = r"la\s+|le\s+|les\s+|l'|the\s+|des\s+"
# One "\b" before the words, not one per word: the scan then skips a word at its first letter.
# Searched only where the words end on one of its last words: most names follow none of them.
_OBJECT = Ending(
    regexes.compile(rf"(?:d'|\b(?:{_PREPOSITIONS}))\s*(?:{_ARTICLES_AFTER})?$"),
    tuple(
        sorted(
            {
                words.replace(r"\s+", " ").split()[-1]
                for words in f"d'|{_PREPOSITIONS}|{_ARTICLES_AFTER}".split("|")
            }
        )
    ),
)
_SPEAKER_OF = regexes.compile(
    r"\b(?:porte-parole|commandement|commandant|chef|directeur|directrice|responsables?|representante?s?|"
    r"president\w*|spokes\w+|head|director|chief|commander|officials?|officiels?|ministres?|ministers?|"
    r"secretaire|secretary|rapport|report|bilan|communique|statement|decompte|tally|count|figures|chiffres|"
    r"donnees|data|enquete|investigation|etude|study|analysis|analyse|experts?|enqueteurs?|investigators?|"
    r"sources?|estimations?|estimates?|releve|database|secouristes|rescuers|volontaires|volunteers|benevoles|"
    r"membres|members|equipes?|teams?|chercheu\w+|researchers?|medecins|doctors|militants\s+de|activists?|"
    r"ambassad\w+|envoy|emissaire|haute?-commissaire|high\s+commissioner)\w*\s+(?:\w+\s+)?"
    r"(?:de\s+la|du|de\s+l'|des|de|d'|of\s+the|of|for\s+the|for|from\s+the|from|by\s+the|by)\s*$"
)
# A person named by a title in apposition after the verb ("..., a déclaré X, le directeur de l'OSDH").
_TITLE_OF = regexes.compile(
    r",\s*(?:le\s+|la\s+|the\s+|an?\s+|un\s+|une\s+)?(?:\w+\s+)?(?:porte-parole|directeur|directrice|chef|president\w*"
    r"|spokes\w+|head|director|chief|commander|commandant|representant\w*|responsable|official)\s+(?:\w+\s+)?"
    r"(?:de\s+la|du|de\s+l'|des|de|d'|of\s+the|of|for\s+the|for|at\s+the|at)\s*$"
)
_MONITORS = (
    r"monitor|monitoring\s+group|watchdog|rights\s+group|ngo|ong|observatoire|observatory|aid\s+group|charity"
    r"|humanitarian\s+(?:group|organi[sz]ation)|relief\s+group|medical\s+charity"
)


def _after_first_letter(test: str, pattern: str) -> str:
    """Return `pattern`, whose alternatives each start with a letter, with `test` (a look-behind) after
    each first letter: the engine then skips the alternatives at their first letter, as `word_start` does."""
    return "|".join(alternative[0] + test + alternative[1:] for alternative in split_alternatives(pattern))


# "War monitor says ...": a monitor named at a line's start.
_AT_LINE_START_WORDS = rf"war\s+(?:{_MONITORS})|rights\s+(?:{_MONITORS})|{_MONITORS}"
_AT_LINE_START = _after_first_letter(r"(?<![^\n].)", _AT_LINE_START_WORDS)
_REFERENCES = {
    "latter": r"cette\s+derniere|ce\s+dernier|the\s+latter",
    "independent": r"(?:l'|cette\s+|the\s+|this\s+|le\s+|ce\s+)(?:[\w-]+-based\s+)?"
    r"(?:organisation|organization|ong|ngo|observatoire|monitor|bureau|office|commission|haut-commissariat|rights\s+office|group|groupe\s+de\s+defense"
    r"|reseau|network|observatory|watchdog|monitoring\s+group|rights\s+group|association|projet|project"
    r"|mission(?:\s+onusienne)?)"
    r"|la\s+mission(?:\s+onusienne)?",
    "indefinite": r"(?:an?|une?)\s++(?:[\w-]++\s++){0,2}(?:" + _MONITORS + ")|" + _AT_LINE_START,  # keep last
    "rebels": r"(?:the|les|ces|these)\s+(?:rebels|rebelles|insurgents|insurges)",
    "media": r"(?:l'|cette\s+|the\s+|le\s+|ce\s+|la\s+|this\s+)(?:agence|agency|journal|quotidien"
    r"|hebdomadaire|mensuel|magazine|chaine|newspaper|paper|daily|weekly|broadcaster|channel|outlet|site|publication)"
    r"(?:\s+(?:americain|britannique|allemand|francais|qatari|libanais|russe|american|british|german|french"
    r"|qatari|lebanese|russian|new-yorkais|londonien|d'information|en\s+ligne))?",
    "official": r"(?:the\s+department|the\s+ministry|le\s+departement|le\s+ministere)"
    r"(?!\s+(?:of|de|d'|du)\b)",
    "document": r"le\s+texte|le\s+communique|le\s+rapport|le\s+document|the\s+statement|the\s+report"
    r"|the\s+(?:[\w-]+-page\s+|new\s+|annual\s+|latest\s+)(?:report|document|study|review)|the\s+document"
    r"|le\s+(?:nouveau\s+|dernier\s+)?(?:rapport|document)\s+(?:de\s+\d+\s+pages|annuel|mensuel)"
    r"|the\s+text|(?:son|sa|ses|leurs?|its|their)\s+(?:rapport|report|decomptes?|chiffres|bilans?|donnees|estimations?"
    r"|statistiques|figures|tally|tallies|count|data|estimates?|statistics|records)",
    "pronoun": r"elle|il|ils|elles|it|he|she|celle-ci|celui-ci|la\s+meme\s+source|the\s+same\s+source"
    r"|(?:lui|eux)(?<=selon\s(?:lui|eux))|(?:lui|eux)(?<=d'apres\s(?:lui|eux))|(?:him|her)(?<=according\sto\s(?:him|her))"
    r"|the\s+spokes(?:man|woman|person)|le\s+porte-parole"
    r"|cette\s+source|this\s+source",
}
# "a-t-il ajouté", "dit-elle": a pronoun after a hyphen (the group names tell `key_of` it is a pronoun).
_INVERTED = (
    r"t(?<=-.)-(?:il|elle|ils|elles)(?P<pronoun__t>)"
    r"|i(?<=-.)ls?(?P<pronoun__i>)|e(?<=-.)lles?(?P<pronoun__e>)"
)
# The tests of what stands before a reference (no hyphen, "selon lui", a line's start) follow its first
# letter, so that the references merge by first letter (`keyed`) and the scan skips them at that letter.
_REFERENCES_SCAN = WordScan(
    "(?:" + _after_first_letter("(?<!-.)", keyed(_REFERENCES)) + "|" + _INVERTED + r")(?![\w-])",
    not_after=r"\w'",
)

# The scan less the monitors at a line's start, which it would test at every word of their first letters:
# they are found after each newline, opening on "\n" (found in C), and the two merged (`_references`).
_INLINE_REFERENCES_SCAN = WordScan(
    "(?:"
    + _after_first_letter(
        "(?<!-.)",
        keyed({**_REFERENCES, "indefinite": _REFERENCES["indefinite"].removesuffix("|" + _AT_LINE_START)}),
    )
    + "|"
    + _INVERTED
    + r")(?![\w-])",
    not_after=r"\w'",
)
_LINE_START_MONITOR = regexes.compile(rf"\n(?:{_AT_LINE_START_WORDS})(?![\w-])")


def _references(folded: str) -> list[tuple[int, int, str]]:
    """Return the (start, end, key) of `_REFERENCES_SCAN.finditer(folded)`, found by the inline scan and
    the line starts'; where two overlap (rare), the one scan tells which comes first."""
    spans = [(s, e, key_of(m)) for s, e, m in _INLINE_REFERENCES_SCAN.finditer(folded)]
    # a newline stands for the text's start, as in `WordScan.finditer`: a match's "\n" is its word's start
    at_line_start = [
        (m.start(), m.end() - 1, "indefinite") for m in _LINE_START_MONITOR.finditer("\n" + folded)
    ]
    if not at_line_start:
        return spans
    merged = sorted(spans + at_line_start)
    if any(b[0] <= a[1] for a, b in zip(merged, merged[1:], strict=False)):
        return [(s, e, key_of(m)) for s, e, m in _REFERENCES_SCAN.finditer(folded)]
    return merged


def is_reference(folded: str, position: int) -> bool:
    """Tell whether a pronoun or a reference stands at `position` ("il", "the monitor", "a-t-il")."""
    return _REFERENCES_SCAN.match(folded, position) is not None


_DESCRIPTOR_NOUNS = (
    r"ong|ngo|organisation|organization|observatoire|monitor|watchdog|group|groupe|agence|agency|association"
)
_DESCRIPTOR = regexes.compile(
    r"(?:l'|la\s+|le\s+|les\s+|the\s+|an?\s+|une?\s+|this\s+|cette\s+)?"
    rf"(?:{_DESCRIPTOR_NOUNS})(?:\s+[\w'-]+){{0,3}}\s*$"
)
# Its nouns alone: the words before most names hold none, as a scan for their first letters tells first.
_DESCRIPTOR_NOUN = regexes.compile(_DESCRIPTOR_NOUNS)
# A claimant is an actor, not a speaker, when its forces or strikes follow ("coalition strikes have killed").
# Its words merged by first letters, its first blanks possessive (a word follows them).
_ACTOR_AFTER = regexes.compile(
    r"(?:'s)?\s++(?:(?:air|aerial|military|war|artillery|drone|-led)\s+)?(?:"
    + factored(
        r"strikes?|airstrikes?|raids?|bombs?|bombings?|shelling|jets?|planes?|aircraft|helicopters?|drones?"
        r"|forces|troops|soldiers|operations?|actions?|attacks?|offensive|artillery|fire|militias?|fighters"
        r"|frappes?|avions|bombardements|tirs|troupes|helicopteres"
    )
    + r")(?![\w-])|\s++(?:(?:a|ont|has|have|had|avait|avaient|also|aussi|then|alors)\s+)*(?:"
    + factored(
        r"killed|tue|bombed|bombarde|struck|frappe|hit|shelled|executed|execute|massacred|massacre|razed|rase"
        r"|men(?:e|ent|ait|aient)|conducted|carried\s+out|conduct|carry\s+out|launched|lanc\w*|fired"
        r"|tir(?:e|ent|ait|aient)|dropped|largu\w*|intervened|intervenu|attacked|attaqu\w*|targeted|cibl\w*"
        r"|pilonn\w*|bombard\w*"
    )
    + r")(?![\w-])"
    # "IS claimed the bombing", "Daech a revendiqué l'attentat": the one who did it
    + rf"|\s++(?:(?:a|ont|has|have|had|also|aussi|later|quickly|then)\s+)*(?:claim\w*\s+{DEED_CLAIMED_EN}"
    + rf"|revendiqu\w*\s+{DEED_CLAIMED_FR})"
)
# A name that modifies the noun after it, unless that noun speaks ("an Amnesty report found that ...").
_MODIFIER_AFTER = regexes.compile(
    r"\s+(?:(?:reports?|incidents?|allegations?|documents?|files?|investigations?|inquir\w+)\b(?!\s+(?:ha[sd]\s+|have\s+)?"
    + REPORTING_VERB
    + r")|(?:watchdog|monitor|charity|rights\s+group|group|ngo|organi[sz]ation|think\s+tank)\b)"
)
# "Airwars said the coalition's figure was too low": whose count is spoken of, not who speaks.
_COUNT_OF_AFTER = regexes.compile(
    r"'s\s+(?:\w+\s+)?(?:figures?|counts?|tall(?:y|ies)|toll|estimates?|numbers?|data|claims?|account|assessment)\b"
)
# Whether a name acts or modifies another noun, read in one call: most names do neither.
_ACTS_AFTER = regexes.compile(f"{_ACTOR_AFTER.pattern}|{_PASSIVE_AFTER.pattern}")
_ACTS_OR_MODIFIES_AFTER = regexes.compile(f"{_ACTS_AFTER.pattern}|{_MODIFIER_AFTER.pattern}")
# "it is assessed that", "il est probable que": a pronoun that stands for nobody.
_EXPLETIVE_AFTER = regexes.compile(
    r"\s+(?:is|was|has\s+been|had\s+been|is\s+now|est|etait|a\s+ete)\s+(?:\w+\s+){0,2}?(?:\w+ed|estime|probable"
    r"|possible|likely|unlikely|clear|certain|understood|thought|believed|feared)\s+(?:that|que|qu')"
)
# "une frappe de la coalition", "an airstrike by the U.S.-led military coalition": the one who harms.
_HARM_OF_BEFORE = regexes.compile(
    r"\b(?:frappes?|raids?|strikes?|airstrikes?|air\s+strikes?|bombardements?|bombings?|attaques?|attacks?|tirs"
    r"|shelling|operations?|offensive|campagne|campaign)(?:\s+(?:aeriennes?|aeriens?|air))?\s+"
    r"(?:de|du|des|d'|by|of|par)\s*(?:the\s+|la\s+|le\s+|les\s+|l')?(?:[\w.-]+\s+){0,3}$"
)
# "more than the coalition has admitted": the term of a comparison.
_COMPARED_BEFORE = regexes.compile(r"\b(?:than|que|qu')\s*(?:the\s+|la\s+|le\s+|les\s+|l')?$")
# A headline that names its source at the end: "... (OSDH)", "...: UN".
_HEADLINE_SOURCE_BEFORE = regexes.compile(r"(?:\(|:|\s-)\s*(?:l'|la\s+|le\s+|the\s+)?$")
# "Pour MSF, le bilan s'élève à ...", "For Airwars, ...": the sentence is the claimant's.
_HEAD_FOR = regexes.compile(
    r"[\"'\s]*(?:pour|for)\s+(?:la\s+|le\s+|les\s+|l'|the\s+)?(?:(?:ong|ngo|organisation|organization|observatoire"
    r"|monitor|group|groupe|agence|agency|mission)(?:\s+[\w'-]+){0,2}\s+)?"
)
_RESUMPTIVE_BEFORE = regexes.compile(r"\s*,\s*")
_OPEN_PARENTHESIS = regexes.compile(r"\s*\(\s*")
_BY_BEFORE = regexes.compile(r"\b(?:par|by)\s+(?:la\s+|le\s+|les\s+|l'|the\s+)?$")
_COMMA_AFTER = regexes.compile(r"\s*(?:\([^)]{0,40}\)\s*)?,")
_COLON_AFTER = regexes.compile(r"\s*:")
# After these verbs a name is the one told or accused, not the speaker ("a accusé mardi les Etats-Unis").
_OBJECT_VERB = regexes.compile(
    r"told|tells?|inform|accus|blam|condamn|condemn|reject|deni|deny|disput|contest"
)
# "said the UN had undercounted": the name after the verb is the subject of a clause of its own.
_CLAUSE_VERB_AFTER = regexes.compile(
    r"\s+(?:had|has|have|was|were|is|are|would|could|did|will|should|might)\b"
)

# Witnesses, residents or medics: not officials, not monitors; the editors' review tells more.
PEOPLE_KIND = "independent"
# Local officials who are not named: the country's authorities, which the engine picks from the place.
LOCAL_AUTHORITIES = Claimant("local authorities", "official")
# A ministry that is not named ("the Ministry of Defence said"): the officials the article last named.
UNNAMED_MINISTRY = Claimant("unnamed ministry", "official")
_LOCAL_OFFICIALS = WordScan(
    "(?:"
    + factored(
        r"(?:local|provincial|district|regional|security|health|hospital|police|government|municipal)"
        r"\s+officials?|officials|authorities|police|(?:provincial\s+)?governor|gov(?=\.)|provincial\s+council"
        r"(?:\s+member)?"
        r"|(?:interior|health|defen[cs]e)\s+ministry|ministry\s+of\s+(?:the\s+)?(?:interior|health|defen[cs]e)"
        r"|health\s+(?:directorate|department|services|authorities)|(?:directorate|department)\s+of\s+health"
        r"|departement\s+(?:provincial\s+)?de\s+la\s+sante"
        r"|direction\s+(?:provinciale\s+)?de\s+la\s+sante|services\s+de\s+sante|autorites\s+sanitaires"
        r"|(?:la\s+)?protection\s+civile"
        r"|(?:an?\s+|the\s+)?(?:army|military|police|ministry|government)\s+spokes(?:man|woman|person)"
        r"|porte-parole\s+de\s+l'armee|porte-parole\s+du\s+ministere"
        r"|ministere\s+de\s+(?:l'interieur|la\s+sante|la\s+defense)|autorites(?:\s+locales)?|la\s+police"
        r"|responsables?\s+(?:locaux|local|provinciaux|provincial|de\s+la\s+sante|des\s+services\s+de\s+sante"
        r"|sanitaires?|medica\w+|hospitaliers?)|elus?\s+locaux|elu\s+local|gouverneur(?:\s+de\s+la\s+province)?"
        r"|sources?\s+(?:medicales|hospitalieres|locales|securitaires|policieres|militaires|de\s+securite)"
        r"(?:\s+et\s+(?:medicales|hospitalieres|locales|securitaires|policieres))?"
        r"|(?:medical|hospital|security|local|police)\s+sources?"
        r"|ministre\s+(?:\w+\s+)?de\s+(?:la\s+defense|l'interieur|la\s+sante)|(?:defen[cs]e|interior|health)\s+minister"
        r"|the\s+army|l'armee|the\s+government|le\s+gouvernement|(?:the\s+|le\s+|a\s+|un\s+|local\s+)?(?:mayor|maire)"
        # a town's own: "the city council said", "selon la mairie de Marioupol"
        r"|(?:the\s+)?(?:city|town|municipal)\s+(?:council|hall|administration)|(?:the\s+)?municipality"
        r"|(?:la\s+)?mairie|(?:le\s+)?conseil\s+municipal|(?:la\s+)?municipalite"
        r"|(?:head|director|chief)\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?hospital|hospital\s+(?:director|chief)"
        # Ukraine's regional and city "military administrations"
        r"|(?:(?:city|regional|oblast|district)\s+)?military\s+administration|(?:city|regional|oblast)\s+administration"
        r"|(?:l')?administration\s+(?:militaire|regionale|municipale)"
        r"|(?:directeur|directrice|chef)\s+de\s+l'hopital"
    )
    + r")(?![\w-])",
    not_after=r"\w'-",
)


def _unnamed_sources(part: str) -> tuple[WordScan, dict[str, str]]:
    rows = json.loads((Path(__file__).resolve().parent / "data" / "unnamed_sources.json").read_text("utf-8"))
    named = {words: name for name, phrases in rows[part].items() for words in phrases}
    words = "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in named)
    pattern = "(?:" + factored(words) + r")(?![\w-])"
    return WordScan(pattern, not_after=r"\w-"), named


_UNNAMED_SOURCE, _UNNAMED_SOURCE_NAMES = _unnamed_sources("names")
# "witnesses and medics said", "selon des habitants": people who speak for themselves, named as a group.
_PEOPLE, _PEOPLE_NAMES = _unnamed_sources("people")
_SAID_BEFORE = regexes.compile(rf"{REPORTING_VERB}\s+(?:[\w'-]+\s+){{0,3}}")
_PEOPLE_AND = regexes.compile(r"\s+(?:and|et)\s+(?:des\s+|les\s+|the\s+|other\s+)?")
_AND_SOURCE = regexes.compile(r"\s+et\s+(\w+)")
_COUNTRY_ADJECTIVES = {name: name.split()[0] for name, _ in COUNTRY_AUTHORITIES}


def describe_source(
    claimant: Claimant | None, attribution: "Attribution | None", folded: str
) -> Claimant | None:
    """Name unnamed sources as the text describes them: "des sources médicales yéménites" are
    Yemeni medical sources, not the Yemeni authorities; "a local official" is a local official.

    The claimant keeps the names of the authorities it stood for, so that what the engine
    reads from them (whose side, where) stays the same.
    """
    if claimant is None or attribution is None or claimant.kind != "official":
        return claimant
    found = _UNNAMED_SOURCE.match(folded, attribution.position)
    if found is None:
        return claimant
    adjective = _COUNTRY_ADJECTIVES.get(claimant.name)
    if adjective is None and claimant is not LOCAL_AUTHORITIES:
        return claimant
    words_start, words_end = found
    name = _UNNAMED_SOURCE_NAMES[" ".join(folded[words_start:words_end].split())]
    other = _AND_SOURCE.match(folded, words_end)
    if other and f"sources {other.group(1)}" in _UNNAMED_SOURCE_NAMES:  # "sources policières et médicales"
        name = f"{name.split()[0]} and {_UNNAMED_SOURCE_NAMES['sources ' + other.group(1)]}"
    return Claimant(f"{adjective} {name}" if adjective else name, "official", claimant.names())


_SHORT_WORDS = regexes.compile(r"[\w\s'-]{0,30}")
_MINISTRY = regexes.compile(r"ministr|ministere")
_PLACE = regexes.compile(PLACE_PATTERN.pattern)
_FUNCTION_WORDS = {
    "selon",
    "d'apres",
    "according",
    "the",
    "le",
    "la",
    "les",
    "l'",
    "said",
    "says",
    "a",
    "an",
    "et",
    "and",
    "by",
    "par",
    "pour",
    "de",
    "of",
    "des",
    "du",
    "to",
    "according to",
    "un",
    "une",
    "ces",
    "cet",
    "ce",
    "cette",
    "this",
    "these",
    "those",
    "two",
    "deux",
    "several",
    "plusieurs",
}

# A source the gazetteer does not know: capitalised words after "selon" and its determiner.
_UNKNOWN_SOURCE = regexes.compile(
    r"\s*(?:(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['\u2019]|[Tt]he|[Dd]es|[Dd]u)\s*)?"
    r"(?P<name>[A-Z\u00c0-\u00dd][\w'\u2019.-]*(?:\s+(?:[A-Z\u00c0-\u00dd][\w'\u2019.-]*|de|du|des|of|for|on|la|the|al|el)){0,5})"
    r"(?=\s*(?:[,;:.)]|$|\s(?:citing|citant|qui|who|which|in|en|au|a|on|sur)\b))"
)
_KIND_WORDS = (
    (
        "independent",
        regexes.compile(
            r"\b(?:ong|ngo|observ\w*|monitor|rights|droits|network|reseau|commission|association"
            r"|watch|project|projet|foundation|fondation|institute|institut)\b"
        ),
    ),
    (
        "official",
        regexes.compile(
            r"\b(?:minist\w*|army|armee|police|government|gouvernement|military|militaire|forces"
            r"|authorit\w*|autorites|command|commandement|governor|gouverneur|prefecture)\b"
        ),
    ),
)
# "BAGHDAD (Reuters) - ", "MOSUL, Iraq (AP) — ": the wire that carries the story, not its source.
_DATELINE_BEFORE = regexes.compile(r"[\w\s,.'-]{0,40}\(\s*")
_DATELINE_AFTER = regexes.compile(r"\s*\)\s*[-:]")
# "(Photo: Reuters)", "Crédit : AFP", "© AFP/Getty Images": the agency that took a picture says nothing.
# Tried before every name: a ":" or a "©" first, found in C.
_CREDIT_BEFORE = Guarded(
    regexes.compile(
        r"(?:\b(?:photo(?:graph)?s?|credits?|images?|video|illustration)\s*:|\u00a9)\s*(?:[\w\s.'-]{0,30}/\s*)?$"
    ),
    (":", "\u00a9"),
)
_APPOSED_TO_SPEAKER = regexes.compile(r",\s*(?:an?|the|le|la|un|une)\s+$")
_APPOSITION_OPENS = regexes.compile(r"\s*,\s*(?:the|an?|le|la|l'|un|une)\s+[^,;]{0,40}")
_APPOSITION_CLOSES = regexes.compile(r"[^,;.]{0,30},")
_APPOSITION = regexes.compile(r"\s*(?:\([^)]{0,30}\)\s*)?,\s*")
_TWEET = regexes.compile(r"(?:^|\s)-\s+(?P<name>[^()\n]{2,60}?)\s+\(@\w+\)")

_START = itemgetter(0)

CONFIDENCE = {
    "selon": 0.95,
    "subject": 0.95,
    "verb": 0.95,
    "agent": 0.85,
    "tweet": 0.8,
    "carried": 0.7,
    "forward": 0.8,
}
REFERENCE_FACTOR = 0.85


@dataclass(frozen=True)
class Attribution:
    """A claimant stated as the source of a sentence's figures; None until a forward reference resolves."""

    claimant: Claimant | None
    position: int
    role: str  # selon | subject | verb | agent | tweet | carried | forward
    confidence: float


class Attributor:
    """Walk the sentences in order, remembering the claimants named so far."""

    def __init__(self, mentions: Spans, folded: str, original: str, index: ClaimantIndex | None = None):
        self.mentions = mentions  # the article's claimant names
        self.index = index
        self.references = Spans(_references(folded))
        self.officials = Spans((s, e, None) for s, e, _ in _LOCAL_OFFICIALS.finditer(folded))
        self.people = Spans((s, e, None) for s, e, _ in _PEOPLE.finditer(folded))
        self.selons = Spans(_selons(folded))
        # where any name, reference, official or "selon" starts: a sentence holding none names nobody
        self.item_starts = sorted(
            chain(
                mentions.starts,
                self.references.starts,
                self.officials.starts,
                self.people.starts,
                self.selons.starts,
            )
        )
        self.folded = folded
        self.original = original
        self.last_attributive: Claimant | None = None
        self.last_voice: Claimant | None = None  # the last speaker, people too: what a pronoun refers to
        self.last_by_kind: dict[str, Claimant] = {}
        self.last_any: Claimant | None = None
        self.named: list[Claimant] = []
        self.mentioned: list[Attribution] = []  # the last sentence's names that state nothing by rule
        self.sentence_start = 0
        self._reporting_of: tuple[int, int] | None = None  # the sentence whose reporting verbs are read
        self._reporting_spans: list[tuple[int, int]] = []

    def sentence(self, start: int, end: int) -> list[Attribution]:
        """Return the attributive claimants of folded[start:end], updating what was last named.

        An indefinite speaker ("a war monitor said") comes back with claimant None: the
        engine names it from the sentences that follow.
        """
        first = bisect_left(self.item_starts, start)
        if first == len(self.item_starts) or self.item_starts[first] >= end:
            self.mentioned = []
            self.sentence_start = start
            return []  # most sentences: nothing to read, passed over at once
        items = [
            (s, e, claimant, None)
            for s, e, claimant in self.mentions.within(start, end)
            if not self._dateline(start, s, e)
            and not _CREDIT_BEFORE.search(self.folded, max(start, s - 40), s)
        ]
        taken = [(s, e) for s, e, _, _ in items]
        for r_start, r_end, group in self.references.within(start, end):
            if any(s < r_end and r_start < e for s, e in taken) or self._names_follow(r_end, taken):
                continue
            if group == "pronoun" and _EXPLETIVE_AFTER.match(self.folded, r_end):
                continue  # "it is assessed that": nobody
            if (
                group == "pronoun"
                and any(_RESUMPTIVE_BEFORE.fullmatch(self.folded, e, r_start) for _, e in taken)
                and _COMMA_AFTER.match(self.folded, r_end)
            ):
                continue  # "La coalition, elle, ne reconnaît que ...": the name itself
            if group in ("indefinite", "independent") and any(
                _APPOSITION.fullmatch(self.folded, e, r_start) for _, e in taken
            ):
                continue  # "SOHR, a Britain-based war monitor, says": a description, not a new speaker
            items.append((r_start, r_end, None, group))
        items.extend(self._local_officials(start, end, taken))
        said_by_people = self._people(start, end, items)
        people = {s for s, _, _, _ in said_by_people} if said_by_people else ()
        items.extend(said_by_people)
        # the words each "selon" of the sentence introduces: up to a stop, 90 characters at most
        reaches = [self._reach(selon_end, end) for _, selon_end, _ in self.selons.within(start, end)]
        if reaches:
            items.extend(self._unknown_sources(reaches, items))
        self.mentioned = []
        self.sentence_start = start
        if not items:
            return []
        items.sort(key=_START)
        selon_targets = self._selon_targets(items, reaches, start, end)
        # "Resolute Support, the U.S.-led NATO mission, said": a description of the name before
        described = (  # an apposition opens and closes on a comma: most sentences have fewer than two
            {s for s, e, c, _ in items if c is not None and self._describes(items, s, e, end)}
            if self.folded.count(",", start, end) > 1
            else set()
        )
        # "bombardé par les Forces de soutien rapide (FSR), a indiqué", "des bombardements des FSR": the
        # acronym of a name that acts ("par", "by", a harm of it) acts too, no subject of the verb after it
        described.update(
            s
            for (name_start, name_end, name, _), (s, _, claimant, _) in zip(items, items[1:], strict=False)
            if claimant is not None
            and claimant is name
            and _OPEN_PARENTHESIS.fullmatch(self.folded, name_end, s)
            and (
                _BY_BEFORE.search(self.folded, max(start, name_start - 20), name_start)
                or _HARM_OF_BEFORE.search(self.folded, max(start, name_start - 50), name_start)
            )
        )
        verbs = None  # read at the first name whose role the rules must tell: most verbs are never looked at
        found = []
        for s, e, claimant, reference in items:
            before = self.folded[max(start, s - 50) : s]
            if (
                claimant is not None
                and _DESCRIPTOR_NOUN.search(before)
                and (descriptor := _DESCRIPTOR.search(before))
            ):
                before = before[: descriptor.start()]
            if _led_by(before):
                continue
            if s in described:
                continue
            if s in selon_targets:
                role = "selon"
            else:
                if verbs is None:
                    verbs = self._verbs(start, end)
                role = self._role(before, max(start, s - 50), s, e, reference, items, described, verbs)
            if reference == "indefinite":
                if role is not None:
                    found.append(Attribution(None, s, "forward", CONFIDENCE["forward"]))
                continue
            if reference:
                claimant = self._resolve(reference, self.folded[s:e])
                if claimant is None or role is None:
                    continue
            if s in people and not self._speaks(role, e):
                continue  # "twelve residents were killed": people named are seldom speakers
            if role is None:
                self.last_any = claimant
                self.named.append(claimant)
                if not reference and not self._acts(before, e):
                    self.mentioned.append(Attribution(claimant, s, "named", 0.5))
                    if _OPENS_SENTENCE.fullmatch(self.folded, start, s):
                        self.last_attributive = self.last_voice = claimant  # "HRW visited the site. It found"
                continue
            factor = REFERENCE_FACTOR if reference else 1.0
            found.append(Attribution(claimant, s, role, CONFIDENCE[role] * factor))
            if s not in people:  # "the report", "the group" never refer back to witnesses
                self._remember(claimant)
            else:
                self.last_voice = claimant  # "..., a dit un habitant. Selon lui, ...": what "lui" is
        return found

    def _acts(self, before: str, e: int) -> bool:
        """Tell whether a name is an actor, a modifier or a term of comparison: never a speaker.

        "coalition strikes", "40 Amnesty reports", "more than the coalition has admitted".
        """
        return bool(
            _ACTS_OR_MODIFIES_AFTER.match(self.folded, e)
            or _COMPARED_BEFORE.search(before)
            or _HARM_OF_BEFORE.search(before)
        )

    def _describes(self, items, s: int, e: int, end: int) -> bool:
        """Tell whether a name stands in an apposition that describes the name just before it."""
        previous = [item_end for item_start, item_end, _, _ in items if item_end <= s]
        return bool(
            previous
            and _APPOSITION_OPENS.fullmatch(self.folded, max(previous), s)
            and _APPOSITION_CLOSES.match(self.folded, e, end)
        )

    def _dateline(self, start: int, s: int, e: int) -> bool:
        """Tell whether a name is a wire's credit in a dateline ("GENEVE (AFP) - "): it states nothing."""
        return bool(
            self.folded.find("(", start, s) >= 0  # most sentences open with no parenthesis, as C tells first
            and _DATELINE_BEFORE.fullmatch(self.folded, start, s)
            and _DATELINE_AFTER.match(self.folded, e)
        )

    def _after_determiner(self, position: int, start: int) -> bool:
        """Tell whether a word follows a determiner ("un record", "its report"), but not "the UN said"."""
        m = _DETERMINER_BEFORE.search(self.folded, max(start, position - 8), position)
        return bool(m) and not self.original[m.start() : m.end()].strip().isupper()

    def _local_officials(self, start: int, end: int, taken) -> list:
        """Return unnamed local officials ("provincial officials said") outside the gazetteer's names.

        "Pentagon officials" or "Kurdish officials" belong to the name before them, so a
        capitalised word just before the officials rules them out.
        """
        found = []
        for o_start, o_end, _ in self.officials.within(start, end):
            if any(s <= o_end and o_start <= e + 1 for s, e in taken):
                continue
            previous = self.original[max(start, o_start - 30) : o_start].split()
            after = self.folded[o_end : o_end + 20].split()
            country = self._country_of(previous[-1] if previous else "", after)
            if country is not None:  # "Afghan officials", "des sources médicales yéménites"
                found.append((o_start, o_end, country, None))
                continue
            if (
                previous
                and not _PLACE.fullmatch(fold(previous[-1]))  # "the Nineveh health directorate"
                and previous[-1][:1].isupper()
                and previous[-1][-1:].isalpha()
                and previous[-1].lower() not in _FUNCTION_WORDS
            ):
                continue
            ministry = _MINISTRY.search(self.folded, o_start, o_end)
            found.append((o_start, o_end, UNNAMED_MINISTRY if ministry else LOCAL_AUTHORITIES, None))
        return found

    def _people(self, start: int, end: int, items) -> list:
        """Return the people who may speak in folded[start:end] outside the names of `items`:
        "witnesses and medics", "des habitants"."""
        spans = self.people.within(start, end)
        if not spans:
            return []
        verbs = self._reporting(start, end)
        found = []
        for p_start, p_end, _ in spans:
            if found and p_start < found[-1][1]:
                continue  # the second of "witnesses and medics"
            if any(s < p_end and p_start < e for s, e, _, _ in items):
                continue
            joined = _PEOPLE_AND.match(self.folded, p_end, end)
            other = _PEOPLE.match(self.folded, joined.end(), end) if joined else None
            stop = other[1] if other else p_end
            if self._may_speak(p_start, stop, start, verbs):
                names = [_PEOPLE_NAMES[" ".join(self.folded[p_start:p_end].split())]]
                if other:
                    names.append(_PEOPLE_NAMES[" ".join(self.folded[other[0] : other[1]].split())])
                found.append((p_start, stop, Claimant(" and ".join(names), PEOPLE_KIND), None))
        return found

    def _reporting(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return the spans of the reporting verbs of folded[start:end], read once per sentence."""
        if self._reporting_of != (start, end):
            self._reporting_of = (start, end)
            self._reporting_spans = [(s, e) for s, e, _ in _REPORTING_SCAN.finditer(self.folded, start, end)]
        return self._reporting_spans

    def _verbs(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return the spans of the reporting verbs of folded[start:end], less the nouns ("its report")."""
        return [span for span in self._reporting(start, end) if not self._after_determiner(span[0], start)]

    def _may_speak(self, p_start: int, p_end: int, start: int, verbs: list[tuple[int, int]]) -> bool:
        """Tell whether people stand where a speaker does: after "selon" or a reporting verb, or
        right before one ("witnesses and medics said"). Most people named are no speakers: the
        sentence's roles are read for these few only."""
        if self.selons.within(max(start, p_start - 30), p_start):
            return True
        i = bisect_left(verbs, (p_start - 40,))
        for v_start, v_end in verbs[i:]:
            if v_start >= p_end + 100:
                break
            if v_end <= p_start and _SAID_BEFORE.fullmatch(self.folded, v_start, p_start):
                return True  # "said witnesses", "a raconté un habitant"
            if v_start >= p_end:
                return bool(_VERB_RIGHT_AFTER.match(self.folded, p_end))
        return False

    def _speaks(self, role: str | None, e: int) -> bool:
        """Tell whether people named speak: after "selon" or a reporting verb, or right before one."""
        if role in ("selon", "verb"):
            return True
        return role == "subject" and bool(_VERB_RIGHT_AFTER.match(self.folded, e))

    def _reach(self, selon_end: int, end: int) -> tuple[int, int]:
        """Return the span of the words a "selon" ending at `selon_end` introduces: up to a stop."""
        limit = min(end, selon_end + 90)
        stop = _SELON_STOP.search(self.folded, selon_end, limit)
        return selon_end, stop.start() if stop else limit

    def _unknown_sources(self, reaches, items) -> list:
        """Return the sources the gazetteer does not know in the `reaches` of the sentence's "selon"s,
        outside the names of `items` ("D'après Mediapart").

        A name written with a capital, of a few words, that is no place: an outlet, a group or a
        person the article quotes. Its kind is guessed from its words; an outlet if none tells.
        """
        found = []
        for selon_end, limit in reaches:
            if any(selon_end <= s < limit for s, _, _, _ in items):
                continue
            words = _UNKNOWN_SOURCE.match(self.original, selon_end, limit)
            if words is None:
                continue
            name = " ".join(words.group("name").split())
            folded_name = fold(name)
            if _PLACE.fullmatch(folded_name) or folded_name in _FUNCTION_WORDS:
                continue
            kind = next((k for k, pattern in _KIND_WORDS if pattern.search(folded_name)), "media")
            found.append((words.start("name"), words.end("name"), Claimant(name, kind), None))
        return found

    def _country_of(self, word_before: str, words_after: list[str]) -> Claimant | None:
        """Return the authorities of the country named beside unnamed officials, if the gazetteer has them."""
        if self.index is None:
            return None
        for word in (fold(word_before) if word_before[:1].isupper() else "", *words_after[:1]):
            name = country_authorities(word.strip(".,;:")) if word else ""
            if name:
                return self.index.find(name)
        return None

    def _governed(self, position: int, start: int) -> bool:
        """Tell whether a name is the object of a preposition ("de la coalition", "par Washington")."""
        base = max(start, position - 70)
        before = self.folded[base:position]
        return self._object(before, base) or _led_by(before)

    def _object(self, before: str, base: int) -> bool:
        """Tell whether `before` (folded[base:...]) ends with a preposition.

        An English "A" is an article, not "à".
        """
        m = _OBJECT.search(before)
        if m is None:
            return False
        word = m.group().lstrip()
        if base + m.start() == self.sentence_start and word[:3] in ("des", "du ", "du"):
            return False  # "Des sources médicales ont fait état": an article opening the sentence
        return not (
            word[:1] == "a"
            and word[1:2] in (" ", "")
            and self.original[base + m.start() + len(m.group()) - len(word)] in "aA"
        )

    def _names_follow(self, position: int, taken) -> bool:
        """Tell whether a name follows a reference in apposition ("l'agence de presse SANA")."""
        return any(
            position <= s
            and _SHORT_WORDS.fullmatch(self.folded, position, s)
            and not REPORTING.search(self.folded, position, s)  # "Monitor says coalition ..."
            for s, _ in taken
        )

    def _selon_targets(self, items, reaches, start, end) -> set[int]:
        """Return the names introduced as sources: "selon X" within its reach, "Pour X, ...", a headline's
        "(X)"."""
        targets = set()
        for selon_end, limit in reaches:
            first = next((s for s, _, _, _ in items if selon_end <= s < limit), None)
            if first is not None:
                targets.add(first)
        for s, e, claimant, _ in items:
            if _HEAD_FOR.fullmatch(self.folded, start, s) and _COMMA_AFTER.match(self.folded, e, end):
                targets.add(s)
            elif (
                claimant is not None
                and _COLON_AFTER.match(self.folded, e, end)
                and _OPENS_SENTENCE.fullmatch(self.folded, start, s)
            ):
                targets.add(s)  # "Pentagon: Mosul airstrike killed 105 civilians": a headline's source
            elif (
                claimant is not None
                and self.folded[e:end].strip() in ("", ")")  # at the headline's end, a ")" aside
                and _HEADLINE_SOURCE_BEFORE.search(self.folded, max(start, s - 8), s)
            ):
                targets.add(s)
        return targets

    def _role(
        self, before: str, base: int, s: int, e: int, reference: str | None, items, described, verbs
    ) -> str | None:
        """Return how a name at folded[s:e], after `before`, relates to the sentence's figures.

        The sentence's other names (`items`, less the `described` ones) are read only where a
        verb follows this one: the verb is not its own if another name that may be its subject
        (not governed by a preposition) stands between them."""
        # "40 Amnesty reports", "coalition incidents", "a UK watchdog": a name is another noun's word
        if (_ACTS_OR_MODIFIES_AFTER if reference is None else _ACTS_AFTER).match(self.folded, e):
            return None
        after_verb = [
            v_start
            for v_start, v_end in verbs
            if s - 60 < v_end <= s and _AFTER_VERB.fullmatch(self.folded, v_end, s)
        ]
        if any(_OBJECT_VERB.match(self.folded, v) for v in after_verb):
            return None  # "he told Reuters", "accused US forces of killing": the one told or accused
        if (
            after_verb
            and not _CLAUSE_VERB_AFTER.match(self.folded, e)
            and not _COUNT_OF_AFTER.match(self.folded, e)
        ):
            return "verb"  # "said the monitor"; not "said the UN had undercounted", "said the UN's figure"
        if ("par" in before or "by" in before) and _AGENT_BEFORE.search(before):  # the words first, in C
            return "agent"
        if reference is None and _RELATIVE_SPEAKER.match(self.folded, e):
            return "subject"
        if "," in before:  # a title or an apposition opens on a comma, which C finds first
            if _TITLE_OF.search(before) and any(s - 110 < v_end <= s for _, v_end in verbs):
                return "verb"
            if _APPOSED_TO_SPEAKER.search(before) and any(s - 60 < v_end <= s for _, v_end in verbs):
                return "verb"  # "said Sohrab Qaderi, a provincial council member"
        if "with" in before and _WITH_BEFORE.search(before) and _VERB_RIGHT_AFTER.match(self.folded, e):
            return "subject"
        if self._object(before, base) and not _SPEAKER_OF.search(before):
            return None
        if reference in ("pronoun", "document", "indefinite", "official"):
            return "subject" if _VERB_RIGHT_AFTER.match(self.folded, e) else None
        verb = next((v for v in verbs if e <= v[0] <= e + 120), None)
        if verb is None or _NOT_SAME_CLAUSE.search(self.folded, e, verb[0]):
            return None
        if any(
            e < other < verb[0] and other not in described and not self._governed(other, self.sentence_start)
            for other, _, _, _ in items
        ):
            return None
        return "subject"

    def _resolve(self, reference: str, words: str) -> Claimant | None:
        """Return the claimant a reference points back to: "the Observatory" is the last one so named."""
        if reference == "latter":
            return self.last_any
        if reference == "rebels":  # "the rebels said": the rebels the article named, or nobody
            head = _HEAD_NOUNS[re.split(r"[\s']", words)[-1]]
            return next((c for c in reversed(self.named) if head in _folded_names(c)), None)
        last_word = re.split(r"[\s']", words)[-1]
        head = _HEAD_NOUNS.get(last_word) if reference in ("independent", "official") else None
        if head:
            named = next((c for c in reversed(self.named) if head in _folded_names(c)), None)
            if named is not None:
                return named
            if last_word in ("observatory", "observatoire") and self.index is not None:
                return self.index.find("SOHR")  # "the Observatory" named no other way: the Syrian one
        if reference == "official":
            return self.last_by_kind.get("official")
        if reference in ("independent", "media"):
            kinds = ("independent",) if reference == "independent" else ("media", "state_media")
            # "celui d'Airwars. D'après cette ONG": the last one of its kind that spoke, else that was named
            return next(
                (self.last_by_kind[k] for k in kinds if k in self.last_by_kind),
                next((c for c in reversed(self.named) if c.kind in kinds), self.last_attributive),
            )
        if reference == "pronoun":
            return self.last_voice
        return self.last_attributive

    def _remember(self, claimant: Claimant) -> None:
        self.named.append(claimant)
        self.last_attributive = self.last_voice = claimant
        self.last_any = claimant
        self.last_by_kind[claimant.kind] = claimant


# What may stand before a name that opens its sentence as its subject.
_OPENS_SENTENCE = regexes.compile(r"[\s\"'«“]*(?:the\s+|l'|la\s+|le\s+|les\s+)?")


# The word of a reference that a claimant's names contain ("l'Observatoire" -> "Observatoire syrien").
_HEAD_NOUNS = {
    "observatory": "observ",
    "observatoire": "observ",
    "monitor": "observ",  # "the Britain-based monitor": the Observatory, if the article named it
    "mission": "mission",
    "onusienne": "mission",
    "rebels": "rebel",
    "rebelles": "rebel",
    "insurgents": "insurg",
    "insurges": "insurg",
    "ministry": "minist",  # "the ministry": the last ministry named, not the army that spoke since
    "ministere": "minist",
}


@lru_cache(maxsize=512)
def _folded_names(claimant: Claimant) -> str:
    return " ".join(fold(n) for n in claimant.names())


def tweet_signatures(folded: str, original: str, index: ClaimantIndex):
    """Yield (position, Claimant) for each embedded tweet's "— Name (@handle)" signature."""
    if "(@" not in folded:
        return  # no handle, no tweet: the common case, without a scan
    for m in _TWEET.finditer(folded):
        name = " ".join(original[m.start("name") : m.end("name")].split())
        claimant = index.find(name) or Claimant(name, "media")
        yield m.start(), claimant
