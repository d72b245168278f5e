"""Read a sentence's figures by token frames, where the character windows of grammar.py fall short.

The sentence is cut into tokens, and each token (or run of tokens, such as "ainsi que" or
"at least") gets a one-letter tag from the lexicon in data/lexicon.json: victim nouns
(with a combatant class that is never a figure), casualty words, toll nouns and the verbs
that give a toll its value, auxiliaries and adverbs, parts and sets ("dont", "parmi les"),
rates, fractions and the things counted that are not people. A frame is then a regular
expression over the string of tags: "n c a a k" is "14 civils ont été tués", however many
adverbs stand between the noun and the verb.

Frames that read a number (`FrameReading`) fill in what grammar.py does not read; vetoes
say a number is no figure at all (fighters, a rate, a fraction, the missing, strikes).
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from . import regexes
from .patterns import WordScan, alternation, factored, word_start

LEXICON = Path(__file__).resolve().parent / "data" / "lexicon.json"

# Tags that are punctuation, not words: "—" and "–" are folded to "-".
_PUNCTUATION = {",": ",", "-": "-", "(": "(", ")": ")", ".": ".", "!": ".", "?": ".", ";": ":", ":": ":"}
_TOKEN = regexes.compile(r"(?:[a-z]\.){2,}|\w+(?:-\w+)*'?|[^\s\"']")
# "a day after the strike", "a day's work": no rate.
_NOT_RATE_AFTER = regexes.compile(
    r"'|\s+(?:after|before|later|earlier|ago|of|or|since|when|that|apres|avant|plus|auparavant|ou)\b"
)
_VICTIMS_OF = {"c": "civilians", "e": "children", "w": "women"}


@dataclass(frozen=True)
class FrameReading:
    """What a frame says of one number: its casualty and victims, and whether it is a part."""

    casualty: str  # killed | injured | killed_or_injured | victims ("victimes": read by the sentence)
    victims: str | None  # None: the noun does not tell (grammar decides)
    is_subcount: bool
    own_verb: bool  # the number's own noun and verb: stronger than a window's reading


class Lexicon(NamedTuple):
    tokens: re.Pattern  # a sentence's tokens, a phrase of the lexicon as one
    tags: dict[str, str]  # {token: tag}
    # Cues searched in the sentence's text before it is tagged, so that most sentences are not:
    frame_cue: WordScan  # a casualty or toll word, without which no frame reads a number
    injury_cue: re.Pattern  # an injury word, without which no frame's verb differs from grammar.py's
    veto_after: re.Pattern  # right after a number: a combatant, a thing counted, "sur trois"
    veto_near: WordScan  # a word that vetoes a number further off: "missing", a rate, a fighter ("x")
    fraction_before: re.Pattern  # "sur" right before a number ("un sur trois")


_FRACTION_CUE = r"(?:sur|in|out\s+of)\s+(?:\d|un|une|deux|trois|quatre|cinq|dix|one|two|three|four|five|ten)"
_OWN_VERB_REACH = 60  # characters after a number where its own verb may stand


@cache
def word_classes() -> dict[str, dict]:
    """Return data/lexicon.json's classes: {name: {"tag": ..., "words": [...]}}."""
    return json.loads(LEXICON.read_text(encoding="utf-8"))["classes"]


