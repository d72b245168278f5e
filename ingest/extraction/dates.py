"""Dates a figure holds to, read with a few precompiled patterns (no date parser).

A date in a sentence is one of: an end ("jusqu'au 31 mars", "et le 31 mars 2017",
"fin avril dernier", "as of March 31"), a start ("depuis août 2014", "since 2014"), a
point ("le 8 juin", "June 28, 2017", "en avril 2017"), a relative month ("le mois
dernier", "last month"), a weekday ("jeudi", "on Thursday", "hier") or a year ("en
2017"). Missing years, relative months and weekdays are resolved against the
publication date.
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

from . import regexes
from .numbers import words_to_int
from .patterns import WordScan, alternation, factored, key_of, keyed, word_start

MONTHS = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# English months that are also common words count only beside a day or a year.
_AMBIGUOUS_MONTHS = {
    "may",
    "march",
    "mar",
    "jan",
    "dec",
    "sep",
    "sept",
    "oct",
    "nov",
    "aug",
    "jun",
    "jul",
    "apr",
    "feb",
}
WEEKDAYS = {
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_MONTH = r"(?P<month>" + alternation(MONTHS) + r")\.?"
_DAY = r"(?P<day>[0-3]\d|\d)(?:er|st|nd|rd|th)?"  # "[0-3]?\d", opening on a class
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "X|" rather than "(?:X)?": the same choice, without the engine's costlier repeat at every word.
_END_OF = (
    r"(?P<endof>"
    + factored(r"(?:a\s+la\s+)?fin\s+(?:du\s+mois\s+)?(?:de\s+|d')?|(?:at\s+the\s+)?end\s+of\s+|late\s+")
    + "|)"
)

_DATE = (
    rf"(?:{_DAY}\s+{_MONTH}(?:\s+{_YEAR})?)"
    rf"|(?:{_MONTH.replace('month', 'month2')}\s+(?P<day2>[0-3]\d|\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year2>(?:19"
    rf"|20)\d\d))?)"
    rf"|(?:{_END_OF}{_MONTH.replace('month', 'month3')}(?:\s+(?P<last>dernier|derniere|last))?"
    rf"(?:\s+(?:of\s+)?(?P<year3>(?:19|20)\d\d))?)"
    rf"|(?:(?P<endof4>fin|end\s+of)\s+(?:de\s+l'annee\s+|the\s+year\s+)?(?P<year4>(?:19|20)\d\d))|"
    # Whole dates of fixed words, named by `key_of`: merged by first letter, so that a word tries only
    # those that open like it. No two of them, nor one of them and the half year, match at one place.
    + keyed(
        {
            "relmonth": r"(?:le|au)\s+mois\s+(?:dernier|precedent)|last\s+month|the\s+previous\s+month"
            r"|ce\s+mois-ci|this\s+month",
            "relyear": r"last\s+year|l'an\s+dernier|l'annee\s+derniere|the\s+previous\s+year"
            r"|l'annee\s+precedente",
            "weekday": alternation([*WEEKDAYS, "hier", "yesterday", "aujourd'hui", "today"]),
            "yearonly": r"(?:19|20)\d\d",
        }
    )
    + r"|(?P<half>(?:"
    + factored(
        r"(?:the\s+)?first\s+(?:(?:three|four|five|six|seven|eight|nine|ten|eleven)\s+months|half)"
        r"|(?:le\s+|au\s+)?premier\s+semestre|(?:the\s+)?(?:first|second|third)\s+quarter"
        r"|(?:le\s+|au\s+|du\s+)?(?:premier|deuxieme|second|troisieme)\s+trimestre"
        r"|(?:les\s+|des\s+)?(?:trois|quatre|cinq|six|sept|huit|neuf|dix|onze)\s+premi(?:ers|eres)\s+mois"
        r"|(?:la\s+)?premiere\s+moitie"
    )
    + r")(?:\s+(?:of|de|d')(?:\s+(?:l'annee|this\s+year|cette\s+annee))?)?(?:\s+(?P<year6>(?:19|20)\d\d))?)"
)
DATE_PATTERN = regexes.compile(rf"(?<![\w])(?:{_DATE})(?![\w])")
# Where a date starts: the same alternatives without their groups, merged by first letter (twice: the
# months lie deeper than one pass opens), tried only at the start of a word. Python's engine enters
# an alternative that opens on a group at full cost at every word, one that opens on a letter hardly:
# this scan costs about half of DATE_PATTERN's, which then reads only the dates found.
_DATE_START = WordScan(r"(?:" + factored(factored(re.sub(r"\(\?P<\w+>", "(?:", _DATE))) + r")(?![\w])")

_COMPARED_PERIOD = regexes.compile(
    word_start(
        r"\b(?:same|corresponding|comparable|meme)\s+(?:period|time|periode|quarter|trimestre|semestre)\s+(?:\w+\s+)?$"
    )
)
_UNTIL = regexes.compile(
    r"(?:jusqu'(?:au|a|en)|"
    + word_start(r"\b(?:until|till|through|as\s+of|a\s+la\s+date\s+du|au)")
    + r")\s*(?:le\s+)?$"
)
_AND = regexes.compile(r"(?:" + word_start(r"\b(?:et|and|to)") + r"|-)\s*(?:le\s+|the\s+)?$")
_YEAR_AND = regexes.compile(r"\b(?:19|20)\d\d\s+(?:and|et)\s*$")  # "in 2017 and 2018": to the end of 2018
_RANGE_OPENER = regexes.compile(word_start(r"\b(?:entre|between|du|from)\b"))
# "entre 1320 et 1950": a range whose first end is no year is a count, whatever its second end.
_COUNT_RANGE_END = regexes.compile(
    r"(?<![\d.,' ])(?!(?:19|20)\d\d\b)\d[\d.,' ]*?\s*(?:\b(?:et|and|to|a)\b|-)\s*$"
)
_COUNTED = regexes.compile(
    r"\s*(?:civil\w*|personnes|people|persons|morts|dead|deaths|killed|tues|victimes|victims|blesses|wounded"
    r"|injured|enfants|children|femmes|women|soldiers|soldats|fighters|combattants)\b"
)
# "the offensive began at the end of April", "lancée en septembre 2015": when something started.
_BEGAN_BEFORE = regexes.compile(
    word_start(
        r"\b(?:began|begun|started|launched|erupted|lance\w*|commence\w*|debute\w*|declenche\w*)\s+"
        r"(?:at\s+|in\s+|on\s+|en\s+|le\s+|a\s+|au\s+)?(?:the\s+|la\s+)?$"
    )
)
_SINCE = regexes.compile(
    word_start(
        r"\b(?:depuis|since|a\s+partir\s+d|starting|entre|between|du(?=\s+\d))\b[^,.;\d]{0,40}$"
        r"|\bfrom\s+(?:[\w-]+\s+){0,3}$"
    )  # "from early 2016", not "deaths from coalition actions in Iraq in 2019"
)
# A date that names an event ("the toll from the March 17 strike"): the day it happened, not a start.
_EVENT_AFTER = regexes.compile(
    r"\s+(?:air\s*strikes?|airstrikes?|strikes?|attacks?|raids?|bombings?|blasts?|explosions?|massacres?"
    r"|incidents?|shelling)(?![\w-])"
)
# "Depuis le lancement de l'offensive finale contre la poche de Baghouz en décembre": its start.
_SINCE_LAUNCH = regexes.compile(
    word_start(
        r"\b(?:depuis|since)\s+(?:le\s+|la\s+|l'|the\s+)(?:lancement|debut|launch|start|beginning)\b(?:[^,.;]{0,70}"
        r"|[^.;]{0,70},\s*(?:le\s+|on\s+)?)$"  # "depuis le début de l'offensive, le 20 janvier"
        r"|\b(?:since|depuis\s+que)\s+[^,.;\d]{0,70}\b(?:began|erupted|started|broke\s+out|eclate|commence)\b[^,.;\d]{0,40}$"
    )
)
_SINCE_RIGHT_BEFORE = regexes.compile(
    word_start(r"\b(?:depuis|since|from|between|entre|a\s+partir\s+d[eu']?)\s*(?:la\s+|the\s+)?$")
)
_MONTH_CONTEXT = regexes.compile(
    word_start(
        r"\b(?:in|since|until|by|early|late|mid|during|of|last|next|this|between|and|to|through)\s*-?\s*$"
    )
)
_YEAR_CONTEXT = regexes.compile(
    r"\b(?:en|in|during|pendant|courant|for|depuis|since|from|de|entre|between|et|and|to|until|jusqu'en|of|throughout"
    r"|annee|year)\s*$"
)


@dataclass(frozen=True)
class Published:
    year: int
    month: int
    day: int | None = None

    def __post_init__(self):
        # written once: every figure and date of the article compares with it
        value = f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        object.__setattr__(self, "_value", value)

    def value(self) -> str:
        return self._value


class DateMention(NamedTuple):
    """A date in the text (a named tuple: cheap to make).

    kind is end, start, point, relative, weekday or year.
    """

    kind: str
    value: str
    start: int
    end: int


def parse_published(value) -> Published | None:
    """Read a publication date given as a date or a "YYYY-MM[-DD]" string; None if unreadable."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return Published(value.year, value.month, value.day)
    m = re.fullmatch(r"\s*((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?\s*", str(value))
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    day = int(m.group(3)) if m.group(3) else None
    return Published(int(m.group(1)), int(m.group(2)), day if day and 1 <= day <= 31 else None)


