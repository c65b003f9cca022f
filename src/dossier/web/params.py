"""Request parameters shared by the JSON API and the pages, so both read them alike.

Filters arrive from HTML forms too, where an empty box sends an empty string: empty
means "no filter". Paging has a ceiling a client cannot raise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated

import duckdb
from fastapi import Depends, HTTPException, Query, Request

from dossier.query import parse_dyad

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


# The fields a filter may give several values of (`?root=19&root=14`): an event passes
# a field when it matches any of its values, and the filter when it passes every field
# given. The others take one value each: a date range, a Goldstein range, words.
CHOICE_FIELDS = (
    "actor",
    "dyad",
    "pair",
    "country",
    "source_country",
    "target_country",
    "type",
    "cameo",
    "root",
    "quad_class",
    "modality",
    "outlet",
    "place",
    "year",
)
SINGLE_FIELDS = ("since", "until", "goldstein_min", "goldstein_max", "text")
FILTER_NAMES = (*CHOICE_FIELDS, *SINGLE_FIELDS)
GOLDSTEIN_RANGE = (-10.0, 10.0)
ROOT_SHAPE = re.compile(r"\d\d")
YEAR_SHAPE = re.compile(r"\d{4}")

Choices = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class WebFilter:
    """The filters of `dossier events` and the web's own: each of the CHOICE_FIELDS with
    its values (stripped, each once, in the order given; quad classes split at commas,
    dyads written SOURCE:TARGET), and the single-valued ones."""

    choices: Choices = ()
    since: date | None = None
    until: date | None = None
    goldstein_min: float | None = None
    goldstein_max: float | None = None
    text: str | None = None

    def values(self, name: str) -> tuple[str, ...]:
        """The values given for one of the CHOICE_FIELDS (none: the field is not filtered)."""
        return dict(self.choices).get(name, ())

    @property
    def quad_classes(self) -> tuple[int, ...]:
        return tuple(sorted(int(q) for q in self.values("quad_class")))

    def without(self, name: str) -> WebFilter:
        """The same filter, with no condition on the field `name`."""
        return replace(self, choices=tuple((k, v) for k, v in self.choices if k != name))


@dataclass(frozen=True)
class FilterInput:
    """The filter boxes as the user typed them (each field's non-empty values), every
    problem found in them, and the filter they make (None when there is a problem)."""

    typed: dict[str, list[str]]
    problems: list[str]
    filter: WebFilter | None

    def checked(self) -> WebFilter:
        """The filter; a 422 naming every problem when there is any."""
        if self.filter is None:
            raise HTTPException(422, [_query_problem(p) for p in self.problems])
        return self.filter


# A filter that may be repeated (`?root=19&root=14`): any of its values will do.
Several = list[str] | None
OR = " Repeat it for any of several values."
Actors = Annotated[Several, Query(description="Either side: CAMEO prefix, country or name." + OR)]
Countries = Annotated[Several, Query(description="Either actor's or the place's (alpha-3)." + OR)]
SourceCountries = Annotated[Several, Query(description="The source actor's country." + OR)]
TargetCountries = Annotated[Several, Query(description="The target actor's country." + OR)]
Dyads = Annotated[Several, Query(description="SOURCE:TARGET, each matched like actor." + OR)]
Pairs = Annotated[
    Several,
    Query(description="SOURCE:TARGET, each an actor's exact name, entity id or a code." + OR),
]
Types = Annotated[Several, Query(description="PLOVER event type, e.g. CONSULT." + OR)]
Cameos = Annotated[Several, Query(description="CAMEO event code prefix, e.g. 04." + OR)]
Roots = Annotated[Several, Query(description="CAMEO root code, two digits: 19 (Fight)." + OR)]
QuadClasses = Annotated[
    Several, Query(description="Quad class 1 to 4, or several comma-separated (3,4)." + OR)
]
Modalities = Annotated[Several, Query(description="asserted, reported, planned, ..." + OR)]
Outlets = Annotated[
    Several, Query(description="An outlet the event is attributed to: exact name, any case." + OR)
]
Places = Annotated[
    Several, Query(description="The place the event took place in: exact name, any case." + OR)
]
Years = Annotated[Several, Query(description="The year the event starts in: 2000." + OR)]


def filter_input(
    actor: Actors = None,
    country: Countries = None,
    source_country: SourceCountries = None,
    target_country: TargetCountries = None,
    dyad: Dyads = None,
    pair: Pairs = None,
    type: Types = None,  # noqa: A002
    cameo: Cameos = None,
    root: Roots = None,
    quad_class: QuadClasses = None,
    modality: Modalities = None,
    outlet: Outlets = None,
    place: Places = None,
    year: Years = None,
    since: str | None = Query(None, description="Events ending on or after (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Events starting on or before (YYYY-MM-DD)."),
    goldstein_min: str | None = Query(None, description="Goldstein score at least (-10 to 10)."),
    goldstein_max: str | None = Query(None, description="Goldstein score at most (-10 to 10)."),
    text: str | None = Query(None, description="Words the sentence contains (any case)."),
) -> FilterInput:
    """The filters, read without stopping at the first bad value: every problem is kept."""
    several = {
        "actor": actor,
        "dyad": dyad,
        "pair": pair,
        "country": country,
        "source_country": source_country,
        "target_country": target_country,
        "type": type,
        "cameo": cameo,
        "root": root,
        "quad_class": quad_class,
        "modality": modality,
        "outlet": outlet,
        "place": place,
        "year": year,
    }
    single = {
        "since": since,
        "until": until,
        "goldstein_min": goldstein_min,
        "goldstein_max": goldstein_max,
        "text": text,
    }
    typed = {k: [v for v in vs or () if v.strip()] for k, vs in several.items()}
    typed |= {k: [v] for k, v in single.items() if v is not None and v.strip()}
    typed = {k: typed[k] for k in FILTER_NAMES if typed.get(k)}
    problems: list[str] = []

    def attempt(read, value):  # noqa: ANN001, ANN202
        try:
            return read(value)
        except ValueError as error:
            problems.append(str(error))
            return None

    choices = []
    for name in CHOICE_FIELDS:
        read = CHOICE_READERS.get(name, _plain)
        values = [attempt(read, v) for v in typed.get(name, ())]
        kept = _once(part for value in values if value for part in value)
        if kept:
            choices.append((name, kept))
    first = attempt(lambda v: _day(v, "since"), since)
    last = attempt(lambda v: _day(v, "until"), until)
    if first and last and first > last:
        problems.append(f"since ({first}) is after until ({last}): no day is in between")
    low = attempt(lambda v: _goldstein(v, "goldstein_min"), goldstein_min)
    high = attempt(lambda v: _goldstein(v, "goldstein_max"), goldstein_max)
    if low is not None and high is not None and low > high:
        problems.append(f"goldstein_min ({low:g}) is above goldstein_max ({high:g})")
    if problems:
        return FilterInput(typed, problems, None)
    found = WebFilter(tuple(choices), first, last, low, high, _given(text))
    return FilterInput(typed, [], found)


def event_filter(given: Annotated[FilterInput, Depends(filter_input)]) -> WebFilter:
    """The filter of an API or export route: a 422 naming every bad value."""
    return given.checked()


def _given(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _once(values: Iterable[str]) -> tuple[str, ...]:
    """Each value once, in the order first given ("RUS" and "rus" differ: a code and a
    part of a name)."""
    return tuple(dict.fromkeys(values))


def _plain(value: str) -> tuple[str, ...]:
    return (value.strip(),)


def _day(value: str | None, name: str) -> date | None:
    if not _given(value):
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{name} must be a date, YYYY-MM-DD, not {value!r}") from None


def _dyad(value: str | None) -> tuple[str, str] | None:
    return parse_dyad(str(value)) if _given(value) else None


def _dyads(value: str) -> tuple[str, ...]:
    source, target = parse_dyad(value)
    return (f"{source}:{target}",)


def _quad_classes(value: str) -> tuple[str, ...]:
    parts = [part.strip() for part in value.split(",")]
    if not all(part in ("1", "2", "3", "4") for part in parts):
        raise ValueError(
            f"quad_class must be 1, 2, 3 or 4, or several comma-separated (3,4), not {value!r}"
        )
    return tuple(sorted(set(parts)))


def _root(value: str) -> tuple[str, ...]:
    if not ROOT_SHAPE.fullmatch(value.strip()):
        raise ValueError(f"root must be a CAMEO root code, two digits such as 19, not {value!r}")
    return (value.strip(),)


def _year(value: str) -> tuple[str, ...]:
    if not YEAR_SHAPE.fullmatch(value.strip()):
        raise ValueError(f"year must be a year of four digits such as 2000, not {value!r}")
    return (value.strip(),)


CHOICE_READERS: dict[str, Callable[[str], tuple[str, ...]]] = {
    "dyad": _dyads,
    "pair": _dyads,
    "quad_class": _quad_classes,
    "root": _root,
    "year": _year,
}


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


def dyad_param(value: str | None, name: str = "dyad") -> tuple[str, str] | None:
    try:
        return _dyad(value)
    except ValueError as error:
        raise HTTPException(422, [_query_problem(str(error), name)]) from None


def _query_problem(message: str, *field: str) -> dict[str, object]:
    """A bad query parameter as the API's 422 lists it (see schemas.Problem)."""
    return {"loc": ["query", *field], "msg": message, "type": "value_error"}


def filter_items(wf: WebFilter) -> list[tuple[str, str]]:
    """The filter as query parameters again (for links), one pair per value, in the
    order of FILTER_NAMES; a quad class "3,4" given as one value comes back as two."""
    single = {
        "since": wf.since,
        "until": wf.until,
        "goldstein_min": None if wf.goldstein_min is None else f"{wf.goldstein_min:g}",
        "goldstein_max": None if wf.goldstein_max is None else f"{wf.goldstein_max:g}",
        "text": wf.text,
    }
    items = [(name, value) for name in CHOICE_FIELDS for value in wf.values(name)]
    return items + [(k, str(v)) for k, v in single.items() if v is not None]


def filter_query(wf: WebFilter) -> dict[str, str | list[str]]:
    """The filter as query parameters: a field's value, or the list of its values when it
    has several; fields not given left out."""
    grouped: dict[str, list[str]] = {}
    for name, value in filter_items(wf):
        grouped.setdefault(name, []).append(value)
    return {k: v[0] if len(v) == 1 else v for k, v in grouped.items()}


# Route parameters written as types, so each route only names what it needs.
Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
Filters = Annotated[WebFilter, Depends(event_filter)]
FilterForm = Annotated[FilterInput, Depends(filter_input)]
Page = Annotated[Paging, Depends(paging)]
