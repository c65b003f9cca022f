"""query: questions asked of the event database, as library functions the CLI and API share.

Public: `EventFilter` and `find_events(con, filter)` (the events, filtered), `actors`,
`timeline`, `event_detail` and `run_query` (any SQL).
"""

from __future__ import annotations

import duckdb

from dossier.query.filters import EVENT_COLUMNS, EventFilter, events_sql, parse_dyad
from dossier.query.reports import (
    EventDetail,
    Table,
    actors,
    count_events,
    event_detail,
    run_limited,
    run_query,
    timeline,
)

__all__ = [
    "EVENT_COLUMNS",
    "EventDetail",
    "EventFilter",
    "Table",
    "actors",
    "count_events",
    "event_detail",
    "events_sql",
    "find_events",
    "parse_dyad",
    "run_limited",
    "run_query",
    "timeline",
]


def find_events(con: duckdb.DuckDBPyConnection, event_filter: EventFilter) -> Table:
    """The events passing every filter, oldest first, each with its sentence."""
    sql, params = events_sql(event_filter)
    return run_query(con, sql, params)
