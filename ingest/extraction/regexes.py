"""The engine's regular expressions, compiled once per machine instead of once per process.

Python builds a pattern in two steps: it parses the text and writes the matcher's code (in
Python), then hands that code to its C engine. The engine's patterns are large (some 290 of
them, 290,000 characters), and the first step took about 0.6 s of every start: most of the time
`python -m ingest.extraction` spends on one article. So the code of each pattern is kept in a
file of the user's cache (`$XDG_CACHE_HOME/casualty-tracker`, by default `~/.cache`), for this
very interpreter; a pattern found there skips the first step. The C engine checks the code it is
given, the file is only read when the interpreter that wrote it is this one, and whatever fails
falls back to `re.compile`: the cache changes how fast a pattern is built, never what it matches.
"""

import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from pathlib import Path

try:  # the two steps of re.compile, as CPython's own re module takes them
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python: patterns are compiled as usual
    _sre = None

_FORMAT = 1  # of the file: raise it when what an entry holds changes


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 (re.compile's name, for its callers)
    """Return `re.compile(pattern, flags)`, built from the cache where it holds the pattern."""
    return CACHE.compile(pattern, flags)


class PatternCache:
    """Compiled patterns of one interpreter, in the file at `path` (None: no file, compile as usual)."""

    def __init__(self, path: Path | None):
        self.path = path
        self._stored: dict | None = None  # read from the file on first use
        self._used: dict = {}  # the entries this process compiled or took: what the file keeps
        self._missed = False

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern:
        if self.path is None or not isinstance(pattern, str):
            return re.compile(pattern, flags)
        key = (pattern, int(flags))
        entry = self._used.get(key) or self._stored_entries().get(key)
        try:
            if entry is None:
                entry = _entry(pattern, int(flags))
                self._missed = True
            compiled = _sre.compile(pattern, entry[0], array("I", entry[1]).tolist(), *entry[2:])
        except re.error:
            raise  # a pattern that is no pattern: as re.compile says
        except (AttributeError, TypeError, ValueError, RuntimeError):  # an interpreter whose internals differ
            self.path = None
            return re.compile(pattern, flags)
        self._used[key] = entry
        return compiled

    def save(self) -> None:
        """Write the patterns this process used, if some were missing: quietly, as a cache should."""
        if self.path is None or not self._missed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self.path.parent, delete=False) as file:
                marshal.dump((_FORMAT, _interpreter(), self._used), file)
            os.replace(file.name, self.path)  # whole or not at all, should two processes write at once
            self._missed = False
        except OSError:
            pass

    def _stored_entries(self) -> dict:
        if self._stored is None:
            self._stored = {}
            try:
                with open(self.path, "rb") as file:
                    version, interpreter, entries = marshal.load(file)
                if version == _FORMAT and interpreter == _interpreter() and isinstance(entries, dict):
                    self._stored = entries
            except (OSError, EOFError, ValueError, TypeError):
                pass  # no file yet, or one written by another interpreter or cut short: compile anew
        return self._stored


def _entry(pattern: str, flags: int) -> tuple:
    """What `re.compile` hands to the C engine: flags, code (as bytes), groups and their names."""
    parsed = _parser.parse(pattern, flags)
    code = array("I", _compiler._code(parsed, flags)).tobytes()
    names = parsed.state.groupdict
    index = [None] * parsed.state.groups
    for name, i in names.items():
        index[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, dict(names), tuple(index)


def _interpreter() -> str:
    """This interpreter's exact build: the code of a pattern is only valid there."""
    return f"{sys.implementation.cache_tag} {sys.version} {getattr(_sre, 'MAGIC', '')} {array('I').itemsize}"


def _default_path() -> Path | None:
    if _sre is None or not hasattr(_sre, "compile") or array("I").itemsize != 4:
        return None
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    tag = hashlib.sha256(_interpreter().encode()).hexdigest()[:12]
    return Path(home) / "casualty-tracker" / f"patterns-{tag}.marshal"


CACHE = PatternCache(_default_path())
atexit.register(CACHE.save)
