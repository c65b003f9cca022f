"""The questions the web layer asks, on top of `dossier.query`: pages of events, one
document with its annotations, one actor with its counterparts, dyads and timelines.

Actors are named by their canonical name (the `actors` report groups by it), so an
actor's page and the timeline match names exactly, not by prefix as `--actor` does.
Every function takes an open DuckDB connection and returns plain dicts and lists,
ready for JSON or a template.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

import duckdb

from dossier.query import EventFilter, Table, event_detail, parse_dyad, run_query
from dossier.query.filters import (
    EVENT_COLUMNS,
    SENTENCE_SQL,
    actor_condition,
    event_conditions,
    looks_like_code,
)
from dossier.query.reports import (
    ACTORS_SQL,
    COUNTED_ACTORS_SQL,
    MAX_FILLED_PERIODS,
    ONE_ACTOR_SQL,
    PERIOD_DAYS,
)

if TYPE_CHECKING:
    from dossier.web.params import WebFilter

Connection = duckdb.DuckDBPyConnection
Row = dict[str, Any]

QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
# How sure the text is that the event happened; the timeline draws each group its own way.
MODALITY_SHAPES = {
    "asserted": "happened",
    "reported": "happened",
    "planned": "expected",
    "speculated": "expected",
    "hypothetical": "expected",
    "postponed": "expected",
    "negated": "not",
    "denied": "not",
    "cancelled": "not",
}


# The columns each list can be sorted by: the key a request names, and the column of the
# list's query it sorts. Only these constants reach the SQL, never the request's words.
# Names and texts sort regardless of case.
EVENT_SORTS = {
    "date_start": "date_start",
    "source_name": "lower(source_name)",
    "cameo_code": "cameo_code",
    "target_name": "lower(target_name)",
    "modality": "modality",
    "attribution": "nullif(lower(array_to_string(attribution, ', ')), '')",
    "sentence": "lower(sentence)",
}
DOCUMENT_SORTS = {
    "published": "published",
    "title": "lower(title)",
    "outlet": "lower(outlet)",
    "source_file": "lower(coalesce(source_file, url))",
    "n_events": "n_events",
    "n_entities": "n_entities",
    "characters": "characters",
}
ACTOR_SORTS = {"name": "lower(name)"} | {
    column: column
    for column in (
        "type",
        "country",
        "cameo",
        "events",
        "mentions",
        "documents",
        "first_seen",
        "last_seen",
    )
}
DOCUMENT_COLUMNS = (
    "doc_id, title, published, published_inferred, outlet, source_file, url,"
    " n_events, n_entities, length(text) AS characters"
)


@dataclass(frozen=True)
class Sort:
    """A list's order: one of its sort keys, ascending or descending (missing values last)."""

    column: str
    descending: bool = False


def _rows(con: Connection, sql: str, params: list[object] | None = None) -> list[Row]:
    table = run_query(con, sql, params)
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def _sorted(sql: str, sorts: Mapping[str, str], sort: Sort, tiebreak: str) -> str:
    """The query's rows in the sort's order, ties broken by `tiebreak`."""
    column = sorts[sort.column]  # a KeyError here means the key was never checked
    direction = "DESC" if sort.descending else "ASC"
    return f"SELECT * FROM ({sql}) ORDER BY {column} {direction} NULLS LAST, {tiebreak}"


def _window(sql: str, limit: int, offset: int = 0) -> str:
    return f"{sql} LIMIT {int(limit)} OFFSET {int(offset)}"


# The columns of a list row: those of `dossier events`, then where the event took place
# and whom the report credits, so a client need not ask for each event.
LIST_COLUMNS = (
    *(c for c in EVENT_COLUMNS if c not in ("trigger", "doc_id", "sentence")),
    "location_country",
    "location_lat",
    "location_lon",
    "attribution",
    "trigger",
    "doc_id",
)


