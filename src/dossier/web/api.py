"""The JSON API: thin routes over `dossier.web.queries`, the same data the pages show."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder

from dossier.web import queries, schemas
from dossier.web.listing import SortBy, checked_sort
from dossier.web.params import (
    MAX_LIMIT,
    Con,
    Filters,
    Page,
    Paging,
    dyad_param,
    filter_query,
)
from dossier.web.posting import ArticleIn, require_token

# every route may refuse its parameters (422) or find the database held (503)
router = APIRouter(prefix="/api", tags=["api"], responses=schemas.errors(422, 503))
SORTED = schemas.errors(400)  # a sort the listing does not have


def _page(key: str, rows: list[dict], total: int, page: Paging, request: Request) -> dict:
    """A page of rows with the link to the next one (None on the last page), relative to
    the server: a link built from the request's Host header would send a client wherever
    that header said."""
    following = None
    if page.offset + len(rows) < total:
        url = request.url.remove_query_params("page")
        url = url.include_query_params(offset=page.offset + page.limit)
        following = str(url.replace(scheme="", netloc=""))
    body = {
        "total": total,
        "limit": page.limit,
        "offset": page.offset,
        "next": following,
        key: rows,
    }
    return jsonable_encoder(body)


@router.get(
    "/events",
    response_model=schemas.EventsPage,
    responses=SORTED,
    summary="Stored events, filtered like `dossier events`, oldest first",
)
def list_events(
    request: Request,
    f: Filters,
    page: Page,
    asked: SortBy,
    con: Con,
) -> dict[str, Any]:
    sort = checked_sort(asked, queries.EVENT_SORTS)
    events, total = queries.event_page(con, f, page.limit, page.offset, sort)
    return _page("events", events, total, page, request) | {"filters": filter_query(f)}


@router.get(
    "/events/{event_id}",
    response_model=schemas.Provenance,
    responses=schemas.NOT_FOUND,
    summary="One event with its sentence, spans and sources",
)
def get_event(event_id: str, con: Con) -> dict[str, Any]:
    found = queries.event_provenance(con, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return jsonable_encoder(found)


@router.get(
    "/actors",
    response_model=schemas.ActorsPage,
    responses=SORTED,
    summary="Actors by name: mentions, documents, events, first/last seen",
)
def list_actors(
    request: Request,
    page: Page,
    asked: SortBy,
    con: Con,
    like: str | None = Query(None, description="Part of a name, or a CAMEO code prefix."),
) -> dict[str, Any]:
    sort = checked_sort(asked, queries.ACTOR_SORTS)
    actors, total = queries.actor_page(con, like or None, page.limit, page.offset, sort)
    return _page("actors", actors, total, page, request)


@router.get(
    "/actors/{name:path}",
    response_model=schemas.ActorDetail,
    responses=schemas.NOT_FOUND,
    summary="One actor: events per period and counterparts",
)
def get_actor(
    name: str,
    con: Con,
    by: str = Query("month", pattern="^(week|month|year)$"),
) -> dict[str, Any]:
    summary = queries.actor_summary(con, name)
    if summary is None:
        raise HTTPException(404, f"no actor named {name!r}")
    return jsonable_encoder(
        {
            "actor": summary,
            "periods": queries.actor_periods(con, name, by),
            "counterparts": queries.counterpart_edges(con, name),
        }
    )


@router.get(
    "/documents",
    response_model=schemas.DocumentsPage,
    responses=SORTED,
    summary="Stored documents, newest publication first",
)
def list_documents(
    request: Request,
    page: Page,
    asked: SortBy,
    con: Con,
    with_events: bool = Query(False, description="Only documents with events."),
) -> dict[str, Any]:
    sort = checked_sort(asked, queries.DOCUMENT_SORTS)
    documents, total = queries.document_page(con, page.limit, page.offset, sort, with_events)
    return _page("documents", documents, total, page, request)


@router.get(
    "/documents/{doc_id:path}",
    response_model=schemas.DocumentDetail,
    responses=schemas.NOT_FOUND,
    summary="A document with its entities, timexes and events",
)
def get_document(doc_id: str, con: Con) -> dict[str, Any]:
    found = queries.document_annotations(con, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return jsonable_encoder(found)


@router.get(
    "/timeline",
    response_model=schemas.Timeline,
    summary="Dated events of an actor or a dyad, by real event date",
)
def get_timeline(
    con: Con,
    actor: str | None = Query(None, description="Either side, matched like --actor."),
    dyad: str | None = Query(None, description="SOURCE:TARGET."),
    pair: str | None = Query(None, description="SOURCE:TARGET, each side exact, as /dyads/A/B."),
    limit: int = Query(MAX_LIMIT, ge=1, le=MAX_LIMIT),
) -> dict[str, Any]:
    events = queries.timeline_events(
        con, actor or None, dyad_param(dyad), limit, dyad_param(pair, "pair")
    )
    return jsonable_encoder({"actor": actor, "dyad": dyad, "events": events})


@router.get(
    "/dyads",
    response_model=schemas.DyadsPage,
    summary="Directed pairs of actors by number of events, per quad class",
)
def list_dyads(
    request: Request,
    page: Page,
    con: Con,
    actor: str | None = Query(None, description="Only pairs with this exact name on a side."),
) -> dict[str, Any]:
    dyads, total = queries.dyad_page(con, actor or None, page.limit, page.offset)
    return _page("dyads", dyads, total, page, request)


posting = APIRouter(tags=["ingest"])


@posting.post(
    "/documents",
    status_code=201,
    dependencies=[Depends(require_token)],
    response_model=schemas.Posted,
    responses=schemas.POST_REFUSED,
    summary="Analyse and store one article (needs the server's token)",
)
def post_document(article: ArticleIn, request: Request) -> dict[str, object]:
    return request.app.state.poster.post(article)
