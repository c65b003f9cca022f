"""The facets of the events list in headless Chromium, with the browser, server and page
of test_web_e2e.py: clicking a facet value narrows the table to its count, the facets
of the narrowed list add up to its total, and a second value of the field widens it
to both (the union).

DOSSIER_SCREENSHOTS=docs/screenshots saves the page with two values chosen as
`facets.png`.
"""

from __future__ import annotations

import re

from dossier.web.params import MAX_LIMIT
from test_web_e2e import _visit, browser, page, server  # noqa: F401 (fixtures)


def _total(tab) -> int:  # noqa: ANN001
    return int(re.match(r"(\d+) event", tab.locator("p.count").inner_text()).group(1))


def _counts(tab, field: str) -> dict[str, int]:  # noqa: ANN001
    """The facet's values (with those behind a closed "more", hence text_content) and
    their counts."""
    items = tab.locator(f"#facet-{field} ul.facet-values li")
    found = {}
    for i in range(items.count()):
        label, count = items.nth(i).text_content().rsplit(maxsplit=1)
        found[label.strip().removeprefix("✓ ")] = int(count)
    return found


def test_clicking_a_facet_value_narrows_the_list_and_the_counts_add_up(server, page):  # noqa: F811
    _visit(page, f"{server}/events?limit={MAX_LIMIT}")
    everything = _total(page)
    rows = page.locator("table.events tbody tr")
    assert rows.count() == everything > 20
    quads = _counts(page, "quad_class")
    assert sum(quads.values()) == everything
    # the quad class of every row, read off the table: the facet says the same
    classes = [
        re.search(r"\bq(\d)\b", rows.nth(i).locator("span.quad").get_attribute("class")).group(1)
        for i in range(rows.count())
    ]
    by_class = {label.split()[0]: n for label, n in quads.items()}
    assert by_class == {q: classes.count(q) for q in set(classes)}
    first, second = sorted(by_class, key=lambda q: -by_class[q])[:2]
    label = next(lbl for lbl in quads if lbl.startswith(f"{first} "))

    page.locator("#facet-quad_class a.facet-value", has_text=label).click()
    page.wait_for_url(f"**quad_class={first}**")
    assert _total(page) == by_class[first] < everything
    assert rows.count() == by_class[first]
    for i in range(rows.count()):
        assert f"q{first}" in rows.nth(i).locator("span.quad").get_attribute("class")
    for field in ("root", "type", "modality", "source_country", "target_country", "place", "year"):
        assert sum(_counts(page, field).values()) == by_class[first], field
    assert page.locator("#chips a.chip").count() == 1

    other = next(lbl for lbl in _counts(page, "quad_class") if lbl.startswith(f"{second} "))
    page.locator("#facet-quad_class a.facet-value", has_text=other).click()
    page.wait_for_url(f"**quad_class={second}**")
    assert _total(page) == rows.count() == by_class[first] + by_class[second]
    assert sum(_counts(page, "root").values()) == by_class[first] + by_class[second]
    assert page.locator("#chips a.chip").count() == 2
    _visit(page, page.url, "facets")
    page.locator("#chips a.chip").first.click()  # drop the first value again
    page.wait_for_load_state()
    assert _total(page) == by_class[second]
    assert page.errors == []


def test_a_place_facet_narrows_the_list_and_its_type_and_country_facets_follow(server, page):  # noqa: F811
    _visit(page, f"{server}/events?limit={MAX_LIMIT}")
    everything = _total(page)
    places = {p: n for p, n in _counts(page, "place").items() if p != "no place"}
    assert sum(_counts(page, "place").values()) == everything
    busiest = max(places, key=lambda p: (places[p], p))
    exactly = re.compile(rf"^{re.escape(busiest)}$")  # not a longer name holding it
    page.locator("#facet-place a.facet-value", has_text=exactly).click()
    page.wait_for_url("**place=**")
    assert _total(page) == places[busiest] < everything
    assert page.locator("table.events tbody tr").count() == places[busiest]
    assert sum(_counts(page, "type").values()) == places[busiest]
    # every event at the place counts under the place's country at least
    assert max(_counts(page, "country").values()) == places[busiest]
    assert page.locator("#chips a.chip", has_text=f"place: {busiest}").count() == 1
    assert page.errors == []
