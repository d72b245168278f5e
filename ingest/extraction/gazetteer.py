"""Who states figures: claimants, their kinds, their French and English names.

Editors keep claimants and aliases in the database; the app passes them in as
`Claimant` objects, and DEFAULT_GAZETTEER is the built-in list it starts from. Names are
matched case- and accent-insensitively ("OSDH" = "Observatoire syrien des droits de
l'Homme" = "SOHR"), except all-capital acronyms of three letters or fewer ("UN", "AP") which
must be written in capitals so that the French article "un" is not the United Nations.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from .folding import fold
from .patterns import alternation

KINDS = ("official", "independent", "state_media", "media")


@dataclass(frozen=True)
class Claimant:
    """A source of figures; `kind` is official (a belligerent counting its own toll),
    independent (NGO, monitor, UN), state_media or media."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def matches(self, name: str) -> bool:
        """Tell whether `name` is this claimant's name or one of its aliases."""
        key = fold(name)
        return any(fold(n) == key for n in self.names())


def _c(name, kind, *aliases):
    return Claimant(name, kind, tuple(aliases))


DEFAULT_GAZETTEER: tuple[Claimant, ...] = (
    _c(
        "US-led coalition",
        "official",
        "coalition",
        "coalition internationale",
        "international coalition",
        "global coalition",
        "coalition occidentale",
        "western coalition",
        "US-led coalition",
        "U.S.-led coalition",
        "anti-IS coalition",
        "anti-ISIS coalition",
        "coalition anti-EI",
        "coalition anti-djihadiste",
        "coalition anti-jihadiste",
        "CJTF-OIR",
        "CJTF",
        "Combined Joint Task Force",
        "Operation Inherent Resolve",
        "Inherent Resolve",
        "opération Inherent Resolve",
        "groupe des forces interarmées",
        "forces interarmées",
    ),
    _c(
        "CENTCOM",
        "official",
        "Centcom",
        "Central Command",
        "US Central Command",
        "U.S. Central Command",
        "commandement central américain",
        "commandement central",
        "commandement militaire américain au Moyen-Orient",
        "commandement américain au Moyen-Orient",
    ),
    _c(
        "Pentagon",
        "official",
        "Pentagone",
        "Department of Defense",
        "Defense Department",
        "DoD",
        "département de la Défense",
        "ministère américain de la Défense",
        "US defense secretary",
        "secrétaire américain à la Défense",
    ),
    _c(
        "US military",
        "official",
        "U.S. military",
        "American military",
        "armée américaine",
        "militaires américains",
        "forces américaines",
        "US forces",
        "U.S. forces",
        "US Army",
        "U.S. Army",
        "US Air Force",
        "commandement militaire américain",
        "commandement américain",
        "US officials",
        "U.S. officials",
        "responsables américains",
        "officials in Washington",
    ),
    _c(
        "US government",
        "official",
        "Washington",
        "United States",
        "Etats-Unis",
        "U.S. government",
        "US government",
        "gouvernement américain",
        "Maison Blanche",
        "White House",
        "State Department",
        "département d'Etat",
        "US authorities",
        "U.S. authorities",
        "autorités américaines",
        "American authorities",
    ),
    _c(
        "Resolute Support",
        "official",
        "Resolute Support mission",
        "NATO's Resolute Support",
        "NATO's Resolute Support mission",
        "mission Resolute Support",
        "mission de l'Otan Resolute Support",
        "US-led NATO mission",
        "NATO mission in Afghanistan",
        "mission de l'Otan en Afghanistan",
    ),
    _c(
        "Taliban",
        "official",
        "talibans",
        "Zabihullah Mujahid",
        "Zabiullah Mujahid",
        "Taliban spokesman",
        "porte-parole des talibans",
    ),
    _c(
        "UK Ministry of Defence",
        "official",
        "British Ministry of Defence",
        "UK MoD",
        "ministère britannique de la Défense",
        "MoD",
        "Britain",
        "UK",
        "United Kingdom",
        "Royaume-Uni",
        "British government",
        "UK government",
        "gouvernement britannique",
        "British defence secretary",
        "UK defence secretary",
    ),
    _c("Australian Defence Force", "official", "Australian Defence Department", "armée australienne"),
    _c(
        "Russian Ministry of Defence",
        "official",
        "Russian Defence Ministry",
        "Russian Defense Ministry",
        "Russian Ministry of Defense",
        "ministère russe de la Défense",
        "Russia's defence ministry",
        "Russia's defense ministry",
        "Russia's Ministry of Defence",
        "armée russe",
        "Russian military",
        "Moscou",
        "Moscow",
        "Kremlin",
    ),
    _c(
        "Syrian government",
        "official",
        "gouvernement syrien",
        "régime syrien",
        "Damas",
        "Damascus",
        "Syrian authorities",
        "autorités syriennes",
        "ministère syrien de la Santé",
        "Syrian health ministry",
        "Syrian Health Ministry",
        "Syria's health ministry",
        "Syrian state media",
        "médias d'Etat syriens",
        "Syrian officials",
        "responsables syriens",
        "Syrian army",
        "armée syrienne",
        "Syrian military",
    ),
    _c(
        "Iraqi authorities",
        "official",
        "autorités irakiennes",
        "Iraqi government",
        "gouvernement irakien",
        "Iraqi officials",
        "responsables irakiens",
        "Iraqi health ministry",
        "ministère irakien de la Santé",
        "armée irakienne",
        "Iraqi military",
        "Iraqi army",
        "Joint Operations Command",
        "commandement des opérations conjointes",
        "Iraqi civil defence",
        "Iraqi Civil Defense",
        "Défense civile irakienne",
        "Iraq's Health Ministry",
        "Iraq's health ministry",
        "Iraqi Prime Minister",
        "Iraq's prime minister",
        "Premier ministre irakien",
        "ministère irakien de l'Intérieur",
        "Iraqi interior ministry",
        "Iraq's interior ministry",
        "Iraqi military spokesman",
        "porte-parole de l'armée irakienne",
        "Iraqi commanders",
        "commandants irakiens",
        "Iraqi security forces",
    ),
    _c(
        "Afghan authorities",
        "official",
        "autorités afghanes",
        "Afghan government",
        "gouvernement afghan",
        "Afghan officials",
        "Afghan interior ministry",
        "ministère afghan de l'Intérieur",
        "Afghan health ministry",
        "ministère afghan de la Santé",
        "Afghan defence ministry",
        "Afghan defense ministry",
        "ministère afghan de la Défense",
        "Afghanistan's Defense Ministry",
        "Afghanistan's Defence Ministry",
        "Afghanistan's interior ministry",
        "Afghan Ministry of Interior",
        "responsables afghans",
    ),
    _c("SDF", "official", "Syrian Democratic Forces", "Forces démocratiques syriennes", "FDS"),
    _c(
        "Kurdish authorities",
        "official",
        "autorités kurdes",
        "autorités kurdes locales",
        "Kurdish officials",
        "responsables kurdes",
        "administration kurde",
        "administration semi-autonome kurde",
        "Kurdish-led administration",
        "Kurdish administration",
    ),
    _c(
        "Iraqi High Commission for Human Rights",
        "official",
        "High Commission for Human Rights",
        "Iraqi Human Rights Commission",
        "IHCHR",
        "Haut-Commissariat irakien aux droits de l'homme",
        "Commission irakienne des droits de l'homme",
    ),
    _c(
        "Turkish authorities",
        "official",
        "autorités turques",
        "Turkish government",
        "gouvernement turc",
        "Turkish officials",
        "responsables turcs",
        "Ankara",
        "Turkish defence ministry",
        "Turkish defense ministry",
        "ministère turc de la Défense",
        "Turkish military",
        "armée turque",
    ),
    *(
        _c(
            f"{people} authorities",
            "official",
            f"{people} government",
            f"{people} officials",
            f"{people} health ministry",
            f"{people} interior ministry",
            *french,
        )
        for people, french in (
            (
                "Libyan",
                (
                    "autorités libyennes",
                    "gouvernement libyen",
                    "responsables libyens",
                    "Tripoli government",
                    "Government of National Accord",
                    "gouvernement d'union nationale",
                    "GNA",
                ),
            ),
            ("Yemeni", ("autorités yéménites", "gouvernement yéménite", "responsables yéménites")),
            ("Somali", ("autorités somaliennes", "gouvernement somalien", "responsables somaliens")),
            (
                "Pakistani",
                ("autorités pakistanaises", "gouvernement pakistanais", "responsables pakistanais"),
            ),
            ("Lebanese", ("autorités libanaises", "gouvernement libanais", "responsables libanais")),
        )
    ),
    _c("Airwars", "independent", "Airwars.org"),
    _c("Amnesty International", "independent", "Amnesty", "Amnistie internationale"),
    _c("Human Rights Watch", "independent", "HRW"),
    _c(
        "SOHR",
        "independent",
        "OSDH",
        "Syrian Observatory for Human Rights",
        "Syrian Observatory",
        "Observatoire syrien des droits de l'Homme",
        "Observatoire syrien des droits humains",
        "Observatoire syrien",
    ),
    _c(
        "SNHR",
        "independent",
        "Syrian Network for Human Rights",
        "Réseau syrien des droits de l'Homme",
        "Réseau syrien pour les droits de l'Homme",
        "RSDH",
        "Syrian Network",
    ),
    _c(
        "White Helmets",
        "independent",
        "Casques blancs",
        "Syrian Civil Defence",
        "Syrian Civil Defense",
        "défense civile syrienne",
        "Syria Civil Defence",
    ),
    _c(
        "Iraqi Observatory for Human Rights",
        "independent",
        "IOHR",
        "Observatoire irakien des droits de l'Homme",
        "Iraqi Observatory",
        "Observatoire irakien des droits humains",
        "Observatoire irakien",
    ),
    _c("Iraq Body Count", "independent", "IBC"),
    _c(
        "AIHRC",
        "independent",
        "Afghanistan Independent Human Rights Commission",
        "Afghan Independent Human Rights Commission",
        "Commission afghane indépendante des droits de l'homme",
        "Commission indépendante afghane des droits de l'homme",
        "Commission indépendante des droits de l'homme en Afghanistan",
    ),
    _c("SAMS", "independent", "Syrian American Medical Society", "Société médicale syro-américaine"),
    _c(
        "UNAMA",
        "independent",
        "MANUA",
        "UN Assistance Mission in Afghanistan",
        "United Nations Assistance Mission in Afghanistan",
        "U.N. Assistance Mission in Afghanistan",
        "Mission d'assistance des Nations unies en Afghanistan",
        "UN mission in Afghanistan",
        "U.N. mission in Afghanistan",
        "United Nations mission in Afghanistan",
        "mission de l'ONU en Afghanistan",
        "mission des Nations unies en Afghanistan",
    ),
    _c(
        "UNAMI",
        "independent",
        "UN Assistance Mission for Iraq",
        "United Nations Assistance Mission for Iraq",
        "U.N. Assistance Mission for Iraq",
        "Mission d'assistance des Nations unies pour l'Irak",
        "MANUI",
        "UN mission in Iraq",
        "U.N. mission in Iraq",
        "United Nations mission in Iraq",
        "mission de l'ONU en Irak",
        "mission des Nations unies en Irak",
    ),
    _c(
        "UN",
        "independent",
        "ONU",
        "U.N.",
        "United Nations",
        "Nations unies",
        "Organisation des Nations unies",
        "OHCHR",
        "HCDH",
        "UN human rights office",
        "U.N. human rights office",
        "UN human rights chief",
        "U.N. human rights chief",
        "UN High Commissioner for Human Rights",
        "U.N. High Commissioner for Human Rights",
        "Haut-Commissariat aux droits de l'homme",
        "Haut-Commissariat de l'ONU aux droits de l'homme",
        "Haute-Commissaire de l'ONU aux droits de l'homme",
        "Haut-Commissaire de l'ONU aux droits de l'homme",
        "Michelle Bachelet",
        "Bachelet",
        "Zeid Ra'ad Al Hussein",
        "UN Commission of Inquiry",
        "commission d'enquête de l'ONU",
        "UNICEF",
        "Unicef",
        "OCHA",
        "UN humanitarian office",
        "U.N. humanitarian office",
        "bureau des affaires humanitaires de l'ONU",
        "UN Security Council",
        "WHO",
        "World Health Organization",
        "OMS",
        "Organisation mondiale de la santé",
        "UNHCR",
        "HCR",
        "UN refugee agency",
        "Haut-Commissariat aux réfugiés",
        "UN Secretary-General",
        "secrétaire général de l'ONU",
        "UN envoy",
        "U.N. envoy",
        "émissaire de l'ONU",
        "UN children's agency",
        "agence onusienne",
    ),
    _c("ACLED", "independent"),
    _c(
        "MSF",
        "independent",
        "Médecins sans frontières",
        "Doctors Without Borders",
        "Medecins Sans Frontieres",
    ),
    _c("Kurdish Red Crescent", "independent", "Croissant-Rouge kurde", "Heyva Sor a Kurd"),
    _c(
        "ICRC",
        "independent",
        "CICR",
        "Red Cross",
        "Croix-Rouge",
        "International Committee of the Red Cross",
        "Comité international de la Croix-Rouge",
        "Syrian Arab Red Crescent",
        "Croissant-Rouge arabe syrien",
        "Iraqi Red Crescent",
        "Croissant-Rouge irakien",
        "Red Crescent",
        "Croissant-Rouge",
    ),
    _c(
        "SANA",
        "state_media",
        "Syrian Arab News Agency",
        "agence de presse syrienne",
        "agence officielle syrienne",
        "Syria's state news agency",
        "Syrian state news agency",
        "Syria's official news agency",
        "Syrian official news agency",
        "SANA agency",
        "agence de presse officielle syrienne",
    ),
    _c("Amaq", "state_media", "Aamaq", "agence Amaq", "Amaq news agency"),
    _c("IRNA", "state_media"),
    _c("TASS", "state_media"),
    _c("Sputnik", "state_media"),
    _c("AP", "media", "Associated Press"),
    _c("AFP", "media", "Agence France-Presse", "Agence France Presse"),
    _c("Reuters", "media"),
    _c("RT France", "media", "RT", "Russia Today", "RTenfrancais"),
    _c("BBC", "media"),
    _c("CNN", "media"),
    _c("Al Jazeera", "media", "Al-Jazeera"),
    _c("The New York Times", "media", "New York Times", "NYT"),
    _c("Le Monde", "media"),
)


