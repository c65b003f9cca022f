"""Facets with counts beside the events list, and filters with several values of one
field (`?root=04&root=19`: either), in the page, the API and the exports, in-process on
the web tests' database (see test_web_seeds.py).

The counts are checked against the events themselves: the API's rows (and each event's
own row, for the countries the list rows do not carry) recounted here in Python, and
the June meeting read off the seed by hand (Georgy Mamedov of Russia met North Korea's
ambassador Pak Ui Chun in Moscow on 2000-06-09: CAMEO 040 Consult, credited to
Reuters, AP, UPI and Russian agencies)."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from fastapi.testclient import TestClient

from dossier.web import create_app
from dossier.web.params import MAX_LIMIT
from test_web_seeds import web_database
from test_web_views_filters import JUNE_OUTLETS, _events, _form, _meeting

ALL = {"limit": str(MAX_LIMIT)}


@pytest.fixture(scope="module")
def client(analyser, tmp_path_factory):
    with TestClient(create_app(web_database(analyser, tmp_path_factory.mktemp("web")))) as client:
        yield client


def facets(page: str) -> dict[str, list[tuple[str, int, str | None]]]:
    """The page's facets: for each field, its (label, count, link) values, as shown."""
    aside = page.split('<aside class="facets"')[1].split("</aside>")[0]
    found = {}
    for field, body in re.findall(r'<section class="facet" id="facet-(\w+)">(.*?)</section>', aside,
                                  re.S):  # fmt: skip
        values = re.findall(
            r'<li[^>]*>(?:<a class="facet-value" href="([^"]+)"[^>]*>(.*?)</a>'
            r'|<span class="none">(.*?)</span>) <span class="facet-count">(\d+)</span></li>',
            body,
        )
        found[field] = [
            (unescape(label or missing).removeprefix("✓ "), int(n), unescape(href) or None)
            for href, label, missing, n in values
        ]
    return found


def shown_ids(client: TestClient, url: str) -> list[str]:
    """The event ids the list page at `url` shows (one page of up to MAX_LIMIT rows)."""
    page = client.get(url).text
    return re.findall(r'<a class="event-link" href="/events/([^"]+)">', page)


def whole(href: str) -> str:
    """The link with every row on one page (httpx's `params` would replace its query)."""
    return f"{href}{'&' if '?' in href else '?'}limit={MAX_LIMIT}"


def total_of(page: str) -> int:
    return int(re.search(r'<p class="count">(\d+) event', page).group(1))


def countries(client: TestClient, events: list[dict]) -> list[dict]:
    """Each event's full row (the list rows carry no actor countries)."""
    return [client.get(f"/api/events/{e['event_id']}").json()["event"] for e in events]


def test_each_facet_counts_the_listed_events_and_adds_up_to_the_total(client):
    everything = _events(client)
    page = client.get("/events").text
    found = facets(page)
    assert total_of(page) == len(everything) > 20
    for field in ("root", "quad_class", "modality", "source_country", "target_country", "year"):
        assert sum(n for _, n, _ in found[field]) == len(everything), field
    rows = countries(client, everything)
    expected = {
        "root": Counter(e["cameo_code"][:2] for e in everything),
        "quad_class": Counter(str(e["quad_class"]) for e in everything),
        "modality": Counter(e["modality"] for e in everything),
        "source_country": Counter(r["source_country"] or "no country" for r in rows),
        "target_country": Counter(r["target_country"] or "no country" for r in rows),
        "year": Counter(e["date_start"][:4] if e["date_start"] else "undated" for e in everything),
    }
    for field, counts in expected.items():
        shown = {label.split()[0] if field in ("root", "quad_class") else label: n
                 for label, n, _ in found[field]}  # fmt: skip
        assert shown == dict(counts), field
    # an event credited to several outlets counts under each; one credited to none, once
    outlets = Counter(o for e in everything for o in e["attribution"])
    outlets["the report itself"] = sum(1 for e in everything if not e["attribution"])
    assert {label: n for label, n, _ in found["outlet"]} == dict(outlets)
    assert all(outlets[o] >= 1 for o in JUNE_OUTLETS)  # the June meeting's, at least


