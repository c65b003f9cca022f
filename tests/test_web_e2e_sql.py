"""The SQL box in headless Chromium, with the browser, server and page of
test_web_e2e.py: a query typed in the box and run lists its rows, its CSV link holds
the same rows, and a refused write keeps the box with the query and says why.

DOSSIER_SCREENSHOTS=docs/screenshots saves the page with its rows as `sql.png`.
"""

from __future__ import annotations

import csv
import io

from test_web_e2e import SCREENSHOTS, _visit, browser, page, server  # noqa: F401 (fixtures)

BY_ROOT = (
    "SELECT left(cameo_code, 2) AS root, count(*) AS events FROM events"
    " GROUP BY 1 ORDER BY 2 DESC, 1"
)


def test_a_typed_query_lists_its_rows_and_exports_them(server, page):  # noqa: F811
    _visit(page, f"{server}/events")
    page.locator("header nav a", has_text="SQL").click()
    page.wait_for_url("**/sql")
    page.fill("#sql-text", BY_ROOT)
    page.click("form.sql button")
    page.wait_for_url("**/sql?q=*")
    rows = page.locator("#sql-rows tbody tr")
    shown = [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())]
    assert len(shown) > 3 and shown[0][0] == "04"  # the seeds' busiest root: Consult
    assert sum(int(events) for _, events in shown) == int(
        page.request.get(f"{server}/api/events?limit=1").json()["total"]
    )
    href = page.locator("#sql-count a", has_text="CSV").get_attribute("href")
    exported = page.request.get(f"{server}{href}")
    assert exported.status == 200
    assert list(csv.reader(io.StringIO(exported.text())))[1:] == shown
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/sql.png")
    assert page.errors == []


def test_a_refused_write_keeps_the_box_and_says_why(server, page):  # noqa: F811
    response = page.goto(f"{server}/sql?q=DROP+TABLE+events")
    assert response is not None and response.status == 400
    assert "read-only" in page.locator("#problems").inner_text()
    assert page.locator("#sql-text").input_value() == "DROP TABLE events"
    assert page.locator("#sql-rows").count() == 0
