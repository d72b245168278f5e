"""English articles: the same constructions as in French, in sentences written for these tests."""

import pytest

from ingest.extraction import extract
from ingest.extraction.engine import detect_language
from ingest.extraction.folding import fold_in_place

MONTHLY_REPORT = (
    "CJTF-OIR releases its monthly civilian casualty report\n\n"
    "The coalition said on Thursday that it had assessed 1,257 civilians as unintentionally killed by its "
    "strikes in Iraq and Syria since the start of Operation Inherent Resolve in 2014.\n\n"
    "The figure remains far below the estimates of independent monitors. Airwars, a London-based group that "
    "tracks the air war, estimates that between 7,500 and 12,000 civilians have been killed by coalition "
    "strikes since 2014.\n\n"
    "The coalition carried out 34,573 strikes over the same period and reviewed 2,100 reports of civilian "
    "harm."
)

IDLIB = (
    "At least 16 civilians, including seven children, were killed in Russian air strikes on Idlib province "
    "on "
    "Thursday, the Syrian Observatory for Human Rights said. The monitor said 23 others were wounded.\n\n"
    "Dozens of people were wounded in regime barrel bomb attacks on Aleppo last month, according to the "
    "White "
    "Helmets."
)

UNAMA = (
    "The United Nations Assistance Mission in Afghanistan (UNAMA) documented 3,804 civilian deaths and 7,189 "
    "injured in Afghanistan in 2018. Nearly 500 children were killed by air strikes, it said."
)


def test_it_reads_a_monthly_coalition_report_and_the_monitors_estimate():
    figures = extract(MONTHLY_REPORT, published="2019-03-28")
    assert [(f.claimant, f.value, f.value_max, f.qualifier) for f in figures] == [
        ("US-led coalition", 1257, None, "exact"),
        ("Airwars", 7500, 12000, "range"),
    ]
    coalition, airwars = figures
    assert (coalition.claimant_kind, coalition.scope, coalition.geography, coalition.perpetrator) == (
        "official",
        "cumulative",
        "iraq_syria",
        "coalition",
    )
    assert airwars.claimant_kind == "independent"
    assert MONTHLY_REPORT[airwars.start : airwars.end] == "7,500 and 12,000"


def test_it_reads_russian_strikes_on_idlib_with_sub_counts_and_the_monitor():
    figures = extract(IDLIB, published="2019-03-15")
    summary = [(f.value, f.qualifier, f.casualty, f.victims, f.claimant) for f in figures]
    assert summary == [
        (16, "at_least", "killed", "civilians", "SOHR"),
        (7, "exact", "killed", "children", "SOHR"),
        (23, "exact", "injured", "people", "SOHR"),
        (12, "at_least", "injured", "people", "White Helmets"),
    ]
    assert {f.perpetrator for f in figures[:2]} == {"russia"}
    assert figures[0].scope == "incident" and figures[0].as_of == "2019-03-14"
    assert figures[3].perpetrator == "syria_gov" and figures[3].as_of == "2019-02"


def test_it_reads_unama_in_afghanistan_over_a_year():
    figures = extract(UNAMA, published="2019-02-24")
    assert [(f.value, f.casualty, f.victims, f.qualifier) for f in figures] == [
        (3804, "killed", "civilians", "exact"),
        (7189, "injured", "civilians", "exact"),
        (500, "killed", "children", "approx"),
    ]
    assert {(f.claimant, f.geography, f.scope) for f in figures[:2]} == {("UNAMA", "afghanistan", "period")}
    assert figures[0].as_of == "2018-12-31"
    assert figures[2].claimant == "UNAMA" and figures[2].confidence < figures[0].confidence


@pytest.mark.parametrize(
    "phrase, qualifier",
    [
        ("at least", "at_least"),
        ("no fewer than", "at_least"),
        ("more than", "more_than"),
        ("over", "more_than"),
        ("up to", "up_to"),
        ("nearly", "approx"),
        ("about", "approx"),
        ("some", "approx"),
    ],
)
def test_it_reads_english_qualifiers(phrase, qualifier):
    figures = extract(
        f"According to the UN, {phrase} 40 civilians were killed in Mosul.", published="2017-07"
    )
    assert [(f.value, f.qualifier, f.claimant, f.geography) for f in figures] == [
        (40, qualifier, "UN", "iraq")
    ]


@pytest.mark.parametrize(
    "text, casualty, victims",
    [
        ("The strike killed 12 civilians, AP reported.", "killed", "civilians"),
        ("Twelve people died in the attack, AP reported.", "killed", "people"),
        ("Twelve people lost their lives in the attack, AP reported.", "killed", "people"),
        ("Twelve women were injured in the attack, AP reported.", "injured", "women"),
        ("The blast left 12 dead, AP reported.", "killed", "people"),
        ("The attack caused 12 civilian deaths, AP reported.", "killed", "civilians"),
        ("The attack caused 12 casualties, AP reported.", "killed_or_injured", "people"),
    ],
)
def test_it_reads_english_casualty_words(text, casualty, victims):
    figures = extract(text, published="2017-07")
    assert [(f.value, f.casualty, f.victims, f.claimant, f.claimant_kind) for f in figures] == [
        (12, casualty, victims, "AP", "media")
    ]


@pytest.mark.parametrize(
    "text, value, value_max",
    [
        ("Between 10 and 20 civilians were killed, the UN said.", 10, 20),
        ("The strike killed 10 to 15 people, the UN said.", 10, 15),
        ("Two dozen civilians were killed, the UN said.", 24, None),
        ("Scores of civilians were killed, the UN said.", 20, None),
        ("Hundreds of civilians were killed, the UN said.", 100, None),
    ],
)
def test_it_reads_english_ranges_and_vague_numbers(text, value, value_max):
    figure = extract(text, published="2017-07")[0]
    assert (figure.value, figure.value_max) == (value, value_max)


@pytest.mark.parametrize(
    "text",
    [
        "The coalition carried out 34,573 strikes in 2018.",
        "Some 2,100 reports of civilian harm remain under review.",
        "Officials said 80% of the city was destroyed in 2017.",
        "The Pentagon asked for $1.5 billion, or 300 million dollars more.",
        "A 12-year-old boy was among the wounded.",
        "About 5,000 fighters remain in the enclave.",
    ],
)
def test_it_ignores_english_numbers_that_count_no_casualties(text):
    assert extract(text, published="2019-01") == []


