"""The dashboard's content and the series answers are built once per data version, never stale."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import EstimateFactory, SourceFactory
from tracker.models import Report, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def admission():
    coalition = SourceFactory(name="US-led coalition", kind=Source.Kind.OFFICIAL)
    return EstimateFactory(source=coalition, value=603, quote="The coalition gave its toll.")


@pytest.fixture
def api():
    return APIClient()


def main(response):
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def series_values(api):
    body = api.get(reverse("series-list"), {"claimant_kind": "official"}).json()
    return [point["value"] for trace in body["series"] for point in trace["points"]]


def test_the_dashboard_is_built_once_per_data_version(client, admission, django_assert_max_num_queries):
    first = main(client.get(reverse("tracker:dashboard")))
    with django_assert_max_num_queries(3):  # the data stamp alone
        again = main(client.get(reverse("tracker:dashboard")))
    assert again == first  # the header around it holds a fresh CSRF token each time
    assert "at least 603" in first


def test_a_changed_figure_shows_at_once(client, admission):
    client.get(reverse("tracker:dashboard"))
    admission.value = 604
    admission.save()
    page = client.get(reverse("tracker:dashboard")).content.decode()
    assert "at least 604" in page
    assert "at least 603" not in page


def test_a_deleted_report_leaves_the_dashboard_and_the_series(client, api, admission):
    assert series_values(api) == [603]
    assert "at least 603" in client.get(reverse("tracker:dashboard")).content.decode()
    admission.report.delete()
    assert series_values(api) == []
    assert "at least 603" not in client.get(reverse("tracker:dashboard")).content.decode()


def test_each_language_and_each_selection_is_kept_apart(client, admission):
    english = client.get(reverse("tracker:dashboard")).content.decode()
    french = client.get(reverse("tracker:dashboard"), headers={"accept-language": "fr"}).content.decode()
    afghanistan = client.get(reverse("tracker:dashboard"), {"geography": "afghanistan"}).content.decode()
    assert "Latest official admission" in english
    assert "Latest official admission" not in french
    assert "at least 603" in english
    assert "at least 603" not in afghanistan


def test_the_series_answer_is_rendered_once_and_follows_changes(
    api, admission, django_assert_max_num_queries
):
    first = api.get(reverse("series-list")).content
    with django_assert_max_num_queries(3):
        assert api.get(reverse("series-list")).content == first
    csv = api.get(reverse("series-list"), {"format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    assert "attachment" in csv["Content-Disposition"]
    admission.value = 700
    admission.save()
    assert series_values(api) == [700]


def test_deleting_an_older_row_still_moves_the_data_stamp(admission, django_capture_on_commit_callbacks):
    from tracker.freshness import data_last_updated

    other = EstimateFactory(value=352)  # its claimant stays: the maximum alone would go back
    before = data_last_updated()
    with django_capture_on_commit_callbacks(execute=True):
        Report.objects.filter(pk=other.report_id).delete()
    assert data_last_updated() > before
