"""The SQL box, `/sql?q=SELECT ...`: any read-only SQL over the database, typed in the
browser, its rows shown as a table and exported as `/sql.csv` and `/sql.json` with the
same `q`, as datasette has it.

The query runs on a connection of the database opened with `files=False`: read-only
(a write is refused) and reaching no file but the database (no ATTACH, COPY, EXPORT,
read_csv, extensions; docs/cli.md, `dossier sql`). Limits, so one query cannot hold the
server: the text at most MAX_SQL characters, stopped after SQL_SECONDS, the page shows
the first SHOWN_ROWS rows and the exports the first EXPORT_CAP (each says when there
were more). A query that fails is answered 400 with DuckDB's one-line message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response

from dossier.web.export import EXPORT_CAP, Format, csv_text
from dossier.web.pages import render

if TYPE_CHECKING:
    from dossier.query import Table

router = APIRouter(include_in_schema=False)
MAX_SQL = 10_000
SQL_SECONDS = 5.0
SHOWN_ROWS = 1_000
SqlText = Query("", max_length=MAX_SQL, description="The SQL, read-only.")
EXAMPLE = "SELECT plover_type, count(*) AS events FROM events GROUP BY 1 ORDER BY events DESC"


def run(request: Request, sql: str, max_rows: int) -> tuple[Table, bool]:
    """The query's first `max_rows` rows and whether there were more; a 400 saying
    why when DuckDB refuses it or it runs too long."""
    try:
        return request.app.state.sql_database.limited_sql(sql, max_rows, SQL_SECONDS)
    except (duckdb.Error, TimeoutError) as error:
        said = str(error).strip().splitlines()
        raise HTTPException(400, said[0] if said else type(error).__name__) from None


@router.get("/sql", response_class=HTMLResponse)
def sql_page(request: Request, q: str = SqlText) -> HTMLResponse:
    """The box, and under it the rows of the query it holds."""
    table, more, problem = None, False, None
    if q.strip():
        try:
            table, more = run(request, q, SHOWN_ROWS)
        except HTTPException as error:
            problem = error.detail
    response = render(
        request, "sql.html", q=q, example=EXAMPLE, table=table, more=more, problem=problem,
        shown=SHOWN_ROWS, seconds=SQL_SECONDS, cap=EXPORT_CAP,
    )  # fmt: skip
    if problem:
        response.status_code = 400
    return response


@router.get("/sql.{fmt}")
def sql_export(request: Request, fmt: Format, q: str = SqlText) -> Response:
    """The query's rows as CSV, or JSON (`columns`, `rows` as lists, `truncated`)."""
    if not q.strip():
        raise HTTPException(400, "no query: give it as ?q=SELECT ...")
    table, more = run(request, q, EXPORT_CAP)
    headers = {"X-Export-Cap": str(EXPORT_CAP)}
    if more:
        headers["X-Export-Truncated"] = f"first {len(table.rows)} rows (cap {EXPORT_CAP})"
    if fmt == "csv":
        headers["Content-Disposition"] = 'attachment; filename="sql.csv"'
        body = csv_text(table.columns, table.rows).encode("utf-8")
        return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
    content = {"query": q, "columns": table.columns, "rows": table.rows, "truncated": more}
    return JSONResponse(jsonable_encoder(content), headers=headers)