@pytest.mark.parametrize(
    "text, claimant",
    [
        ("The Pentagon acknowledged that 499 civilians were killed in 2017.", "Pentagon"),
        ("Iraqi officials said 30 civilians were killed in Mosul.", "Iraqi authorities"),
        ("30 civilians were killed in Mosul, the monitoring group Airwars said.", "Airwars"),
        ("According to Amnesty International, 30 civilians were killed in Raqqa.", "Amnesty International"),
        ("Human Rights Watch said the strike killed 30 civilians.", "Human Rights Watch"),
        ("Russia's defence ministry said 30 civilians were killed.", "Russian Defence Ministry"),
    ],
)
def test_it_attributes_english_figures(text, claimant):
    assert extract(text, published="2017-07")[0].claimant == claimant


def test_it_resolves_the_monitor_and_the_group_to_the_last_independent_claimant():
    text = (
        "The Syrian Observatory for Human Rights published its tally on Monday. "
        "The monitor said 45 civilians were killed by coalition strikes on Raqqa in June."
    )
    figure = extract(text, published="2017-07")[0]
    assert (figure.claimant, figure.scope, figure.as_of, figure.perpetrator) == (
        "SOHR",
        "period",
        "2017-06",
        "coalition",
    )


def test_it_leaves_an_unattributed_figure_unattributed_with_low_confidence():
    figure = extract("Twelve civilians were killed in an air strike on Mosul.", published="2017-07")[0]
    assert (figure.claimant, figure.claimant_kind) == ("unattributed", "unattributed")
    assert figure.confidence < 0.6


def _one(text, published="2019-06-14", **fields):
    figures = extract(text, published=published, language="en")
    return [tuple(getattr(f, name) for name in ("value", *fields)) for f in figures]


def test_a_belligerent_named_before_its_strikes_is_not_the_speaker():
    text = "The Iraqi Observatory for Human Rights says coalition strikes have killed 410 civilians in Anbar."
    assert _one(text, claimant="claimant") == [(410, "Iraqi Observatory for Human Rights")]


def test_an_indefinite_monitor_is_named_by_the_next_sentence():
    text = (
        "Government air strikes killed 14 civilians in Hama on Monday, a monitor said. The Syrian Network "
        "for "
        "Human Rights said eight of the dead were children."
    )
    assert _one(text, claimant="claimant") == [(14, "SNHR"), (8, "SNHR")]


def test_un_missions_and_agencies_are_named_with_dots_or_without():
    text = (
        "The U.N. mission in Iraq recorded 75 civilian deaths in May. UNICEF said 12 children were killed "
        "in the same attacks. The World Health Organization counted 40 injured at the hospitals."
    )
    assert _one(text, claimant="claimant") == [(75, "UNAMI"), (12, "UN"), (40, "UN")]


def test_unnamed_local_officials_are_named_as_described_with_the_country_of_the_place():
    text = (
        "A roadside bomb killed nine people in Kandahar on Tuesday, provincial officials said. In Mosul, "
        "police said four civilians were wounded."
    )
    assert _one(text, claimant="claimant") == [(9, "Afghan provincial officials"), (4, "Iraqi authorities")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hospital sources in Sanaa said 12 civilians were killed in the raid.", "Yemeni hospital sources"),
        ("Twelve civilians were killed in the raid, a local official said.", "local official"),
        ("Security sources in Baghdad said 12 people were killed.", "Iraqi security sources"),
    ],
)
def test_unnamed_sources_are_named_as_the_text_describes_them(text, expected):
    assert [claimant for _, claimant in _one(text, claimant="claimant")] == [expected]


def test_the_one_told_is_not_the_speaker():
    text = "The governor of Nineveh told Reuters that 31 civilians were killed in the raid."
    assert _one(text, claimant="claimant") == [(31, "Iraqi authorities")]


def test_a_part_among_them_is_a_sub_count_of_the_figure_before():
    text = (
        "The Syrian Observatory counted 61 civilians killed in Douma since Sunday. "
        "It said 19 children were among them."
    )
    assert _one(text, claimant="claimant", victims="victims", casualty="casualty") == [
        (61, "SOHR", "civilians", "killed"),
        (19, "SOHR", "children", "killed"),
    ]


def test_at_least_and_possibly_as_many_as_is_a_range():
    text = "Airwars says at least 1,200 civilians and possibly as many as 1,900 were killed in Raqqa."
    assert _one(text, value_max="value_max", qualifier="qualifier") == [(1200, 1900, "range")]


def test_it_reads_of_the_dead_shot_dead_and_put_the_number_at():
    text = (
        "Amnesty said 30 of the dead were women. Gunmen shot dead 11 villagers near Sinjar, the UN said. "
        "The White Helmets put the number at more than 60."
    )
    assert _one(text, casualty="casualty", claimant="claimant") == [
        (30, "killed", "Amnesty International"),
        (11, "killed", "UN"),
        (60, "killed", "White Helmets"),
    ]


def test_a_headline_names_its_source_after_a_colon():
    text = "Car bomb kills 17 in Kabul market: U.N.\n\nThe blast also wounded dozens of shoppers."
    assert _one(text, claimant="claimant")[0] == (17, "UN")


def test_a_half_year_is_a_period_that_ends_in_june():
    text = "In the first six months of 2019, UNAMA documented 1,366 civilian deaths."
    assert _one(text, published="2019-07-30", scope="scope", as_of="as_of") == [
        (1366, "period", "2019-06-30")
    ]


def test_a_war_toll_is_cumulative_with_no_single_perpetrator():
    text = "Russian jets struck Idlib again. Syria's eight-year war has killed more than 370,000 people."
    assert _one(text, scope="scope", perpetrator="perpetrator") == [(370000, "cumulative", "unknown")]


def test_a_span_since_a_weekday_holds_to_the_day_it_was_said():
    [figure] = extract(
        "The monitor said on Monday that 43 civilians had been killed since Friday.", published="2019-06-05"
    )
    assert (figure.scope, figure.as_of) == ("period", "2019-06-03")


@pytest.mark.parametrize(
    "sentence, scope, as_of",
    [
        (
            "The UN said 1,200 civilians were killed in the first three months of 2017.",
            "period",
            "2017-03-31",
        ),
        ("The UN said 1,200 civilians were killed in the third quarter of 2016.", "period", "2016-09-30"),
        ("The UN said 1,200 civilians were killed between January and March.", "period", "2017-03"),
        # the start of a span is no end: the battle's toll runs to when it was said
        (
            "Airwars said on Thursday that 312 civilians died between late March and the town's capture.",
            "period",
            "2017-06-15",
        ),
    ],
)
def test_the_first_months_of_a_year_and_a_span_of_months_end_with_their_last_month(sentence, scope, as_of):
    [figure] = extract(sentence, published="2017-06-15")
    assert (figure.scope, figure.as_of) == (scope, as_of)


