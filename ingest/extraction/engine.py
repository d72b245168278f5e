"""Read an article and return every casualty figure it states, attributed.

The article is folded once (same length, so offsets stay valid), cut into sentences,
and each sentence is read once: its claimants, scope, places, perpetrators and dates.
A figure takes each attribute from its own sentence first, then from the sentences before
it, then from a default; its claimant is chosen among candidates across the document
(`claimants.py`), and its scope and perpetrator are weighed by trained models after the
rules (`scopes.py`, `perpetrators.py`); the strength of the evidence decides which reading
wins when one figure is stated twice.
"""

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import repeat

from . import cues, regexes
from .attribution import (
    CITING,
    LOCAL_AUTHORITIES,
    SELON,
    UNNAMED_MINISTRY,
    Attribution,
    Attributor,
    describe_source,
    is_reference,
    tweet_signatures,
)
from .claimants import DENIES, Candidate, candidates, sentence_cues
from .dates import DateMention, Published, before_published, find_dates, header_date, parse_published
from .figure import Figure
from .folding import fold, fold_in_place
from .gazetteer import (
    COUNTRY_AUTHORITIES,
    COUNTRY_WORD,
    DEFAULT_GAZETTEER,
    Claimant,
    claimant_index,
    country_authorities,
    organisations,
)
from .grammar import COUNTED_BY, Reading, read_figures, read_numbers
from .patterns import Ending, Guarded, key_of, word_start
from .perpetrators import harm_kinds, perpetrator_options
from .persons import persons
from .ranker import Option, Rankers, default_rankers
from .read_once import read_once
from .scopes import scope_options, scope_words
from .sentences import split_sentences
from .spans import Spans

UNATTRIBUTED_CONFIDENCE = 0.55
CONTEXT = 2  # sentences looked back at for a scope, a place, a perpetrator or a date
CLAIM_REACH = 3  # sentences looked ahead at for who claimed an attack

# Each branch opens with a plain character so the scan can skip ahead; "et(?<!\w..)" is "\bet", its
# look-behind tried only after both letters.
_CLAUSE_BREAK = regexes.compile(
    r";|,\s*(?:mais|but|while|whereas|tandis\s+qu|alors\s+qu|quand|as\s+(?!well\b))|et(?<!\w..)\s*,|mais(?<!\w....)\b|wh(?<!\w..)(?:ile|ereas)\b"
)
# Common short words, and the words of a toll, so that a headline or a single sentence tells too: what
# each word tells, English (1) or French (-1), summed over the words in one pass.
_LEANING = {
    **dict.fromkeys(
        "le la les des du au aux et selon qui dans pour par sur une est ont sont ete il elle"
        " tues tuees morts blesses personnes dont enfants civils".split(),
        -1,
    ),
    **dict.fromkeys(
        "the and of to in by at according were was that with has have is are said it its"
        " killed wounded injured people including children civilians".split(),
        1,
    ),
}
_WORD = regexes.compile(r"\w+")
_NOT_WORD = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})
_HOME = (
    ("afghanistan", regexes.compile(r"afghan|unama|manua")),
    ("syria", regexes.compile(r"syri|osdh|sohr|sana|casques|white helmets|damas")),
    ("iraq", regexes.compile(r"irak|iraq|unami")),
    ("iraq_syria", regexes.compile(r"coalition|cjtf|inherent resolve|centcom|airwars")),
)
_OWN_SIDE = (
    # Riyadh's coalition is not the US-led one
    ("other", regexes.compile(r"saudi|saoudi|arab coalition|coalition arabe")),
    (
        "coalition",
        regexes.compile(
            r"coalition|cjtf|inherent resolve|centcom|central command|africom|africa command|pentagon"
            r"|\bu\.?s\.? "
            r"|\bus-|american|americain|etats-unis|united states|washington|australia|\buk |"
            r"british|britannique|france|francais|french"
        ),
    ),
    ("russia", regexes.compile(r"russ|moscou|moscow|kremlin")),
    ("syria_gov", regexes.compile(r"syrian government|gouvernement syrien|regime|damas")),
)


class SentenceFacts:
    """What one sentence says besides its numbers, each read on first use only."""

    def __init__(self, article: "Article", start: int, end: int, paragraph: int, line_start: bool):
        self.article = article
        self.start, self.end = start, end
        self.paragraph = paragraph
        self.line_start = line_start
        self.attributions: list[Attribution] = []
        self.mentioned: list[Attribution] = []  # names that state nothing by rule: candidates all the same
        self.tweet: Claimant | None = None
        self.readings: list[Reading] = []  # its figures, once read
        self.memo: dict = {}  # what the later stages read once for all its figures
        self.index = 0  # its place in the article's sentences

    @read_once
    def air_harm(self) -> bool:
        """Whether it names strikes from the air (`_AIR_HARM`)."""
        return bool(_AIR_HARM.search(folded_sentence(self)))

    @read_once
    def scope_cues(self) -> list[tuple[str, int, int]]:
        pub = self.article.pub
        return cues.scope_cues(self.article.folded, self.start, self.end, pub.year if pub else None)

    @read_once
    def scope_words(self) -> list[tuple[str, list[int]]]:
        return scope_words(self.article.folded, self.start, self.end)

    @read_once
    def scope(self) -> str | None:
        return cues.SCOPE_OF[self.scope_cues[0][0]] if self.scope_cues else None

    @read_once
    def carried_scope(self) -> str | None:
        """Return the scope this sentence lends the next ones: a month named here dates a statement."""
        return next(
            (cues.SCOPE_OF[cue] for cue, _, _ in self.scope_cues if cue not in ("month", "said_day")), None
        )

    @read_once
    def countries(self) -> set[str]:
        return {place for _, _, place in self.article.places.within(self.start, self.end)}

    @read_once
    def perpetrators(self) -> list[tuple[int, int, str]]:
        """Every harm with a named actor, read only in the sentences a figure looks at."""
        a = self.article
        return cues.perpetrators(a.perpetrator_scan, self.start, self.end, named=a.named)

    @read_once
    def claims_attack(self) -> bool:
        return bool(self.article.claims.within(self.start, self.end))

    @read_once
    def dates(self) -> list[DateMention]:
        a = self.article
        return [
            d
            for d in find_dates(a.folded, self.start, self.end, a.pub, a.text)
            if before_published(d.value, a.pub)
        ]

    @read_once
    def geo_breaks(self) -> list[int]:
        return [m.start() for m in _GEO_BREAK.finditer(self.article.folded, self.start, self.end)]

    @read_once
    def breaks(self) -> list[int]:
        return [m.start() for m in _CLAUSE_BREAK.finditer(self.article.folded, self.start, self.end)]

    @read_once
    def names_both_countries(self) -> bool:
        """Whether it says "dans les deux pays" or "both countries": read once for all its figures."""
        folded, start, end = self.article.folded, self.start, self.end
        if folded.find("pays", start, end) < 0 and folded.find("countries", start, end) < 0:
            return False  # most sentences name no country at all: two substring tests in C spare the scan
        return bool(_BOTH_COUNTRIES.search(folded, start, end))

    @read_once
    def new_totals(self) -> list[tuple[int, int]]:
        """(where its words start, where its number starts) for each figure the sentence brings a tally to
        ("portant à 840 le nombre de civils tués"): read once for all its figures."""
        folded, found = self.article.folded, []
        for reading in self.readings:
            words = _BROUGHT_TO.search(folded, max(self.start, reading.start - 90), reading.start)
            if words:
                found.append((words.start(), reading.start))
        return found

    @read_once
    def compares_toll(self) -> bool:
        """Whether it puts a toll higher or lower than another, or follows a sentence of its paragraph
        that does and states no figure ("Others give a bloodier toll. According to Airwars, ...")."""
        folded = self.article.folded
        if _COMPARED_TOLL.search(folded, self.start, self.end):
            return True
        before = self.article.sentences[self.index - 1] if self.index else None
        return bool(
            before is not None
            and before.paragraph == self.paragraph
            and not before.readings
            and _COMPARED_TOLL.search(folded, before.start, before.end)
        )


