"""dossier: sourced, dated, queryable political events from news reports.

The public API, one façade for scripts, the CLI and the web:

    import dossier
    dossier.ingest_files(["reports/"], db="monitor.duckdb")    # analyse and store
    db = dossier.open("monitor.duckdb")                         # read: pandas DataFrames
    dossier.export_events("monitor.duckdb", "gdelt", "events.tsv")   # interchange formats

`Analyser`, `Knowledge`, `Stage`, `register_stage`, `Exporter` and `register_exporter`
are the extension points. Everything heavier than this module is imported on first
use, so `import dossier` stays light. (`ingest_files` and `export_events`, not
`ingest` and `export`: those are the subpackages.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from dossier.export import ExportResult
    from dossier.store.api import EventDatabase
    from dossier.store.ingest import IngestSummary

__version__ = "0.1.0"

__all__ = [
    "Analyser",
    "Exporter",
    "Knowledge",
    "Stage",
    "__version__",
    "export_events",
    "ingest_files",
    "open",
    "register_exporter",
    "register_stage",
]

_LAZY = {
    "Analyser": ("dossier.pipeline", "Analyser"),
    "Knowledge": ("dossier.knowledge.bundle", "Knowledge"),
    "Stage": ("dossier.stages", "Stage"),
    "register_stage": ("dossier.stages", "register_stage"),
    "Exporter": ("dossier.export", "Exporter"),
    "register_exporter": ("dossier.export", "register_exporter"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        module, attribute = _LAZY[name]
        return getattr(import_module(module), attribute)
    raise AttributeError(f"module 'dossier' has no attribute {name!r}")


def open(  # noqa: A001  (dossier.open reads as the library's front door)
    path: str | PathLike[str] | None = None, model: str | None = None
) -> EventDatabase:
    """The event database at `path` (default $DOSSIER_DB or ./dossier.duckdb), read-only:
    `.events(**filters)` gives a pandas DataFrame, `.extract(text, published=...)` a record."""
    from dossier.store.api import open_database

    return open_database(path, model) if model else open_database(path)


def ingest_files(
    paths: Iterable[str | PathLike[str]],
    db: str | PathLike[str] | None = None,
    *,
    published: date | None = None,
    workers: int = 1,
    actors: Sequence[str | PathLike[str]] = (),
    verbs: Sequence[str | PathLike[str]] = (),
) -> IngestSummary:
    """Analyse the files and store their documents and events, as `dossier ingest` does."""
    from dossier.nlp import DEFAULT_MODEL
    from dossier.store import Store
    from dossier.store.ingest import ingest

    with Store(db) as store:
        return ingest(
            [str(p) for p in paths],
            store,
            DEFAULT_MODEL,
            workers,
            published,
            actors=[Path(p) for p in actors],
            verbs=[Path(p) for p in verbs],
        )


def export_events(
    db: str | PathLike[str] | None, fmt: str, output: str | PathLike[str] | TextIO, **filters: Any
) -> ExportResult:
    """Write the stored events (filtered as `dossier events` filters) in a registered format."""
    from dossier.export import export_events as write_events
    from dossier.query import EventFilter
    from dossier.store import Store

    target = Path(output) if isinstance(output, str | PathLike) else output
    with Store(db, read_only=True) as store:
        return write_events(store.con, fmt, target, EventFilter(**filters))