def event_where(wf: WebFilter) -> tuple[str, list[object]]:
    """The WHERE clause of the filter (over `events e` joined to `documents d`): every
    field given must hold, by any one of its values. Public for the pages that ask
    their own question of the filtered events (the map's places)."""
    single = EventFilter(since=wf.since, until=wf.until, text=wf.text)
    conditions, params = event_conditions(single)
    for name, values in wf.choices:
        parts = [choice_condition(name, value) for value in values]
        conditions.append("(" + " OR ".join(sql for sql, _ in parts) + ")")
        params.extend(value for _, given in parts for value in given)
    if wf.goldstein_min is not None:
        conditions.append("e.goldstein >= ?")
        params.append(wf.goldstein_min)
    if wf.goldstein_max is not None:
        conditions.append("e.goldstein <= ?")
        params.append(wf.goldstein_max)
    return " AND ".join(conditions) or "TRUE", params


# an outlet in the event's attribution, its name compared in any case
CREDITED_SQL = (
    "EXISTS (SELECT 1 FROM unnest(e.attribution) AS credited(outlet)"
    " WHERE lower(credited.outlet) = lower(?))"
)
# The fields `dossier events` filters by (the web's name, EventFilter's): their values
# take the CLI's own conditions, so both read a value alike.
EVENT_FIELDS = {
    "actor": "actor",
    "dyad": "dyad",
    "country": "country",
    "type": "plover_type",
    "cameo": "cameo",
    "modality": "modality",
}
# The web's own fields: one value's condition, and how the value is passed to it.
CHOICE_SQL: dict[str, tuple[str, type]] = {
    "source_country": ("upper(e.source_country) = upper(?)", str),
    "target_country": ("upper(e.target_country) = upper(?)", str),
    "root": ("left(e.cameo_code, 2) = ?", str),
    "quad_class": ("e.quad_class = ?", int),
    "year": ("year(e.date_start) = ?", int),
    "outlet": (CREDITED_SQL, str),
    "place": ("lower(e.location_name) = lower(?)", str),
}


def choice_condition(name: str, value: str) -> tuple[str, list[object]]:
    """The condition an event meets when its field `name` holds `value`."""
    if name == "pair":  # the dyad page's own: each side exactly, as that page matches it
        source, target = parse_dyad(value)
        source_sql, source_params = exact_side("source", source)
        target_sql, target_params = exact_side("target", target)
        return f"({source_sql} AND {target_sql})", [*source_params, *target_params]
    if name in EVENT_FIELDS:
        given = parse_dyad(value) if name == "dyad" else value
        conditions, params = event_conditions(EventFilter(**{EVENT_FIELDS[name]: given}))
        return conditions[0], params
    sql, kind = CHOICE_SQL[name]
    return sql, [kind(value)]


def _events_sql(
    wf: WebFilter, sort: Sort | None, sentences: bool = True
) -> tuple[str, list[object]]:
    """The filtered events in order; without their sentences if not `sentences` (unless
    sorted by the sentence)."""
    where, params = event_where(wf)
    columns = ", ".join(f"e.{c}" for c in LIST_COLUMNS)
    if sentences or (sort is not None and sort.column == "sentence"):
        columns += f", {SENTENCE_SQL} AS sentence"
    sql = f"SELECT {columns} FROM events e JOIN documents d USING (doc_id) WHERE {where}"
    if sort is not None:  # the query unordered inside: DuckDB would sort it there too
        return _sorted(sql, EVENT_SORTS, sort, "date_start NULLS LAST, doc_id, event_id"), params
    return f"{sql} ORDER BY e.date_start NULLS LAST, e.doc_id, e.sentence_start, e.event_id", params


def event_page(
    con: Connection, wf: WebFilter, limit: int, offset: int, sort: Sort | None = None
) -> tuple[list[Row], int]:
    """One page of the filtered events (oldest first unless sorted) and how many pass.

    The sentences are cut from their documents for the page's events only, once the
    page is known: cut in the query that orders every event passing the filter, all of
    them were (a third of the page's time on 10,000 documents)."""
    sql, params = _events_sql(wf, sort, sentences=False)
    events = _rows(con, _window(sql, limit, offset), params)
    if events and "sentence" not in events[0]:
        _add_sentences(con, events)
    return events, event_count(con, wf)


