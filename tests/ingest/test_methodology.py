import pytest
from django.http import QueryDict
from django.urls import reverse

from ingest.extraction import VAGUE_PLURALS
from tests.factories import EstimateFactory
from tracker.filters import ChartFilterForm
from tracker.freshness import data_last_updated

pytestmark = pytest.mark.django_db


def test_the_methodology_page_shows_the_engines_rule_table_for_vague_numbers(client):
    response = client.get(reverse("methodology"))
    assert response.status_code == 200
    page = response.content.decode()
    table = page.split('id="vague-table"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == len(VAGUE_PLURALS) + 1
    assert "des dizaines, plusieurs dizaines, quelques dizaines" in table
    assert "at least 10" in table and "about 20" in table


def test_the_methodology_page_gives_the_same_freshness_stamp_as_the_api(client):
    EstimateFactory()
    page = client.get(reverse("methodology")).content.decode()
    assert f'datetime="{data_last_updated().isoformat()}"' in page


def test_the_methodology_page_explains_each_field(client):
    page = client.get(reverse("methodology")).content.decode()
    for name in ("qualifier", "scope", "as_of", "review_status"):
        assert f"<code>{name}</code>" in page


def test_the_methodology_page_says_what_the_default_view_compares_as_the_chart_draws_it(client):
    page = client.get(reverse("methodology")).content.decode()
    said = " ".join(page.split('id="default-comparison">', 1)[1].split("</p>", 1)[0].split())
    assert (
        "running totals of civilians killed by the US-led coalition in one geography: Iraq and Syria." in said
    )
    form = ChartFilterForm(QueryDict())
    assert (form.chosen("geography"), form.chosen("victims")) == ("iraq_syria", "civilians")


def test_the_methodology_page_states_the_data_licence_and_names_claimant_kinds_in_words(client):
    page = client.get(reverse("methodology")).content.decode()
    assert "CC BY 4.0" in page
    assert "state_media" not in page and "State media" in page
