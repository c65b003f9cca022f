"""The map page, `/map`: the events passing the filters of `/events`, one mark per place
they took place in, sized by how many; each mark, and each row of the table under the
map, opens the events at that place (the same filters and `place=NAME`).

A place is its name, compared in any case as the `place` filter compares it, so the
count a mark shows is the number of events its link lists.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from dossier.web import mapping
from dossier.web.pages import EVENT_FILTER_FIELDS, render
from dossier.web.params import Con, FilterForm, FilterInput, WebFilter
from dossier.web.queries import Connection, event_where

router = APIRouter(include_in_schema=False)
SOURCE = "FROM events e JOIN documents d USING (doc_id)"


def event_places(con: Connection, wf: WebFilter) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The places of the filtered events, busiest first, each with its name, country,
    coordinates (None when the gazetteer has none) and number of events; and how many
    events pass the filters, how many name a place and how many a place on the map."""
    where, params = event_where(wf)
    rows = con.execute(
        "SELECT lower(e.location_name), e.location_name, e.location_country, e.location_lat,"
        f" e.location_lon, count(*) {SOURCE} WHERE ({where}) AND e.location_name IS NOT NULL"
        " GROUP BY ALL",
        params,
    ).fetchall()
    total, placed = con.execute(
        f"SELECT count(*), count(e.location_name) {SOURCE} WHERE {where}", params
    ).fetchone()
    places = _merged(rows)
    located = sum(p["events"] for p in places if None not in (p["lat"], p["lon"]))
    return places, {"total": int(total), "placed": int(placed), "located": located}


def _merged(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """One place per name in any case: the events of all its spellings, the spelling
    and coordinates of its busiest row that has coordinates (else of its busiest)."""
    groups: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        groups.setdefault(row[0], []).append(row)
    places = []
    for group in groups.values():
        _, name, country, lat, lon, _ = max(group, key=lambda r: (r[3] is not None, r[5], r[1]))
        events = sum(r[5] for r in group)
        places.append({"name": name, "country": country, "lat": lat, "lon": lon, "events": events})
    return sorted(places, key=lambda p: (-p["events"], p["name"].casefold()))


def place_link(typed: dict[str, list[str]], name: str) -> str:
    """The events list of the same filters at the place `name` (any other place given
    is replaced)."""
    pairs = [(k, v) for k, values in typed.items() if k != "place" for v in values]
    return "/events?" + urlencode([*pairs, ("place", name)])


def _query(typed: dict[str, list[str]]) -> str:
    return urlencode([(k, v) for k, values in typed.items() for v in values])


def _drawn(
    con: Connection, given: FilterInput
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, int]]:
    """The map of the filter's places, the places (each with its link) and the counts;
    an empty world map when the filter has a problem."""
    places: list[dict[str, Any]] = []
    counts = {"total": 0, "placed": 0, "located": 0}
    if not given.problems and given.filter is not None:
        places, counts = event_places(con, given.filter)
    for place in places:
        place["href"] = place_link(given.typed, place["name"])
    return mapping.event_map(places), places, counts


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, given: FilterForm, con: Con) -> HTMLResponse:
    """The map of the filtered events' places. Bad filter values are listed above the
    form, which keeps what was typed (400), and nothing is searched."""
    drawn, places, counts = _drawn(con, given)
    response = render(
        request,
        "map.html",
        drawn=drawn,
        places=places,
        counts=counts,
        filters=given.typed,
        fields=EVENT_FILTER_FIELDS,
        problems=given.problems,
        events_href=f"/events?{_query(given.typed)}",
        svg_href=f"/map.svg?{_query(given.typed)}",
    )
    if given.problems:
        response.status_code = 400
    return response


@router.get("/map.svg")
def map_svg(request: Request, given: FilterForm, con: Con) -> Response:
    """The map alone, as an SVG file (its marks link to the events, as on the page); a
    bad filter is a 422 naming every problem, as the exports answer."""
    given.checked()
    drawn, _, _ = _drawn(con, given)
    svg = request.app.state.templates.get_template("map_svg.html").render(drawn=drawn)
    return Response(svg, media_type="image/svg+xml")