def _add_sentences(con: Connection, events: list[Row]) -> None:
    found = con.execute(
        f"SELECT e.doc_id, e.event_id, {SENTENCE_SQL} FROM events e JOIN documents d"
        " USING (doc_id) JOIN (SELECT unnest(?) AS doc_id, unnest(?) AS event_id) page"
        " USING (doc_id, event_id)",
        [[e["doc_id"] for e in events], [e["event_id"] for e in events]],
    ).fetchall()
    sentences = {(doc_id, event_id): text for doc_id, event_id, text in found}
    for event in events:
        event["sentence"] = sentences[(event["doc_id"], event["event_id"])]


def event_count(con: Connection, wf: WebFilter) -> int:
    where, params = event_where(wf)
    sql = f"SELECT count(*) FROM events e JOIN documents d USING (doc_id) WHERE {where}"
    return int(con.execute(sql, params).fetchone()[0])


def event_table(con: Connection, wf: WebFilter, sort: Sort | None, cap: int) -> Table:
    """The filtered events in the page's order, at most `cap` of them."""
    sql, params = _events_sql(wf, sort)
    return run_query(con, _window(sql, cap), params)


@dataclass(frozen=True)
class Hint:
    """Why a filter shows nothing: the field and value that match no event (None for a
    combination of values that each match), and what to say."""

    field: str | None
    value: str | None
    text: str


def filter_hints(con: Connection, wf: WebFilter, total: int = 0) -> list[Hint]:
    """The filter's values that match no stored event on their own (with the nearest
    stored name when one is close). When nothing passes, every value is checked, and if
    each matches something, the hint says their combination is empty; otherwise only
    the values of fields given several (one of which may match nothing)."""

    def matches(condition: str, params: list[object]) -> bool:
        sql = (
            f"SELECT EXISTS (SELECT 1 FROM events e JOIN documents d USING (doc_id)"
            f" WHERE {condition})"
        )
        return bool(con.execute(sql, params).fetchone()[0])

    hints: list[Hint] = []
    for name, values in wf.choices:
        if total and len(values) < 2:
            continue
        for value in values:
            if not matches(*choice_condition(name, value)):
                said = _nothing_said(con, name, value)
                hints += [Hint(name, value, text) for text in said]
    if (
        not total
        and wf.text
        and not matches(f"contains(lower({SENTENCE_SQL}), lower(?))", [wf.text])
    ):
        hints.append(Hint("text", wf.text, f"no sentence contains {wf.text!r}"))
    if not total and not hints:
        hints.append(
            Hint(None, None, "each filter matches events on its own, but no event passes them all")
        )
    return hints


NAMES_SQL = (
    "SELECT DISTINCT name FROM (SELECT source_name AS name FROM events"
    " UNION SELECT target_name FROM events) LIMIT 50000"
)
# the stored values a value that matches nothing is compared with ("did you mean")
STORED_SQL = {
    "type": "SELECT DISTINCT plover_type FROM events",
    "outlet": "SELECT DISTINCT unnest(attribution) FROM events LIMIT 50000",
    "place": "SELECT DISTINCT location_name FROM events LIMIT 50000",
    "source_country": "SELECT DISTINCT source_country FROM events",
    "target_country": "SELECT DISTINCT target_country FROM events",
}