_HEADER = regexes.compile(r"\A\s*date\s+((?:19|20)\d\d-\d\d(?:-\d\d)?)\b\s*")


def header_date(text: str) -> tuple[str | None, int]:
    """Return the " date 2019-05" header of a text, if any, and where the article begins."""
    m = _HEADER.match(text)
    return (m.group(1), m.end()) if m else (None, 0)


def find_dates(
    folded: str, start: int, end: int, published: Published | None, original: str | None = None
) -> list[DateMention]:
    """Return the dates in folded[start:end], each resolved against `published`.

    With the `original` text, an English month that is also a word counts when it has a
    capital after "in", "since", "late"... ("In March the group said").
    """
    found = []
    for position, _, _ in _DATE_START.finditer(folded, start, end):
        mention = _read(DATE_PATTERN.match(folded, position, end), folded, start, published, original)
        if mention:
            found.append(mention)
    return found


def _read(
    m: re.Match, folded: str, floor: int, pub: Published | None, original: str | None
) -> DateMention | None:
    before = folded[max(floor, m.start() - 90) : m.start()]
    key = key_of(m)  # the name of a date of fixed words; for the others, one of their groups
    if key == "relmonth":
        if pub is None:
            return None
        shift = 0 if ("ci" in m.group() or "this" in m.group()) else 1
        year, month = _month_back(pub.year, pub.month, shift)
        return DateMention("relative", f"{year:04d}-{month:02d}", m.start(), m.end())
    if key == "relyear":
        if _COMPARED_PERIOD.search(before) or folded.startswith("'s", m.end()):
            return None  # "down 23 percent on the same period last year": a comparison, not the figure's date
        return DateMention("relative", f"{pub.year - 1:04d}-12-31", m.start(), m.end()) if pub else None
    if key == "weekday":
        day = _weekday(m.group(), pub, m) if pub else None
        # "since Friday": a span's start, not when it was said; but "the toll from Tuesday's bombing": its day
        if day and _SINCE_RIGHT_BEFORE.search(before) and not folded.startswith("'s", m.end()):
            return DateMention("start", day.value, day.start, day.end)
        return day
    if key == "yearonly":
        return _year(m, folded, before, pub)
    if m["half"]:
        last = _last_month_of(m["half"])
        this_year = pub and (pub.month > last or m.group().endswith(("this year", "cette annee")))
        year = int(m["year6"]) if m["year6"] else (pub.year if this_year else None)
        if year is None:
            return None
        end = f"{year:04d}-{last:02d}-{calendar.monthrange(year, last)[1]:02d}"
        if pub and year == pub.year:
            end = min(end, pub.value())  # "the first half of this year", said in May: so far
        return DateMention("end", end, m.start(), m.end())
    if m["year4"]:
        return DateMention("end", f"{m['year4']}-12-31", m.start(), m.end())
    month_word = m["month"] or m["month2"] or m["month3"]
    day = m["day"] or m["day2"]
    year = m["year"] or m["year2"] or m["year3"]
    if month_word in _AMBIGUOUS_MONTHS and not (day or year) and not _named_month(m, original, before):
        return None
    month = MONTHS[month_word]
    if day and not 1 <= int(day) <= 31:
        return None
    year = int(year) if year else _year_of(month, pub)
    if year is None:
        return None
    if m["endof"] or (m["last"] and not day):
        last_day = calendar.monthrange(year, month)[1]
        began = _SINCE_RIGHT_BEFORE.search(before) or _BEGAN_BEFORE.search(before)
        kind = "start" if began else "end" if m["endof"] else _kind(before, "point")
        value = f"{year:04d}-{month:02d}-{last_day:02d}" if m["endof"] else f"{year:04d}-{month:02d}"
        return DateMention(kind, value, m.start(), m.end())
    value = f"{year:04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    if before.endswith("from the ") and _EVENT_AFTER.match(folded, m.end()):
        return DateMention("point", value, m.start(), m.end())  # "the toll from the March 17 strike": its day
    return DateMention(_kind(before, "point"), value, m.start(), m.end())


