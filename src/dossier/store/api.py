"""The Python API: `dossier.open(path)` gives an `EventDatabase`.

    db = dossier.open("dossier.duckdb")
    db.events(dyad=("RUS", "PRK"), since="2000-06-01")     # a pandas DataFrame
    db.extract("Putin met Kim in Pyongyang.", published="2000-07-19")   # a DocumentRecord

DataFrames are pandas: DuckDB hands them over natively, and pandas is what most
analysts of GDELT and ICEWS files already use. The `*_rows` queries give the same
answers as plain Python values (dates stay dates, NULL stays None): what the CLI prints.
The CLI and the web go through this class, so a script sees what they see.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from os import PathLike
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

import duckdb
import pandas

from dossier.errors import InputError
from dossier.ingest import Article
from dossier.nlp import DEFAULT_MODEL
from dossier.query import (
    EventDetail,
    EventFilter,
    Table,
    actors,
    count_events,
    event_detail,
    events_sql,
    find_events,
    parse_dyad,
    run_query,
    timeline,
)
from dossier.record import DocumentRecord
from dossier.store.database import Store

if TYPE_CHECKING:
    from dossier.export import ExportResult
    from dossier.pipeline import Analyser
    from dossier.store.ingest import IngestSummary
    from dossier.store.rows import DocumentRows


class EventDatabase:
    """An event database, read-only unless opened `writable`; one-off extraction of a text.

    Safe to share between threads: each thread reads through its own `cursor()`, and
    articles are analysed and written one at a time."""

    def __init__(
        self,
        path: str | PathLike[str] | None = None,
        model: str = DEFAULT_MODEL,
        *,
        writable: bool = False,
        analyser: Analyser | None = None,
        files: bool = True,
    ) -> None:
        self.store = Store(path, read_only=not writable, files=files)
        self.model = model
        self._analyser = analyser
        self._analysis_lock = threading.Lock()
        # DuckDB's connection object is not for two threads at once: held while it writes
        # or hands out a cursor.
        self._connection_lock = threading.Lock()

    def __enter__(self) -> EventDatabase:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    @property
    def path(self) -> Path:
        """The database file (resolved from $DOSSIER_DB or the default when none was given)."""
        return self.store.path

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A DuckDB cursor of its own, for reading from another thread."""
        with self._connection_lock:
            return self.store.con.cursor()

    def events(
        self,
        actor: str | None = None,
        country: str | None = None,
        dyad: str | tuple[str, str] | None = None,
        plover_type: str | None = None,
        cameo: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        modality: str | None = None,
        text: str | None = None,
        limit: int | None = None,
    ) -> pandas.DataFrame:
        """The events passing every given filter (see `dossier events --help`), oldest first."""
        event_filter = _event_filter(
            actor=actor,
            country=country,
            dyad=dyad,
            plover_type=plover_type,
            cameo=cameo,
            since=since,
            until=until,
            modality=modality,
            text=text,
            limit=limit,
        )
        sql, params = events_sql(event_filter)
        return self.store.con.execute(sql, params).df()

    def event_rows(self, **filters: Any) -> Table:
        """`events` as plain rows; a malformed dyad raises ValueError."""
        return find_events(self.store.con, _event_filter(**filters))

    def count_events(self, **filters: Any) -> int:
        """How many events pass the filters (the limit aside)."""
        return count_events(self.store.con, _event_filter(**filters))

    def actor_rows(self, like: str | None = None, limit: int | None = None) -> Table:
        """Actors by name: mentions, documents, events, first and last seen."""
        return actors(self.store.con, like, limit)

    def timeline_rows(self, actor: str, by: str = "month") -> Table:
        """The actor's events per week, month or year, empty periods included."""
        return timeline(self.store.con, actor, by)  # type: ignore[arg-type]

    def event_detail(self, event_id: str) -> EventDetail | None:
        """One event with its sentence, document and citations; None if there is none."""
        return event_detail(self.store.con, event_id)

    def sql(self, query: str) -> pandas.DataFrame:
        """Any read-only SQL over the tables (docs/store.md lists the schema)."""
        return self.store.con.execute(query).df()

    def sql_rows(self, query: str) -> Table:
        """`sql` as plain rows."""
        return run_query(self.store.con, query)

    def export(self, fmt: str, output: Path | TextIO, **filters: Any) -> ExportResult:
        """Write the filtered events in a registered format (`dossier.export_formats()`)."""
        from dossier.export import export_events

        return export_events(self.store.con, fmt, output, _event_filter(**filters))

    def ingest(
        self,
        paths: Iterable[str | PathLike[str]],
        *,
        published: date | None = None,
        workers: int = 1,
        actors: Sequence[str | PathLike[str]] = (),
        verbs: Sequence[str | PathLike[str]] = (),
        on_progress: Callable[[IngestSummary], None] | None = None,
    ) -> IngestSummary:
        """Analyse the files and store their new or changed articles (needs `writable`)."""
        from dossier.store.ingest import ingest

        return ingest(
            [str(p) for p in paths],
            self.store,
            self.model,
            workers,
            published,
            on_progress,
            actors=[Path(p) for p in actors],
            verbs=[Path(p) for p in verbs],
        )

    def add_article(self, article: Article) -> DocumentRows:
        """Analyse one article and store it (needs `writable`); InputError if it fails."""
        from dossier.store.analysis import AnalysisJob, analyse_batch

        settings = json.dumps({"model": self.model}, sort_keys=True)
        with self._analysis_lock:
            (outcome,) = analyse_batch(self._loaded(), [AnalysisJob(article, None, settings)])
        if isinstance(outcome, InputError):
            raise outcome
        with self._connection_lock:
            self.store.write(outcome)
        return outcome

    def extract(self, text: str, published: str | date | None = None) -> DocumentRecord:
        """Analyse one text (not stored); relative dates are read against `published`."""
        article = Article(text=text, published=_day(published))
        with self._analysis_lock:
            return self._loaded().analyse(article)

    def _loaded(self) -> Analyser:
        """The analyser, loaded on first use: a database that is only read never pays for it."""
        from dossier.pipeline import Analyser

        if self._analyser is None:
            self._analyser = Analyser(model=self.model)
        return self._analyser


def _event_filter(
    dyad: str | tuple[str, str] | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    **others: Any,
) -> EventFilter:
    """The filter from keyword values: "RUS:PRK" and "2000-06-01" are read as the CLI reads them."""
    pair = parse_dyad(dyad) if isinstance(dyad, str) else dyad
    return EventFilter(dyad=pair, since=_day(since), until=_day(until), **others)


def _day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def open_database(
    path: str | PathLike[str] | None = None,
    model: str = DEFAULT_MODEL,
    *,
    writable: bool = False,
    analyser: Analyser | None = None,
    files: bool = True,
) -> EventDatabase:
    return EventDatabase(path, model, writable=writable, analyser=analyser, files=files)