def _nothing_said(con: Connection, name: str, value: str) -> list[str]:
    """What to say of a value of the field `name` that matches no event."""

    def near(sql: str) -> str:
        names = [row[0] for row in con.execute(sql).fetchall() if row[0]]
        close = _closest(value, names)
        return f"; did you mean {close!r}?" if close else ""

    if name == "actor":
        return [f"no actor matches {value!r}{near(NAMES_SQL)}"]
    if name in ("dyad", "pair"):
        said = []
        for side, part in zip(("source", "target"), parse_dyad(value), strict=True):
            sql, params = (exact_side if name == "pair" else actor_condition)(side, part)
            if not con.execute(
                f"SELECT EXISTS (SELECT 1 FROM events e WHERE {sql})", params
            ).fetchone()[0]:
                said.append(f"no {side} actor matches {part!r}{near(NAMES_SQL)}")
        return said or [f"no event has the {name} {value!r}"]
    if name == "modality":
        found = con.execute("SELECT DISTINCT modality FROM events ORDER BY 1").fetchall()
        stored = ", ".join(row[0] for row in found)
        return [f"no event has the modality {value!r}; stored: {stored}"]
    said = {
        "country": f"no actor or place has the country {value!r}",
        "source_country": f"no event has source country {value!r}",
        "target_country": f"no event has target country {value!r}",
        "type": f"no event has the PLOVER type {value!r}",
        "cameo": f"no event has a CAMEO code starting with {value!r}",
        "root": f"no event has the CAMEO root {value!r}",
        "quad_class": f"no event has the quad class {value}",
        "outlet": f"no event is attributed to {value!r}",
        "place": f"no event took place in {value!r}",
        "year": f"no event starts in the year {value}",
    }[name]
    return [said + (near(STORED_SQL[name]) if name in STORED_SQL else "")]


def _closest(value: str, names: list[str]) -> str | None:
    """The stored name nearest to what was typed, whole or by one of its words."""
    typed = value.strip().casefold()
    best, score = None, 0.75
    for name in names:
        for part in (name, *name.split()):
            ratio = SequenceMatcher(None, typed, part.casefold()).ratio()
            if ratio > score:
                best, score = name, ratio
    return best


def event_provenance(con: Connection, event_id: str) -> Row | None:
    """The event with everything needed to check it: sentence, spans, document, citations.

    Spans (`trigger_at`, `source_at`, `target_at`) are offsets into the sentence."""
    detail = event_detail(con, event_id)
    if detail is None:
        return None
    event = detail.event
    start = int(event["sentence_start"])
    spans = {
        "trigger_at": detail.trigger_at,
        "source_at": _actor_span(con, event, "source", detail.sentence),
        "target_at": _actor_span(con, event, "target", detail.sentence),
    }
    return {
        "event": event,
        "sentence": detail.sentence,
        "sentence_start": start,
        **spans,
        **_neighbours(con, str(event["doc_id"]), int(event["sentence_idx"])),
        "document": detail.document,
        "citations": detail.citations,
    }


def _neighbours(con: Connection, doc_id: str, index: int) -> dict[str, str | None]:
    """The sentences just before and after, so the event is read in its place."""
    found = dict(
        con.execute(
            "SELECT idx, text FROM sentences WHERE doc_id = ? AND idx IN (?, ?)",
            [doc_id, index - 1, index + 1],
        ).fetchall()
    )
    return {"sentence_before": found.get(index - 1), "sentence_after": found.get(index + 1)}


def _actor_span(con: Connection, event: Row, side: str, sentence: str) -> tuple[int, int] | None:
    """Where the side's words stand in the sentence: its entity's mention there, else the
    first occurrence of the words the event recorded."""
    words = event[f"{side}_text"]
    start, end = int(event["sentence_start"]), int(event["sentence_end"])
    mentions = con.execute(
        "SELECT start_char, end_char, text FROM mentions WHERE doc_id = ? AND entity_id = ?"
        " AND start_char >= ? AND end_char <= ? ORDER BY (text = ?) DESC, start_char",
        [event["doc_id"], event[f"{side}_entity"], start, end, words],
    ).fetchall()
    if mentions:
        return mentions[0][0] - start, mentions[0][1] - start
    if words and (at := sentence.find(words)) >= 0:
        return at, at + len(words)
    return None


def _documents_sql(with_events: bool, sort: Sort | None) -> str:
    where = " WHERE n_events > 0" if with_events else ""
    sql = f"SELECT {DOCUMENT_COLUMNS} FROM documents{where}"
    return _sorted(sql, DOCUMENT_SORTS, sort or Sort("published", descending=True), "doc_id")


def document_page(
    con: Connection, limit: int, offset: int, sort: Sort | None = None, with_events: bool = False
) -> tuple[list[Row], int]:
    """One page of the stored documents (newest publication first unless sorted; with
    `with_events`, only those with events) and how many there are."""
    sql = _documents_sql(with_events, sort)
    total = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
    return _rows(con, _window(sql, limit, offset)), int(total)


