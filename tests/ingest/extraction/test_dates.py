"""The scan that finds where dates start must find exactly the dates DATE_PATTERN reads."""

from hypothesis import given
from hypothesis import strategies as st

from ingest.extraction.dates import _DATE_START, DATE_PATTERN, find_dates, parse_published
from ingest.extraction.folding import fold_in_place

_WORDS = (
    "le 8 juin 2017 jusqu'au 31 mars, fin avril dernier, as of March 31 since 2014 June 28, 2017 "
    "au mois dernier last month hier jeudi at the end of May late may 2018 fin de l'annee 2016 "
    "the first half of 2017 les six premiers mois de l'annee premiere moitie 1er mai 3rd april "
    "en 2019 entre 1320 et 1950 civils mars-avril l'an dernier this month d'aout sept. 12"
).split()


@given(st.lists(st.sampled_from([*_WORDS, ",", "-", "x", "é", "«"]), max_size=12), st.integers(0, 4))
def test_the_date_scan_finds_what_date_pattern_matches(words, start):
    text = " ".join(words)
    for end in range(start, len(text) + 1):
        found = [(s, e) for s, e, _ in _DATE_START.finditer(text, start, end)]
        assert found == [m.span() for m in DATE_PATTERN.finditer(text, start, end)]


def test_the_toll_from_a_dated_strike_holds_to_its_day_and_a_span_from_a_date_starts_there():
    def kinds(text):
        folded = fold_in_place(text)
        return [
            (d.kind, d.value) for d in find_dates(folded, 0, len(folded), parse_published("2017-05-26"), text)
        ]

    assert kinds("The death toll from the March 17 strike in Mosul rose to 105.") == [("point", "2017-03-17")]
    assert kinds("From March 17, 300 civilians were killed in Mosul.") == [("start", "2017-03-17")]
    assert kinds("The death toll from Tuesday's bombing in Kabul has risen to 95.") == [
        ("weekday", "2017-05-23")
    ]
    assert kinds("Since Tuesday, 95 people have been killed in Kabul.") == [("start", "2017-05-23")]