@cache
def lexicon() -> Lexicon:
    """Return data/lexicon.json compiled: a phrase ("ainsi que") is one token, the longest wins."""
    classes = word_classes()
    tags: dict[str, str] = {}
    phrases = []
    by_tag: dict[str, list[str]] = {}
    for entry in classes.values():
        for phrase in entry["words"]:
            key = " ".join(_TOKEN.findall(phrase))
            if key in tags or phrase in tags:
                raise ValueError(f"{phrase!r} is in two classes of {LEXICON.name}")
            tags[key] = tags[phrase] = entry["tag"]
            by_tag.setdefault(entry["tag"], []).append(phrase)
            if " " in key:
                phrases.append(phrase)
    tags.update(_PUNCTUATION)

    def words(of_tags: str) -> str:
        return alternation([w for t in of_tags for w in by_tag[t]])

    def cue(of_tags: str, *more: str) -> re.Pattern:
        """Return a fast search for any word of these classes (or pattern of `more`) in a text."""
        alternatives = [r"\b" + re.escape(w).replace(r"\ ", r"\s+") for t in of_tags for w in by_tag[t]]
        return regexes.compile(rf"{word_start('|'.join([*alternatives, *more]))}(?![\w-])")

    def scan(of_tags: str) -> WordScan:
        """Return a scan of a whole sentence for any word of these classes: words of most first letters."""
        alternatives = [re.escape(w).replace(r"\ ", r"\s+") for t in of_tags for w in by_tag[t]]
        return WordScan(rf"(?:{factored('|'.join(alternatives))})(?![\w-])")

    return Lexicon(
        regexes.compile(rf"(?P<phrase>{alternation(phrases)})(?:(?<=')|(?![\w-]))|{_TOKEN.pattern}"),
        tags,
        scan("khvbtKgi"),
        cue("h"),
        regexes.compile(
            rf"\s*+(?:(?:de|d'|des|of)\s*)?(?:[\w.'-]++\s++){{0,3}}?(?:{words('xMGz<f')}|{_FRACTION_CUE})(?![\w-])"
        ),
        scan("urx"),
        regexes.compile(r"\b(?:sur|in|out\s+of)\s+$"),
    )


class Frames:
    """The frames of one sentence, tagged on first use only.

    `numbers` are grammar.py's numbers of the sentence in text order (their match, end, value
    and whether they count people): a number that is no count of people (a year, a date, a
    percentage) is tagged as a plain word, so that it does not stop a frame.
    """

    def __init__(self, folded: str, start: int, end: int, numbers: list):
        self.folded, self.start, self.end = folded, start, end
        self.numbers = numbers
        self._readings: dict[int, FrameReading] | None = None
        self._vetoed: set[int] | None = None
        self._cues: dict[str, bool] = {}

    def reading(self, start: int, end: int, read: bool = False) -> FrameReading | None:
        """Return what the frames read for the number at folded[start:end], if any.

        With `read`, grammar.py has read the number already: only a frame of its own verb
        that reads another casualty matters, which takes an injury word after the number.
        """
        if read:
            if not lexicon().injury_cue.search(self.folded, end, min(self.end, end + _OWN_VERB_REACH)):
                return None  # "37 personnes grièvement blessées": an injury word right after the number
        elif not self._cue("frame_cue"):
            return None
        if self._readings is None:
            self._read()
        return self._readings.get(start)

    def vetoed(self, start: int, end: int) -> bool:
        """Tell whether the number at folded[start:end] is no casualty figure (fighters, a rate...)."""
        if (
            not self._cue("veto_near")
            and not lexicon().veto_after.match(self.folded, end, self.end)
            and not lexicon().fraction_before.search(self.folded, max(self.start, start - 8), start)
        ):
            return False  # no veto's word near the number: the sentence need not be tagged
        if self._vetoed is None:
            self._read()
        return start in self._vetoed

    def _cue(self, name: str) -> bool:
        if name not in self._cues:
            found = getattr(lexicon(), name).finditer(self.folded, self.start, self.end)
            self._cues[name] = next(found, None) is not None
        return self._cues[name]

    def _read(self) -> None:
        tags, starts, values = self._tag()
        self._readings, self._vetoed = {}, set()
        present = set(tags)
        for needs, frame in _FRAMES:
            if needs & present:
                frame(tags, starts, self._readings)
        for needs, veto in _VETOES:
            if not needs & present:
                continue
            for m in veto.finditer(tags):
                if veto is _FRACTION and not 0 < values[m.start("n")] < values[m.start("d")] <= 100:
                    continue  # "un civil sur trois", not "12 civils sur 3 sites"
                self._vetoed.update(starts[i] for i in _vetoed_indexes(m))
                if veto is _FRACTION:
                    self._vetoed.add(starts[m.start("d")])  # "one in five victims": neither is a toll
        if "x" in present:
            self._vetoed.update(starts[i] for i in _combatant_parts(tags))

    def _tag(self) -> tuple[str, list[int], dict[int, int]]:
        """Return the tag string, where each tag's token starts, and the value of each number by its tag."""
        tokens, get = lexicon().tokens, lexicon().tags.get
        tags: list[str] = []
        starts: list[int] = []
        values: dict[int, int] = {}
        bounds: list[int] = []  # numbers that count no one after "under", "de" or "aged under": maybe ages
        folded, position = self.folded, self.start
        spans = [(n.match.start(), n.end, n.value, n.people) for n in self.numbers]
        for start, end, value, people in [*spans, (self.end, self.end, 0, False)]:
            for m in tokens.finditer(folded, position, start):
                token = m.group()
                tag = get(token)
                if tag is None:  # a word out of the lexicon, or a phrase written over several blanks
                    tag = get(" ".join(_TOKEN.findall(token)), "o") if m.lastgroup else "o"
                elif tag == "r" and _NOT_RATE_AFTER.match(folded, m.end(), start):
                    tag = "o"
                tags.append(tag)
                starts.append(m.start())
            if start < self.end:
                people = people and not (value == 1 and tags and tags[-1] == "P")  # "d'une même famille"
                if people:
                    values[len(tags)] = value
                elif tags and tags[-1] in "qP<e":
                    bounds.append(len(tags))
                tags.append("n" if people else "o")
                starts.append(start)
            position = end
        for k in bounds:
            _bound_as_adjective(tags, k)
        return "".join(tags), starts, values