def document_table(con: Connection, with_events: bool, sort: Sort | None, cap: int) -> Table:
    """The documents of the page, in its order, at most `cap` of them."""
    return run_query(con, _window(_documents_sql(with_events, sort), cap))


def count_documents(con: Connection, with_events: bool = False) -> int:
    sql = _documents_sql(with_events, None)
    return int(con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0])


def document_annotations(con: Connection, doc_id: str) -> Row | None:
    """The document, its text, and every mention, time expression, citation and event."""
    found = _rows(con, "SELECT * EXCLUDE (settings) FROM documents WHERE doc_id = ?", [doc_id])
    if not found:
        return None
    mentions = _rows(
        con,
        "SELECT m.start_char, m.end_char, m.text, e.entity_id, e.name, e.type, e.country,"
        " e.cameo FROM mentions m JOIN entities e USING (doc_id, entity_id)"
        " WHERE doc_id = ? ORDER BY m.start_char",
        [doc_id],
    )
    timexes = _rows(
        con,
        "SELECT idx, text, start_char, end_char, value_start, value_end, granularity, kind"
        " FROM timexes WHERE doc_id = ? ORDER BY start_char",
        [doc_id],
    )
    citations = _rows(
        con,
        "SELECT idx, outlets, date_start, date_end, kind, start_char, end_char, text"
        " FROM citations WHERE doc_id = ? ORDER BY start_char",
        [doc_id],
    )
    events = _rows(
        con,
        "SELECT event_id, sentence_idx, trigger, trigger_start, trigger_end, source_name,"
        " cameo_code, plover_type, target_name, modality, quad_class, date_start, date_end"
        " FROM events WHERE doc_id = ? ORDER BY sentence_start, trigger_start",
        [doc_id],
    )
    return {
        "document": found[0],
        "mentions": mentions,
        "timexes": timexes,
        "citations": citations,
        "events": events,
    }


def document_sentences(con: Connection, doc_id: str) -> list[Row]:
    """The document's sentences: index and character span, in order."""
    return _rows(
        con,
        "SELECT idx, start_char, end_char FROM sentences WHERE doc_id = ? ORDER BY start_char",
        [doc_id],
    )


def _actors_sql(sort: Sort | None, report: str = ACTORS_SQL) -> str:
    return report if sort is None else _sorted(report, ACTOR_SORTS, sort, "name")


def actor_page(
    con: Connection, like: str | None, limit: int, offset: int, sort: Sort | None = None
) -> tuple[list[Row], int]:
    """One page of the `actors` report (most events first unless sorted) and how many
    actors match: both from one computation of the report, but past its last page."""
    sql = _window(_actors_sql(sort, COUNTED_ACTORS_SQL), limit, offset)
    actors = _rows(con, sql, [like] * 3)
    listed = [actor.pop("listed") for actor in actors]
    return actors, int(listed[0]) if listed else count_actors(con, like)


def actor_table(con: Connection, like: str | None, sort: Sort | None, cap: int) -> Table:
    """The actors of the page, in its order, at most `cap` of them."""
    return run_query(con, _window(_actors_sql(sort), cap), [like] * 3)


def count_actors(con: Connection, like: str | None) -> int:
    return int(con.execute(f"SELECT count(*) FROM ({ACTORS_SQL})", [like] * 3).fetchone()[0])


def actor_summary(con: Connection, name: str) -> Row | None:
    """The actor's line of the `actors` report, matched by exact name."""
    found = _rows(con, ONE_ACTOR_SQL, [name, name, None, None, None])
    return found[0] if found else None


def actor_events(con: Connection, name: str, limit: int) -> list[Row]:
    """The events the actor takes part in, on either side, oldest first."""
    return _rows(
        con,
        "SELECT event_id, doc_id, date_start, date_end, source_name, cameo_code, plover_type,"
        " target_name, modality, quad_class, trigger FROM events"
        " WHERE source_name = ? OR target_name = ?"
        f" ORDER BY date_start NULLS LAST, doc_id, sentence_start LIMIT {int(limit)}",
        [name, name],
    )


