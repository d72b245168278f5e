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
        (  # one of several strikes, last year: that strike's toll
            "The air force admitted that two civilians were killed in one of its airstrikes last year.",
            [(2, "incident")],
        ),
        (
            "L'armée a admis que deux civils avaient été tués dans l'une de ses frappes l'an dernier.",
            [(2, "incident")],
        ),
    ],
    ids=lambda value: str(value)[:50],
)
def test_the_scope_model_reads_campaigns_and_incidents(text, expected):
    assert scopes(text, {value for value, _ in expected}) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a span of days is a period, not one strike's toll
        ("Raids on Thursday and Friday on Kafr Nabl killed 23 civilians, the monitor said.", 23),
        ("Des raids jeudi et vendredi sur Kafr Nabl ont tué 23 civils, selon l'OSDH.", 23),
        ("Three days of shelling on the old city have killed 64 civilians, the UN said.", 64),
        ("Trois jours de bombardements sur la vieille ville ont tué 64 civils, selon l'ONU.", 64),
        ("The UN said 38 civilians were killed in the week to March 9 across the province.", 38),
        ("Selon l'ONU, 38 civils ont été tués au cours de la dernière semaine dans la province.", 38),
        ("Selon l'OSDH, 17 civils ont été tués en 48 heures dans les frappes sur Douma.", 17),
        ("The monitor said 17 civilians had been killed within 48 hours in the strikes on Douma.", 17),
    ],
    ids=lambda value: str(value)[:50],
)
def test_a_span_of_days_is_a_period(text, expected):
    assert scopes(text, {expected}) == [(expected, "period")]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Some 9,000 civilians have been killed since the beginning of 2014, the UN said.", "2014-11-30"),
        ("Quelque 9.000 civils ont été tués depuis le début de 2014, selon l'ONU.", "2014-11-30"),
    ],
)
def test_since_the_start_of_the_year_written_in_is_that_years_toll(text, published):
    assert [f.scope for f in extract(text, published=published)] == ["period"]


@pytest.mark.parametrize(
    "text",
    [
        "Selon l'ONU, 4 773 civils ont été tués depuis l'intervention militaire conduite par Riyad.",
        "The UN said 4,773 civilians had been killed since the Saudi-led intervention.",
        "Selon l'armée, 400 civils ont été tués dans les frappes de la coalition entre 2014 et 2018.",
        "The military said 400 civilians were killed in coalition strikes between 2014 and 2018.",
    ],
)
def test_since_the_intervention_or_a_span_of_years_to_now_is_the_campaigns_total(text):
    assert [scope for _, scope in scopes(text, (400, 4773))] == ["cumulative"]


@pytest.mark.parametrize(
    "text",
    [
        "Selon l'ONU, 400 civils ont été tués en Irak entre 2014 et 2016.",
        "The UN said 400 civilians were killed in Iraq between 2014 and 2016.",
    ],
)
def test_a_span_of_years_that_has_ended_is_a_period(text):
    assert scopes(text, (400,)) == [(400, "period")]


@pytest.mark.parametrize(
    "text",
    [
        "Selon l'ONU, 1 300 civils ont été tués au cours de l'année 2017, un niveau historiquement bas "
        "depuis l'invasion américaine.",
        "The UN said 1,300 civilians were killed during 2017, a historic low since the US invasion.",
    ],
)
def test_a_low_since_the_invasion_is_a_comparison_not_a_span(text):
    assert scopes(text, (1300,)) == [(1300, "period")]


@pytest.mark.parametrize(
    "text",
    [
        "Last month, the coalition said its strikes had killed at least 220 civilians since 2014.",
        "Le mois dernier, la coalition a reconnu que ses frappes avaient tué 220 civils depuis 2014.",
    ],
)
def test_a_month_that_opens_a_statement_dates_it_and_is_no_span(text):
    assert [(f.value, f.scope, f.as_of) for f in extract(text, published="2017-04-10")] == [
        (220, "cumulative", "2017-03")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Last month, 45 civilians were killed in Raqqa, the UN said.",
        "En mars, 45 civils ont été tués à Raqqa.",
    ],
)
def test_a_month_that_opens_a_toll_is_its_span(text):
    assert [(f.value, f.scope) for f in extract(text, published="2017-04-10")] == [(45, "period")]


@pytest.mark.parametrize(
    "text",
    [
        '"We counted 47 bodies," a nurse at the hospital told The Associated Press. Another 80 people were '
        "wounded, she said.",
        "« Nous avons compté 47 corps », a déclaré une infirmière de l'hôpital à l'AFP. Selon elle, "
        "80 autres personnes ont été blessées.",
        "Airwars estimates that 3,000 civilians have died since 2014. Another 1,200 were wounded, it says.",
    ],
)
def test_more_of_a_toll_has_the_scope_the_toll_was_given(text):
    whole, more = (f.scope for f in extract(text, published="2018-06-15"))
    assert more == whole


@pytest.mark.parametrize(
    "text",
    [
        "Since it intervened in Syria in 2015, Russia has killed more than 6,000 civilians, SOHR says.",
        "Since Russia invaded Ukraine, the UN has recorded 10,000 civilian deaths.",
    ],
)
def test_since_an_intervention_or_an_invasion_is_a_campaigns_total(text):
    assert [f.scope for f in extract(text, published="2019-06-15")] == ["cumulative"]
