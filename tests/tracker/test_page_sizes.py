"""Every public page and API answer stays small at 100,000 figures (issue 17).

The probe: 100 articles of 1,500 figures each made the dashboard 105 MB. Here 100 run-on
articles state 1,000 figures each, every one on the chart (a cumulative toll with its own
value and date), from 40 claimants, each with the longest quote stored (QUOTE_MAX_CHARS).
"""

import datetime
import json

import pytest
from django.conf import settings

from tracker.models import Estimate, Report, Source

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

REPORTS, PER_REPORT, CLAIMANTS = 100, 1_000, 40
API_BYTES = 2 * 1024 * 1024
RUN_ON = "and the strikes went on across the river towns while residents waited for news " * 600


@pytest.fixture
def hundred_thousand_figures(db):
    sources = Source.objects.bulk_create(
        Source(
            name=f"Claimant {n} <b>bold</b>",
            slug=f"claimant-{n}",
            kind=Source.Kind.OFFICIAL if n < 3 else Source.Kind.INDEPENDENT,
            coalition=n < 3,
            match_keys=f"|claimant {n}|",
        )
        for n in range(CLAIMANTS)
    )
    reports = Report.objects.bulk_create(
        Report(title=f"Run-on article {n}", text=f"{n} {RUN_ON}", sha256=f"{n:064x}", status="done")
        for n in range(REPORTS)
    )
    quote = ("a sentence that never ends " * 30)[: settings.QUOTE_MAX_CHARS - 6] + " 1,234"
    day = datetime.date(2014, 8, 1)
    Estimate.objects.bulk_create(
        (
            Estimate(
                report=reports[n // PER_REPORT],
                source=sources[n % CLAIMANTS],
                value=1 + n,
                scope=Estimate.Scope.CUMULATIVE,
                geography=Estimate.Geography.IRAQ_SYRIA,
                perpetrator=Estimate.Perpetrator.COALITION,
                as_of=day + datetime.timedelta(days=n // CLAIMANTS),
                quote=quote,
                start=10 + n % PER_REPORT,
                end=15 + n % PER_REPORT,
                machine_reading={"value": 1 + n, "quote": quote},
            )
            for n in range(REPORTS * PER_REPORT)
        ),
        batch_size=5_000,
    )
    assert Estimate.objects.public().count() == 100_000


PAGES = {
    "/": 1_500_000,
    "/?rows=40": 1_500_000,
    "/?format=csv": 1_500_000,
    "/figures/": 300_000,
    "/figures/?format=csv": API_BYTES,
    "/api/v1/estimates/?format=csv": API_BYTES,
    "/reports/": 300_000,
    "/claimants/": 300_000,
    "/claimants/claimant-3/": 600_000,
    "/api/v1/series/": API_BYTES,
    "/api/v1/series/?format=csv": API_BYTES,
    "/api/v1/gap/": API_BYTES,
    "/api/v1/estimates/?page_size=100000": API_BYTES,
    "/api/v1/reports/?page_size=100000": API_BYTES,
    "/api/v1/reports/?include=text&page_size=100": API_BYTES,
    "/api/v1/sources/?page_size=100000": API_BYTES,
}


def test_each_page_and_the_chart_stay_bounded_at_100000_figures(client, hundred_thousand_figures):
    sizes = {url: len(client.get(url).content) for url in PAGES}
    too_big = {
        url: f"{size:,} bytes, limit {PAGES[url]:,}" for url, size in sizes.items() if size >= PAGES[url]
    }
    assert not too_big
    assert min(sizes.values()) > 1_000  # pages, not errors

    series = client.get("/api/v1/series/").json()["series"]
    assert len(series) == settings.CHART_MAX_TRACES
    assert series[0]["key"] == "official"
    for s in series:
        assert len(s["points"]) <= settings.CHART_MAX_POINTS < s["points_total"]
        values = [p["value"] for p in s["points"]]
        assert values == sorted(values)  # thinned, still a running total
    page = client.get("/").content.decode()
    block = page.split('id="dashboard-figure" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert max(len(trace["x"]) for trace in json.loads(block)["data"]) <= settings.CHART_MAX_POINTS
