"""People who speak: "Mohammed Ahmad, a resident, said", "le député syrien Muhammed al Husein a évalué".

A name of two to four capitalised words is a person only where the text makes it a
speaker: right before a reporting verb, or before an apposition that ends in one; right
after a reporting verb or "selon" / "according to"; after a title ("le député", "a resident").
A person whose apposition or the words before name a claimant the gazetteer knows speaks for
it ("Rami Abdel Rahman, the head of the Syrian Observatory"): the name, and its last words
when the text uses them again ("Abdel Rahman said"), are that claimant's mentions. A person
with another office ("a provincial council member", "the spokesman") is left to the rules,
which name the institution ("local officials"). Anyone else is named for themselves, of kind
"unattributed" (a private person is no institution), or "official" for a member of parliament.
"""

import re

from . import regexes
from .attribution import REPORTING, REPORTING_VERB
from .folding import fold
from .gazetteer import Claimant, Mention

_CAPITAL = r"[A-ZÀ-ÖØ-Þ]"
_LOWER = r"[a-zà-öø-ÿ'’]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ][a-zà-öø-ÿ'’]+)?"
_WORD = _CAPITAL + _LOWER
_PARTICLE = r"(?:al|el|ad|as|ash|bin|ben|ibn|abu|abou|de|du|da|van|von|der)"
# _LOWER, possessive: a blank must follow the first word, never one of its letters, so giving letters back
# never helps, and the engine gives none back at the many capitals that open no name. (A later word may
# end before an apostrophe: "Hassan’Ali".)
_FIRST_LOWER = r"[a-zà-öø-ÿ'’]++(?:-[A-Za-zÀ-ÖØ-öø-ÿ][a-zà-öø-ÿ'’]++)?+"
# A capital first, the boundary checked after it: the scan skips in C from one capital to the next.
_NAME = regexes.compile(
    rf"{_CAPITAL}(?<![\w'’-].){_FIRST_LOWER}(?:[ \t]+(?:{_PARTICLE}[ \t-]+)?{_WORD}){{1,3}}(?![\w-])"
)
# Capitalised words that open sentences, name places, peoples, days or organisations: never a person's.
_NOT_A_NAME = frozenset(
    """the a an in on at as but and or if it its this that these those after before when while during since
    for from with by of to according le la les un une des du de en au aux dans selon pour par sur avec mais
    et ou il elle ils elles ce cette ces lors depuis apres avant quand monday tuesday wednesday thursday
    friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche january february march april
    may june july august september october november december janvier fevrier mars avril mai juin juillet
    aout septembre octobre novembre decembre syrian syrians iraqi iraqis afghan afghans yemeni yemenis
    american americans russian russians british french kurdish turkish saudi libyan malian somali
    islamic state daech daesh army forces force air ministry government council committee observatory
    human rights watch international amnesty nations united coalition command news press agency times
    post journal radio television province city district village street hospital university mr mrs ms
    monsieur madame general colonel president prime minister secretary special representative major
    lieutenant captain sergeant commander spokesman spokeswoman deputy senator""".split()
)
# After the name: ", a resident of the town," then an auxiliary or two, then the reporting verb.
_SPEAKS_AFTER = regexes.compile(
    r"(?:\s*,\s*[^,.;:!?\"«»“”]{2,100}?\s*,)?\s*,?\s*"
    r"(?:(?:has|have|had|a|avait|also|aussi|further|then|later|earlier|en\s+effet)\s+){0,3}"
    rf"{REPORTING_VERB}(?![\w-])"
)
_SPEAKS_BEFORE = regexes.compile(
    rf"(?:(?<![\w-]){REPORTING_VERB}|\bselon|\baccording\s+to|\bd'apres)\s+(?P<title>(?:[\w.'-]+\s+){{0,4}}?)$"
)
# ", a provincial council member", ", présidente de la commission": a noun phrase, not a clause.
_APPOSITION = regexes.compile(
    r"\s*,\s*(?P<description>(?:an?|the|un|une|le|la|les|l'|des|du|de|d'|who|qui|from|of|head|chief|director"
    r"|directeur|directrice|president\w*|spokes\w*|porte-parole|member|membre|resident|habitant|father|pere"
    r"|mother|mere|brother|frere)\b[^,.;:!?\"«»“”]{0,100}?)\s*(?:[,.;:]|$)"
)
_ABBREVIATION = regexes.compile(r"(?:\b(?:dr|mr|mrs|ms|gen|gov|col|lt|sgt|capt|maj|st|u\.s|u\.n)|\b\w)$")


def _sentence_start(folded: str, position: int) -> int:
    """Return where the sentence holding `position` starts, past "Dr." and "Gen." (roughly: the text
    is not split into sentences yet)."""
    stop = folded.rfind(". ", 0, position)
    while stop > 0 and _ABBREVIATION.search(folded, max(0, stop - 4), stop):
        stop = folded.rfind(". ", 0, stop)
    return stop + 2 if stop >= 0 else 0


