"""Decide whether a number counts people killed or injured, and read how.

A number is a casualty figure only when the words around it say so: a victim noun with a
casualty verb ("603 civils ont perdu la vie", "killing 12 civilians"), a casualty noun
("14 morts", "3,804 civilian deaths"), or a casualty verb before it ("tué 64 civils et
blessé huit autres"). Everything else (strikes, raids, reports, percentages, years,
dates, money, ages) is left out because no such words surround it.

Each number is read in two steps: as written (its range, qualifier, and whether it can
count people at all), then for its casualty. Where these windows of characters read
nothing, the token frames of frames.py may ("le bilan s'établit à 19 civils"); where a
number's own noun and verb say otherwise, the frame wins; and a frame's veto (fighters, a
rate, a fraction, the missing, a count of strikes) drops whatever either read.
"""

import re
from dataclasses import dataclass
from typing import NamedTuple

from . import regexes
from .frames import FrameReading, Frames, word_classes
from .numbers import DIGITS, NUMBER_PATTERN, NumberReading, read_number, read_number_as, search_number
from .patterns import Ending, WordScan, alternation, factored, key_of, keyed, split_alternatives, word_start

_QUALIFIERS = (
    (
        "at_least",
        r"au\s+moins|pas\s+moins\s+d[e']|au\s+minimum|at\s+least|no\s+(?:fewer|less)\s+than|"
        r"a\s+minimum\s+of|not\s+less\s+than|un\s+minimum\s+de|minimum\s+of",
    ),
    (
        "more_than",
        r"plus\s+d[e']|more\s+than|over|upwards\s+of|in\s+excess\s+of|above|exceeding|"
        r"depassant|superieur\s+a|well\s+over"
        # "the death toll had surpassed 20,000", "le bilan a dépassé les 20 000"
        r"|surpassed|surpassing|exceeded|exceeds|topped|tops|depasse\s+les|franchi\s+(?:la\s+barre|le\s+cap)\s+des",
    ),
    (
        "up_to",
        r"jusqu'a|jusqu'au|up\s+to|as\s+many\s+as|as\s+high\s+as|as\s+much\s+as|moins\s+d[e']|fewer\s+than|less\s+than|under|"
        r"at\s+most|au\s+plus|tout\s+au\s+plus|a\s+maximum\s+of|maximum\s+de",
    ),
    (
        "approx",
        r"pres\s+d[e']|environ|quelque|approximativement|presque|quasiment|autour\s+d[e']|"
        r"aux\s+alentours\s+d[e']|une\s+estimation\s+de|nearly|about|around|approximately|some|almost|"
        r"roughly|an\s+estimated|close\s+to|a\s+peu\s+pres|grosso\s+modo|estimated\s+at|estime\s+a|"
        r"en\s+moyenne",
    ),
)
# The last word of each qualifier ("au moins", "plus d'"): most numbers follow none of them.
_QUALIFIER_ENDS = tuple(
    sorted(
        {
            end
            for _, pattern in _QUALIFIERS
            for qualifier in split_alternatives(pattern)
            for last in [qualifier.split(r"\s+")[-1]]
            for end in (("de", "d'") if last == "d[e']" else (last,))
        }
    )
)
_QUALIFIER = Ending(WordScan(r"(?:" + keyed(dict(_QUALIFIERS)) + r")\s*$"), _QUALIFIER_ENDS)


def _victim_nouns(*classes: str) -> str:
    return alternation(word for name in classes for word in word_classes()[name]["words"])


