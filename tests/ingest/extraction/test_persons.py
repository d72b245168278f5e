"""People who speak (persons.py): named for themselves, or for the organisation their apposition names."""

import pytest

from ingest.extraction import extract
from ingest.extraction.folding import fold
from ingest.extraction.persons import persons


def claimants(text: str) -> list[tuple[int, str, str]]:
    return [(f.value, f.claimant, f.claimant_kind) for f in extract(text, published="2020-06-15")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Karim Haddad, who runs a bakery near the market, said eleven people were killed in the blast.",
            [(11, "Karim Haddad", "unattributed")],
        ),
        (
            '"Six of our neighbours were killed this morning," Leila Mansour said by telephone.',
            [(6, "Leila Mansour", "unattributed")],
        ),
        (
            "Selon Youssef Karam, un habitant du quartier, quatorze civils ont été tués dans la nuit.",
            [(14, "Youssef Karam", "unattributed")],
        ),
        (
            "Le député irakien Hassan al Jabouri a évalué à 3.000 le nombre de civils tués dans la bataille.",
            [(3000, "Hassan al Jabouri", "official")],
        ),
    ],
)
def test_a_private_person_or_a_member_of_parliament_speaks_for_themselves(text, expected):
    assert claimants(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rami Abdel Rahman, the head of the Syrian Observatory for Human Rights, said 23 civilians were "
            "killed. Abdel Rahman told AFP that five children were among the dead.",
            [(23, "SOHR"), (5, "SOHR")],
        ),
        (
            "Le directeur de l'OSDH, Rami Abdel Rahmane, a précisé que 17 civils avaient péri. Selon Abdel "
            "Rahmane, quatre enfants figurent parmi les morts.",
            [(17, "SOHR"), (4, "SOHR")],
        ),
        (
            "Omar Saleh, from the civil defence in Idlib, said nine people were killed in the Syrian town.",
            [(9, "White Helmets")],
        ),
    ],
)
def test_a_person_who_speaks_for_an_organisation_is_that_organisation(text, expected):
    assert [(value, claimant) for value, claimant, _ in claimants(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # an office: the rules name the institution ("local officials"), not the person
        "Twelve people were wounded, said Nasrullah Ahmadi, a provincial council member.",
        "Quinze civils ont été tués, a indiqué Aminata Traoré, présidente de la commission régionale.",
        # a clause after the name is no apposition: the outlet told is not who the person is
        "The spokesman, Dr. Ali Hassan, told Reuters that 12 of the wounded were in critical condition.",
    ],
)
def test_an_official_or_a_told_outlet_makes_no_person_of_their_own(text):
    assert [m.claimant.name for m in persons(text, fold(text), [])] == []


def test_names_that_open_sentences_or_name_places_are_no_person():
    text = "Monday Night in Deir Ezzor was quiet. Syrian Democratic Forces said 4 civilians were killed."
    assert persons(text, fold(text), []) == []