# Words of an office: whoever holds one speaks for an institution, which the rules name ("local officials").
_OFFICE = regexes.compile(
    r"\b(?:spokes\w*|porte-parole|officials?|responsables?|governor|gov|gouverneur|council|conseil\w*|ministr\w*"
    r"|minister|police\w*|army|armee|military|militaire|commander|commandant|representative|representant\w*"
    r"|president\w*|head|chef|chief|director|directeur|directrice|colonel|col\.|general|gen\.|major|captain"
    r"|capitaine|lieutenant|maire|mayor|prefet|secretary|secretaire|envoy|envoye\w*|ambassad\w*|coordinat\w*"
    r"|administrat\w*|agency|agence|office|bureau|department|departement|ministry|mission|command)\b"
)
_LEGISLATOR = regexes.compile(r"\b(?:deput\w*|mp|senator|senateur|lawmaker|parlementaire)\b")
# A title right before the name: "le député syrien", "resident", "Dr."
_TITLE = regexes.compile(
    r"\b(?:deput\w*|mp|senator|senateur|lawmaker|dr\.?|docteur|doctor|resident|habitant|witness|temoin"
    r"|activist|militant|father|pere|mother|mere|brother|frere|medecin|nurse|infirmi\w+|rescuer|secouriste)"
    r"(?:\s+[\w'-]+){0,2}\s*$"
)


def persons(original: str, folded: str, known: list[Mention]) -> list[Mention]:
    """Return the mentions of people who speak in `original`, and of their names used again later."""
    taken = [(m.start, m.end) for m in known]
    found: list[Mention] = []
    named: dict[str, Claimant] = {}
    for m in _NAME.finditer(original):
        start, end = m.span()
        words = m.group().split()
        while len(words) > 1 and fold(words[0]) in _NOT_A_NAME:  # "Selon Youssef Karam": the name after
            start = original.index(words[1], start + len(words.pop(0)))
        name = " ".join(words)
        if (
            len(words) < 2
            or any(fold(w) in _NOT_A_NAME for w in re.split(r"[\s-]+", name))
            or any(s < end and start < e for s, e in taken)
        ):
            continue
        claimant = named.get(name) or _speaker(original, folded, start, end, known)
        if claimant is None:
            continue
        found.append(Mention(claimant, start, end))
        for used_again in (name, " ".join(words[-2:]), words[-1]):
            if len(used_again) > 3 and used_again[0].isupper():
                named.setdefault(used_again, claimant)
    if not named:
        return found
    # the names used again: "Abdel Rahman said", "Ahmad added"
    names = "|".join(map(re.escape, sorted(named, key=len, reverse=True)))
    again = regexes.compile(rf"(?<![\w'’-])(?:{names})(?![\w'’-])")
    spans = taken + [(f.start, f.end) for f in found]
    for m in again.finditer(original):
        if not any(s < m.end() and m.start() < e for s, e in spans):
            found.append(Mention(named[m.group()], m.start(), m.end()))
    return found


def _speaker(original: str, folded: str, start: int, end: int, known: list[Mention]) -> Claimant | None:
    """Return the claimant a name speaks as, None if the text does not make it a speaker of its own."""
    after = _SPEAKS_AFTER.match(folded, end, min(len(folded), end + 160))
    before = _SPEAKS_BEFORE.search(folded, max(0, start - 60), start)
    title = _TITLE.search(folded, max(0, start - 40), start)
    if not (after or before or title):
        return None
    # what the text says the person is: the apposition after, the words before ("Le directeur de
    # l'OSDH, Rami Abdel Rahmane") back to the sentence's start or to the last reporting verb
    opening = max(_sentence_start(folded, start), folded.rfind("\n", 0, start), start - 100, 0)
    for verb in REPORTING.finditer(folded, opening, start):
        opening = verb.end()
    where = [(opening, start)]
    apposition = _APPOSITION.match(folded, end, min(len(folded), end + 110))
    if apposition:  # "said Sohrab Qaderi, a provincial council member."
        where.append(apposition.span("description"))
    for mention in known:
        if any(s <= mention.start < e for s, e in where):
            return mention.claimant  # "Rami Abdel Rahman, the head of the Syrian Observatory"
    described = " ".join(folded[s:e] for s, e in where)
    if _LEGISLATOR.search(described):
        return Claimant(" ".join(original[start:end].split()), "official")
    if _OFFICE.search(described):
        return None  # an official of some institution: the rules name it ("local officials")
    if not (apposition or title) and _OFFICE.search(folded, max(0, start - 400), start):
        return None  # "le porte-parole du gouvernement ... Bassem al-Awadi a fait état": that official
    return Claimant(" ".join(original[start:end].split()), "unattributed")
