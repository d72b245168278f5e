import pytest

from tracker.quotes import CUT, quote_around, quote_of_figure

WORDS = "the strikes went on across the river towns while residents waited "


@pytest.mark.parametrize("words_before", [0, 2, 100, 199])
def test_a_long_sentence_is_cut_around_its_number_at_words_each_cut_marked(words_before):
    sentence = WORDS * words_before + "4,354 " + WORDS * (200 - words_before)
    at = len(WORDS) * words_before
    quote = quote_around(sentence, at, at + 5, limit=600)

    assert "4,354" in quote
    assert 500 <= len(quote) <= 604
    assert quote.startswith(CUT + " ") == (at > 300)
    assert quote.endswith(" " + CUT) == (len(sentence) - at > 300)
    inner = quote.removeprefix(CUT + " ").removesuffix(" " + CUT)
    assert inner in sentence
    assert set(inner.split()) <= set(WORDS.split()) | {"4,354"}  # cut between words


def test_a_sentence_within_the_limit_is_kept_whole():
    assert quote_around("At least 3 were killed.", 9, 10, limit=600) == "At least 3 were killed."


def test_the_number_is_placed_where_the_figure_is_even_when_the_sentence_states_it_twice(settings):
    settings.QUOTE_MAX_CHARS = 200
    sentence = "First 77 dead in Mosul, " + WORDS * 20 + "then 77 dead in Raqqa " + WORDS * 20
    text = "Title.\n" + sentence
    second = text.index("77 dead in Raqqa")

    quote = quote_of_figure(text, sentence, second, second + 2)

    assert "Raqqa" in quote and "Mosul" not in quote
