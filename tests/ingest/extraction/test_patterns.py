"""The pattern builders must change how fast a pattern runs, never what it matches."""

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ingest.extraction import attribution, claimants, cues, engine
from ingest.extraction.folding import fold_in_place
from ingest.extraction.gazetteer import PLACE_WORDS
from ingest.extraction.patterns import (
    WordScan,
    _structure,
    alternation,
    factored,
    key_of,
    keyed,
    split_alternatives,
    word_start,
)

# Pieces of alternatives: letters, blank runs, groups and quantifiers, as the engine writes them.
_PIECES = [
    "a",
    "b",
    "c",
    "ab",
    "ba",
    r"\s+",
    r"\s+a",
    "(?:a|b)",
    "(?:ab|c)?",
    "b?",
    "a*",
    r"(?![\w-])",
    "(?:a\\s+)?",
    "-",
]
alternatives = st.lists(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join), min_size=1, max_size=8
)
texts = st.text(alphabet="abc -\n", max_size=60)


def spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=300, deadline=None)
@given(alternatives, texts)
def test_factored_matches_what_the_plain_alternation_matches(alts, text):
    plain = "|".join(alts)
    assert spans(rf"(?<![\w-])(?:{factored(plain)})", text) == spans(rf"(?<![\w-])(?:{plain})", text)


@settings(max_examples=200, deadline=None)
@given(alternatives, alternatives, texts)
def test_keyed_tells_which_pattern_matched_as_named_groups_do(first, second, text):
    plain = re.compile(f"(?P<first>{'|'.join(first)})|(?P<second>{'|'.join(second)})")
    merged = re.compile(keyed({"first": "|".join(first), "second": "|".join(second)}))
    expected = [(m.span(), m.lastgroup) for m in plain.finditer(text)]
    assert [(m.span(), key_of(m)) for m in merged.finditer(text)] == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["war", "conflict", "claim", "claimed", r"since\s+the", "ei", "etat"]), min_size=1
    ),
    texts,
)
def test_word_start_matches_what_a_word_boundary_does(words, text):
    text = text.replace("a", "war ").replace("b", "claimed ").replace("c", "ei")
    plain = "|".join(words)
    assert spans(word_start(plain), text) == spans(rf"\b(?:{plain})", text)
    assert spans(word_start(plain, not_after=r"[\w-]"), text) == spans(rf"(?<![\w-])(?:{plain})", text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["war", "ab", "a", r"b\s+c", "claim", "c-b", "ei", r"(?<![^\n])war"]), min_size=1
    ),
    st.text(alphabet="abc -'\n\u0436", max_size=60),
    st.integers(min_value=0, max_value=60),
    st.sampled_from(["", "-", "'-"]),
)
@example([r"(?<![^\n])war"], "a", 0, "")  # the text's start is a line's start
def test_word_scan_finds_what_a_look_behind_finds(words, text, start, not_after):
    text = text.replace("a", "war ").replace("b", "claim ")
    pattern = "(?:" + "|".join(words) + r")(?![\w-])"
    plain = re.compile(rf"(?<![\w{not_after}])(?:{pattern})")
    start = min(start, len(text))
    scan = WordScan(pattern, rf"\w{not_after}")
    expected = [m.span() for m in plain.finditer(text, start)]
    assert [(s, e) for s, e, _ in scan.finditer(text, start)] == expected
    m = plain.match(text, start)
    assert scan.match(text, start) == (m.span() if m else None)
    found = scan.search(text, start)
    assert (found and found[:2]) == (expected[0] if expected else None)


def test_factored_merges_common_beginnings():
    assert factored("coalition|centcom|(?:cjtf|us)-led") == "c(?:oalition|entcom|jtf-led)|us-led"
    assert factored(r"le\s+rapport|le\s+texte") == r"le\s+(?:rapport|texte)"


def test_a_blank_run_merges_only_where_a_letter_follows_it():
    # a blank run before a letter gives nothing back that could help: it merges
    assert factored(r"in\s+a|in\s+b|in-c") == r"in(?:\s+(?:a|b)|-c)"
    # before a group, a class or an optional letter, it keeps its own backtracking
    assert factored(r"in\s+(?:a|b)|in\s+a") == r"in(?:\s+(?:a|b)|\s+a)"
    assert factored(r"in\s+a?b|in\s+b") == r"in(?:\s+a?b|\s+b)"


def test_a_blank_run_is_not_merged_it_would_keep_its_own_backtracking():
    # merged as "\s+(?:\s+|)", the shared blank run would take both spaces and the second choice win
    assert re.fullmatch(keyed({"first": r"\s+\s+", "second": r"\s+"}), "  ").lastgroup == "first__0"


def test_factored_keeps_the_order_of_alternatives_that_may_match_at_one_place():
    # "a" first must still win over "ab" where both can match; a class in between stays between.
    assert re.match(factored("a|ab"), "ab").group() == "a"
    assert re.match(factored("ab|[a-z]+|abc"), "abcd").group() == "ab"


