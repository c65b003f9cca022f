"""Option types and error reporting shared by the commands."""

from __future__ import annotations

import functools
import os
import stat
import sys
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


EXIT_BAD_INPUT = 2
SPECIAL_FILES = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def report_input_error(error: InputError) -> None:
    """One line on standard error: the file and the problem."""
    click.echo(f"dossier: error: {error}", err=True)


def special_file(path: str) -> str | None:
    """What a path is when it is neither a regular file nor a directory (a FIFO, a
    device, a socket: reading one may wait forever), else None. Only stats the path."""
    if path == "-":
        return None  # standard input
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None  # missing or unreadable: reported when it is read
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return SPECIAL_FILES.get(stat.S_IFMT(mode), "a special file")


def refusing_special_files(command):
    """The command, refusing its PATHS before it runs (before the model loads or the
    database is locked) when one is a FIFO, a device or a socket: one line, exit 2."""

    @functools.wraps(command)
    def checked(*args, **kwargs):
        for path in kwargs.get("paths", ()):
            kind = special_file(path)
            if kind:
                problem = f"is {kind}, not a regular file; give files, directories or - for stdin"
                report_input_error(InputError(path, problem))
                sys.exit(EXIT_BAD_INPUT)
        return command(*args, **kwargs)

    return checked


def analysis_options(command):
    """--published, --model, --actors and --verbs: what every analysing command takes.

    Its PATHS are checked first: a FIFO, device or socket is refused (`refusing_special_files`)."""
    command = refusing_special_files(command)
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