def test_last_year_and_a_capitalised_month_give_the_date():
    text = (
        "UNAMA documented 3,403 civilian deaths last year. In March the rights group said it had documented "
        "14 civilian deaths in Somalia."
    )
    assert _one(text, published="2020-05-02", as_of="as_of") == [(3403, "2019-12-31"), (14, "2020-03")]


def test_several_countries_with_afghanistan_are_other_places():
    text = "The Pentagon said its operations in Iraq, Syria and Afghanistan killed 120 civilians in 2018."
    assert _one(text, geography="geography") == [(120, "other")]


def test_allied_forces_in_afghanistan_are_the_coalition():
    text = "UNAMA said pro-government forces killed 717 civilians in Afghanistan in the first half of 2019."
    assert _one(text, perpetrator="perpetrator") == [(717, "coalition")]


def test_a_wire_credit_in_the_dateline_is_not_the_claimant():
    text = (
        "AMMAN (Reuters) - At least 14 civilians were killed in air strikes on Deir ez-Zor, the White "
        "Helmets "
        "rescue service said."
    )
    assert _one(text, claimant="claimant") == [(14, "White Helmets")]


def test_people_named_by_their_nationality_are_people():
    text = "The United Nations said 1,204 Iraqis were killed and 1,530 wounded in June."
    assert _one(text, claimant="claimant", victims="victims", casualty="casualty") == [
        (1204, "UN", "people", "killed"),
        (1530, "UN", "people", "injured"),
    ]


def test_a_part_of_the_dead_takes_their_victims():
    text = (
        "SOHR said 31 civilians were killed in Idlib on Tuesday. It said 18 of the dead were killed when "
        "jets "
        "hit a bakery."
    )
    assert _one(text, victims="victims") == [(31, "civilians"), (18, "civilians")]


def test_a_figure_whose_words_are_left_out_repeats_the_figure_before():
    text = (
        "SNHR said government forces were responsible for 88 of the deaths and Russian forces for 35, while "
        "it attributed 9 deaths to the Islamic State group and four to the US-led coalition."
    )
    assert _one(text, perpetrator="perpetrator") == [
        (88, "syria_gov"),
        (35, "russia"),
        (9, "isis"),
        (4, "coalition"),
    ]


def test_a_threshold_and_a_noun_that_looks_like_a_verb_are_no_figures():
    text = (
        "The monitor recorded 12 massacres in April, a word it uses for attacks that kill five or more "
        "civilians at once."
    )
    assert _one(text) == []


def test_the_pentagon_and_the_us_military_are_one_voice_and_the_body_wins_over_the_headline():
    text = (
        "Pentagon admits strike killed 6 civilians, including 4 children\n\n"
        "WASHINGTON (AP) — The U.S. military acknowledged on Monday that an air strike in Mosul last month "
        "killed six civilians, including as many as four children."
    )
    assert _one(text, claimant="claimant", qualifier="qualifier", scope="scope") == [
        (6, "US military", "exact", "incident"),
        (4, "US military", "up_to", "incident"),
    ]


def test_capital_is_is_the_islamic_state_and_a_sub_count_keeps_its_own_perpetrator():
    text = (
        "A U.N. report documented at least 1,420 civilian deaths during the operation, including 510 "
        "civilians executed by IS."
    )
    assert _one(text, perpetrator="perpetrator") == [(1420, "unknown"), (510, "isis")]


def test_militants_are_the_islamic_state_where_the_article_names_it():
    text = (
        "Islamic State fighters held the old town for months. The U.N. said militants had shot dead 48 "
        "people near Tal Afar in a single mass killing."
    )
    assert _one(text, perpetrator="perpetrator", scope="scope") == [(48, "isis", "incident")]


def test_a_month_named_is_weaker_than_one_strike_and_the_statement_weekday_is_no_date():
    text = "The United Nations said on Tuesday that 640 civilians were killed in Iraq in September."
    assert _one(text, published="2016-10-04", scope="scope", as_of="as_of") == [(640, "period", "2016-09")]


def test_since_a_campaign_began_is_cumulative_and_its_start_is_no_end_date():
    text = (
        "The monitor said shelling by government forces had killed more than 410 civilians since the "
        "offensive began at the end of April."
    )
    assert _one(text, scope="scope", as_of="as_of", perpetrator="perpetrator") == [
        (410, "cumulative", "2019-06-14", "syria_gov")
    ]


def test_a_figure_with_no_speaker_in_a_new_paragraph_is_the_report_s():
    text = (
        "UNAMA documented 2,117 civilian deaths in the first half of the year.\n\n"
        "Air strikes caused 363 of those deaths, including 89 children."
    )
    assert _one(text, claimant="claimant") == [(2117, "UNAMA"), (363, "UNAMA"), (89, "UNAMA")]


def test_a_war_toll_with_no_speaker_stays_unattributed():
    text = (
        "UNAMA documented 2,117 civilian deaths in the first half of the year.\n\nThe war has killed 150,000 "
        "people."
    )
    assert _one(text, claimant="claimant") == [(2117, "UNAMA"), (150000, "unattributed")]


def test_each_clause_keeps_its_own_country():
    text = (
        "In Iraq and Syria, the Pentagon counted 31 civilian deaths, and in Somalia three, according to its "
        "annual report."
    )
    assert _one(text, geography="geography") == [(31, "iraq_syria"), (3, "other")]


def test_air_strikes_with_no_named_actor_in_iraq_are_the_coalition_s():
    text = (
        "An air strike on a house in western Mosul killed nine members of one family, a local official said."
    )
    assert _one(text, perpetrator="perpetrator", claimant="claimant") == [
        (9, "coalition", "Iraqi local official")
    ]


def test_another_toll_of_the_same_kind_takes_its_victims_but_not_the_wounded():
    text = (
        "The U.N. documented 1,900 civilian deaths during the battle. It said another 300 died in shelling. "
        "It said 450 others were wounded."
    )
    assert _one(text, victims="victims") == [(1900, "civilians"), (300, "civilians"), (450, "people")]


def test_russian_allies_are_not_the_coalition():
    text = (
        "The monitor said bombardment by government forces and their Russian allies had killed more than 200 "
        "civilians since the offensive began."
    )
    assert _one(text, perpetrator="perpetrator") == [(200, "syria_gov")]


def test_a_whole_year_a_past_week_and_the_same_speaker_s_month():
    text = (
        "In all of 2015, UNAMI counted 7,515 civilians killed. The U.N. said on Tuesday that 640 civilians "
        "were "
        "killed in September. Nineveh province was the worst affected, with 380 civilians killed, it said. "
        "The White Helmets said 52 people were wounded in Idlib over the past week."
    )
    assert _one(text, published="2016-10-04", as_of="as_of") == [
        (7515, "2015-12-31"),
        (640, "2016-09"),
        (380, "2016-09"),
        (52, "2016-10-04"),
    ]