# The victim nouns of data/lexicon.json, the frames' own: fighters read here are vetoed there.
_VICTIM_NOUNS = {
    "civilians": _victim_nouns("civilians"),
    "children": _victim_nouns("children"),
    "women": _victim_nouns("women"),
    "people": _victim_nouns("people", "members", "combatants"),
}
_CASUALTY_NOUNS = {
    "killed_or_injured": r"morts\s+et\s+blesses|morts\s+ou\s+blesses|tues\s+ou\s+blesses|"
    r"killed\s+or\s+injured|"
    r"killed\s+or\s+wounded|dead\s+or\s+injured|casualties|casualty|pertes",
    "victims": r"victimes|victime|victims|victim",
    "killed": r"morts|mort|tues|tuees|dead|deaths|death|killed|deces|decedes|fatalities|martyrs|cadavres|"
    r"corps|bodies",
    "injured": r"blesses|blessees|blesse|wounded|injured|injuries|hurt",
}
# A noun after a number; the group of its kind is the pattern's last, so `lastgroup` names it.
# "\s*+" (possessive): no word here opens on a blank, so the blanks need not be given back one by one.
# "(?:X|)" rather than "(?:X)?", and "(?P<other>X|)" (empty, not None, where absent): the same choices,
# without the engine's costlier repeat for each optional word.
_NOUN = regexes.compile(
    r"\s*+(?P<other>(?:autres|other|more|additional|further|supplementaires|nouveaux|new)\s+|)"
    r"(?P<partitive>(?:of|d'entre|parmi|de)\s+(?:the|les|ces|these|those|ses|leurs|its|their)\s+|)"
    r"(?:(?:names\s+of|noms\s+de|bodies\s+of|corps\s+de)\s+|)"
    r"(?P<civ>(?:civil(?:e)?s?|civilian)\s+|)"
    r"(?:(?:(?P<kid>child)|(?P<wom>wom[ae]n))\s+(?=casualt|deaths?\b|victims?\b|fatalit)|)"
    r"(?:(?:former|anciens?|anciennes?|young|jeunes|local|locaux|foreign|etrangers|innocent|innocents|u\.s\.|us"
    r"|american|afghan|iraqi|syrian|kurdish|turkish|british|russian|americains?|afghans?|irakiens?|syriens?|kurdes"
    r"|turcs|britanniques|russes)\s+|)"
    r"(?:(?:de|d'|of)\s*|)"
    r"(?:(?:le|the)\s+(?:nombre|number|total)\s+(?:de|d'|des|of)\s*|)"
    r"(?:"
    + "|".join(f"(?P<{k}>{factored(v)})" for k, v in {**_CASUALTY_NOUNS, **_VICTIM_NOUNS}.items())
    + r")(?![\w-])"
)
# "morts civils", "deaths among civilians": the civilian word after a noun.
_CIVILIAN_AFTER = regexes.compile(
    r"\s+(?:civil(?:e)?s?|civilians?|parmi\s+les\s+civils|among\s+(?:the\s+)?civilians|de\s+civils|"
    r"of\s+civilians)(?![\w-])"
)
# "972 children among them", "67 children were among them": a part of the figure before.
_AMONG_THEM = regexes.compile(
    r"\s*(?:(?:were|are|was|figuraient|figurent|etaient|sont)\s+)?(?:among\s+(?:them|the\s+dead"
    r"|the\s+victims|the\s+wounded|the\s+injured|those\s+(?:killed|dead|wounded|injured))"
    r"|parmi\s+(?:eux|elles|les\s+morts|les\s+victimes|les\s+tues"
    r"|les\s+blesses))(?![\w-])"
)
# "Parmi les civils tués figurent 270 enfants", "Among the dead were six children".
_AMONG_BEFORE = regexes.compile(
    r"\b(?:parmi|among)\s+(?:les|the|ces|these|those)\s+(?:\w+\s+)?(?:(?P<killed>tues|morts|dead|killed|victimes|victims|deceased)"
    r"|(?P<injured>blesses|wounded|injured))\b[^.;\d]{0,25}$"
    r"|\b(?:parmi\s+(?:eux|elles)|among\s+them)\b[^.;\d]{0,25}$"
)
_TOLL_INCLUDES = regexes.compile(
    r"\b(?:(?P<victims>victimes|victims)|bilan|decompte|toll|tally|count|dead|morts|tues|deaths|deces"
    r"|they|these|those|ils|elles|civilians|civils|people|personnes)\s+"  # "They include five children"
    r"(?:\w+\s+){0,2}(?:comprend|comprenait|compte|comptait|inclut|incluait|includes?|included|comprises?|comprised)"
    r"\b[^.;\d]{0,40}$"
)
# "327 ont été tués et 880 blessés": the second toll of the same victims.
_JOINED = regexes.compile(r"\s*(?:[\w'-]+\s+){0,4}?(?:,|,?\s*(?:and|et))\s*")
# "Eight of the dead were children", "four were women": the victims a toll's part names.
_WERE_VICTIMS = regexes.compile(
    r"\s*(?:d'entre\s+(?:eux|elles)\s+)?(?:were|was|etaient|sont|etait)\s+"
    r"(?:(?:all|tous|toutes|also|aussi)\s+)?(?:des\s+)?(?:(?P<children>children|enfants|minors|mineurs)|(?P<women>women|femmes))\b"
)
# "the number of civilians killed and injured": both.
_BOTH_WORDS = regexes.compile(
    r"killed\s+(?:and|or)\s+(?:injured|wounded)|morts\s+(?:et|ou)\s+blesses|tues\s+(?:et|ou)\s+blesses"
    r"|casualt|victimes|victims"
)
_ONE_OF = regexes.compile(r"\s*(?:of|d'entre|parmi|de)\s+(?:the|les|ces|these|those|them|eux|elles)\b")
# The second of two counts after one verb: "killing 13 U.S. service members and about 170 Afghans".
_VERB_LIST_BEFORE = regexes.compile(
    r"\b(?:(?P<killed>killing|killed|kills|kill|tuant|tue|tues)|(?P<injured>wounding|injuring|wounded|injured|blessant"
    r"|blesse))\s+(?:at\s+least\s+|au\s+moins\s+)?(?:\d[\d,. ]*|[a-z]+)\s+(?:[\w.'-]+\s+){1,4}(?:and|et|"
    r",)\s*$"
)
# "another 461 died", "a further 12": more of the toll before.
_MORE_ENDS = ("another", "additional", "further", "encore")  # its last words
_MORE_BEFORE = Ending(regexes.compile(r"\b(?:another|an\s+additional|a\s+further|encore)\s*$"), _MORE_ENDS)
# "Children paid the heaviest price: 327 were killed": the victims named before a colon.
_TOPIC_BEFORE = regexes.compile(
    r"\b(?:(?P<children>enfants|children|mineurs|minors)|(?P<women>femmes|women))\b[^.;:\d]{0,70}:\s*$"
)
# "26 727 femmes et 27 126 enfants": a second victim noun joined to a figure's.
_COORDINATED = regexes.compile(r"\s*(?:[\w'-]+(?:\s+|(?=,))){0,3}?(?:,|,?\s*(?:and|et))\s*")
# "... and Russian forces for 47, ...", "..., et 58 par des groupes armés": a figure whose words are left out.
_GAPPED = regexes.compile(
    r"\b(?:and|et|contre|compared\s+(?:with|to)|versus|vs|up\s+from|down\s+from|par\s+rapport\s+aux?)\s+"
    r"(?:[\w'-]+\s+){0,4}$"
    r"|\b(?:celles?|ceux|those|that)\s+(?:de|d'|du|des|of)\s*(?:[\w'-]+\s+){0,8}$"
)
# After the number left bare: a stop or a preposition, or when it was counted ("l'année précédente", "the
# year before", "last year").
_GAP_END = regexes.compile(
    r"\s*(?:[,.;)]|$|(?:to|for|par|pour|a|au|aux|by|on|in|en|dans|and|et|last|l'annee|l'an|the\s+year"
    r"|the\s+previous|a\s+year|un\s+an)(?![\w-]))"
)
# Between the two numbers: no stop, and no number but a year ("en 2019, contre 3 800 en 2018").
_GAP_BREAK = regexes.compile(r"[.;:!?]|(?<!\d)(?!(?:19|20)\d\d(?!\d))\d")
_PARTLY_CIVILIAN = regexes.compile(
    r"\b(?:en\s+majorite|majoritairement|pour\s+la\s+plupart|mostly|most\s+of\s+them|the\s+majority|many\s+of\s+them"
    r"|dont\s+(?:des|plusieurs|de\s+nombreux)|including\s+(?:some|many|several))\s+(?:of\s+them\s+|des\s+|were\s+)?civil"
)
# Words that say the dead were not all civilians.
_ANY_VICTIM = regexes.compile(
    r"\b(?:personnes?|people|persons|habitants|residents|soldiers|soldats|fighters|combattants"
    r"|militants|members|membres)\b"
)
# "150 of them fatal", "dont 40 d'entre eux mortellement": the part of the toll before that died.
_OF_THEM = regexes.compile(
    r"\s*(?:of\s+(?:them|those|these|whom)|d'entre\s+(?:eux|elles))\s+(?:were\s+|etaient\s+|sont\s+)?"
    r"(?:(?P<killed>fatal|deadly|mortel\w*|mortellement|deaths|killed|dead|morts|tue\w*)"
    r"|(?P<injured>injuries|wounded|injured|blesse\w*))(?![\w-])"
)
# "1,000 people have been killed, 106 of them civilians": a part of the figure before, with its victims.
_OF_THEM_VICTIMS = regexes.compile(
    r"\s*(?:of\s+(?:them|whom)|d'entre\s+(?:eux|elles))\s+(?:were\s+|etaient\s+|sont\s+)?"
    r"(?:(?P<civilians>civilians|civils)|(?P<children>children|enfants)|(?P<women>women|femmes))(?![\w-])"
)
# "106 of them civilians": the civilians of a part, not of the figures around it.
_PART_OF_CIVILIANS = regexes.compile(
    word_start(r"of\s+(?:them|whom)|d'entre\s+(?:eux|elles)") + r"\s+(?:were\s+|etaient\s+|sont\s+)?civil\w*"
)
# "Les frappes russes en ont tué 1 098": "en" stands for the victims named before.
_EN_BEFORE = regexes.compile(
    r"\ben\s+(?:ont|a|avaient|avait|auraient|aurait)\s+(?:\w+\s+)?(?:tue|blesse)\w*\s+$"
)
# "the 8,000 estimated by Airwars", "les 8 000 avancés par Airwars": the count before, by another.
COUNTED_BY = regexes.compile(
    r"\s+(?:estimated|counted|recorded|documented|reported|claimed|tallied|cited|acknowledged|admitted"
    r"|avance\w*|recense\w*|comptabilise\w*|estime\w*|denombre\w*|documente\w*|cite\w*|reconnu\w*)"
    r"\s+(?:by|par)(?![\w-])"
    # "far more than the 484 the coalition acknowledges", "les 484 que la coalition reconnaît"
    r"|\s+(?:that\s+|which\s+|que\s+)?(?:the\s+|la\s+|le\s+|l')?[\w-]+(?:\s+[\w-]+)?\s+"
    r"(?:acknowledges|admits|recognizes|recognises|has\s+(?:acknowledged|admitted|confirmed)|reconnait|admet"
    r"|a\s+reconnus?)(?![\w-])"
)
_OTHERS_ALONE = regexes.compile(r"\s*(?:autres|others|more|de\s+plus)(?![\w-])")
_CASUALTY_VERBS = {
    "both": r"tue(?:e)?s?\s+ou\s+blesse(?:e)?s?|killed\s+or\s+(?:wounded|injured)"
    r"|killed\s+and\s+(?:wounded|injured)",
    "killed": r"tue(?:e)?s?|morte?s?|peri(?:e|s|es|r)?|perdu\s+la\s+vie|trouve\s+la\s+mort|decede(?:e)?s?|"
    r"abattu(?:e)?s?|execute(?:e)?s?|massacre(?:e)?s?|assassine(?:e)?s?|fusille(?:e)?s?|shot\s+dead|"
    r"shot\s+and\s+killed|killed|dead|died|die|perished|lost\s+their\s+lives|executed|massacred|slain|murdered"
    r"|gunned\s+down|drowned|noye(?:e)?s?",
    "injured": r"blesse(?:e)?s?|wounded|injured|hurt",
    "victims": r"victimes?|victims?",
}
# Each group's words merged by first letter (`factored`), as are the auxiliaries': tried after every word.
_CASUALTY_VERB = "|".join(f"(?P<{kind}>{factored(words)})" for kind, words in _CASUALTY_VERBS.items())
# "19 massacres", "40 executions": nouns, unless an auxiliary makes them participles ("ont ete massacres").
_BARE_NOUN_VERB = regexes.compile(r"\s*(?:massacres|executions|executes)\b")
_AUX = (
    "(?:"
    + factored(
        r"ont|a|avaient|avait|auraient|aurait|aient|ait|sont|est|etaient|etait|seraient|serait|soient|ete|"
        r"ayant|etant|etre|y|se|s'|pu|pourrai(?:t|ent)|have|has|had|were|was|are|is|been|be|being|would|could|may|might|reportedly|probably|"
        r"probablement|malheureusement|unfortunately|egalement|aussi|also|deja|already|ainsi|thus|all|tous|"
        r"toutes|mostly|notamment|confirmed|presumed|believed\s+to\s+have|thought\s+to\s+have|feared|said\s+to\s+have|"
        r"to\s+have|qui|who|les|the|en\s+tout|au\s+total|in\s+total|non\s+intentionnellement|accidentellement|"
        r"par\s+erreur|en\s+realite|as|unintentionally|unlawfully|mistakenly|accidentally|wrongly|par\s+ailleurs|"
        r"en\s+outre|furthermore|moreover|meanwhile|likely|possibly|peut-etre|encore|again|still|toujours|de\s+nouveau|\"|'"
    )
    + ")"
)
_SUBCOUNT_LIST = (
    r"(?:,\s*|\s+)(?:dont|including|among\s+them|among\s+whom|parmi\s+(?:lesquel\w*|eux|elles)|"
    r"of\s+whom|notamment|y\s+compris)\s+[^.;:()]*?,"
)
# "(?:X|)" rather than "(?:X)?": the same choice, without the engine's costlier repeat. A run that a "(",
# ")" or "," must end is possessive ("{1,50}+"): a shorter one ends on a character of the run.
_PREDICATE = regexes.compile(
    r"(?:\s+(?:from|of|de|du|des|d')\s*[^.;:(),\d]{1,40}?(?=,|\s)|)"
    rf"(?:{_SUBCOUNT_LIST}|\s*\([^)]*+\)|,\s*[^.;:(),\d]{{1,50}}+(?:\([^)]{{1,20}}+\)\s*|),|\s+(?:and|et)\s+[^.;:(),\d]{{1,50}}?(?=\s)"
    # "16 personnes dont des civils ont été tuées", "people including women and children were killed"
    rf"|\s+(?:dont|including)\s+[^.;:(),\d]{{1,40}}?(?=\s)|)"
    rf"(?:\s*,|)(?:\s*{_AUX})*\s*(?:{_CASUALTY_VERB})(?![\w-])"
)
_VERBS_BEFORE = {
    "killed_or_injured": r"killed\s+or\s+(?:wounded|injured)|killing\s+or\s+(?:wounding|injuring)"
    r"|tue\w*\s+ou\s+blesse\w*",
    "killed": r"tue|tuant|tuer|tues|tuee|tuees|killed|killing|kill|kills|coute\s+la\s+vie\s+a|"
    r"(?:received|recovered|retrieved|recu|recupere|retrouve)\s+(?:the\s+|les\s+)?(?:bodies|corps|depouilles)\s+(?:of|de)|"
    r"cost\s+the\s+lives\s+of|claimed\s+the\s+lives\s+of|took\s+the\s+lives\s+of|execute|executant|executed|"
    r"executing|massacre|massacring|shot\s+dead|shooting\s+dead|shot\s+and\s+killed|abattu|fusille|"
    r"coute\s+la\s+vie\s+d'|the\s+deaths?\s+of|la\s+mort\s+d[e']|le\s+deces\s+d[e']|les\s+deces\s+d[e']",
    "injured": r"blesse|blessant|blesser|blesses|wounded|wounding|injured|injuring|injure",
    "caused": r"fait|faisant|left|leaving|caused|cause|causant|causing|recense|recorded|documented|"
    r"documente|compte|counted|reported|fait\s+etat\s+de|faisait\s+etat\s+de|parle\s+de",
}
_VERB_BEFORE = WordScan(
    r"(?:" + keyed(_VERBS_BEFORE) + ")"
    r"\s+(?:(?:en\s+realite|en\s+fait|au\s+total|ainsi|probablement|reportedly|also|aussi|egalement|"
    r"a\s+total\s+of|un\s+total\s+de|par\s+erreur|by\s+mistake|mistakenly|unintentionally|accidentellement|"
    r"non\s+intentionnellement|accidentally|involontairement|inadvertently|deliberately|delibere\w*|intentionally"
    r"|ce\s+jour-la|ce\s+jour|le\s+meme\s+jour|that\s+day|hier|yesterday|(?:on\s+)?(?:lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|de\s+(?:maniere|facon)\s+(?:non\s+)?\w+|a\s+(?:elles?|eux|lui)\s+"
    r"seule?s?|alone|between|entre|an\s+estimated|only|just|merely|seulement|uniquement|que|qu'"
    r"|another|an\s+additional|a\s+further|encore)\s*|[\"']\s*)*$",  # "killed another 11": more of the toll
    not_after=r"\w'",
)
_TOLL_BEFORE = regexes.compile(
    r"\b(?:(?:put|puts|putting|placed|places|estimated|estimates|set)\s+the\s+(?:\w+\s+)?(?:number|figure|count|toll)"
    r"\s+(?:of\s+[a-z][a-z\s-]{1,40}?\s+)?at|bilan|toll|death\s+toll|nombre\s+(?:total\s+)?de\s+(?:morts|victimes|tues|civils\s+tues)|(?:total\s+)?"
    r"number\s+of\s+"
    r"(?:dead|deaths|killed|victims|fatalities|casualties|people\s+killed|civilians\s+killed|civilian\s+deaths)"
    r"|casualty\s+(?:toll|count|figure))\b[^.;\d]{0,120}$"
)
_SUBCOUNT_BEFORE = regexes.compile(
    r"\b(?:dont|including|among\s+them|among\s+whom|parmi\s+(?:lesquel\w*|eux|elles)|of\s+whom|"
    r"notamment|y\s+compris)\b[^.;:()\d]*(?:(?:\d[\d .,']*|[a-z-]+)(?:\s+[a-z'-]+){1,4}\s*(?:,|\bet\b|"
    r"\band\b)\s*)*$"
)
# Where the parts of a toll begin: "..., dont", "29 morts - 11 civils, 15 combattants".
_SUBCOUNT_TAIL = regexes.compile(
    r",\s*(?:dont|including|among\s+them|parmi\s+(?:lesquel\w*|eux|elles)|y\s+compris)\b|\s-\s*(?=\d)"
)
_SUBCOUNT_HINT = regexes.compile(r"dont|including|among|parmi|whom|notamment|compris")
_TOLL_HINT = regexes.compile(r"bilan|toll|nombre|number|casualty")
_SECOND_DIGITS = regexes.compile(rf"(?P<digits>{DIGITS})(?![\w]|[.,]\d)")
# Possessive blanks ("\s*+"), and "(?:\s*+,|)\s++" for "\s*,?\s+": the same matches, with no blank given back.
_RANGE = regexes.compile(
    r"\s*+(?:-|(?:a|to|et|and)(?![\w-]))\s*"
    r"|(?:\s*+,|)\s++(?:and|et|but|mais|or|ou)\s+(?:possibly|perhaps|maybe|potentially|peut-etre|probablement|probably"
    r"|jusqu'a)\s+(?:as\s+many\s+as\s+|up\s+to\s+|jusqu'a\s+)?"
)
_RANGE_OPENER = regexes.compile(r"\b(?:entre|between|de|from)\s*$")
_NOT_PEOPLE = regexes.compile(
    r"\s*+(?:%|pour\s*cent|percent|per\s+cent|ans\b|years?\s+old|-year|dollars?|euros?|usd|\$|times\b|fois\b"
    r"|or\s+more\b|ou\s+plus\b|or\s+fewer\b|ou\s+moins\b"
    r"|(?:(?:seule?s?|single|whole|entire|full)\s+)?(?:an|annees?|mois|jours?|journees?|nuits?|semaines?|heures?"
    r"|years?|months?|weeks?|days?|nights?|hours?)\b)"
)
_CURRENCIES = ("$", "\u20ac", "\u00a3")  # right before a number, blanks aside: money
# "des médicaments pour soigner jusqu'à 200 blessés", "enough to treat 500 wounded": a capacity, not a toll.
_CAPACITY_WORDS = ("soigner", "traiter", "prendre en charge", "treat", "enough for")
_CAPACITY_QUALIFIERS = ("jusqu'a", "up to", "quelque", "some")
# The words that end a capacity, blanks aside.
_CAPACITY_ENDS = tuple(words.split()[-1] for words in (*_CAPACITY_WORDS, *_CAPACITY_QUALIFIERS))
_CAPACITY_BEFORE = Ending(
    regexes.compile(
        word_start("|".join(_CAPACITY_WORDS).replace(" ", r"\s+"))
        + r"\s+(?:"
        + "".join(rf"{q}\s+|".replace(" ", r"\s+") for q in _CAPACITY_QUALIFIERS)
        + ")$"
    ),
    _CAPACITY_ENDS,
)
_MONTH_AFTER = regexes.compile(
    r"\s*(?:er\s+)?(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january"
    r"|february|march|april|june|july|august|september|october|november|december)\b"
)
_MONTH_BEFORE = regexes.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr"
    r"|jun|jul|aug|sept?|oct|nov|dec|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre"
    r"|decembre)\.?\s+$"
)
# A year, not a count: "en 2014", "since 2003", "l'offensive 2016"; "the 2003 invasion" (_EVENT_AFTER).
_EVENTS = (
    r"invasion|war|guerre|offensive|campaign|campagne|battle|bataille|elections?|attacks?|attaques?|attentats?"
    r"|earthquake|seisme|intervention|conflict|conflit|uprising|revolution|soulevement|coup|report|rapport"
    r"|agreement|accord|ceasefire|cessez-le-feu|siege"
)
_YEAR_BEFORE = regexes.compile(
    rf"\b(?:en|in|since|depuis|de|of|annee|year|fin|end|debut|{_EVENTS}"
    r"|(?:19|20)\d\d\s*(?:and|et|to|a|-|through|until|jusqu'en))\s*$"  # "in 2017 and 2018"
)
_DETERMINER_END = regexes.compile(r"\b(?:the|its|their|la|le|les|l')\s*$")
_EVENT_AFTER = regexes.compile(rf"\s*(?:{_EVENTS})\b")
_CIVILIAN_WORD = regexes.compile(
    r"(?<!defense\s)(?<!guerre\s)(?<!societe\s)(?<!protection\s)\bcivil(?:e|s|es|ian|ians)?\b(?!\s+(?:defen[cs]e|war|society))"
    r"|population\s+civile"
)  # not "Syrian Civil Defence", "la guerre civile"
_INJURY_WORD = regexes.compile(r"\bbless\w*|\bwounded\b|\binjur\w*")


