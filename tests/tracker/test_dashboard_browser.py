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
POINT_ON_SCREEN = """([curve, index, x, y]) => {
  const chart = document.getElementById('dashboard-chart');
  chart.scrollIntoView();
  const point = chart.calcdata[curve][index], layout = chart._fullLayout, box = chart.getBoundingClientRect();
  return [box.left + layout[x]._offset + layout[x].c2p(point.x),
          box.top + layout[y]._offset + layout[y].c2p(point.y)];
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


def point_on_screen(page, curve, index, chart="dashboard-chart", axes=("xaxis", "yaxis")):
    return page.evaluate(POINT_ON_SCREEN.replace("dashboard-chart", chart), [curve, index, *axes])


def hover_text_at(page, x, y):
    """Move the mouse as a reader would and return the tooltip's text (the gap must not catch it)."""
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y)
    page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
    return page.eval_on_selector(".hoverlayer", "layer => layer.textContent")


def colour_of_trace(page, role, key, chart="dashboard-chart"):
    return page.evaluate(
        "([chart, role, key]) => document.getElementById(chart).data"
        ".find(t => t.meta.role === role && t.meta.key === key).line.color",
        [chart, role, key],
    )


def launch(playwright):
    return playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)


def outside_requests(page, live_server):
    """Record every request the page makes to an address other than the site's own."""
    seen = []
    page.on(
        "request",
        lambda request: (
            seen.append(request.url)
            if not request.url.startswith((live_server.url, "data:", "blob:"))
            else None
        ),
    )
    return seen


def test_the_dashboard_draws_the_claimants_the_gap_and_follows_a_filter(live_server, campaign):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.add_init_script(RECORD_CSP_VIOLATIONS)
            console = []
            page.on("console", lambda message: console.append(message.text))
            outside = outside_requests(page, live_server)
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
            assert ("series", "sohr") not in traces  # Syria only: not compared with Iraq and Syria
            # Every trace was drawn, and the gap and the band are filled areas on screen.
            assert page.locator(".scatterlayer .trace").count() == len(traces)
            filled = page.eval_on_selector_all(
                ".scatterlayer path.js-fill",
                "paths => paths.filter(p => (p.getAttribute('d') || '').length > 10).length",
            )
            assert filled >= 2

            # Hover with the mouse, over the gap's shading: the official 603 and Airwars' latest.
            official = list(traces).index(("series", "official"))
            airwars = list(traces).index(("series", "airwars"))
            hover = hover_text_at(page, *point_on_screen(page, official, 3))
            assert "at least 603" in hover and "US-led coalition" in hover
            assert "<i>admitted</i> 603" in hover
            latest = len(traces[("series", "airwars")]) - 1
            hover = hover_text_at(page, *point_on_screen(page, airwars, latest))
            assert "between 3,923 and 6,102" in hover and "Airwars" in hover
            # The ratio's tooltip names both claimants and the date.
            ratio = list(traces).index(("ratio", "airwars"))
            hover = hover_text_at(page, *point_on_screen(page, ratio, 0, axes=("xaxis2", "yaxis2")))
            assert "Airwars: 1,787" in hover and "Official (US-led coalition): 119" in hover, hover
            assert "as of Nov. 9, 2016" in hover and "×15.02" in hover, hover
            violations = page.evaluate("window.cspViolations")
            assert violations == [], "\n".join(violations)
            assert not [line for line in console if "Content Security Policy" in line]
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

            # The toolbar: the PNG, zoom, pan and reset, nothing that reaches another site.
            titles = page.eval_on_selector_all(
                ".modebar-btn", "buttons => buttons.map(b => b.getAttribute('data-title'))"
            )
            assert len(titles) == 4 and not [t for t in titles if "Chart Studio" in t or "Select" in t]
            assert page.eval_on_selector_all(".modebar a[href^='http']", "links => links.length") == 0
            for title in titles:
                if "PNG" not in title:
                    page.click(f".modebar-btn[data-title='{title}']")
            with page.expect_download() as download:
                page.click(".modebar-btn[data-title*='PNG']")
            download.value.save_as(str(ARTIFACTS / "chart-export.png"))
            assert outside == []

            # The exported image carries the title and the source line: plotly renders the PNG from
            # this same SVG, which holds them as text.
            svg = page.evaluate(
                "Plotly.toImage('dashboard-chart', {format: 'svg', width: 1200, height: 760})"
                ".then(url => decodeURIComponent(url.split(',')[1]))"
            )
            assert "Civilians killed: official admissions and independent counts" in svg
            assert "Source: Casualty Tracker, figures extracted from" in svg and live_server.url in svg
            png = page.evaluate(
                "Plotly.toImage('dashboard-chart', {format: 'png', width: 1200, height: 760})"
            )
            assert png.startswith("data:image/png;base64,") and len(png) > 20_000

            # Clicking the official point opens its report, the number marked in the article's text.
            page.evaluate("Plotly.relayout('dashboard-chart', {'xaxis.autorange': false})")
            x, y = point_on_screen(page, official, 3)
            page.mouse.move(x, y)
            page.mouse.click(x, y)
            page.wait_for_url("**/reports/**#estimate-*")
            assert page.locator("mark.figure--current").inner_text() == "603"
            page.go_back()
            page.wait_for_selector("#dashboard-chart[data-rendered='true']", timeout=20_000)

            # And Airwars' latest point opens its own.
            x, y = point_on_screen(page, airwars, latest)
            page.mouse.move(x, y)
            page.mouse.click(x, y)
            page.wait_for_url("**/reports/**#estimate-*")
            page.go_back()
            page.wait_for_selector("#dashboard-chart[data-rendered='true']", timeout=20_000)
            airwars_colour = colour_of_trace(page, "series", "airwars")

            # Another view: Airwars alone among the claimants, then its own page: the same colour.
            page.goto(live_server.url + "/?claimants=airwars&reviewed_only=")
            page.wait_for_selector("#dashboard-chart[data-rendered='true']", timeout=20_000)
            assert colour_of_trace(page, "series", "airwars") == airwars_colour
            page.goto(live_server.url + "/claimants/airwars/")
            page.wait_for_selector("#claimant-chart[data-rendered='true']", timeout=20_000)
            assert colour_of_trace(page, "series", "airwars", chart="claimant-chart") == airwars_colour

            # A filter: Syria only. The choice goes to the URL and the chart follows it.
            page.goto(live_server.url + "/")
            page.wait_for_selector("#dashboard-chart[data-rendered='true']", timeout=20_000)
            page.check("input[name='geography'][value='syria']")
            page.click("form.filters button[type='submit']")
            page.wait_for_url("**geography=syria**")
            page.wait_for_selector("#dashboard-chart[data-rendered='true']", timeout=20_000)
            keys = {(t["meta"]["role"], t["meta"]["key"]) for t in page.evaluate(TRACES)}
            assert keys == {("series", "sohr")}
            assert "no official figure for this geography" in page.content()
            assert page.evaluate("window.cspViolations") == []
            page.screenshot(path=str(ARTIFACTS / "dashboard-syria.png"), full_page=True)
            assert outside == []
        finally:
            browser.close()
    assert (ARTIFACTS / "dashboard.png").stat().st_size > 10_000


