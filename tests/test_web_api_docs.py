"""The interactive API docs, in-process: /api/docs is Swagger UI from files this server
serves (the installed fastapi-offline package's), under the same Content-Security-Policy
as every page, and the nav of every page leads to it. The browser test
(test_web_e2e_api_docs.py) checks that it renders the operations."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

import dossier
from dossier.web import create_app
from dossier.web.app import CONTENT_SECURITY_POLICY


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("docs") / "empty.duckdb"
    dossier.open(db, writable=True).close()  # the schema, no documents
    with TestClient(create_app(db)) as client:
        yield client


def test_the_docs_page_loads_swagger_ui_from_this_server_only(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    page = response.text
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert sources and all(s.startswith("/") and not s.startswith("//") for s in sources)
    assert "<script>" not in page  # no inline script: the policy would refuse it
    for source in sources:
        asset = client.get(source)
        assert asset.status_code == 200, source
    bundle = client.get("/api/docs/assets/swagger-ui-bundle.js")
    assert "SwaggerUIBundle" in bundle.text[:2000]
    assert "javascript" in bundle.headers["content-type"]
    assert 'data-openapi="/openapi.json"' in page


def test_the_docs_page_is_not_an_operation_and_the_nav_leads_to_it(client):
    assert "/api/docs" not in client.get("/openapi.json").json()["paths"]
    assert '<a href="/api/docs">API</a>' in client.get("/events").text
    assert client.get("/docs").status_code == 404  # FastAPI's CDN page stays off