def _year(m: re.Match, folded: str, before: str, pub: Published | None) -> DateMention | None:
    """Read a year alone ("en 2017", "entre 2017 et 2019"), not the end of a count ("entre 1320 et 1950")."""
    # its words have 10 letters at most, then only blanks: the search starts just before them
    if not _YEAR_CONTEXT.search(before, max(0, len(before.rstrip()) - 10)):
        return None
    if _COUNT_RANGE_END.search(before[-24:]) or _COUNTED.match(folded, m.end()):
        return None  # "entre 1320 et 1950 civils": the end of a range of people, not a year
    kind = _kind(before, "year")
    if kind == "end":  # "entre 2017 et 2019": to the end of 2019, or to now for this year
        year = int(m.group())
        value = f"{year}-12-31" if pub is None or year < pub.year else pub.value()
        return DateMention(kind, value, m.start(), m.end())
    return DateMention(kind, m.group(), m.start(), m.end())


def _named_month(m: re.Match, original: str | None, before: str) -> bool:
    """Tell whether an English month that is also a word ("In March") is written as a month."""
    return (
        bool(
            original
            and original[m.start("month3") : m.start("month3") + 1].isupper()
            and _MONTH_CONTEXT.search(before[-8:])
        )
        if m.group("month3")
        else False
    )


