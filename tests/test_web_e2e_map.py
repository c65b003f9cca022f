"""The map page in headless Chromium, with the server and browser of test_web_e2e.py:
the map draws one mark per place of the seeds' events (Moscow 7, Pyongyang 6, Brussels
and Beijing 1 each; hand-checked in test_web_map.py), a click on a mark opens its
events, and the table under the map does the same without hovering.

Set DOSSIER_SCREENSHOTS=docs/screenshots to save the map's picture there (map.png).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from test_web_e2e import _visit, browser, page, server  # noqa: F401 (fixtures)

PLACES = {"Moscow": 7, "Pyongyang": 6, "Brussels": 1, "Beijing": 1}


def test_the_map_draws_its_marks_and_a_mark_opens_its_events(server, page):  # noqa: F811
    _visit(page, f"{server}/map", "map")
    marks = page.locator("svg.map a.mark")
    assert marks.count() == len(PLACES)
    drawn = {
        marks.nth(n).get_attribute("data-place"): int(marks.nth(n).get_attribute("data-events"))
        for n in range(marks.count())
    }
    assert drawn == PLACES
    assert page.locator("svg.map path.country").count() > 20  # the boundaries are drawn
    box = page.locator("svg.map").bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 200
    tooltip = page.locator("svg.map a.mark[data-place=Pyongyang] title").text_content()
    assert tooltip == "Pyongyang (PRK): 6 events"
    page.locator("svg.map a.mark[data-place=Pyongyang] circle").click()
    page.wait_for_url("**/events?**place=Pyongyang**")
    assert parse_qs(urlsplit(page.url).query)["place"] == ["Pyongyang"]
    rows = page.locator("table.events tbody tr")
    assert rows.count() == PLACES["Pyongyang"]
    assert rows.filter(has_text="Kim Dae-jung").count() == 1  # "talks in Pyongyang"
    assert page.errors == []


def test_a_filtered_map_and_its_table_lead_to_the_same_events(server, page):  # noqa: F811
    _visit(page, f"{server}/map")
    page.fill("form.filters input[name=since]", "2000-08-01")
    page.click("form.filters button")
    page.wait_for_url("**/map?**since=2000-08-01**")
    marks = page.locator("svg.map a.mark")
    assert {
        marks.nth(n).get_attribute("data-place"): int(marks.nth(n).get_attribute("data-events"))
        for n in range(marks.count())
    } == {"Moscow": 5, "Pyongyang": 2}
    page.locator("table.places a.place-link", has_text="Moscow").click()  # a tap, no hover
    page.wait_for_url("**/events?**place=Moscow**")
    query = parse_qs(urlsplit(page.url).query)
    assert query["since"] == ["2000-08-01"] and query["place"] == ["Moscow"]
    assert page.locator("table.events tbody tr").count() == 5
    assert page.errors == []
