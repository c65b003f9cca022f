"""The facets of the events list, and the chips of its chosen values: what the page
shows of `queries.facet_counts`, each value with its count and a link that chooses it
(or, when chosen, drops it), as datasette and ACLED show them.

A field may be given several values (`?root=19&root=14`: either). The counts of a
facet are over the list's events without the facet's own field: where no value of the
field is chosen they add up to the list's total (an event credited to several outlets
counts under each); where some are, the chosen ones add up to it, and each other
value's count is what choosing it too would add.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request

from dossier.web import queries
from dossier.web.codes import cameo_name
from dossier.web.listing import filter_link
from dossier.web.params import WebFilter, filter_items

FACET_SHOWN = 5  # values shown at once; the rest behind "N more"
FACET_CAP = 200  # values listed at most; the page says how many more there are
LABELS = {
    "actor": "actor",
    "dyad": "dyad",
    "pair": "pair (exact names)",
    "country": "country",
    "source_country": "source country",
    "target_country": "target country",
    "type": "PLOVER type",
    "cameo": "CAMEO",
    "root": "CAMEO root",
    "quad_class": "quad class",
    "modality": "modality",
    "outlet": "according to",
    "place": "place",
    "year": "year",
    "since": "since",
    "until": "until",
    "goldstein_min": "Goldstein ≥",
    "goldstein_max": "Goldstein ≤",
    "text": "text",
}
# what an event without a value of the facet is called
MISSING = {
    "root": "no code",
    "type": "no type",
    "country": "no country",
    "place": "no place",
    "quad_class": "none",
    "modality": "none",
    "source_country": "no country",
    "target_country": "no country",
    "outlet": "the report itself",
    "year": "undated",
}
IN_VALUE_ORDER = {"year"}  # listed by value (chronologically), not by count


@dataclass(frozen=True)
class FacetValue:
    value: str | None
    label: str
    count: int
    href: str | None  # None for the events without a value: nothing to choose
    chosen: bool


@dataclass(frozen=True)
class Facet:
    field: str
    label: str
    shown: list[FacetValue]
    more: list[FacetValue]
    left_out: int  # values past FACET_CAP, not listed
    chosen: bool  # some value of the field is chosen
    several: bool  # an event may hold several values (its counts overlap)


@dataclass(frozen=True)
class Chip:
    """A chosen value, with the link that drops it, and whether it matches no event."""

    field: str
    label: str
    href: str
    nothing: bool


def value_label(field: str, value: Any) -> str:
    """How a value of a field reads: '19 Fight', '3 verbal conflict', 'RUS'."""
    text = str(value)
    if field == "root":
        name = cameo_name(text)
        return f"{text} {name.capitalize()}" if name else text
    if field == "quad_class" and text.isdigit():
        return f"{text} {queries.QUAD_CLASSES.get(int(text), '')}".strip()
    return text


def event_facets(request: Request, con: queries.Connection, wf: WebFilter) -> list[Facet]:
    """The facets of the filtered events, each value with its count and its link."""
    items = filter_items(wf)
    counts = queries.facet_counts(con, wf)
    return [_facet(request, wf, spec, counts[spec.field], items) for spec in queries.FACETS]


def _facet(
    request: Request,
    wf: WebFilter,
    spec: queries.FacetSpec,
    counts: list[tuple[str | None, int]],
    items: list[tuple[str, str]],
) -> Facet:
    field = spec.field
    chosen = {v.casefold(): v for v in wf.values(field)}
    if field in IN_VALUE_ORDER:
        counts = sorted(counts, key=lambda vc: (vc[0] is None, vc[0] or ""))
    found = {value.casefold() for value, _ in counts if value is not None}
    counts = [*counts, *((value, 0) for key, value in chosen.items() if key not in found)]

    def entry(value: Any, count: int) -> FacetValue:
        if value is None:
            return FacetValue(None, MISSING[field], count, None, False)
        text = str(value)
        given = chosen.get(text.casefold())
        if given is not None:  # a link that drops it
            rest = [item for item in items if item != (field, given)]
            return FacetValue(text, value_label(field, text), count, _link(request, rest), True)
        href = _link(request, [*items, (field, text)])
        return FacetValue(text, value_label(field, text), count, href, False)

    listed = [
        (value, count)
        for i, (value, count) in enumerate(counts)
        if i < FACET_CAP or (value is not None and value.casefold() in chosen)
    ]
    values = [entry(value, count) for value, count in listed]
    shown = values if len(values) <= FACET_SHOWN + 1 else _first(values)
    more = [v for v in values if v not in shown]
    left_out = len(counts) - len(listed)
    return Facet(field, LABELS[field], shown, more, left_out, bool(chosen), spec.several)


def _first(values: list[FacetValue]) -> list[FacetValue]:
    """The values shown at once: the first FACET_SHOWN, and every chosen one."""
    return [v for i, v in enumerate(values) if i < FACET_SHOWN or v.chosen]


def filter_chips(request: Request, wf: WebFilter, hints: list[queries.Hint]) -> list[Chip]:
    """One chip per chosen value, each linked to the filter without it."""
    nothing = {(h.field, h.value) for h in hints}
    items = filter_items(wf)
    return [
        Chip(
            field,
            f"{LABELS.get(field, field)}: {value_label(field, value)}",
            _link(request, [other for other in items if other != (field, value)]),
            (field, value) in nothing,
        )
        for field, value in items
    ]


def _link(request: Request, items: list[tuple[str, str]]) -> str:
    return filter_link(request, "/events", items)
