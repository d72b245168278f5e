"""The scope of a figure: the rules' reading weighed by the scope model, in French and English."""

import pytest

from ingest.extraction import extract


def scopes(text: str, values) -> list[tuple[int, str]]:
    return [(f.value, f.scope) for f in extract(text, published="2018-06-15") if f.value in values]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the war on the Islamic State is the campaign whose total is counted, not a battle
            "La coalition a reconnu 40 décès de plus au cours de l'opération contre l'EI, portant à 840 "
            "le nombre de civils tués par ses frappes.",
            [(840, "cumulative")],
        ),
        (
            "The coalition admitted 40 more deaths during the campaign against the Islamic State, bringing "
            "to 840 the number of civilians its strikes have killed.",
            [(840, "cumulative")],
        ),
        (  # a span of years is a campaign's, not one strike's
            "Le Pentagone a indiqué jeudi que ses frappes avaient tué 899 civils en près de quatre ans.",
            [(899, "cumulative")],
        ),
        (
            "The Pentagon said on Thursday that its strikes had killed 899 civilians over four years.",
            [(899, "cumulative")],
        ),
        (  # one strike on one day stays an incident
            "A strike on a market in Raqqa killed 12 civilians on Tuesday, the monitor said.",
            [(12, "incident")],
        ),
        ("Une frappe sur un marché de Raqqa a tué 12 civils mardi, selon l'OSDH.", [(12, "incident")]),
    ],
    ids=lambda value: str(value)[:50],
)
def test_the_scope_model_reads_campaigns_and_incidents(text, expected):
    assert scopes(text, {value for value, _ in expected}) == expected
