"""Numbers as articles write them: digits, number words, vague plurals."""

import pytest

from ingest.extraction import VAGUE_PLURALS
from ingest.extraction.folding import fold, fold_in_place
from ingest.extraction.numbers import NUMBER_PATTERN, read_number, search_number


def first_number(text):
    match = NUMBER_PATTERN.search(fold_in_place(text))
    return read_number(match), text[match.start() : match.end()]


@pytest.mark.parametrize(
    "text, value",
    [
        ("1787 civils", 1787),
        ("1.302 civils", 1302),
        ("1,302 civilians", 1302),
        ("4 354 civils", 4354),
        ("4\u00a0354 civils", 4354),
        ("4\u202f354 civils", 4354),
        ("12'354 frappes", 12354),
        ("12\u2019354 frappes", 12354),
    ],
)
def test_it_reads_digits_with_any_thousands_separator(text, value):
    reading, span = first_number(text)
    assert reading.value == value
    assert reading.kind == "digits"
    assert span == text.split(" c")[0].split(" f")[0]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Vingt civils", 20),
        ("huit autres", 8),
        ("trente-deux morts", 32),
        ("vingt et un morts", 21),
        ("twenty-one dead", 21),
        ("a hundred people", 100),
        ("seven children", 7),
    ],
)
def test_it_reads_number_words(text, value):
    reading, _ = first_number(text)
    assert (reading.value, reading.kind) == (value, "words")


@pytest.mark.parametrize(
    "text, value, qualifier",
    [
        ("une vingtaine de civils", 20, "approx"),
        ("une quarantaine de personnes", 40, "approx"),
        ("un millier d'enfants", 1000, "approx"),
        ("des centaines de civils", 100, "at_least"),
        ("des dizaines de personnes", 10, "at_least"),
        ("des dizaines de milliers de morts", 10000, "at_least"),
        ("two dozen people", 24, "approx"),
        ("scores of civilians", 20, "at_least"),
        ("dozens of civilians", 12, "at_least"),
        ("hundreds of people", 100, "at_least"),
        ("thousands of civilians", 1000, "at_least"),
    ],
)
def test_it_reads_vague_plurals_and_approximate_nouns_from_the_table(text, value, qualifier):
    reading, span = first_number(text)
    assert (reading.value, reading.qualifier, reading.kind) == (value, qualifier, "vague")
    assert text.startswith(span)


def test_the_vague_table_is_plain_rows_a_page_can_render():
    for row in VAGUE_PLURALS:
        phrases, language, value, qualifier = row
        assert phrases and all(isinstance(p, str) for p in phrases)
        assert language in ("fr", "en")
        assert isinstance(value, int) and value > 0
        assert qualifier in ("at_least", "approx")


def test_it_does_not_read_numbers_inside_words_or_links():
    assert NUMBER_PATTERN.search(fold_in_place("https://t.co/kvDvOyWnI7pic F-16")) is None


@pytest.mark.parametrize(
    "text",
    [
        "12 morts, dont vingt-deux enfants et des dizaines de blesses",
        "l'un de 3 a 4, x-5 @6 f-16 7",
        "cafe 12 ete 3",
        "l'une des 2.5 et 1,302 (l'onze) 4,5 #7",
    ],
)
def test_the_fast_search_finds_what_the_pattern_finds(text):
    for folded in (fold_in_place(text), fold_in_place(text) + "é"):  # an all-ASCII text and another
        for position in range(len(folded)):
            expected = NUMBER_PATTERN.search(folded, position, len(folded) - 1)
            found = search_number(folded, position, len(folded) - 1)
            assert (found and found.span()) == (expected and expected.span())


def test_folding_keeps_offsets_and_drops_case_and_accents():
    text = "États-Unis «Élysée» d’après 4\u202f354 İ"
    folded = fold_in_place(text)
    assert len(folded) == len(text)
    assert fold("  Observatoire SYRIEN des droits de l’Homme ") == "observatoire syrien des droits de l'homme"
