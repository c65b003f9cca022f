"""The JSON API and the pages in-process (FastAPI's TestClient), on the seeds and a
hostile article (see test_web_seeds.py for the hand-checked facts)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dossier.cli import main
from dossier.ingest import content_id
from dossier.web import CONTENT_SECURITY_POLICY, create_app
from dossier.web.params import MAX_LIMIT
from test_web_seeds import (
    HOSTILE_PUBLISHED,
    HOSTILE_SCRIPT,
    HOSTILE_TEXT,
    hostile_article,
    web_database,
    writable_copy,
)

TOKEN = "s3cret-token"
HOSTILE_ID = content_id(HOSTILE_TEXT)


@pytest.fixture(scope="module")
def client(analyser, tmp_path_factory):
    app = create_app(web_database(analyser, tmp_path_factory.mktemp("web")))
    with TestClient(app) as client:
        yield client


def _mamedov_meeting(client: TestClient) -> dict:
    body = client.get(
        "/api/events", params={"actor": "Mamedov", "since": "2000-06-09", "until": "2000-06-09"}
    ).json()
    (meeting,) = [e for e in body["events"] if e["trigger"] == "met"]
    return meeting


def test_events_filter_like_the_cli(client):
    meeting = _mamedov_meeting(client)
    assert meeting["date_start"] == meeting["date_end"] == "2000-06-09"
    assert (meeting["source_name"], meeting["target_name"]) == ("Georgy Mamedov", "Pak Ui-chun")
    assert meeting["cameo_code"].startswith("04")
    dyad = client.get("/api/events", params={"dyad": "RUS:PRK", "limit": MAX_LIMIT}).json()
    assert dyad["total"] == len(dyad["events"]) > 0
    assert all(
        e["source_cameo"].startswith("RUS") or "Putin" in e["source_name"] for e in dyad["events"]
    )
    assert meeting["event_id"] in {e["event_id"] for e in dyad["events"]}


def test_events_are_paged_with_a_ceiling(client):
    everything = client.get("/api/events", params={"limit": MAX_LIMIT}).json()
    total = everything["total"]
    assert total == len(everything["events"]) > 6 and everything["next"] is None
    first = client.get("/api/events", params={"limit": 4}).json()
    assert len(first["events"]) == 4 and "offset=4" in first["next"]
    second = client.get(first["next"]).json()
    assert [e["event_id"] for e in first["events"] + second["events"]] == [
        e["event_id"] for e in everything["events"][:8]
    ]
    assert client.get("/api/events", params={"offset": total}).json()["events"] == []
    spoofed = client.get("/api/events", params={"limit": 4}, headers={"Host": "evil.example"})
    assert spoofed.json()["next"].startswith("/api/events?")  # no host from the request
    for limit in (0, MAX_LIMIT + 1, 10**9):
        assert client.get("/api/events", params={"limit": limit}).status_code == 422
    assert client.get("/api/actors", params={"limit": MAX_LIMIT + 1}).status_code == 422
    assert client.get("/api/timeline", params={"limit": MAX_LIMIT + 1}).status_code == 422
    assert client.get("/events", params={"limit": MAX_LIMIT + 1}).status_code == 422
    page = client.get("/events", params={"limit": 10, "dyad": "RUS:PRK"}).text
    assert 'href="/events?limit=10&amp;dyad=RUS%3APRK&amp;offset=10"' in page
    assert client.get("/api/dyads", params={"limit": MAX_LIMIT + 1}).status_code == 422


def test_bad_filters_are_refused_with_a_reason(client):
    response = client.get("/api/events", params={"since": "June"})
    assert response.status_code == 422 and "YYYY-MM-DD" in response.json()["detail"]
    assert client.get("/api/events", params={"dyad": "RUS"}).status_code == 422
    # the page re-renders its form with every problem listed (tests/test_web_views_filters.py)
    assert client.get("/events", params={"since": "June"}).status_code == 400


def test_percent_and_underscore_are_characters_in_the_apis_filters(client):
    """Issue 12: "%" and "_" acted as LIKE wildcards and matched everything."""
    for typed in ("%", "P_tin", "Pu%n"):  # as wildcards, the last two would find Putin
        for field in ("actor", "text"):
            assert client.get("/api/events", params={field: typed}).json()["total"] == 0
        assert client.get("/api/actors", params={"like": typed}).json()["total"] == 0
    assert client.get("/api/events", params={"actor": "_"}).json()["total"] == 0
    assert client.get("/api/events", params={"text": "_"}).json()["total"] == 1  # "__pwned"


def test_an_event_carries_its_provenance(client):
    event_id = _mamedov_meeting(client)["event_id"]
    found = client.get(f"/api/events/{event_id}").json()
    sentence = found["sentence"]
    assert sentence.startswith("This was made clear on June 10")

    def words(span):
        return sentence[span[0] : span[1]]

    assert words(found["trigger_at"]) == "met"
    assert words(found["source_at"]) == "Georgy Mamedov"
    assert words(found["target_at"]) == "Pak Ui Chun"
    assert found["sentence_after"].startswith("A Russian statement said that")
    # "Moscow announced that ... Mamedov had met": a government telling of its own
    # official's act asserts it (guide, section 5)
    assert found["event"]["modality"] == "asserted"
    assert found["document"]["published"] == "2000-06-12"
    (citation,) = found["citations"]
    assert citation["outlets"] == ["Reuters", "AP", "UPI", "Russian agencies"]
    assert client.get("/api/events/ev-nothing").status_code == 404


def test_a_document_comes_with_its_annotations(client):
    found = client.get(f"/api/documents/{HOSTILE_ID}").json()
    text = found["document"]["text"]
    assert text == HOSTILE_TEXT and found["document"]["published"] == str(HOSTILE_PUBLISHED)
    named = {text[m["start_char"] : m["end_char"]]: m["name"] for m in found["mentions"]}
    assert named["Vladimir Putin"] == "Vladimir Putin" and named["Kim Jong-il"] == "Kim Jong-il"
    (wednesday,) = [t for t in found["timexes"] if t["text"] == "Wednesday"]
    assert text[wednesday["start_char"] : wednesday["end_char"]] == "Wednesday"
    assert wednesday["value_start"] == "2000-07-19"  # the Wednesday before Friday, July 21
    assert any(e["trigger"] == "met" for e in found["events"])
    assert client.get("/api/documents/nothing").status_code == 404
    listed = client.get("/api/documents").json()
    assert listed["total"] == 3
    assert [d["published"] for d in listed["documents"]] == [
        "2000-08-30",
        "2000-07-21",
        "2000-06-12",
    ]


def test_actors_dyads_and_timeline(client):
    actors = client.get("/api/actors", params={"like": "Putin"}).json()["actors"]
    assert actors[0]["name"] == "Vladimir Putin" and actors[0]["events"] > 0
    putin = client.get("/api/actors/Vladimir Putin").json()
    assert sum(p["events"] for p in putin["periods"]) > 0
    assert {"source": "Georgy Mamedov", "target": "Pak Ui-chun"}.items() <= next(
        d for d in client.get("/api/dyads").json()["dyads"] if d["source"] == "Georgy Mamedov"
    ).items()
    for dyad in client.get("/api/dyads", params={"limit": MAX_LIMIT}).json()["dyads"]:
        quads = (
            "verbal_cooperation",
            "material_cooperation",
            "verbal_conflict",
            "material_conflict",
        )
        assert dyad["events"] == sum(dyad[q] for q in quads)
    events = client.get("/api/timeline", params={"dyad": "RUS:PRK"}).json()["events"]
    starts = [date.fromisoformat(e["date_start"]) for e in events]
    assert starts == sorted(starts) and date(2000, 6, 9) in starts
    shapes = {e["modality"]: e["shape"] for e in events}
    assert shapes.get("planned", "expected") == "expected"
    assert shapes.get("asserted", "happened") == "happened"
    assert client.get("/api/actors/Nobody At All").status_code == 404


def test_the_front_page_is_the_events_table(client):
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/events"


def test_the_openapi_document_lists_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/actors",
        "/api/dyads",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/timeline",
        "/documents",
    ):
        assert path in paths
    assert "/events" not in paths  # pages are not API


def test_every_response_carries_a_strict_content_security_policy(client):
    for url in ("/events", "/api/events", "/events/nothing", "/static/style.css"):
        policy = client.get(url).headers["content-security-policy"]
        assert policy == CONTENT_SECURITY_POLICY
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY and "http" not in CONTENT_SECURITY_POLICY


def test_article_text_and_titles_are_escaped_on_every_page(client):
    event_id = next(
        e["event_id"]
        for e in client.get(f"/api/documents/{HOSTILE_ID}").json()["events"]
        if e["trigger"] == "met"
    )
    pages = [
        f"/documents/{HOSTILE_ID}",
        f"/events/{event_id}",
        "/events?text=Pyongyang+on+Wed",
        "/actors/Vladimir Putin",
    ]
    for url in pages:
        html = client.get(url).text
        assert "<script" not in html and "<img" not in html, url
    document = client.get(f"/documents/{HOSTILE_ID}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in document
    assert "Summit &lt;script&gt;window.__pwned=3&lt;/script&gt; report" in document


@pytest.fixture(scope="module")
def writable(analyser, tmp_path_factory):
    directory = tmp_path_factory.mktemp("writable")
    return writable_copy(web_database(analyser, tmp_path_factory.mktemp("web")), directory)


def _article() -> dict:
    return {
        "text": "Russian President Vladimir Putin met Chinese President Jiang Zemin in "
        "Beijing on Tuesday.",
        "title": "Beijing",
        "published": "2000-07-20",
    }


def test_a_read_only_server_refuses_posts(client):
    response = client.post(
        "/documents", json=_article(), headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 403


def test_posts_need_the_servers_token(analyser, writable):
    app = create_app(writable, token=TOKEN, analyser=analyser)
    with TestClient(app) as client:
        assert client.post("/documents", json=_article()).status_code == 401
        wrong = client.post(
            "/documents", json=_article(), headers={"Authorization": "Bearer guess"}
        )
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
        assert (
            client.post(
                "/documents", json={"text": ""}, headers={"Authorization": f"Bearer {TOKEN}"}
            ).status_code
            == 422
        )
        posted = client.post(
            "/documents", json=_article(), headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert posted.status_code == 201
        doc_id = posted.json()["doc_id"]
        found = client.get(f"/api/documents/{doc_id}").json()
        assert found["document"]["title"] == "Beijing"
        (meeting,) = [e for e in found["events"] if e["trigger"] == "met"]
        assert (meeting["source_name"], meeting["date_start"]) == ("Vladimir Putin", "2000-07-18")


def test_a_post_over_the_size_cap_is_refused(analyser, writable, monkeypatch):
    from dossier.web import posting

    monkeypatch.setattr(posting, "MAX_BODY_BYTES", 5_000)
    app = create_app(writable, token=TOKEN, analyser=analyser)
    with TestClient(app) as client:
        big = {"text": "Putin met Kim. " * 1_000}  # 15,000 characters
        response = client.post("/documents", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 413 and "bytes" in response.json()["detail"]
        assert client.post("/documents", json=big).status_code == 401  # token first


def test_a_hostile_article_can_be_posted_and_stays_text(analyser, writable):
    article = hostile_article()
    app = create_app(writable, token=TOKEN, analyser=analyser)
    with TestClient(app) as client:
        posted = client.post(
            "/documents",
            headers={"Authorization": f"Bearer {TOKEN}"},
            json={"text": article.text + "Posted again.", "title": article.title},
        )
        assert posted.status_code == 201
        html = client.get(posted.json()["url"]).text
    assert HOSTILE_SCRIPT not in html and "&lt;script&gt;" in html


def test_serve_reports_a_missing_database(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no database here" in result.output


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ({"text": "Putin met Kim \ud800 in Pyongyang."}, "unicode"),
        ({"text": "   \n\t  "}, "no 'text'"),
        ({"text": "Putin met Kim.\x00"}, "NUL"),
        ({"text": "Putin met Kim.", "title": "\udfff"}, "unicode"),
    ],
)
def test_a_post_the_cli_would_refuse_is_a_422_naming_the_problem(analyser, writable, body, said):
    app = create_app(writable, token=TOKEN, analyser=analyser)
    with TestClient(app) as client:
        before = client.get("/api/documents").json()["total"]
        response = _post_raw(client, body)
        detail = json.dumps(response.json()["detail"]).lower()
        assert response.status_code == 422 and said.lower() in detail
        assert client.get("/api/documents").json()["total"] == before  # nothing stored


def _post_raw(client, body: dict):
    """Posted as JSON with escapes (a lone surrogate cannot be sent as UTF-8)."""
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    return client.post("/documents", content=json.dumps(body), headers=headers)


def test_a_rejected_field_with_a_lone_surrogate_is_a_422_not_a_500(analyser, writable):
    app = create_app(writable, token=TOKEN, analyser=analyser)
    with TestClient(app, raise_server_exceptions=False) as client:
        too_long = {"text": "\ud800" + "x" * 200_001}
        response = _post_raw(client, too_long)
        assert response.status_code == 422
        problems = response.json()["problems"]
        assert problems and all("input" not in problem for problem in problems)


def test_the_openapi_document_names_every_answer_a_route_can_give(client):
    """Issue 12: 404, 401, 403 were undocumented, and a 422 came in two shapes."""
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/api/events/{event_id}", "/api/documents/{doc_id}", "/api/actors/{name}"):
        assert "404" in paths[route]["get"]["responses"], route
    posted = paths["/documents"]["post"]["responses"]
    assert {"400", "401", "403", "413", "422", "503"} <= set(posted)
    problem = {"$ref": "#/components/schemas/Problem"}
    for route in ("/api/events", "/api/timeline", "/api/search"):
        answers = paths[route]["get"]["responses"]
        assert answers["422"]["content"]["application/json"]["schema"] == problem, route


def test_every_error_of_the_api_has_one_shape(analyser, writable):
    """A sentence in `detail`, and for a 422 each problem in `problems`: whether the
    analysis, FastAPI's validation or the filters refused it."""
    app = create_app(writable, token=TOKEN, analyser=analyser)
    with TestClient(app) as client:
        refused = {
            "analysis": _post_raw(client, {"text": "  "}),
            "schema": _post_raw(client, {"text": 3}),
            "filter": client.get("/api/events", params={"since": "June"}),
            "dyad": client.get("/api/timeline", params={"dyad": "RUS"}),
        }
        missing = client.get("/api/events/no-such-event")
        unauthorised = client.post("/documents", json={"text": "Putin met Kim."})
    for how, response in refused.items():
        body = response.json()
        assert response.status_code == 422 and set(body) == {"detail", "problems"}, how
        assert {"loc", "msg", "type"} <= set(body["problems"][0]), how
        assert body["problems"][0]["msg"] in body["detail"], how
    for response in (missing, unauthorised):
        assert response.json() == {"detail": response.json()["detail"], "problems": []}
