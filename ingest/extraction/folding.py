"""Case- and accent-folding that keeps every character where it was.

The engine matches its patterns on a folded copy of the article and reports offsets
in the original, so the folded copy must have exactly the same length: each
character maps to one character ("É" -> "e", "’" -> "'", "«" -> '"', U+202F -> " ").
"""

import unicodedata

from . import regexes

_PUNCTUATION = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u00b4": "'",
    "`": "'",
    "\u00ab": '"',
    "\u00bb": '"',
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2007": " ",
    "\t": " ",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u0153": "o",
    "\u0152": "o",
    "\u00e6": "a",
    "\u00c6": "a",
    "\u00df": "s",
}


def _fold_char(char: str) -> str:
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    base = base.lower()
    return base if len(base) == 1 else char.lower()[:1] or char


# Latin scripts, general punctuation: everything an article about Iraq or Syria uses.
_TABLE = {cp: _fold_char(chr(cp)) for cp in range(0x0000, 0x0250)}
_TABLE.update({ord(k): v for k, v in _PUNCTUATION.items()})
_TABLE.update({cp: _fold_char(chr(cp)) for cp in range(0x1E00, 0x1F00)})
_TABLE = {cp: ch for cp, ch in _TABLE.items() if ch != chr(cp)}


_SPECIAL = regexes.compile("[^\x00-\x7f]")
_LOWER_TABLE = {chr(cp): ch for cp, ch in _TABLE.items()}


def _latin_1_byte(cp: int) -> int:
    """Return the folded byte of a Latin-1 character (all lower-case to one Latin-1 character)."""
    lowered = chr(cp).lower()
    if lowered < "\x80" or lowered == "\u00b5":  # ASCII is only lower-cased; "\u00b5" is put back after
        return ord(lowered)
    return ord(_LOWER_TABLE.get(lowered, lowered))


# Most articles are Latin-1 (French or English without curly quotes): such a text is lower-cased and
# folded byte by byte, in C, ~15x faster. Only "\u00b5" folds beyond Latin-1, to the Greek "\u03bc".
_LATIN_1 = bytes(_latin_1_byte(cp) for cp in range(256))


def fold_in_place(text: str) -> str:
    """Return `text` lower-cased, without accents, with the same length and offsets.

    A double hyphen is a dash: "29 morts --11 civils" reads as "29 morts - 11 civils".
    """
    return _fold_characters(text).replace("--", "- ")


def _fold_characters(text: str) -> str:
    try:
        latin_1 = text.encode("latin-1")
    except UnicodeEncodeError:
        lowered = text.lower()
        if len(lowered) != len(text):
            return text.translate(_TABLE)
        return _SPECIAL.sub(_fold_match, lowered)
    return latin_1.translate(_LATIN_1).decode("latin-1").replace("\u00b5", "\u03bc")


def _fold_match(match) -> str:
    char = match.group()
    return _LOWER_TABLE.get(char, char)


def fold(text: str) -> str:
    """Return a key for comparing names: lower case, no accents, single spaces."""
    return " ".join(fold_in_place(str(text or "")).split())
