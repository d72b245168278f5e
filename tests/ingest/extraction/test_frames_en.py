"""English figures read by token frames (frames.py): the constructions of CONSTRUCTIONS.md and our own."""

import pytest

from ingest.extraction import extract


def figures(text):
    """Return (value, value_max, qualifier, casualty, victims) of each figure, in text order."""
    return [
        (f.value, f.value_max, f.qualifier, f.casualty, f.victims)
        for f in extract(text, published="2020-06-15", language="en")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # CONSTRUCTIONS.md, R1
        (
            "Amnesty believes the true number of civilian dead may run as high as 3,000.",
            [(3000, None, "up_to", "killed", "civilians")],
        ),
        (
            "UNAMA said civilian casualties fell to 5,939 in the first half of the year.",
            [(5939, None, "exact", "killed_or_injured", "civilians")],
        ),
        (
            "The new deaths bring to 31 the death toll in Douma, the monitor said.",
            [(31, None, "exact", "killed", "people")],
        ),
        # our own
        (
            "The death toll from the shelling has climbed to 44, the ministry said.",
            [(44, None, "exact", "killed", "people")],
        ),
        ("The civilian death toll now stands at 118.", [(118, None, "exact", "killed", "civilians")]),
        (
            "The strike brought to 19 the number of people killed this week.",
            [(19, None, "exact", "killed", "people")],
        ),
    ],
)
def test_it_reads_the_number_a_toll_noun_is_given(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Two soldiers were wounded, as were 14 civilians, the governor said.",
            [(14, None, "exact", "injured", "civilians")],
        ),
        (
            "Shrapnel left 23 passers-by with serious injuries, hospital officials said.",
            [(23, None, "exact", "injured", "people")],
        ),
        ("One nurse was killed, as were 6 patients.", [(6, None, "exact", "killed", "people")]),
        (
            "The blast left 12 shoppers with severe injuries.",
            [(12, None, "exact", "injured", "people")],
        ),
        (
            "The fatalities included 222 civilians in the east of the province.",
            [(222, None, "exact", "killed", "civilians")],
        ),
    ],
)
def test_it_reads_a_figure_that_shares_a_verb_or_an_injury_phrase(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Thirty villagers including eight children died in the attack, SOHR said.",
            [(30, None, "exact", "killed", "people"), (8, None, "exact", "killed", "children")],
        ),
        (
            "Nine civilians — four women and five children — were killed, the monitor said.",
            [
                (9, None, "exact", "killed", "civilians"),
                (4, None, "exact", "killed", "women"),
                (5, None, "exact", "killed", "children"),
            ],
        ),
        (
            "Twelve people including four children were killed in the raid.",
            [(12, None, "exact", "killed", "people"), (4, None, "exact", "killed", "children")],
        ),
        (
            "Officials said 19 children and 12 women were killed on Tuesday.",
            [(19, None, "exact", "killed", "children"), (12, None, "exact", "killed", "women")],
        ),
        (
            "Of the 50 people killed in the market, 14 were children.",
            [(50, None, "exact", "killed", "people"), (14, None, "exact", "killed", "children")],
        ),
        (
            "More people – a total of 402 – were killed in the province.",
            [(402, None, "exact", "killed", "people")],
        ),
    ],
)
def test_it_reads_the_parts_inside_a_subject(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "At least 45 civilians have reportedly now died in the Idlib raids, Airwars said.",
            [(45, None, "at_least", "killed", "civilians")],
        ),
        (
            "Some 80 civilians are reported to have been killed in the raid, the UN said.",
            [(80, None, "approx", "killed", "civilians")],
        ),
        (
            "Some 15 civilians are believed to have been killed in the strike.",
            [(15, None, "approx", "killed", "civilians")],
        ),
        (
            "The drone campaign ended up killing somewhere between 64 and 116 civilians.",
            [(64, 116, "range", "killed", "civilians")],
        ),
        (
            "The coalition confirmed another 51 \u201cunintentional civilian deaths\u201d on Thursday.",
            [(51, None, "exact", "killed", "civilians")],
        ),
    ],
)
def test_it_reads_words_between_the_number_its_noun_and_its_verb(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The strike killed 14 militants and two civilians, the coalition said.",
            [(2, None, "exact", "killed", "civilians")],
        ),
        ("The raid killed 9 insurgents and three civilians.", [(3, None, "exact", "killed", "civilians")]),
        ("Eleven soldiers were wounded in the ambush, the ministry said.", []),
        ("Four policemen were wounded when the convoy was hit.", []),
        ("The strike also killed three members of Daesh, the monitor said.", []),
        ("The observatory said 10 foreign fighters had been killed.", []),
        ("Every week, about 20 bodies are recovered from the rubble, rescuers said.", []),
        ("About 15 people are killed every day in the city.", []),
        ("One in five victims was a child, the report found.", []),
        ("Forty people were reported missing after the strike.", []),
        # the parts of fighters are fighters; members of armed groups too
        ("At least 31 militants, including eight Afghans and five Pakistanis, were killed in the raids.", []),
        (
            "The toll stood at 20 dead, including 14 members of armed groups and six civilians.",
            [(20, None, "exact", "killed", "people"), (6, None, "exact", "killed", "civilians")],
        ),
    ],
)
def test_it_leaves_out_fighters_rates_fractions_and_the_missing(text, expected):
    assert figures(text) == expected


