"""export: the stored events in interchange formats.

Public: `export_events(con, format, output, event_filter)` writes GDELT 2.0 event rows,
ICEWS rows, PLOVER JSON lines, or dossier's own columns as CSV, JSON lines or Parquet,
and returns how many events were written and how many a format could not hold. Formats
are registered `Exporter`s; a package adds one through the `dossier.exporters` entry
points, and the CLI's `--format` choices come from `registered_exporters()`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

import duckdb

from dossier.export.gdelt import GDELT_COLUMNS, gdelt_row, numeric_event_id
from dossier.export.icews import ICEWS_COLUMNS, icews_row
from dossier.export.plover import plover_record
from dossier.plugins import offered
from dossier.query.filters import SENTENCE_SQL, EventFilter, event_conditions

__all__ = [
    "Exporter",
    "GDELT_COLUMNS",
    "ICEWS_COLUMNS",
    "ExportResult",
    "export_events",
    "register_exporter",
    "registered_exporters",
    "text_exporter",
    "numeric_event_id",
]

ENTRY_POINT_GROUP = "dossier.exporters"
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


@dataclass(frozen=True)
class Exporter:
    """A registered export format: `write(con, sql, params, output)` writes the events
    the query selects to a text stream or a file path."""

    name: str
    help: str
    write: Callable[[duckdb.DuckDBPyConnection, str, list[object], TextIO | Path], ExportResult]


EventWriter = Callable[[Iterator[dict], TextIO], ExportResult]
_EXPORTERS: dict[str, Exporter] = {}


def register_exporter(exporter: Exporter) -> Exporter:
    _EXPORTERS[exporter.name] = exporter
    return exporter


def text_exporter(name: str, help: str, write_events: EventWriter) -> Exporter:
    """An exporter of text lines from a function of the event rows and a stream."""

    def write(con, sql, params, output) -> ExportResult:
        if isinstance(output, Path):
            with output.open("w", encoding="utf-8", newline="") as stream:
                return write_events(_events(con, sql, params), stream)
        return write_events(_events(con, sql, params), output)

    return Exporter(name, help, write)


def registered_exporters() -> dict[str, Exporter]:
    """dossier's formats, then those of installed packages' `dossier.exporters` entry
    points (each naming an `Exporter`)."""
    found = dict(_EXPORTERS)
    for exporter in offered(ENTRY_POINT_GROUP, Exporter):
        found.setdefault(exporter.name, exporter)
    return found


def export_events(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    output: TextIO | Path,
    event_filter: EventFilter | None = None,
) -> ExportResult:
    """Write the (filtered) events in the format; Parquet needs a file path."""
    exporters = registered_exporters()
    if fmt not in exporters:
        choices = ", ".join(exporters)
        raise ValueError(f"unknown export format {fmt!r}; choose one of {choices}")
    sql, params = export_sql(event_filter)
    return exporters[fmt].write(con, sql, params, output)


def _events(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> Iterator[dict]:
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(FETCH_ROWS):
        for row in rows:
            yield dict(zip(columns, row, strict=True))


def _lines(line: Callable[[dict], str | None], header: str = "") -> EventWriter:
    """A writer of one line per event; an event the format cannot hold is left out."""

    def write(events: Iterator[dict], stream: TextIO) -> ExportResult:
        written = skipped = 0
        stream.write(header)
        for event in events:
            text = line(event)
            if text is None:
                skipped += 1
                continue
            stream.write(text)
            written += 1
        return ExportResult(written, skipped)

    return write


def _csv(events: Iterator[dict], stream: TextIO) -> ExportResult:
    table = csv.writer(stream, lineterminator="\n")
    written = 0
    for event in events:
        if written == 0:
            table.writerow(list(event))
        table.writerow([_cell(v) for v in event.values()])
        written += 1
    return ExportResult(written)


def _plover_line(event: dict) -> str | None:
    record = plover_record(event)
    return None if record is None else json.dumps(record, ensure_ascii=False) + "\n"


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


def _happenings(line: Callable[[dict], str | None]) -> Callable[[dict], str | None]:
    """Event-data formats count happenings: a later mention of an event told before
    (`mention_of`) is left out of them, so one attack is not counted three times."""
    return lambda event: None if event.get("mention_of") else line(event)


for _exporter in (
    text_exporter(
        "gdelt", "GDELT 2.0 event rows", _lines(_happenings(lambda e: _tsv_line(gdelt_row(e))))
    ),
    text_exporter(
        "icews",
        "ICEWS event file",
        _lines(_happenings(lambda e: _tsv_line(icews_row(e))), header=_tsv_line(ICEWS_COLUMNS)),
    ),
    text_exporter("plover", "PLOVER JSON lines", _lines(_happenings(_plover_line))),
    text_exporter("csv", "dossier's columns as CSV", _csv),
    Exporter("parquet", "dossier's columns as Parquet (needs --output)", _parquet),
    text_exporter(
        "jsonl",
        "dossier's columns as JSON lines",
        _lines(lambda e: json.dumps(e, ensure_ascii=False, default=_json_value) + "\n"),
    ),
):
    register_exporter(_exporter)
