"""The command line: a thin layer over the library. Each module adds its commands."""

from __future__ import annotations

import click

from dossier import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dossier")
def main() -> None:
    """dossier: sourced, dated political events from news reports.

    \b
    Example:
      dossier extract article.txt --published 2000-08-30 --format pretty
    """


def _register() -> None:
    # Command modules are imported here, after `main` exists, so each can attach itself.
    from dossier.cli import (
        extract,  # noqa: F401
        serve,  # noqa: F401
        store,  # noqa: F401
    )


_register()
