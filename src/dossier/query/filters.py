"""Event filters that compose: each given filter adds one condition, all must hold.

An actor is matched by code or by name. Capitals in blocks of three ("RUS", "USAGOV")
are a CAMEO code prefix (RUS matches RUSGOV) or a country; anything else is an entity
id or a case-insensitive part of the canonical name ("Putin", "kim"). A dyad "A:B" is
directed: A is the source and B the target. Dates select events whose date range
overlaps [since, until]; undated events are then left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

CODE_SHAPE = re.compile(r"(?:[A-Z]{3}){1,5}")
EVENT_COLUMNS = (
    "event_id",
    "date_start",
    "date_end",
    "source_name",
    "source_cameo",
    "cameo_code",
    "plover_type",
    "target_name",
    "target_cameo",
    "modality",
    "quad_class",
    "goldstein",
    "location_name",
    "trigger",
    "doc_id",
    "sentence",
)


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    plover_type: str | None = None
    cameo: str | None = None
    since: date | None = None
    until: date | None = None
    modality: str | None = None
    text: str | None = None
    limit: int | None = None


def parse_dyad(value: str) -> tuple[str, str]:
    """'RUS:PRK' -> ('RUS', 'PRK'); both sides are required."""
    source, sep, target = value.partition(":")
    if not sep or not source.strip() or not target.strip():
        raise ValueError(f"a dyad is SOURCE:TARGET, such as RUS:PRK, not {value!r}")
    return source.strip(), target.strip()


def looks_like_code(value: str) -> bool:
    """'RUS', 'RUSGOV', 'IGOUNO': capitals in blocks of three, as CAMEO writes actor codes."""
    return bool(CODE_SHAPE.fullmatch(value))


def actor_condition(side: str, value: str) -> tuple[str, list[object]]:
    """SQL matching one side ('source' or 'target') of an event against an actor.

    A value shaped like a CAMEO code matches code prefixes and countries only, so that
    'RUS' does not also find 'Brussels'; anything else matches an entity id or part of
    the canonical name, in any case."""
    if looks_like_code(value):
        sql = f"(starts_with({side}_cameo, ?) OR {side}_country = ?)"
        return sql, [value, value]
    # contains(), not ILIKE: a "%" or "_" the user types is a character, not a wildcard
    sql = f"({side}_entity = ? OR contains(lower({side}_name), lower(?)))"
    return sql, [value, value]


def event_conditions(f: EventFilter) -> tuple[list[str], list[object]]:
    """The WHERE conditions (over `events e` joined to `documents d`) and their parameters."""
    conditions: list[str] = []
    params: list[object] = []

    def add(sql: str, values: list[object]) -> None:
        conditions.append(sql)
        params.extend(values)

    if f.actor:
        source, source_params = actor_condition("source", f.actor)
        target, target_params = actor_condition("target", f.actor)
        add(f"({source} OR {target})", source_params + target_params)
    if f.dyad:
        source, source_params = actor_condition("source", f.dyad[0])
        target, target_params = actor_condition("target", f.dyad[1])
        add(f"({source} AND {target})", source_params + target_params)
    if f.country:
        add(
            "upper(?) IN (upper(source_country), upper(target_country), upper(location_country))",
            [f.country],
        )
    if f.plover_type:
        add("upper(plover_type) = upper(?)", [f.plover_type])
    if f.cameo:
        add("starts_with(cameo_code, ?)", [f.cameo])
    if f.since:
        add("date_end >= ?", [f.since])
    if f.until:
        add("date_start <= ?", [f.until])
    if f.modality:
        add("modality = lower(?)", [f.modality])
    if f.text:
        add(f"contains(lower({SENTENCE_SQL}), lower(?))", [f.text])
    return conditions, params


SENTENCE_SQL = "substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"


def events_sql(f: EventFilter) -> tuple[str, list[object]]:
    """The query listing the filtered events, oldest first, with their sentences."""
    conditions, params = event_conditions(f)
    where = " AND ".join(conditions) or "TRUE"
    columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS if c != "sentence")
    sql = (
        f"SELECT {columns}, {SENTENCE_SQL} AS sentence "
        f"FROM events e JOIN documents d USING (doc_id) WHERE {where} "
        "ORDER BY e.date_start NULLS LAST, e.doc_id, e.sentence_start, e.event_id"
    )
    if f.limit is not None:
        sql += f" LIMIT {int(f.limit)}"
    return sql, params
