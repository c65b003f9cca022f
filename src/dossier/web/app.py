"""The web application: `create_app(db, token)` gives a FastAPI app over one event database.

Without a token the database is opened read-only and nothing can change it; with one,
`POST /documents` stores articles for requests that carry it. Every response carries a
Content-Security-Policy that allows scripts, styles and images from this server only:
the pages use no script at all (but /api/docs, whose Swagger UI scripts are files served
here), so even a tag that slipped past escaping would not run.

The app holds the database file only while a request reads it (a connection of its
own, closed at the end) or a post writes it, so `dossier ingest` can run beside the
server. A request that cannot get in within the wait is answered 503, naming who holds
the file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

import dossier
from dossier import __version__
from dossier.errors import DatabaseBusyError
from dossier.web import api, api_docs, dyad_page, export, map_page, pages, search, sql_page
from dossier.web.codes import cameo_label
from dossier.web.posting import Poster, PostGuard
from dossier.web.queries import QUAD_CLASSES
from dossier.web.schemas import errors, problem_body

if TYPE_CHECKING:
    from dossier.pipeline import Analyser

HERE = Path(__file__).parent
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(
    db: str | PathLike[str] | None = None,
    token: str | None = None,
    analyser: Analyser | None = None,
    model: str | None = None,
) -> FastAPI:
    """The app over the database at `db` (default $DOSSIER_DB, else ./dossier.duckdb).

    `analyser` serves posted articles (default: one loaded on the first post)."""
    database = dossier.open(db, model, writable=bool(token), analyser=analyser)
    dossier.codebook()  # the codebook's labels, read once here rather than on a first request

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()
        app.state.sql_database.close()

    app = FastAPI(
        title="dossier",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,  # their pages load scripts from a CDN: /api/docs serves our own
        description="Sourced, dated political events and the sentences behind them.",
    )
    app.state.database = database
    # the SQL box's: read-only and reaching no file but the database (sql_page.py)
    app.state.sql_database = dossier.open(database.path, model, files=False)
    app.state.token = token or None
    app.state.poster = Poster(database)
    app.state.templates = _templates(read_only=not token)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount(api_docs.ASSETS_URL, api_docs.assets(), name="api-docs-assets")
    app.include_router(api.router)
    app.include_router(api.posting)
    app.include_router(export.router)
    app.include_router(pages.router)
    app.include_router(map_page.router)
    app.include_router(search.router)
    app.include_router(dyad_page.router, responses=errors(404, 422, 503))
    app.include_router(api_docs.router)
    app.include_router(sql_page.router)
    app.middleware("http")(_security_headers)
    app.add_middleware(PostGuard)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(DatabaseBusyError, _database_busy)
    app.add_exception_handler(Exception, _server_error)
    return app


def _templates(read_only: bool) -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")  # autoescapes .html
    templates.env.globals.update(quads=QUAD_CLASSES, read_only=read_only, version=__version__)
    templates.env.filters["cameo"] = cameo_label
    # a document id is the user's own ("reports/2000/06-12"): one path segment in links
    templates.env.filters["urlpart"] = lambda value: quote(str(value), safe="")
    return templates


async def _security_headers(request: Request, call_next) -> Response:  # noqa: ANN001
    response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    return response


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.method != "GET"


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    if _wants_json(request):
        return JSONResponse(problem_body(error.detail), error.status_code, error.headers)
    return request.app.state.templates.TemplateResponse(
        request,
        "error.html",
        {"status": error.status_code, "detail": problem_body(error.detail)["detail"]},
        status_code=error.status_code,
        headers=error.headers,
    )


async def _database_busy(request: Request, error: Exception) -> Response:
    """Another process (a long write, or a program that keeps the file open) held the
    database for longer than a request waits: say who, and to try again."""
    busy = HTTPException(503, str(error), headers={"Retry-After": "5"})
    return await _http_error(request, busy)


async def _server_error(request: Request, error: Exception) -> Response:
    """A failure nobody foresaw: a short answer, with the security headers every other
    answer carries (Starlette's own 500 comes from outside the middleware that adds
    them). The error itself goes to the server's log, not to the client."""
    response = PlainTextResponse("internal error: the server's log says what failed", 500)
    response.headers.update(SECURITY_HEADERS)
    return response


async def _invalid_request(request: Request, error: Exception) -> Response:
    """The API's Problem (as /openapi.json describes it); a page for people."""
    assert isinstance(error, RequestValidationError)
    if _wants_json(request):
        # FastAPI's problems, without the rejected input they would echo (a lone
        # surrogate in it cannot be encoded, and the 422 became a 500)
        return JSONResponse(problem_body(error.errors()), 422)
    problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()]
    return await _http_error(request, HTTPException(422, "; ".join(problems)))
