"""Sorting, page size, page jumps and "only documents with events" on the list pages and
the API, and CAMEO codes shown with their labels (on the database of test_web_seeds.py:
documents published 2000-06-12, 2000-07-21 and 2000-08-30)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from dossier.web import create_app
from dossier.web.codes import cameo_label
from dossier.web.params import MAX_LIMIT
from test_web_seeds import web_database

PUBLISHED = ["2000-06-12", "2000-07-21", "2000-08-30"]


@pytest.fixture(scope="module")
def client(analyser, tmp_path_factory):
    with TestClient(create_app(web_database(analyser, tmp_path_factory.mktemp("web")))) as client:
        yield client


def _ids(client: TestClient, path: str, key: str, field: str, **params: str) -> list:
    return [row[field] for row in client.get(path, params=params).json()[key]]


def test_sorting_documents_changes_their_order(client):
    newest_first = _ids(client, "/api/documents", "documents", "published")
    assert newest_first == PUBLISHED[::-1]  # the default
    oldest_first = _ids(client, "/api/documents", "documents", "published", sort="published")
    assert oldest_first == PUBLISHED
    by_events = _ids(
        client, "/api/documents", "documents", "n_events", sort="n_events", order="desc"
    )
    assert by_events == sorted(by_events, reverse=True) and by_events[0] > by_events[-1]


def test_sorting_events_and_actors_by_a_column(client):
    params = {"limit": str(MAX_LIMIT)}
    names = _ids(client, "/api/events", "events", "source_name", sort="source_name", **params)
    given = [n for n in names if n is not None]
    assert given == sorted(given, key=str.lower) and names[len(given) :] == [None] * (
        len(names) - len(given)
    )  # missing values last
    codes = _ids(client, "/api/events", "events", "cameo_code", sort="cameo_code", order="desc")
    assert codes == sorted(codes, reverse=True)
    events = _ids(client, "/api/actors", "actors", "events", sort="events", order="asc", **params)
    assert events == sorted(events) and events[0] < events[-1]


def test_a_bad_sort_is_refused_with_the_columns_that_would_do(client):
    response = client.get("/api/events", params={"sort": "goldstein; DROP TABLE events"})
    assert response.status_code == 400
    assert "sort by one of: date_start, source_name" in response.json()["detail"]
    page = client.get("/documents", params={"sort": "text"})
    assert page.status_code == 400 and "n_events" in page.text
    assert client.get("/actors", params={"sort": "name", "order": "up"}).status_code == 400


def test_headers_sort_by_their_column_and_a_second_click_reverses(client):
    page = client.get("/documents").text
    assert 'href="/documents?sort=title&amp;order=asc&amp;offset=0"' in page
    sorted_page = client.get("/documents", params={"sort": "title", "order": "asc"}).text
    assert 'href="/documents?sort=title&amp;order=desc&amp;offset=0"' in sorted_page
    assert '<span class="arrow">▲</span>' in sorted_page


def test_page_size_and_page_jump(client):
    total = client.get("/api/events").json()["total"]
    assert total > 25
    everything = _ids(client, "/api/events", "events", "event_id", limit=str(MAX_LIMIT))
    second = _ids(client, "/api/events", "events", "event_id", limit="10", page="2")
    assert second == everything[10:20]
    page = client.get("/events", params={"limit": "10", "page": "2"}).text
    assert re.search(r'name="page" type="number" min="1" max="(\d+)" value="2"', page)
    pages = -(-total // 10)
    assert f'href="/events?limit=10&amp;offset={(pages - 1) * 10}" class="last"' in page
    assert 'href="/events?limit=10&amp;offset=0" class="first"' in page
    assert 'href="/events?limit=25&amp;offset=0">25</a>' in page  # the page sizes
    assert page.count('<tr>\n  <td class="nowrap">') == 10


def test_the_filter_form_keeps_the_sort_and_the_page_size(client):
    page = client.get("/events", params={"sort": "modality", "order": "desc", "limit": "25"})
    form = page.text.split('<form class="filters"')[1].split("</form>")[0]
    for name, value in (("sort", "modality"), ("order", "desc"), ("limit", "25")):
        assert f'<input type="hidden" name="{name}" value="{value}">' in form


def test_only_documents_with_events(client):
    everything = client.get("/api/documents").json()
    with_events = client.get("/api/documents", params={"with_events": "true"}).json()
    assert with_events["total"] == sum(d["n_events"] > 0 for d in everything["documents"])
    page = client.get("/documents", params={"with_events": "true"}).text
    assert 'name="with_events" value="true" checked' in page


def test_cameo_codes_carry_their_labels_from_the_codebook(client):
    assert cameo_label("020") == "020 Make an appeal or request"
    assert cameo_label("190") == "190 Use conventional military force"
    assert cameo_label("0429") == "0429 Make a visit"  # unknown: its parent's label
    assert cameo_label("999") == "999" and cameo_label(None) == ""
    meeting = client.get(
        "/api/events", params={"actor": "Mamedov", "since": "2000-06-09", "until": "2000-06-09"}
    ).json()["events"][0]
    label = cameo_label(meeting["cameo_code"])
    assert label.startswith(f"{meeting['cameo_code']} ") and len(label) > 4
    assert label in client.get(f"/events/{meeting['event_id']}").text
    assert label in client.get("/events", params={"actor": "Mamedov"}).text
    assert label in client.get(f"/documents/{meeting['doc_id']}").text
    assert label in client.get("/actors/Georgy Mamedov").text
    assert label in client.get("/timeline", params={"actor": "Mamedov"}).text


def test_the_actors_total_is_the_same_on_every_page_and_past_the_last(client):
    everyone = client.get("/api/actors", params={"limit": str(MAX_LIMIT)}).json()
    assert everyone["total"] == len(everyone["actors"]) > 10
    for params in ({"limit": "5"}, {"limit": "5", "page": "3"}, {"offset": "100000"},
                   {"sort": "name", "limit": "7", "page": "2"}, {"like": "korea"}):  # fmt: skip
        body = client.get("/api/actors", params=params).json()
        expected = sum(1 for a in everyone["actors"] if "korea" in a["name"].lower()) if (
            "like" in params) else everyone["total"]  # fmt: skip
        assert body["total"] == expected, params
        assert all("listed" not in actor for actor in body["actors"])


def test_an_actors_own_line_is_its_line_of_the_report(client):
    everyone = client.get("/api/actors", params={"limit": str(MAX_LIMIT)}).json()["actors"]
    for line in everyone[:8] + everyone[-3:]:
        if line["name"] is None:
            continue
        own = client.get(f"/api/actors/{line['name']}").json()["actor"]
        assert own == line, line["name"]