def _bound_as_adjective(tags: list[str], k: int) -> None:
    """Tag an age bound ("children under 10", "aged under 10", "enfants de moins de 10 ans") as
    adjectives: it qualifies the noun before, as "young" would, and leaves the verb to the noun."""
    first = k
    while first > 0 and k - first < 3 and tags[first - 1] in "qP<a":
        first -= 1
    if tags[k - 1] != "e" and not any(t in "q<" for t in tags[first:k]):
        return  # "de 10": no bound
    last = k + 1 if k + 1 < len(tags) and tags[k + 1] == "z" else k  # "10 ans", "10 years"
    tags[first : last + 1] = "j" * (last + 1 - first)


# --- The frames, written over the tags of data/lexicon.json -------------------------------------
# n number; c e w p civilians, children, women, people; M members; O others; x combatants;
# F former; G armed group; j adjective; k killed; h injured; v victims; b casualties (killed or
# injured); t toll noun; # a count ("number", "total"); g toll verb; T a/to/at; P de/of;
# q qualifier; a auxiliary or adverb; d dont/including; m a set ("parmi les"); i includes;
# A "ainsi que"; & and; = "soit"; D "that"; r rate; / "sur"; u unharmed; z things; y left;
# W with; K "la mort"; < "higher"; > "than"; f a family; o other words.
_NOUN = "[cepwMOx]"
_NP = rf"q*nP?[jG]*{_NOUN}?[jG]*"  # "quelque 40 habitants locaux", "dozens of civilians"
# "32 réfugiés somaliens", "7 passagers du minibus ont été tués"
_NP_NOUN = rf"q*nP?[jG]*{_NOUN}[jG]*(?:{_NOUN}[jG]*)?(?:P[ojGf]{{1,3}}(?=[aTkhvb]))?"
_AUX = "[aT]*"
_CASUALTY = "[khvb]"
_CASUALTY_OF = {
    "k": "killed",
    "h": "injured",
    "v": "victims",
    "b": "killed_or_injured",
    "D": "killed",
    "t": "killed",
}

