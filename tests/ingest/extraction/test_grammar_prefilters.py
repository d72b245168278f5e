"""The substring tests that spare a figure's regex searches never spare one that would match.

A qualifier ("au moins"), "another" or a new total ("portant à") is searched for only where the
text before the number ends on one of its last words; adding a word to a pattern without its last
word to the test would silently lose figures, so every phrase the patterns match is checked here.
"""

from hypothesis import given
from hypothesis import strategies as st

from ingest.extraction import engine, grammar
from ingest.extraction.patterns import split_alternatives

QUALIFIERS = [a for _, pattern in grammar._QUALIFIERS for a in split_alternatives(pattern)]


def phrases(pattern: str):
    """Texts a pattern matches whole (one space for each blank run), a blank or none after them."""
    whole = st.from_regex(pattern.replace(r"\s+", " "), fullmatch=True)
    return st.tuples(whole, st.sampled_from(["", " ", "\u00a0"]))


@given(st.sampled_from(QUALIFIERS).flatmap(phrases))
def test_every_qualifier_ends_on_a_word_the_substring_test_knows(phrase):
    left = "selon le bilan, " + "".join(phrase)
    assert grammar._QUALIFIER.search(left[-30:])
    assert left.rstrip().endswith(grammar._QUALIFIER_ENDS)


@given(phrases(r"(?:another|an\s+additional|a\s+further|encore)"))
def test_every_another_ends_on_a_word_the_substring_test_knows(phrase):
    left = "on the same day " + "".join(phrase)
    assert grammar._MORE_BEFORE.search(left[-20:])
    assert left.rstrip().endswith(grammar._MORE_ENDS)


@given(
    st.sampled_from(["portant", "bringing", "raised", "took"]),
    st.sampled_from(["a", "to"]),
    st.sampled_from(["", "au moins ", "at least ", "plus de ", "more than "]),
)
def test_every_new_total_ends_on_a_word_the_substring_test_knows(verb, to, qualifier):
    left = f"des frappes {verb} le bilan {to} {qualifier}"
    assert engine._BROUGHT_TO.search(left)
    assert left.rstrip().endswith(engine._BROUGHT_TO_LAST)
