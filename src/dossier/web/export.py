"""Export of what a list page shows: `/events.csv`, `/events.json`, and the same for
`/documents`, `/actors` and `/timeline`, with the page's own query parameters.

An export holds every row of the filter (all its pages, in the page's order), up to
EXPORT_CAP rows; paging parameters are ignored. Every answer says the filter's `total`
(header `X-Total-Count`); when the cap cuts it short, header `X-Export-Truncated` says
so, and the JSON carries `"truncated": true`. CSV is UTF-8 with a header row, quoted as
Python's csv module quotes (RFC 4180), CRLF line ends. Column names are the API's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from dossier.web import queries, schemas
from dossier.web.codes import cameo_label
from dossier.web.listing import SortBy, checked_sort
from dossier.web.params import Con, Filters, dyad_param

EXPORT_CAP = 100_000
Format = Literal["csv", "json"]

# the links a browser follows: a file, or an error page
router = APIRouter(
    tags=["export"],
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
        **schemas.page_errors(400, 422, 503),
    },
)


@router.get("/events.{fmt}", summary="The events of /events with its filters and sort, as a file")
def export_events(request: Request, fmt: Format, f: Filters, asked: SortBy, con: Con) -> Response:
    table = queries.event_table(con, f, checked_sort(asked, queries.EVENT_SORTS), EXPORT_CAP)
    columns, rows = with_cameo_labels(table.columns, table.rows)
    return exported(request, fmt, "events", columns, rows, queries.event_count(con, f))


@router.get("/documents.{fmt}", summary="The documents of /documents, as a file")
def export_documents(
    request: Request,
    fmt: Format,
    asked: SortBy,
    con: Con,
    with_events: bool = Query(False, description="Only documents with events."),
) -> Response:
    sort = checked_sort(asked, queries.DOCUMENT_SORTS)
    table = queries.document_table(con, with_events, sort, EXPORT_CAP)
    total = queries.count_documents(con, with_events)
    return exported(request, fmt, "documents", table.columns, table.rows, total)


@router.get("/actors.{fmt}", summary="The actors of /actors, as a file")
def export_actors(
    request: Request,
    fmt: Format,
    asked: SortBy,
    con: Con,
    like: str | None = Query(None, description="Part of a name, or a CAMEO code prefix."),
) -> Response:
    sort = checked_sort(asked, queries.ACTOR_SORTS)
    table = queries.actor_table(con, like or None, sort, EXPORT_CAP)
    total = queries.count_actors(con, like or None)
    return exported(request, fmt, "actors", table.columns, table.rows, total)


@router.get("/timeline.{fmt}", summary="The dated events of /timeline, as a file")
def export_timeline(
    request: Request,
    fmt: Format,
    con: Con,
    actor: str | None = Query(None, description="Either side, matched like --actor."),
    dyad: str | None = Query(None, description="SOURCE:TARGET."),
    pair: str | None = Query(None, description="SOURCE:TARGET, each side exact, as /dyads/A/B."),
) -> Response:
    table, total = queries.timeline_table(
        con, actor or None, dyad_param(dyad), EXPORT_CAP, dyad_param(pair, "pair")
    )
    columns, rows = with_cameo_labels(table.columns, table.rows)
    return exported(request, fmt, "events", columns, rows, total)


def with_cameo_labels(columns: list[str], rows: list[tuple]) -> tuple[list[str], list[tuple]]:
    """A `cameo_label` column ("020 Make an appeal or request") after `cameo_code`."""
    at = columns.index("cameo_code") + 1
    labelled = [(*row[:at], cameo_label(row[at - 1]), *row[at:]) for row in rows]
    return [*columns[:at], "cameo_label", *columns[at:]], labelled


def exported(
    request: Request,
    fmt: Format,
    name: str,
    columns: list[str],
    rows: list[tuple],
    total: int,
) -> Response:
    headers = {"X-Total-Count": str(total), "X-Export-Cap": str(EXPORT_CAP)}
    truncated = total > len(rows)
    if truncated:
        headers["X-Export-Truncated"] = f"first {len(rows)} of {total} rows (cap {EXPORT_CAP})"
    if fmt == "csv":
        headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        body = csv_text(columns, rows).encode("utf-8")
        return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
    content = {
        "total": total,
        "count": len(rows),
        "cap": EXPORT_CAP,
        "truncated": truncated,
        "query": _query(request),
        "columns": columns,
        name: [dict(zip(columns, row, strict=True)) for row in rows],
    }
    return JSONResponse(jsonable_encoder(content), headers=headers)


def _query(request: Request) -> dict[str, str | list[str]]:
    """The request's parameters: a value, or the list of values of one given several."""
    grouped: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        grouped.setdefault(key, []).append(value)
    return {k: v[0] if len(v) == 1 else v for k, v in grouped.items()}


def csv_text(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A header row, then the rows: missing values empty, dates ISO, lists joined by '; '."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(map(str, value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