# "58 personnes dont 19 enfants sont mortes", "Nine civilians - four women and five children - were
# killed", "39 membres et 10 voisins ont été tués", "37 personnes grièvement blessées", "cinq femmes
# au nombre des morts": every number of the subject takes the verb.
_SUBJECT = regexes.compile(
    rf"(?<![njGcepwMOxq])(?P<group>{_NP_NOUN}(?:,?d{_NP_NOUN}(?:,?&{_NP_NOUN})*,?|[-(]{_NP_NOUN}(?:,?[&,]{_NP_NOUN})*[-)],?"
    rf"|&{_NP_NOUN})*){_AUX}(?P<set>m[jG]*[cepw]?[jG]*)?(?P<verb>{_CASUALTY})"
)
# "Six jeunes chasseurs ont été tués", "14 pilgrims died": a noun the lexicon does not know, with
# its own verb right after it, counts people (combatants and things have their own tags).
_UNKNOWN_NOUN_SUBJECT = regexes.compile(rf"(?<![njGcepwMOxqP])(?P<np>q*nj*oj*){_AUX}(?P<verb>[kh])")
# "Two soldiers were wounded, as were 14 civilians", "a été tué ..., ainsi que 7 passagers".
_ALSO = regexes.compile(rf"(?P<verb>{_CASUALTY})[^.:;khvbA]*?,?A(?P<np>P?{_NP})")
# "Sur les 140 morts dénombrés ..., 33 étaient des enfants", "Au nombre des victimes figurent 3 enfants",
# "Parmi les 70 personnes tuées, on compte 12 femmes".
_SET_FIRST = regexes.compile(
    rf"(?:^|[,:])a*m(?P<set>q*n?P?[jG]*[cepw]?[jG]*)(?P<verb>{_CASUALTY})(?:[^.:;n]*?,[^.:;n,]{{0,3}}?|[aT]+)"
    rf"(?P<np>q*n(?:P?[jG]*[cepwO][jG]*|{_AUX}P?[jG]*[cepw])?)"
)
# "Le bilan ... s'établit à 19 civils", "the toll is at least 40", "civilian casualties fell to
# 5,939", "rose from 20 to 35", "the number of civilian dead may run as high as 3,000".
_TOLL_IS = regexes.compile(
    rf"(?P<toll>[tvbk#])[^.:;n]{{0,12}}?(?:g(?:Po)?|[^.:;n]{{0,8}}?a){_AUX}P?q*(?P<np>{_NP})"
)
# "portant le nombre de victimes de ses frappes à 735", "the new deaths bring to 31 the death toll".
_TOLL_TO = regexes.compile(
    rf"g[^.:;]{{0,3}}?(?P<toll>[t#][^.:;]{{0,14}}?)Tq*(?P<np>{_NP})|gTq*(?P<np2>{_NP})o?[t#](?:P[jG]*[cepw]?[jG]*[khvb]?)?"
)
# "la moitié de ces morts, soit environ 140 civils"; "10 000 victimes - 10 453 au total -";
# "at least 29 dead - 11 civilians, 15 fighters and three soldiers".
_NAMELY = regexes.compile(
    rf"(?P<verb>{_CASUALTY})[^.:;n]{{0,6}}?,?[=-](?P<np>{_NP})"
    rf"|(?P<noun>[cepwkhvb])-[aq]*(?P<np2>n)[^-.:;n]{{0,4}}-,?{_AUX}(?P<verb2>{_CASUALTY})?"
)
# "a entraîné la mort d'au moins 23 civils", "the deaths of 12 civilians".
_DEATH_OF = regexes.compile(rf"KP(?P<np>{_NP})")
# "killing somewhere between 64 and 116 civilians": a verb and its object, whatever qualifies it.
_VERB_OBJECT = regexes.compile(
    rf"(?P<verb>[kh])[aTq]*(?P<np>q*nP?[jG]*(?:{_NOUN}[jG]*|(?=[,.:)/TPa&-]|$)))(?![nkhvb])"
)  # with no noun, the number stands alone: not "kills 30 pine nut workers"
# "killed a family of seven", "a tué une famille de sept personnes": the family's members.
_FAMILY_OF = regexes.compile(
    rf"(?P<verb>[kh])[aTq]*(?:o?n|o)?[jGo]{{0,2}}f[jG]*P(?P<np>q*n[jG]*{_NOUN}?[jG]*)(?![nkhvb])"
)
# "left 23 passers-by with serious injuries".
_LEFT_WITH = regexes.compile(rf"y(?P<np>{_NP})W[jG]*h")
# "the fatalities included 222 civilians", "That included 826 children" (a toll of the sentence before).
_INCLUDED = regexes.compile(rf"(?P<verb>{_CASUALTY}|^D|t){_AUX}i(?P<np>{_NP_NOUN}(?:,?&{_NP_NOUN})*)")
# "wounded 30 people, including 14 under the age of 18": a part of the figure before, with no verb of its own.
_PART_OF = regexes.compile(
    rf"(?P<whole>{_CASUALTY}[aTq]*{_NP}|{_NP}[aT]*{_CASUALTY}),?d(?P<np>q*nP?[jG]*[cepwO]?[jG]*)(?![aTkhvbn])"
)

