"""The dyad page (`/dyads/A/B`) and its JSON, in-process on the web tests' database
(see test_web_seeds.py): its counts against the API's events of each direction, each
listed event between A and B, and the links that lead to it."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from dossier.query.filters import looks_like_code
from dossier.web import create_app
from test_web_seeds import web_database
from test_web_views_filters import _events, _meeting


@pytest.fixture(scope="module")
def client(analyser, tmp_path_factory):
    with TestClient(create_app(web_database(analyser, tmp_path_factory.mktemp("web")))) as client:
        yield client


def listed(page: str) -> list[str]:
    return re.findall(r'<a class="event-link" href="/events/([^"]+)">', page)


def bar_counts(page: str, figure: str) -> int:
    part = page.split(f'<figure id="{figure}">')[1].split("</figure>")[0]
    return sum(int(n) for n in re.findall(r'data-count="(\d+)"', part))


def matches(code: str, event: dict, side: str) -> bool:
    return (event[f"{side}_cameo"] or "").startswith(code) or event[f"{side}_country"] == code


def between(client: TestClient, a: str, b: str) -> list[dict]:
    """The events from A to B: those of the list's `dyad=A:B` (a code there matches as
    on the dyad page; a name, by a part of it) whose sides are A and B exactly."""

    def exactly(event: dict, side: str, actor: str) -> bool:
        return looks_like_code(actor) or event[f"{side}_name"] == actor

    return [
        e
        for e in _events(client, dyad=f"{a}:{b}")
        if exactly(e, "source", a) and exactly(e, "target", b)
    ]


@pytest.mark.parametrize(("a", "b"), [("RUS", "PRK"), ("Vladimir Putin", "North Korea")])
def test_the_counts_are_the_events_of_both_directions(client, a, b):
    forward = between(client, a, b)
    backward = between(client, b, a)
    assert forward, "the seeds have events of this dyad"
    api = client.get(f"/api/dyads/{a}/{b}", params={"limit": "500"}).json()
    assert api["totals"]["a_to_b"] == len(forward) and api["totals"]["b_to_a"] == len(backward)
    union = {e["event_id"] for e in forward + backward}
    assert api["totals"]["events"] == len(union)
    assert {e["event_id"] for e in api["events"]} == union
    page = client.get(f"/dyads/{a}/{b}", params={"limit": "500"}).text
    assert set(listed(page)) == union and len(listed(page)) == len(union)
    for direction, events in (("a-to-b", forward), ("b-to-a", backward)):
        dated = [e for e in events if e["date_start"]]
        assert (bar_counts(page, direction) if dated else 0) == len(dated)
        periods = api["periods"][direction.replace("-", "_")]
        assert sum(p["events"] for p in periods) == len(dated)


def test_each_listed_event_is_between_the_two(client):
    page = client.get("/dyads/RUS/PRK").text
    ids = listed(page)
    assert ids
    for event_id in ids:
        event = client.get(f"/api/events/{event_id}").json()["event"]
        assert (matches("RUS", event, "source") and matches("PRK", event, "target")) or (
            matches("PRK", event, "source") and matches("RUS", event, "target")
        ), event_id


def test_the_event_page_links_all_events_between_its_parties(client):
    meeting = _meeting(client)
    page = client.get(f"/events/{meeting['event_id']}").text
    link = re.search(r'<a id="dyad-link" href="([^"]+)">', page)
    assert link and unescape(link.group(1)) == "/dyads/Georgy%20Mamedov/Pak%20Ui-chun"
    dyad = client.get(unescape(link.group(1)))
    assert dyad.status_code == 200 and meeting["event_id"] in listed(dyad.text)
    assert "<h1>Georgy Mamedov ↔ Pak Ui-chun</h1>" in dyad.text


def test_the_actor_pages_pairs_table_leads_to_their_dyads(client):
    page = client.get("/actors/Vladimir%20Putin").text
    links = {unescape(h) for h in re.findall(r'class="dyad-link" href="([^"]+)"', page)}
    assert "/dyads/North%20Korea/Vladimir%20Putin" in links
    for href in links:
        dyad = client.get(href)
        assert dyad.status_code == 200 and listed(dyad.text), href


def test_a_name_with_a_slash_and_a_bad_path(client):
    assert client.get("/dyads/RUS").status_code == 404
    assert client.get("/api/dyads/RUS/PRK/USA").status_code == 404
    odd = client.get("/dyads/AC%2FDC/PRK")
    assert odd.status_code == 200 and "AC/DC ↔ PRK" in unescape(odd.text)
    assert "No event between AC/DC and PRK." in unescape(odd.text)


def test_a_side_is_one_actor_by_its_exact_name_not_every_name_holding_it(client):
    """ "Russia" is not also "Government (Russia)", nor "Kim" every Kim."""
    kim_jong_il = _events(client, actor="Kim Jong-il")
    to_russia = [e["event_id"] for e in kim_jong_il if e["source_name"] == "Kim Jong-il"
                 and e["target_name"] == "Russia"]  # fmt: skip
    to_its_government = [e for e in kim_jong_il if e["target_name"] == "Government (Russia)"]
    assert to_russia and to_its_government  # the seeds have both
    api = client.get("/api/dyads/Kim Jong-il/Russia", params={"limit": "500"}).json()
    assert api["totals"]["a_to_b"] == len(to_russia)
    assert [e["event_id"] for e in api["events"] if e["a_to_b"]] == to_russia
    assert {e["target_name"] for e in api["events"] if e["a_to_b"]} == {"Russia"}
    putin = _events(client, actor="Vladimir Putin")
    kims = {e["target_name"] for e in putin if (e["target_name"] or "").startswith("Kim")}
    assert kims, "the seeds have Putin meet a Kim"
    assert client.get("/api/dyads/Vladimir Putin/Kim").json()["totals"]["events"] == 0
    (kim,) = kims
    named = client.get(f"/api/dyads/Vladimir Putin/{kim}").json()
    assert named["totals"]["a_to_b"] == sum(1 for e in putin if e["target_name"] == kim)
    page = client.get("/dyads/Vladimir%20Putin/Kim").text
    assert "No event between Vladimir Putin and Kim." in unescape(page)


def test_the_dyad_pages_links_list_exactly_its_events(client):
    """ "Russia" on the dyad page is not also "Government (Russia)": its links to the
    events list and the timeline match both sides exactly, as the page does."""
    a, b = "Kim Jong-il", "Russia"
    api = client.get(f"/api/dyads/{a}/{b}", params={"limit": "500"}).json()
    page = client.get(f"/dyads/{a}/{b}").text
    events_link = unescape(re.search(r'<a href="(/events\?pair=[^"]+)">', page).group(1))
    timeline_link = unescape(re.search(r'<a href="(/timeline\?pair=[^"]+)">', page).group(1))
    pairs = parse_qs(urlsplit(events_link).query)["pair"]
    assert pairs == [f"{a}:{b}", f"{b}:{a}"]
    listed_ids = {e["event_id"] for e in _events(client, pair=pairs)}
    assert listed_ids == {e["event_id"] for e in api["events"]}
    loose = {e["event_id"] for e in _events(client, dyad=f"{a}:{b}")}
    assert loose - listed_ids, "the part-of-name dyad finds more here: the test can fail"
    (pair,) = parse_qs(urlsplit(timeline_link).query)["pair"]
    timeline = client.get("/api/timeline", params={"pair": pair}).json()
    dated = {e["event_id"] for e in api["events"] if e["a_to_b"] and e["date_start"]}
    assert {e["event_id"] for e in timeline["events"]} == dated
    assert client.get(timeline_link).status_code == 200


def test_a_pair_filter_that_matches_no_event_says_which_side(client):
    page = client.get("/events", params={"pair": "Vladimir Putin:Kim"}).text
    assert "no target actor matches 'Kim'" in unescape(page)