def test_the_french_dashboard_writes_months_and_numbers_in_french_and_fits_a_phone(live_server, campaign):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            context = browser.new_context(
                viewport={"width": 390, "height": 844}, locale="fr-FR", has_touch=True
            )
            page = context.new_page()
            outside = outside_requests(page, live_server)
            page.goto(live_server.url + "/")
            page.wait_for_selector("#dashboard-chart[data-rendered='true']", timeout=20_000)
            assert page.get_attribute("html", "lang") == "fr"
            # Zoom to a few months, so the axis names them.
            page.evaluate(
                "Plotly.relayout('dashboard-chart', {'xaxis2.range': ['2016-12-15', '2017-08-15']})"
            )
            ticks = page.eval_on_selector_all(
                ".xaxislayer-above g.x2tick text", "texts => texts.map(t => t.textContent)"
            )
            months = " ".join(ticks)
            assert any(month in months for month in ("Fév", "Avr", "Mai", "Juin", "Aoû")), ticks
            assert not any(month in months for month in ("Feb", "Apr", "May", "Jun", "Aug")), ticks
            numbers = page.eval_on_selector_all(
                ".yaxislayer-above .ytick text", "texts => texts.map(t => t.textContent)"
            )
            big = [n for n in numbers if len(n.replace("\u202f", "").replace(" ", "")) >= 4]
            assert big and all("," not in n for n in big), numbers
            assert any("\u202f" in n or " " in n for n in big), numbers
            cards = page.inner_text(".key-numbers")
            assert "1\u00a0302" in cards or "1\u202f302" in cards, cards
            assert "2019" in cards and "-04-30" not in cards
            # On a phone the key numbers and the chart come before the filters.
            chart_top = page.eval_on_selector(
                "#dashboard-chart", "e => e.getBoundingClientRect().top + scrollY"
            )
            filters_top = page.eval_on_selector(
                "form.filters", "e => e.getBoundingClientRect().top + scrollY"
            )
            assert chart_top < filters_top
            page.screenshot(path=str(ARTIFACTS / "dashboard-fr-390x844.png"), full_page=True)
            page.screenshot(path=str(ARTIFACTS / "dashboard-fr-390x844-first-screen.png"))

            # A tap shows the point's tooltip and stays; a second tap on it opens its sentence.
            page.evaluate("Plotly.relayout('dashboard-chart', {'xaxis2.autorange': true})")
            keys = [(t["meta"]["role"], t["meta"]["key"]) for t in page.evaluate(TRACES)]
            official = keys.index(("series", "official"))
            x, y = point_on_screen(page, official, 3)
            page.touchscreen.tap(x, y)
            page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
            assert "au moins 603" in page.eval_on_selector(".hoverlayer", "layer => layer.textContent")
            assert page.url == live_server.url + "/"
            page.touchscreen.tap(x, y)
            page.wait_for_url("**/reports/**#estimate-*")
            assert outside == []
        finally:
            browser.close()
