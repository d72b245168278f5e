"""Casualty figures out of news articles, in French and English: pure Python, no Django.

    from ingest.extraction import extract
    extract(text, published="2019-05")  # -> [Figure(claimant="US-led coalition", value=1302, ...)]

Bump EXTRACTOR_VERSION whenever a rule changes, so stored figures can be re-extracted.
"""

from .engine import detect_language, extract, speaks_for_coalition
from .figure import Figure
from .folding import fold
from .gazetteer import DEFAULT_GAZETTEER, KINDS, Claimant
from .vague import VAGUE_PLURALS, VagueRow

EXTRACTOR_VERSION = "1.9.1"

__all__ = [
    "DEFAULT_GAZETTEER",
    "EXTRACTOR_VERSION",
    "KINDS",
    "VAGUE_PLURALS",
    "Claimant",
    "Figure",
    "VagueRow",
    "detect_language",
    "extract",
    "fold",
    "speaks_for_coalition",
]
