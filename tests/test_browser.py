"""A new user's first minutes, in a real Chromium against the app behind waitress."""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from waitress.server import create_server

from search.web import create_app
from search.web.auth import create_token

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed"),
]


def serve(data_dir: Path) -> Iterator[str]:
    """The app behind waitress on a free port, for as long as the caller needs it."""
    app = create_app({"DATA_DIR": str(data_dir)})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    wsgi = create_server(app, host="127.0.0.1", port=port, threads=4)
    thread = threading.Thread(target=wsgi.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    wsgi.close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def server(indexed_dir) -> Iterator[str]:
    yield from serve(indexed_dir)


@pytest.fixture
def writable_server(data_dir) -> Iterator[str]:
    yield from serve(data_dir)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        yield page
        browser.close()


def total(page) -> int:
    return int(page.locator("strong.total").inner_text())


def test_search_facet_month_back_and_article(page, server):
    page.goto(server + "/")
    page.fill("#q", "Kazakhstan trade")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?q=Kazakhstan+trade")
    assert total(page) == 5
    assert page.locator("ol.results mark").count() > 0
    snippet_text = page.locator("ol.results").inner_text()
    assert "Advertisement" not in snippet_text and "Dark Mode" not in snippet_text

    outlet = page.locator('[data-facet="outlet"] a[data-value="The South Asia Times"]')
    outlet.click()
    page.wait_for_url("**outlet=The+South+Asia+Times**")
    assert total(page) == 1
    # The outlet facet still counts the other outlet (disjunctive facets).
    assert page.locator('[data-facet="outlet"] a[data-value="Associated Press of Pakistan"]').count() == 1

    page.locator('[data-facet="outlet"] a[data-value="Associated Press of Pakistan"]').click()
    page.wait_for_url("**Associated+Press**")
    assert total(page) == 2  # two values of one facet: OR

    page.locator('[data-facet="date"] a[data-value="2026-02"]').click()
    page.wait_for_url("**date_from=2026-02-01**")
    assert total(page) == 2
    assert page.locator(".chip", has_text="Date:").count() == 1

    page.locator(".chip", has_text="Outlet: The South Asia Times").click()
    page.wait_for_url(lambda url: "South+Asia" not in url)
    assert total(page) == 1

    page.go_back()
    page.wait_for_url("**South+Asia**")
    assert total(page) == 2

    page.locator("ol.results h3 a").first.click()
    page.wait_for_url("**/article/**")
    assert page.locator("article.full h1").inner_text()
    assert "Outlet" in page.locator("dl.metadata").inner_text()


def test_add_form_after_login(page, writable_server, data_dir):
    token = create_token(data_dir, "browser")
    page.goto(writable_server + "/")
    page.click("text=Add article")
    page.wait_for_url("**/login**")
    page.fill("#secret", token)
    page.click("button:has-text('Log in')")
    page.wait_for_url("**/add")
    page.fill(
        "#content",
        "TBILISI, April 9 - Georgia and Armenia signed a border demarcation protocol on Wednesday, "
        "the foreign ministries of both countries said in a joint statement.",
    )
    page.fill("#outlet", "Caucasus Courier")
    page.click("button:has-text('Add article')")
    added = page.locator("section.added")
    assert "Added" in added.inner_text() and "Caucasus Courier" in added.inner_text()
    page.click("text=Find it in search")
    assert int(page.locator("strong.total").inner_text()) == 1
    assert "Caucasus Courier" in page.locator('[data-facet="outlet"]').inner_text()


def test_timeline_bar_filters_and_phone_layout(page, server):
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(server + "/search")
    assert total(page) == 9
    page.locator('figure.timeline a.bar[data-label="week of 2026-02-02"]').click()
    page.wait_for_url("**date_from=2026-02-02**")
    assert total(page) == 3
    page.set_viewport_size({"width": 390, "height": 800})
    # On a phone the results come before the facets and nothing overflows sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    results_top = page.locator("ol.results").bounding_box()["y"]
    facets_top = page.locator("aside.facets").bounding_box()["y"]
    assert results_top < facets_top
    page.set_viewport_size({"width": 1200, "height": 900})


def test_pages_work_under_the_content_security_policy(page, server):
    problems: list[str] = []

    def console(message) -> None:  # type: ignore[no-untyped-def]
        if message.type == "error":
            problems.append(message.text)

    def error(exception) -> None:  # type: ignore[no-untyped-def]
        problems.append(str(exception))

    page.on("console", console)
    page.on("pageerror", error)
    try:
        for path in ("/", "/search?q=Kazakhstan&country=KZ", "/search?q=Tokayef", "/login"):
            page.goto(server + path)
            # the stylesheet applied: the serif body font comes from /site.css
            assert "Georgia" in page.evaluate("getComputedStyle(document.body).fontFamily"), path
        page.goto(server + "/search?q=Kazakhstan")
        page.locator("ol.results a").first.click()
        page.wait_for_load_state()
        assert page.url.startswith(server + "/article/")
    finally:
        page.remove_listener("console", console)
        page.remove_listener("pageerror", error)
    assert not problems, problems
