"""The interactive API documentation in headless Chromium, with the browser, server and
page of test_web_e2e.py: /api/docs is Swagger UI, run from files this server serves
under its own Content-Security-Policy (a refused script or style would be a console
error), listing every operation /openapi.json describes.

DOSSIER_SCREENSHOTS=docs/screenshots saves the page as `api-docs.png`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from test_web_e2e import SCREENSHOTS, _visit, browser, page, server  # noqa: F401 (fixtures)


def _operations(openapi: dict) -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, item in openapi["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    }


def test_the_api_docs_list_every_operation_of_the_openapi_document(server, page):  # noqa: F811
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    _visit(page, f"{server}/api/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    expected = _operations(page.request.get(f"{server}/openapi.json").json())
    blocks = page.locator(".opblock-summary")
    shown = {
        (
            blocks.nth(i).locator(".opblock-summary-method").inner_text().strip(),
            blocks.nth(i).locator(".opblock-summary-path").get_attribute("data-path"),
        )
        for i in range(blocks.count())
    }
    assert ("GET", "/api/events") in expected and len(expected) > 5
    assert shown == expected
    assert page.locator(".info h1.title", has_text="dossier").count() == 1
    # nothing came from anywhere but this server, and the policy refused nothing
    assert {urlsplit(url).netloc for url in requested} == {urlsplit(server).netloc}
    assert page.errors == []
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/api-docs.png")


def test_an_operation_can_be_tried_from_the_page(server, page):  # noqa: F811
    _visit(page, f"{server}/api/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    events = page.locator(".opblock-get", has=page.locator('[data-path="/api/events"]')).first
    events.locator(".opblock-summary").click()
    events.locator("button.try-out__btn").click()
    events.locator("button.execute").click()
    response = events.locator(".live-responses-table tbody .response-col_status").first
    response.wait_for(timeout=15_000)
    assert response.inner_text().strip() == "200"
    assert '"total"' in events.locator(".live-responses-table tbody").inner_text()
    assert page.errors == []