@dataclass
class Article:
    """The text, its folded copy and its sentences; article-wide defaults on first use."""

    text: str
    folded: str
    pub: Published | None
    index: object
    sentences: list[SentenceFacts] = field(default_factory=list)
    named: dict = field(default_factory=dict)  # actors the whole article names, read once

    @read_once
    def mentions(self) -> Spans:
        """The claimants named: the gazetteer's (a bare "coalition" or "civil defence" read in its
        context), then organisations it does not know ("a Data Project"), then people who speak."""
        known = _saudi_coalition(list(self.index.mentions(self.folded, self.text)), self)
        known = _civil_defence(known, self)
        known = [m for m in known if not _COALITION_OF_GROUPS.match(self.folded, m.start, m.end + 60)]
        known += organisations(self.text, [(m.start, m.end) for m in known])
        known += persons(self.text, self.folded, known)
        return Spans((m.start, m.end, m.claimant) for m in known)

    @read_once
    def sentence_starts(self) -> list[int]:
        return [fact.start for fact in self.sentences]

    @read_once
    def places(self) -> Spans:
        """The places named, outside the claimants' names."""
        skip = [(s, e) for s, e, _ in self.mentions.spans]
        return Spans(cues.places(self.folded, 0, len(self.folded), skip=skip))

    @read_once
    def places_in_names(self) -> set[str]:
        """The countries the claimants' names hold ("the Gaza health ministry", "Yemen Data Project")."""
        return {place for s, e, _ in self.mentions.spans for _, _, place in cues.places(self.folded, s, e)}

    @read_once
    def perpetrator_scan(self) -> str:
        """The folded text with each capital "IS" read as the Islamic State."""
        return cues.islamic_state_scan(self.folded, self.text)

    @read_once
    def claims(self) -> Spans:
        """Every "claimed responsibility" or "revendiqué", in one pass."""
        if "claim" not in self.folded and "revendiqu" not in self.folded:
            return Spans(())  # most articles claim nothing: two substring tests in C spare the scan
        return Spans((m.start(), m.end(), None) for m in cues.CLAIMED.finditer(self.folded))

    @read_once
    def actors_named(self) -> set[str]:
        """The belligerents the article names anywhere, or lets speak for themselves."""
        named = set(_actors_named(self.folded, 0, len(self.folded)))
        named.update(_own_side(c) for _, _, c in self.mentions.spans if c.kind == "official")
        return named

    @read_once
    def blamed(self) -> str | None:
        """Return who the article says was blamed for its attack ("blamed the attack on X"), if one actor."""
        return self._first_actor(lambda fact: bool(_BLAMED.search(self.folded, fact.start, fact.end)))

    @read_once
    def claimed(self) -> str | None:
        """Return who the article says claimed its attack, if one claim names an actor."""
        return self._first_actor(lambda fact: fact.claims_attack)

    def _first_actor(self, says) -> str | None:
        """Return the first actor of the first sentence that `says` it, where that sentence names one."""
        for fact in self.sentences:
            if says(fact):
                actors = [actor for _, _, actor in fact.perpetrators] or _named_actors(fact, self)
                if actors:
                    return actors[0]
        return None

    def release(self) -> None:
        """Let go of the sentences, which refer back to the article, and of what they read once.

        Held in such cycles, some 400 objects an article were left to the cyclic collector, whose
        passes took about 3% of an extraction; let go, they are freed at once.
        """
        for fact in self.sentences:
            fact.memo.clear()  # the sentence's cues, which refer back to it
        self.sentences.clear()

    @read_once
    def geography(self) -> str | None:
        """Return the article's country: the one it names three times in four, else all it names."""
        counts = Counter(place for _, _, place in self.places.spans)
        if counts:
            place, n = counts.most_common(1)[0]
            if n * 4 >= sum(counts.values()) * 3:
                return place
        return cues.geography(set(counts))


def _saudi_coalition(mentions: list, article) -> list:
    """Read a bare "coalition" as the Saudi-led one where Saudi Arabia leads it nearby, or in an
    article about Yemen that never names the war on the Islamic State."""
    folded = article.folded
    if not _SAUDI.search(folded):
        return mentions
    saudi = article.index.find("Saudi-led coalition")
    yemen_only = not _WAR_ON_ISIS.search(folded)
    return [
        replace(m, claimant=saudi)
        if saudi is not None
        and m.claimant.name == "US-led coalition"
        and _BARE_COALITION.fullmatch(folded, m.start, m.end)
        and (yemen_only or _SAUDI.search(folded, max(0, m.start - 150), m.end + 150))
        else m
        for m in mentions
    ]


def _civil_defence(mentions: list, article) -> list:
    """Keep a bare "civil defence" as Syria's White Helmets in an article about Syria, read it as
    Gaza's in an article about Gaza, and as nobody known elsewhere."""
    folded = article.folded
    bare = [m for m in mentions if _BARE_CIVIL_DEFENCE.fullmatch(folded, m.start, m.end)]
    if not bare:
        return mentions
    syria, iraq, gaza = (len(pattern.findall(folded)) for pattern in (_SYRIA, _IRAQ, _GAZA))
    if syria > iraq and syria >= gaza:
        return mentions
    gaza_civil_defence = article.index.find("Gaza civil defence") if gaza > syria else None
    if gaza_civil_defence is not None:
        return [replace(m, claimant=gaza_civil_defence) if m in bare else m for m in mentions]
    return [m for m in mentions if m not in bare]


# "le Hachd al-Chaabi, coalition de groupes armés": a coalition, not the coalition.
_COALITION_OF_GROUPS = regexes.compile(
    r"coalition\s+(?:de|d'|of)\s+(?:[\w-]+\s+)?(?:groupes?|groups?|milices|militias|partis|parties|factions"
    r"|rebelles|rebels|tribus|tribes|organisations|organizations|ong|ngos|associations)\b"
)
_SAUDI = Guarded(regexes.compile(r"\b(?:saudi|saoudi|riyad)"), ("saudi", "saoudi", "riyad"))
_SYRIA = regexes.compile(r"\bsyri")
_IRAQ = regexes.compile(r"\bira[kq]")
_GAZA = regexes.compile(r"\bgaza\b")
_BARE_CIVIL_DEFENCE = regexes.compile(r"civil\s+defen[cs]e|defense\s+civile")
_WAR_ON_ISIS = regexes.compile(
    r"\b(?:daech|daesh|isis|isil|etat\s+islamique|islamic\s+state|jihadist|djihadist|us-led|u\.s\.-led)"
)
_BARE_COALITION = regexes.compile(r"coalition(?:\s+(?:internationale|international|militaire|arabe))?")


@dataclass
class Draft:
    """A figure being built, with the strength of the evidence for each attribute."""

    reading: Reading
    sentence: int
    claimant: Claimant | None
    attribution_confidence: float
    scope: str
    geography: str
    perpetrator: str
    as_of: str | None
    victims: str = "people"
    headline: bool = False
    new_total: bool = False  # "portant à 840 le nombre de civils tués": a tally's new total, read once
    increment: bool = False  # "35 civils en février, ce qui porte à 1 291 ...": what brings it to a new total
    strength: dict = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)
    attribution: Attribution | None = None  # where the chosen claimant is named, if by the rules or the text
    scope_options: list[Option] = field(default_factory=list)
    perpetrator_options: list[Option] = field(default_factory=list)


def extract(
    text: str, *, published=None, language: str = "auto", gazetteer=None, rankers: Rankers | None = None
) -> list[Figure]:
    """Return the casualty figures stated in `text`, in text order, each stated once."""
    article, drafts = read_article(
        text, published=published, language=language, gazetteer=gazetteer, rankers=rankers
    )
    found = figures(article, drafts)
    article.release()
    return found


def figures(article: "Article", drafts: list["Draft"]) -> list[Figure]:
    """Return the figures of an article's drafts, each figure stated twice kept once."""
    return [_figure(d, article.text, article.sentences) for d in _merge(drafts)]


