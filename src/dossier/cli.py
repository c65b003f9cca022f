"""The command line: a thin layer over the library."""

from __future__ import annotations

import click


@click.group()
def main() -> None:
    """dossier: sourced, dated political events from news reports."""
