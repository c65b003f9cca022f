"""`POST /documents`: one article analysed and stored, for servers started with a token.

The model is loaded on the first post, not at start, so a read-only server never pays
for it. `EventDatabase.add_article` analyses posts one at a time and writes each while
no request is opening a cursor.
"""

from __future__ import annotations

import hmac
from datetime import date
from typing import TYPE_CHECKING

from fastapi import HTTPException, Request
from pydantic import BaseModel, Field

from dossier import Article
from dossier.errors import InputError

if TYPE_CHECKING:
    from dossier.store.api import EventDatabase

MAX_TEXT = 200_000  # characters: a long feature article is a tenth of this


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
        item = Article(
            text=article.text,
            title=article.title,
            published=article.published,
            url=article.url,
            outlet=article.outlet,
            source_file="<posted>",
        )
        try:
            stored = self.database.add_article(item)
        except InputError as error:
            raise HTTPException(422, f"the article could not be analysed: {error}") from None
        return {
            "doc_id": stored.doc_id,
            "events": stored.event_count,
            "url": f"/documents/{stored.doc_id}",
        }


def require_token(request: Request) -> None:
    """403 on a read-only server; 401 unless the request carries the server's token."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "this server is read-only; start it with --token to accept posts")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401,
            "a valid 'Authorization: Bearer TOKEN' header is required",
            headers={"WWW-Authenticate": "Bearer"},
        )