def read_article(
    text: str, *, published=None, language: str = "auto", gazetteer=None, rankers: Rankers | None = None
) -> tuple["Article", list["Draft"]]:
    """Return the article and a draft of every figure it states, before the repeats are merged.

    Training reads the drafts' options; `rankers` replace the trained ones (cross-validation).
    """
    text = text if isinstance(text, str) else str(text or "")
    header, body_start = header_date(text)
    pub = parse_published(published) or parse_published(header)
    folded = fold_in_place(text)
    lang = language if language in ("fr", "en") else detect_language(folded)
    index = claimant_index(tuple(gazetteer)) if gazetteer is not None else _default_index()
    article = Article(text, folded, pub, index)
    facts = _read_sentences(article, body_start)
    # every sentence's numbers, then the figures among them: one pattern at a time, as in _read_ahead
    numbers = [read_numbers(folded, fact.start, fact.end, lang) for fact in facts]
    last, last_at = None, -3  # the last figure read, and in which sentence
    for i, fact in enumerate(facts):
        before = last if i - last_at <= 3 else None  # "At least 20 died. ... Four were children."
        fact.readings = read_figures(folded, fact.start, fact.end, numbers[i], before)
        if fact.readings:
            last, last_at = fact.readings[-1], i
    _read_ahead(facts)
    rankers = rankers or default_rankers()
    # every figure's claimant candidates, then its claimant, then each other attribute in turn: one stage
    # at a time for all the figures, as in _read_ahead (no figure's stages look at another figure)
    claims = [
        (i, reading, _claimant_candidates(reading, i, facts))
        for i, fact in enumerate(facts)
        for reading in fact.readings
    ]
    drafts = [
        _draft(reading, rule, found, i, facts, article, pub, rankers) for i, reading, (rule, found) in claims
    ]
    for stage in (_read_scope, _read_geography, _read_perpetrator, _read_as_of):
        for draft in drafts:
            stage(draft, facts, article)
    heads = Heads()
    for draft in drafts:
        _follow(draft, heads, facts)
        heads.add(draft)
    previous = None
    # the belligerents whose harm the rules read in the article's words ("barils d'explosifs")
    told = {d.perpetrator for d in drafts if d.strength["perpetrator"] == 2}
    for draft in drafts:  # the rules' readings, followed from figure to figure, then weighed by the models
        _choose_scope(draft, previous, facts, rankers, pub)
        _choose_perpetrator(draft, previous, facts, rankers, article)
        _keep_coalition_to_its_wars(draft, facts, article)
        _keep_to_belligerents_told(draft, article, told)
        previous = draft
    return article, drafts


# What the drafts read of every sentence that states a figure, read beforehand kind by kind for all of
# them: each kind's patterns are large, and scanning sentence after sentence with one while it is in the
# processor's caches, instead of switching patterns figure by figure, made extraction ~3% faster. Only
# what every such sentence has read: the same values, read earlier, and no more of them.
_READ_AHEAD = (
    "scope_cues",
    "perpetrators",
    "countries",
    "dates",
    "breaks",
    "new_totals",
    "claims_attack",
    "names_both_countries",
)


def _read_ahead(facts) -> None:
    stating = [fact for fact in facts if fact.readings]
    for name in _READ_AHEAD:
        for fact in stating:
            getattr(fact, name)


def _keep_to_belligerents_told(draft: Draft, article, told: set[str]) -> None:
    """Read no harm by a belligerent the article never tells of ("An attack left 15 dead"): the models'
    "coalition" is a prior learned from articles on its wars, and the text does not say whose the harm
    is. A belligerent is told of where the article names it, lets it speak, or the rules read its harm."""
    if (
        draft.perpetrator in ("coalition", "russia", "syria_gov", "isis")
        and draft.strength["perpetrator"] == 0
        and draft.perpetrator not in told
        and draft.perpetrator not in article.actors_named
    ):
        draft.perpetrator = "unknown"


@cache
def _default_index():
    """The built-in gazetteer's index, without hashing its claimants on every call."""
    return claimant_index(DEFAULT_GAZETTEER)


class Heads:
    """The last figure that is not a sub-count, overall and by claimant, as the article is read."""

    def __init__(self):
        self.last: Draft | None = None
        self.by_claimant: dict[Claimant, Draft] = {}

    def add(self, draft: Draft) -> None:
        if draft.reading.is_subcount:
            return
        self.last = draft
        if draft.claimant is not None:
            self.by_claimant[draft.claimant] = draft


def _follow(draft: Draft, heads: Heads, facts) -> None:
    """Take from the figures before what this one's words leave out.

    "53 décès" or "132 of those deaths" are the civilians the claimant counts; "quatre
    autres civils" adds to the toll before it; a figure with no word of scope or date
    of its own, nor around it, belongs with the claimant's figure before it.
    """
    reading = draft.reading
    own = heads.by_claimant.get(draft.claimant) if draft.claimant is not None else None
    if (reading.inherits_victims or reading.is_more) and draft.victims == "people":
        source = heads.last if _partitive(reading, facts, draft) else own
        if (
            source is not None
            and source.victims == "civilians"
            and (reading.inherits_victims or _family(source.reading.casualty) == _family(reading.casualty))
            and not cues.whole_war(
                facts[draft.sentence].article.folded, facts[draft.sentence].start, reading.end + 80
            )
        ):
            draft.victims = (
                source.victims
            )  # "another 461 died" after civilian deaths, not "23 others were wounded"
    previous = own or heads.last
    if previous is None:
        return
    stated_scope = draft.strength["scope"] == 2  # its own words tell its scope
    if (reading.is_more and draft.strength["scope"] < 2) or draft.strength["scope"] == 0:
        draft.scope = previous.scope
        draft.strength["scope"] = 1 if reading.is_more else 0
        if draft.strength["as_of"] == 0 and previous.as_of and draft.scope != "cumulative":
            draft.as_of = previous.as_of
    elif (
        draft.strength["as_of"] == 0
        and own is not None
        and own.as_of
        and draft.scope == own.scope != "cumulative"
    ):
        draft.as_of = own.as_of  # the same speaker's figure of the same kind, with no date of its own
    fact = facts[draft.sentence]
    if draft.strength["perpetrator"] == 0 and fact.compares_toll:
        draft.perpetrator = heads.last.perpetrator if heads.last else draft.perpetrator
        return  # "Airwars puts the likely toll far higher": the same deaths, counted by another
    if draft.strength["perpetrator"] == 0 and (
        (own and ((stated_scope and _same_span(own.scope, draft.scope)) or _partitive(reading, facts, draft)))
        or draft.scope == previous.scope == "incident"
    ):
        draft.perpetrator = previous.perpetrator  # "Pour MSF, le bilan s'élève également à 42 morts"


# Another count of the toll just stated: "puts the toll far higher", "un bilan bien plus lourd".
_COMPARED_TOLL = Guarded(
    regexes.compile(
        word_start(
            r"\b(?:far|much|considerably|significantly|substantially|bien|beaucoup|nettement|largement)\s+"
            r"(?:higher|lower|greater|plus\s+(?:eleve|lourd|important|bas|faible))|\b(?:sous-estim|sous-evalu"
            r"|underestimat|undercount)|\bbilan\s+(?:encore\s+)?plus\s+(?:lourd|eleve|sanglant)"
            r"|\b(?:higher|heavier|bloodier)\s+(?:death\s+)?(?:toll|tally|count)"
            # "près de huit fois supérieur", "eight times higher"
            r"|\b(?:fois|times)\s+(?:superieure?s?|plus\s+(?:eleve|lourd|important)|higher|greater|larger|more)\b"
            # "un chiffre très inférieur aux estimations", "far below the monitors' estimates"
            r"|\b(?:tres|bien|largement|nettement|far|well)\s+(?:inferieure?s?|superieure?s?|below|above)\b"
        )
    ),
    (
        "higher",
        "lower",
        "greater",
        "heavier",
        "bloodier",
        "plus",
        "sous-",
        "under",
        "fois",
        "times",
        "inferieur",
        "superieur",
        "below",
        "above",
    ),
)


def _same_span(a: str, b: str) -> bool:
    """Tell whether two scopes may share a perpetrator: a campaign's total is not one raid's."""
    return a == b or "cumulative" not in (a, b)


def _partitive(reading: Reading, facts, draft: Draft) -> bool:
    fact = facts[draft.sentence]
    return bool(_PARTITIVE.match(fact.article.folded, reading.end, fact.end))


_SUBCOUNT_AFTER = regexes.compile(
    r",\s*(?:dont|including|among\s+them|parmi\s+(?:lesquel\w*|eux|elles)|y\s+compris)\b"
)
_PARTITIVE = regexes.compile(r"\s*(?:of|de|d'entre|parmi)\s+(?:the|les|ces|these|those)\b")


def detect_language(folded: str) -> str:
    """Tell French from English by counting common short words."""
    return "en" if sum(map(_LEANING.get, _words(folded[:2000]), repeat(0))) > 0 else "fr"


def _words(text: str) -> list[str]:
    """Return the runs of word characters of `text`: a plain ASCII text is cut in C, ~3x faster."""
    return text.translate(_NOT_WORD).split() if text.isascii() else _WORD.findall(text)


