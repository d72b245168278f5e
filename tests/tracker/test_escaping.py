"""Article text is data, never markup: every page that shows it escapes it.

Titles, outlets, claimant names, quotes and error messages come from uploaded articles, so
each holds a script and a `</script>` that would close the page's own JSON script block if
it were embedded raw. Every page that shows them, the admin included, and the chart JSON are
rendered and searched for the markup.
"""

import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import EstimateFactory, ReportFactory, SourceFactory
from tracker.models import Report, Source

OPEN = '<script>alert("open")</script>'
CLOSE = '</script><script>alert("close")</script>'
HOSTILE = f"{OPEN} {CLOSE}"
RAW = re.compile(r"<script>alert|</script><script>|<img src=x")

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile():
    official = SourceFactory(name=f"Coalition {OPEN}", kind=Source.Kind.OFFICIAL)
    monitor = SourceFactory(name=f"Monitor {CLOSE}", kind=Source.Kind.INDEPENDENT)
    text = f"{HOSTILE} The coalition admits at least 603 civilian deaths. <img src=x onerror=alert(1)>"
    report = ReportFactory(
        title=HOSTILE,
        outlet=f"Wire {CLOSE}",
        text=text,
        status=Report.Status.FAILED,
        error=f"The analysis failed: {CLOSE}",
    )
    start = text.index("603")
    quote = f"{HOSTILE} at least 603 civilian deaths"
    official_figure = EstimateFactory(
        report=report, source=official, value=603, quote=quote, start=start, end=start + 3
    )
    EstimateFactory(source=monitor, value=1787, quote=quote)
    return {"report": report, "official": official, "monitor": monitor, "estimate": official_figure}


def pages(hostile):
    report, official, estimate = hostile["report"], hostile["official"], hostile["estimate"]
    return [
        reverse("tracker:dashboard"),
        reverse("tracker:dashboard") + f"?independent={hostile['monitor'].slug}",
        reverse("tracker:estimate_list"),
        reverse("tracker:report_list"),
        reverse("tracker:report_detail", args=[report.pk]),
        reverse("tracker:source_list"),
        reverse("tracker:source_detail", args=[official.slug]),
        reverse("ingest:upload") + f"?reports={report.pk}",
        reverse("admin:tracker_estimate_changelist"),
        reverse("admin:tracker_estimate_changelist") + "?q=script",
        reverse("admin:tracker_estimate_change", args=[estimate.pk]),
        reverse("admin:tracker_estimate_history", args=[estimate.pk]),
        reverse("admin:tracker_estimate_review"),
        reverse("admin:tracker_report_changelist"),
        reverse("admin:tracker_report_change", args=[report.pk]),
        reverse("admin:tracker_source_changelist"),
        reverse("admin:tracker_source_change", args=[official.pk]),
    ]


def test_no_page_renders_article_text_as_markup(client, editor, hostile):
    editor.user_permissions.add(*Permission.objects.filter(content_type__app_label="tracker"))
    client.force_login(editor)
    for url in pages(hostile):
        response = client.get(url, follow=True)  # the review queue opens its first figure
        assert response.status_code == 200, url
        page = response.content.decode()
        assert not RAW.findall(page), (url, RAW.findall(page))
        if "report" in url or "estimate" in url or "dashboard" in url or url == "/":
            assert "&lt;script&gt;" in page or "\\u003Cscript\\u003E" in page, url


def test_the_chart_json_keeps_the_text_but_cannot_close_its_script_block(client, hostile):
    page = client.get(reverse("tracker:dashboard")).content.decode()
    block = re.search(r'<script id="dashboard-figure" type="application/json">(.*?)</script>', page, re.S)
    assert block, "the figure's JSON block"
    figure = json.loads(block.group(1))
    hover = json.dumps(figure["data"])
    # plotly.js reads a little HTML in labels, so the text reaches it escaped a second time.
    assert "&lt;/script&gt;&lt;script&gt;" in hover
    assert "</script>" not in block.group(1)


def test_the_api_serves_the_text_unchanged_as_json_never_as_a_page(client, hostile):
    response = client.get(reverse("estimate-list"), HTTP_ACCEPT="text/html,*/*")
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    quotes = {estimate["quote"] for estimate in response.json()["results"]}
    assert f"{HOSTILE} at least 603 civilian deaths" in quotes
