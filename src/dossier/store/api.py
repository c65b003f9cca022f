"""The Python API: `dossier.open(path)` gives an `EventDatabase`.

    db = dossier.open("dossier.duckdb")
    db.events(dyad=("RUS", "PRK"), since="2000-06-01")     # a pandas DataFrame
    db.extract("Putin met Kim in Pyongyang.", published="2000-07-19")   # a DocumentRecord

DataFrames are pandas: DuckDB hands them over natively, and pandas is what most
analysts of GDELT and ICEWS files already use. The `*_rows` queries give the same
answers as plain Python values (dates stay dates, NULL stays None): what the CLI prints.
The CLI and the web go through this class, so a script sees what they see.

Each query opens the file read-only and closes it when done: a database held open
would keep `dossier ingest` from writing its next batch. So a query sees every
document committed before it began, and waits out a write window in progress.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
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
    run_limited,
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

    Holds the file only while a query runs (or, writable, while it writes), so another
    process can ingest meanwhile. Safe to share between threads: each query has a
    connection of its own, and articles are analysed and written one at a time."""

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
        self.store.release()  # opened to check it; each query opens it again
        self.model = model
        self._analyser = analyser
        self._analysis_lock = threading.Lock()
        self._write_lock = threading.Lock()  # one thread at a time in `store.con`

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
        """A read-only connection of its own, for one request: close it when done, since
        no other process can write the file while it is open."""
        return self.store.reader()

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection for the block, closed at its end:
        `with db.connection() as con: con.execute(sql).pl()`."""
        con = self.store.reader()
        try:
            yield con
        finally:
            con.close()

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
        with self.connection() as con:
            return con.execute(sql, params).df()

    def event_rows(self, **filters: Any) -> Table:
        """`events` as plain rows; a malformed dyad raises ValueError."""
        event_filter = _event_filter(**filters)  # a bad dyad fails before the file opens
        with self.connection() as con:
            return find_events(con, event_filter)

    def count_events(self, **filters: Any) -> int:
        """How many events pass the filters (the limit aside)."""
        event_filter = _event_filter(**filters)  # a bad dyad fails before the file opens
        with self.connection() as con:
            return count_events(con, event_filter)

    def actor_rows(self, like: str | None = None, limit: int | None = None) -> Table:
        """Actors by name: mentions, documents, events, first and last seen."""
        with self.connection() as con:
            return actors(con, like, limit)

    def timeline_rows(self, actor: str, by: str = "month") -> Table:
        """The actor's events per week, month or year, empty periods included."""
        with self.connection() as con:
            return timeline(con, actor, by)  # type: ignore[arg-type]

    def event_detail(self, event_id: str) -> EventDetail | None:
        """One event with its sentence, document and citations; None if there is none."""
        with self.connection() as con:
            return event_detail(con, event_id)

    def sql(self, query: str) -> pandas.DataFrame:
        """Any read-only SQL over the tables (docs/store.md lists the schema)."""
        with self.connection() as con:
            return con.execute(query).df()

    def sql_rows(self, query: str) -> Table:
        """`sql` as plain rows."""
        with self.connection() as con:
            return run_query(con, query)

    def limited_sql(self, query: str, max_rows: int, seconds: float) -> tuple[Table, bool]:
        """`sql_rows` for SQL someone else typed (open the database with `files=False`):
        at most `max_rows` rows and whether there were more; a TimeoutError after
        `seconds`."""
        with self.connection() as con:
            return run_limited(con, query, max_rows, seconds)

    def export(self, fmt: str, output: Path | TextIO, **filters: Any) -> ExportResult:
        """Write the filtered events in a registered format (`dossier.export_formats()`)."""
        from dossier.export import export_events

        event_filter = _event_filter(**filters)
        with self.connection() as con:
            return export_events(con, fmt, output, event_filter)

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
        with self._write_lock:  # a write window: the file is held for this write only
            try:
                self.store.write(outcome)
            finally:
                self.store.release()
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