def _read_sentences(article: Article, body_start: int) -> list[SentenceFacts]:
    text, folded = article.text, article.folded
    attributor = Attributor(article.mentions, folded, text, article.index)
    for s in split_sentences(text, body_start):
        line_start = s.start == 0 or text[s.start - 1] == "\n" or text.rfind("\n", 0, s.start) < body_start
        fact = SentenceFacts(article, s.start, s.end, s.paragraph, line_start)
        fact.attributions = attributor.sentence(s.start, s.end)
        fact.mentioned = attributor.mentioned
        fact.index = len(article.sentences)
        article.sentences.append(fact)
    _attach_tweets(article.sentences, folded, text, article.index)
    _resolve_forward(article.sentences)
    return article.sentences


def _resolve_forward(facts) -> None:
    """Name an indefinite speaker ("a war monitor said") after the first monitor of the next sentences."""
    for i, fact in enumerate(facts):
        if not any(a.claimant is None for a in fact.attributions):
            continue
        following = [
            a.claimant
            for f in facts[i + 1 : i + 1 + CONTEXT]
            for a in f.attributions
            if a.claimant is not None and a.claimant.kind == "independent"
        ]
        fact.attributions = [
            Attribution(following[0], a.position, a.role, a.confidence) if a.claimant is None else a
            for a in fact.attributions
            if a.claimant is not None or following
        ]


def _attach_tweets(facts, folded, text, index) -> None:
    """Give an embedded tweet's author to its signature line and the line before it."""
    for position, claimant in tweet_signatures(folded, text, index):
        k = next((i for i, f in enumerate(facts) if f.start <= position < f.end), None)
        if k is None:
            continue
        facts[k].tweet = claimant
        if k > 0 and facts[k - 1].line_start and text.find("\n", facts[k - 1].end) < facts[k].start:
            facts[k - 1].tweet = claimant


def _context(facts, i):
    """The sentences before the i-th, nearest first (at most CONTEXT)."""
    return facts[max(0, i - CONTEXT) : i][::-1]


def _claimant_candidates(reading: Reading, i: int, facts) -> tuple[Attribution | None, list[Candidate]]:
    """Return who states the figure by the rules, if anyone, and the candidates the claimant model weighs."""
    rule = _passed_on(_attribution(reading, i, facts, facts[i].readings), facts[i])
    return rule, candidates(reading, i, facts, rule)


def _draft(
    reading: Reading,
    rule: Attribution | None,
    found: list[Candidate],
    i: int,
    facts,
    article,
    pub: Published | None,
    rankers: Rankers,
) -> Draft:
    """Return the figure's draft, its claimant chosen among its candidates; _read_* stages add the rest."""
    fact = facts[i]
    cited = rule is not None and _cited(rule, fact)
    if not cited:  # a source an outlet cites speaks for that outlet's figures only
        found = [
            c
            for c in found
            if c.attribution is None
            or c.attribution is rule
            or c.attribution.role != "selon"  # only "selon" is cited: no call for the others
            or not _cited(c.attribution, fact)
        ]
    _name_local_officials(found, reading, i, facts, article)
    chosen, probability = rankers.claimant.choose(found)
    if cited:  # too rare for the ranker to learn
        chosen = next((c for c in found if c.claimant == rule.claimant), chosen)
    chosen = _counted_by(reading, fact, found) or chosen
    claimant = chosen.claimant
    draft = Draft(
        reading,
        i,
        claimant,
        _attribution_confidence(claimant, probability),
        "cumulative",
        "unknown",
        "unknown",
        pub.value() if pub else None,
        reading.victims,
        i == 0 and fact.paragraph == 0 and (len(facts) == 1 or facts[1].paragraph != 0),
        candidates=found,
        attribution=chosen.attribution,
    )
    return draft


def _read_scope(draft: Draft, facts, article) -> None:
    reading, fact, context = draft.reading, facts[draft.sentence], _context(facts, draft.sentence)
    draft.new_total = any(number == reading.start for _, number in fact.new_totals)
    draft.increment = not draft.new_total and any(words >= reading.end for words, _ in fact.new_totals)
    draft.scope, draft.strength["scope"] = _scope(reading, fact, context, draft.new_total, draft.increment)


def _read_geography(draft: Draft, facts, article) -> None:
    """Read the figure's country, and who the local officials it is put down to are: that country's."""
    reading, i, claimant = draft.reading, draft.sentence, draft.claimant
    fact, context = facts[i], _context(facts, i)
    draft.geography, draft.strength["geography"] = _geography(reading, fact, context, claimant, article)
    if claimant is LOCAL_AUTHORITIES or claimant is UNNAMED_MINISTRY:
        before = facts[max(0, i - REPORT_REACH) : i]
        claimant = draft.claimant = _local_authorities(
            draft.geography,
            article,
            before,
            claimant is UNNAMED_MINISTRY,
            _local(draft.attribution, article),
        )
    draft.claimant = _described(claimant, draft.attribution, article)


def _read_perpetrator(draft: Draft, facts, article) -> None:
    reading, fact, context = draft.reading, facts[draft.sentence], _context(facts, draft.sentence)
    draft.perpetrator, draft.strength["perpetrator"] = _perpetrator(
        reading, fact, context, draft.claimant, article, draft.scope
    )
    if draft.perpetrator == "syria_gov" and draft.geography in ("afghanistan", "iraq"):
        draft.perpetrator = "coalition"  # "pro-government forces" in Afghanistan or Iraq: US allies
    elif draft.perpetrator == "syria_gov" and draft.geography == "other" and draft.strength["geography"] == 2:
        draft.perpetrator = "other"  # "l'armée gouvernementale" in Yemen or Libya: not Damascus
    if (
        draft.perpetrator in ("russia", "syria_gov")
        and draft.strength["geography"] < 2
        and article.geography != "other"
    ):
        draft.geography = "syria"  # Russian and Syrian government strikes fall in Syria, not in Ukraine
    if draft.strength["perpetrator"] < 2 and draft.geography in ("afghanistan", "iraq") and fact.air_harm:
        draft.perpetrator, draft.strength["perpetrator"] = "coalition", 1  # only the US side flies there


def _read_as_of(draft: Draft, facts, article) -> None:
    reading, fact, context = draft.reading, facts[draft.sentence], _context(facts, draft.sentence)
    as_of, draft.strength["as_of"] = _as_of(reading, draft.scope, fact, context, article.pub)
    draft.as_of = as_of if as_of else draft.as_of


def _choose_scope(
    draft: Draft, previous: Draft | None, facts, rankers: Rankers, pub: Published | None
) -> None:
    """Let the scope model weigh the rules' scope against the others; a new scope has its own as_of.

    More of a toll ("Another 80 were wounded") takes the scope its toll was given in the end.
    """
    fact, reading = facts[draft.sentence], draft.reading
    if draft.strength["scope"] == 2 and (
        draft.new_total or draft.increment or fact.scope_cues and fact.scope_cues[0][0] == "increment"
    ):
        return  # "ajoutant 40 décès à son bilan, qui atteint 840": an increment and its total are the rules'
    context = _context(facts, draft.sentence)
    if reading.is_more and draft.strength["scope"] == 1 and previous is not None:
        scope = previous.scope  # "Another 80 were wounded": more of the toll just read, as it was read
    else:
        draft.scope_options = scope_options(reading, fact, context, draft.scope, draft.strength["scope"])
        scope = rankers.scope.best(draft.scope_options).value
    if scope == draft.scope:
        return
    draft.scope, draft.strength["scope"] = scope, 2
    as_of, draft.strength["as_of"] = _as_of(reading, draft.scope, fact, context, pub)
    draft.as_of = as_of or (pub.value() if pub else None)


def _choose_perpetrator(draft: Draft, previous: Draft | None, facts, rankers: Rankers, article) -> None:
    """Let the perpetrator model weigh the rules' perpetrator against the others.

    An actor named harming in the figure's own words ("30 par des groupes armés") is the
    rules' to read; elsewhere the model weighs the evidence, among it the figure just before,
    if near, which tells whose harm the talk is of ("Airwars puts the toll far higher").
    """
    near = previous if previous is not None and draft.sentence - previous.sentence <= 2 else None
    if draft.strength["perpetrator"] == 2 or (
        draft.reading.is_more and near is not None and near.perpetrator == draft.perpetrator
    ):
        return  # "ont ensuite tué quatre autres civils": more of the harm just read
    fact = facts[draft.sentence]
    compared = fact.compares_toll
    claimant = draft.claimant
    side = _own_side(claimant) if claimant is not None and claimant.kind == "official" else None
    named = fact.memo.get("actors")
    if named is None:
        named = fact.memo["actors"] = _actors_named(article.folded, fact.start, fact.end)
    context = _context(facts, draft.sentence)
    before = near.perpetrator if near else None
    draft.perpetrator_options = perpetrator_options(draft, fact, context, side, named, before, compared)
    option = rankers.perpetrator.best(draft.perpetrator_options)
    draft.perpetrator = option.value