def actor_periods(con: Connection, name: str, by: str = "month") -> list[Row]:
    """Events per period and quad class for the actor, empty periods included."""
    if by not in ("week", "month", "year"):
        raise ValueError(f"periods are week, month or year, not {by!r}")
    counted = _rows(
        con,
        f"SELECT date_trunc('{by}', date_start)::DATE AS period, quad_class, count(*) AS events"
        " FROM events WHERE date_start IS NOT NULL AND (source_name = ? OR target_name = ?)"
        " GROUP BY ALL ORDER BY period, quad_class",
        [name, name],
    )
    if not counted:
        return []
    return _by_quad_class(con, counted, by)


def _by_quad_class(con: Connection, counted: list[Row], by: str) -> list[Row]:
    """Counted (period, quad_class, events) rows as one row per period, the empty
    periods between included while there are at most MAX_FILLED_PERIODS of them (one
    event dated year 1 and one 9999 would make half a million weeks)."""
    first, last = counted[0]["period"], counted[-1]["period"]
    if (last - first).days / PERIOD_DAYS[by] > MAX_FILLED_PERIODS:
        periods = sorted({row["period"] for row in counted})
    else:  # generate_series includes its end: no period past the last (year 10000)
        found = con.execute(
            f"SELECT generate_series::DATE FROM generate_series(?::TIMESTAMP, ?::TIMESTAMP,"
            f" INTERVAL 1 {by})",
            [first, last],
        ).fetchall()
        periods = [row[0] for row in found]
    by_period: dict[Any, dict[int, int]] = {p: {} for p in periods}
    for row in counted:
        by_period[row["period"]][row["quad_class"]] = row["events"]
    return [
        {"period": p, "by_quad_class": q, "events": sum(q.values())} for p, q in by_period.items()
    ]


def counterpart_edges(con: Connection, name: str, limit: int = 12) -> list[Row]:
    """Who acts on whom among the actor and its busiest counterparts: one row per directed
    pair and quad class, with its event count."""
    counterparts = [
        row[0]
        for row in con.execute(
            "SELECT other, count(*) AS n FROM (SELECT CASE WHEN source_name = ? THEN target_name"
            " ELSE source_name END AS other FROM events WHERE (source_name = ? OR target_name = ?)"
            " AND source_name IS NOT NULL AND target_name IS NOT NULL) WHERE other <> ?"
            f" GROUP BY other ORDER BY n DESC, other LIMIT {int(limit)}",
            [name, name, name, name],
        ).fetchall()
    ]
    circle = [name, *counterparts]
    return _rows(
        con,
        "SELECT source_name AS source, target_name AS target, quad_class, count(*) AS events"
        " FROM events WHERE source_name IN ? AND target_name IN ? AND source_name <> target_name"
        " GROUP BY ALL ORDER BY events DESC, source, target",
        [circle, circle],
    )


def actor_mentions(con: Connection, name: str, limit: int) -> list[Row]:
    """Where the actor is named: each mention with its sentence and document."""
    return _rows(
        con,
        "SELECT m.doc_id, d.title, d.published, m.start_char, m.end_char, m.text,"
        " s.text AS sentence, s.start_char AS sentence_start"
        " FROM entities en JOIN mentions m USING (doc_id, entity_id)"
        " JOIN documents d USING (doc_id)"
        " LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.start_char <= m.start_char"
        " AND m.end_char <= s.end_char WHERE en.name = ?"
        f" ORDER BY d.published NULLS LAST, m.doc_id, m.start_char LIMIT {int(limit)}",
        [name],
    )


