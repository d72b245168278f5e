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

    @classmethod
    def of(cls, **values) -> "Figure":
        """Build a figure from all its fields: the engine's way, one dict update where the frozen
        __init__ calls object.__setattr__ once per field (15 calls per figure)."""
        if values.keys() != _FIELDS:
            raise TypeError(f"a Figure needs exactly the fields {sorted(_FIELDS)}")
        figure = object.__new__(cls)
        figure.__dict__.update(values)
        return figure


_FIELDS = frozenset(Figure.__dataclass_fields__)
