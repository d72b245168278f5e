"""Who states figures: claimants, their kinds, their French and English names.

Editors keep claimants and aliases in the database; the app passes them in as
`Claimant` objects, and DEFAULT_GAZETTEER is the built-in list it starts from. Names are
matched case- and accent-insensitively ("OSDH" = "Observatoire syrien des droits de
l'Homme" = "SOHR"), except all-capital acronyms of three letters or fewer ("UN", "AP") which
must be written in capitals so that the French article "un" is not the United Nations, and
names of several words that are all capitalised ("Le Monde", "Washington Post"), which must
be written as names in the text too, so that "dans le monde" is not the newspaper.
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import regexes
from .folding import fold
from .patterns import WordScan, alternation

KINDS = ("official", "independent", "state_media", "media")


@dataclass(frozen=True)
class Claimant:
    """A source of figures; `kind` is official (a belligerent counting its own toll),
    independent (NGO, monitor, UN), state_media or media."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()

    def __hash__(self) -> int:
        # equal claimants share name and kind: hashing the long alias list on every lookup is waste
        return hash((self.name, self.kind))

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def matches(self, name: str) -> bool:
        """Tell whether `name` is this claimant's name or one of its aliases."""
        key = fold(name)
        return any(fold(n) == key for n in self.names())


def _load(path: Path) -> tuple[Claimant, ...]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return tuple(Claimant(row["name"], row["kind"], tuple(row["aliases"])) for row in rows)


_DATA = Path(__file__).resolve().parent / "data"
# The built-in list: one claimant a line in data/gazetteer.json, name, kind and aliases.
DEFAULT_GAZETTEER: tuple[Claimant, ...] = _load(_DATA / "gazetteer.json")


def _is_titled(name: str) -> bool:
    """Tell whether a name of several words capitalises each one ("Le Monde", "The Washington Post")."""
    words = name.split()
    return len(words) > 1 and all(word[:1].isupper() for word in words)


_ARTICLES = frozenset(("le", "la", "les", "the", "der", "die", "el", "al"))


def _capitalised(written: str) -> bool:
    """Tell whether a titled name is written as a name: its first word capitalised, and the one
    after a leading article ("Le Monde", "Amnesty international"; not "le monde", "Le monde")."""
    words = written.split()
    if not words[0][:1].isupper():
        return False
    return words[0].lower() not in _ARTICLES or len(words) < 2 or words[1][:1].isupper()


def _is_acronym(name: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", name)
    return name.isupper() and len(letters) <= 3


@dataclass(frozen=True)
class Mention:
    """A claimant's name as it stands in the text."""

    claimant: Claimant
    start: int
    end: int


# The places the engine knows, in data/places.json: each country's words, and whose officials speak where
# a country's word stands beside unnamed officials (the first that matches: Nigeria before Niger).
_PLACES_DATA = json.loads((_DATA / "places.json").read_text("utf-8"))
PLACE_WORDS: dict[str, str] = {
    country: "|".join(words) for country, words in _PLACES_DATA["countries"].items()
}
COUNTRY_AUTHORITIES: tuple[tuple[str, str], ...] = tuple(
    (name, "|".join(words)) for name, words in _PLACES_DATA["authorities"]
)
# "Libya's U.N.-backed government", "Iraq's interior ministry": a country's officials, named by the country.
# The scan looks for the "'s" first (a literal, found in C), then for the country before it.
_POSSESSIVE_GOVERNMENT = regexes.compile(
    r"'s\s+(?:[\w.-]+\s+){0,2}?(?:government|authorities|(?:health|interior|defen[cs]e)\s+ministry"
    r"|emergency\s+services?)(?![\w-])"
)
# "le ministère libanais de la Santé", "le ministère de la Santé soudanais", "... du Liban": a country's
# ministry, in French.
_FRENCH_MINISTRY = regexes.compile(
    r"\bministere\s+(?:(?P<country>[a-z]+)\s+)?de\s+(?:la\s+sante|l'interieur|la\s+defense)"
    r"(?:\s+(?:de\s+|du\s+|d')?(?P<after>[a-z]+))?"
)
_COUNTRY_BEFORE = regexes.compile(
    r"(?<![\w-])(?P<country>" + "|".join(f"(?:{words})\\w*" for _, words in COUNTRY_AUTHORITIES) + r")$"
)


# Any country's word in a folded text ("yéménites", "Iraqi"): whose officials speak there.
COUNTRY_WORD = regexes.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?:{words})" for _, words in COUNTRY_AUTHORITIES) + r")\w*"
)