def test_the_dead_named_children_and_women_after_were():
    text = (
        "An air strike killed 14 civilians in Helmand, officials said. Eight of the dead were children and "
        "four were women."
    )
    assert _one(text, victims="victims") == [(14, "civilians"), (8, "children"), (4, "women")]


def test_an_unnamed_ministry_is_the_country_the_article_named():
    text = (
        "Britain has acknowledged that one of its strikes killed a civilian. The Ministry of Defence said "
        "the "
        "strike in Syria also killed three civilians."
    )
    assert _one(text, claimant="claimant") == [(3, "UK Ministry of Defence")]


def test_a_name_in_a_relative_clause_of_membership_does_not_speak():
    text = (
        "The US-led coalition, of which Britain is a member, has conceded that its strikes killed 883 "
        "civilians."
    )
    assert _one(text, claimant="claimant") == [(883, "US-led coalition")]


def test_a_toll_of_killed_and_injured_and_a_record_since_records_began():
    text = (
        "UNAMA said the number of civilians killed and injured in June alone, 1,120, was the highest for "
        "that "
        "month since it began keeping records in 2009."
    )
    assert _one(text, casualty="casualty", scope="scope") == [(1120, "killed_or_injured", "period")]


def test_one_strike_named_beats_its_year_and_a_statement_day_dates_a_day_s_news():
    text = (
        "The deadliest strike hit a compound in Qaiyara in 2016, killing 21 people. Syria's state news "
        "agency said "
        "Monday that coalition airstrikes killed 25 civilians in a village."
    )
    assert _one(text, scope="scope", claimant="claimant") == [
        (21, "incident", "unattributed"),
        (25, "incident", "SANA"),
    ]


def test_a_comparison_names_no_speaker_and_they_is_not_an_organisation():
    text = (
        "The coalition said it was reviewing the report.\n\nReporters visited 150 sites, and they documented "
        "at "
        "least 260 civilian deaths, more than the coalition has admitted."
    )
    assert _one(text, claimant="claimant") == [(260, "unattributed")]


def test_a_bloodier_toll_announced_in_the_sentence_before_counts_the_same_deaths():
    text = (
        "The Pentagon has acknowledged that its strikes killed at least 400 civilians in Iraq since 2014. "
        "Monitoring groups give a bloodier toll. According to Airwars, more than 2,500 civilians have died."
    )
    assert _one(text, perpetrator="perpetrator") == [(400, "coalition"), (2500, "coalition")]


def test_a_year_that_names_an_event_is_no_count_and_does_not_hide_the_toll_after_it():
    assert _one(
        "The number of civilians killed since the 2003 invasion is 185,000, Iraq Body Count said."
    ) == [(185000,)]
    text = "Iraqi Body Count puts the number of civilians killed since the 2003 invasion at 185,000."
    assert _one(text, claimant="claimant", victims="victims") == [(185000, "Iraq Body Count", "civilians")]
    assert _one("Of the 2000 civilians killed, 400 were children.") == [(2000,), (400,)]  # no event after it


def test_those_of_a_toll_who_were_killed_are_its_victims():
    text = (
        "The Yemen Data Project has recorded more than 17,500 civilian casualties since March 2015. "
        "Of those, about 8,000 were killed."
    )
    assert _one(text, casualty="casualty", victims="victims") == [
        (17500, "killed_or_injured", "civilians"),
        (8000, "killed", "civilians"),
    ]


def test_the_count_a_figure_is_compared_with_is_a_figure_of_its_own_year():
    text = "The UN said 3,400 civilians were killed in 2019, down from 3,800 in 2018."
    assert _one(text, published="2020-01-15", claimant="claimant", victims="victims", as_of="as_of") == [
        (3400, "UN", "civilians", "2019-12-31"),
        (3800, "UN", "civilians", "2018-12-31"),
    ]
    text = (
        "The UN recorded 700 civilians killed in the first nine months of 2019, up from 400 a year earlier."
    )
    assert _one(text, published="2020-01-15") == [(700,), (400,)]
    # a second year is no count: "in 2017 and 2018"
    assert _one("An additional 65 civilians were killed in 2017 and 2018.") == [(65,)]


def test_a_belligerent_the_article_never_names_harms_no_one_in_it():
    assert _one("An attack left 15 dead, local officials said.", perpetrator="perpetrator") == [
        (15, "unknown")
    ]
    text = "A coalition strike killed 12 civilians in Raqqa. The next day, another strike killed eight."
    assert _one(text, perpetrator="perpetrator") == [(12, "coalition"), (8, "coalition")]


def test_with_no_place_but_in_the_name_of_who_speaks_the_figure_is_of_that_place():
    text = (
        "The UN Human Rights Monitoring Mission in Ukraine has recorded 6,114 civilian deaths since February."
    )
    assert _one(text, geography="geography") == [(6114, "other")]
    text = "The Yemen Data Project has recorded more than 17,500 civilian casualties from airstrikes."
    assert _one(text, geography="geography") == [(17500, "other")]


def test_more_of_a_toll_after_its_verb_is_a_figure():
    text = "Rocket fire on the western districts killed a further 11 people, including three children."
    assert _one(text, victims="victims") == [(11, "people"), (3, "children")]
    assert _one("Shelling on Tuesday killed another 11 people.") == [(11,)]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Rocket fire killed 11 people, including three children.", "en"),
        ("Trois civils tués dans des bombardements.", "fr"),
        ("Frappes : 11 morts, dont trois enfants", "fr"),
    ],
)
def test_a_single_sentence_tells_its_language_by_the_words_of_its_toll(text, language):
    assert detect_language(fold_in_place(text)) == language


def test_a_figure_far_below_the_estimates_compares_them_with_it():
    text = (
        "The coalition said its strikes had killed at least 1,257 civilians in Iraq and Syria since 2014. "
        "The figure is far below the estimates of independent monitors. According to Airwars, at least "
        "7,500 civilians have died."
    )
    assert _one(text, perpetrator="perpetrator") == [(1257, "coalition"), (7500, "coalition")]


@pytest.mark.parametrize(
    "compared",
    [
        "far more than the 484 acknowledged by the coalition",
        "far more than the 484 the coalition acknowledges",
    ],
)
def test_the_count_another_acknowledges_is_that_other_s(compared):
    text = (
        f"Airwars says coalition strikes have killed at least 3,800 civilians in Iraq and Syria, {compared}."
    )
    assert _one(text, claimant="claimant", victims="victims") == [
        (3800, "Airwars", "civilians"),
        (484, "US-led coalition", "civilians"),
    ]