def test_the_cameo_root_facet_reads_with_its_labels(client):
    labels = [label for label, _, _ in facets(client.get("/events").text)["root"]]
    assert "04 Consult" in labels  # the June meeting: 040 Consult
    roots = [label.split()[0] for label in labels]
    assert len(roots) == len(set(roots)) and all(re.fullmatch(r"\d\d", r) for r in roots)
    quads = [label for label, _, _ in facets(client.get("/events").text)["quad_class"]]
    assert "1 verbal cooperation" in quads


def test_the_place_type_and_country_facets_count_the_listed_events(client):
    everything = _events(client)
    found = facets(client.get("/events").text)
    places = Counter(e["location_name"] or "no place" for e in everything)
    assert {label: n for label, n, _ in found["place"]} == dict(places)
    assert sum(n for _, n, _ in found["place"]) == len(everything)
    types = Counter((e["plover_type"] or "").upper() or "no type" for e in everything)
    assert {label: n for label, n, _ in found["type"]} == dict(types)
    assert sum(n for _, n, _ in found["type"]) == len(everything)
    # the country of either side or of the place, as `country=` matches: an event counts
    # once under each of its countries, once under "no country" when it has none
    rows = countries(client, everything)
    either = Counter()
    for row in rows:
        named = {c.upper() for c in (row["source_country"], row["target_country"],
                                     row["location_country"]) if c}  # fmt: skip
        either.update(named or {"no country"})
    assert {label: n for label, n, _ in found["country"]} == dict(either)
    assert sum(either.values()) > len(everything) and either["RUS"] > either["no country"]
    for label, n, href in found["country"]:
        if href:
            assert total_of(client.get(href).text) == n, label


def test_two_places_give_the_union_and_the_chosen_counts_add_up(client):
    everything = _events(client)
    by_place = Counter(e["location_name"] for e in everything if e["location_name"])
    first, second = [place for place, _ in by_place.most_common(2)]
    page = client.get("/events", params=[("place", first), ("place", second)]).text
    assert total_of(page) == by_place[first] + by_place[second] < len(everything)
    chosen = {label: n for label, n, _ in facets(page)["place"]}
    assert chosen[first] + chosen[second] == total_of(page)
    assert sum(n for _, n, _ in facets(page)["type"]) == total_of(page)
    # a place typed in another case is the same place, and its facet value stays chosen
    shouted = client.get("/events", params={"place": first.upper()}).text
    assert total_of(shouted) == by_place[first]
    assert [(label, n) for label, n, _ in facets(shouted)["place"] if label == first] == [
        (first, by_place[first])
    ]


@pytest.mark.parametrize(
    "field",
    ["root", "source_country", "year", "outlet", "modality", "place", "type", "country"],
)
def test_following_a_facet_link_narrows_the_list_to_exactly_its_count(client, field):
    meeting = _meeting(client)
    wanted = {
        "root": "04 Consult",
        "source_country": "RUS",
        "year": "2000",
        "outlet": "Reuters",
        "modality": meeting["modality"],
        "place": meeting["location_name"],
        "type": meeting["plover_type"],
        "country": "PRK",
    }[field]
    (label, count, href) = next(v for v in facets(client.get("/events").text)[field]
                                if v[0] == wanted)  # fmt: skip
    assert href and count >= 1
    assert dict(parse_qsl(urlsplit(href).query)) == {field: wanted.split()[0]}
    narrowed = client.get(whole(href)).text
    assert total_of(narrowed) == count < total_of(client.get("/events").text)
    ids = shown_ids(client, whole(href))
    assert len(ids) == count and meeting["event_id"] in ids
    chosen = facets(narrowed)[field]
    assert [(label, n) for label, n, _ in chosen if label == wanted] == [(wanted, count)]
    chips = narrowed.split('<p class="chips"')[1].split("</p>")[0]
    assert wanted.split()[0] in unescape(chips)