# Where the US-led coalition, the US or its allies strike besides Iraq, Syria and Afghanistan: the places
# whose authorities these are.
_COALITION_FRONTS = regexes.compile(
    "|".join(
        words
        for name, words in COUNTRY_AUTHORITIES
        if name in ("Libyan authorities", "Yemeni authorities", "Somali authorities", "Pakistani authorities")
    )
)


def _keep_coalition_to_its_wars(draft: Draft, facts, article) -> None:
    """Read no coalition harm in another war ("a drone strike in Amhara", "a U.S. strike in Niger").

    There the models' "coalition" is a prior learned from articles on its wars, or the US or an
    ally striking on its own account: the harm of an actor named in the figure's words is "other",
    elsewhere the text does not say whose it is. The figure's places are its sentence's, else
    the nearest sentence's before it, else the article's.
    """
    if draft.perpetrator != "coalition" or draft.geography != "other":
        return
    folded, fact = article.folded, facts[draft.sentence]
    spans = [
        (fact.start, fact.end),
        *((f.start, f.end) for f in _context(facts, draft.sentence)),
        (0, len(folded)),
    ]
    for start, end in spans:
        places = [folded[s:e] for s, e, place in article.places.within(start, end) if place == "other"]
        if places:
            if not any(_COALITION_FRONTS.match(place) for place in places):
                draft.perpetrator = "other" if draft.strength["perpetrator"] == 2 else "unknown"
            return


def _attribution_confidence(claimant: Claimant | None, probability: float) -> float:
    """The ranker's margin as a confidence; a figure nobody states is doubtful however sure the ranker is."""
    if claimant is None:
        return UNATTRIBUTED_CONFIDENCE
    return round(0.5 + 0.49 * probability, 3)


def _name_local_officials(found: list[Candidate], reading, i: int, facts, article) -> None:
    """Name unnamed officials by the place of the figure ("officials said" in Mosul: Iraqi authorities)."""
    local = [c for c in found if c.claimant is LOCAL_AUTHORITIES or c.claimant is UNNAMED_MINISTRY]
    if not local:
        return
    place, _ = _geography(reading, facts[i], _context(facts, i), None, article)
    # the sentence itself too: "Les militaires britanniques contestent ..., d'après le ministère"
    before = facts[max(0, i - REPORT_REACH) : i + 1]
    for candidate in local:
        candidate.claimant = _local_authorities(
            place,
            article,
            before,
            candidate.claimant is UNNAMED_MINISTRY,
            _local(candidate.attribution, article),
        )


def _described(claimant: Claimant | None, attribution: Attribution | None, article) -> Claimant | None:
    """Name unnamed sources as the text describes them: "il" or "he" stands for what it refers
    back to, "un responsable local" just before, but not a governor named in between."""
    if attribution is not None and is_reference(article.folded, attribution.position):
        named = [
            a
            for fact in article.sentences
            for a in fact.attributions
            if a.claimant is attribution.claimant
            and a.position < attribution.position
            and not is_reference(article.folded, a.position)
        ]
        attribution = named[-1] if named else attribution
    return describe_source(claimant, attribution, article.folded)


def folded_sentence(fact) -> str:
    return fact.article.folded[fact.start : fact.end]


# Strikes from the air, which in Iraq and Afghanistan only the coalition and its allies carry out.
_AIR_HARM = Guarded(
    regexes.compile(
        r"\b(?:air\s*strikes?|air\s+raids?|drone\s+strikes?|strikes?|(?<!\ba\s)(?<!\bont\s)(?<!\bavait\s)frappes?"
        r"|raids?\s+aeriens?"
        r"|bombardements?\s+aeriens?|frappes?\s+de\s+drones?)\b"
    ),
    ("strike", "raid", "frappe", "bombardement"),
)


# Where a sentence lists places clause by clause ("..., and in Somalia two").
_GEO_BREAK = regexes.compile(r";|,\s*(?:and|et|while|whereas|but|mais|tandis\s+qu|alors\s+qu)\b")


def _geo_clause(fact, position: int) -> int:
    return bisect_right(fact.geo_breaks, position)


_AUTHORITIES_OF = {
    "iraq": "Iraqi authorities",
    "afghanistan": "Afghan authorities",
    "syria": "Syrian government",
}


def _local_authorities(geography: str, article, before, ministry: bool, local: bool) -> Claimant:
    """Return the authorities of the country where unnamed officials speak.

    An unnamed ministry ("the Ministry of Defence said", after "Britain acknowledged"), or
    officials outside one country, are the officials the article last named; local officials
    ("local residents and officials", "the provincial governor") never are.
    """
    named = (a.claimant for f in reversed(before) for a in reversed(f.attributions))
    officials = [
        c
        for c in named
        if c is not None and c.kind == "official" and c not in (LOCAL_AUTHORITIES, UNNAMED_MINISTRY)
    ]
    # "The health ministry says ...": the ministry last named, not the army that spoke since
    last = next((c for c in officials if ministry and _is_ministry(c)), None) or next(iter(officials), None)
    name = _AUTHORITIES_OF.get(geography) or _country_named(article, before)
    found = article.index.find(name) if name else None
    if (ministry or found is None) and not local:
        found = last or found
    return found or LOCAL_AUTHORITIES


# Officials of a place, not of the army or the government that spoke before them.
_LOCAL_WORDS = regexes.compile(
    r"local|provinc|district|region|municipal|hospital|hopita|police|gov(?:ernor|\.)|gouverneur|city|town|mairie"
)


def _local(attribution: Attribution | None, article) -> bool:
    """Tell whether unnamed officials are named as those of a place ("local officials", "le gouverneur",
    "local residents and officials")."""
    if attribution is None:
        return False
    position = attribution.position  # the words just around it: not "said in the city"
    return bool(_LOCAL_WORDS.search(article.folded, max(0, position - 24), position + 16))


def _is_ministry(claimant: Claimant) -> bool:
    return any("ministr" in fold(name) for name in claimant.names())


def _country_named(article, facts) -> str:
    """Return the authorities of the last country named in these sentences ("au sud du Yémen")."""
    for fact in reversed(facts):
        words = COUNTRY_WORD.findall(article.folded, fact.start, fact.end)
        if words:
            return country_authorities(words[-1])
    return ""


def _attribution(reading: Reading, i: int, facts, readings) -> Attribution | None:
    fact = facts[i]
    candidates = [a for a in _in_clause(reading, fact, readings) if not _disowns(a, reading, fact)]
    counted_by = next(
        (a for a in candidates if a.role == "agent" and 0 < a.position - reading.end <= 30), None
    )
    if counted_by is not None:
        return counted_by  # "a fraction of the 8,000 estimated by Airwars", "les 8 000 avancés par Airwars"
    before = [a for a in candidates if a.position < reading.start]
    if len(before) > 1 and before[-1].role == "verb" and any(a.role == "subject" for a in before[:-1]):
        before.pop()  # "HRW juge la coalition coupable ... où 65 civils ont été tués": the object, not HRW
    if before and before[0].role == "selon" and before[0] is fact.attributions[0]:
        return before[0]  # "Selon X, la coalition a tué ...": the sentence is X's
    selon = [a for a in candidates if a.role == "selon"]
    if (
        before
        and selon
        and before[-1].role == "subject"
        and DENIES.match(fact.article.folded, before[-1].position)
    ):
        return selon[0]  # "Russia denied that ... killed 31 people, according to the White Helmets"
    if before:
        return before[-1]
    if candidates:
        return candidates[0]
    if fact.tweet:
        return Attribution(fact.tweet, fact.start, "tweet", 0.8)
    previous = facts[i - 1] if i > 0 else None
    if not fact.attributions and SELON.search(fact.article.folded, fact.start, fact.end):
        return None  # "selon" someone the gazetteer does not know
    if _background(fact):
        return None  # "Il y a une semaine, 32 réfugiés ont péri": told again, nobody's count here
    if previous and previous.paragraph == fact.paragraph and previous.attributions:
        last = previous.attributions[-1]
        return Attribution(last.claimant, last.position, "carried", min(last.confidence, 0.7))
    return _report_speaker(i, facts)


def _disowns(attribution: Attribution, reading: Reading, fact) -> bool:
    """Tell whether a speaker denies or disowns the figure after its name and before the number
    ("Ce rapport du Pentagone ne comprend pas ... plus de 100 civils"): it is not the figure's source."""
    return (
        attribution.position < reading.start
        and sentence_cues(fact).denies(attribution.position)
        and DENIES.match(fact.article.folded, attribution.position, reading.start) is not None
    )


