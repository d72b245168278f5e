"""Build fast patterns for Python's regular expressions, matching exactly what the plain ones do.

A plain "a|b|c|..." of two hundred names is tried name by name at every character; the
same names merged into a prefix tree ("coalition(?: internationale)?|c(?:entcom|...)")
are tried letter by letter, several times faster. `alternation` builds such a tree from
words, `factored` and `keyed` from regular-expression alternatives; `word_start` lets the
scan skip in C to the few characters a match can start with, and `WordScan` to the blanks and
stops before the words where a match of many first letters starts.
"""

import re
from functools import cached_property

from . import regexes


def alternation(words) -> str:
    """Return a non-capturing pattern matching any of `words` (a space matches any blank run)."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(root) or "(?!)"


def _branch(node: dict) -> str:
    ends_here = "" in node
    options = [_char(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not options:
        return ""
    body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body


def _char(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


# Characters that stand for themselves in the engine's patterns (folded text: no capitals).
_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'-")
_QUANTIFIERS = ("?", "*", "+", "{")


def factored(pattern: str) -> str:
    """Return the alternatives of `pattern` with their common literal beginnings merged.

    "coalition|centcom|(?:cjtf|us)-led" becomes "c(?:oalition|entcom|jtf-led)|us-led": the
    engine tests one "c" where it tested three words. A leading group is spread over the
    rest first, so that its words merge too. Alternatives keep their order wherever two
    could match at the same place, so the result matches exactly what `pattern` does.
    """
    return _merge([_literal_start(a) for a in _spread(split_alternatives(pattern))])


def keyed(patterns: dict[str, str]) -> str:
    """Return one factored pattern for named patterns; `key_of(match)` tells which one matched.

    Each alternative ends with an empty group named after its pattern, so the names no
    longer keep the words of different patterns from merging.
    """
    alternatives = []
    for name, pattern in patterns.items():
        alternatives += [f"{a}(?P<{name}__{i}>)" for i, a in enumerate(_spread(split_alternatives(pattern)))]
    return _merge([_literal_start(a) for a in alternatives])


def key_of(match: re.Match) -> str:
    """Return the name of the `keyed` pattern that `match` matched."""
    return _KEY_NAMES[match.lastgroup]


class _KeyNames(dict):
    """Each group name's pattern name ("iraq__3" -> "iraq"), split once, on first use."""

    def __missing__(self, group: str) -> str:
        name = self[group] = group.split("__")[0]
        return name


_KEY_NAMES = _KeyNames()


def at_word_start(pattern: str) -> str:
    """Return `pattern` for a place known to start a word: without the "\\b" each alternative opens with."""
    return "|".join(a.removeprefix(r"\b") for a in split_alternatives(pattern))


_FEW_FIRST_LETTERS = 12  # above which the letters-first scan of `word_start` no longer pays


def word_start(pattern: str, not_after: str = r"\w") -> str:
    """Return `pattern`, whose alternatives each start a word ("\\bwar|\\bconflict"), for a fast scan.

    Written "w(?<!\\w.)ar|c(?<!\\w.)onflict", it starts with a letter, so the engine skips
    in C to the next "w" or "c" and checks the word boundary only there (~3x faster
    for a few rare first letters). Where the first letters are most of the alphabet, the engine
    would stop at most letters and try the alternatives there: the boundary is then tested first,
    before them (~1.5x faster than the letters first). `not_after` is the class of characters a
    word may not follow ("\\w": a "\\b").
    """
    merged = factored(at_word_start(pattern))
    alternatives = split_alternatives(merged)
    if len(alternatives) > _FEW_FIRST_LETTERS or any(not _letter_at(a, 0) for a in alternatives):
        return rf"(?<!{not_after})(?:{merged})"
    parts = []
    for alternative in alternatives:
        parts.append(alternative[0] + rf"(?<!{not_after}.)" + alternative[1:])
    return "(?:" + "|".join(parts) + ")"