def test_a_day_that_is_no_rate_keeps_the_figure():
    assert figures("The strike killed at least 30 civilians resting after a day's work in the fields.") == [
        (30, None, "at_least", "killed", "civilians")
    ]


def test_it_keeps_former_members_of_the_security_forces():
    assert figures("Militants shot dead 190 former members of the security forces.") == [
        (190, None, "exact", "killed", "people")
    ]


def test_a_full_stop_inside_a_closing_quote_still_ends_the_sentence():
    text = (
        'The spokesman called the strikes "precise." Two days later a raid killed 25 civilians, '
        "Airwars said. On May 2, another raid killed 15 civilians, the coalition said."
    )
    found = extract(text, published="2020-06-15")
    assert [(f.value, f.claimant, f.as_of) for f in found] == [
        (25, "Airwars", "2020-06-15"),
        (15, "US-led coalition", "2020-05-02"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The group counts a minimum of 210 civilian deaths in the region, and a high of possibly 480.",
            [(210, 480, "range", "killed", "civilians")],
        ),
        (
            "The toll included 40 civilians in the north of the city and 25 others in the south.",
            [(40, None, "exact", "killed", "civilians"), (25, None, "exact", "killed", "civilians")],
        ),
        (
            "The shelling wounded 18 people, including 6 under the age of 18, medics said.",
            [(18, None, "exact", "injured", "people"), (6, None, "exact", "injured", "children")],
        ),
        (
            "That included 31 children and 17 women, the monitor said.",
            [(31, None, "exact", "killed", "children"), (17, None, "exact", "killed", "women")],
        ),
        ("The figures for army personnel killed amounted to 140 last month.", []),
    ],
)
def test_it_reads_ranges_lists_and_parts_that_a_window_misses(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The number of strikes rose to 40 last month.",
        "The army said it killed 12 Taliban in Helmand.",
        "The deaths of 2 of its soldiers were confirmed on Monday.",
    ],
)
def test_a_count_of_strikes_or_of_fighters_is_no_toll(text):
    assert figures(text) == []


def test_a_toll_given_by_an_auxiliary_keeps_its_qualifier():
    assert figures("The death toll is at least 40, the ministry said.") == [
        (40, None, "at_least", "killed", "people")
    ]


def test_a_count_of_villages_after_deaths_is_no_toll():
    assert figures("Deaths were reported in 12 villages.") == []


def test_a_toll_that_rose_from_one_number_to_another_is_the_second():
    assert figures("The death toll rose from 20 to 35, the ministry said.") == [
        (35, None, "exact", "killed", "people")
    ]


