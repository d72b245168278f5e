import datetime

import pytest
from django.utils import translation

from tracker.charts import as_of_label, claimant_figure, colour_of, dashboard_figure, figure_data
from tracker.citation import Citation
from tracker.series import OFFICIAL, Point, Series, build_gap


@pytest.fixture(autouse=True)
def in_english():
    """Build figures in English: a test client's request in French leaves French active."""
    with translation.override("en"):
        yield


def point(trace, day, value, value_max=None, quote="quote", precision="day"):
    return Point(
        trace=trace,
        as_of=datetime.date.fromisoformat(day),
        as_of_precision=precision,
        value=value,
        value_max=value_max,
        qualifier="range" if value_max else "at_least",
        label=f"between {value} and {value_max}" if value_max else f"at least {value}",
        quote=quote,
        url="/reports/1/#estimate-1",
        estimate_ids=[1],
        report_ids=[1],
        claimants=["Claimant"],
        line_value=value,
    )


def official(*points):
    return Series(key=OFFICIAL, name="Official", kind="official", points=list(points))


def airwars(*points):
    return Series(key="airwars", name="Airwars", kind="independent", points=list(points))


def by_role(figure):
    return [(t["meta"]["role"], t["meta"]["key"]) for t in figure_data(figure)["data"]]


def test_a_range_is_drawn_as_a_band_from_minimum_to_maximum():
    independent = airwars(point("airwars", "2017-07-07", 4354), point("airwars", "2018-01-01", 3923, 6102))
    data = figure_data(dashboard_figure([independent], [], None))["data"]
    line, band = data
    assert line["meta"]["role"] == "series" and band["meta"]["role"] == "band"
    assert line["y"] == [4354, 3923] and band["y"] == [4354, 6102]
    assert band["fill"] == "tonexty"
    assert line["error_y"]["array"] == [0, 6102 - 3923]


def test_a_claimant_without_ranges_is_one_step_line():
    data = figure_data(dashboard_figure([official(point(OFFICIAL, "2017-07-01", 603))], [], None))["data"]
    (line,) = data
    assert line["line"]["shape"] == "hv" and line["mode"] == "lines+markers"
    assert "error_y" not in line


def test_the_gap_is_shaded_under_the_lines_and_the_ratio_sits_in_its_own_panel():
    coalition = official(point(OFFICIAL, "2017-03-31", 352), point(OFFICIAL, "2017-07-01", 603))
    independent = airwars(point("airwars", "2016-11-01", 1787), point("airwars", "2017-07-07", 4354))
    gap = build_gap(coalition, independent)
    figure = dashboard_figure([coalition, independent], gap, independent)
    assert by_role(figure) == [
        ("gap-floor", OFFICIAL),
        ("gap", "airwars"),
        ("series", OFFICIAL),
        ("series", "airwars"),
        ("ratio", "airwars"),
    ]
    data = figure_data(figure)["data"]
    # The first date has no official figure yet: the shading starts where both exist.
    assert data[0]["x"] == ["2017-03-31", "2017-07-01", "2017-07-07"]
    assert data[1]["y"] == [1787, 1787, 4354]
    assert data[4]["yaxis"] == "y2" and data[4]["x"] == data[1]["x"]


def test_no_comparison_means_no_gap_and_no_ratio():
    coalition = official(point(OFFICIAL, "2017-07-01", 603))
    assert by_role(dashboard_figure([coalition], [], None)) == [("series", OFFICIAL)]


def test_hover_labels_escape_article_text_and_wrap_it():
    quote = "<b>bold</b> & " + "word " * 40
    coalition = official(point(OFFICIAL, "2017-07-01", 603, quote=quote))
    (line,) = figure_data(dashboard_figure([coalition], [], None))["data"]
    label, claimant, as_of, hover_quote, reports, url = line["customdata"][0]
    assert hover_quote.startswith("“&lt;b&gt;bold&lt;/b&gt; &amp; word")
    assert "<br>" in hover_quote and "<b>" not in hover_quote
    assert (label, reports, url) == ("at least 603", "stated by 1 report", "/reports/1/#estimate-1")


def test_dates_are_shown_as_precisely_as_they_are_known():
    day = datetime.date(2017, 7, 1)
    assert as_of_label(day, "month") == "July 2017"
    assert as_of_label(day, "year") == "2017"
    assert as_of_label(day, "day") == "July 1, 2017"


def test_the_gap_shading_takes_no_hover_so_every_marker_under_it_can_be_inspected():
    coalition = official(point(OFFICIAL, "2017-03-31", 352), point(OFFICIAL, "2017-07-01", 603))
    independent = airwars(point("airwars", "2016-11-01", 1787), point("airwars", "2017-07-07", 4354))
    data = figure_data(
        dashboard_figure([coalition, independent], build_gap(coalition, independent), independent)
    )["data"]
    for trace in data:
        if trace["meta"]["role"] in ("gap", "gap-floor"):
            assert trace["hoverinfo"] == "skip"
        if trace["meta"]["role"] == "series":
            assert all(row[5].startswith("/reports/") for row in trace["customdata"])
            assert "lines+markers" == trace["mode"]


