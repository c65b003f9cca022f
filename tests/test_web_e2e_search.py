"""The search box in headless Chromium, with the browser, server and page of
test_web_e2e.py: typed in the header of any page, it lands on the hits, and a sentence
hit lands on that sentence in its document, highlighted; a dyad page draws its charts.

DOSSIER_SCREENSHOTS=docs/screenshots saves the hits as `search.png` and the RUS ↔ PRK
dyad as `dyad.png`.
"""

from __future__ import annotations

from test_web_e2e import SCREENSHOTS, _visit, browser, page, server  # noqa: F401 (fixtures)


def test_the_header_box_leads_to_the_sentence(server, page):  # noqa: F811
    _visit(page, f"{server}/actors")
    box = page.locator("header.top form.search input[name=q]")
    box.fill("Mamedov")
    box.press("Enter")
    page.wait_for_url("**/search?q=Mamedov**")
    hits = page.locator("a.sentence-hit")
    assert hits.count() == 3
    assert page.locator("a.sentence-hit mark.match").all_inner_texts() == ["Mamedov"] * 3
    if SCREENSHOTS:
        _visit(page, page.url, "search")
    first = hits.first
    wanted = first.inner_text()
    first.click()
    page.wait_for_url("**/documents/*#sentence-*")
    anchor = page.url.rsplit("#", 1)[1]
    landed = page.locator(f"span.sentence#{anchor}")
    assert landed.inner_text().strip() == wanted.strip()
    assert page.evaluate("document.querySelector(':target').id") == anchor
    assert page.errors == []


def test_the_dyad_page_draws_both_directions(server, page):  # noqa: F811
    _visit(page, f"{server}/dyads/RUS/PRK", "dyad")
    assert page.locator("#a-to-b svg rect").count() >= 1
    rows = page.locator("table.dyad-events tbody tr")
    assert rows.count() >= 1
    rows.first.locator("a.event-link").click()
    page.wait_for_url("**/events/ev-*")
    assert page.locator("#dyad-link").count() == 1
    assert page.errors == []