def test_local_officials_are_no_officials_of_the_army_named_before_them():
    text = (
        "The Pentagon said the strike killed 105 civilians. Local officials had put the toll from the strike "
        "at more than 200."
    )
    assert _one(text, claimant="claimant") == [(105, "Pentagon"), (200, "local officials")]
    text = "The Pentagon said the strike killed 105 civilians. Officials said another 20 were wounded."
    assert _one(text, claimant="claimant") == [(105, "Pentagon"), (20, "Pentagon")]  # its own officials
    text = (
        "The Pentagon said the strike killed 10 civilians. Officials said the city hospital received 25 "
        "wounded."
    )
    assert _one(text, claimant="claimant") == [(10, "Pentagon"), (25, "Pentagon")]  # a town after them


def test_rescue_teams_speak_for_themselves():
    text = "The strike on the migrant centre in Tajoura killed at least 44 people, rescue teams said."
    assert _one(text, claimant="claimant") == [(44, "rescuers")]


def test_the_first_quarter_is_a_period_for_the_figures_after_it_too():
    text = (
        "Overall, 581 civilians were killed and 1,192 wounded in the first quarter, the UN mission said.\n\n"
        "Airstrikes, mostly by U.S.-led coalition forces, killed 145 civilians, the report said."
    )
    assert _one(text, published="2019-04-25", scope="scope", as_of="as_of") == [
        (581, "period", "2019-03-31"),
        (1192, "period", "2019-03-31"),
        (145, "period", "2019-03-31"),
    ]


def test_a_part_of_the_dead_told_right_after_said_is_a_part():
    text = (
        "The battle killed at least 1,130 civilians, according to the Syrian Observatory for Human Rights. "
        "The monitor said 270 of them were children."
    )
    assert _one(text, victims="victims", claimant="claimant") == [
        (1130, "civilians", "SOHR"),
        (270, "children", "SOHR"),
    ]


def test_a_country_that_speaks_is_its_authorities():
    text = "Israel says around 1,200 people were killed in the Hamas attack on October 7."
    assert _one(text, published="2023-11-10", claimant="claimant") == [(1200, "Israeli authorities")]
    assert _one("Turkey has acknowledged that its jets killed 12 civilians.", claimant="claimant") == [
        (12, "Turkish authorities")
    ]
    # a place, and people of a country, are not its authorities
    text = "The strike hit a market in Ukraine said to be crowded; 14 people were killed."
    assert _one(text, claimant="claimant") == [(14, "unattributed")]
    assert _one("Syrians said 14 civilians were killed.", claimant="claimant") == [(14, "unattributed")]


def test_a_town_s_council_speaks_for_its_country_s_authorities():
    text = (
        "About 300 people are feared to have died in the Russian bombing of a theatre in Mariupol, the city "
        "council said on Friday."
    )
    assert _one(text, published="2022-03-20", claimant="claimant") == [(300, "Ukrainian authorities")]


def test_the_acronym_of_who_shells_says_nothing():
    text = (
        "At least 30 civilians were killed on Sunday in attacks of the Rapid Support Forces (RSF) on a "
        "market, medics said."
    )
    assert _one(text, published="2024-01-15", claimant="claimant") == [(30, "medics")]


def test_what_a_new_total_adds_is_a_period():
    text = (
        "The coalition said on Thursday it had killed at least 35 civilians in Syria and Iraq in February, "
        "bringing to 1,291 the number of civilians killed by its strikes since 2014."
    )
    assert _one(text, published="2019-03-05", scope="scope", as_of="as_of") == [
        (35, "period", "2019-02"),
        (1291, "cumulative", "2019-02"),
    ]


def test_a_name_before_a_headline_s_colon_is_its_source_and_a_place_is_not():
    assert _one("UN: 40 civilians killed in Idlib air strikes", claimant="claimant") == [(40, "UN")]
    assert _one("Syria: 40 civilians killed in air strikes", claimant="claimant") == [(40, "unattributed")]


@pytest.mark.parametrize(
    "place, geography",
    [
        ("Faryab province", "afghanistan"),
        ("Samarra", "iraq"),
        ("Khan Sheikhoun", "syria"),
        ("Lashkar Gah", "afghanistan"),
    ],
)
def test_towns_and_provinces_tell_their_country(place, geography):
    assert _one(f"An air strike in {place} killed 12 civilians.", geography="geography") == [(12, geography)]


def test_a_toll_that_surpassed_a_number_is_more_than_it():
    text = "Gaza's Health Ministry said Wednesday that the death toll in the territory had surpassed 20,000."
    assert _one(text, published="2023-12-20", qualifier="qualifier") == [(20000, "more_than")]


def test_one_of_the_dead_is_no_toll():
    text = (
        "Islamic State militants killed 40 civilians, the U.N. said. One of the bodies was hung from a "
        "bridge."
    )
    assert _one(text) == [(40,)]


def test_the_second_count_after_one_verb():
    text = "A suicide bomber struck outside the airport, killing 13 aid workers and about 170 Afghans."
    assert _one(text, casualty="casualty", qualifier="qualifier") == [
        (13, "killed", "exact"),
        (170, "killed", "approx"),
    ]


def test_who_claimed_the_attack_is_its_perpetrator_and_backing_is_no_harm():
    text = (
        "A car bomb exploded in a Baghdad market on Saturday, killing at least 32 people, police said. "
        "Islamic State claimed responsibility. Iraqi forces, backed by U.S.-led coalition air strikes, "
        "press on in the north. The Iraqi Observatory for Human Rights said 420 civilians had been "
        "killed in Baghdad this year."
    )
    assert _one(text, published="2016-05-14", perpetrator="perpetrator") == [(32, "isis"), (420, "unknown")]


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State claimed bombings that killed more than 40 people in Baghdad over the past month.",
        "L'EI a revendiqué des attentats qui ont fait plus de 40 morts à Bagdad au cours du mois écoulé.",
    ],
)
def test_a_claim_in_the_figures_own_sentence_names_its_perpetrator_whatever_the_scope(text):
    assert _one(text, published="2016-05-14", perpetrator="perpetrator", claimant="claimant") == [
        (40, "isis", "unattributed")
    ]


def test_the_outlet_told_is_not_the_speaker_he_is():
    text = (
        "An army spokesman for the coalition rejected the account. He told AP by phone that the raid had "
        "killed 12 civilians."
    )
    assert _one(text, claimant="claimant") == [(12, "US-led coalition")]


