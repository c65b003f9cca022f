"""`dossier ingest`, the queries (`events`, `actors`, `timeline`, `show`, `sql`) and `export`.

Each command opens the database through the public façade (`dossier.open`), asks it
one question and prints the answer; queries open it read-only, so they never change it.
What stays here is the printing: rich tables, progress and bar charts.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import duckdb
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable
from rich.text import Text

import dossier
from dossier.cli import main
from dossier.cli.options import ISO_DATE, analysis_options
from dossier.errors import DossierError

if TYPE_CHECKING:  # the types of what the façade answers, named for the printers
    from dossier.query import EventDetail, Table
    from dossier.store import IngestSummary
    from dossier.store.api import EventDatabase

EXIT_SOME_FAILED = 2
TABLE_LIMIT = 100
BAR_WIDTH = 50
OUTPUT_FORMATS = click.Choice(["table", "jsonl", "csv"])

db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Database file [default: $DOSSIER_DB, else ./dossier.duckdb].",
)
format_option = click.option(
    "--format",
    "output_format",
    type=OUTPUT_FORMATS,
    default="table",
    show_default=True,
    help="table for reading; jsonl or csv for other programs.",
)


@contextmanager
def _opened(
    db: str | None, read_only: bool, model: str | None = None, files: bool = True
) -> Iterator[EventDatabase]:
    try:
        database = dossier.open(db, model, writable=not read_only, files=files)
    except DossierError as error:
        raise click.ClickException(str(error)) from None
    try:
        yield database
    except DossierError as error:  # each query opens the file: it can be busy then too
        raise click.ClickException(str(error)) from None
    except (duckdb.Error, ValueError) as error:
        raise click.ClickException(str(error).splitlines()[0]) from None
    finally:
        database.close()


@main.command(name="ingest")
@click.argument("paths", nargs=-1)
@db_option
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Analysis processes (each loads the model once).",
)
@analysis_options
def ingest_command(
    paths: tuple[str, ...],
    db: str | None,
    workers: int,
    published: date | None,
    model: str,
    actor_files: tuple[str, ...],
    verb_files: tuple[str, ...],
) -> None:
    """Analyse news files and store their documents and events in the database.

    Articles already stored with the same text, dossier version, model and knowledge
    files are skipped; changed ones replace their old rows. Each document is written in one
    transaction, so an interrupted ingest can simply be run again. With no PATHS,
    only brings the database schema up to date.

    \b
    Example:
      dossier ingest reports/ --db monitor.duckdb --workers 2
    """
    console = Console(stderr=True, soft_wrap=True)
    with _opened(db, read_only=False, model=model) as database, _progress(console) as show:
        try:
            summary = database.ingest(
                paths,
                published=published,
                workers=workers,
                actors=actor_files,
                verbs=verb_files,
                on_progress=show,
            )
        except DossierError as error:
            raise click.ClickException(str(error)) from None
        show(summary)
    _print_summary(console, summary, database.path)
    if summary.failed:
        sys.exit(EXIT_SOME_FAILED)


@contextmanager
def _progress(console: Console) -> Iterator[Callable[[IngestSummary], None]]:
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("starting", total=None)

        def show(summary: IngestSummary) -> None:
            progress.update(task, description=_progress_line(summary))

        yield show


def _progress_line(s: IngestSummary) -> str:
    return (
        f"{s.stored} documents stored · {s.events} events · {s.unchanged} unchanged · "
        f"{len(s.failed)} failed · {s.docs_per_second:.1f} docs/s"
    )


def _print_summary(console: Console, s: IngestSummary, path: Path) -> None:
    for source, reason in s.failed:
        console.print(f"[red]failed[/red] {source}: {reason}", markup=True, highlight=False)
    console.print(
        f"{path}: {s.stored} stored ({s.events} events), {s.unchanged} unchanged, "
        f"{s.duplicates} duplicates, {len(s.failed)} failed, in {s.seconds:.1f} s",
        highlight=False,
    )


def event_filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The filters shared by `events` and `export`; they compose (all must hold)."""
    options = [
        click.option("--actor", help="Either side: CAMEO code prefix, country, or part of a name."),
        click.option("--country", help="Either actor's country or the place's (ISO alpha-3)."),
        click.option("--dyad", help="SOURCE:TARGET, each matched like --actor, e.g. RUS:PRK."),
        click.option("--type", "plover_type", help="PLOVER event type, e.g. CONSULT."),
        click.option("--cameo", help="CAMEO event code prefix, e.g. 04 or 036."),
        click.option("--since", type=ISO_DATE, help="Events whose date range ends on or after."),
        click.option("--until", type=ISO_DATE, help="Events whose date range starts on or before."),
        click.option("--modality", help="asserted, reported, planned, denied, ..."),
        click.option("--text", help="Words the event's sentence contains (any case)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@contextmanager
def _dyad_checked() -> Iterator[None]:
    """A malformed --dyad is the one filter the façade can refuse (with a ValueError);
    the others are checked by click. Reported as a bad parameter, exit status 2."""
    try:
        yield
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--dyad") from None


@main.command(name="events")
@event_filter_options
@db_option
@format_option
@click.option("--limit", type=int, help=f"At most this many [table default: {TABLE_LIMIT}].")
def events_command(db: str | None, output_format: str, limit: int | None, **filters: Any) -> None:
    """List stored events, oldest first, filtered by actor, dyad, type, date, ...

    \b
    Examples:
      dossier events --dyad RUS:PRK --since 2000-06-01 --until 2000-07-31
      dossier events --actor Putin --type CONSULT --format csv > putin.csv
    """
    if limit is None and output_format == "table":
        limit = TABLE_LIMIT
    with _opened(db, read_only=True) as database, _dyad_checked():
        table = database.event_rows(limit=limit, **filters)
        total = database.count_events(**filters) if len(table.rows) == limit else None
    if output_format == "table":
        table = _readable_events(table)
    _print_table(table, output_format, wrap_last=True)
    if total is not None and total > len(table.rows):
        click.echo(f"{len(table.rows)} of {total} events shown; --limit N shows more", err=True)


def _readable_events(table: Table) -> Table:
    """id, date, 'source → code TYPE → target', modality, sentence: what fits a terminal."""
    rows = []
    for row in table.rows:
        e = dict(zip(table.columns, row, strict=True))
        action = f"{e['cameo_code']} {e['plover_type'] or ''}".strip()
        who = f"{e['source_name'] or '—'} → {action} → {e['target_name'] or '—'}"
        rows.append((e["event_id"], e["date_start"], who, e["modality"], e["sentence"]))
    return replace(
        table, columns=["event", "date", "who → what → whom", "modality", "sentence"], rows=rows
    )


@main.command(name="actors")
@db_option
@format_option
@click.option("--like", help="Only names containing this, or CAMEO codes starting with it.")
@click.option("--limit", type=int, help="At most this many.")
def actors_command(db: str | None, output_format: str, like: str | None, limit: int | None) -> None:
    """Actors by name: mentions, documents, events, first and last seen.

    \b
    Example:
      dossier actors --like Kim
    """
    with _opened(db, read_only=True) as database:
        _print_table(database.actor_rows(like, limit), output_format)


@main.command(name="timeline")
@click.argument("actor")
@db_option
@click.option(
    "--by",
    type=click.Choice(["week", "month", "year"]),
    default="month",
    show_default=True,
    help="Period of each bar.",
)
def timeline_command(actor: str, db: str | None, by: str) -> None:
    """Events an actor takes part in, per week or month, as a bar chart.

    ACTOR is matched like --actor: a CAMEO code prefix, a country or part of a name.

    \b
    Example:
      dossier timeline Putin --by week
    """
    with _opened(db, read_only=True) as database:
        table = database.timeline_rows(actor, by)
    if not table.rows:
        click.echo(f"no dated events for {actor!r}")
        return
    click.echo("\n".join(bar_chart(table.rows, by)))


def bar_chart(rows: list[tuple], by: str, width: int = BAR_WIDTH) -> list[str]:
    """'2000-06  ████ 4' lines, bars scaled so the longest is `width` blocks."""
    highest = max(count for _, count in rows) or 1
    lines = []
    for period, count in rows:
        label = period.strftime("%Y-%m-%d" if by == "week" else "%Y-%m" if by == "month" else "%Y")
        blocks = round(count / highest * width)
        lines.append(f"{label}  {'█' * blocks}{' ' if blocks else ''}{count}")
    return lines


@main.command(name="show")
@click.argument("event_id")
@db_option
def show_command(event_id: str, db: str | None) -> None:
    """One event in full: its sentence (trigger highlighted), document and citations.

    \b
    Example:
      dossier show 2e3e4dbd7dc68a15-e3
    """
    with _opened(db, read_only=True) as database:
        detail = database.event_detail(event_id)
    if detail is None:
        raise click.ClickException(f"no event {event_id!r}; list them with `dossier events`")
    _print_detail(Console(), detail)


def _print_detail(console: Console, detail: EventDetail) -> None:
    event = detail.event
    sentence = Text(detail.sentence)
    if detail.trigger_at is not None:
        sentence.stylize("bold reverse", *detail.trigger_at)
    date_range = "undated"
    if event["date_start"]:
        date_range = f"{event['date_start']} – {event['date_end']}"
    console.print(
        f"[bold]{event['event_id']}[/bold]  {event['source_name'] or '—'} "
        f"→ {event['cameo_code']} {event['plover_type'] or ''} → {event['target_name'] or '—'}",
        highlight=False,
    )
    console.print(
        f"date {date_range} · modality {event['modality']} · quad {event['quad_class']} "
        f"· Goldstein {event['goldstein']} · place {event['location_name'] or '—'}",
        highlight=False,
    )
    console.print(sentence)
    document = detail.document
    parts = [
        f"document {document['doc_id']}",
        document["title"],
        document["source_file"] or document["url"],
        f"published {document['published'] or 'unknown'}",
    ]
    console.print(" · ".join(str(p) for p in parts if p), highlight=False)
    for citation in detail.citations:
        console.print(f"cited: ({citation['text']})", highlight=False)


@main.command(name="sql")
@click.argument("query")
@db_option
@format_option
def sql_command(query: str, db: str | None, output_format: str) -> None:
    """Run one SQL query on a read-only connection to the database that reaches no
    other file (no ATTACH, COPY, EXPORT DATABASE or read_csv).

    \b
    Example:
      dossier sql "SELECT cameo_code, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"
    """
    with _opened(db, read_only=True, files=False) as database:
        table = database.sql_rows(query)
    _print_table(table, output_format)


@main.command(name="export")
@click.option(
    "--format",
    "export_format",
    required=True,
    type=click.Choice(dossier.export_formats()),
    help="gdelt: GDELT 2.0 event rows; icews: ICEWS event file; plover: PLOVER JSON; "
    "and any format an installed package registers.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File [default: stdout].")
@event_filter_options
@db_option
def export_command(export_format: str, output: str | None, db: str | None, **filters: Any) -> None:
    """Write the stored events (optionally filtered) in an interchange format.

    \b
    Examples:
      dossier export --format gdelt --output events.gdelt.tsv
      dossier export --format plover --dyad RUS:PRK > rus-prk.plover.jsonl
    """
    target = Path(output) if output else sys.stdout
    with _opened(db, read_only=True) as database:
        if filters.get("dyad"):
            with _dyad_checked():  # refuse a malformed --dyad before anything is written
                database.count_events(dyad=filters["dyad"])
        result = database.export(export_format, target, **filters)
    note = f", {result.skipped} left out (no PLOVER type or date)" if result.skipped else ""
    click.echo(f"{result.written} events written{note}", err=True)


def _print_table(table: Table, output_format: str, wrap_last: bool = False) -> None:
    if output_format == "jsonl":
        for row in table.rows:
            record = dict(zip(table.columns, row, strict=True))
            click.echo(json.dumps(record, ensure_ascii=False, default=_json_value))
    elif output_format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows([[_csv_cell(v) for v in row] for row in table.rows])
    else:
        rich_table = RichTable(show_lines=wrap_last)
        for number, column in enumerate(table.columns):
            last = number == len(table.columns) - 1
            rich_table.add_column(
                column,
                overflow="fold",
                no_wrap=wrap_last and number < 2,
                ratio=2 if last and wrap_last else 1 if wrap_last else None,
            )
        for row in table.rows:
            rich_table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(rich_table)


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return value


def _json_value(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)
