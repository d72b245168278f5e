"""python -m bench.pageweight URL [URL ...]: bytes sent and time until the chart is drawn, in chromium.

Loads each page in Debian's chromium (through Playwright) with an empty cache, as a first
visitor would, and prints the bytes that crossed the wire (compressed, as sent), the bytes
after decompression, and the milliseconds from navigation until the chart's element carries
`data-rendered="true"`. Run it against a server as in production (debug off, collected and
compressed static files), e.g.:

    DJANGO_STATIC_ROOT=/tmp/st .venv/bin/python manage.py collectstatic --noinput
    DJANGO_STATIC_ROOT=/tmp/st .venv/bin/gunicorn tracker.wsgi -b 127.0.0.1:8011 &
    .venv/bin/python -m bench.pageweight http://127.0.0.1:8011/ --runs 5
"""

import argparse
import statistics
import time

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def measure(browser, url, viewport):
    """Return (bytes on the wire, bytes decoded, ms to chart, {resource: wire bytes}) of one cold load."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    client = context.new_cdp_session(page)
    client.send("Network.enable")
    client.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes, urls = {}, {}
    client.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    client.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    decoded = {}
    client.on(
        "Network.dataReceived",
        lambda e: decoded.__setitem__(e["requestId"], decoded.get(e["requestId"], 0) + e["dataLength"]),
    )
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("[data-figure][data-rendered='true']", timeout=60_000)
    elapsed = (time.perf_counter() - started) * 1000
    page.wait_for_load_state("networkidle")
    by_url = {
        urls.get(rid, rid).split("?")[0].rsplit("/", 1)[-1] or "/": size
        for rid, size in sizes.items()
        if not urls.get(rid, "").startswith("data:")
    }
    context.close()
    return sum(sizes.values()), sum(decoded.values()), elapsed, by_url


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.pageweight", description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mobile", action="store_true", help="390x844 instead of 1366x900")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    viewport = {"width": 390, "height": 844} if args.mobile else {"width": 1366, "height": 900}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            for url in args.urls:
                runs = [measure(browser, url, viewport) for _ in range(args.runs)]
                wire, plain, _ms, by_url = runs[-1]
                times = sorted(run[2] for run in runs)
                print(f"{url} ({viewport['width']}x{viewport['height']}, {args.runs} cold loads)")
                print(f"  bytes sent: {wire:,}  (decoded {plain:,})")
                print(
                    f"  time to chart: median {statistics.median(times):.0f} ms, "
                    f"min {times[0]:.0f}, max {times[-1]:.0f}"
                )
                for name, size in sorted(by_url.items(), key=lambda item: -item[1])[:6]:
                    print(f"    {size:>10,}  {name}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
