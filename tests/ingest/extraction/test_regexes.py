"""The cache of compiled patterns changes how fast a pattern is built, never what it matches."""

import marshal
import re

import pytest

from ingest.extraction import extract, regexes
from ingest.extraction.regexes import PatternCache

pytestmark = pytest.mark.skipif(regexes.CACHE.path is None, reason="no cache on this interpreter")


@pytest.fixture(scope="module")
def engine_patterns():
    """Every pattern the engine compiled, with its flags, once it has read an article of each language."""
    extract("Au moins 12 civils ont été tués jeudi, selon l'OSDH.", published="2019-05")
    extract("At least 12 civilians were killed on Thursday, SOHR said.", published="2019-05")
    return sorted(regexes.CACHE._used)


def test_each_engine_pattern_read_back_from_the_file_is_the_one_re_compile_builds(tmp_path, engine_patterns):
    assert len(engine_patterns) > 200
    writer = PatternCache(tmp_path / "patterns.marshal")
    for pattern, flags in engine_patterns:
        writer.compile(pattern, flags)
    writer.save()

    reader = PatternCache(tmp_path / "patterns.marshal")
    for pattern, flags in engine_patterns:
        # a Pattern equals another with the same text, flags and matcher code
        assert reader.compile(pattern, flags) == re.compile(pattern, flags)
    assert not reader._missed  # each one came from the file
    reader.save()  # nothing was missing: the file is not written again


def test_named_groups_and_their_numbers_come_back_from_the_file(tmp_path):
    pattern = r"(?P<value>\d+)\s+(?:civils|civilians)(?P<part>,\s+dont\s+(\d+))?"
    writer = PatternCache(tmp_path / "p.marshal")
    writer.compile(pattern)
    writer.save()

    reader = PatternCache(tmp_path / "p.marshal")
    compiled = reader.compile(pattern)
    assert not reader._missed
    m = compiled.search("au moins 32 civils, dont 9 enfants")
    assert (m["value"], m["part"], m.group(3), m.lastgroup) == ("32", ", dont 9", "9", "part")
    assert compiled.groupindex == {"value": 1, "part": 2}


def test_a_file_cut_short_is_ignored_and_written_again(tmp_path):
    path = tmp_path / "patterns.marshal"
    path.write_bytes(b"\x00\x01 not a cache")
    cache = PatternCache(path)
    assert cache.compile(r"\bfrappes?\b").search("des frappes russes").group() == "frappes"
    cache.save()
    assert PatternCache(path)._stored_entries()  # a whole file now


def test_a_file_written_by_another_interpreter_is_ignored(tmp_path):
    path = tmp_path / "patterns.marshal"
    with open(path, "wb") as file:  # the right shape, but code for another interpreter: never used
        marshal.dump((1, "cpython-99 another build", {("a", 0): (32, b"\x00", 0, {}, (None,))}), file)
    cache = PatternCache(path)
    assert cache.compile("a", 0) == re.compile("a")
    assert cache._missed


def test_a_cache_that_cannot_be_written_still_compiles(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a directory")
    cache = PatternCache(blocker / "patterns.marshal")
    assert cache.compile(r"tu[ée]s?").fullmatch("tués")
    cache.save()  # quietly: the directory cannot be made


def test_a_pattern_that_is_no_pattern_fails_as_re_compile_says(tmp_path):
    cache = PatternCache(tmp_path / "patterns.marshal")
    with pytest.raises(re.error):
        cache.compile(r"(?:unclosed")
    assert cache.path is not None  # the cache still works for the next one
    assert cache.compile(r"\d+").match("42")


def test_without_a_path_it_is_re_compile():
    assert PatternCache(None).compile(r"\bmorts?\b") == re.compile(r"\bmorts?\b")
