"""Request parameters shared by the JSON API and the pages, so both read them alike.

Filters arrive from HTML forms too, where an empty box sends an empty string: empty
means "no filter". Paging has a ceiling a client cannot raise.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated

import duckdb
from fastapi import Depends, HTTPException, Query, Request

from dossier.query import EventFilter, parse_dyad

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}."),
    offset: int = Query(0, ge=0, le=10_000_000),
    page: int | None = Query(
        None, ge=1, le=10_000_000, description="Page number (from 1); replaces offset."
    ),
) -> Paging:
    return Paging(limit, offset if page is None else (page - 1) * limit)


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own for each request: DuckDB connections are not shared by threads."""
    cursor = request.app.state.database.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


def event_filter(
    actor: str | None = Query(None, description="Either side: CAMEO prefix, country or name."),
    country: str | None = Query(None, description="Either actor's or the place's (alpha-3)."),
    dyad: str | None = Query(None, description="SOURCE:TARGET, each matched like actor."),
    type: str | None = Query(None, description="PLOVER event type, e.g. CONSULT."),  # noqa: A002
    cameo: str | None = Query(None, description="CAMEO event code prefix, e.g. 04."),
    since: str | None = Query(None, description="Events ending on or after (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Events starting on or before (YYYY-MM-DD)."),
    modality: str | None = Query(None, description="asserted, reported, planned, ..."),
    text: str | None = Query(None, description="Words the sentence contains (any case)."),
) -> EventFilter:
    """The filters of `dossier events`, composed: every given one must hold."""
    return EventFilter(
        actor=_given(actor),
        country=_given(country),
        dyad=dyad_param(dyad),
        plover_type=_given(type),
        cameo=_given(cameo),
        since=_day(since, "since"),
        until=_day(until, "until"),
        modality=_given(modality),
        text=_given(text),
    )


def _given(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _day(value: str | None, name: str) -> date | None:
    if not _given(value):
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise HTTPException(422, f"{name} must be a date, YYYY-MM-DD, not {value!r}") from None


def dyad_param(value: str | None) -> tuple[str, str] | None:
    if not _given(value):
        return None
    try:
        return parse_dyad(str(value))
    except ValueError as error:
        raise HTTPException(422, str(error)) from None


def filter_query(f: EventFilter) -> dict[str, str]:
    """The filter as query parameters again (for page links), empty ones left out."""
    values = {
        "actor": f.actor,
        "country": f.country,
        "dyad": ":".join(f.dyad) if f.dyad else None,
        "type": f.plover_type,
        "cameo": f.cameo,
        "since": f.since,
        "until": f.until,
        "modality": f.modality,
        "text": f.text,
    }
    return {k: str(v) for k, v in values.items() if v is not None}


# Route parameters written as types, so each route only names what it needs.
Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
Filters = Annotated[EventFilter, Depends(event_filter)]
Page = Annotated[Paging, Depends(paging)]