def dyad_page(con: Connection, actor: str | None, limit: int, offset: int) -> tuple[list[Row], int]:
    """Directed pairs of actors by event count, split by quad class; `actor` keeps the
    pairs with that exact name on either side."""
    where = "source_name IS NOT NULL AND target_name IS NOT NULL"
    params: list[object] = []
    if actor:
        where += " AND (source_name = ? OR target_name = ?)"
        params = [actor, actor]
    sql = (
        "SELECT source_name AS source, target_name AS target, count(*) AS events,"
        " count(*) FILTER (quad_class = 1) AS verbal_cooperation,"
        " count(*) FILTER (quad_class = 2) AS material_cooperation,"
        " count(*) FILTER (quad_class = 3) AS verbal_conflict,"
        " count(*) FILTER (quad_class = 4) AS material_conflict,"
        " min(date_start) AS first_event, max(date_end) AS last_event"
        f" FROM events WHERE {where} GROUP BY ALL"
    )
    rows = _rows(
        con,
        f"{sql} ORDER BY events DESC, source, target LIMIT {int(limit)} OFFSET {int(offset)}",
        params,
    )
    total = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    return rows, int(total)


def timeline_events(
    con: Connection,
    actor: str | None,
    dyad: tuple[str, str] | None,
    limit: int,
    pair: tuple[str, str] | None = None,
) -> list[Row]:
    """Dated events of an actor (either side) or a directed dyad, matched as `dossier events`
    matches them (a `pair` matched exactly, as the dyad page does), by real event date;
    each has `shape`: happened, expected (planned, speculated, ...) or not (negated,
    denied, cancelled)."""
    sql, params = _timeline_sql(actor, dyad, pair)
    events = _rows(con, _window(sql, limit), params)
    for event in events:
        event["shape"] = MODALITY_SHAPES.get(event["modality"], "happened")
    return events


def _timeline_sql(
    actor: str | None, dyad: tuple[str, str] | None, pair: tuple[str, str] | None = None
) -> tuple[str, list[object]]:
    conditions, params = event_conditions(EventFilter(actor=actor, dyad=dyad))
    if pair is not None:
        exact, exact_params = choice_condition("pair", f"{pair[0]}:{pair[1]}")
        conditions, params = [*conditions, exact], [*params, *exact_params]
    where = " AND ".join(["e.date_start IS NOT NULL", *conditions])
    sql = (
        "SELECT e.event_id, e.doc_id, e.date_start, e.date_end, e.date_text, e.source_name,"
        " e.cameo_code, e.plover_type, e.target_name, e.modality, e.quad_class, e.trigger"
        f" FROM events e JOIN documents d USING (doc_id) WHERE {where}"
        " ORDER BY e.date_start, e.date_end, e.doc_id, e.sentence_start, e.event_id"
    )
    return sql, params


def timeline_table(
    con: Connection,
    actor: str | None,
    dyad: tuple[str, str] | None,
    cap: int,
    pair: tuple[str, str] | None = None,
) -> tuple[Table, int]:
    """The timeline's events, at most `cap` of them, and how many there are."""
    sql, params = _timeline_sql(actor, dyad, pair)
    total = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    return run_query(con, _window(sql, cap), params), int(total)


# How long a filtered range may be (in days) for the events page to count it per week,
# then per month; longer ranges are counted per year.
WEEKS_UP_TO = 120
MONTHS_UP_TO = 6 * 366


def event_periods(con: Connection, wf: WebFilter) -> tuple[str, list[Row], int]:
    """The filtered events counted per period and quad class, as the events page charts
    them: the period (week, month or year, by how long the dated events' range is), the
    periods from the first to the last (empty ones included while there are at most
    MAX_FILLED_PERIODS), and how many of the filtered events are undated."""
    where, params = event_where(wf)
    source = f"FROM events e JOIN documents d USING (doc_id) WHERE {where}"
    first, last, undated = con.execute(
        f"SELECT min(e.date_start), max(e.date_start), count(*) FILTER (e.date_start IS NULL)"
        f" {source}",
        params,
    ).fetchone()
    if first is None:
        return "month", [], int(undated)
    days = (last - first).days
    by = "week" if days <= WEEKS_UP_TO else "month" if days <= MONTHS_UP_TO else "year"
    counted = _rows(
        con,
        f"SELECT date_trunc('{by}', e.date_start)::DATE AS period, e.quad_class,"
        f" count(*) AS events {source} AND e.date_start IS NOT NULL"
        " GROUP BY ALL ORDER BY period, e.quad_class",
        params,
    )
    return by, _by_quad_class(con, counted, by), int(undated)