# Vetoes: the number starting group "n" is no figure.
_COMBATANTS = regexes.compile(
    r"(?P<n>n)P?[jGa]{0,3}x|(?P<n2>n)P?(?:[jG]*MP[ojG]{0,3}[Gx]|j*G(?![jGcepwMOxzkhvb]))"
)
# "150 Taliban fighters were killed and 40 wounded", "150 combattants tués et 40 blessés": the same fighters.
_COMBATANTS_THEN_BARE = regexes.compile(
    r"(?<![&d(-])(?<![cepwMOx],)nP?[jG]*x[jGo]{0,3}[aT]*[khvb][aT]*[,&][aq]*(?P<n>n)(?![PjGcepwMOxq])[aT]*[khb]"
)
# "the figures for security forces personnel killed amounted to 296, ..., with 608 injured".
_COMBATANT_TOLL = regexes.compile(r"x[jGpM]*[khvb]?[aT]*g[aT]*q*(?P<n>n)(?:[^.:;]*?Wq*(?P<n2>n)[aT]*[khb])?")
_RATE = regexes.compile(r"r,?[^.:;n]{0,4}?q*(?P<n>n)|(?P<n2>n)[^.:;n,]{0,6}?r")
_FRACTION = regexes.compile(r"(?P<n>n)[cepwkhvbj]{0,3}/(?P<d>n)(?![PjcepwxzM])")
_UNHARMED = regexes.compile(rf"(?P<n>n)P?[jG]*{_NOUN}?[jG]*{_AUX}u(?!{_AUX}[khb])")
_THINGS = regexes.compile(r"(?P<n>n)P?j*[zf]|(?P<n2>n)<>")


def _noun_victims(tags: str, start: int, end: int) -> str | None:
    """Return the victims a noun phrase names (civilians, children, women), None for people."""
    return next((_VICTIMS_OF[t] for t in tags[start:end] if t in _VICTIMS_OF), None)


def _put(readings, starts, index, reading) -> None:
    readings.setdefault(starts[index], reading)


def _subject(tags, starts, readings) -> None:
    """Give every number of a subject its verb; a part after "dont" or a dash takes the head's victims."""
    for m in _SUBJECT.finditer(tags):
        casualty = _CASUALTY_OF[m.group("verb")]
        set_victims = "civilians" if m.group("set") and "c" in m.group("set") else None
        head_victims = None
        part = False
        for i in range(m.start("group"), m.end("group")):
            t = tags[i]
            if t in "d-(":
                part = True  # "dont 19 enfants", "- four women and five children -": parts of the head
            elif t == ")":
                part = False
            elif t == "n":
                end = i + 1
                while end < m.end("group") and tags[end] in "PjGcepwMOx":
                    end += 1
                victims = _noun_victims(tags, i, end)
                if victims is None and "O" in tags[i:end]:
                    victims = head_victims
                if victims is None:
                    victims = (head_victims if part else None) or set_victims
                if not part:
                    head_victims = victims
                readings[starts[i]] = FrameReading(casualty, victims, part, True)


def _also(tags, starts, readings) -> None:
    for m in _ALSO.finditer(tags):
        i = m.start("np") + m.group("np").index("n")
        _put(
            readings,
            starts,
            i,
            FrameReading(_CASUALTY_OF[m.group("verb")], _noun_victims(tags, i, m.end("np")), False, False),
        )


def _set_first(tags, starts, readings) -> None:
    for m in _SET_FIRST.finditer(tags):
        i = m.start("np") + m.group("np").index("n")
        victims = _noun_victims(tags, i, m.end("np")) or _noun_victims(tags, m.start("set"), m.end("set"))
        _put(readings, starts, i, FrameReading(_CASUALTY_OF[m.group("verb")], victims, True, False))


def _toll(tags, starts, readings) -> None:
    for pattern in (_TOLL_IS, _TOLL_TO):
        for m in pattern.finditer(tags):
            np = "np" if m.group("np") is not None else "np2"
            i = m.start(np) + m.group(np).index("n")
            toll = tags[m.start("toll") : m.start(np)] if m.group("toll") else tags[m.start(np) : m.end()]
            if "x" in toll:
                continue  # "the figures for security forces personnel killed amounted to 296"
            if "u" in toll or ("t" not in toll and not any(t in toll for t in "khvb")):
                continue  # "the number of strikes rose to 40", "le nombre de réfugiés": no toll
            victims = _noun_victims(tags, i, m.end(np)) or ("civilians" if "c" in toll else None)
            casualty = (
                "killed_or_injured"
                if "b" in toll
                else "victims"
                if "v" in toll
                else "injured"
                if "h" in toll and "k" not in toll
                else "killed"
            )
            _put(readings, starts, i, FrameReading(casualty, victims, False, False))


