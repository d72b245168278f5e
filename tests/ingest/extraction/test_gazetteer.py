"""Claimants: names and aliases in both languages, matched without case or accents."""

import pytest

from ingest.extraction import DEFAULT_GAZETTEER, Claimant, extract
from ingest.extraction.folding import fold_in_place
from ingest.extraction.gazetteer import claimant_index


@pytest.mark.parametrize(
    "name",
    [
        "OSDH",
        "SOHR",
        "Observatoire syrien des droits de l'Homme",
        "observatoire syrien des droits de l’homme",
        "Syrian Observatory for Human Rights",
    ],
)
def test_it_matches_every_name_of_the_syrian_observatory(name):
    sohr = next(c for c in DEFAULT_GAZETTEER if c.name == "SOHR")
    assert sohr.matches(name)


def test_it_knows_the_kind_of_each_default_claimant():
    kinds = {c.name: c.kind for c in DEFAULT_GAZETTEER}
    assert kinds["US-led coalition"] == "official"
    assert kinds["Airwars"] == "independent"
    assert kinds["SANA"] == "state_media"
    assert kinds["AFP"] == "media"


def test_it_requires_capitals_for_short_acronyms():
    index = claimant_index(DEFAULT_GAZETTEER)
    text = "un rapport de l'ONU et un autre de UN Women"
    names = [m.claimant.name for m in index.mentions(fold_in_place(text), text)]
    assert names == ["UN", "UN"]


def test_an_acronym_is_also_found_as_the_gazetteer_spells_it_in_lower_case():
    index = claimant_index(DEFAULT_GAZETTEER)
    text = "selon l'Onu et la Manua, mais pas selon une onu"
    names = [m.claimant.name for m in index.mentions(fold_in_place(text), text)]
    assert names == ["UN", "UNAMA"]


def test_it_uses_exactly_the_gazetteer_it_is_given():
    monitor = Claimant("Idlib Health Directorate", "official", ("direction de la santé d'Idleb",))
    text = (
        "Selon la Direction de la santé d'Idleb, 12 civils ont été tués. Selon l'OSDH, 9 civils ont été tués."
    )
    figures = extract(text, published="2020-02", gazetteer=[monitor])
    assert [(f.claimant, f.claimant_kind, f.value) for f in figures] == [
        ("Idlib Health Directorate", "official", 12),
        ("OSDH", "media", 9),  # a source it does not know is named by its words, not the default's "SOHR"
    ]