_CONFIDENCE = {"digits": 0.95, "words": 0.85, "vague": 0.75}  # how surely a number is read, as written


class Reading(NamedTuple):
    """A casualty figure as read in its sentence, before attribution.

    A named tuple: made for every figure, at a fifth of a frozen dataclass's cost.
    """

    value: int
    value_max: int | None
    qualifier: str
    casualty: str
    victims: str
    start: int
    end: int
    is_subcount: bool
    confidence: float
    # "53 décès", "132 of those deaths": no word says who died, so the figure before may tell
    inherits_victims: bool = False
    # "quatre autres civils", "another 95": more of the same toll
    is_more: bool = False


@dataclass(slots=True)
class _Number:
    """A number of the sentence as written, with its range and qualifier, before its casualty is read."""

    match: re.Match
    number: NumberReading
    value: int
    value_max: int | None
    qualifier: str | None
    end: int
    left: str
    right: str
    people: bool  # False for a year, a date, a percentage, money, an age: never a figure


def read_figures(
    folded: str, start: int, end: int, numbers: list[_Number], before: Reading | None = None
) -> list[Reading]:
    """Return the casualty figures stated in folded[start:end], in text order, read at its `numbers`
    (`read_numbers`).

    `before` is the last figure of the sentences just before, which a sentence may count a
    part of ("Four were children.").
    """
    if not numbers:
        return []
    frames = Frames(folded, start, end, numbers)
    readings: list[Reading] = []
    head: Reading | None = None
    for number in numbers:
        if not number.people:
            continue
        reading = _read(folded, start, end, number, head, readings, frames, before)
        if reading:
            readings.append(reading)
            if not reading.is_subcount or head is None:
                head = reading  # "Parmi ces morts figurent 6 349 civils, dont 1 437 enfants": parts of a part
    return readings


