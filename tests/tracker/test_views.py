import csv
import datetime
import io
import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.factories import EstimateFactory, ReportFactory, SourceFactory
from tracker.models import Estimate, Report, Source

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("tracker:dashboard")


@pytest.fixture
def ingested_seeds(seeds_dir, django_capture_on_commit_callbacks):
    """Upload the seed articles and let the extraction engine read them, as in production."""
    from ingest.services import report_create

    for path in sorted(seeds_dir.glob("*.txt")):
        annotation = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        with django_capture_on_commit_callbacks(execute=True):
            report_create(
                text=path.read_text(encoding="utf-8"),
                outlet=annotation["outlet"],
                published=annotation["published"],
                language=annotation["language"],
            )
    assert set(Report.objects.values_list("status", flat=True)) == {Report.Status.DONE}


def traces(response, role="series"):
    """Return the plotted traces of a role, by key, from the JSON the page embeds."""
    figure = response.context["figure"]
    embedded = response.content.decode().split('id="dashboard-figure"', 1)[1]
    assert json.loads(embedded.split(">", 1)[1].split("</script>", 1)[0]) == figure
    return {t["meta"]["key"]: t for t in figure["data"] if t["meta"]["role"] == role}


@pytest.fixture
def coalition():
    return SourceFactory(name="US-led coalition", kind=Source.Kind.OFFICIAL)


@pytest.fixture
def airwars():
    return SourceFactory(name="Airwars", kind=Source.Kind.INDEPENDENT)


@pytest.fixture
def campaign(coalition, airwars):
    """Two official admissions and two Airwars counts, like with like."""
    EstimateFactory(source=coalition, value=352, as_of=datetime.date(2017, 3, 31))
    EstimateFactory(source=coalition, value=603, as_of=datetime.date(2017, 7, 1))
    EstimateFactory(source=airwars, value=3164, as_of=datetime.date(2017, 3, 31))
    EstimateFactory(source=airwars, value=4354, as_of=datetime.date(2017, 7, 7))


# --- The dashboard ------------------------------------------------------------------------


def test_after_ingesting_the_seeds_the_official_trace_is_the_coalitions_admissions(client, ingested_seeds):
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    plotted = traces(response)
    assert plotted["official"]["y"] == [119, 352, 484, 603, 1302]
    assert plotted["official"]["x"] == sorted(plotted["official"]["x"])
    assert {1787, 3164, 4354} <= set(plotted["airwars"]["y"])


def test_a_figure_stated_by_several_reports_is_one_point_listing_them(client, ingested_seeds):
    airwars = traces(client.get(DASHBOARD))["airwars"]
    assert airwars["y"].count(1787) == 1
    hover = airwars["customdata"][airwars["y"].index(1787)]
    assert hover[4] == "stated by 2 reports"


def test_hovering_shows_the_qualified_value_claimant_date_and_quote(client, coalition):
    EstimateFactory(source=coalition, value=603, as_of=datetime.date(2017, 7, 1), quote="at least 603 died")
    label, claimant, as_of, quote, reports, url = traces(client.get(DASHBOARD))["official"]["customdata"][0]
    assert (label, claimant, reports) == ("at least 603", "US-led coalition", "stated by 1 report")
    assert "2017" in as_of and "at least 603 died" in quote
    assert url == Estimate.objects.get().get_absolute_url()


def test_article_text_in_the_embedded_chart_cannot_close_the_script(client, coalition):
    EstimateFactory(source=coalition, quote='</script><script>alert("x")</script>')
    response = client.get(DASHBOARD)
    assert b'<script>alert("x")' not in response.content
    (hover,) = traces(response)["official"]["customdata"]
    assert "&lt;/script&gt;" in hover[3]


def test_increments_incidents_and_rejected_figures_never_reach_the_chart(client, coalition):
    EstimateFactory(source=coalition, value=603)
    EstimateFactory(source=coalition, value=119, scope=Estimate.Scope.PERIOD)
    EstimateFactory(source=coalition, value=14, scope=Estimate.Scope.INCIDENT)
    EstimateFactory(source=coalition, value=999, review_status=Estimate.ReviewStatus.REJECTED)
    assert traces(client.get(DASHBOARD))["official"]["y"] == [603]


def test_the_gap_is_shaded_against_the_independent_claimant_and_the_ratio_aligned(client, campaign):
    response = client.get(DASHBOARD)
    gap = traces(response, "gap")["airwars"]
    floor = traces(response, "gap-floor")["official"]
    assert gap["fill"] == "tonexty"
    assert floor["y"] == [352, 603, 603] and gap["y"] == [3164, 3164, 4354]
    ratio = traces(response, "ratio")["airwars"]
    assert ratio["x"] == gap["x"]
    assert ratio["y"] == [round(3164 / 352, 2), round(3164 / 603, 2), round(4354 / 603, 2)]


def test_key_numbers_give_the_latest_figures_the_gap_and_the_ratio(client, campaign):
    response = client.get(DASHBOARD)
    assert response.context["official"].latest.value == 603
    assert response.context["compare"].latest.value == 4354
    assert response.context["latest_gap"].difference == 3751
    page = response.content.decode()
    assert "3,751" in page and "×7.22" in page and "2017-07-07" in page