def _background(fact) -> bool:
    """Tell whether a sentence with no speaker of its own is background: a war's toll, others'
    estimates, an earlier event told again or an attack someone claimed. Nobody's floor carries into it."""
    here = sentence_cues(fact)
    return here.background or here.others_say or here.recalls_past or fact.claims_attack


_CITED_REACH = 60  # characters from the outlet's name to the source it cites


def _passed_on(rule: Attribution | None, fact) -> Attribution | None:
    """Return the source an outlet cites just after it ("selon Al Mayadeen citant l'OSDH"), else the rule.

    The outlet is the claimant only when it counts itself; a group that cites witnesses or sources
    counted, and stays the claimant when the rule is the source it cites.
    """
    named = fact.attributions
    if rule is not None and _cited(rule, fact):
        citer = next((a for a, b in zip(named, named[1:], strict=False) if b is rule), None)
        if (
            citer is not None
            and citer.claimant is not None
            and citer.claimant.kind not in ("media", "state_media")
            and rule.position - citer.position <= _CITED_REACH
        ):
            return citer  # "SOHR, citing medical sources, said": the monitor counted, from what it was told
    if rule is None or rule.claimant is None or rule.claimant.kind not in ("media", "state_media"):
        return rule  # "Amnesty said, citing witnesses": the group counted, from what witnesses told it
    after = next((b for a, b in zip(named, named[1:], strict=False) if a is rule), None)
    if after is None or after.position - rule.position > _CITED_REACH or not _cited(after, fact):
        return rule
    return rule if any(rule.position < r.start < after.position for r in fact.readings) else after


def _counted_by(reading, fact, found: list[Candidate]) -> Candidate | None:
    """Return whose count the number is, where the words right after it say so ("far more than the 484
    acknowledged by the coalition", "the 484 the coalition acknowledges"): too rare for the ranker to
    learn."""
    counted = COUNTED_BY.match(fact.article.folded, reading.end, fact.end)
    if counted is None:
        return None
    start, end = counted.span()
    return next(
        (c for c in found if c.attribution is not None and start <= c.attribution.position <= end + 8), None
    )


def _cited(attribution: Attribution, fact) -> bool:
    """Tell whether someone cites this source ("citing the UN"): it speaks through them only."""
    if attribution.role != "selon":
        return False
    return bool(CITING.search(fact.article.folded, max(0, attribution.position - 16), attribution.position))


def _report_speaker(i: int, facts) -> Attribution | None:
    """Return the monitor whose report the article sums up, for a figure nobody states in its sentence.

    "Les frappes aériennes ... ont fait 519 victimes" in a new paragraph after "la Manua a
    recensé ..." is the mission's: only independent counters are carried so far (never over
    background, which `_attribution` has ruled out: a war's toll, others' estimates).
    """
    if facts[i].attributions:
        return None
    for other in facts[max(0, i - REPORT_REACH) : i][::-1]:
        independent = [
            a for a in other.attributions if a.claimant is not None and a.claimant.kind == "independent"
        ]
        if independent:
            return Attribution(independent[-1].claimant, independent[-1].position, "carried", 0.6)
    return None


REPORT_REACH = 5  # sentences looked back at for the report an article sums up


def _in_clause(reading: Reading, fact: SentenceFacts, readings: list[Reading]) -> list[Attribution]:
    """Return the attributions of the reading's clause, else of clauses stating no figure."""
    if not fact.attributions or not fact.breaks:
        return fact.attributions
    breaks = fact.breaks
    here = bisect_right(breaks, reading.start)
    same = [a for a in fact.attributions if bisect_right(breaks, a.position) == here]
    busy = {bisect_right(breaks, r.start) for r in readings}
    free = [a for a in fact.attributions if bisect_right(breaks, a.position) not in busy]
    if same or free:
        return same or free
    before = [a for a in fact.attributions if a.position < reading.start]
    if before and bisect_right(breaks, before[-1].position) < here:
        return [before[-1]]  # "282 morts, selon le document, tandis que ... 149 civils": the document's too
    first = fact.attributions[0]
    if (
        first.role in ("subject", "selon")
        and first.position < readings[0].start
        and here > bisect_right(breaks, first.position)
    ):
        return [first]  # "X said that ... had killed 286, while IS ... had killed 112": all X's
    return []


def _scope(reading, fact, context, new_total: bool, increment: bool) -> tuple[str, int]:
    if new_total:
        return "cumulative", 2  # "portant à 840 le nombre de civils tués": the tally's new total
    if increment:
        return "period", 2  # "35 civils en février, ce qui porte à 1 291 ... depuis 2014": what it adds
    found = fact.scope_cues
    if found and found[0][0] == "increment" and not found[0][1] <= reading.start < found[0][2]:
        # "a ajouté quatre décès à son bilan, qui atteint désormais 1 417 civils tués":
        # the total is not the increment
        rest = [cue for cue in found if cue[0] != "increment"]
        return (cues.SCOPE_OF[rest[0][0]] if rest and rest[0][0] != "refer" else "cumulative"), 2
    if found and found[0][0] == "weak_cumulative" and all(cue[0] == "weak_cumulative" for cue in found):
        return "cumulative", 0  # "A total of 582 ... were recorded": the total of the report's period before
    if fact.scope and fact.scope != "refer":
        return fact.scope, 2
    for other in context:
        if other.carried_scope and other.carried_scope != "refer":
            return other.carried_scope, 1
    return "cumulative", 0


def _geography(reading, fact, context, claimant, article) -> tuple[str, int]:
    if fact.names_both_countries:
        countries = set(fact.countries).union(*(other.countries for other in context))
        if len(countries) > 1:
            return cues.geography(countries), 2  # "dans les deux pays": the two named just before
    found = cues.geography(fact.countries)
    if found and len(fact.countries) > 1:
        # "In Iraq and Syria ... counted 42 deaths, and in Somalia two": the places of the number's clause
        here = _geo_clause(fact, reading.start)
        found = (
            cues.geography(
                {p for s, _, p in article.places.within(fact.start, fact.end) if _geo_clause(fact, s) == here}
            )
            or found
        )
    if found:
        return found, 2
    home = _home(claimant)
    if home and home != "iraq_syria":
        return home, 2  # "UNAMA", "Iraqi authorities" count in one country
    for other in context:
        found = cues.geography(other.countries)
        if found:
            return found, 1
    home = _home(claimant)
    if home:
        return home, 1
    if article.geography:
        return article.geography, 0
    # no place but in the names of those who speak: "the UN mission in Ukraine has recorded 6,114 deaths"
    return cues.geography(article.places_in_names) or "unknown", 0


# "portant ainsi le nombre de victimes de ses frappes à 735", "bringing to 840 the number": a new total.
_BROUGHT_TO_LAST = ("a", "to", "moins", "least", "de", "than")  # the word each match ends on
_BROUGHT_TO = Ending(
    regexes.compile(
        word_start(
            r"\b(?:portant|porte|portent|bringing|brings|brought|raising|raises|raised|taking|takes|took)\s+"
            r"(?:ainsi\s+|thus\s+)?(?:[\w'-]++\s+){0,8}?(?:a|to)\s+(?:au\s+moins\s+|at\s+least\s+|plus\s+de\s+|more\s+than\s+)?$"
        )
    ),
    _BROUGHT_TO_LAST,
)


_BOTH_COUNTRIES = regexes.compile(
    word_start(r"\b(?:les|ces)\s+deux\s+pays\b|\b(?:both|the\s+two)\s+countries\b")
)


@lru_cache(maxsize=512)
def _home(claimant: Claimant | None) -> str | None:
    """Return where a claimant counts ("SOHR" counts in Syria), if its names tell one place only."""
    if claimant is None:
        return None
    names = " ".join(fold_in_place(n) for n in claimant.names())
    regions = [region for region, pattern in _HOME if pattern.search(names)]
    if {"iraq", "syria"} <= set(regions) and "iraq_syria" in regions:
        return "iraq_syria"
    return regions[0] if len(regions) == 1 else None  # the Red Cross and Red Crescent work everywhere


def speaks_for_coalition(claimant: Claimant) -> bool:
    """Tell whether an official claimant speaks for the US-led coalition or one of its members:
    its figures are the coalition's admissions (the Iraqi government's or a Syrian MP's are not)."""
    return claimant.kind == "official" and _own_side(claimant) == "coalition"


