"""Request parameters shared by the JSON API and the pages, so both read them alike.

Filters arrive from HTML forms too, where an empty box sends an empty string: empty
means "no filter". Paging has a ceiling a client cannot raise.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated

import duckdb
from fastapi import Depends, HTTPException, Query, Request

from dossier.query import EventFilter, parse_dyad

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}."),
    offset: int = Query(0, ge=0, le=10_000_000),
    page: int | None = Query(
        None, ge=1, le=10_000_000, description="Page number (from 1); replaces offset."
    ),
) -> Paging:
    return Paging(limit, offset if page is None else (page - 1) * limit)


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own for each request: DuckDB connections are not shared by threads."""
    cursor = request.app.state.database.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


FILTER_NAMES = (
    "actor",
    "dyad",
    "country",
    "type",
    "cameo",
    "since",
    "until",
    "modality",
    "quad_class",
    "goldstein_min",
    "goldstein_max",
    "outlet",
    "text",
)
GOLDSTEIN_RANGE = (-10.0, 10.0)


@dataclass(frozen=True)
class WebFilter:
    """The filters of `dossier events` and the web's own: quad classes, a Goldstein range
    and an outlet the event is attributed to (its exact name, in any case)."""

    events: EventFilter
    quad_classes: tuple[int, ...] = ()
    goldstein_min: float | None = None
    goldstein_max: float | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class FilterInput:
    """The filter boxes as the user typed them, every problem found in them, and the
    filter they make (None when there is a problem)."""

    typed: dict[str, str]
    problems: list[str]
    filter: WebFilter | None

    def checked(self) -> WebFilter:
        """The filter; a 422 naming every problem when there is any."""
        if self.filter is None:
            raise HTTPException(422, "; ".join(self.problems))
        return self.filter


def filter_input(
    actor: str | None = Query(None, description="Either side: CAMEO prefix, country or name."),
    country: str | None = Query(None, description="Either actor's or the place's (alpha-3)."),
    dyad: str | None = Query(None, description="SOURCE:TARGET, each matched like actor."),
    type: str | None = Query(None, description="PLOVER event type, e.g. CONSULT."),  # noqa: A002
    cameo: str | None = Query(None, description="CAMEO event code prefix, e.g. 04."),
    since: str | None = Query(None, description="Events ending on or after (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Events starting on or before (YYYY-MM-DD)."),
    modality: str | None = Query(None, description="asserted, reported, planned, ..."),
    quad_class: str | None = Query(
        None, description="Quad class 1 to 4, or several comma-separated (3,4)."
    ),
    goldstein_min: str | None = Query(None, description="Goldstein score at least (-10 to 10)."),
    goldstein_max: str | None = Query(None, description="Goldstein score at most (-10 to 10)."),
    outlet: str | None = Query(
        None, description="An outlet the event is attributed to: its exact name, any case."
    ),
    text: str | None = Query(None, description="Words the sentence contains (any case)."),
) -> FilterInput:
    """The filters, read without stopping at the first bad value: every problem is kept."""
    raw = {
        "actor": actor,
        "dyad": dyad,
        "country": country,
        "type": type,
        "cameo": cameo,
        "since": since,
        "until": until,
        "modality": modality,
        "quad_class": quad_class,
        "goldstein_min": goldstein_min,
        "goldstein_max": goldstein_max,
        "outlet": outlet,
        "text": text,
    }
    typed = {k: v for k, v in raw.items() if v is not None and v.strip()}
    problems: list[str] = []

    def attempt(read, value):  # noqa: ANN001, ANN202
        try:
            return read(value)
        except ValueError as error:
            problems.append(str(error))
            return None

    first = attempt(lambda v: _day(v, "since"), since)
    last = attempt(lambda v: _day(v, "until"), until)
    if first and last and first > last:
        problems.append(f"since ({first}) is after until ({last}): no day is in between")
    pair = attempt(_dyad, dyad)
    quads = attempt(_quad_classes, quad_class) or ()
    low = attempt(lambda v: _goldstein(v, "goldstein_min"), goldstein_min)
    high = attempt(lambda v: _goldstein(v, "goldstein_max"), goldstein_max)
    if low is not None and high is not None and low > high:
        problems.append(f"goldstein_min ({low:g}) is above goldstein_max ({high:g})")
    if problems:
        return FilterInput(typed, problems, None)
    events = EventFilter(
        actor=_given(actor),
        country=_given(country),
        dyad=pair,
        plover_type=_given(type),
        cameo=_given(cameo),
        since=first,
        until=last,
        modality=_given(modality),
        text=_given(text),
    )
    return FilterInput(typed, [], WebFilter(events, quads, low, high, _given(outlet)))


def event_filter(given: Annotated[FilterInput, Depends(filter_input)]) -> WebFilter:
    """The filter of an API or export route: a 422 naming every bad value."""
    return given.checked()


def _given(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _day(value: str | None, name: str) -> date | None:
    if not _given(value):
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{name} must be a date, YYYY-MM-DD, not {value!r}") from None


def _dyad(value: str | None) -> tuple[str, str] | None:
    return parse_dyad(str(value)) if _given(value) else None


def _quad_classes(value: str | None) -> tuple[int, ...]:
    if not _given(value):
        return ()
    parts = [part.strip() for part in str(value).split(",")]
    if not all(part in ("1", "2", "3", "4") for part in parts):
        raise ValueError(
            f"quad_class must be 1, 2, 3 or 4, or several comma-separated (3,4), not {value!r}"
        )
    return tuple(sorted({int(part) for part in parts}))


def _goldstein(value: str | None, name: str) -> float | None:
    if not _given(value):
        return None
    low, high = GOLDSTEIN_RANGE
    try:
        number = float(str(value).strip())
    except ValueError:
        number = None
    if number is None or not low <= number <= high:  # NaN fails the comparison too
        raise ValueError(f"{name} must be a number from {low:g} to {high:g}, not {value!r}")
    return number


def dyad_param(value: str | None) -> tuple[str, str] | None:
    try:
        return _dyad(value)
    except ValueError as error:
        raise HTTPException(422, str(error)) from None


def filter_query(wf: WebFilter) -> dict[str, str]:
    """The filter as query parameters again (for page links), empty ones left out."""
    f = wf.events
    values = {
        "actor": f.actor,
        "dyad": ":".join(f.dyad) if f.dyad else None,
        "country": f.country,
        "type": f.plover_type,
        "cameo": f.cameo,
        "since": f.since,
        "until": f.until,
        "modality": f.modality,
        "quad_class": ",".join(map(str, wf.quad_classes)) or None,
        "goldstein_min": None if wf.goldstein_min is None else f"{wf.goldstein_min:g}",
        "goldstein_max": None if wf.goldstein_max is None else f"{wf.goldstein_max:g}",
        "outlet": wf.outlet,
        "text": f.text,
    }
    return {k: str(v) for k, v in values.items() if v is not None}


# Route parameters written as types, so each route only names what it needs.
Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
Filters = Annotated[WebFilter, Depends(event_filter)]
FilterForm = Annotated[FilterInput, Depends(filter_input)]
Page = Annotated[Paging, Depends(paging)]
