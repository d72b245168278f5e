"""The engine's output: one casualty figure, as the scoring contract describes it."""

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Figure:
    """A count of people killed or injured, stated by a claimant in one sentence.

    `start`/`end` are offsets of the number in the original text (text[start:end] is
    "1.302", "Vingt" or "une vingtaine"); `quote` is the sentence, verbatim.
    """

    claimant: str
    claimant_kind: str
    value: int
    value_max: int | None
    qualifier: str
    casualty: str
    victims: str
    scope: str
    geography: str
    perpetrator: str
    as_of: str | None
    quote: str
    start: int
    end: int
    confidence: float

    def as_dict(self) -> dict:
        return asdict(self)
