"""Option types and error reporting shared by the commands."""

from __future__ import annotations

from datetime import date

import click

from dossier import DEFAULT_MODEL
from dossier.errors import InputError


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD", param, ctx)


ISO_DATE = IsoDate()


def report_input_error(error: InputError) -> None:
    """One line on standard error: the file and the problem."""
    click.echo(f"dossier: error: {error}", err=True)


def analysis_options(command):
    """--published, --model, --actors and --verbs: what every analysing command takes."""
    options = [
        click.option(
            "--published", type=ISO_DATE, help="Publication date (YYYY-MM-DD) of every input."
        ),
        click.option(
            "--model", default=DEFAULT_MODEL, show_default=True, help="An installed spaCy pipeline."
        ),
        click.option(
            "--actors",
            "actor_files",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False),
            help="Add actors from a file: dossier YAML or a PETRARCH/Phoenix dictionary. "
            "Repeatable.",
        ),
        click.option(
            "--verbs",
            "verb_files",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False),
            help="Add event patterns: dossier YAML or a PETRARCH-2 verb dictionary. Repeatable.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command
