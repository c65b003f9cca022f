"""`POST /documents`: one article analysed and stored, for servers started with a token.

The model is loaded on the first post, not at start, so a read-only server never pays
for it. `EventDatabase.add_article` analyses posts one at a time and writes each while
no request is opening a cursor.
"""

from __future__ import annotations

import hmac
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import quote

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from dossier import Article
from dossier.errors import InputError
from dossier.web.schemas import problem_body

if TYPE_CHECKING:
    from dossier.store.api import EventDatabase

MAX_TEXT = 200_000  # characters: a long feature article is a tenth of this
# bytes of a posted body: MAX_TEXT characters of 4-byte UTF-8 with JSON escapes and
# the other fields, rounded up; a body over it is refused before it is read
MAX_BODY_BYTES = 2_000_000


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: str | None = Field(default=None, max_length=1_000)
    published: date | None = Field(default=None, description="Anchors relative dates.")
    url: str | None = Field(default=None, max_length=2_000)
    outlet: str | None = Field(default=None, max_length=200)


class Poster:
    """Analyses and stores posted articles in the server's database."""

    def __init__(self, database: EventDatabase) -> None:
        self.database = database

    def post(self, article: ArticleIn) -> dict[str, object]:
        try:
            item = Article.checked(
                article.text,
                "the posted text",
                title=article.title,
                published=article.published,
                url=article.url,
                outlet=article.outlet,
                source_file="<posted>",
            )
            stored = self.database.add_article(item)
        except InputError as error:  # the shape of every 422: a list of what is wrong where
            problem = {"loc": ["body", "text"], "msg": str(error), "type": "value_error"}
            raise HTTPException(422, [problem]) from None
        return {
            "doc_id": stored.doc_id,
            "events": stored.event_count,
            "url": f"/documents/{quote(stored.doc_id, safe='')}",
        }


def require_token(request: Request) -> None:
    """403 on a read-only server; 401 unless the request carries the server's token."""
    problem = token_problem(request.app.state.token, request.headers.get("authorization", ""))
    if problem is not None:
        raise problem


def token_problem(expected: str | None, authorization: str) -> HTTPException | None:
    if not expected:
        return HTTPException(403, "this server is read-only; start it with --token to accept posts")
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), expected.encode()):
        return HTTPException(
            401,
            "a valid 'Authorization: Bearer TOKEN' header is required",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return None


class PostGuard:
    """ASGI middleware in front of every POST: the token is checked from the headers
    and the body's size is capped BEFORE the body is read. FastAPI reads and parses a
    body before it runs the endpoint's dependencies, so without this a 300 MiB post
    with no token was read whole into memory (issue 12)."""

    def __init__(self, app, max_bytes: int | None = None) -> None:  # noqa: ANN001
        self.app = app
        self._max_bytes = max_bytes

    @property
    def max_bytes(self) -> int:
        return self._max_bytes or MAX_BODY_BYTES

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        problem = token_problem(scope["app"].state.token, headers.get("authorization", ""))
        if problem is None and _declared_size(headers) > self.max_bytes:
            problem = HTTPException(413, f"the body is over {self.max_bytes:,} bytes")
        if problem is not None:
            await _refuse(problem, scope, receive, send)
            return
        await self.app(scope, self._capped(receive), send)

    def _capped(self, receive):  # noqa: ANN001, ANN202
        """`receive` that stops a body sent in chunks (no Content-Length) at the cap."""
        seen = 0

        async def capped():  # noqa: ANN202
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise HTTPException(413, f"the body is over {self.max_bytes:,} bytes")
            return message

        return capped


def _declared_size(headers: dict[str, str]) -> int:
    try:
        return int(headers.get("content-length", "0"))
    except ValueError:
        return 0


async def _refuse(problem: HTTPException, scope, receive, send) -> None:  # noqa: ANN001
    response = JSONResponse(
        problem_body(problem.detail), status_code=problem.status_code, headers=problem.headers
    )
    await response(scope, receive, send)
