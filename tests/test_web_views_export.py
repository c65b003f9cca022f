"""Export of every list view (`/events.csv`, `.json`, and the same for documents, actors
and the timeline), in-process on the web tests' database (see test_web_seeds.py)."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from dossier.web import create_app, export
from dossier.web.params import MAX_LIMIT
from test_web_seeds import HOSTILE_TITLE, web_database

DYAD = {"dyad": "RUS:PRK"}


@pytest.fixture(scope="module")
def client(analyser, tmp_path_factory):
    with TestClient(create_app(web_database(analyser, tmp_path_factory.mktemp("web")))) as client:
        yield client


def _csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def _api_events(client: TestClient, **params: str) -> list[dict]:
    body = client.get("/api/events", params={**params, "limit": MAX_LIMIT}).json()
    assert body["next"] is None  # the whole filter on one page, to compare with
    return body["events"]


def test_the_csv_of_a_filtered_view_has_exactly_its_rows_and_a_header(client):
    expected = _api_events(client, **DYAD)
    response = client.get("/events.csv", params=DYAD)
    rows = _csv(response)
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in expected]
    assert len(rows) < len(_api_events(client))  # the filter did narrow
    assert response.headers["x-total-count"] == str(len(expected))
    assert "x-export-truncated" not in response.headers
    header = response.text.splitlines()[0].split(",")
    assert header[:6] == ["event_id", "date_start", "date_end", "source_name", "source_cameo",
                          "cameo_code"]  # fmt: skip
    assert "cameo_label" in header and "sentence" in header


def test_csv_cells_with_commas_quotes_and_newlines_survive(client):
    by_id = {e["event_id"]: e for e in _api_events(client)}
    rows = _csv(client.get("/events.csv"))
    assert len(rows) == len(by_id)
    assert any("," in r["sentence"] for r in rows)  # quoted, else the columns would shift
    for row in rows:
        assert row["sentence"] == by_id[row["event_id"]]["sentence"]
    documents = _csv(client.get("/documents.csv"))
    assert HOSTILE_TITLE in {d["title"] for d in documents}  # as text: a file, not a page


def test_the_json_export_has_the_same_rows_and_says_its_total(client):
    expected = _api_events(client, **DYAD)
    body = client.get("/events.json", params=DYAD).json()
    assert [e["event_id"] for e in body["events"]] == [e["event_id"] for e in expected]
    assert body["total"] == body["count"] == len(expected) and body["truncated"] is False
    assert body["cap"] == export.EXPORT_CAP and body["query"] == DYAD
    assert list(body["events"][0]) == body["columns"]


def test_an_export_ignores_paging_and_keeps_the_sort(client):
    everything = _api_events(client, sort="source_name", order="desc")
    params = {"sort": "source_name", "order": "desc", "limit": "5", "offset": "5"}
    rows = _csv(client.get("/events.csv", params=params))
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in everything]


def test_the_cap_is_stated_when_it_cuts_the_export(client, monkeypatch):
    monkeypatch.setattr(export, "EXPORT_CAP", 3)
    response = client.get("/events.csv", params=DYAD)
    assert len(_csv(response)) == 3
    total = response.headers["x-total-count"]
    assert response.headers["x-export-truncated"] == f"first 3 of {total} rows (cap 3)"
    body = client.get("/events.json", params=DYAD).json()
    assert body["truncated"] is True and body["count"] == 3 and body["total"] == int(total)


def test_documents_actors_and_timeline_export_their_filters(client):
    documents = _csv(client.get("/documents.csv", params={"with_events": "true"}))
    assert documents and all(int(d["n_events"]) > 0 for d in documents)
    actors = client.get("/actors.json", params={"like": "Putin"}).json()
    assert actors["total"] == len(actors["actors"]) >= 1
    assert all("putin" in a["name"].lower() or a["cameo"] for a in actors["actors"])
    timeline = client.get("/api/timeline", params=DYAD).json()["events"]
    rows = _csv(client.get("/timeline.csv", params=DYAD))
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in timeline]


def test_every_list_page_links_its_exports_with_its_query(client):
    page = client.get("/events", params={**DYAD, "limit": "10", "offset": "10"}).text
    assert 'href="/events.csv?dyad=RUS%3APRK"' in page
    assert 'href="/events.json?dyad=RUS%3APRK"' in page
    assert (
        'href="/documents.csv?with_events=true"'
        in client.get("/documents", params={"with_events": "true"}).text
    )
    assert 'href="/actors.json?like=Kim"' in client.get("/actors", params={"like": "Kim"}).text
    assert (
        'href="/timeline.csv?actor=Putin"'
        in client.get("/timeline", params={"actor": "Putin"}).text
    )


def test_an_unknown_export_format_or_a_bad_filter_is_refused(client):
    assert client.get("/events.xml").status_code in (404, 422)
    assert client.get("/events.csv", params={"since": "June"}).status_code == 422
    assert client.get("/events.csv", params={"sort": "nope"}).status_code == 400