def _is_acronym(name: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", name)
    return name.isupper() and len(letters) <= 3


@dataclass(frozen=True)
class Mention:
    """A claimant's name as it stands in the text."""

    claimant: Claimant
    start: int
    end: int


# Where unnamed officials speak for their country: the country's words, and whose authorities they are.
COUNTRY_AUTHORITIES = (
    ("Iraqi authorities", r"iraq|irak"),
    ("Afghan authorities", r"afghan"),
    ("Syrian government", r"syri"),
    ("Turkish authorities", r"turkey|turkish|turqu|turc"),
    ("Libyan authorities", r"liby|tripoli|benghazi|misrata|syrte|sirte|tajoura"),
    ("Yemeni authorities", r"yemen|sanaa|aden|hodeida|taez|taiz|marib"),
    ("Somali authorities", r"somali|mogadiscio|mogadishu"),
    ("Pakistani authorities", r"pakistan|peshawar|quetta|karachi"),
    ("Lebanese authorities", r"liban|leban|beyrouth|beirut"),
)
# "Libya's U.N.-backed government", "Iraq's interior ministry": a country's officials, named by the country.
# The scan looks for the "'s" first (a literal, found in C), then for the country before it.
_POSSESSIVE_GOVERNMENT = re.compile(
    r"'s\s+(?:[\w.-]+\s+){0,2}?(?:government|authorities|(?:health|interior|defen[cs]e)\s+ministry)(?![\w-])"
)
_COUNTRY_BEFORE = re.compile(
    r"(?<![\w-])(?P<country>" + "|".join(f"(?:{words})\\w*" for _, words in COUNTRY_AUTHORITIES) + r")$"
)


def country_authorities(words: str) -> str:
    """Return the name of the authorities of the country `words` name ("Libya", "Tripoli"), if one."""
    return next((name for name, pattern in COUNTRY_AUTHORITIES if re.match(pattern, words)), "")


# An organisation the gazetteer does not know, named in capitals: "the Yemen Data Project said".
_ORGANISATION_WORDS = (
    "Project|Network|Center|Centre|Committee|Council|Commission|Observatory|Monitor|Watch|Group|Organisation"
    "|Organization|Association|Institute|Foundation|Federation|League|Alliance|Society|Trust|Initiative|Forum"
    "|Agency|Mission|Programme|Program|Fund|Database|Tracker|Collective"
)
# A capital first, the boundary checked after it: the scan skips in C from one capital to the next.
_ORGANISATION = re.compile(
    r"[A-Z](?<![\w'’-].)[\w'’-]*(?:\s+(?:(?:of|for|on|the|and|in)\s+)?[A-Z][\w'’-]*){0,5}"
)
# Each word opens with its capital, so that a text without any is passed over in C.
_ORGANISATION_WORD = re.compile(
    "(?:" + "|".join(rf"{w[0]}(?<!\w.){w[1:]}" for w in _ORGANISATION_WORDS.split("|")) + r")\b"
)
_LEADING_ARTICLE = re.compile(r"^(?:The|Le|La|Les|L['’])\s*")
_MEDIA_WORDS = re.compile(r"\b(?:Agency|News|Press|Radio|Television|TV)\b")


def organisations(original: str, taken) -> list[Mention]:
    """Return the organisations named in `original` that no known claimant's name covers.

    Two capitalised words or more, one of them a word organisations are named with
    ("Project", "Network", "Observatory"...): a name a reader would take for a source.
    """
    found = []
    if not _ORGANISATION_WORD.search(original):
        return found
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


class ClaimantIndex:
    """Find every claimant named in a folded text, in one pass of one pattern."""

    def __init__(self, claimants):
        self.claimants = tuple(claimants)
        self._by_alias: dict[str, tuple[Claimant, bool]] = {}
        for claimant in self.claimants:
            for name in claimant.names():
                key = fold(name)
                if key and key not in self._by_alias:
                    self._by_alias[key] = (claimant, _is_acronym(name))
        names = alternation(self._by_alias)
        self.pattern = re.compile(rf"(?<![\w@-]){names}(?![\w-]|\.[\w-])") if self._by_alias else None

    def mentions(self, folded: str, original: str, start: int = 0, end: int | None = None):
        """Yield the Mentions in folded[start:end]; `original` checks acronyms' capitals."""
        if self.pattern is None:
            return
        end = len(folded) if end is None else end
        named = []
        for m in self.pattern.finditer(folded, start, end):
            claimant, acronym = self._by_alias[" ".join(m.group().split())]
            if not acronym or original[m.start() : m.end()].isupper():
                named.append(Mention(claimant, m.start(), m.end()))
        yield from named
        for m in _POSSESSIVE_GOVERNMENT.finditer(folded, start, end):
            country = _COUNTRY_BEFORE.search(folded, max(start, m.start() - 25), m.start())
            claimant = self.find(country_authorities(country.group("country"))) if country else None
            if claimant is not None and not any(n.start < m.end() and country.start() < n.end for n in named):
                yield Mention(claimant, country.start(), m.end())

    def find(self, name: str) -> Claimant | None:
        """Return the claimant that has `name` as its name or an alias."""
        entry = self._by_alias.get(fold(name))
        return entry[0] if entry else None


@lru_cache(maxsize=32)
def claimant_index(claimants: tuple[Claimant, ...]) -> ClaimantIndex:
    """Return the compiled index for a gazetteer (compiled once per distinct gazetteer)."""
    return ClaimantIndex(claimants)
