"""Option types and error reporting shared by the commands."""

from __future__ import annotations

from datetime import date

import click

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
