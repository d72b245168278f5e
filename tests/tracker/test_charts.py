import datetime

from tracker.charts import as_of_label, dashboard_figure, figure_data
from tracker.series import OFFICIAL, Point, Series, build_gap


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