def test_word_start_falls_back_to_a_boundary_where_an_alternative_opens_with_a_class():
    assert word_start(r"war|\d+\s+dead").startswith(r"(?<!\w)")
    assert word_start("war|conflict").startswith("(?:w(?<!\\w.)ar")


def test_split_alternatives_ignores_bars_inside_groups_and_classes():
    assert split_alternatives(r"a(?:b|c)|[|]d|e\|f") == ["a(?:b|c)", "[|]d", r"e\|f"]


@given(st.text(alphabet="ab1_é-« ,\n", max_size=24))
def test_a_word_scan_finds_what_its_plain_pattern_finds(text):
    # a match may end on a blank, right before the next word; "é" is a word character, "«" is not
    for not_after in (r"\w", r"\w-"):
        scan = WordScan(r"(?:ab|a(?P<one__0>)|b\s+|1\w*)", not_after)
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                found = [(s, e, m.lastgroup) for s, e, m in scan.finditer(text, start, end)]
                plain = scan.pattern.finditer(text, start, end)
                assert found == [(m.start(), m.end(), m.lastgroup) for m in plain]
                first = scan.search(text, start, end)
                assert (first and (*first[:2], first[2].lastgroup)) == (found[0] if found else None)


def test_the_engines_factored_patterns_read_like_their_plain_forms():
    text = (
        "Selon l'OSDH, des frappes de la coalition internationale ont tué 20 civils à Raqqa, "
        "and US-led coalition strikes killed 12 people in Mosul, the Britain-based monitor said. "
        "Les forces du régime syrien ont bombardé Idlib; Russian jets struck Aleppo. "
        "L'organisation a estimé. "
        "Its report on the countries was public."
    )
    text = fold_in_place(text)
    plain_actor = "(?:" + "|".join(cues._ACTORS.values()) + ")"
    assert spans(rf"(?<![\w-]){cues._ACTOR}(?![\w-])", text) == spans(
        rf"(?<![\w-]){plain_actor}(?![\w-])", text
    )
    plain_places = "|".join(f"(?P<{k}>{v})" for k, v in PLACE_WORDS.items())
    expected = [
        (m.span(), m.lastgroup) for m in re.finditer(rf"(?<![\w@#/-])(?:{plain_places})(?![\w-])", text)
    ]
    assert [(m.span(), key_of(m)) for m in cues.PLACE_PATTERN.finditer(text)] == expected
    verbs = [m.group() for m in attribution.REPORTING.finditer(text)]
    assert verbs == ["said", "estime", "report"]  # not "countries" nor "public"


def test_alternation_prefers_the_longest_word():
    assert re.fullmatch(alternation(["des dizaines", "des dizaines de milliers"]), "des dizaines de milliers")


GUARDED = {
    "others say": claimants.OTHERS_SAY,
    "compared toll": engine._COMPARED_TOLL,
    "air harm": engine._AIR_HARM,
    "saudi": engine._SAUDI,
}
GOLD_TEXTS = sorted((Path(__file__).parent / "gold").glob("*.txt"))


@pytest.mark.parametrize("name", GUARDED)
def test_every_match_of_a_guarded_pattern_holds_one_of_its_words(name):
    guarded = GUARDED[name]
    texts = [fold_in_place(p.read_text(encoding="utf-8")) for p in GOLD_TEXTS]
    matches = [m.group() for text in texts for m in guarded.pattern.finditer(text)]
    assert matches, f"no match of {name} in the gold texts: the test would prove nothing"
    assert all(any(word in match for word in guarded.words) for match in matches)


def test_a_guarded_search_finds_what_its_pattern_finds():
    text = "Le bilan est bien plus lourd. Airwars puts the toll far higher than the coalition."
    for start, end in ((0, len(text)), (0, 28), (30, len(text)), (5, 20)):
        expected = engine._COMPARED_TOLL.pattern.search(text, start, end)
        found = engine._COMPARED_TOLL.search(text, start, end)
        assert (found and found.span()) == (expected and expected.span())


def _structure_read_char_by_char(pattern):
    """The reference: (index, character, depth) of each "(", ")" and "|" outside escapes and classes."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()|":
            depth -= char == ")"
            yield i, char, depth
            depth += char == "("
        i += 1


@given(
    st.lists(
        st.sampled_from(["a", "|", "(", "(?:", ")", "[", "]", "\\", "\\|", "\\(", "[|(]", "\\]", "x"]),
        max_size=14,
    )
)
@example(["[", "\\]", "|", "]", "|", "b"])
def test_the_structure_of_a_pattern_is_read_as_character_by_character(pieces):
    pattern = "".join(pieces)
    if pattern.endswith("\\") or ("[" in pattern and re.search(r"\[(?:\\.|[^\]\\])*$", pattern)):
        return  # no pattern ends inside an escape or a class
    assert list(_structure(pattern)) == list(_structure_read_char_by_char(pattern))