@lru_cache(maxsize=512)
def _own_side(claimant: Claimant) -> str | None:
    """Return the belligerent an official claimant speaks for, if its names tell."""
    names = " ".join(fold_in_place(n) for n in claimant.names()) + " "
    return next((actor for actor, pattern in _OWN_SIDE if pattern.search(names)), None)


def _claimed_by(fact, article, scope: str = "incident") -> tuple[str | None, int]:
    """Return who claims the attack of this sentence or of the next three ("IS claimed responsibility"),
    and the rule's strength: a claim in the figure's own sentence tells its perpetrator outright."""
    claiming = article.sentences[fact.index : fact.index + CLAIM_REACH + 1] if article.claims.spans else ()
    for other in claiming:  # most articles claim nothing: no sentence to ask
        if other.claims_attack:
            actors = [actor for _, _, actor in other.perpetrators] or _named_actors(other, article)
            if actors:
                return actors[0], 2 if other is fact else 1
    if scope == "incident" and harm_kinds(fact)[1]:  # the sentence's bombing, read once for all its figures
        return article.claimed, 1  # "le double attentat-suicide ...", claimed by IS further down
    return None, 0


def _actor_between(reading, fact, article) -> str | None:
    """Return the actor named alone after a break between the figure before in the sentence and this one.

    "1 098, celles de la coalition au moins 475, et l'EI près de 800": each its own; but not the
    words of the figure before ("13 U.S. service members and about 170 Afghans").
    """
    folded = article.folded
    before = [r for r in fact.readings if r.end <= reading.start]
    if not before or any(s < reading.start and e > before[-1].end for s, e, _ in fact.perpetrators):
        return None
    breaks = list(_ENUMERATION_BREAK.finditer(folded, before[-1].end, reading.start))
    if not breaks:
        return None
    actors = _actors_named(folded, breaks[-1].end(), reading.start)
    return actors[-1] if len(set(actors)) == 1 else None


_ENUMERATION_BREAK = regexes.compile(
    r"[,;]|" + word_start(r"\b(?:et|and|contre|while|whereas|tandis\s+que)\b")
)


def _named_actors(fact, article) -> list[str]:
    """The actors of a sentence who may claim an attack: the Islamic State and the others."""
    return [a for a in _actors_named(article.folded, fact.start, fact.end) if a in ("isis", "other")]


def _actors_named(folded: str, start: int, end: int) -> list[str]:
    """Return the actors named in folded[start:end], in order; the Saudi-led coalition is "other"."""
    return [
        "other" if actor == "saudi" else actor
        for actor in (key_of(m) for _, _, m in cues.ACTOR_SCAN.finditer(folded, start, end))
    ]


def _perpetrator(reading, fact, context, claimant, article, scope="incident") -> tuple[str, int]:
    named = _actor_between(reading, fact, article)
    if named:
        return named, 2  # "Russian strikes killed 1,098, the coalition's at least 475 and IS nearly 800"
    actors = fact.perpetrators
    if actors and not reading.is_subcount:
        tail = _SUBCOUNT_AFTER.search(article.folded, reading.end, fact.end)
        if tail:  # "2,521 deaths, including 741 civilians executed by IS": IS is the sub-count's
            close = article.folded.find(",", tail.end(), fact.end)
            close = fact.end if close < 0 else close
            actors = [p for p in actors if not tail.start() <= p[0] < close]
    if actors:  # the harm nearest the number: "Russian forces for 35" holds its own figure
        nearest = min(
            actors,
            key=lambda p: (
                0
                if p[0] <= reading.start < p[1]
                else min(abs(p[0] - reading.start), abs(p[1] - reading.start))
            ),
        )
        return nearest[2], 2
    if claimant is not None and claimant.kind == "official" and _own_side(claimant):
        return _own_side(claimant), 1
    claimed, strength = _claimed_by(fact, article, scope)
    if claimed:
        return claimed, strength
    if harm_kinds(fact)[2]:  # read once for all its figures
        return "unknown", 1  # "370 000 morts depuis le début de la guerre": every side's
    if scope != "incident" and _NEW_TOTAL.search(article.folded, fact.start, reading.start):
        return "unknown", 0  # "A total of 582 child casualties": a toll of its own, not the harm before
    for other in context:
        if other.attributions and claimant not in [a.claimant for a in other.attributions]:
            continue  # another speaker's harms are not this one's
        actors = {actor for _, _, actor in other.perpetrators}
        if len(actors) == 1:
            return actors.pop(), 1
        if len(actors) > 1:
            return "unknown", 1
    if scope == "incident" and article.blamed and _ATTACK.search(article.folded, fact.start, fact.end):
        return article.blamed, 1  # "an air strike on a migrant centre ..., which the government blamed on X"
    if _BARREL_BOMBS.search(article.folded, fact.start, fact.end) and _geography_words(fact) == "syria":
        return "syria_gov", 2  # barrel bombs dropped from helicopters: the Syrian government's weapon
    return "unknown", 0


# An attack whose author the article names in a statement of blame.
_ATTACK = regexes.compile(
    word_start(
        r"\b(?:strikes?|airstrikes?|raids?|attacks?|bombings?|shelling|frappes?|attaques?|bombardements?)\b"
    )
)
_BARREL_BOMBS = regexes.compile(
    word_start(r"\bbarils?\s+(?:d'explosifs|explosifs)|\bbarils\b|\bbarrel[\s-]+bombs?\b")
)


def _geography_words(fact) -> str | None:
    return cues.geography(fact.countries) or fact.article.geography


_BLAMED = regexes.compile(
    r"\bblam\w*\s+(?:the\s+|this\s+|that\s+)?(?:\w+\s+)?(?:attack|strike|raid|bombing|shelling)\s+on\b"
    r"|\b(?:impute|attribue)\w*\s+(?:l'attaque|la\s+frappe|le\s+raid|le\s+bombardement)\s+(?:a|aux)\b"
)
_NEW_TOTAL = regexes.compile(
    word_start(r"\b(?:a|the)\s+total\s+of\b|\bau\s+total\b|\bin\s+total\b|\ben\s+tout\b")
)


def _as_of(reading, scope, fact, context, pub) -> tuple[str | None, int]:
    """Return the date a figure holds to: of its own clause first, the nearest to the number.

    A period ends at its end date, else at the month or day named, and only then on the
    weekday a statement was made ("said on Tuesday"); a cumulative total holds to its end
    date, else to the month its statement names ("En mars, l'OSDH avait établi un bilan").
    """

    if scope == "cumulative":
        ends = _ends(fact.dates)
        if ends:
            return ends[-1].value, 2
        clause = _clause_dates(reading, fact)
        stated = [d for d in clause if d.kind == "point" and d.end <= reading.start]
        if stated:
            return stated[-1].value, 2
        said = [d for d in fact.dates if d.kind == "point" and d.start >= reading.end and _said_on(d, fact)]
        if said:
            return said[0].value, 2  # "..., dit le communiqué publié le 2 juin"
        if fact.scope == "refer":
            for other in context:
                ends = _ends(other.dates)
                if ends:
                    return ends[-1].value, 1
        announced = _announced_after(fact)
        return (_date_value(announced, pub), 1) if announced else (None, 0)
    clause = _clause_dates(reading, fact)
    if not clause and (announced := _announced_after(fact)):
        return _date_value(announced, pub), 1
    if not clause and pub and _LAST_DAYS.search(fact.article.folded, fact.start, fact.end):
        return pub.value(), 2  # "over the past week": to the day it was said
    chosen = _ends(clause) or _points(clause, scope)
    if chosen:
        return _date_value(min(chosen, key=lambda d: abs(d.start - reading.start)), pub), 2
    for other in context:  # their dates read on need
        chosen = _ends(other.dates) or _points(other.dates, scope)
        if chosen:
            return _date_value(chosen[-1], pub), 1
    return None, 0


def _ends(dates: list[DateMention]) -> list[DateMention]:
    return [d for d in dates if d.kind == "end" or d.kind == "relative"]


def _points(dates: list[DateMention], scope: str) -> list[DateMention]:
    """The days and months named, and the weekdays a statement was made: an incident's both."""
    named = [d for d in dates if d.kind == "point" or d.kind == "year"]
    said = [d for d in dates if d.kind == "weekday"]
    if scope == "incident":
        return named + said
    return named or said


