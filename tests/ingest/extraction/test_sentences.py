import pytest

from ingest.extraction.sentences import _BOUNDARY_AT_POINT, _BOUNDARY_OR_QUOTE, split_sentences


def sentences(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The mission said it was looking into the strikes in Farah.The claims could not be verified.",
            [
                "The mission said it was looking into the strikes in Farah.",
                "The claims could not be verified.",
            ],
        ),
        (
            "Le bilan est provisoire.Selon la défense civile, les recherches continuent.",
            ["Le bilan est provisoire.", "Selon la défense civile, les recherches continuent."],
        ),
    ],
)
def test_copy_that_lost_its_spaces_still_breaks_between_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mr.Smith said nine people died.",
        "The U.S.Army said nine people died.",
        "The toll rose to 9.5 percent, the site example.com said.",
    ],
)
def test_an_abbreviation_an_initial_or_a_domain_is_no_break(text):
    assert sentences(text) == [text]


def test_every_line_break_ends_a_sentence_and_blank_lines_open_paragraphs():
    text = "Headline with no stop\nFirst sentence. Second one.\n\nNew paragraph."
    found = split_sentences(text)
    assert [text[s.start : s.end] for s in found] == [
        "Headline with no stop",
        "First sentence.",
        "Second one.",
        "New paragraph.",
    ]
    assert [s.paragraph for s in found] == [0, 0, 0, 1]


@pytest.mark.parametrize(
    "text",
    [
        "Headline \nFirst sentence. Second one. \n \nNew paragraph.",  # blanks before the line breaks
        "Headline\r\nFirst sentence. Second one.\r\n\r\nNew paragraph.",  # Windows line ends
        "Headline\t\nFirst sentence. Second one.\n\t\nNew paragraph.",
    ],
    ids=["spaces", "crlf", "tabs"],
)
def test_a_line_of_blanks_is_a_blank_line(text):
    found = split_sentences(text)
    assert [text[s.start : s.end] for s in found] == [
        "Headline",
        "First sentence.",
        "Second one.",
        "New paragraph.",
    ]
    assert [s.paragraph for s in found] == [0, 0, 0, 1]


def test_a_line_of_full_stops_is_scanned_as_the_whole_pattern_scans_it():
    line = "Le bilan est de 1.302 morts. Selon M. Dupont, U.S. forces left.The next day. (Reuters) A. B."
    whole = [m.span() for m in _BOUNDARY_OR_QUOTE.finditer(line)]
    assert [m.span() for m in _BOUNDARY_AT_POINT.finditer(line)] == whole