def test_a_year_before_the_event_it_dates_is_no_toll():
    assert figures("The death toll in the 2015 attack was never confirmed.") == []


def test_the_wounded_added_to_a_security_forces_toll_are_combatants_too():
    text = "The figures for security forces personnel killed amounted to 296, with 608 injured."
    assert figures(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("At least 53 migrants were killed in the strike.", [(53, None, "at_least", "killed", "people")]),
        ("Twelve asylum seekers drowned when the boat was hit.", [(12, None, "exact", "killed", "people")]),
        ("Three teachers were wounded.", [(3, None, "exact", "injured", "people")]),
        ("More than 10,000 people were displaced.", []),  # the displaced are no casualties
        ("Two adults and a child were killed in the raid.", [(2, None, "exact", "killed", "people")]),
    ],
)
def test_the_victims_real_news_names_are_people(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two civilian Iraqi adults were killed in the strike.", [(2, None, "exact", "killed", "civilians")]),
        ("Five civilian men died when the shell hit.", [(5, None, "exact", "killed", "civilians")]),
        ("Three civilian women were wounded.", [(3, None, "exact", "injured", "women")]),
    ],
)
def test_civilian_before_another_victim_noun_makes_the_victims_civilians(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "At least 25 Ukrainian civilians were killed by the missiles.",
            [(25, None, "at_least", "killed", "civilians")],
        ),
        (
            "At least 12 Palestinians were killed in the strike on the camp.",
            [(12, None, "at_least", "killed", "people")],
        ),
        ("Ten Palestinian children were killed in the strike.", [(10, None, "exact", "killed", "children")]),
        (
            "Some 40 Rohingya refugees drowned when the boat capsized.",
            [(40, None, "approx", "killed", "people")],
        ),
        ("Three Israeli soldiers were killed in the attack.", []),  # soldiers are no civilian toll
    ],
)
def test_a_nationality_or_community_before_the_victims_keeps_the_figure(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Three children under 10 were killed.", [(3, None, "exact", "killed", "children")]),
        ("Three children aged under 10 were killed.", [(3, None, "exact", "killed", "children")]),
        (
            "At least 20 people were killed, including 5 children under 18.",
            [(20, None, "at_least", "killed", "people"), (5, None, "exact", "killed", "children")],
        ),
    ],
)
def test_an_age_bound_qualifies_the_victims_and_is_no_count(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Twenty people, four of them under 18, were killed.", "Twelve children under 15 died in the raid."],
)
def test_an_age_bound_is_never_read_as_the_toll(text):
    assert 18 not in [f[0] for f in figures(text)] and 15 not in [f[0] for f in figures(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "At least 20 people were killed in the strike. Four of them were under 18.",
            [(20, None, "at_least", "killed", "people"), (4, None, "exact", "killed", "children")],
        ),
        (
            "At least 20 people were killed in the strike. One was reportedly below age 18.",
            [(20, None, "at_least", "killed", "people"), (1, None, "exact", "killed", "children")],
        ),
        (
            'Eleven people died in the raid. "The other nine are Syrian civilians," he said.',
            [(11, None, "exact", "killed", "people"), (9, None, "exact", "killed", "civilians")],
        ),
        (
            'Strikes killed 41 civilians. Rescuers dug all night. Shops stayed shut. "Only six are Syrians," '
            "he said.",
            [(41, None, "exact", "killed", "civilians"), (6, None, "exact", "killed", "people")],
        ),
        ("Police arrested 12 people. Five were women.", []),  # no toll before: nothing to count a part of
        ("The death toll was over 100.", [(100, None, "more_than", "killed", "people")]),
    ],
)
def test_a_sentence_that_opens_on_a_number_may_count_a_part_of_the_figure_before(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "At least 12 civilians were killed, SOHR said. The victims, including four children, belonged to "
            "one family.",
            [(12, None, "at_least", "killed", "civilians"), (4, None, "exact", "killed", "children")],
        ),
        ("Police arrested 12 people. The men, including four teenagers, were released.", []),
    ],
)
def test_the_dead_named_again_with_a_part_count_that_part(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The spokesman said the group had killed only 12 civilians by mistake.",
            [(12, None, "exact", "killed", "civilians")],
        ),
        (
            "The coalition says its strikes killed just 80 civilians.",
            [(80, None, "exact", "killed", "civilians")],
        ),
    ],
)
def test_only_or_just_between_the_verb_and_the_number_keeps_the_figure(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "At least 20 civilians were killed in the strike. They include five children.",
            [(20, None, "at_least", "killed", "civilians"), (5, None, "exact", "killed", "children")],
        ),
        (
            "The UN said 20 people were killed; they included five children.",
            [(20, None, "exact", "killed", "people"), (5, None, "exact", "killed", "children")],
        ),
    ],
)
def test_a_pronoun_that_includes_a_part_counts_that_part(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "At least 40 civilians were killed in the strike. Twelve of them were children.",
            [(40, None, "at_least", "killed", "civilians"), (12, None, "exact", "killed", "children")],
        ),
        (
            "At least 40 civilians were killed in the strike, of whom twelve were women.",
            [(40, None, "at_least", "killed", "civilians"), (12, None, "exact", "killed", "women")],
        ),
    ],
)
def test_a_part_that_were_children_is_counted(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a noun the lexicon does not know, with its own verb: people
        ("At least 14 pilgrims died when the bus was hit.", [(14, None, "at_least", "killed", "people")]),
        ("Six young hunters were killed on Thursday near Gao.", [(6, None, "exact", "killed", "people")]),
        # a part with no number of its own between the noun and the verb
        (
            "Sixteen people including women and children were killed in the strike.",
            [(16, None, "exact", "killed", "people")],
        ),
        # combatants are never a figure
        ("Between 2,372 and 2,581 combatants were killed in those strikes.", []),
    ],
)
def test_a_subject_the_lexicon_does_not_name(text, expected):
    assert figures(text) == expected


