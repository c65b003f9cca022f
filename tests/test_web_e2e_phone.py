# ruff: noqa: E501  (the page-measuring JavaScript below reads best on long lines)
"""Every page at phone width (390×844) in headless Chromium, and the desktop (1400×900)
as it was: no horizontal scroll of the page itself (wide tables and dense charts scroll
inside their own box), the header and its nav within the screen, the filters stacked
above the list with inputs big enough to tap, charts drawn at a readable size, and the
details of the charts' hover tooltips reachable by a tap (a `<details>` table).

Reuses the server and browser of test_web_e2e (the seeds and the hostile article); set
DOSSIER_SCREENSHOTS=docs/screenshots to save phone-events.png and phone-actor.png there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_web_e2e import HOSTILE_ID, SCREENSHOTS, browser, server  # noqa: F401  (fixtures)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 900}
SMALLEST_TEXT = 8  # px: an SVG label drawn smaller than this is not read on a phone
TAP = 36  # px: the least height of a filter input or button

PAGES = {
    "events": "/events",
    "event": "/events/{event}",
    "documents": "/documents",
    "document": "/documents/{doc}",
    "actors": "/actors",
    "actor": "/actors/Vladimir%20Putin",
    "timeline": "/timeline?dyad=RUS:PRK",
    "timeline-actor": "/timeline?actor=Vladimir%20Putin",
    "error": "/events/ev-no-such-event",
    "bad-filters": "/events?since=June&quad_class=5&actor=Putin",
    "hostile": f"/documents/{HOSTILE_ID}",
}

# The page's geometry, measured in the browser: the page's scroll width, the header and
# its nav links, each table and SVG with the scrolling box around it (if any), the
# smallest SVG text as drawn, the filters' inputs.
MEASURE = """() => {
  const box = e => { const r = e.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}; };
  const scroller = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return p; }
    return null; };
  const inBox = e => { const s = scroller(e); return {...box(e),
    box: s ? {...box(s), scrollWidth: s.scrollWidth, clientWidth: s.clientWidth} : null}; };
  const smallest = svg => { const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    return sizes.length ? Math.min(...sizes) : null; };
  const form = document.querySelector('main form.filters');
  return {
    scrollWidth: document.documentElement.scrollWidth,
    header: box(document.querySelector('header.top')),
    links: [...document.querySelectorAll('header.top a')].map(box),
    tables: [...document.querySelectorAll('main table')].filter(t => !t.closest('details:not([open])'))
      .map(t => ({...inBox(t), folded: !!t.closest('details'), parent: t.parentElement.clientWidth})),
    svgs: [...document.querySelectorAll('main svg')].map(s => ({...inBox(s), text: smallest(s)})),
    figures: [...document.querySelectorAll('main figure')].map(box),
    aside: document.querySelector('main aside.facets') ? box(document.querySelector('main aside.facets')) : null,
    form: form ? box(form) : null,
    fields: form ? [...form.querySelectorAll('input:not([type=hidden]):not([type=checkbox]), button')].map(box) : [],
    labels: form ? [...form.querySelectorAll('label')].map(box) : [],
  };
}"""


@pytest.fixture(scope="module")
def urls(server, browser):  # noqa: F811
    context = browser.new_context()
    found = context.request.get(f"{server}/api/events?text=made+clear+on+June+10").json()
    context.close()
    event = found["events"][0]
    return {
        name: server + path.format(event=event["event_id"], doc=event["doc_id"])
        for name, path in PAGES.items()
    }


@pytest.fixture(scope="module")
def phone(browser):  # noqa: F811
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(5_000)
    yield page
    context.close()


@pytest.fixture(scope="module")
def desktop(browser):  # noqa: F811
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def _open(page, url: str) -> dict:
    response = page.goto(url)
    assert response is not None and response.status in (200, 400, 404), url
    return page.evaluate(MEASURE)


@pytest.mark.parametrize("name", PAGES)
def test_no_page_scrolls_sideways_at_phone_width(name, urls, phone):
    got = _open(phone, urls[name])
    width = PHONE["width"]
    assert got["scrollWidth"] <= width, f"{name}: the page is {got['scrollWidth']} px wide"
    assert got["header"]["left"] >= 0 and got["header"]["right"] <= width
    for link in got["links"]:
        assert 0 <= link["left"] and link["right"] <= width, f"{name}: a nav link is off screen"
        assert link["bottom"] <= got["header"]["bottom"] + 0.5, f"{name}: a link spills out"
    for table in got["tables"]:
        fits = table["right"] <= width
        scrolls = table["box"] is not None and table["box"]["right"] <= width
        assert fits or scrolls, f"{name}: a table {table['width']:.0f} px wide spills"
    for svg in got["svgs"]:
        fits = svg["right"] <= width
        scrolls = svg["box"] is not None and svg["box"]["right"] <= width
        assert fits or scrolls, f"{name}: a chart {svg['width']:.0f} px wide spills"
        if svg["text"] is not None:
            assert svg["text"] >= SMALLEST_TEXT, f"{name}: chart text {svg['text']:.1f} px"


@pytest.mark.parametrize("name", ["events", "documents", "actors", "timeline"])
def test_the_filters_stack_above_the_list_and_are_big_enough_to_tap(name, urls, phone):
    got = _open(phone, urls[name])
    form, table = got["form"], got["tables"][-1]
    assert form["right"] <= PHONE["width"] and form["bottom"] <= table["top"]
    assert form["width"] >= PHONE["width"] - 40, f"{name}: the form is not full width"
    for field in got["fields"]:
        assert field["height"] >= TAP, f"{name}: a field {field['height']:.0f} px high"
        assert field["width"] >= 120, f"{name}: a field {field['width']:.0f} px wide"
        assert field["right"] <= PHONE["width"]


def test_the_header_wraps_its_nav_to_the_width(urls, phone):
    got = _open(phone, urls["events"])
    nav = got["links"][1:]  # after the brand
    assert got["header"]["width"] == PHONE["width"]
    assert max(link["bottom"] for link in nav) <= got["header"]["bottom"]
    assert all(link["height"] >= 30 for link in nav), "nav links too small to tap"


def test_wide_tables_scroll_in_their_own_box(urls, phone):
    got = _open(phone, urls["events"])
    (table,) = got["tables"]
    assert table["width"] > PHONE["width"], "the seeds' events table is wider than a phone"
    box = table["box"]
    assert box is not None and box["scrollWidth"] > box["clientWidth"]
    assert box["left"] >= 0 and box["right"] <= PHONE["width"]


def test_dense_charts_scroll_at_a_readable_width(urls, phone):
    got = _open(phone, urls["timeline"])
    (svg,) = got["svgs"]
    assert svg["box"] is not None and svg["box"]["scrollWidth"] > svg["box"]["clientWidth"]
    assert svg["text"] >= SMALLEST_TEXT
    got = _open(phone, urls["actor"])
    bars, network = got["svgs"]
    assert bars["text"] >= SMALLEST_TEXT and network["text"] >= SMALLEST_TEXT
    assert network["right"] <= PHONE["width"], "the network scales to the phone's width"


def test_the_tooltips_of_the_actor_charts_are_a_tap_away(urls, phone):
    phone.goto(urls["actor"])
    bars = phone.locator("#events-over-time svg rect title").all_text_contents()
    assert bars, "the actor has bars"
    counts = phone.locator("#events-over-time details.chart-data")
    assert not counts.locator("table").is_visible()
    counts.locator("summary").tap()
    assert counts.locator("table").is_visible()
    rows = {
        row.locator("th").inner_text(): row.inner_text() for row in counts.locator("tbody tr").all()
    }
    for title in bars:  # "2000-06: 12 verbal cooperation"
        label, rest = title.split(": ", 1)
        assert rest.split(" ", 1)[0] in rows[label].split(), title
    pairs = phone.locator("#counterparts details.chart-data")
    pairs.locator("summary").tap()
    shown = pairs.inner_text()
    for title in phone.locator("#counterparts svg line title").all_text_contents():
        assert title.split(" (")[0].split(":")[0] in shown, title
    for name in phone.locator("#counterparts svg a title").all_text_contents():
        assert name in shown, name  # the full name of a node whose label is cut


def test_the_resolved_dates_of_a_document_are_a_tap_away(urls, phone):
    phone.goto(urls["document"])
    found = phone.request.get(urls["document"].replace("/documents/", "/api/documents/")).json()
    assert found["timexes"] and found["citations"]
    details = phone.locator("details#resolved")
    assert not details.locator("table").first.is_visible()
    details.locator("summary").tap()
    shown = details.inner_text()
    for t in found["timexes"]:  # what the mark's tooltip says: "date: 2000-06-05 – 2000-06-11"
        assert (
            f"{t['text']}\t{t['kind'] or 'time'}\t{t['value_start'] or '?'} – {t['value_end'] or '?'}"
            in shown
        )
    for c in found["citations"]:  # "cites Reuters, AP"
        assert f"{c['text']}\t{', '.join(c['outlets'])}" in shown


def test_the_events_chart_counts_are_a_tap_away(urls, phone):
    phone.goto(urls["events"])
    bars = phone.locator("#counts-chart svg rect title").all_text_contents()
    details = phone.locator("#counts-chart details.chart-data")
    details.locator("summary").tap()
    shown = details.inner_text()
    for title in bars:
        assert title.split(": ", 1)[0] in shown, title


@pytest.mark.parametrize("name", PAGES)
def test_the_desktop_keeps_its_layout(name, urls, desktop):
    got = _open(desktop, urls[name])
    assert got["scrollWidth"] <= DESKTOP["width"]
    tops = {round(link["top"]) for link in got["links"][1:]}
    assert len(tops) == 1, f"{name}: the nav is on one line"
    assert got["header"]["height"] < 50
    for table in got["tables"]:
        if not table["folded"]:
            assert table["width"] >= table["parent"] - 1, f"{name}: tables fill their width"
        box, aside = table["box"], got["aside"]
        if not (aside and aside["right"] <= table["left"]):  # (beside facets it may scroll)
            assert box is None or box["scrollWidth"] <= box["clientWidth"], "no inner scroll"
    if got["form"]:  # the filters: a row of fields above the list, as before
        assert got["form"]["bottom"] <= got["tables"][-1]["top"]
        rows = len({round(label["top"]) for label in got["labels"]})
        assert rows <= -(-len(got["labels"]) // 5), f"{name}: the filters side by side in rows"
        fields = [f for f in got["fields"] if f["width"] > 100]
        assert all(abs(f["width"] - 144) < 1 for f in fields), "inputs keep their 9rem"
    listing = got["tables"][-1] if got["tables"] else None
    aside = got["aside"]
    if listing and aside and aside["right"] <= listing["left"]:  # facets beside the list
        assert aside["top"] < listing["bottom"] and listing["width"] >= 900
    elif listing and not listing["folded"]:  # the list spans the page, below any facets
        assert aside is None or aside["bottom"] <= listing["top"]
        assert listing["left"] == 24 and listing["width"] >= 1200, f"{name}: the list spans main"


def test_the_desktop_charts_keep_their_size(urls, desktop):
    got = _open(desktop, urls["actor"])
    bars, network = got["svgs"]
    assert (bars["width"], network["width"]) == (580, 500)
    left, right = got["figures"]
    assert left["top"] == right["top"] and left["right"] < right["left"], "side by side"
    (timeline,) = _open(desktop, urls["timeline"])["svgs"]
    assert timeline["width"] == 1100
    (counts,) = _open(desktop, urls["events"])["svgs"]
    assert counts["width"] == 580


def test_phone_screenshots(urls, phone):
    if not SCREENSHOTS:
        pytest.skip("DOSSIER_SCREENSHOTS is not set")
    Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
    for name in ("events", "actor"):
        phone.goto(urls[name])
        phone.screenshot(path=str(Path(SCREENSHOTS) / f"phone-{name}.png"))