# The last month of a year's first quarters: "the first quarter", "le deuxième trimestre".
_QUARTER_ENDS = {"first": 3, "premier": 3, "second": 6, "deuxieme": 6, "third": 9, "troisieme": 9}


def _last_month_of(words: str) -> int:
    """Return the month a year's first months end with: 6 for a half, 3 for "the first quarter"."""
    if "quarter" in words or "trimestre" in words:
        return next(end for word, end in _QUARTER_ENDS.items() if word in words)
    counted = (words_to_int(word, "en") or words_to_int(word, "fr") for word in words.split())
    return next(filter(None, counted), 6)  # "the first three months", "les neuf premiers mois"; a half: 6


def _kind(before: str, default: str) -> str:
    """Tell an end ("jusqu'au", "et le" after "entre") or a start ("depuis") from a point."""
    tail = before[-30:]
    if _UNTIL.search(tail) or (
        _AND.search(tail) and (_RANGE_OPENER.search(before) or _YEAR_AND.search(tail))
    ):
        return "end"
    if _BEGAN_BEFORE.search(tail):
        return "start"
    if _SINCE.search(before) or (("depuis" in before or "since" in before) and _SINCE_LAUNCH.search(before)):
        return "start"
    return default


def _year_of(month: int, pub: Published | None) -> int | None:
    if pub is None:
        return None
    return pub.year if month <= pub.month else pub.year - 1


def _month_back(year: int, month: int, shift: int) -> tuple[int, int]:
    month -= shift
    while month < 1:
        month += 12
        year -= 1
    return year, month


def _weekday(word: str, pub: Published, m: re.Match) -> DateMention:
    if pub.day is None:
        return DateMention("weekday", pub.value(), m.start(), m.end())
    published = dt.date(pub.year, pub.month, pub.day)
    if word in ("hier", "yesterday"):
        day = published - dt.timedelta(days=1)
    elif word in ("aujourd'hui", "today"):
        day = published
    else:
        day = published - dt.timedelta(days=(published.weekday() - WEEKDAYS[word]) % 7)
    return DateMention("weekday", day.isoformat(), m.start(), m.end())


def before_published(value: str, pub: Published | None) -> bool:
    """Tell whether a date (YYYY-MM or YYYY-MM-DD) is not after the publication date."""
    if pub is None:
        return True
    return value[: len(pub.value())] <= pub.value() if len(value) >= 7 else True