@dataclass(frozen=True)
class FacetSpec:
    """A facet of the events list: the filter field its values set, and the value of an
    event (SQL over `events e`), a list of values for a facet whose events may hold
    several (each counted under every one)."""

    field: str
    value_sql: str
    several: bool = False
    caseless: bool = False  # values differing only in case are one (as its filter has it)


def _or_none(values_sql: str) -> str:
    """The distinct values of a list (list_distinct drops NULLs), or [NULL] when it has
    none: such an event counts once, under None."""
    return (
        f"CASE WHEN len(list_distinct({values_sql})) = 0 THEN [NULL::VARCHAR]"
        f" ELSE list_distinct({values_sql}) END"
    )


# The facets of /events, in the order shown. An event credited to no outlet counts once
# under None, as an undated one does for the year. The country facet counts an event
# under the countries of its source, its target and its place, as the `country`
# filter matches it.
FACETS = (
    FacetSpec("root", "left(e.cameo_code, 2)"),
    FacetSpec("quad_class", "e.quad_class"),
    FacetSpec("type", "upper(e.plover_type)"),
    FacetSpec("modality", "e.modality"),
    FacetSpec(
        "country",
        _or_none("[upper(e.source_country), upper(e.target_country), upper(e.location_country)]"),
        several=True,
    ),
    FacetSpec("source_country", "e.source_country"),
    FacetSpec("target_country", "e.target_country"),
    FacetSpec("place", "e.location_name", caseless=True),
    FacetSpec("outlet", _or_none("e.attribution"), several=True),
    FacetSpec("year", "year(e.date_start)"),
)
FacetCounts = dict[str, list[tuple[str | None, int]]]


def facet_counts(con: Connection, wf: WebFilter) -> FacetCounts:
    """For each facet, its values (as text; None for events without one) with their
    numbers of events, most events first.

    The events counted for a facet are those of the filter without the facet's own
    field: for a field with no value chosen, the list's events; for one with values
    chosen, their counts add up to the list's total, and each other value says how many
    events choosing it too would add. Facets over the same events share one scan of
    them, and all are counted in one query."""
    sources = {spec.field: wf.without(spec.field) for spec in FACETS}
    scans = list(dict.fromkeys(sources.values()))
    columns = ", ".join(f"{spec.value_sql} AS {spec.field}" for spec in FACETS)
    ctes, params = [], []
    for i, scan in enumerate(scans):
        where, given = event_where(scan)
        ctes.append(
            f"f{i} AS MATERIALIZED (SELECT {columns}"
            f" FROM events e JOIN documents d USING (doc_id) WHERE {where})"
        )
        params += given
    counts = []
    for spec in FACETS:
        scan = f"f{scans.index(sources[spec.field])}"
        value = f"unnest({spec.field})" if spec.several else spec.field
        # a caseless value reads as its first spelling in sort order ("MOSCOW", "Moscow")
        shown, key = ("min(value)", "lower(value)") if spec.caseless else ("value", "value")
        counts.append(
            f"SELECT '{spec.field}' AS facet, {shown}::VARCHAR AS value, count(*) AS n"
            f" FROM (SELECT {value} AS value FROM {scan}) GROUP BY {key}"
        )
    sql = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(counts)
    found: FacetCounts = {spec.field: [] for spec in FACETS}
    for facet, value, n in con.execute(sql, params).fetchall():
        found[facet].append((value, int(n)))
    for values in found.values():
        values.sort(key=lambda vn: (-vn[1], vn[0] is None, vn[0] or ""))
    return found


def exact_side(side: str, actor: str) -> tuple[str, list[object]]:
    """The condition of an event whose `side` ('source' or 'target') is exactly the actor
    (its canonical name or entity id), or any actor of a code such as RUS."""
    if looks_like_code(actor):
        return actor_condition(side, actor)
    return f"(e.{side}_name = ? OR e.{side}_entity = ?)", [actor, actor]