def read_numbers(folded: str, start: int, end: int, language: str) -> list[_Number]:
    """Return the numbers of folded[start:end], a range read as one, each marked a count of people or not."""
    numbers = []
    position = start
    while True:
        m = search_number(folded, position, end)
        if m is None:
            return numbers
        number = read_number(m)
        position = m.end()
        if number is not None and not _in_language(number, language) and number.kind == "words":
            number = read_number_as(m, language)  # "six" is French and English
        if number is None or not _in_language(number, language):
            continue
        read = _number(folded, start, end, m, number, language)
        position = read.end
        numbers.append(read)


def _in_language(number: NumberReading, language: str) -> bool:
    return number.language is None or language == "auto" or number.language == language


def _number(folded, s_start, s_end, m, number, language) -> _Number:
    start, end = m.start(), m.end()
    value, value_max, qualifier = number.value, None, number.qualifier
    second = _range_end(folded, m, s_end, language)
    if second and _CHANGE_BEFORE.search(folded, max(s_start, start - 50), start):
        # "le bilan est passé de 20 à 35 morts": the toll went from one to the other, and is the second
        return _Number(m, number, value, None, qualifier, m.end(), "", "", False)
    if second:
        value_max, end = second
        qualifier = "range"
        if value_max <= value:
            value_max, qualifier = None, number.qualifier
            end = m.end()
    right = folded[end : min(s_end, end + 160)]
    left = folded[max(s_start, start - 90) : start]
    if value == 1 and _ONE_OF.match(right):
        return _Number(m, number, value, value_max, qualifier, end, left, right, False)  # "One of the bodies"
    split = None if second else _split_range(folded, end, s_end)
    if split and split[0] > value:  # "at least 7,988 civilians and possibly as many as 12,860 were killed"
        value_max, noun, end = split
        qualifier = "range"
        right = noun + folded[end : min(s_end, end + 160)]
    # Where a pattern needs a word ("low", "age"), str's search tests for it first, in C: most numbers
    # have none before them.
    if value_max is None and ("low" in left or "minimum" in left) and _LOW_BEFORE.search(left[-24:]):
        high = _high_end(folded, end, s_end)
        if high and high[0] > value:  # "a minimum of 492 civilian deaths ..., and a high of 1,183"
            value_max, noun, end = high
            qualifier = "range"
            right = noun + folded[end : min(s_end, end + 160)]
    people = not (
        _NOT_PEOPLE.match(right)
        or ("age" in left and _AGE_BEFORE.search(left[-30:]))
        or (
            value <= 21  # an age: "children under 10", "four of them were under 18"
            and ("under" in left or "below" in left or "moins" in left)
            and _AGE_BOUND_BEFORE.search(left[-40:])
        )
        or left[-3:].rstrip().endswith(_CURRENCIES)
        or _looks_like_year(m, number, left[-15:], right)
        or (value_max is not None and _years_range(m, value, value_max, right))
        or _CAPACITY_BEFORE.search(left[-40:])
        or (number.kind == "digits" and value <= 31 and _day_of_month(left, right))  # "since March 22 and"
    )
    return _Number(m, number, value, value_max, qualifier, end, left, right, people)


