"""End to end in headless Chromium (Debian's `chromium`, driven by Playwright) against a
uvicorn server on loopback: every page renders the seeds' events, a row of the table
leads to its sentence, and a hostile article's markup stays text.

Outside CI these tests skip when /usr/bin/chromium is absent (`make browser` installs
it; $DOSSIER_CHROMIUM names another binary); in CI they fail instead. Set
DOSSIER_SCREENSHOTS=docs/screenshots to save a PNG of each page there.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from dossier.ingest import content_id
from dossier.web import create_app
from test_web_seeds import HOSTILE_SCRIPT, HOSTILE_TEXT, HOSTILE_TITLE, web_database

CHROMIUM = Path(os.environ.get("DOSSIER_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = os.environ.get("DOSSIER_SCREENSHOTS")
HOSTILE_ID = content_id(HOSTILE_TEXT)


@pytest.fixture(scope="module")
def server(analyser, tmp_path_factory):
    """The app on a free loopback port, served from a thread, stopped after the module."""
    app = create_app(web_database(analyser, tmp_path_factory.mktemp("web")))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module", autouse=True)  # first, so a missing browser skips at once
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: `make browser` must install it in CI")
        pytest.skip(f"{CHROMIUM} not installed (`make browser` installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors (a CSP violation shows up there)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def _visit(page, url: str, shot: str | None = None) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    if SCREENSHOTS and shot:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{shot}.png"))


def test_the_table_leads_to_the_sentence_with_its_parties_marked(server, page):
    _visit(page, f"{server}/events", "events")
    assert page.locator("table.events tbody tr").count() > 20
    row = page.locator("table.events tbody tr", has_text="Georgy Mamedov").filter(
        has_text="2000-06-09"
    )  # the meeting "the day before" June 10; the statement's "had discussed" is dated apart
    row.locator("a.event-link").click()
    page.wait_for_url("**/events/ev-*")
    sentence = page.locator("#sentence")
    assert sentence.locator("mark.trigger").inner_text() == "met"
    assert sentence.locator("mark.source").inner_text() == "Georgy Mamedov"
    assert sentence.locator("mark.target").inner_text() == "Pak Ui Chun"
    assert page.locator("p.context").last.inner_text().startswith("A Russian statement said")
    assert "Reuters, AP, UPI, Russian agencies" in page.locator("ul.citations").inner_text()
    if SCREENSHOTS:
        _visit(page, page.url, "event")
    page.locator("#document-link").click()
    page.wait_for_url("**/documents/*")
    assert page.locator("#article mark.trigger", has_text="met").count() >= 1
    assert page.errors == []


def test_filters_narrow_the_table(server, page):
    _visit(page, f"{server}/events")
    page.fill("input[name=dyad]", "RUS:PRK")
    page.fill("input[name=since]", "2000-06-09")
    page.fill("input[name=until]", "2000-06-09")
    page.click("form.filters button")
    page.wait_for_url("**dyad=RUS%3APRK**")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1
    for text in rows.all_inner_texts():
        assert "2000-06-09" in text


def test_document_actor_and_timeline_pages_render_the_seeds(server, page):
    _visit(page, f"{server}/documents/{_june_doc(page, server)}", "document")
    article = page.locator("#article")
    assert "Georgy Mamedov" in article.inner_text()
    assert article.locator("mark.entity").count() > 20
    assert article.locator("mark.timex", has_text="late last week").count() == 1
    _visit(page, f"{server}/actors/Vladimir%20Putin", "actor")
    assert page.locator("#events-over-time svg rect").count() >= 2
    assert page.locator("#counterparts svg text", has_text="North Korea").count() == 1
    assert page.locator("ul.mentions li").count() > 10
    _visit(page, f"{server}/timeline?dyad=RUS:PRK", "timeline")
    assert page.locator("#timeline-chart rect.shape-happened").count() >= 1
    assert page.locator("#timeline-chart rect.shape-expected").count() >= 1
    _visit(page, f"{server}/documents", "documents")
    assert page.locator("table tbody tr").count() == 3
    _visit(page, f"{server}/actors", "actors")
    assert page.locator("table a", has_text="Vladimir Putin").count() >= 1
    assert page.errors == []


def _june_doc(page, server: str) -> str:
    found = page.request.get(f"{server}/api/events?text=made+clear+on+June+10").json()
    return found["events"][0]["doc_id"]


def test_a_script_in_an_article_does_not_run_and_reads_as_text(server, page):
    _visit(page, f"{server}/documents/{HOSTILE_ID}", "hostile")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert HOSTILE_SCRIPT in page.locator("#article").inner_text()
    assert HOSTILE_TITLE in page.locator("h1").inner_text()
    assert page.locator("script").count() == 0 and page.locator("main img").count() == 0
    page.locator("#article a", has_text="met").first.click()
    page.wait_for_url("**/events/ev-*")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    _visit(page, f"{server}/events?text=pwned")
    assert '<img src=x onerror="window.__pwned=2">' in page.locator("table.events").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
