"""Reports over the event database: actors, timelines, one event in full, free SQL."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Literal

import duckdb

from dossier.query.filters import EventFilter, actor_condition, event_conditions

Connection = duckdb.DuckDBPyConnection
Period = Literal["week", "month", "year"]


@dataclass(frozen=True)
class Table:
    """Column names and rows, ready for printing or writing."""

    columns: list[str]
    rows: list[tuple]


def run_query(con: Connection, sql: str, params: list[object] | None = None) -> Table:
    cursor = con.execute(sql, params or [])
    return Table([d[0] for d in cursor.description], cursor.fetchall())


def run_limited(con: Connection, sql: str, max_rows: int, seconds: float) -> tuple[Table, bool]:
    """SQL someone typed: its first `max_rows` rows and whether it had more, stopped
    with a TimeoutError when it runs for longer than `seconds`. A statement without
    rows gives a table without columns; DuckDB's own errors pass through."""
    timer = threading.Timer(seconds, con.interrupt)
    timer.start()
    try:
        cursor = con.execute(sql)
        if cursor.description is None:
            return Table([], []), False
        rows = cursor.fetchmany(max_rows + 1)
    except duckdb.InterruptException:
        raise TimeoutError(f"the query ran for over {seconds:g} s and was stopped") from None
    finally:
        timer.cancel()
    return Table([d[0] for d in cursor.description], rows[:max_rows]), len(rows) > max_rows


_ACTORS_REPORT = """
WITH mentioned AS (
    SELECT en.name, mode(en.type) AS type, mode(en.country) AS country,
           mode(en.cameo) AS cameo, sum(en.mention_count) AS mentions,
           count(DISTINCT en.doc_id) AS documents,
           min(d.published) AS first_published, max(d.published) AS last_published
    FROM entities en JOIN documents d USING (doc_id)
    WHERE {entity_named}
    GROUP BY en.name
), acting AS (
    SELECT name, count(DISTINCT (doc_id, event_id)) AS events,
           min(date_start) AS first_event, max(date_start) AS last_event
    FROM event_actors WHERE {actor_named} GROUP BY name
)
SELECT name, type, country, cameo, coalesce(mentions, 0) AS mentions,
       coalesce(documents, 0) AS documents, coalesce(events, 0) AS events,
       least(first_published, first_event) AS first_seen,
       greatest(last_published, last_event) AS last_seen{listed}
FROM mentioned FULL OUTER JOIN acting USING (name)
WHERE ? IS NULL OR contains(lower(name), lower(?)) OR starts_with(upper(cameo), upper(?))
ORDER BY events DESC, mentions DESC, name
"""
# Its parameters: like, like, like (None for every actor).
ACTORS_SQL = _ACTORS_REPORT.format(entity_named="TRUE", actor_named="TRUE", listed="")
# The same, each line also saying how many lines there are (`listed`): a page of the
# report and its total from one computation of it.
COUNTED_ACTORS_SQL = _ACTORS_REPORT.format(
    entity_named="TRUE", actor_named="TRUE", listed=", count(*) OVER () AS listed"
)
# One actor's line, its name the first two parameters (then like, like, like): the name
# is kept before grouping, so the report is not computed for every other actor.
ONE_ACTOR_SQL = _ACTORS_REPORT.format(entity_named="en.name = ?", actor_named="name = ?", listed="")


def actors(con: Connection, like: str | None = None, limit: int | None = None) -> Table:
    """Every actor by name: mentions, documents, events, first and last seen.

    First and last seen span the publication dates of the documents that mention the
    actor and the dates of the events it takes part in.
    """
    sql = ACTORS_SQL + (f" LIMIT {int(limit)}" if limit else "")
    return run_query(con, sql, [like, like, like])


# Empty periods are listed between the first and the last only up to this many: one
# article dated year 1 and one dated 9999 would otherwise make 521,720 weeks.
MAX_FILLED_PERIODS = 1_000
PERIOD_DAYS = {"week": 7, "month": 30.44, "year": 365.25}


def timeline(con: Connection, actor: str, by: Period = "month") -> Table:
    """Events the actor takes part in (either side), per period; the empty periods
    between are included when there are at most MAX_FILLED_PERIODS of them in all."""
    if by not in ("week", "month", "year"):
        raise ValueError(f"timeline periods are week, month or year, not {by!r}")
    source, source_params = actor_condition("source", actor)
    target, target_params = actor_condition("target", actor)
    counted = run_query(
        con,
        f"""SELECT date_trunc('{by}', date_start)::DATE AS period, count(*) AS events
        FROM events WHERE date_start IS NOT NULL AND ({source} OR {target})
        GROUP BY period ORDER BY period""",
        source_params + target_params,
    )
    if not counted.rows or _periods_between(counted, by) > MAX_FILLED_PERIODS:
        return counted
    first, last = counted.rows[0][0], counted.rows[-1][0]
    filled = run_query(  # generate_series includes its end: no period past the last
        con,
        f"SELECT generate_series::DATE FROM generate_series(?::TIMESTAMP, ?::TIMESTAMP, "
        f"INTERVAL 1 {by})",
        [first, last],
    )
    events = dict(counted.rows)
    return Table(counted.columns, [(p, events.get(p, 0)) for (p,) in filled.rows])


def _periods_between(counted: Table, by: Period) -> float:
    first, last = counted.rows[0][0], counted.rows[-1][0]
    return (last - first).days / PERIOD_DAYS[by]


@dataclass
class EventDetail:
    """One event with everything needed to check it against its source."""

    event: dict[str, object]
    sentence: str
    trigger_at: tuple[int, int] | None
    document: dict[str, object]
    citations: list[dict[str, object]] = field(default_factory=list)


def event_detail(con: Connection, event_id: str) -> EventDetail | None:
    """The event, its sentence (trigger offsets relative to it), document and citations."""
    found = run_query(con, "SELECT * FROM events WHERE event_id = ? LIMIT 1", [event_id])
    if not found.rows:
        return None
    event = dict(zip(found.columns, found.rows[0], strict=True))
    doc = run_query(
        con,
        "SELECT doc_id, title, source_file, url, outlet, publication, published,"
        " published_inferred, dossier_version, model, text FROM documents WHERE doc_id = ?",
        [event["doc_id"]],
    )
    document = dict(zip(doc.columns, doc.rows[0], strict=True))
    text = str(document.pop("text"))
    start, end = int(event["sentence_start"]), int(event["sentence_end"])
    trigger_at = None
    if event["trigger_start"] is not None and event["trigger_end"] is not None:
        trigger_at = (int(event["trigger_start"]) - start, int(event["trigger_end"]) - start)
    cited = run_query(
        con,
        "SELECT c.idx, c.outlets, c.date_start, c.date_end, c.kind, c.text FROM citations c"
        " JOIN event_citations ec ON ec.doc_id = c.doc_id AND ec.citation_idx = c.idx"
        " WHERE ec.doc_id = ? AND ec.event_id = ? ORDER BY c.idx",
        [event["doc_id"], event_id],
    )
    citations = [dict(zip(cited.columns, row, strict=True)) for row in cited.rows]
    return EventDetail(event, text[start:end], trigger_at, document, citations)


def count_events(con: Connection, f: EventFilter) -> int:
    conditions, params = event_conditions(f)
    where = " AND ".join(conditions) or "TRUE"
    sql = f"SELECT count(*) FROM events e JOIN documents d USING (doc_id) WHERE {where}"
    return int(con.execute(sql, params).fetchone()[0])
