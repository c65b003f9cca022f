"""dossier: sourced, dated, queryable political events from news reports."""

from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dossier.store.api import EventDatabase

__version__ = "0.1.0"


def open(  # noqa: A001  (dossier.open reads as the library's front door)
    path: str | PathLike[str] | None = None, model: str | None = None
) -> EventDatabase:
    """The event database at `path` (default $DOSSIER_DB or ./dossier.duckdb), read-only:
    `.events(**filters)` gives a pandas DataFrame, `.extract(text, published=...)` a record.

    The store and pipeline are imported on first call, so `import dossier` stays light."""
    from dossier.store.api import open_database

    return open_database(path, model) if model else open_database(path)