# "Israel says 1,200 people were killed", "la Turquie affirme": a country that speaks is its authorities. The
# scan opens on a capital, as few characters are, then wants a reporting verb right after the word (not "said
# to be").
_COUNTRY_SPEAKS = regexes.compile(
    r"[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff]++(?=(?:\s+(?:has|had|also|a|avait|aussi))?\s+(?:says|said|acknowledged"
    r"|admitted|announced|affirm[e\u00e9]|indiqu[e\u00e9]|reconnu|reconna[i\u00ee]t|annonc[e\u00e9])(?![\w-]|\s+to\b))"
)
_PLACE_PREPOSITION_BEFORE = regexes.compile(r"\b(?:in|at|from|to|of|on|en|au|aux|a|de|du|dans)\s+(?:l')?$")


def country_authorities(words: str) -> str:
    """Return the name of the authorities of the country `words` name ("Libya", "Tripoli"), if one."""
    return next((name for name, pattern in COUNTRY_AUTHORITIES if re.match(pattern, words)), "")


# An organisation the gazetteer does not know, named in capitals: "the Yemen Data Project said".
_ORGANISATION_WORDS = (
    "Project|Network|Center|Centre|Committee|Council|Commission|Observatory|Monitor|Watch|Group|Organisation"
    "|Organization|Association|Institute|Foundation|Federation|League|Alliance|Society|Trust|Initiative|Forum"
    "|Agency|Mission|Programme|Program|Fund|Database|Tracker|Collective|Rights"
)
# A capital first, the boundary checked after it: the scan skips in C from one capital to the next.
_ORGANISATION = regexes.compile(
    r"[A-Z](?<![\w'’-].)[\w'’-]*(?:\s+(?:(?:of|for|on|the|and|in)\s+)?[A-Z][\w'’-]*){0,5}"
)
# Each word opens with its capital, so that a text without any is passed over in C.
_ORGANISATION_WORD = regexes.compile(
    "(?:" + "|".join(rf"{w[0]}(?<!\w.){w[1:]}" for w in _ORGANISATION_WORDS.split("|")) + r")\b"
)
# "l'ONG Mwatana", "the rights group B'Tselem", "a spokesman for the Southern Front": a name the gazetteer
# does not know, after a word for a group (with its article before it) or for who speaks for one. The words
# are found by str.find, in C: a pattern tried at every character of the article costs far more.
_GROUP_NOUNS = (
    "ONG",
    "NGO",
    "organisation",
    "association",
    "charity",
    "watchdog",
    "rights group",
    "monitoring group",
)
_DETERMINER_BEFORE = regexes.compile(r"(?<![\w'’])(?:[Ll]['’]\s*|[Tt]he\s+(?:[\w-]+\s+)?)$")
_SPOKESPERSON_OF = regexes.compile(
    r"(?:porte-parole\s+(?:du|des|de\s+la|de\s+l['’]|de)|spokes(?:man|woman|person)\s+for(?:\s+the)?)\s*"
)
_NAME = regexes.compile(
    r"\s*([A-Z\u00c0-\u00dd][\w'’-]+(?:\s+(?:(?:of|for|on|the|and|de|du|des|pour)\s+)?[A-Z\u00c0-\u00dd][\w'’-]*){0,4})"
)
# A belligerent's words: "a spokesman for the Southern Front" speaks for a party to the war.
_PARTY_WORDS = regexes.compile(
    r"\b(?:Army|Armée|Front|Forces|Brigades?|Militia|Milices?|Government|Gouvernement|Ministry|Ministère|Police"
    r"|Command|Commandement|Movement|Mouvement)\b"
)
_LEADING_ARTICLE = regexes.compile(r"^(?:The|Le|La|Les|L['’])\s*")
_MEDIA_WORDS = regexes.compile(r"\b(?:Agency|News|Press|Radio|Television|TV)\b")


def organisations(original: str, taken) -> list[Mention]:
    """Return the organisations named in `original` that no known claimant's name covers.

    Two capitalised words or more, one of them a word organisations are named with
    ("Project", "Network", "Observatory"...), or a capitalised name after a word for a group
    ("l'ONG Mwatana"): a name a reader would take for a source.
    """
    found = _described(original, taken)
    if not _ORGANISATION_WORD.search(original):
        return found
    taken = [*taken, *((n.start, n.end) for n in found)]
    for m in _ORGANISATION.finditer(original):
        words = _LEADING_ARTICLE.sub("", m.group())
        start = m.end() - len(words)
        if len(words.split()) < 2 or not _ORGANISATION_WORD.search(words):
            continue
        if any(s < m.end() and start < e for s, e in taken):
            continue
        kind = "media" if _MEDIA_WORDS.search(words) else "independent"
        found.append(Mention(Claimant(" ".join(words.split()), kind), start, m.end()))
    return found