def test_a_facet_link_keeps_the_sort_and_page_size_and_goes_back_to_the_first_page(client):
    page = client.get("/events", params={"sort": "source_name", "limit": "25", "page": "2"}).text
    href = facets(page)["quad_class"][0][2]
    query = parse_qsl(urlsplit(href).query)
    assert ("sort", "source_name") in query and ("limit", "25") in query
    assert not {"page", "offset"} & {k for k, _ in query}


def test_two_values_of_one_field_give_the_union(client):
    everything = _events(client)
    by_root = Counter(e["cameo_code"][:2] for e in everything)
    first, second = [root for root, _ in by_root.most_common(2)]
    either = _events(client, root=[first, second])
    assert [e["event_id"] for e in either] == [
        e["event_id"] for e in everything if e["cameo_code"][:2] in (first, second)
    ]
    assert len(either) == by_root[first] + by_root[second]
    page = client.get("/events", params=[("root", first), ("root", second), *ALL.items()]).text
    assert shown_ids(client, f"/events?root={first}&root={second}&limit={MAX_LIMIT}") == [
        e["event_id"] for e in either
    ]
    assert total_of(page) == len(either)
    form = _form(page)  # a box per value, so the form keeps both
    assert f'name="root" value="{first}"' in form and f'name="root" value="{second}"' in form
    # the chosen field is counted without its own choice: the chosen values add up to the
    # total, and every other root still shows what choosing it too would bring
    root = {label.split()[0]: (n, href) for label, n, href in facets(page)["root"]}
    assert root[first][0] + root[second][0] == len(either)
    assert set(root) == set(by_root)
    third = next(r for r in root if r not in (first, second))
    assert root[third][0] == by_root[third]
    widened = client.get(whole(root[third][1])).text
    assert total_of(widened) == len(either) + by_root[third]
    dropped = client.get(root[first][1]).text  # a chosen value's link drops it
    assert total_of(dropped) == by_root[second]
    # the other facets count the narrowed list
    assert sum(n for _, n, _ in facets(page)["quad_class"]) == len(either)


def test_quad_classes_repeated_or_comma_separated_are_the_same_filter(client):
    everything = _events(client)
    conflict = [e for e in everything if e["quad_class"] in (3, 4)]
    assert _events(client, quad_class="3,4") == conflict
    assert _events(client, quad_class=["3", "4"]) == conflict
    api = client.get("/api/events", params=[("quad_class", "3"), ("quad_class", "4")]).json()
    assert api["total"] == len(conflict) and api["filters"] == {"quad_class": ["3", "4"]}
    assert client.get("/api/events", params={"actor": "Putin"}).json()["filters"] == {
        "actor": "Putin"
    }


def test_the_exports_of_a_multi_valued_filter_have_exactly_the_lists_rows(client):
    meeting = _meeting(client)
    params = [("outlet", "AP"), ("outlet", "Reuters"), ("source_country", "RUS"),
              ("source_country", "PRK")]  # fmt: skip
    listed = shown_ids(client, "/events?" + "&".join(f"{k}={v}" for k, v in params)
                       + f"&limit={MAX_LIMIT}")  # fmt: skip
    assert meeting["event_id"] in listed
    everything = _events(client)
    rows = {r["event_id"]: r for r in countries(client, everything)}
    expected = [
        e["event_id"]
        for e in everything
        if {"AP", "Reuters"} & set(e["attribution"])
        and rows[e["event_id"]]["source_country"] in ("RUS", "PRK")
    ]
    assert listed == expected and 0 < len(expected) < len(everything)
    response = client.get("/events.csv", params=params)
    assert response.status_code == 200
    exported = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [r["event_id"] for r in exported] == listed
    assert response.headers["x-total-count"] == str(len(listed))
    body = client.get("/events.json", params=params).json()
    assert [e["event_id"] for e in body["events"]] == listed and body["total"] == len(listed)
    assert body["query"] == {"outlet": ["AP", "Reuters"], "source_country": ["RUS", "PRK"]}
    page = client.get("/events", params=params).text
    assert 'href="/events.csv?outlet=AP&amp;outlet=Reuters&amp;source_country=RUS' in page


