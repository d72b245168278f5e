"""Public pages set no cookie for an anonymous reader, and the language is chosen by plain links.

A page that sets a cookie (the CSRF token a POST form needed) cannot be kept by the reverse
proxy for everyone (deploy/nginx.conf, tests/test_microcache.py). So the language switch is
two links, `/language/fr/?next=...`, and every anonymous answer of the site's public routes,
pages and API, is checked here: no Set-Cookie, and Vary naming the two things Django reads
the language from, so that no cache serves one reader's language to another.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from rest_framework.throttling import AnonRateThrottle

from tests.tracker.test_permission_matrix import ALL_ROUTES, API, PUBLIC, concrete, kind_of

READ_BY_ANYONE = [route for route in ALL_ROUTES if kind_of(route) in {PUBLIC, API}]


@pytest.fixture(autouse=True)
def no_throttle(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})


def varies_on(response):
    return {name.strip().lower() for name in response.get("Vary", "").split(",")}


def test_the_public_routes_are_found():
    assert {"", "figures/", "methodology/", "api/v1/^series/$"} <= set(READ_BY_ANYONE)


@pytest.mark.parametrize("route", READ_BY_ANYONE)
def test_an_anonymous_reader_gets_no_cookie_and_answers_vary_with_the_language(route, route_objects):
    client = Client()
    for language in ("en", "fr"):
        response = client.get(concrete(route, route_objects), headers={"accept-language": language})
        assert response.status_code == 200, route
        assert not response.cookies, f"{route} sets {list(response.cookies)}"
        assert not client.cookies
        assert {"cookie", "accept-language"} <= varies_on(response), route


@pytest.mark.parametrize("url", ["/", "/figures/", "/reports/", "/claimants/", "/methodology/"])
def test_public_pages_hold_no_form_that_posts_and_no_csrf_token(db, client, url):
    page = client.get(url).content.decode()
    assert 'method="post"' not in page.lower()
    assert "csrfmiddlewaretoken" not in page


def switch_links(page):
    """Return {language: href} of the header's language links."""
    switch = re.search(r'<nav class="language-switch".*?</nav>', page, re.S).group(0)
    return dict(
        (code, href.replace("&amp;", "&"))
        for href, code in re.findall(r'<a href="([^"]+)" lang="(\w+)"', switch)
    )


def test_the_switch_is_links_to_the_other_language_back_to_the_same_page(db, client):
    page = client.get("/figures/?sort=-value&page=1").content.decode()
    assert switch_links(page) == {"fr": "/language/fr/?next=/figures/%3Fsort%3D-value%26page%3D1"}
    assert '<strong aria-current="true" lang="en">English</strong>' in page

    french = client.get("/figures/", headers={"accept-language": "fr"}).content.decode()
    assert switch_links(french) == {"en": "/language/en/?next=/figures/"}
    assert '<strong aria-current="true" lang="fr">français</strong>' in french


def test_following_the_links_switches_to_french_and_back_to_english(db, client):
    answer = client.get("/language/fr/", {"next": "/figures/?sort=-value"})
    assert answer.status_code == 302 and answer["Location"] == "/figures/?sort=-value"
    cookie = answer.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "fr" and cookie["path"] == settings.LANGUAGE_COOKIE_PATH  # as set_language sets it
    assert "no-store" in answer["Cache-Control"]  # the redirect is nobody's to keep

    french = client.get("/figures/?sort=-value")
    assert french["Content-Language"] == "fr" and '<html lang="fr">' in french.content.decode()
    assert "Chiffres" in french.content.decode()
    assert not french.cookies  # the choice is remembered by the cookie already sent

    back = client.get(switch_links(french.content.decode())["en"])
    assert back.status_code == 302 and back["Location"] == "/figures/?sort=-value"
    assert back.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    english = client.get("/figures/?sort=-value", headers={"accept-language": "fr"})  # the cookie wins
    assert english["Content-Language"] == "en" and '<html lang="en">' in english.content.decode()


@pytest.mark.parametrize(
    "following",
    [
        "https://elsewhere.example/",
        "//elsewhere.example/",
        "http://testserver.example/",
        "javascript:alert(1)",
        "",
    ],
)
def test_the_switch_sends_back_only_to_this_site(db, client, following):
    answer = client.get("/language/fr/", {"next": following})
    assert answer.status_code == 302 and answer["Location"] == "/"
    assert answer.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def test_an_unknown_language_is_a_404_and_sets_nothing(db, client):
    answer = client.get("/language/de/", {"next": "/"})
    assert answer.status_code == 404 and not answer.cookies


def test_the_switch_is_a_link_and_takes_no_write(db, client):
    assert client.post("/language/fr/", {"next": "/"}).status_code == 405
    assert client.head("/language/fr/?next=/").status_code == 302
