"""The interactive API documentation, `/api/docs`: Swagger UI over `/openapi.json`,
served from this server alone (no CDN, nothing fetched at run time).

Swagger UI's script and stylesheet are the files the `fastapi-offline` package installs
(pinned in pyproject.toml); the app mounts them at ASSETS_URL. FastAPI's own docs page
starts Swagger UI with an inline script, which the app's Content-Security-Policy
(`script-src 'self'`) refuses, so this page starts it from a file of ours,
static/api-docs.js, and the policy stays as strict for it as for every other page.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

router = APIRouter(include_in_schema=False)
ASSETS_URL = "/api/docs/assets"


def assets() -> StaticFiles:
    """Swagger UI's files (swagger-ui-bundle.js, swagger-ui.css) as installed."""
    return StaticFiles(directory=Path(str(files("fastapi_offline") / "static")))


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """Swagger UI: every operation of /openapi.json, each with a form to try it."""
    return request.app.state.templates.TemplateResponse(
        request, "api_docs.html", {"assets": ASSETS_URL, "openapi": request.app.openapi_url}
    )