def test_a_part_said_of_the_figure_before_after_a_reporting_clause():
    text = (
        "Six young hunters were killed on Thursday near Gao. The mayor told AFP that four of them were "
        "under 16."
    )
    assert figures(text) == [(6, None, "exact", "killed", "people"), (4, None, "exact", "killed", "children")]


def test_the_parts_of_a_toll_after_a_dash():
    text = "Kurdish authorities reported at least 29 dead -- 11 civilians, 15 fighters and three soldiers."
    assert figures(text) == [
        (29, None, "at_least", "killed", "people"),
        (11, None, "exact", "killed", "civilians"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The strike killed a family of seven in Raqqa.", [(7, None, "exact", "killed", "people")]),
        (
            "The strike killed an entire family of nine, including five children.",
            [(9, None, "exact", "killed", "people"), (5, None, "exact", "killed", "children")],
        ),
        ("Three families lost their homes in the strike.", []),
    ],
)
def test_a_family_counts_its_members_not_itself(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The army said 150 Taliban fighters were killed and 40 wounded in the operation.",
        'A spokesman said, "150 Taliban terrorists were killed, 40 wounded" in the operation.',
        "Twelve soldiers were killed and 30 wounded in the attack.",
    ],
)
def test_the_wounded_after_fighters_killed_are_the_same_fighters(text):
    assert figures(text) == []


def test_the_wounded_after_civilians_and_soldiers_killed_are_a_figure():
    text = "Twelve soldiers and three civilians were killed and 30 wounded in the attack."
    assert [f[0] for f in figures(text)] == [3, 30]


@pytest.mark.parametrize(
    "opener, qualifier",
    [("Of those, more than", "more_than"), ("Among them,", "exact"), ("Of them,", "exact")],
)
def test_a_part_after_whom_it_is_part_of(opener, qualifier):
    text = f"The UN said 10,000 civilians had been killed. {opener} 560 were children, it said."
    assert figures(text) == [
        (10000, None, "exact", "killed", "civilians"),
        (560, None, qualifier, "killed", "children"),
    ]
