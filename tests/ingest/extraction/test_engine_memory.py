"""An extraction frees what it built when it returns, not at the cyclic collector's next pass."""

import gc
from pathlib import Path

import pytest

from ingest.extraction import extract
from ingest.extraction.benchmark import article

GOLD_TEXTS = sorted((Path(__file__).parent / "gold").glob("*.txt"))[:20]


@pytest.fixture
def collector_paused():
    gc.collect()
    gc.disable()
    yield
    gc.enable()


@pytest.mark.parametrize("text", [article(3000)] + [p.read_text(encoding="utf-8") for p in GOLD_TEXTS])
def test_an_extraction_leaves_nothing_for_the_cyclic_collector(collector_paused, text):
    extract(text, published="2019-05")
    assert gc.collect() == 0  # nothing unreachable left: every object was freed once unreferenced