def _read(folded, s_start, s_end, n: _Number, head, readings, frames: Frames, before=None) -> Reading | None:
    m, number, value, value_max, qualifier = n.match, n.number, n.value, n.value_max, n.qualifier
    start, end, left, right = m.start(), n.end, n.left, n.right
    found = _QUALIFIER.search(left[-30:])
    if found and qualifier != "range":
        qualifier = key_of(found[2])
        left = left[: len(left) - 30 + found[0]] if len(left) > 30 else left[: found[0]]
    part = _part_of_figure_before(left, right, before) if before is not None and not readings else None
    if (
        part is None
        and number.kind == "words"
        and value == 1
        and not _NOUN.match(right)
        and not _VERB_BEFORE.search(left[-70:])
    ):
        return None  # "l'attentat qui a frappé un marché": an article, not one death (tested before the rest)
    confidence = _CONFIDENCE[number.kind]
    sentence = folded[s_start:s_end]
    read = part or _casualty_and_victims(right, left, head, readings, sentence, start - s_start, s_start)
    if read is None:
        framed = frames.reading(start, end)
        if framed is not None:
            read = _framed(framed, read, head, readings, sentence)
    elif read[0] != "injured":
        framed = frames.reading(start, end, read=True)
        if _overrides(framed, read, right):
            read = _framed(framed, read, head, readings, sentence)
    if read is None or frames.vetoed(start, end):
        return None
    casualty, victims, is_subcount, factor, inherits, more = read
    inherits = inherits or (
        victims == "people" and bool(_EN_BEFORE.search(left[-40:]) or _OPENS_PARTITIVE.fullmatch(left))
    )
    more = more or bool(_MORE_BEFORE.search(left[-20:]))
    if (
        qualifier in (None, "exact")
        and ("least" in right or "moins" in right or "minimum" in right)  # in C first: most numbers have none
        and _AT_LEAST_AFTER.match(right)
    ):
        qualifier = "at_least"  # "7 500 morts civils au minimum"
    return Reading(
        value,
        value_max,
        qualifier or "exact",
        casualty,
        victims,
        start,
        end,
        is_subcount,
        round(confidence * factor, 3),
        inherits,
        more,
    )