def test_the_one_accused_is_not_the_speaker_nor_the_subject_of_a_clause_after_said():
    text = (
        "A Taliban spokesman, Zabihullah Mujahid, accused US forces of killing 40 villagers and said the UN "
        "had ignored them."
    )
    assert _one(text, claimant="claimant", perpetrator="perpetrator") == [(40, "Taliban", "coalition")]


def test_a_monitor_saying_that_governs_every_clause_of_its_sentence():
    text = (
        "The Syrian Observatory for Human Rights said that since June government shelling had killed 75 "
        "civilians, while rebel rockets had killed 19."
    )
    assert _one(text, claimant="claimant", perpetrator="perpetrator") == [
        (75, "SOHR", "syria_gov"),
        (19, "SOHR", "other"),
    ]


def test_a_headline_monitor_without_article_is_the_monitor_of_the_story():
    text = (
        "Monitor says coalition raid killed 14 civilians near Raqqa; coalition silent\n\n"
        "RAQQA (Reuters) - A coalition air raid killed 14 civilians near Raqqa on Monday, the Syrian "
        "Observatory for Human Rights said."
    )
    assert _one(text, claimant="claimant") == [(14, "SOHR")]


def test_child_casualties_and_the_part_of_them_that_was_fatal():
    text = (
        "The UN mission in Afghanistan said a total of 410 child casualties were recorded between January "
        "and June, 120 of them fatal."
    )
    assert _one(text, casualty="casualty", victims="victims") == [
        (410, "killed_or_injured", "children"),
        (120, "killed", "children"),
    ]


def test_a_comparison_with_the_same_period_last_year_does_not_date_the_figures_after_it():
    text = (
        "UNAMA documented 900 civilian deaths between January 1 and March 31. That was 10 percent fewer than "
        "in the same period last year. Air strikes killed 110 civilians, the mission said."
    )
    assert _one(text, published="2019-04-20", as_of="as_of") == [(900, "2019-03-31"), (110, "2019-03-31")]


def test_a_total_of_restarts_the_count_instead_of_taking_the_harm_before():
    text = (
        "Air strikes by international forces killed 60 civilians, UNAMA said. Women suffered too. A total of "
        "300 women casualties were recorded in the quarter, the mission said."
    )
    assert _one(text, perpetrator="perpetrator") == [(60, "coalition"), (300, "unknown")]


def test_a_toll_put_far_higher_by_a_monitor_is_of_the_same_harm():
    text = (
        "The coalition says its strikes have killed 1,200 civilians since 2014. Airwars puts the toll far "
        "higher, at a minimum of 8,000 civilian deaths."
    )
    assert _one(text, perpetrator="perpetrator") == [(1200, "coalition"), (8000, "coalition")]


def test_the_mission_named_last_is_the_one_the_mission_refers_to():
    text = (
        "UNAMA documented 500 civilian deaths. NATO's Resolute Support mission said it disputed the figures. "
        "The mission's own review found that 40 civilians were killed in air operations, a spokesman said."
    )
    assert _one(text, claimant="claimant") == [(500, "UNAMA"), (40, "Resolute Support")]


def test_the_report_in_apposition_and_the_department_are_the_pentagon():
    text = (
        "The Pentagon released its annual report on Wednesday. The report, required by law since 2018, said "
        "that 40 civilians were killed in 2019. In Somalia, the department counted three civilian deaths "
        "during the year."
    )
    assert _one(text, published="2020-05-06", claimant="claimant", scope="scope", as_of="as_of") == [
        (40, "Pentagon", "period", "2019-12-31"),
        (3, "Pentagon", "period", "2019-12-31"),
    ]


def test_a_group_that_was_blamed_is_not_the_speaker():
    text = (
        "UNAMA published its report on Monday. Insurgents were blamed for most of the 2,000 civilian deaths "
        "the mission recorded."
    )
    assert _one(text, claimant="claimant") == [(2000, "UNAMA")]


def test_deaths_from_an_actor_in_a_year_end_that_year_and_two_years_end_the_second():
    text = (
        "Airwars said it had tallied 900 civilian deaths from coalition actions in Iraq and Syria in 2019. "
        "The Pentagon said an additional 20 civilians were killed in 2017 and 2018."
    )
    assert _one(text, published="2020-05-06", as_of="as_of") == [(900, "2019-12-31"), (20, "2018-12-31")]


def test_a_day_range_with_may_is_a_period_and_a_report_published_on_monday_is_not_a_day():
    text = (
        "Amnesty International said in a report published on Monday that it had documented attacks between "
        "5 May 2019 and 25 February 2020. In those attacks, it found that 80 civilians had been killed."
    )
    assert _one(text, published="2020-05-11", scope="scope", as_of="as_of") == [(80, "period", "2020-02-25")]


def test_a_spokesman_for_a_provincial_health_directorate_speaks_for_the_authorities():
    text = (
        "MOSUL, Iraq (Reuters) - A bomb killed at least nine people in a market on Friday, a spokesman for "
        "the Nineveh health directorate said. The spokesman, Dr. Ali Hassan, told Reuters that 12 of the "
        "wounded were in critical condition."
    )
    assert _one(text, published="2019-05-03", claimant="claimant") == [
        (9, "Iraqi authorities"),
        (12, "Iraqi authorities"),
    ]


def test_ten_times_higher_is_not_a_toll():
    text = (
        "An Associated Press investigation found that 9,000 civilians died in the battle, a toll nearly ten "
        "times higher than reported."
    )
    assert _one(text) == [(9000,)]


def test_the_civil_defence_is_not_civilian_and_the_based_monitor_is_the_observatory():
    text = (
        "Russian strikes killed 10 civilians in Idlib on Tuesday, the Syrian Observatory for Human Rights "
        "said. The Syrian Civil Defence said its volunteers had pulled eight bodies from the rubble. Since "
        "April, more than 500 civilians have been killed, according to the Britain-based monitor."
    )
    assert _one(text, published="2019-07-16", claimant="claimant", victims="victims") == [
        (10, "SOHR", "civilians"),
        (8, "White Helmets", "people"),
        (500, "SOHR", "civilians"),
    ]


def test_a_name_in_apposition_to_a_claimant_does_not_replace_it():
    text = (
        "Airwars, the London-based organisation that tracks the air war, says that at least 6,000 civilians "
        "have died in coalition strikes."
    )
    assert _one(text, claimant="claimant") == [(6000, "Airwars")]


def test_victims_joined_by_and_before_the_verb_and_a_number_put_at_the_end():
    text = (
        "The U.N. mission in Iraq said that at least 300 protesters and members of the security forces had "
        "been killed since demonstrations erupted in Baghdad on Oct. 1. The Interior Ministry has put the "
        "number of security personnel killed at 12."
    )
    assert _one(text, published="2019-12-10", claimant="claimant", as_of="as_of") == [
        (300, "UNAMI", "2019-12-10"),
        (12, "Iraqi authorities", "2019-12-10"),
    ]


