"""Event -> its sentence in the document, the bad-filter page, filters that match nothing,
list rows with place and attribution, and the outlet filter, in-process on the web
tests' database (see test_web_seeds.py for the hand-checked facts: Mamedov met Pak Ui
Chun in Moscow on 2000-06-09, credited to Reuters, AP, UPI and Russian agencies)."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from dossier.web import create_app
from dossier.web.params import MAX_LIMIT
from test_web_seeds import web_database

JUNE_OUTLETS = ["Reuters", "AP", "UPI", "Russian agencies"]


@pytest.fixture(scope="module")
def client(analyser, tmp_path_factory):
    with TestClient(create_app(web_database(analyser, tmp_path_factory.mktemp("web")))) as client:
        yield client


def _meeting(client: TestClient) -> dict:
    body = client.get(
        "/api/events", params={"actor": "Mamedov", "since": "2000-06-09", "until": "2000-06-09"}
    ).json()
    (meeting,) = [e for e in body["events"] if e["trigger"] == "met"]
    return meeting


def _events(client: TestClient, **params: str) -> list[dict]:
    body = client.get("/api/events", params={**params, "limit": str(MAX_LIMIT)}).json()
    assert body["next"] is None
    return body["events"]


def _form(page: str) -> str:
    return page.split('<form class="filters"')[1].split("</form>")[0]


def test_place_in_its_document_lands_on_the_marked_sentence(client):
    meeting = _meeting(client)
    page = client.get(f"/events/{meeting['event_id']}").text
    link = re.search(r'<a id="document-link" href="([^"]+)">Place in its document</a>', page)
    assert link, "the event page links its place in the document"
    path, _, anchor = unescape(link.group(1)).partition("#")
    assert path == f"/documents/{meeting['doc_id']}" and re.fullmatch(r"sentence-\d+", anchor)
    document = client.get(path).text
    assert document.count(f'id="{anchor}"') == 1
    opening = document.index(f'<span class="sentence" id="{anchor}">')
    sentence = document[opening : document.index("</span>", opening)]
    assert "Mamedov" in sentence and ">met</mark>" in sentence  # the event's trigger inside
    assert f'href="/events/{meeting["event_id"]}"' in sentence
    css = client.get("/static/style.css").text
    assert ".sentence:target" in css  # the sentence landed on is highlighted


def test_every_sentence_of_a_document_has_its_anchor_and_the_text_is_whole(client):
    meeting = _meeting(client)
    body = client.get(f"/api/documents/{meeting['doc_id']}").json()
    page = client.get(f"/documents/{meeting['doc_id']}").text
    anchors = re.findall(r'<span class="sentence" id="(sentence-\d+)">', page)
    assert len(anchors) == len(set(anchors)) > 10
    article = page.split('<article class="text" id="article">')[1].split("</article>")[0]
    assert unescape(re.sub(r"<[^>]+>", "", article)) == body["document"]["text"]
    for event in body["events"]:  # the events table links each event's sentence
        assert f'href="#sentence-{event["sentence_idx"]}"' in page


def test_a_bad_filter_page_keeps_the_form_and_lists_every_problem(client):
    typed = {
        "actor": "Putin",
        "since": "June",
        "until": "2000-13-45",
        "quad_class": "5",
        "goldstein_min": "x",
        "goldstein_max": "99",
        "dyad": "RUS",
        "text": '"<b>',
    }
    response = client.get("/events", params=typed)
    assert response.status_code == 400
    page = response.text
    problems = page.split('<div class="problems"')[1].split("</div>")[0]
    items = re.findall(r"<li>(.*?)</li>", problems)
    assert len(items) == 6  # every bad value, not just the first
    for said in ("since must be a date", "until must be a date", "quad_class must be 1, 2, 3",
                 "goldstein_min must be a number", "goldstein_max must be a number",
                 "a dyad is SOURCE:TARGET"):  # fmt: skip
        assert any(said in unescape(item) for item in items), said
    form = _form(page)
    for name, value in typed.items():  # as typed, escaped
        escaped = value.replace("&", "&amp;").replace('"', "&#34;").replace("<", "&lt;")
        escaped = escaped.replace(">", "&gt;")
        assert f'name="{name}" value="{escaped}"' in form, name
    assert "<b>" not in page.split("<main>")[1]


def test_a_range_upside_down_and_a_bad_sort_are_problems_too(client):
    response = client.get(
        "/events",
        params={"since": "2000-08-01", "until": "2000-06-01", "goldstein_min": "5",
                "goldstein_max": "-2", "sort": "nope"},
    )  # fmt: skip
    assert response.status_code == 400
    text = unescape(response.text)
    assert "since (2000-08-01) is after until (2000-06-01)" in text
    assert "goldstein_min (5) is above goldstein_max (-2)" in text
    assert "cannot sort by 'nope'" in text
    assert 'name="goldstein_max" value="-2"' in _form(response.text)


def test_the_api_and_the_exports_refuse_bad_filters_naming_each(client):
    params = {"since": "June", "quad_class": "0"}
    for path in ("/api/events", "/events.csv", "/events.json"):
        response = client.get(path, params=params)
        assert response.status_code == 422, path
        detail = unescape(response.text)  # JSON from the API, a page for an export link
        assert "since must be a date" in detail and "quad_class must be" in detail


def test_a_value_that_matches_nothing_is_said_with_a_hint(client):
    response = client.get("/events", params={"actor": "Pyutin"})
    assert response.status_code == 200
    hints = unescape(response.text.split('<ul class="hints"')[1].split("</ul>")[0])
    assert "no actor matches 'Pyutin'" in hints and "did you mean 'Vladimir Putin'?" in hints
    assert "No event passes these filters." in response.text
    outlet = unescape(client.get("/events", params={"outlet": "Reuter"}).text)
    assert "no event is attributed to 'Reuter'; did you mean 'Reuters'?" in outlet
    modality = unescape(client.get("/events", params={"modality": "maybe"}).text)
    assert "no event has the modality 'maybe'; stored: " in modality and "asserted" in modality
    both = unescape(client.get("/events", params={"actor": "Mamedov", "outlet": "ap",
                                                    "since": "2000-08-01"}).text)  # fmt: skip
    assert "each filter matches events on its own, but no event passes them all" in both
    assert '<ul class="hints"' not in client.get("/events", params={"actor": "Putin"}).text


def test_list_rows_carry_the_place_its_coordinates_and_the_attribution(client):
    meeting = _meeting(client)
    assert meeting["location_name"] == "Moscow"
    assert meeting["location_country"] == "RUS"
    assert meeting["location_lat"] == pytest.approx(55.75, abs=0.1)
    assert meeting["location_lon"] == pytest.approx(37.6, abs=0.1)
    assert meeting["attribution"] == JUNE_OUTLETS
    detail = client.get(f"/api/events/{meeting['event_id']}").json()["event"]
    for key in ("location_name", "location_country", "location_lat", "location_lon",
                "attribution"):  # fmt: skip
        assert meeting[key] == detail[key], key
    schema = client.get("/openapi.json").json()["components"]["schemas"]["EventRow"]
    assert {"location_country", "location_lat", "location_lon", "attribution"} <= set(
        schema["required"]
    )
    assert schema["properties"]["attribution"]["type"] == "array"


def test_the_outlet_filter_narrows_the_list_the_page_and_the_exports(client):
    everything = _events(client)
    reuters = _events(client, outlet="reuters")  # exact name, any case
    assert 0 < len(reuters) < len(everything)
    assert all("reuters" in [o.lower() for o in e["attribution"]] for e in reuters)
    assert reuters == [e for e in everything if "Reuters" in e["attribution"]]
    assert _events(client, outlet="Reut") == []  # exact, not a part of the name
    assert _meeting(client)["event_id"] in {e["event_id"] for e in reuters}
    rows = list(csv.DictReader(io.StringIO(client.get("/events.csv", params={"outlet": "REUTERS"})
                                           .content.decode("utf-8"))))  # fmt: skip
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in reuters]
    assert all("Reuters" in r["attribution"].split("; ") for r in rows)
    body = client.get("/events.json", params={"outlet": "Reuters"}).json()
    assert [e["event_id"] for e in body["events"]] == [e["event_id"] for e in reuters]
    assert body["total"] == len(reuters) and "location_lat" in body["columns"]
    page = client.get("/events", params={"outlet": "Reuters", "limit": str(MAX_LIMIT)}).text
    assert page.count('<a class="event-link"') == len(reuters)
    assert 'name="outlet" value="Reuters"' in _form(page)
    assert 'href="/events.csv?outlet=Reuters"' in page


def test_the_events_table_shows_whom_each_event_is_according_to(client):
    page = client.get("/events", params={"actor": "Mamedov"}).text
    assert 'title="sort by according to"' in page
    assert '<a href="/events?outlet=Russian%20agencies">Russian agencies</a>' in page
    by_outlets = _events(client, sort="attribution")
    keys = [", ".join(e["attribution"]).lower() for e in by_outlets]
    given = [k for k in keys if k]
    assert given == sorted(given) and keys[len(given) :] == [""] * (len(keys) - len(given))


def test_quad_class_and_goldstein_filters(client):
    everything = _events(client)
    conflict = _events(client, quad_class="3,4")
    assert conflict == [e for e in everything if e["quad_class"] in (3, 4)]
    ranged = _events(client, goldstein_min="-2", goldstein_max="3.5")
    assert ranged == [e for e in everything if -2 <= e["goldstein"] <= 3.5]
    assert 0 < len(ranged) < len(everything)


def test_sections_wrap_sentences_and_cut_marks_at_their_edges():
    from dossier.web.marks import Mark, Section, sectioned_html

    text = "A <b>met</b> B. Then C left."
    marks = [Mark(2, 12, "trigger", href="/events/x"), Mark(10, 20, "entity")]
    html = str(sectioned_html(text, marks, [Section(0, 15, "sentence-0"), Section(16, 28, "s-1")]))
    assert html.startswith('<span class="sentence" id="sentence-0">A ')
    assert "&lt;b&gt;met" in html and "<b>" not in html
    assert '<span class="sentence" id="s-1"><mark class="entity" title="">Then</mark>' in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") == text