def _part_of(tags, starts, readings) -> None:
    """Give a bare part ("including 14 under the age of 18") the verb of the figure it follows."""
    for m in _PART_OF.finditer(tags):
        verb = next(t for t in m.group("whole") if t in _CASUALTY_OF)
        i = m.start("np") + m.group("np").index("n")
        _put(
            readings,
            starts,
            i,
            FrameReading(_CASUALTY_OF[verb], _noun_victims(tags, i, m.end("np")), True, False),
        )


def _namely(tags, starts, readings) -> None:
    for m in _NAMELY.finditer(tags):
        if m.group("np") is not None:
            i = m.start("np") + m.group("np").index("n")
            casualty, victims = _CASUALTY_OF[m.group("verb")], _noun_victims(tags, i, m.end("np"))
        else:
            i = m.start("np2")
            word = m.group("verb2") or m.group("noun")
            if word not in _CASUALTY_OF:
                continue
            casualty, victims = _CASUALTY_OF[word], _noun_victims(tags, m.start("noun"), m.end("noun"))
        _put(readings, starts, i, FrameReading(casualty, victims, False, False))


def _simple(pattern, casualty, is_subcount=False):
    """Return a frame that gives each number of the pattern's "np" its casualty (or its "verb"'s)."""

    def frame(tags, starts, readings) -> None:
        for m in pattern.finditer(tags):
            found = _CASUALTY_OF[m.group("verb")] if "verb" in pattern.groupindex else casualty
            numbers = [i for i in range(m.start("np"), m.end("np")) if tags[i] == "n"]
            for i, next_i in zip(numbers, [*numbers[1:], m.end("np")], strict=True):
                victims = _noun_victims(tags, i, next_i)
                _put(readings, starts, i, FrameReading(found, victims, is_subcount, False))

    return frame


# In order of strength: a number's own verb first, then the frames that borrow one; each with
# the tags one of which it needs, so that a sentence without them is not searched.
_FRAMES = (
    (set("khvb"), _subject),
    (set("m"), _set_first),
    (set("A"), _also),
    (set("i"), _simple(_INCLUDED, None, is_subcount=True)),
    (set("d"), _part_of),
    (set("K"), _simple(_DEATH_OF, "killed")),
    (set("W"), _simple(_LEFT_WITH, "injured")),
    (set("kh"), _simple(_VERB_OBJECT, None)),
    (set("kh"), _simple(_UNKNOWN_NOUN_SUBJECT, None)),
    (set("f"), _simple(_FAMILY_OF, None)),
    (set("=-"), _namely),
    (set("ga"), _toll),
)
_VETOES = (
    (set("xMG"), _COMBATANTS),
    (set("x"), _COMBATANTS_THEN_BARE),
    (set("r"), _RATE),
    (set("g"), _COMBATANT_TOLL),
    (set("u"), _UNHARMED),
    (set("z<f"), _THINGS),
    (set("/"), _FRACTION),
)


# "29 combattants pro-iraniens incluant neuf Syriens, six Irakiens": the parts of fighters are fighters.
_COMBATANT_HEAD = regexes.compile(r"nP?[jG]*x[jGo]{0,3},?[di]")


def _combatant_parts(tags: str):
    """Yield the index of each number counted among fighters, up to the verb or the clause's end."""
    for m in _COMBATANT_HEAD.finditer(tags):
        for i in range(m.end(), len(tags)):
            if tags[i] in "khvbtg.;:":
                break
            if tags[i] == "n" and tags[i + 1 : i + 2] not in ("c", "e", "w"):  # "dont 12 civils" are not
                yield i


def _vetoed_indexes(m: re.Match) -> list[int]:
    """Return the tag index of each number a veto matched ("n", "n2" in an alternative or after it)."""
    return [m.start(name) for name in ("n", "n2") if name in m.re.groupindex and m.group(name) is not None]