def test_an_organisation_the_gazetteer_does_not_know_is_named_by_its_capitals():
    text = "The Violations Documentation Center recorded 45 civilian deaths in Aleppo in March."
    assert _one(text, claimant="claimant", claimant_kind="claimant_kind") == [
        (45, "Violations Documentation Center", "independent")
    ]


def test_a_countrys_government_speaks_for_its_authorities_and_its_ministry_after_it():
    text = (
        "Libya's U.N.-backed government had put the toll at 40 dead. Its health ministry said on Wednesday "
        "that 70 people were wounded."
    )
    assert _one(text, claimant="claimant") == [(40, "Libyan authorities"), (70, "Libyan authorities")]


def test_n_of_them_civilians_is_a_part_and_the_figure_after_it_keeps_the_wholes_victims():
    text = (
        "Since the offensive began, at least 900 people have been killed, 95 of them civilians, and more "
        "than 4,000 wounded, the World Health Organization said."
    )
    assert _one(text, casualty="casualty", victims="victims") == [
        (900, "killed", "people"),
        (95, "killed", "civilians"),
        (4000, "injured", "people"),
    ]


def test_a_day_of_the_month_after_its_month_is_no_figure():
    text = (
        "He said the coalition had carried out 210 strikes since April 14 and had confirmed that six "
        "civilians were killed in two of them."
    )
    assert _one(text, casualty="casualty") == [(6, "killed")]


def test_a_toll_word_far_before_its_number_still_makes_it_a_toll():
    text = (
        "The death toll from a strike on a market in the north-western town of Maarat al-Numan on Monday "
        "has risen to 39, including eight children, the Syrian Observatory for Human Rights said."
    )
    assert _one(text, casualty="casualty", victims="victims") == [
        (39, "killed", "people"),
        (8, "killed", "children"),
    ]


def test_an_attack_the_article_blames_on_an_actor_is_that_actors():
    text = (
        "An air strike on a field hospital south of Tripoli killed 11 people on Sunday, health officials "
        "said.\n\nThe government blamed the attack on forces loyal to Khalifa Haftar."
    )
    assert _one(text, perpetrator="perpetrator", geography="geography") == [(11, "other", "other")]


def test_the_final_days_of_a_battle_are_a_period():
    text = "Sniper fire by the militants killed at least 19 civilians in the final five days of fighting."
    assert _one(text, scope="scope") == [(19, "period")]


def test_a_dot_inside_a_sentence_does_not_part_a_speaker_from_its_verb():
    text = (
        "A spokesman for Resolute Support, the U.S.-led NATO mission, said two civilians may have been "
        "wounded in the raid."
    )
    assert _one(text, claimant="claimant", casualty="casualty") == [(2, "Resolute Support", "injured")]


def test_killed_or_wounded_before_a_number_is_both():
    text = "Air strikes killed or wounded nearly 400 civilians in the first half of 2019, UNAMA said."
    assert _one(text, casualty="casualty", qualifier="qualifier") == [(400, "killed_or_injured", "approx")]


def test_a_list_after_the_dead_included_is_all_dead():
    text = "The charity said the dead included 12 of its staff, 20 patients and three caretakers."
    assert _one(text, casualty="casualty") == [(12, "killed"), (20, "killed"), (3, "killed")]


def test_an_actor_after_a_break_owns_the_figure_that_follows_it():
    text = (
        "Government shelling killed 212 civilians, those of Russia 140 and the Islamic State nearly 90, the "
        "Syrian Observatory for Human Rights said."
    )
    assert _one(text, perpetrator="perpetrator") == [(212, "syria_gov"), (140, "russia"), (90, "isis")]


def test_a_denial_does_not_make_the_denier_the_source_of_the_toll():
    text = (
        "Russia's defence ministry denied on Tuesday that its jets had hit the hospital, a day after air "
        "strikes on the town killed at least 28 people, according to the White Helmets."
    )
    assert _one(text, claimant="claimant") == [(28, "White Helmets")]


def test_gunned_down_drowned_and_bodies_received_are_deaths():
    text = (
        "Between 12 and 15 members of a single family were gunned down, the monitor said. At least 40 people "
        "drowned in the river. Hospitals had received the bodies of 180 civilians, the health ministry said."
    )
    assert _one(text, value_max="value_max", casualty="casualty") == [
        (12, 15, "killed"),
        (40, None, "killed"),
        (180, None, "killed"),
    ]


def test_among_those_killed_is_a_part_of_the_toll():
    text = (
        "Air strikes killed at least 30 people, the group said. Two nurses were among those killed, it added."
    )
    assert _one(text, casualty="casualty") == [(30, "killed"), (2, "killed")]


def test_the_first_half_of_this_year_ends_on_june_30_or_today():
    text = "The UN said 1,140 civilians were killed in the first half of this year."
    assert _one(text, published="2019-07-20", as_of="as_of") == [(1140, "2019-06-30")]
    assert _one(text, published="2019-06-20", as_of="as_of") == [(1140, "2019-06-20")]


def test_british_strikes_are_the_coalitions_and_their_target_is_no_perpetrator():
    text = "Joint British-U.S. airstrikes targeting Houthi rebels killed at least 11 people, the rebels said."
    assert _one(text, perpetrator="perpetrator") == [(11, "coalition")]


@pytest.mark.parametrize(
    "text, perpetrator",
    [
        ("Twelve civilians were killed in airstrikes conducted by the Iraqi government, UN said.", "other"),
        ("Afghan security forces killed 12 civilians in a raid, officials said.", "other"),
        ("A raid by Afghan special forces backed by U.S. jets killed 12 civilians, AP said.", "coalition"),
        ("Afghan and international forces killed 12 civilians in the province, the UN said.", "coalition"),
    ],
)
def test_iraqi_and_afghan_forces_are_not_the_coalition_unless_beside_it(text, perpetrator):
    assert _one(text, perpetrator="perpetrator") == [(12, perpetrator)]


def test_an_announcement_dated_in_the_next_sentence_dates_the_figures():
    text = (
        "The coalition admitted that 50 more civilians had been killed in its strikes in Syria. "
        "The statement was released on Friday."
    )
    assert _one(text, published="2017-10-01", as_of="as_of") == [(50, "2017-09-29")]


def test_a_next_sentence_with_figures_of_its_own_dates_only_them():
    text = (
        "The coalition admitted that 50 more civilians had been killed in its strikes in Syria. "
        "The statement was released on Friday, a day after 12 people were killed in Raqqa."
    )
    assert _one(text, published="2017-10-01", as_of="as_of")[0] == (50, "2017-10-01")


