"""`POST /documents`: one article analysed and stored, for servers started with a token.

The model is loaded on the first post, not at start, so a read-only server never pays
for it. Posts are analysed one at a time (one analyser), and written through the
store's single connection while no request is opening a cursor on it.
"""

from __future__ import annotations

import hmac
import json
import threading
from datetime import date
from typing import TYPE_CHECKING

from fastapi import HTTPException, Request
from pydantic import BaseModel, Field

from dossier.errors import InputError
from dossier.ingest import Article
from dossier.nlp import DEFAULT_MODEL
from dossier.store import Store

if TYPE_CHECKING:
    from dossier.pipeline import Analyser

MAX_TEXT = 200_000  # characters: a long feature article is a tenth of this


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: str | None = Field(default=None, max_length=1_000)
    published: date | None = Field(default=None, description="Anchors relative dates.")
    url: str | None = Field(default=None, max_length=2_000)
    outlet: str | None = Field(default=None, max_length=200)


class Poster:
    """Analyses and stores posted articles with one lazily loaded analyser."""

    def __init__(self, store: Store, analyser: Analyser | None, model: str = DEFAULT_MODEL):
        self.store = store
        self.analyser = analyser
        self.model = model
        self.analysis_lock = threading.Lock()
        # Held while the store's own connection is in use (a write, or opening a request's
        # cursor): a DuckDB connection object is not to be used by two threads at once.
        self.connection_lock = threading.Lock()

    def post(self, article: ArticleIn) -> dict[str, object]:
        item = Article(
            text=article.text,
            title=article.title,
            published=article.published,
            url=article.url,
            outlet=article.outlet,
            source_file="<posted>",
        )
        settings = json.dumps({"model": self.model}, sort_keys=True)
        from dossier.pipeline import Analyser  # spaCy loads only when a post arrives
        from dossier.store.analysis import AnalysisJob, analyse_batch

        with self.analysis_lock:
            self.analyser = self.analyser or Analyser(model=self.model)
            (outcome,) = analyse_batch(self.analyser, [AnalysisJob(item, None, settings)])
        if isinstance(outcome, InputError):
            raise HTTPException(422, f"the article could not be analysed: {outcome}")
        with self.connection_lock:
            self.store.write(outcome)
        return {
            "doc_id": outcome.doc_id,
            "events": outcome.event_count,
            "url": f"/documents/{outcome.doc_id}",
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
