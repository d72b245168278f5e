"""A Latin-1 text folds byte by byte: it must fold as the character-by-character path does."""

from ingest.extraction.folding import fold_in_place


def test_a_latin_1_text_folds_as_the_character_by_character_path_does():
    for cp in range(256):
        text = f"Ab{chr(cp)}\u00c9"
        # the curly quote is beyond Latin-1: that text takes the character-by-character path
        assert fold_in_place(text) + "'" == fold_in_place(text + "\u2019"), hex(cp)
        assert fold_in_place(text).isascii() == fold_in_place(text + "\u2019").isascii()
    assert fold_in_place("5 \u00b5g") == "5 \u03bcg"


def test_a_double_hyphen_is_a_dash_of_the_same_length_on_every_path():
    for text in ("29 morts --11 civils", "29 morts --11 civils \u2019", "29 MORTS --11 \u0130"):
        folded = fold_in_place(text)
        assert len(folded) == len(text) and "- 11" in folded and "--" not in folded
