"""Parts 1 and 2: the extraction engine's speed on one core, and what users would reach for.

All times are CPU time of this process (`time.process_time`), so the other work on a shared
machine counts less than in wall-clock time; this is one core by construction.
"""

import logging
import time
import warnings

from bench.corpus import corpus, text_of_size
from bench.table import Row
from ingest.extraction import extract
from ingest.extraction.benchmark import article, seconds_per_call

SIZES = ((1_000, 200), (10_000, 30), (100_000, 3), (1_000_000, 1))  # (characters, repeats)


def cpu_seconds(function, texts):
    """Return the CPU time of `function(language, text)` over every text, once."""
    started = time.process_time()
    for language, text in texts:
        function(language, text)
    return time.process_time() - started


def ours(language, text):
    extract(text, language=language)


def run(scale=1.0):
    rows = []
    articles = corpus(max(50, round(1_000 * scale)))
    megabytes = sum(len(t.encode("utf-8")) for _l, t in articles) / 1e6
    cpu_seconds(ours, articles[:20])  # compile the patterns once
    seconds = min(cpu_seconds(ours, articles) for _ in range(2))
    news_like = 1 / seconds_per_call(article(3000), max(10, round(100 * scale)))
    rows += [
        Row("1 extraction", f"corpus: {len(articles)} articles of ~3 KB (demo-made)", megabytes, "MB"),
        Row(
            "1 extraction",
            "throughput, one core, demo-made (a figure in most sentences)",
            len(articles) / seconds,
            "articles/s",
            ">= 300",
            len(articles) / seconds >= 300,
        ),
        Row("1 extraction", "throughput, one core, demo-made", megabytes / seconds, "MB/s"),
        Row(
            "1 extraction",
            "throughput, one core, news-like 3 KB (a figure in one sentence of three)",
            news_like,
            "articles/s",
            ">= 300",
            news_like >= 300,
        ),
    ]
    per_kb = []
    for size, repeat in SIZES:
        text = text_of_size(size)
        each = seconds_per_call(text, max(1, round(repeat * scale)))
        per_kb.append(each / (size / 1000))
        rows.append(
            Row(
                "1 extraction",
                f"time per article of {size // 1000:,} KB",
                each * 1000,
                "ms",
                note=f"{per_kb[-1] * 1e6:,.0f} µs/KB",
            )
        )
    growth = max(per_kb) / min(per_kb)
    rows.append(
        Row(
            "1 extraction",
            "time per KB, largest over smallest (1 KB to 1 MB)",
            growth,
            "x",
            "linear (<= 1.5x)",
            growth <= 1.5,
        )
    )
    rows += compare(articles[: max(10, round(60 * scale))])
    return rows


def compare(texts):
    """Return the rows of part 2: other tools' time on the same texts, as a ratio to ours.

    Each tool does only part of our job (numbers in words, dates, quantities); a ratio above
    1 means it alone takes longer than our whole extraction.
    """
    from dateparser.search import search_dates
    from text_to_num import alpha2digit

    english = [(language, text) for language, text in texts if language == "en"]
    base = cpu_seconds(ours, texts)
    base_english = cpu_seconds(ours, english)
    tools = [
        ("text2num alpha2digit, whole text", texts, base, lambda lang, text: alpha2digit(text, lang)),
        ("dateparser search_dates", texts, base, lambda lang, text: search_dates(text, languages=[lang])),
    ]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            logging.getLogger("quantulum3").setLevel(logging.ERROR)
            from quantulum3 import parser as quantulum

            quantulum.parse(english[0][1])  # load its model once, as a long-running user would
        tools.append(
            (
                "quantulum3 parse (English texts)",
                english,
                base_english,
                lambda lang, text: quantulum.parse(text),
            )
        )
    except Exception as exc:  # noqa: BLE001 - an optional tool that cannot load is reported, not fatal
        quantulum = None
        failed = Row("2 compared", "quantulum3", None, note=f"skipped: {exc.__class__.__name__}: {exc}")
    rows = [Row("2 compared", f"ours on the same {len(texts)} texts", base / len(texts) * 1000, "ms/article")]
    for name, subset, reference, function in tools:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            seconds = cpu_seconds(function, subset)
        rows.append(
            Row(
                "2 compared",
                name,
                seconds / reference,
                "x ours",
                note=f"{seconds / len(subset) * 1000:.2f} ms/article over {len(subset)}",
            )
        )
    if quantulum is None:
        rows.append(failed)
    return rows