def test_both_countries_are_the_two_named_just_before():
    text = (
        "The coalition has struck in Iraq and Syria since 2014. Airwars says its strikes have killed "
        "6,000 civilians in both countries."
    )
    assert _one(text, geography="geography") == [(6000, "iraq_syria")]


def test_a_running_total_holds_to_the_day_its_statement_was_released():
    text = (
        "At least 484 civilians have been killed by coalition strikes since 2014, according to a statement "
        "released on June 2 by Central Command."
    )
    assert _one(text, published="2017-06-10", scope="scope", as_of="as_of") == [
        (484, "cumulative", "2017-06-02")
    ]


def test_a_range_stated_again_by_its_bound_is_kept_as_the_range():
    text = (
        "Drone strikes outside war zones killed between 64 and 116 civilians, the Director of National "
        "Intelligence said. Critics said the assertion that strikes caused at most 116 civilian deaths was "
        "an underestimate."
    )
    figures = extract(text, published="2016-07-01", language="en")
    assert [(f.value, f.value_max, f.claimant) for f in figures] == [(64, 116, "US government")]


@pytest.mark.parametrize(
    "text, perpetrator",
    [
        ("Russian cruise missiles killed 9 civilians in Idlib, the White Helmets said.", "russia"),
        (
            "Surface-to-surface missiles of the Syrian army killed 9 civilians in Douma, SOHR said.",
            "syria_gov",
        ),
        ("Government forces killed 9 civilians in Taiz, Yemen, the UN said.", "other"),
    ],
)
def test_missiles_are_their_makers_and_a_government_outside_syria_is_not_damascus(text, perpetrator):
    assert _one(text, perpetrator="perpetrator") == [(9, perpetrator)]


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon admitted 80 civilian deaths. An inquiry is looking into a raid in which more than 100 "
        "civilians died.",
        "Le Pentagone a reconnu 80 morts civils. Une enquête porte sur un raid où plus de 100 civils "
        "auraient péri.",
    ],
)
def test_more_than_a_round_number_does_not_restate_a_smaller_figure(text):
    assert [f.value for f in extract(text, published="2017-06-01")] == [80, 100]


def test_windows_line_ends_and_trailing_blanks_read_as_plain_line_breaks():
    text = (
        "Strikes kill 12 in Idlib\n\n"
        "The Syrian Observatory for Human Rights said 12 civilians were killed on Monday.\n\n"
        "The Pentagon has admitted killing 1,300 civilians since 2014.\n\n"
        "On Tuesday, 30 people were killed in a car bomb in Azaz.\n"
    )

    def read(article):
        return [(f.value, f.casualty, f.claimant, f.scope) for f in extract(article, published="2019-06-05")]

    assert read(text.replace("\n", "\r\n")) == read(text.replace("\n", " \n")) == read(text)


def test_two_equal_counts_of_two_harms_stay_two_figures_and_a_restatement_stays_one():
    text = (
        "Russian strikes killed nine civilians in Idlib on Sunday, the Syrian Observatory for Human Rights "
        "said. Four more people died in another Russian strike near Saraqeb. On Saturday, rebel rocket fire "
        "killed four civilians in Aleppo, the Observatory said. It later said the four had been killed by "
        "rebel rockets."
    )
    assert _one(text, perpetrator="perpetrator") == [(9, "russia"), (4, "russia"), (4, "other")]


def test_a_pronoun_speaks_for_the_name_that_opened_the_sentence_before():
    text = (
        "The Syrian Observatory said ten people died in Raqqa. Human Rights Watch visited the site. It found "
        "that at least 20 civilians had been killed."
    )
    assert _one(text, claimant="claimant") == [(10, "SOHR"), (20, "Human Rights Watch")]


def test_more_after_a_number_is_another_group_of_victims():
    text = (
        "In a statement, the Pentagon said 12 civilians had been killed in the raid. The statement added "
        "that five more were injured."
    )
    assert _one(text, casualty="casualty", claimant="claimant") == [
        (12, "killed", "Pentagon"),
        (5, "injured", "Pentagon"),
    ]


@pytest.mark.parametrize("participle", ["estimated", "recorded", "documented"])
def test_the_count_of_another_set_beside_a_figure_is_theirs(participle):
    text = (
        "The coalition has so far acknowledged 1,302 civilian deaths in Iraq and Syria, a fraction of the "
        f"8,000 {participle} by Airwars."
    )
    assert _one(text, casualty="casualty", victims="victims", claimant="claimant") == [
        (1302, "killed", "civilians", "US-led coalition"),
        (8000, "killed", "civilians", "Airwars"),
    ]


def test_whose_figure_a_speaker_talks_of_is_not_a_speaker():
    text = (
        "Airwars said the coalition's figure was far too low. By its count, at least 6,000 civilians have "
        "died in Iraq and Syria since 2014."
    )
    assert _one(text, claimant="claimant") == [(6000, "Airwars")]


def test_a_spokesman_of_a_name_after_said_speaks_for_it():
    text = "Twelve civilians were killed in the raid, said the coalition's spokesman, Col. Ryan Dillon."
    assert _one(text, claimant="claimant") == [(12, "US-led coalition")]


def test_the_observatory_named_no_other_way_is_the_syrian_one():
    text = "According to the Observatory, which has a network of sources, 16 civilians were killed in Idlib."
    assert _one(text, claimant="claimant") == [(16, "SOHR")]


def test_the_observatory_named_before_is_that_one_and_says_what_some_of_the_dead_were():
    text = (
        "The Iraqi Observatory for Human Rights said 20 died. The Observatory added that five were children."
    )
    assert _one(text, claimant="claimant", victims="victims") == [
        (20, "Iraqi Observatory for Human Rights", "people"),
        (5, "Iraqi Observatory for Human Rights", "children"),
    ]


def test_the_health_ministry_is_the_ministry_last_named_not_the_army_that_spoke_since():
    text = (
        "An Israeli strike on a school killed at least 30 people on Saturday, the Gaza health ministry said. "
        "The Israeli military said it had targeted a command centre. The health ministry says more than "
        "40,000 Palestinians have been killed since October."
    )
    assert _one(text, published="2024-08-10", claimant="claimant") == [
        (30, "Gaza health ministry"),
        (40000, "Gaza health ministry"),
    ]


def test_a_pronoun_refers_back_to_the_witness_who_spoke():
    text = (
        "A resident said the strike hit a wedding party in the village. According to him, 14 people "
        "were killed.\n\nThe Taliban said the toll was higher, at 30."
    )
    assert _one(text, claimant="claimant") == [(14, "resident"), (30, "Taliban")]
