"""dossier: sourced, dated, queryable political events from news reports.

The public API, one façade for scripts, the CLI and the web:

    import dossier
    dossier.ingest_files(["reports/"], db="monitor.duckdb")    # analyse and store
    db = dossier.open("monitor.duckdb")                         # read: pandas DataFrames
    dossier.export_events("monitor.duckdb", "gdelt", "events.tsv")   # interchange formats
    for record in dossier.analyse_files(["report.txt"]): ...    # records, nothing stored

`Article` is what is analysed (text, title, published, url, outlet); `export_formats()`
names the formats; `DEFAULT_MODEL` is the spaCy pipeline used unless another is named.
`Analyser`, `Knowledge`, `Stage`, `register_stage`, `Exporter` and `register_exporter`
are the extension points; `codebook()` is the CAMEO codebook dossier ships. Everything
heavier than this module is imported on first use, so `import dossier` stays light.
(`ingest_files` and `export_events`, not `ingest` and `export`: those are the
subpackages.) The CLI and the web app are built on these names
(tests/test_frame_facade.py guards it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from dossier.errors import InputError
    from dossier.export import ExportResult
    from dossier.pipeline import Analyser
    from dossier.record import DocumentRecord
    from dossier.store.api import EventDatabase
    from dossier.store.ingest import IngestSummary

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MODEL",
    "Analyser",
    "Article",
    "Exporter",
    "Knowledge",
    "Stage",
    "__version__",
    "analyse_files",
    "codebook",
    "export_events",
    "export_formats",
    "ingest_files",
    "open",
    "register_exporter",
    "register_stage",
]

_LAZY = {
    "DEFAULT_MODEL": ("dossier.nlp", "DEFAULT_MODEL"),
    "Analyser": ("dossier.pipeline", "Analyser"),
    "Article": ("dossier.ingest", "Article"),
    "Knowledge": ("dossier.knowledge.bundle", "Knowledge"),
    "codebook": ("dossier.knowledge.codebook", "default_codebook"),
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
    path: str | PathLike[str] | None = None,
    model: str | None = None,
    *,
    writable: bool = False,
    analyser: Analyser | None = None,
    files: bool = True,
) -> EventDatabase:
    """The event database at `path` (default $DOSSIER_DB or ./dossier.duckdb), read-only
    unless `writable`: `.events(**filters)` gives a pandas DataFrame, `.extract(text,
    published=...)` a record (with `analyser` when given, else one loaded on first use).
    `files=False` opens it read-only for SQL from someone else: its queries reach no
    file but this database (no ATTACH, COPY, EXPORT or read_csv). Each query opens the
    file and closes it after, so `dossier ingest` can write beside it (docs/store.md)."""
    from dossier.nlp import DEFAULT_MODEL
    from dossier.store.api import open_database

    return open_database(
        path, model or DEFAULT_MODEL, writable=writable, analyser=analyser, files=files
    )


def analyse_files(
    paths: Iterable[str | PathLike[str]],
    *,
    published: date | None = None,
    model: str | None = None,
    actors: Sequence[str | PathLike[str]] = (),
    verbs: Sequence[str | PathLike[str]] = (),
) -> Iterator[DocumentRecord | InputError]:
    """One record per article in the files (as `dossier extract`), nothing stored; an
    input that cannot be read comes as an InputError in its place. The model and the
    knowledge files load here, so their errors are raised by this call."""
    from dossier.errors import InputError
    from dossier.ingest import read_articles
    from dossier.nlp import DEFAULT_MODEL
    from dossier.pipeline import Analyser

    analyser = Analyser(
        model=model or DEFAULT_MODEL,
        actors=tuple(map(Path, actors)),
        verbs=tuple(map(Path, verbs)),
    )
    articles = read_articles([str(p) for p in paths], published)
    return (item if isinstance(item, InputError) else analyser.analyse(item) for item in articles)


def ingest_files(
    paths: Iterable[str | PathLike[str]],
    db: str | PathLike[str] | None = None,
    *,
    published: date | None = None,
    workers: int = 1,
    actors: Sequence[str | PathLike[str]] = (),
    verbs: Sequence[str | PathLike[str]] = (),
    model: str | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Analyse the files and store their documents and events, as `dossier ingest` does;
    `on_progress` is called with the running totals."""
    with open(db, model, writable=True) as database:
        return database.ingest(
            paths,
            published=published,
            workers=workers,
            actors=actors,
            verbs=verbs,
            on_progress=on_progress,
        )


def export_events(
    db: str | PathLike[str] | None, fmt: str, output: str | PathLike[str] | TextIO, **filters: Any
) -> ExportResult:
    """Write the stored events (filtered as `dossier events` filters) in a registered format."""
    target = Path(output) if isinstance(output, str | PathLike) else output
    with open(db) as database:
        return database.export(fmt, target, **filters)


def export_formats() -> list[str]:
    """The names `export_events` takes: the built-in formats and any a package registers."""
    from dossier.export import registered_exporters

    return list(registered_exporters())
