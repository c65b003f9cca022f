"""export: the stored events in interchange formats.

Public: `export_events(con, format, output, event_filter)` writes GDELT 2.0 event rows,
ICEWS rows, PLOVER JSON lines, or dossier's own columns as CSV, JSON lines or Parquet,
and returns how many events were written and how many a format could not hold.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

import duckdb

from dossier.export.gdelt import GDELT_COLUMNS, gdelt_row, numeric_event_id
from dossier.export.icews import ICEWS_COLUMNS, icews_row
from dossier.export.plover import plover_record
from dossier.query.filters import SENTENCE_SQL, EventFilter, event_conditions

__all__ = [
    "FORMATS",
    "GDELT_COLUMNS",
    "ICEWS_COLUMNS",
    "ExportResult",
    "export_events",
    "numeric_event_id",
]

FORMATS = ("gdelt", "icews", "plover", "csv", "jsonl", "parquet")
FETCH_ROWS = 2000
DOCUMENT_COLUMNS = (
    "published",
    "title",
    "url",
    "source_file",
    "outlet",
    "publication",
    "dossier_version",
    "model",
    "ingested_at",
)
LEAD_SQL = (
    "e.sentence_start < coalesce(nullif(strpos(d.text, chr(10) || chr(10)), 0) - 1, length(d.text))"
)


@dataclass(frozen=True)
class ExportResult:
    written: int
    skipped: int = 0


def export_sql(event_filter: EventFilter | None = None) -> tuple[str, list[object]]:
    """Every event column, its document's metadata, its sentence and whether it is in the lead."""
    conditions, params = event_conditions(event_filter or EventFilter())
    documents = ", ".join(f"d.{c}" for c in DOCUMENT_COLUMNS)
    sql = (
        f"SELECT e.*, {documents}, {SENTENCE_SQL} AS sentence, {LEAD_SQL} AS in_lead "
        f"FROM events e JOIN documents d USING (doc_id) "
        f"WHERE {' AND '.join(conditions) or 'TRUE'} "
        "ORDER BY e.date_start NULLS LAST, e.doc_id, e.sentence_start, e.event_id"
    )
    return sql, params


def export_events(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    output: TextIO | Path,
    event_filter: EventFilter | None = None,
) -> ExportResult:
    """Write the (filtered) events in the format; Parquet needs a file path."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    sql, params = export_sql(event_filter)
    if fmt == "parquet":
        return _parquet(con, sql, params, output)
    if isinstance(output, Path):
        with output.open("w", encoding="utf-8", newline="") as stream:
            return _write_text(con, fmt, sql, params, stream)
    return _write_text(con, fmt, sql, params, output)


def _events(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> Iterator[dict]:
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(FETCH_ROWS):
        for row in rows:
            yield dict(zip(columns, row, strict=True))


def _write_text(
    con: duckdb.DuckDBPyConnection, fmt: str, sql: str, params: list[object], stream: TextIO
) -> ExportResult:
    written = skipped = 0
    table = csv.writer(stream, lineterminator="\n")
    if fmt == "icews":
        stream.write(_tsv_line(ICEWS_COLUMNS))
    for number, event in enumerate(_events(con, sql, params)):
        if fmt == "gdelt":
            stream.write(_tsv_line(gdelt_row(event)))
        elif fmt == "icews":
            stream.write(_tsv_line(icews_row(event)))
        elif fmt == "jsonl":
            stream.write(json.dumps(event, ensure_ascii=False, default=_json_value) + "\n")
        elif fmt == "csv":
            if number == 0:
                table.writerow(list(event))
            table.writerow([_cell(v) for v in event.values()])
        elif (record := plover_record(event)) is not None:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            skipped += 1
            continue
        written += 1
    return ExportResult(written, skipped)


def _tsv_line(values: Iterable[object]) -> str:
    """Tab-separated, unquoted as GDELT and ICEWS files are: tabs and newlines become spaces."""
    cells = (str(_cell(v)).replace("\t", " ").replace("\n", " ") for v in values)
    return "\t".join(cells) + "\n"


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


def _json_value(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _parquet(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[object], output: TextIO | Path
) -> ExportResult:
    if not isinstance(output, Path):
        raise ValueError("Parquet is binary: give --output FILE")
    con.sql(sql, params=params).write_parquet(str(output))
    written = con.execute("SELECT count(*) FROM read_parquet(?)", [str(output)]).fetchall()
    return ExportResult(int(written[0][0]))
