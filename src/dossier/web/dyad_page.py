"""The dyad page, `/dyads/A/B`, and its JSON, `/api/dyads/A/B`: what A and B did to
each other over time, in both directions, and the events with their sentences.

Each side is one actor, named as its actor page names it: by its canonical name,
exactly ("Kim Jong-il", not every name holding "Kim"), or its entity id; or a code
("RUS", "USAGOV"), matched as `dossier events --dyad` matches one, by CAMEO code prefix
or country. An event is A → B when its source matches A and its target B, B → A the
other way; the page lists both.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from dossier.web import charts
from dossier.web.listing import pager
from dossier.web.marks import Mark, marked_html
from dossier.web.pages import render
from dossier.web.params import Con, Page, Paging
from dossier.web.queries import (
    MONTHS_UP_TO,
    SENTENCE_SQL,
    WEEKS_UP_TO,
    Connection,
    _by_quad_class,
    exact_side,
)

router = APIRouter()
SOURCE = "FROM events e JOIN documents d USING (doc_id)"
Period = Query(None, pattern="^(week|month|year)$", description="week, month or year.")
EVENT_COLUMNS = (
    "e.event_id, e.doc_id, e.date_start, e.date_end, e.source_name, e.source_cameo,"
    " e.cameo_code, e.plover_type, e.target_name, e.target_cameo, e.modality, e.quad_class,"
    " e.goldstein, e.attribution, e.trigger, e.trigger_start - e.sentence_start AS trigger_from,"
    " e.trigger_end - e.sentence_start AS trigger_to"
)


def dyad_sides(request: Request) -> tuple[str, str]:
    """A and B of `/dyads/A/B` (each one path segment, so a name holding "/" is written
    %2F), read from the raw path, before the slashes are decoded."""
    raw = request.scope.get("raw_path") or request.url.path.encode()
    path = raw.decode("latin-1").split("?", 1)[0]
    _, _, rest = path.partition("/dyads/")
    parts = [unquote(part).strip() for part in rest.split("/")]
    if len(parts) != 2 or not all(parts):
        raise HTTPException(404, "a dyad is /dyads/A/B: two actors (names or codes such as RUS)")
    return parts[0], parts[1]


def _directed(a: str, b: str) -> tuple[str, list[object]]:
    """The condition of an event from A to B, over `events e`."""
    source, source_params = exact_side("source", a)
    target, target_params = exact_side("target", b)
    return f"({source} AND {target})", [*source_params, *target_params]


def dyad_totals(con: Connection, a: str, b: str) -> dict[str, int]:
    """How many events go A → B and B → A (an event matching both, as between A and
    itself, counts in each), how many of each are undated, and how many in all."""
    ab, ab_params = _directed(a, b)
    ba, ba_params = _directed(b, a)
    row = con.execute(
        f"SELECT count(*) FILTER ({ab}), count(*) FILTER ({ba}),"
        f" count(*) FILTER (({ab}) AND e.date_start IS NULL),"
        f" count(*) FILTER (({ba}) AND e.date_start IS NULL), count(*),"
        f" min(e.date_start), max(e.date_start) {SOURCE} WHERE ({ab}) OR ({ba})",
        [*ab_params, *ba_params, *ab_params, *ba_params, *ab_params, *ba_params],
    ).fetchone()
    keys = ("a_to_b", "b_to_a", "a_to_b_undated", "b_to_a_undated", "events")
    totals = dict(zip(keys, map(int, row[:5]), strict=True))
    days = (row[6] - row[5]).days if row[5] is not None else 0
    totals["by"] = "week" if days <= WEEKS_UP_TO else "month" if days <= MONTHS_UP_TO else "year"
    return totals


def dyad_periods(con: Connection, a: str, b: str, by: str) -> dict[str, list[dict[str, Any]]]:
    """The dated events of each direction per period and quad class, on the same
    periods (the first to the last event of either direction, the empty ones between
    included while there are at most MAX_FILLED_PERIODS)."""
    if by not in ("week", "month", "year"):
        raise ValueError(f"periods are week, month or year, not {by!r}")
    counted: dict[str, list[dict[str, Any]]] = {}
    for direction, (source, target) in (("a_to_b", (a, b)), ("b_to_a", (b, a))):
        where, params = _directed(source, target)
        counted[direction] = [
            {"period": p, "quad_class": q, "events": n}
            for p, q, n in con.execute(
                f"SELECT date_trunc('{by}', e.date_start)::DATE AS period, e.quad_class,"
                f" count(*) {SOURCE} WHERE ({where}) AND e.date_start IS NOT NULL"
                " GROUP BY ALL ORDER BY period, e.quad_class",
                params,
            ).fetchall()
        ]
    both = sorted(counted["a_to_b"] + counted["b_to_a"], key=lambda r: r["period"])
    if not both:
        return {"a_to_b": [], "b_to_a": []}
    periods = [p["period"] for p in _by_quad_class(con, both, by)]
    found = {}
    for direction, rows in counted.items():
        by_period: dict[Any, dict[int, int]] = {p: {} for p in periods}
        for row in rows:
            by_period[row["period"]][row["quad_class"]] = row["events"]
        found[direction] = [
            {"period": p, "by_quad_class": q, "events": sum(q.values())}
            for p, q in by_period.items()
        ]
    return found


def dyad_events(con: Connection, a: str, b: str, page: Paging) -> list[dict[str, Any]]:
    """A page of the events between A and B (either way), oldest first, each with its
    sentence, the trigger's place in it, and its direction."""
    ab, ab_params = _directed(a, b)
    ba, ba_params = _directed(b, a)
    cursor = con.execute(
        f"SELECT {EVENT_COLUMNS}, {SENTENCE_SQL} AS sentence, ({ab}) AS a_to_b,"
        f" ({ba}) AS b_to_a {SOURCE} WHERE ({ab}) OR ({ba})"
        " ORDER BY e.date_start NULLS LAST, e.doc_id, e.sentence_start, e.event_id"
        f" LIMIT {int(page.limit)} OFFSET {int(page.offset)}",
        [*ab_params, *ba_params, *ab_params, *ba_params],
    )
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def dyad_view(con: Connection, a: str, b: str, by: str | None, page: Paging) -> dict[str, Any]:
    """What the page and the JSON show: totals, periods of each direction, events."""
    totals = dyad_totals(con, a, b)
    by = by or totals.pop("by")
    totals.pop("by", None)
    return {
        "a": a,
        "b": b,
        "by": by,
        "totals": totals,
        "periods": dyad_periods(con, a, b, by),
        "events": dyad_events(con, a, b, page),
    }


