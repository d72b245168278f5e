import dataclasses

import pytest

from ingest.extraction import Figure

VALUES = dict(
    claimant="Airwars",
    claimant_kind="independent",
    value=1302,
    value_max=None,
    qualifier="exact",
    casualty="killed",
    victims="civilians",
    scope="cumulative",
    geography="iraq_syria",
    perpetrator="coalition",
    as_of="2019-05",
    quote="The coalition killed 1,302 civilians.",
    start=21,
    end=26,
    confidence=0.9,
)


def test_of_builds_the_same_frozen_figure_as_the_constructor():
    built, made = Figure(**VALUES), Figure.of(**VALUES)
    assert built == made and hash(built) == hash(made) and repr(built) == repr(made)
    assert list(made.as_dict().items()) == list(VALUES.items())
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.value = 3


def test_of_wants_every_field():
    with pytest.raises(TypeError):
        Figure.of(**{**VALUES, "valeur": 1})
    with pytest.raises(TypeError):
        Figure.of(**{k: v for k, v in VALUES.items() if k != "end"})
