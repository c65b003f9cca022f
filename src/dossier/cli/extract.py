"""`dossier extract` and `dossier schema`."""

from __future__ import annotations

import json
import sys
from datetime import date

import click

from dossier import analyse_files
from dossier.cli import main
from dossier.cli.options import EXIT_BAD_INPUT, analysis_options, report_input_error
from dossier.cli.pretty import print_pretty
from dossier.errors import DossierError, InputError
from dossier.record import DocumentRecord, document_json_schema


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "json", "pretty"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one record a line; json: one array; pretty: for reading.",
)
@analysis_options
@click.option("--strict", is_flag=True, help="Stop at the first input that cannot be read.")
def extract(
    paths: tuple[str, ...],
    published: date | None,
    output_format: str,
    model: str,
    actor_files: tuple[str, ...],
    verb_files: tuple[str, ...],
    strict: bool,
) -> None:
    """Analyse news files and print one record per article.

    PATHS are text, HTML or JSONL files, directories (read recursively) or - for
    standard input. A file may hold several articles.

    \b
    Example:
      dossier extract report.txt --published 2000-08-30 --format pretty
    """
    try:
        analysed = analyse_files(
            paths, published=published, model=model, actors=actor_files, verbs=verb_files
        )
    except DossierError as error:
        raise click.ClickException(str(error)) from None
    failed = False
    records = []
    try:
        for record in analysed:
            if isinstance(record, InputError):
                failed = True
                report_input_error(record)
                if strict:
                    sys.exit(EXIT_BAD_INPUT)
                continue
            _print_record(record, output_format, records)
    except Exception as error:  # a pipeline bug: one line, never a traceback
        _print_json(records, output_format)
        click.echo(f"dossier: error: analysis stopped: {type(error).__name__}: {error}", err=True)
        sys.exit(1)
    _print_json(records, output_format)
    if failed:
        sys.exit(EXIT_BAD_INPUT)


def _print_record(record: DocumentRecord, output_format: str, records: list[dict]) -> None:
    if output_format == "jsonl":
        click.echo(record.model_dump_json())
    elif output_format == "pretty":
        print_pretty(record)
    else:
        records.append(record.model_dump(mode="json"))


def _print_json(records: list[dict], output_format: str) -> None:
    if output_format == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))


@main.command()
def schema() -> None:
    """Print the JSON Schema of the records that `extract` prints.

    \b
    Example:
      dossier schema > document.schema.json
    """
    click.echo(json.dumps(document_json_schema(), indent=2))