# A sentence that opens on a number and says what some of the dead were: "Four were children.",
# "The other nine are Syrian civilians", "Quatre d'entre eux avaient moins de 18 ans", and after
# who they are part of: "Of those, 560 were children", "Parmi eux, 12 étaient des femmes".
_PARTITIVE_OPENER = (
    r"[\s\"'«“]*(?:(?:of|among)\s+(?:those|them|these|the\s+(?:dead|victims))|parmi\s+(?:eux|elles"
    r"|ces\s+(?:morts|victimes|personnes|civils))|sur\s+(?:ce\s+(?:nombre|total|bilan)|ces\s+(?:morts|victimes)))\s*,"
)
_OPENS_ON_NUMBER = regexes.compile(
    rf"(?:{_PARTITIVE_OPENER})?[\s\"'«“]*(?:(?:the\s+)?other|only|just|seul(?:e|s|es)?|les)?\s*$"
)
# "Of those, about 8,000 were killed", "Parmi elles, 8 000 ont été tuées": people of the figure before.
_OPENS_PARTITIVE = regexes.compile(rf"{_PARTITIVE_OPENER}\s*$")
_SAID_THAT = regexes.compile(r"\b(?:that|que|qu'|said|says|added|adds|reported|told\s+[\w.]+)\s*$")
_PART_AFTER = regexes.compile(
    r"\s*(?:of\s+them|of\s+the\s+(?:dead|victims)|d'entre\s+(?:eux|elles))?\s*,?\s*"
    r"(?:were|was|are|is|etaient|sont|etait|avaient|had)\s+(?:\w+ly\s+|all\s+|tous\s+|toutes\s+|also\s+|aussi\s+)?"
    r"(?:des\s+)?(?:(?P<children>children|enfants|minors|mineurs|(?:under|below)\s+(?:the\s+)?age"
    r"|(?:under|below)\s+\d+|moins\s+de\s+\d+\s+ans)|(?P<women>women|femmes)|(?P<civilians>(?:\w+\s+)?civilians|civils)"
    r"|(?P<people>syrians|iraqis|afghans|yemenis|foreigners|syriens|irakiens|yemenites|etrangers))\b"
)


# "Ces civils, dont deux femmes, ...", "The victims, including four children, ...": the dead of the
# figure before, named again, and a part of them.
_DEAD_AGAIN_BEFORE = regexes.compile(
    r"[\s\"'«“]*(?:ces|les|these|those|the)\s+(?:civils|civilians|victimes|victims|morts|dead|personnes|people)"
    r"\s*,?\s*(?:dont|including|among\s+them|parmi\s+(?:eux|elles|lesquels|lesquelles))\s*$"
)
_PART_NOUN = regexes.compile(
    r"\s*(?:(?P<women>femmes|women)|(?P<children>enfants|children)|(?P<civilians>civils|civilians)"
    r"|(?P<people>personnes|people|hommes|men))\b"
)


def _part_of_figure_before(left: str, right: str, before):
    """Read a number that opens its sentence or a reported clause as a part of the figure just
    before, if it says what some of the dead were ("Four were children.", "the mayor said that four
    of them were under 16", "Ces civils, dont deux femmes"): the casualty of the figure before, as a
    sub-count."""
    if _OPENS_ON_NUMBER.fullmatch(left) or _SAID_THAT.search(left):
        part = _PART_AFTER.match(right)
    elif "dont" in left or "including" in left or "among" in left or "parmi" in left:  # tested in C first
        part = _DEAD_AGAIN_BEFORE.fullmatch(left) and _PART_NOUN.match(right)
    else:
        return None
    if not part:
        return None
    return before.casualty, part.lastgroup, True, 0.85, False, False


def _overrides(framed: FrameReading | None, read, right: str) -> bool:
    """Tell whether a frame of the number's own verb reads another casualty than the windows did.

    Not where a casualty noun follows the number ("3 804 morts"): the noun says it.
    """
    if framed is None or not framed.own_verb or _family(framed.casualty) == _family(read[0]):
        return False
    noun = _NOUN.match(right)
    return not (noun and any(noun.group(k) for k in _CASUALTY_NOUNS))


def _family(casualty: str) -> str:
    return "killed" if casualty in ("killed_or_injured", "victims") else casualty


def _framed(framed: FrameReading, read, head, readings, sentence):
    """Return the (casualty, victims, ...) a frame reads, in the shape _casualty_and_victims returns."""
    casualty = _victims_casualty(sentence) if framed.casualty == "victims" else framed.casualty
    victims = framed.victims
    if victims is None and read is not None:
        victims = read[1]
    if victims is None:
        before = head if framed.is_subcount and head is not None else (readings[-1] if readings else None)
        if framed.is_subcount and before is not None:
            victims = before.victims
        else:
            victims = "civilians" if _CIVILIAN_WORD.search(sentence) and not readings else "people"
    return casualty, victims, framed.is_subcount, 0.9, False, bool(read and read[5])