@router.get("/api/dyads/{pair:path}", tags=["dyads"])
def api_dyad(request: Request, con: Con, page: Page, by: str | None = Period) -> dict[str, Any]:
    """The events between A and B (`/api/dyads/A/B`, each side a name or a code): how
    many each way (and undated), per period and quad class each way, and a page of the
    events with their sentences."""
    a, b = dyad_sides(request)
    view = dyad_view(con, a, b, by, page)
    later = page.offset + page.limit < view["totals"]["events"]
    view["next"] = (
        str(
            request.url.remove_query_params("page").include_query_params(
                offset=page.offset + page.limit
            )
        )
        if later
        else None
    )
    return view


@router.get("/dyads/{pair:path}", response_class=HTMLResponse, include_in_schema=False)
def dyad_page(request: Request, con: Con, page: Page, by: str | None = Period) -> HTMLResponse:
    """A ↔ B over time: a bar chart per direction, by quad class, and their events."""
    a, b = dyad_sides(request)
    view = dyad_view(con, a, b, by, page)
    for event in view["events"]:
        event["html"] = _sentence_html(event)
    return render(
        request,
        "dyad.html",
        **view,
        bars={d: charts.bar_chart(p, view["by"]) for d, p in view["periods"].items()},
        nav=pager(request, page, view["totals"]["events"]),
        page=page,
        reverse=f"/dyads/{quote(b, safe='')}/{quote(a, safe='')}",
    )


def _sentence_html(event: dict[str, Any]) -> Any:
    start, end = event["trigger_from"], event["trigger_to"]
    marks = [Mark(start, end, "trigger")] if start is not None and end is not None else []
    return marked_html(event["sentence"], marks)
