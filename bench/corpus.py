"""Articles for the benchmarks, made from the demo articles so they read like real news.

The demo articles are short (about 0.5 KB); a generated article strings paragraphs of the
demo articles of one language under a headline of its own, so every article is a distinct
text (the ingest stores one copy per text) of about the requested size.
"""

import random
from functools import cache
from pathlib import Path

from ingest.readers import read_document

DEMO_DIR = Path(__file__).resolve().parents[1] / "ingest" / "demo"


@cache
def demo_paragraphs():
    """Return {language: ([headline, ...], [paragraph, ...])} of the demo articles.

    The sample notes at their ends ("Sample article written for the demo") are left out.
    """
    paragraphs = {"en": ([], []), "fr": ([], [])}
    for path in sorted(DEMO_DIR.iterdir()):
        if path.suffix not in {".txt", ".html"}:
            continue
        headlines, body = paragraphs["fr" if path.stem.endswith("-fr") else "en"]
        document = read_document(path.read_bytes(), max_bytes=10_000_000)
        lines = [p.strip() for p in document.text.split("\n\n") if p.strip()]
        headlines.append(document.title or lines[0])
        body += [p for p in lines[1:] if "Casualty Tracker" not in p and p != document.title]
    return paragraphs


def article(index, size=3_000, language=None):
    """Return (language, text) of generated article `index`: the same text for the same index.

    English and French alternate two to one, roughly as the demo articles do.
    """
    rng = random.Random(f"bench:{index}:{size}")
    language = language or ("fr" if index % 3 == 2 else "en")
    headlines, pool = demo_paragraphs()[language]
    headline = rng.choice(headlines)
    number = f"dispatch {index}" if language == "en" else f"dépêche {index}"
    parts, length = [f"{headline} ({number})"], 0
    while length < size:
        parts.append(rng.choice(pool))
        length = sum(len(p) + 2 for p in parts)
    return language, "\n\n".join(parts)


def corpus(count, size=3_000):
    """Return `count` generated articles of about `size` characters, as (language, text)."""
    return [article(i, size) for i in range(count)]


def text_of_size(size, language="en"):
    """Return one text of about `size` characters: generated articles back to back."""
    parts, length, index = [], 0, 0
    while length < size:
        parts.append(article(index, 3_000, language)[1])
        length += len(parts[-1]) + 2
        index += 1
    return "\n\n".join(parts)[: max(size, 1)]