_VICTIMS_OF_WHOM = regexes.compile(
    r"\b(?:des|les|of|the)\s+(?:(?P<women>femmes|women)|(?P<children>enfants|children))\s*,?\s*(?:dont|of\s+whom)\s*$"
)
_AT_LEAST_AFTER = regexes.compile(
    r"\s*[\w'-]+(?:\s+[\w'-]+){0,2}?\s+(?:au\s+minimum|au\s+moins|at\s+(?:the\s+)?(?:very\s+)?least|at\s+a\s+minimum)\b"
)
_HEDGES = r"possibly|perhaps|maybe|potentially|peut-etre|probablement|probably"
_SPLIT_RANGE = regexes.compile(
    rf"(?P<noun>\s+[a-z]+(?:\s+[a-z]+)?)\s*,?\s+(?:and|et|but|mais|or|ou)\s+(?:{_HEDGES})"
    r"\s+(?:as\s+many\s+as|up\s+to|jusqu'a)\s+"
)
# Without a hedge, no split range: a scan that skips to "p" and "m" in C.
_HEDGE = regexes.compile(factored(_HEDGES))


_CHANGE_BEFORE = regexes.compile(
    r"\b(?:passee?s?|grimpee?s?|montee?s?|augmentee?s?|alourdie?s?|rose|risen|rising|climbed|climbing|increased"
    r"|jumped|went\s+up|gone\s+up|grown|soared|fell|fallen|dropped|decreased|declined)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:de|from|d')\s*$"
)
_LOW_BEFORE = regexes.compile(r"\b(?:minimum|low)\s+(?:of|de|d')\s*$")
_HIGH_AFTER = regexes.compile(
    r"(?P<noun>[^.;:\d]{0,80}?),?\s+(?:and|et|to|with|avec)\s+(?:a\s+|un\s+)?(?:high|maximum)\s+(?:of|de|d')\s*"
    r"(?:(?:potentially|possibly|perhaps|peut-etre|probablement)\s+)?"
)
# "14 under the age of 18", "âgés de moins de 18 ans": an age, never a toll.
_AGE_BEFORE = regexes.compile(
    r"\b(?:age|ages|aged|agee?s?)\s+(?:of\s+|de\s+)?(?:under\s+|over\s+|moins\s+de\s+|plus\s+de\s+)?$"
)
# "three children under 10", "5 of them under 18", "were under 18": an age bound, not a count (up to 21).
_AGE_BOUND_BEFORE = regexes.compile(
    r"\b(?:children|kids|girls|boys|minors|teenagers|them|enfants|filles|garcons|mineurs|eux|elles|were|was|are"
    r"|etaient|avaient)\s+"
    r"(?:under|below|aged\s+under|of\s+less\s+than|de\s+moins\s+de)\s+$"
)


def _high_end(folded, end, s_end):
    """Return (value_max, noun, end) for "a minimum of X civilian deaths ..., and a high of Y", else None."""
    joiner = _HIGH_AFTER.match(folded, end, s_end)
    if not joiner:
        return None
    second = NUMBER_PATTERN.match(folded, joiner.end(), s_end)
    reading = read_number(second) if second and key_of(second) == "digits" else None
    return (reading.value, joiner.group("noun"), second.end()) if reading else None


def _split_range(folded, end, s_end):
    """Return (value_max, noun, end) for "X civilians and possibly as many as Y", else None."""
    if not _HEDGE.search(folded, end, s_end):
        return None  # most sentences hedge no figure: the words are looked for first, in C
    joiner = _SPLIT_RANGE.match(folded, end, s_end)
    if not joiner:
        return None
    second = NUMBER_PATTERN.match(folded, joiner.end(), s_end)
    reading = read_number(second) if second and key_of(second) == "digits" else None
    return (reading.value, joiner.group("noun"), second.end()) if reading else None


def _range_end(folded, m, s_end, language):
    joiner = _RANGE.match(folded, m.end(), s_end)
    if not joiner:
        return None
    word = joiner.group().strip()
    if " " in word:
        pass  # "at least 7,988 and possibly as many as 12,860"
    elif word in ("et", "and") and not _RANGE_OPENER.search(folded, max(0, m.start() - 12), m.start()):
        return None
    if word == "a" and language == "en":
        return None
    if word == "-" and joiner.group() != "-" and key_of(m) != "digits":
        return None
    second = NUMBER_PATTERN.match(folded, joiner.end(), s_end) or _SECOND_DIGITS.match(
        folded, joiner.end(), s_end
    )
    if not second or key_of(second) == "vague":
        return None
    reading = read_number(second)
    return (reading.value, second.end()) if reading else None


def _day_of_month(left: str, right: str) -> bool:
    """Tell a day ("since March 22 and", "Oct. 3 killed", "au 31 décembre") from a toll ("June 22 civils")."""
    if _MONTH_AFTER.match(right):
        return True
    if not _MONTH_BEFORE.search(left[-12:]):
        return False
    noun = _NOUN.match(right)
    return not (noun and any(noun.group(k) for k in _VICTIM_NOUNS))


def _years_range(m, value: int, value_max: int, right: str) -> bool:
    """Tell "entre 2014 et 2017" (years) from "entre 1320 et 1950 civils" (a count)."""
    return (
        key_of(m) == "digits"
        and len(m.group()) == 4
        and 1900 <= value < value_max <= 2100
        and not _NOUN.match(right)
    )


def _looks_like_year(m, number, left, right) -> bool:
    """Tell a year ("en 2014", "août 2014", "since the 2003 invasion") from a count; the value first: most
    counts are no year."""
    if not 1900 <= number.value <= 2100 or number.kind != "digits":
        return False
    text = m.group()
    return (
        len(text) == 4
        and text.isdigit()
        and bool(
            _YEAR_BEFORE.search(left)
            or _MONTH_BEFORE.search(left)
            or (_DETERMINER_END.search(left) and _EVENT_AFTER.match(right))
        )
    )


