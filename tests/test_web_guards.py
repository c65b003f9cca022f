"""The web under attack: a post refused before its body is read (no token, over the size
cap), and an unforeseen failure answered with the security headers."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from dossier.web.posting import MAX_BODY_BYTES, PostGuard

TOKEN = "s3cret-token"


def call(guard: PostGuard, headers: dict[str, str], chunks: list[bytes], token=TOKEN):
    """Run one POST through a guard with `guard`'s cap in front of an app that reads the
    whole body; the status sent back and how many body bytes were read."""
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/documents",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "app": SimpleNamespace(state=SimpleNamespace(token=token)),
    }
    pending = list(chunks)
    read = []
    sent = []

    async def receive():
        body = pending.pop(0) if pending else b""
        read.append(body)
        return {"type": "http.request", "body": body, "more_body": bool(pending)}

    async def send(message):
        sent.append(message)

    async def inner(scope, receive, send):
        while True:  # an app that reads the whole body, as FastAPI does
            message = await receive()
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 201, "headers": []})
        await send({"type": "http.response.body", "body": b"stored"})

    asyncio.run(PostGuard(inner, guard.max_bytes)(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, sum(len(b) for b in read)


def test_no_token_is_refused_without_reading_the_body():
    guard = PostGuard(None)
    status, read = call(guard, {"content-length": str(300 * 2**20)}, [b"x" * 65536] * 4, None)
    assert status == 403 and read == 0  # a read-only server
    status, read = call(guard, {"authorization": "Bearer guess"}, [b"x" * 65536] * 4)
    assert status == 401 and read == 0


def test_a_declared_size_over_the_cap_is_refused_unread():
    headers = {"authorization": f"Bearer {TOKEN}", "content-length": str(MAX_BODY_BYTES + 1)}
    status, read = call(PostGuard(None), headers, [b"x" * 65536])
    assert status == 413 and read == 0


def test_a_chunked_body_stops_at_the_cap():
    guard = PostGuard(None, max_bytes=100_000)
    headers = {"authorization": f"Bearer {TOKEN}"}  # no Content-Length: sent in chunks
    try:
        call(guard, headers, [b"x" * 65536] * 10)
    except Exception as error:  # raised inside the app, where FastAPI turns it into a 413
        assert getattr(error, "status_code", None) == 413
    else:
        raise AssertionError("a body over the cap was read whole")


def test_a_good_post_goes_through():
    headers = {"authorization": f"Bearer {TOKEN}", "content-length": "6"}
    assert call(PostGuard(None), headers, [b"{...}!"]) == (201, 6)


def test_an_unforeseen_failure_is_a_500_with_the_security_headers(tmp_path, monkeypatch):
    """Issue 12: a 500 came without the CSP and the other headers."""
    from fastapi.testclient import TestClient

    from dossier.store import Store, document_rows
    from dossier.web import app as web_app
    from dossier.web import pages
    from test_store_samples import summit_record

    path = tmp_path / "db.duckdb"
    with Store(path) as store:
        store.write(document_rows(summit_record()))

    def broken(*args, **kwargs):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(pages.queries, "event_page", broken, raising=False)
    monkeypatch.setattr(pages.queries, "document_page", broken)
    client = TestClient(web_app.create_app(path), raise_server_exceptions=False)
    response = client.get("/documents")
    assert response.status_code == 500
    assert response.headers["content-security-policy"] == web_app.CONTENT_SECURITY_POLICY
    assert response.headers["x-frame-options"] == "DENY"
    assert "out of range" not in response.text  # the error stays in the log


def test_a_document_whose_id_has_a_slash_can_be_reached(tmp_path):
    """Issue 12: ids with "/" (as a user's JSONL may give) had no page."""
    from urllib.parse import quote

    from fastapi.testclient import TestClient

    from dossier.store import Store, document_rows
    from dossier.web import app as web_app
    from test_store_samples import summit_record

    odd = "reports/2000/06?x#1"
    path = tmp_path / "db.duckdb"
    with Store(path) as store:
        store.write(document_rows(summit_record().model_copy(update={"doc_id": odd})))
    client = TestClient(web_app.create_app(path))
    page = client.get(f"/documents/{quote(odd, safe='')}")
    assert page.status_code == 200
    assert client.get(f"/api/documents/{quote(odd, safe='')}").json()["document"]["doc_id"] == odd
    listing = client.get("/documents").text
    assert f'href="/documents/{quote(odd, safe="")}"' in listing


def test_an_actor_page_over_millennia_stays_small(tmp_path):
    """Issue 12: with events dated year 1 and 9999, /actors/NAME?by=week was a 78 MB page."""
    from fastapi.testclient import TestClient

    from dossier.store import Store, document_rows
    from dossier.web import app as web_app
    from test_store_samples import summit_record

    path = tmp_path / "db.duckdb"
    with Store(path) as store:
        store.write(document_rows(summit_record()))
        store.con.execute(
            "UPDATE events SET date_start = DATE '0001-01-03' WHERE event_id = 'summit-e1'"
        )
        store.con.execute(
            "UPDATE events SET date_start = DATE '9999-12-27' WHERE event_id = 'summit-e2'"
        )
    client = TestClient(web_app.create_app(path))
    name = client.get("/api/events").json()["events"][0]["source_name"]
    api = client.get(f"/api/actors/{name}", params={"by": "week"})
    assert api.status_code == 200 and len(api.json()["periods"]) <= 3
    page = client.get(f"/actors/{name}", params={"by": "week"})
    assert page.status_code == 200 and len(page.content) < 500_000
    timeline = client.get("/timeline", params={"actor": name})  # was a 500: year 10000
    assert timeline.status_code == 200 and len(timeline.content) < 500_000
    dated = client.get("/api/timeline", params={"actor": name}).json()["events"]
    assert {e["date_start"][:4] for e in dated} >= {"0001", "9999"}
