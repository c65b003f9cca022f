"""The Python API: `dossier.open(path)` gives an `EventDatabase`.

    db = dossier.open("dossier.duckdb")
    db.events(dyad=("RUS", "PRK"), since="2000-06-01")     # a pandas DataFrame
    db.extract("Putin met Kim in Pyongyang.", published="2000-07-19")   # a DocumentRecord

DataFrames are pandas: DuckDB hands them over natively, and pandas is what most
analysts of GDELT and ICEWS files already use.
"""

from __future__ import annotations

from datetime import date
from os import PathLike
from types import TracebackType
from typing import TYPE_CHECKING

import pandas

from dossier.ingest import Article
from dossier.nlp import DEFAULT_MODEL
from dossier.query import EventFilter, events_sql, parse_dyad
from dossier.record import DocumentRecord
from dossier.store.database import Store

if TYPE_CHECKING:
    from dossier.pipeline import Analyser


class EventDatabase:
    """A read-only view of an event database, plus one-off extraction of a text."""

    def __init__(self, path: str | PathLike[str] | None = None, model: str = DEFAULT_MODEL) -> None:
        self.store = Store(path, read_only=True)
        self.model = model
        self._analyser: Analyser | None = None

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
        event_filter = EventFilter(
            actor=actor,
            country=country,
            dyad=parse_dyad(dyad) if isinstance(dyad, str) else dyad,
            plover_type=plover_type,
            cameo=cameo,
            since=_day(since),
            until=_day(until),
            modality=modality,
            text=text,
            limit=limit,
        )
        sql, params = events_sql(event_filter)
        return self.store.con.execute(sql, params).df()

    def sql(self, query: str) -> pandas.DataFrame:
        """Any read-only SQL over the tables (docs/store.md lists the schema)."""
        return self.store.con.execute(query).df()

    def extract(self, text: str, published: str | date | None = None) -> DocumentRecord:
        """Analyse one text (not stored); `published` anchors relative dates."""
        from dossier.pipeline import Analyser

        if self._analyser is None:
            self._analyser = Analyser(model=self.model)
        article = Article(text=text, published=_day(published))
        return self._analyser.analyse(article)


def _day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def open_database(
    path: str | PathLike[str] | None = None, model: str = DEFAULT_MODEL
) -> EventDatabase:
    return EventDatabase(path, model)
