"""The dashboard in a real browser: Debian's chromium, driven by Playwright, against live_server.

The screenshot lands in test-artifacts/ (git-ignored) for a person to look at.
"""

import datetime
from pathlib import Path

import pytest

from tests.factories import EstimateFactory, ReportFactory, SourceFactory
from tracker.models import Estimate, Source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

TRACES = (
    "Array.from(document.getElementById('dashboard-chart').data, t => ({meta: t.meta, y: Array.from(t.y)}))"
)


# Every Content-Security-Policy violation on the page, as the browser reports it to the page.
RECORD_CSP_VIOLATIONS = """window.cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`));"""


# Where a plotted point is in the viewport, from Plotly's own axes.
POINT_ON_SCREEN = """([curve, index]) => {
  const chart = document.getElementById('dashboard-chart');
  chart.scrollIntoView();
  const point = chart.calcdata[curve][index], layout = chart._fullLayout, box = chart.getBoundingClientRect();
  return [box.left + layout.xaxis._offset + layout.xaxis.c2p(point.x),
          box.top + layout.yaxis._offset + layout.yaxis.c2p(point.y)];
}"""


@pytest.fixture
def campaign():
    coalition = SourceFactory(name="US-led coalition", kind=Source.Kind.OFFICIAL)
    airwars = SourceFactory(name="Airwars", kind=Source.Kind.INDEPENDENT)
    sohr = SourceFactory(name="SOHR", kind=Source.Kind.INDEPENDENT)
    for value, day in [(119, (2016, 11, 9)), (352, (2017, 3, 31)), (484, (2017, 6, 1)), (603, (2017, 7, 1))]:
        quote = f"<i>admitted</i> {value}"
        report = ReportFactory(text=f"The coalition: {quote} civilians.")
        start = report.text.index(str(value))
        EstimateFactory(
            report=report,
            source=coalition,
            value=value,
            as_of=datetime.date(*day),
            quote=quote,
            start=start,
            end=start + len(str(value)),
        )
    EstimateFactory(source=coalition, value=1302, as_of=datetime.date(2019, 4, 30))
    for value, day in [(1787, (2016, 11, 1)), (3164, (2017, 3, 31)), (4354, (2017, 7, 7))]:
        EstimateFactory(source=airwars, value=value, as_of=datetime.date(*day))
    EstimateFactory(
        source=airwars,
        value=3923,
        value_max=6102,
        qualifier=Estimate.Qualifier.RANGE,
        as_of=datetime.date(2018, 1, 1),
    )
    EstimateFactory(
        source=sohr, value=3800, geography=Estimate.Geography.SYRIA, as_of=datetime.date(2019, 5, 1)
    )


def test_the_dashboard_draws_the_claimants_the_gap_and_follows_a_filter(live_server, campaign):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.add_init_script(RECORD_CSP_VIOLATIONS)
            console = []
            page.on("console", lambda message: console.append(message.text))
            response = page.goto(live_server.url + "/")
            page.wait_for_selector("#dashboard-chart[data-rendered='true']", timeout=20_000)
            # The strict policy is on and plotly.js draws under it: no eval, no inline script.
            policy = response.headers["content-security-policy"]
            directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
            assert directives["script-src"] == "'self'" and "unsafe-eval" not in policy
            assert "unsafe" not in directives["style-src"]

            traces = {(t["meta"]["role"], t["meta"]["key"]): t["y"] for t in page.evaluate(TRACES)}
            assert traces[("series", "official")] == [119, 352, 484, 603, 1302]
            assert {1787, 3164, 4354} <= set(traces[("series", "airwars")])
            assert ("band", "airwars") in traces  # the range is a band, not one line
            assert ("gap", "airwars") in traces and ("ratio", "airwars") in traces
            # Every trace was drawn, and the gap and the band are filled areas on screen.
            assert page.locator(".scatterlayer .trace").count() == len(traces)
            filled = page.eval_on_selector_all(
                ".scatterlayer path.js-fill",
                "paths => paths.filter(p => (p.getAttribute('d') || '').length > 10).length",
            )
            assert filled >= 2

            # Hover the official 603: qualifier, claimant, and the quote shown as text, not markup.
            official = list(traces).index(("series", "official"))
            page.evaluate(
                f"Plotly.Fx.hover('dashboard-chart', [{{curveNumber: {official}, pointNumber: 3}}])"
            )
            hover = page.eval_on_selector(".hoverlayer", "layer => layer.textContent")
            assert "at least 603" in hover and "US-led coalition" in hover
            assert "<i>admitted</i> 603" in hover
            violations = page.evaluate("window.cspViolations")
            assert violations == [], "\n".join(violations)
            assert not [line for line in console if "Content Security Policy" in line]
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

            # Clicking that point opens its report, the number marked in the article's text.
            x, y = page.evaluate(POINT_ON_SCREEN, [official, 3])
            page.mouse.move(x, y)
            page.mouse.click(x, y)
            page.wait_for_url("**/reports/**#estimate-*")
            assert page.locator("mark.figure--current").inner_text() == "603"
            page.go_back()
            page.wait_for_selector("#dashboard-chart[data-rendered='true']", timeout=20_000)

            # A filter: Syria only. The choice goes to the URL and the chart follows it.
            for box in ("iraq", "iraq_syria"):
                page.uncheck(f"input[name='geography'][value='{box}']")
            page.click("form.filters button[type='submit']")
            page.wait_for_url("**geography=syria**")
            page.wait_for_selector("#dashboard-chart[data-rendered='true']", timeout=20_000)
            keys = {(t["meta"]["role"], t["meta"]["key"]) for t in page.evaluate(TRACES)}
            assert keys == {("series", "sohr")}
            assert page.evaluate("window.cspViolations") == []
            page.screenshot(path=str(ARTIFACTS / "dashboard-syria.png"), full_page=True)
        finally:
            browser.close()
    assert (ARTIFACTS / "dashboard.png").stat().st_size > 10_000