def test_filters_in_the_url_narrow_the_chart(client, coalition, airwars):
    EstimateFactory(source=coalition, value=603, geography=Estimate.Geography.IRAQ_SYRIA)
    EstimateFactory(source=airwars, value=3800, geography=Estimate.Geography.SYRIA)
    response = client.get(DASHBOARD, {"geography": "syria"})
    assert set(traces(response)) == {"airwars"}
    assert response.context["form"]["geography"].value() == "syria"


def test_reviewed_only_and_the_date_range_come_from_the_url(client, coalition):
    EstimateFactory(source=coalition, value=352, as_of=datetime.date(2017, 3, 31))
    EstimateFactory(
        source=coalition,
        value=603,
        as_of=datetime.date(2017, 7, 1),
        review_status=Estimate.ReviewStatus.CONFIRMED,
    )
    EstimateFactory(
        source=coalition,
        value=1302,
        as_of=datetime.date(2019, 4, 30),
        review_status=Estimate.ReviewStatus.CONFIRMED,
    )
    assert traces(client.get(DASHBOARD, {"reviewed_only": "on"}))["official"]["y"] == [603, 1302]
    assert traces(client.get(DASHBOARD, {"until": "2018-01-01"}))["official"]["y"] == [352, 603]


def test_choosing_the_claimants_and_the_compared_one(client, campaign):
    sohr = SourceFactory(name="SOHR", kind=Source.Kind.INDEPENDENT)
    EstimateFactory(source=sohr, value=3800, as_of=datetime.date(2019, 5, 1))
    response = client.get(DASHBOARD, {"independent": "sohr"})
    assert set(traces(response)) == {"official", "airwars", "sohr"}
    assert set(traces(response, "gap")) == {"sohr"}
    assert set(traces(client.get(DASHBOARD, {"claimants": "sohr"}))) == {"official", "sohr"}


def test_bad_values_give_a_form_error_and_the_defaults(client, campaign):
    response = client.get(DASHBOARD, {"geography": "mars", "since": "2017-13-45", "independent": "nobody"})
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"geography", "since", "independent"}
    assert 'role="alert"' in response.content.decode()
    assert traces(response)["official"]["y"] == [352, 603]


def test_an_end_date_before_the_start_date_is_refused(client, campaign):
    response = client.get(DASHBOARD, {"since": "2017-05-01", "until": "2017-01-01"})
    assert "until" in response.context["form"].errors
    assert traces(response)["official"]["y"] == [603]


def test_the_chart_csv_has_exactly_the_plotted_points(client, campaign):
    EstimateFactory(
        source=SourceFactory(name="SANA", kind=Source.Kind.STATE_MEDIA), value=14, scope="incident"
    )
    response = client.get(DASHBOARD, {"geography": ["iraq_syria"], "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    citation = [line for line in lines if line.startswith("# ")]
    assert lines[: len(citation)] == citation, "the citation comes first"
    assert "Casualty Tracker" in citation[0] and "CC BY 4.0" in citation[0]
    assert "http://testserver/?geography=iraq_syria" in citation[0]
    assert any("figures extracted from" in line for line in citation)
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[len(citation) :]))))
    assert [(r["trace"], int(r["value"])) for r in rows] == [
        ("official", 352), ("official", 603), ("airwars", 3164), ("airwars", 4354),
    ]  # fmt: skip
    assert rows[0]["url"].startswith("http://testserver/reports/")