# "L'annonce a été faite ce vendredi", "The statement was released on Tuesday": when the figures came.
_ANNOUNCEMENT = regexes.compile(
    word_start(
        r"\b(?:l'annonce|le\s+communique|la\s+declaration|le\s+rapport|le\s+bilan|the\s+announcement"
        r"|the\s+statement|the\s+report|the\s+figures?|the\s+toll)\s+(?:a\s+ete|was|were|came|est)\b"
    )
)


def _announced_after(fact) -> DateMention | None:
    """Return the day the next sentence says the figures were announced, if it says so and no more."""
    sentences = fact.article.sentences
    after = sentences[fact.index + 1] if fact.index + 1 < len(sentences) else None
    if after is None or after.paragraph != fact.paragraph or after.readings:
        return None
    if not _ANNOUNCEMENT.search(fact.article.folded, after.start, after.end):
        return None
    return next((d for d in after.dates if d.kind in ("point", "weekday")), None)


# A few days or weeks to now.
_LAST_DAYS = regexes.compile(
    word_start(
        r"\b(?:(?:in|over|during|for)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:weeks?|days?|hours?)"
        r"|(?:au\s+cours\s+des|ces|sur\s+les|dans\s+les|pendant\s+les)\s+(?:\w+\s+)?(?:derniers|dernieres)\s+"
        r"(?:jours|semaines|heures)|(?:la|cette)\s+semaine\s+(?:derniere|ecoulee)"
        r"|(?:depuis|since)\s+(?:le\s+|the\s+)?(?:debut|start|beginning)\s+(?:de\s+l'annee|of\s+the\s+year|of\s+this\s+year)"
        r"|this\s+year|cette\s+annee)\b"
    )
)


def _said_on(date: DateMention, fact) -> bool:
    """Tell whether a date is the day a statement was made ("publié le 2 juin", "said on June 2")."""
    return bool(_SAID_ON.search(fact.article.folded, max(fact.start, date.start - 30), date.start))


# Unlike cues.REPORTED_ON (a weekday after the verb), a date here may follow "le": "publié le 2 juin".
_SAID_ON = regexes.compile(
    r"\b(?:said|announced|published|released|issued|stated|publie\w*|annonce\w*|diffuse\w*|rendue?s?\s+publi\w*"
    r"|indique\w*|declare\w*)\s+(?:on\s+|le\s+|ce\s+)?$"
)


def _clause_dates(reading, fact) -> list[DateMention]:
    """Return the dates of the reading's clause, or of the whole sentence if its clause has none."""
    dates = fact.dates
    if not dates:
        return dates  # most sentences: no clause to tell
    breaks = fact.breaks
    here = bisect_right(breaks, reading.start)
    return [d for d in dates if bisect_right(breaks, d.start) == here] or dates


def _date_value(date: DateMention, pub: Published | None) -> str:
    if date.kind == "year":
        year = int(date.value)
        return f"{year}-12-31" if pub is None or year < pub.year else pub.value()
    return date.value


def _family(casualty: str) -> str:
    return "killed" if casualty == "killed_or_injured" else casualty


def _same_figure(a: Draft, b: Draft) -> bool:
    ra, rb = a.reading, b.reading
    if ra.casualty != rb.casualty and _family(ra.casualty) != _family(rb.casualty):
        return False
    if ra.value == rb.value and ra.value_max == rb.value_max:
        if _other_harm(a, b):
            return False  # "4 killed in another strike" by Russia, then 4 killed by rebel drones
        if a.headline or b.headline:
            return True  # a headline restates the body's figure, naming its source more loosely ("l'ONU")
        same_victims = ra.victims == rb.victims or "people" in (ra.victims, rb.victims)
        if a.claimant is None or b.claimant is None:
            return same_victims  # "Les 14 victimes" after "14 morts parmi les civils"
        return _same_claimant(a.claimant, b.claimant) and same_victims
    if (ra.value_max is not None or rb.value_max is not None) and (  # seldom a range
        _restates_bound(ra, rb) or _restates_bound(rb, ra)
    ):
        return a.claimant is None or b.claimant is None or _same_claimant(a.claimant, b.claimant)
    if ra.victims != rb.victims:
        return False
    return (
        a.claimant is not None
        and (_rounds_to(ra, rb) or _rounds_to(rb, ra))  # seldom: tested before the claimants
        and _same_claimant(a.claimant, b.claimant)
    )


def _other_harm(a: Draft, b: Draft) -> bool:
    """Tell whether two equal counts name different perpetrators, each on evidence: two harms, not one."""
    return (
        a.perpetrator != b.perpetrator
        and min(a.strength["perpetrator"], b.strength["perpetrator"]) >= 1
        and max(a.strength["perpetrator"], b.strength["perpetrator"]) == 2
        and "unknown" not in (a.perpetrator, b.perpetrator)
    )


def _same_claimant(a: Claimant | None, b: Claimant | None) -> bool:
    """Tell whether two claimants speak for one side: "the Pentagon" and "the US military" are one voice."""
    if a is b:
        return True
    if a is None or b is None or a == b:
        return a == b
    return a.kind == b.kind == "official" and _own_side(a) is not None and _own_side(a) == _own_side(b)


def _restates_bound(span: Reading, bound: Reading) -> bool:
    """Tell whether `bound` ("up to 11,000") restates an end of `span` ("between 9,000 and 11,000")."""
    if span.value_max is None or bound.value_max is not None or span.victims != bound.victims:
        return False
    return (bound.qualifier == "up_to" and bound.value == span.value_max) or (
        bound.qualifier in ("at_least", "more_than") and bound.value == span.value
    )


def _rounds_to(precise: Reading, rounded: Reading) -> bool:
    """Tell whether `rounded` ("plus de 1.300") restates `precise` ("pas moins de 1.302")."""
    if rounded.value % 10 or rounded.qualifier not in ("more_than", "approx", "at_least"):
        return False  # "plus de 1.302": no round number
    if precise.value_max or rounded.value_max or precise.value == rounded.value:
        return False
    if rounded.qualifier != "approx" and precise.value < rounded.value:
        return False  # "plus de 100" is not the 80 stated before: more than a hundred is above it
    zeros = len(str(rounded.value)) - len(str(rounded.value).rstrip("0"))
    step = 10**zeros
    return abs(precise.value - rounded.value) < step / 2 and precise.value % step != 0


def _precision(d: Draft) -> tuple:
    r = d.reading
    rounded = len(str(r.value)) - len(str(r.value).rstrip("0"))
    return (
        d.claimant is not None,
        r.value_max is not None,  # "between 64 and 116" holds "at most 116"
        -rounded,
        not d.headline,
        r.qualifier != "approx",
        sum(d.strength.values()),
        r.confidence,
    )


def _twin(kept: list[Draft], draft: Draft) -> int:
    """Return where the figure this draft states again is kept, else -1: a loop, cheaper than next()."""
    for at, other in enumerate(kept):
        if _same_figure(other, draft):
            return at
    return -1


def _merge(drafts: list[Draft]) -> list[Draft]:
    """Keep each figure once, with its most precise reading and its strongest attributes."""
    kept: list[Draft] = []
    for draft in drafts:
        at = _twin(kept, draft)
        if at < 0:
            kept.append(draft)
            continue
        twin = kept[at]
        best, other = (draft, twin) if _precision(draft) > _precision(twin) else (twin, draft)
        if (
            best.victims == "people"
            and other.victims != "people"
            and best.reading.victims == other.reading.victims
        ):
            best.victims = other.victims
        for name in ("scope", "geography", "perpetrator", "as_of"):
            # as strong on both sides: the first statement, which the restatement refers back to
            if other.strength.get(name, 0) > best.strength.get(name, 0) or (
                other is twin and other.strength.get(name, 0) == best.strength.get(name, 0)
            ):
                setattr(best, name, getattr(other, name))
                best.strength[name] = other.strength[name]
        best.attribution_confidence = max(best.attribution_confidence, other.attribution_confidence)
        kept[at] = best
    return kept


def _figure(d: Draft, text: str, facts) -> Figure:
    r = d.reading
    fact = facts[d.sentence]
    return Figure.of(
        claimant=d.claimant.name if d.claimant else "unattributed",
        claimant_kind=d.claimant.kind if d.claimant else "unattributed",
        value=r.value,
        value_max=r.value_max,
        qualifier=r.qualifier,
        casualty=r.casualty,
        victims=d.victims,
        scope=d.scope,
        geography=d.geography,
        perpetrator=d.perpetrator,
        as_of=d.as_of,
        quote=text[fact.start : fact.end],
        start=r.start,
        end=r.end,
        confidence=round(r.confidence * d.attribution_confidence, 2),
    )
