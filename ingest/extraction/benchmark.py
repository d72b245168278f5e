"""Measure the engine's speed: articles per second at 3 KB, and growth up to 1 MB.

    python -m ingest.extraction.benchmark

The articles are made here from a few French and English sentences of our own, so the
measure needs no data set; the time per kilobyte should stay flat as texts grow.
"""

import itertools
import time

from . import extract

_SENTENCES = (
    "Selon l'OSDH, au moins 32 civils, dont neuf enfants, ont été tués jeudi dans des frappes russes "
    "sur Idlib.",
    "La coalition a reconnu que 1.302 civils avaient été tués dans ses frappes depuis le début de "
    "l'opération.",
    "L'ONG Airwars estime pour sa part qu'entre 8 000 et 13 000 civils ont perdu la vie en Irak et en Syrie.",
    "La coalition a mené 24.502 raids aériens entre août 2014 et fin avril dernier, et 80% visaient l'EI.",
    "Des dizaines de personnes ont été blessées, d'après la défense civile syrienne.",
    "At least 16 civilians were killed in a coalition air strike on Mosul on Thursday, Iraqi officials said.",
    "UNAMA documented 3,804 civilian deaths and 7,189 injured in Afghanistan in 2018.",
    "The Pentagon said in its annual report that some 499 civilians were killed in 2017.",
    "The monitor counted 141 of the 222 reports it received as credible.",
    "Dozens of people were wounded, according to the White Helmets.",
)


_PROSE = (
    "Les habitants de la ville décrivent des nuits de bombardements et des quartiers entiers privés d'eau.",
    "Le porte-parole a refusé de commenter les accusations, renvoyant aux enquêtes en cours.",
    "Residents said the market had reopened, although many shops remained shuttered.",
    "The report also recommends that investigators visit the sites of the alleged incidents.",
    "Les organisations humanitaires réclament un accès sans entrave aux zones touchées.",
    "Diplomats in Geneva were expected to discuss a ceasefire proposal later in the week.",
)


def article(size: int, dense: bool = False) -> str:
    """Return a text of about `size` characters, in paragraphs of three sentences.

    A news article states a figure in about one sentence out of three; `dense` puts
    one in nearly every sentence, the engine's worst case.
    """
    if dense:
        sentences = itertools.cycle(_SENTENCES)
    else:
        prose = zip(_SENTENCES, itertools.cycle(_PROSE), itertools.cycle(_PROSE[::-1]))
        sentences = itertools.chain.from_iterable(prose)
        sentences = itertools.cycle(list(sentences))
    parts, length = [], 0
    for i, sentence in enumerate(sentences):
        parts.append(sentence + ("\n\n" if i % 3 == 2 else " "))
        length += len(parts[-1])
        if length >= size:
            return "".join(parts)
    raise AssertionError("unreachable")


def seconds_per_call(text: str, repeat: int) -> float:
    """Return the best mean CPU time of `repeat` extractions of `text` over three rounds.

    CPU time of this process, not wall-clock time, so other work on the machine counts less.
    """
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for _ in range(repeat):
            extract(text, published="2019-05")
        best = min(best, (time.process_time() - started) / repeat)
    return best


def main() -> dict:
    extract(article(3000), published="2019-05")  # compile the patterns once
    per_article = seconds_per_call(article(3000), 100)
    per_dense = seconds_per_call(article(3000, dense=True), 100)
    results = {
        "articles_per_second_3kb": round(1 / per_article, 1),
        "articles_per_second_3kb_dense": round(1 / per_dense, 1),
        "seconds": {},
    }
    print(f"3 KB articles: {1 / per_article:.0f} articles/s on one core ({per_article * 1000:.2f} ms each)")
    print(f"3 KB articles with a figure in every sentence: {1 / per_dense:.0f} articles/s")
    for size, repeat in ((1_000, 200), (10_000, 30), (100_000, 3), (1_000_000, 1)):
        seconds = seconds_per_call(article(size), repeat)
        results["seconds"][size] = seconds
        per_kb = seconds * 1e6 / (size / 1000)
        print(f"{size // 1000:>5} KB: {seconds * 1000:9.2f} ms  ({per_kb:7.1f} µs per KB)")
    return results


if __name__ == "__main__":
    main()