def test_the_empty_dashboard_says_there_is_no_data_yet(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert response.context["figure"] is None
    assert "No data yet" in response.content.decode()


def test_a_selection_with_nothing_to_plot_says_so(client, campaign):
    response = client.get(DASHBOARD, {"casualty": "injured"})
    assert response.context["figure"] is None
    assert "Nothing to plot" in response.content.decode()


def test_plotly_js_is_served_from_the_projects_own_static_files(client, campaign):
    assert finders.find("vendor/plotly/plotly-basic-4.1.1.min.js")
    page = client.get(DASHBOARD).content.decode()
    assert '<script src="/static/vendor/plotly/plotly-basic-4.1.1.min.js">' in page
    assert "plotly-locale-fr" not in page
    assert "cdn" not in page.lower()
    french = client.get(DASHBOARD, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<script src="/static/vendor/plotly/plotly-locale-fr-3.7.0.js">' in french


def test_the_partial_plotly_bundle_is_the_version_the_plotly_package_builds_figures_for():
    import plotly

    full = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    version = re.search(r"plotly\.js v(\S+)", full.read_text(encoding="utf-8")[:300]).group(1)
    basic = Path(finders.find(f"vendor/plotly/plotly-basic-{version}.min.js"))
    assert f"plotly.js (basic - minified) v{version}" in basic.read_text(encoding="utf-8")[:300]


def test_the_interface_speaks_french(client, campaign):
    response = client.get(DASHBOARD, HTTP_ACCEPT_LANGUAGE="fr")
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "Morts civiles" in page
    assert traces(response)["official"]["customdata"][-1][0] == "au moins 603"


def test_the_french_page_writes_numbers_dates_and_names_in_french(client, campaign, airwars):
    EstimateFactory(source=airwars, value=7595, as_of=datetime.date(2019, 3, 28))
    response = client.get(DASHBOARD, HTTP_ACCEPT_LANGUAGE="fr")
    page = response.content.decode()
    assert "au moins 7\u00a0595" in page and "7,595" not in page
    assert "au 28 mars 2019" in page and "2019-03-28</td>" not in page
    assert "Officiel (coalition menée par les États-Unis)" in page
    figure = response.context["figure"]
    assert figure["layout"]["separators"] == ",\u202f" and figure["config"]["locale"] == "fr"
    assert "Civils tués" in figure["layout"]["title"]["text"]


def test_the_footer_gives_the_same_stamp_as_the_api(client, campaign):
    from tracker.freshness import data_last_updated

    page = client.get(reverse("tracker:source_list")).content.decode()
    assert f'datetime="{data_last_updated().isoformat()}"' in page


# --- Other pages --------------------------------------------------------------------------


def test_the_claimant_list_and_page_show_every_figure_over_time(client, campaign, airwars):
    EstimateFactory(source=airwars, value=9, scope=Estimate.Scope.INCIDENT, as_of=datetime.date(2016, 1, 1))
    listing = client.get(reverse("tracker:source_list")).content.decode()
    assert airwars.get_absolute_url() in listing
    response = client.get(airwars.get_absolute_url())
    assert [e.value for e in response.context["estimates"]] == [9, 3164, 4354]
    (series,) = response.context["figure"]["data"]
    assert series["y"] == [3164, 4354]


def test_the_report_list_shows_each_reports_status(client):
    ReportFactory(title="Failed one", status=Report.Status.FAILED, error="unreadable")
    page = client.get(reverse("tracker:report_list")).content.decode()
    assert "Failed one" in page and "status--failed" in page


def test_the_report_page_escapes_the_text_and_marks_its_figures(client, coalition):
    text = "<script>alert(1)</script> The coalition admits at least 603 civilian deaths."
    report = ReportFactory(text=text)
    start = text.index("603")
    estimate = EstimateFactory(report=report, source=coalition, start=start, end=start + 3)
    page = client.get(report.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert f'id="figure-{estimate.pk}"' in page and f'id="estimate-{estimate.pk}"' in page


def test_the_figures_table_filters_sorts_and_downloads(client, campaign, coalition):
    EstimateFactory(source=coalition, value=64, scope=Estimate.Scope.PERIOD, quote="=HYPERLINK(evil)")
    url = reverse("tracker:estimate_list")
    response = client.get(url, {"claimant": "us-led-coalition", "sort": "-value"})
    assert [e.value for e in response.context["object_list"]] == [603, 352, 64]
    response = client.get(url, {"scope": "period", "format": "csv"})
    (row,) = csv.DictReader(io.StringIO(response.content.decode()))
    assert row["value"] == "64" and row["quote"] == "'=HYPERLINK(evil)"


def test_the_figures_table_reports_bad_filters_instead_of_failing(client, campaign):
    response = client.get(reverse("tracker:estimate_list"), {"sort": "drop table", "since": "soon"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"sort", "since"}
    assert len(response.context["object_list"]) == 4


def test_figures_without_a_date_go_last_in_the_figures_table(client, campaign):
    EstimateFactory(value=7, as_of=None)
    response = client.get(reverse("tracker:estimate_list"), {"sort": "-as_of"})
    assert [e.value for e in response.context["object_list"]][-1] == 7
    response = client.get(reverse("tracker:estimate_list"), {"sort": "as_of"})
    assert [e.value for e in response.context["object_list"]][-1] == 7


def test_tables_give_dates_as_precisely_as_they_are_known_in_the_active_language(client, coalition):
    EstimateFactory(
        source=coalition,
        value=603,
        as_of=datetime.date(2017, 6, 30),
        as_of_precision="month",
        scope="incident",
    )
    page = client.get(reverse("tracker:estimate_list"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<time datetime="2017-06-30">juin 2017</time>' in page


@pytest.mark.parametrize("url", ["/figures/?format=csv", "/api/v1/estimates/?format=csv"])
def test_a_csv_comes_in_pages_the_link_header_naming_the_next(client, monkeypatch, url):
    from tracker import views
    from tracker.api import views as api_views

    monkeypatch.setattr(views, "CSV_PAGE_ROWS", 2)
    monkeypatch.setattr(api_views, "CSV_PAGE_ROWS", 2)
    figures = {EstimateFactory(value=100 + n).pk for n in range(5)}

    seen, pages = set(), 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        assert len(rows) <= 2
        seen |= {int(row["id"]) for row in rows}
        pages += 1
        link = response.headers.get("Link", "")
        url = link[1 : link.index(">")] if link else None
    assert (seen, pages) == (figures, 3)