def _casualty_and_victims(right, left, head, readings, sentence, at, s_start):
    """Return (casualty, victims, is_subcount, confidence factor), or None if no casualty figure.

    `at` is where the number stands in `sentence`: "civils" in a sub-count after it
    ("3 250 morts, dont 1 130 civils") does not make the whole toll civilian.
    """
    is_subcount = bool(head is not None and _SUBCOUNT_HINT.search(left) and _SUBCOUNT_BEFORE.search(left))
    gap = sentence[readings[-1].end - s_start : at] if readings else None  # words since the figure before
    noun = _NOUN.match(right)
    if noun:
        kind = noun.lastgroup
        adjective = _CIVILIAN_AFTER.match(right, noun.end())
        rest = right[(adjective or noun).end() :]
        civilian = bool(noun.group("civ") or adjective)
        more = bool(noun.group("other"))
        if kind in _CASUALTY_NOUNS:
            casualty = _victims_casualty(sentence) if kind == "victims" else kind
            if noun.group("kid") or noun.group("wom"):  # "582 child casualties", "300 women casualties"
                return casualty, "children" if noun.group("kid") else "women", is_subcount, 1.0, False, more
            named = _WERE_VICTIMS.match(rest)
            if named:  # "Eight of the dead were children"
                return casualty, named.lastgroup, is_subcount, 1.0, False, more
            if not civilian:
                tail = _SUBCOUNT_TAIL.search(sentence, at)
                outside_parts = _PART_OF_CIVILIANS.sub(lambda m: " " * len(m.group()), sentence)
                civilian = bool(
                    _CIVILIAN_WORD.search(outside_parts, 0, tail.start() if tail else len(sentence))
                    and not _PARTLY_CIVILIAN.search(sentence)
                )
            inherits = not civilian and (bool(noun.group("partitive")) or not _ANY_VICTIM.search(sentence))
            if (
                not civilian
                and gap is not None
                and _JOINED.fullmatch(gap)
                and readings[-1].victims != "people"
            ):
                return (
                    casualty,
                    readings[-1].victims,
                    is_subcount,
                    1.0,
                    False,
                    more,
                )  # "327 tués et 880 blessés"
            return casualty, "civilians" if civilian else "people", is_subcount, 1.0, inherits, more
        verb_casualty = _verb_casualty(left)
        casualty = verb_casualty or _predicate(rest, sentence)
        among = (_AMONG_BEFORE.search(left) or _AMONG_THEM.match(rest)) if casualty is None else None
        if among:
            casualty, is_subcount = ("injured" if _INJURY_WORD.search(among.group()) else "killed"), True
        if casualty is None and is_subcount:  # "dont 363 morts, parmi lesquels 89 enfants": of the dead
            casualty = readings[-1].casualty if readings[-1].is_subcount else head.casualty
        if casualty is None and gap is not None and _COORDINATED.fullmatch(gap):
            casualty = readings[-1].casualty  # "26 727 femmes et 27 126 enfants" after a toll
        listed = _VERB_LIST_BEFORE.search(left) if casualty is None else None
        if listed:  # "killing 13 service members and about 170 Afghans"
            casualty = listed.lastgroup
        if casualty is None:
            includes = _TOLL_INCLUDES.search(left)
            if includes:
                casualty = _victims_casualty(sentence) if includes.group("victims") else "killed"
        if casualty is None:
            return None
        # "21 civils kurdes", "two civilian adults": civilians; "civilian women" stay women
        victims = "civilians" if civilian and kind == "people" else kind
        return casualty, victims, is_subcount, 1.0 if verb_casualty else 0.97, False, more
    fatal = _OF_THEM.match(right) if readings else None
    if fatal:  # "582 child casualties ..., 150 of them fatal": a part of the toll before
        casualty = "injured" if fatal.group("injured") else "killed"
        return casualty, readings[-1].victims, True, 0.9, False, False
    whose = _OF_THEM_VICTIMS.match(right) if readings else None
    if whose:
        return readings[-1].casualty, whose.lastgroup, True, 0.9, False, False
    others = _OTHERS_ALONE.match(right)
    is_subcount = is_subcount and not others  # "..., dont dix femmes, et 30 autres": a new group, not a part
    after = right[others.end() :] if others else right
    verb_casualty = _verb_casualty(left)
    casualty = verb_casualty or (None if _BARE_NOUN_VERB.match(after) else _predicate(after, sentence))
    wide = sentence[max(0, at - 160) : at]  # "the death toll from an air strike on ... has risen to 53"
    if casualty is None and _TOLL_HINT.search(wide):
        toll = _TOLL_BEFORE.search(wide)
        if toll:
            casualty = "killed_or_injured" if _BOTH_WORDS.search(toll.group()) else "killed"
    named = _WERE_VICTIMS.match(right)
    if casualty is None and named and readings:  # "... and four were women"
        return readings[-1].casualty, named.lastgroup, is_subcount, 0.9, False, False
    if casualty is None and readings and COUNTED_BY.match(right):
        # "1,302 deaths, a fraction of the 8,000 estimated by Airwars": another's count of the same
        previous = readings[-1]
        return previous.casualty, previous.victims, False, 0.85, previous.inherits_victims, False
    if (
        casualty is None
        and gap is not None
        and len(gap) <= 160
        and _GAP_END.match(after)  # "... 222 civilians in Deir al-Zour and 250 others in Hasakah"
        and not _GAP_BREAK.search(gap)
        and _GAPPED.search(gap)
    ):
        previous = readings[-1]  # "132 of those deaths and Russian forces for 47": the same words left out
        return (
            previous.casualty,
            previous.victims,
            previous.is_subcount,
            0.85,
            previous.inherits_victims,
            False,
        )
    if casualty is None:
        return None
    whose = _VICTIMS_OF_WHOM.search(left[-40:])
    if whose:  # "du sort des femmes, dont 60 ont perdu la vie"
        return casualty, whose.lastgroup, True, 0.9, False, False
    if readings:
        # "72 civils, dont 19 enfants, et 118 autres blessés": after a part, the whole figure's victims
        before = head if readings[-1].is_subcount and not is_subcount and head is not None else readings[-1]
        return casualty, before.victims, is_subcount, 0.9, before.inherits_victims, bool(others)
    topic = _TOPIC_BEFORE.search(left)
    if topic:  # "Les enfants représentent un tiers des victimes : 327 ont été tués"
        return (
            casualty,
            next(k for k in ("children", "women") if topic.group(k)),
            is_subcount,
            0.9,
            False,
            bool(others),
        )
    civilian = bool(_CIVILIAN_WORD.search(sentence))
    return casualty, "civilians" if civilian else "people", is_subcount, 0.9, False, bool(others)


def _verb_casualty(left: str) -> str | None:
    """Return the casualty of a verb right before the number ("tuant 12", "killed 40"); None for "caused"."""
    found = _VERB_BEFORE.search(left[-70:])
    return key_of(found[2]) if found and key_of(found[2]) != "caused" else None


def _predicate(rest: str, sentence: str) -> str | None:
    m = _PREDICATE.match(rest)
    if not m:
        return None
    if m.group("both"):
        return "killed_or_injured"
    if m.group("victims"):
        return _victims_casualty(sentence)
    return "killed" if m.group("killed") else "injured"


def _victims_casualty(sentence: str) -> str:
    """Read "victimes" as deaths, unless the sentence speaks of the injured or counts deaths among them."""
    return (
        "killed_or_injured" if _INJURY_WORD.search(sentence) or _DEATHS_AMONG.search(sentence) else "killed"
    )


# "519 victimes, dont 363 morts": the victims are more than the dead
_DEATHS_AMONG = regexes.compile(
    r"\b(?:dont|including|parmi\s+lesquel\w*|soit|among\s+them)\s+(?:\w+\s+){0,2}?[\d][\d .,]*"
    r"\s*(?:morts|tues|deces|deaths|dead|killed)\b"
)