def test_a_value_that_matches_nothing_is_said_beside_its_filter(client):
    response = client.get("/events", params={"source_country": "XYZ"})
    assert response.status_code == 200
    text = unescape(response.text)
    assert "no event has source country 'XYZ'" in text
    assert "No event passes these filters." in text
    # among other values it matches nothing too, while the others still list events
    both = client.get("/events", params=[("source_country", "RUS"), ("source_country", "XYZ")])
    page = unescape(both.text)
    assert total_of(both.text) == total_of(client.get("/events?source_country=RUS").text) > 0
    assert "no event has source country 'XYZ'" in page
    chips = page.split('<p class="chips"')[1].split("</p>")[0]
    assert re.search(r'class="chip nothing"[^>]*>source country: XYZ <em>\(no event\)</em>', chips)
    assert 'class="chip"' in chips and "source country: RUS" in chips
    chosen = {label: n for label, n, _ in facets(both.text)["source_country"]}
    assert chosen["XYZ"] == 0
    for params, said in (
        ({"root": "21"}, "no event has the CAMEO root '21'"),
        ({"year": "1899"}, "no event starts in the year 1899"),
        ({"target_country": "ZZZ"}, "no event has target country 'ZZZ'"),
        ([("modality", "asserted"), ("modality", "maybe")], "no event has the modality 'maybe'"),
    ):
        assert said in unescape(client.get("/events", params=params).text), params


def test_bad_values_of_the_new_fields_are_problems(client):
    response = client.get("/events", params=[("root", "4"), ("year", "2k"), ("root", "04")])
    assert response.status_code == 400
    text = unescape(response.text)
    assert "root must be a CAMEO root code, two digits such as 19, not '4'" in text
    assert "year must be a year of four digits such as 2000, not '2k'" in text
    assert client.get("/api/events", params={"year": "2k"}).status_code == 422
    assert client.get("/events.csv", params={"root": "x"}).status_code == 422


def test_a_chip_drops_its_value_and_clear_all_drops_every_filter(client):
    page = client.get("/events", params=[("root", "04"), ("quad_class", "1"),
                                         ("sort", "date_start")]).text  # fmt: skip
    chips = re.findall(r'<a class="chip[^"]*" href="([^"]+)"[^>]*>(.*?) <span',
                       page.split('<p class="chips"')[1].split("</p>")[0])  # fmt: skip
    by_label = {unescape(label): dict(parse_qsl(urlsplit(unescape(h)).query)) for h, label in chips}
    assert by_label == {
        "CAMEO root: 04 Consult": {"quad_class": "1", "sort": "date_start"},
        "quad class: 1 verbal cooperation": {"root": "04", "sort": "date_start"},
    }
    clear = re.search(r'<a class="clear" href="([^"]+)">clear all</a>', page).group(1)
    assert unescape(clear) == "/events?sort=date_start"


def test_the_api_documents_its_filters_and_their_repeats(client):
    parameters = client.get("/openapi.json").json()["paths"]["/api/events"]["get"]["parameters"]
    by_name = {p["name"]: p for p in parameters}
    for name in ("actor", "dyad", "country", "type", "cameo", "since", "until", "modality",
                 "quad_class", "goldstein_min", "goldstein_max", "outlet", "text", "root",
                 "source_country", "target_country", "year"):  # fmt: skip
        assert name in by_name, name
    repeated = by_name["root"]["schema"]["anyOf"][0]
    assert repeated["type"] == "array" and "Repeat it" in by_name["root"]["description"]
    assert by_name["since"]["schema"]["anyOf"][0]["type"] == "string"