def _described(original: str, taken) -> list[Mention]:
    """Return the organisations named after a word for a group ("l'ONG Mwatana") or for who speaks for
    one ("un porte-parole du Front Sud"), outside `taken`."""
    named = []  # (name match, whether a spokesman speaks for it)
    for noun in _GROUP_NOUNS:
        for at in _places_of(original, noun):
            if _DETERMINER_BEFORE.search(original, max(0, at - 20), at):
                named.append((_NAME.match(original, at + len(noun)), False))
    for word in ("porte-parole", "spokes"):
        for at in _places_of(original, word):
            of = _SPOKESPERSON_OF.match(original, at)
            name = of and _NAME.match(original, of.end())
            named.append((name if name and _speaks_for(name.group(1)) else None, True))
    found = []
    for name, spoken_for in named:
        if name is None or any(s < name.end(1) and name.start(1) < e for s, e in taken):
            continue
        words = " ".join(name.group(1).split())
        kind = "official" if spoken_for and _PARTY_WORDS.search(words) else "independent"
        found.append(Mention(Claimant(words, kind), name.start(1), name.end(1)))
    return sorted(found, key=lambda mention: mention.start)


def _places_of(text: str, word: str):
    """Yield where `word` stands in `text`, found by str.find."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + len(word))


def _speaks_for(name: str) -> bool:
    """Tell a body a spokesman speaks for ("the Southern Front", "the FSA") from a word or a place ("la
    Défense civile", "the Nineveh health directorate"): two capitalised words, or an acronym."""
    words = name.split()
    return len(words) > 1 or (name.isupper() and len(name) > 1 and name not in _GROUP_NOUNS)


class ClaimantIndex:
    """Find every claimant named in a folded text, in one pass of one pattern."""

    def __init__(self, claimants):
        self.claimants = tuple(claimants)
        self._by_alias: dict[str, tuple[Claimant, bool, bool]] = {}
        self._spellings: set[str] = set()  # names not in capitals: "Onu" beside "ONU" is written so too
        for claimant in self.claimants:
            for name in claimant.names():
                key = fold(name)
                if key and key not in self._by_alias:
                    self._by_alias[key] = (claimant, _is_acronym(name), _is_titled(name))
                if not name.isupper():
                    self._spellings.add(name)
        names = alternation(self._by_alias)
        self.scan = WordScan(rf"{names}(?![\w-]|\.[\w-])", not_after=r"\w@-") if self._by_alias else None

    def mentions(self, folded: str, original: str, start: int = 0, end: int | None = None):
        """Yield the Mentions in folded[start:end]; `original` checks the capitals of acronyms and titles."""
        if self.scan is None:
            return
        end = len(folded) if end is None else end
        named = []
        for s, e, _ in self.scan.finditer(folded, start, end):
            claimant, acronym, titled = self._by_alias[" ".join(folded[s:e].split())]
            written = original[s:e]
            if (not acronym or written.isupper() or written in self._spellings) and (
                not titled or _capitalised(written)
            ):
                named.append(Mention(claimant, s, e))
        yield from named
        for m in _POSSESSIVE_GOVERNMENT.finditer(folded, start, end):
            country = _COUNTRY_BEFORE.search(folded, max(start, m.start() - 25), m.start())
            claimant = self.find(country_authorities(country.group("country"))) if country else None
            if claimant is not None and not any(n.start < m.end() and country.start() < n.end for n in named):
                yield Mention(claimant, country.start(), m.end())
        for m in _COUNTRY_SPEAKS.finditer(original, start, end):
            word = fold(m.group())
            if word.endswith("s") or _PLACE_PREPOSITION_BEFORE.search(
                folded, max(start, m.start() - 8), m.start()
            ):
                continue  # "Syrians said": people, not their government; "in Ukraine said to be": a place
            # one compiled test first: country_authorities tries the countries' patterns one by one
            claimant = self.find(country_authorities(word)) if COUNTRY_WORD.fullmatch(word) else None
            if claimant is not None and not any(n.start < m.end() and m.start() < n.end for n in named):
                yield Mention(claimant, m.start(), m.end())
        if "ministere" in folded:  # tested in C: most texts name no ministry in French
            for m in _FRENCH_MINISTRY.finditer(folded, start, end):
                words = m.group("country") or m.group("after")
                claimant = self.find(country_authorities(words)) if words else None
                if claimant is not None and not any(n.start < m.end() and m.start() < n.end for n in named):
                    yield Mention(claimant, m.start(), m.end())

    def find(self, name: str) -> Claimant | None:
        """Return the claimant that has `name` as its name or an alias."""
        entry = self._by_alias.get(fold(name))
        return entry[0] if entry else None


@lru_cache(maxsize=32)
def claimant_index(claimants: tuple[Claimant, ...]) -> ClaimantIndex:
    """Return the compiled index for a gazetteer (compiled once per distinct gazetteer)."""
    return ClaimantIndex(claimants)