def test_the_ratio_tooltip_names_both_claimants_and_the_date():
    coalition = official(point(OFFICIAL, "2017-03-31", 352))
    independent = airwars(point("airwars", "2017-03-31", 3164))
    data = figure_data(
        dashboard_figure([coalition, independent], build_gap(coalition, independent), independent)
    )["data"]
    (ratio,) = [t for t in data if t["meta"]["role"] == "ratio"]
    said, when = ratio["customdata"][0]
    assert said == "Airwars: 3,164; Official: 352"
    assert when == "as of March 31, 2017"


def test_a_claimant_keeps_its_colour_whatever_else_is_shown():
    coalition = official(point(OFFICIAL, "2017-03-31", 352))
    alone = airwars(point("airwars", "2017-03-31", 3164))
    sohr = Series(key="sohr", name="SOHR", kind="independent", points=[point("sohr", "2016-09-23", 611)])
    amnesty = Series(
        key="amnesty", name="Amnesty", kind="independent", points=[point("amnesty", "2016-10-26", 300)]
    )

    def colour(series_list):
        (trace,) = [
            t for t in dashboard_figure(series_list, [], None)["data"] if t["meta"]["key"] == "airwars"
        ]
        return trace["line"]["color"]

    assert colour([coalition, alone]) == colour([amnesty, alone, sohr]) == colour_of("airwars")
    assert claimant_figure([alone])["data"][0]["line"]["color"] == colour_of("airwars")


def test_one_point_still_draws_a_dated_axis_a_label_at_the_line_end_and_no_empty_ratio_panel():
    figure = dashboard_figure([official(point(OFFICIAL, "2017-07-01", 603))], [], None)
    layout = figure["layout"]
    assert layout["xaxis"]["type"] == "date"
    start, end = layout["xaxis"]["range"]
    assert start < "2017-07-01" < end
    assert "yaxis2" not in layout
    assert [a["text"] for a in layout["annotations"]] == ["Official"]
    assert layout["yaxis"]["tickformat"] == ",d" and layout["yaxis"]["title"]["text"]


def test_the_toolbar_keeps_only_buttons_that_help_and_none_that_send_data_away():
    config = dashboard_figure([official(point(OFFICIAL, "2017-07-01", 603))], [], None)["config"]
    buttons = {name for group in config["modeBarButtons"] for name in group}
    assert buttons == {"toImage", "zoom2d", "pan2d", "resetScale2d"}
    assert config["showSendToCloud"] is False and config["showEditInChartStudio"] is False


def test_the_exported_figure_carries_its_title_subtitle_and_source_line():
    citation = Citation(
        title="Civilians killed",
        subtitle="Iraq and Syria",
        source="Source: Casualty Tracker",
        updated="today",
        url="http://testserver/",
    )
    layout = dashboard_figure([official(point(OFFICIAL, "2017-07-01", 603))], [], None, citation)["layout"]
    assert "Civilians killed" in layout["title"]["text"] and "Iraq and Syria" in layout["title"]["text"]
    (source,) = [a for a in layout["annotations"] if a.get("name") == "source"]
    assert source["text"] == "Source: Casualty Tracker · today · http://testserver/"


LINK = '<a href="https://evil.example/">Airwars</a>'


def _strings(value):
    """Yield every string inside a figure's JSON, wherever it sits."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


@pytest.mark.parametrize("build", ["dashboard", "claimant"])
def test_a_claimant_name_an_editor_set_reaches_plotly_as_plain_text_never_a_link(build):
    """The probe's name became a clickable link in the legend: plotly reads <a> in trace names."""
    hostile = Series(key="airwars", name=LINK, kind="independent", victims="civilians", geography="syria")
    hostile.points = [point("airwars", "2017-07-07", 4354, quote=f"{LINK} said 4,354", precision="month")]
    hostile.out_of_sequence = [point("airwars", "2017-08-01", 1000)]
    hostile.out_of_sequence[0].below = 4354
    hostile.points[0].claimants = [LINK]
    the_official = official(point(OFFICIAL, "2017-07-01", 603))
    if build == "dashboard":
        gap = build_gap(the_official, hostile)
        figure = dashboard_figure([the_official, hostile], gap, hostile)
    else:
        figure = claimant_figure([hostile, airwars(point("airwars", "2018-01-01", 6102))])

    strings = list(_strings(figure_data(figure)))
    assert any("evil.example" in s for s in strings)  # the name is shown ...
    assert not [s for s in strings if "<a " in s.lower()]  # ... as text: no tag plotly would read
    names = [t["name"] for t in figure["data"] if "name" in t]
    assert any("&lt;a href" in name for name in names)
