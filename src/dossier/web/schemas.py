"""The shapes of the API's answers, so /openapi.json describes every field.

Field names are the database's column names (see docs/store.md, "Store, query and
export"); dates are ISO days.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field


class Paged(BaseModel):
    total: int = Field(description="How many rows match, over all pages.")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page; null on the last.")


class EventRow(BaseModel):
    event_id: str
    date_start: date | None
    date_end: date | None
    source_name: str | None
    source_cameo: str | None
    cameo_code: str
    plover_type: str | None
    target_name: str | None
    target_cameo: str | None
    modality: str
    quad_class: int = Field(description="1 verbal coop., 2 material coop., 3/4 conflict.")
    goldstein: float
    location_name: str | None = Field(description="Where the event took place.")
    location_country: str | None = Field(description="The place's country (alpha-3).")
    location_lat: float | None = Field(description="The place's latitude (WGS 84).")
    location_lon: float | None = Field(description="The place's longitude (WGS 84).")
    attribution: list[str] = Field(
        description="The outlets the report credits for the event (empty: the report itself)."
    )
    trigger: str | None
    doc_id: str
    sentence: str


class EventsPage(Paged):
    events: list[EventRow]
    filters: dict[str, str | list[str]] = Field(
        description="The filters applied, as query parameters: a field's value, or the list"
        " of its values when it was given several (any of them will do)."
    )


class CitationOut(BaseModel):
    idx: int
    outlets: list[str]
    date_start: date | None
    date_end: date | None
    kind: str
    text: str | None


class Provenance(BaseModel):
    event: dict[str, Any] = Field(description="Every column of the event's row.")
    sentence: str
    sentence_start: int = Field(description="Where the sentence starts in the document.")
    trigger_at: tuple[int, int] | None = Field(description="Offsets in the sentence.")
    source_at: tuple[int, int] | None
    target_at: tuple[int, int] | None
    sentence_before: str | None
    sentence_after: str | None
    document: dict[str, Any] = Field(description="The document's metadata (not its text).")
    citations: list[CitationOut]


class ActorRow(BaseModel):
    name: str
    type: str | None
    country: str | None
    cameo: str | None
    mentions: int
    documents: int
    events: int
    first_seen: date | None
    last_seen: date | None


class ActorsPage(Paged):
    actors: list[ActorRow]


class Period(BaseModel):
    period: date
    by_quad_class: dict[int, int]
    events: int


class Edge(BaseModel):
    source: str
    target: str
    quad_class: int
    events: int


class ActorDetail(BaseModel):
    actor: ActorRow
    periods: list[Period]
    counterparts: list[Edge]


class DyadRow(BaseModel):
    source: str
    target: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    first_event: date | None
    last_event: date | None


class DyadsPage(Paged):
    dyads: list[DyadRow]


class DocumentRow(BaseModel):
    doc_id: str
    title: str | None
    published: date | None
    published_inferred: bool | None
    outlet: str | None
    source_file: str | None
    url: str | None
    n_events: int
    n_entities: int
    characters: int


class DocumentsPage(Paged):
    documents: list[DocumentRow]


class DocumentDetail(BaseModel):
    document: dict[str, Any] = Field(description="The document's row, its text included.")
    mentions: list[dict[str, Any]]
    timexes: list[dict[str, Any]]
    citations: list[dict[str, Any]]
    events: list[dict[str, Any]]


class TimelineEvent(BaseModel):
    event_id: str
    doc_id: str
    date_start: date
    date_end: date | None
    date_text: str | None
    source_name: str | None
    cameo_code: str
    plover_type: str | None
    target_name: str | None
    modality: str
    quad_class: int
    trigger: str | None
    shape: str = Field(description="happened, expected (planned, ...) or not (denied, ...).")


class Timeline(BaseModel):
    actor: str | None
    dyad: str | None
    events: list[TimelineEvent]


class Posted(BaseModel):
    doc_id: str
    events: int
    url: str = Field(description="The document's page.")


class InvalidPart(BaseModel):
    loc: list[str | int] = Field(description="Where: body, query or path, then the field.")
    msg: str
    type: str


class Problem(BaseModel):
    """The body of every error answer of the API: what is wrong, in words, and for a
    422 each bad part on its own (FastAPI's list, without the rejected input)."""

    detail: str
    problems: list[InvalidPart] = Field(description="Empty but for a 422.")


def problem_body(detail: object) -> dict[str, Any]:
    """The Problem for an HTTPException's detail: a sentence, or a list of problems
    (each with loc, msg, type). Lone surrogates are escaped: JSON cannot carry them."""
    if isinstance(detail, list):
        parts = [
            {
                "loc": [_printable(str(x)) for x in part.get("loc", ())],
                "msg": _printable(str(part.get("msg", ""))),
                "type": str(part.get("type", "value_error")),
            }
            for part in detail
        ]
        return {"detail": "; ".join(p["msg"] for p in parts), "problems": parts}
    return {"detail": _printable(str(detail)), "problems": []}


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


WHY = {
    400: "A sort the listing does not have, or a body that is not JSON",
    401: "No token, or not the server's",
    403: "A read-only server (started without --token)",
    404: "Nothing stored under that id",
    413: "A body over 2,000,000 bytes",
    422: "A bad parameter or field (`problems` names each), or a text the analysis refuses",
    503: "Another process holds the database: try again after Retry-After seconds",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the API's error answers, each a Problem."""
    return {status: {"model": Problem, "description": WHY[status]} for status in statuses}


def page_errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the errors of a link a browser follows: an HTML page."""
    page = {"text/html": {"schema": {"type": "string"}}}
    return {status: {"description": WHY[status], "content": page} for status in statuses}


NOT_FOUND = errors(404)
POST_REFUSED = errors(400, 401, 403, 413, 422, 503)
