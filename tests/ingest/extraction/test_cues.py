"""Who harms, as `cues.perpetrators` reads it: the actor of a deed, never what the deed is aimed at."""

import pytest

from ingest.extraction import cues
from ingest.extraction.folding import fold_in_place


def actors(text: str) -> list[str]:
    folded = fold_in_place(text)
    return [actor for _, _, actor in cues.perpetrators(folded, 0, len(folded), text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the actor carries out the strikes: "mener", "conduct", "carry out", "launch"
        ("Les forces américaines ont mené une frappe près de Kismayo.", ["coalition"]),
        ("Russian jets carried out the raids on the market town.", ["russia"]),
        ("Les forces du régime ont lancé de nouvelles frappes sur Deraa.", ["syria_gov"]),
        ("US forces conducted two airstrikes against the group on Tuesday.", ["coalition"]),
        # an apposition between the actor and its deed
        ("Les forces russes, alliées de Damas, ont mené ces frappes sur Maarat al-Noomane.", ["russia"]),
        ("Turkish jets, flying from Diyarbakir, bombed the villages.", ["other"]),
        # strikes done jointly
        ("Des frappes conjointes anglo-américaines ont visé Sanaa.", ["coalition"]),
        ("Joint British-American strikes hit the port.", ["coalition"]),
        # the one accused of the harm
        ("La Russie est accusée d'avoir tué plus de 6 000 civils.", ["russia"]),
        ("Russia has been accused of killing more than 6,000 civilians.", ["russia"]),
        # the actor's harm in the possessive, and the French genitive beside it
        ("Russia's strikes on the city killed 14 civilians.", ["russia"]),
        ("The coalition's air campaign killed more civilians than it admits.", ["coalition"]),
        ("Les frappes de la Russie sur la ville ont tué 14 civils.", ["russia"]),
        # led by Riyadh, without the word "coalition": the Saudi-led coalition, "other"
        ("Saudi-led airstrikes killed 22 civilians at a market.", ["other"]),
        # the harm put down to an actor, a few words between
        ("The UN attributed most of these deaths to government forces.", ["syria_gov"]),
        ("L'ONU attribue 93% de ces morts au régime.", ["syria_gov"]),
        ("Des frappes de la coalition menée par l'Arabie saoudite ont tué 22 civils.", ["other"]),
    ],
)
def test_the_actor_of_a_deed_harms(text, expected):
    assert actors(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # what the strike hits, what the campaign fights: targets, not killers
        "An airstrike on al-Shabab militants killed two civilians.",
        "Une frappe sur des positions rebelles a tué quatre civils.",
        "Les attaques de la coalition contre l'EI auraient tué 300 civils.",
        "Strikes by the coalition fighting ISIS killed 20 civilians.",
        "The campaign to defeat ISIS has killed 3,000 civilians, the monitor says.",
        "La campagne pour chasser les djihadistes a tué 500 civils.",
        # whom a town is taken from
        "The battle to retake Mosul from the Islamic State killed as many as 5,000 civilians.",
        "La bataille pour libérer Raqqa de l'EI a tué 1 600 civils.",
        "L'offensive pour reprendre Mossoul à l'EI a tué 5 000 civils.",
    ],
)
def test_a_target_of_the_harm_is_not_its_actor(text):
    assert "isis" not in actors(text) and "other" not in actors(text)


def test_a_raid_on_a_place_by_an_actor_keeps_its_actor():
    assert actors("An attack on a market by Islamic State militants killed five people.") == ["isis", "isis"]
