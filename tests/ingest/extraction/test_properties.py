"""Properties that hold for any text: no exception, offsets and quotes inside the text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.extraction import extract

WORDS = st.sampled_from(
    [
        "selon",
        "l'OSDH",
        "au moins",
        "1.302",
        "4\u202f354",
        "civils",
        "ont été tués",
        "Vingt",
        "dont",
        "neuf",
        "femmes",
        "et",
        "deux",
        "enfants",
        ",",
        ".",
        "\n",
        "\n\n",
        "according to",
        "the UN",
        "dozens of",
        "people",
        "were killed",
        "between",
        "10",
        "and",
        "20",
        "Elle",
        "estime",
        "«",
        "»",
        "jeudi",
        "depuis 2014",
        "Raqqa",
        "by coalition strikes",
        "une vingtaine",
        "de",
        "blessés",
        " date 2019-05 ",
        "— RT France (@RT) June 28, 2017",
    ]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None)
@given(text=TEXTS, published=st.sampled_from([None, "2019-05", "2017-06-30", "garbage"]))
def test_any_text_gives_figures_whose_numbers_and_quotes_are_in_the_text(text, published):
    for figure in extract(text, published=published):
        assert 0 <= figure.start < figure.end <= len(text)
        assert figure.quote in text
        assert any(
            s <= figure.start and figure.end <= s + len(figure.quote)
            for s in _occurrences(text, figure.quote)
        )
        assert any(ch.isdigit() or ch.isalpha() for ch in text[figure.start : figure.end])
        assert 0.0 <= figure.confidence <= 1.0
        assert figure.value >= 0


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300), language=st.sampled_from(["fr", "en", "auto", "xx"]))
def test_any_unicode_text_in_any_language_setting_raises_nothing(text, language):
    extract(text, language=language)


def _occurrences(text, quote):
    position = text.find(quote)
    while position != -1:
        yield position
        position = text.find(quote, position + 1)
