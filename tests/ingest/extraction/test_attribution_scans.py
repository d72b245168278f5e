"""The attributor's whole-article scans that start from words found in C find what the plain scans find."""

from hypothesis import given
from hypothesis import strategies as st

from ingest.extraction import attribution
from ingest.extraction.patterns import split_alternatives

_PIECES = ["selon", "d'apres", "according to", "citing", "cited by", "qui cite", "quoted by", "sources in"]


def test_every_selon_opens_on_one_of_the_first_words():
    for alternative in split_alternatives(attribution._SELON_WORDS):
        assert alternative.startswith(attribution._SELON_FIRST_WORDS), alternative


@given(st.lists(st.sampled_from([*_PIECES, " ", "\n", "x", "-", "é", "s", "qui"]), max_size=12))
def test_the_selons_are_what_the_scan_finds(pieces):
    text = "".join(pieces)
    scanned = [(s, e, None) for s, e, _ in attribution._SELON_SCAN.finditer(text)]
    assert attribution._selons(text) == scanned


_REFERENCE_PIECES = ["war monitor", "watchdog", "the", "a", "rights group", "il", "ngo", "cette ong", "-"]


@given(st.lists(st.sampled_from([*_REFERENCE_PIECES, " ", "\n", "x", "'", "é"]), max_size=12))
def test_the_references_are_what_the_scan_finds(pieces):
    text = "".join(pieces)
    scanned = [(s, e, attribution.key_of(m)) for s, e, m in attribution._REFERENCES_SCAN.finditer(text)]
    assert attribution._references(text) == scanned