def split_alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level "|" (not inside a group or a [...] class)."""
    parts, start = [], 0
    for i, char, depth in _structure(pattern):
        if char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return [*parts, pattern[start:]]


# An escape, a [...] class (to its first "]"), or one of the characters that give a pattern its groups.
_STRUCTURE = regexes.compile(r"\\.|\[(?:\\.|[^\]\\])*(?:\]|$)|([()|])", re.DOTALL)


def _structure(pattern: str):
    """Yield (index, character, group depth) for each "(", ")" and "|" outside escapes and [...] classes.

    Found by a scan in C: the engine's patterns, some 290,000 characters, are split many times at start-up.
    """
    depth = 0
    for m in _STRUCTURE.finditer(pattern):
        char = m.group(1)
        if char:
            depth -= char == ")"
            yield m.start(), char, depth
            depth += char == "("


def _spread(alternatives: list[str], depth: int = 3) -> list[str]:
    """Write "(?:a|b)c" as "ac|bc" and "(?:a|b)?c" as "ac|bc|c": the same choices, in the same order."""
    spread = []
    for alternative in alternatives:
        close = _group_end(alternative) if depth and alternative.startswith("(?:") else None
        if close is None or alternative[close + 1 : close + 2] in ("*", "+", "{"):
            spread.append(alternative)
            continue
        optional = alternative[close + 1 : close + 2] == "?"
        rest = alternative[close + 2 :] if optional else alternative[close + 1 :]
        if optional and rest[:1] in ("?", "+"):
            spread.append(alternative)  # a lazy or possessive "??": leave it whole
            continue
        inner = [a + rest for a in split_alternatives(alternative[3:close])] + ([rest] if optional else [])
        spread += _spread(inner, depth - 1)
    return spread


def _group_end(pattern: str) -> int | None:
    """Return the index of the ")" closing the group that opens `pattern`."""
    return next((i for i, char, depth in _structure(pattern) if char == ")" and depth == 0), None)


def _literal_start(alternative: str) -> tuple[str, str]:
    """Split an alternative into its literal beginning and the rest ("americaine?s?" -> "americain", "e?s?").

    A blank run "\\s+" belongs to the beginning (written " ") only where a literal letter follows it:
    the run then takes all the blanks, and giving one back can never let the letter match, so the
    alternatives after a shared run make the same choices. Elsewhere it would keep its own
    backtracking ("\\s+\\s+|\\s+" would no longer choose the first).
    """
    literal, i = "", 0
    while i < len(alternative):
        if alternative.startswith(r"\s+", i) and _letter_at(alternative, i + 3):
            literal, i = literal + " ", i + 3
        elif _letter_at(alternative, i):
            literal, i = literal + alternative[i], i + 1
        else:
            break
    return literal, alternative[i:]


def _letter_at(alternative: str, i: int) -> bool:
    """Tell whether a literal character stands at `i`, not made optional or repeated by a quantifier."""
    return alternative[i : i + 1] in _LITERAL and alternative[i + 1 : i + 2] not in _QUANTIFIERS


def _merge(entries: list[tuple[str, str]]) -> str:
    parts: list[str] = []
    run: dict[str, list[tuple[str, str]]] = {}  # by first letter, since the last non-literal start
    for literal, rest in entries:
        if literal:
            run.setdefault(literal[0], []).append((literal[1:], rest))
            continue
        parts.extend(_group(char, items) for char, items in run.items())
        run = {}
        parts.append(rest)  # it may start like any of them: nothing moves across it
    parts.extend(_group(char, items) for char, items in run.items())
    return "|".join(parts)


def _group(char: str, items: list[tuple[str, str]]) -> str:
    if len(items) == 1:
        literal, rest = items[0]
        return _unblank(char + literal) + rest
    merged = _merge(items)
    return _unblank(char) + (merged if len(split_alternatives(merged)) == 1 else "(?:" + merged + ")")


def _unblank(literal: str) -> str:
    """Write a literal beginning back as a pattern: its " " stand for blank runs."""
    return literal.replace(" ", r"\s+")


class Guarded:
    """A pattern each of whose matches holds one of `words`: a text holding none of them, as C tells
    in a few substring tests, is not searched (most sentences hold none of a rare cue's words)."""

    def __init__(self, pattern: re.Pattern, words: tuple[str, ...]):
        self.pattern, self.words = pattern, words

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
        end = len(text) if end is None else end
        if not any(map(text[start:end].__contains__, self.words)):  # no generator: a call in C per word
            return None
        return self.pattern.search(text, start, end)


class Ending:
    """A pattern anchored at the end of what it searches ("...\\s*$"), each of whose matches ends on one of
    `words`, blanks aside: a text that ends on none of them, as str.endswith tells in C, is not searched
    (most words before a number or a name end no such phrase). `pattern`: a re.Pattern or a WordScan."""

    def __init__(self, pattern, words: tuple[str, ...]):
        self.pattern, self.words = pattern, words

    def search(self, text: str, start: int = 0, end: int | None = None):
        if not text[start:end].rstrip().endswith(self.words):
            return None
        return self.pattern.search(text, start, len(text) if end is None else end)


class WordScan:
    r"""A pattern whose matches each start a word, tried only where a word may start.

    Python's engine tries a pattern that opens on "\b" or a look-behind at every character of the
    text, at some 300 machine instructions each; one that opens on a character class, only at the
    characters of that class, which it finds in a tight loop. So the scan opens on the character
    before a word (never an ASCII letter or digit), the look-behind then tells whether a word may
    follow it, and `finditer` yields the spans without it: the plain pattern's matches, found
    about 1.5x faster over an article. `not_after` holds the characters that may not stand before
    a match: "\\w" first, then any others.

    Most folded articles are all ASCII: there one class tells the character before a word, with
    no look-behind, which cost about as much as the skip to the character (~1.4x faster again).
    """

    def __init__(self, body: str, not_after: str = r"\w"):
        self._body, self._not_after = body, not_after
        self._plain = rf"(?<![{not_after}])(?:{body})"
        self._after_ascii = regexes.compile(rf"[^0-9A-Za-z_{not_after[2:]}](?:{body})")

    @cached_property
    def _after(self) -> re.Pattern:
        """The scan of a text that is not all ASCII: compiled on need, as few are."""
        return regexes.compile(rf"[^0-9A-Za-z_](?<![{self._not_after}])(?:{self._body})")

    @cached_property
    def pattern(self) -> re.Pattern:
        """The plain pattern, same matches: compiled on need, as a large one costs time at start-up."""
        return regexes.compile(self._plain)

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        """Yield (start, end, match) for each match of `self.pattern` in text[start:end], in order.

        The match's own span holds the character before the word; before the text's first word,
        a newline stands for the text's start, as the engine's look-behinds read it ("(?<![^\\n])").
        """
        end = len(text) if end is None else end
        shift = 0
        if start == 0:
            text, end, shift = "\n" + text[:end], end + 1, 1
        position = max(start - 1, 0)  # the character before the first word
        after = self._after_ascii if text.isascii() else self._after
        while (m := after.search(text, position, end)) is not None:
            yield m.start() + 1 - shift, m.end() - shift, m
            position = m.end() - 1

    def search(self, text: str, start: int = 0, end: int | None = None) -> tuple[int, int, re.Match] | None:
        """Return the first (start, end, match) of `finditer`, or None: `self.pattern.search`, faster."""
        after = self._after_ascii if text.isascii() else self._after
        if start:
            m = after.search(text, start - 1, len(text) if end is None else end)
            return m and (m.start() + 1, m.end(), m)
        m = after.search("\n" + text[:end])  # a newline stands for the text's start, as in `finditer`
        return m and (m.start(), m.end() - 1, m)

    def match(self, text: str, position: int, end: int | None = None) -> tuple[int, int] | None:
        """Return the (start, end) of the match that starts at `position`, if one does."""
        m = self.pattern.match(text, position, len(text) if end is None else end)
        return m.span() if m else None
