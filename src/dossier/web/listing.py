"""What every list page shares: its sort (checked against the list's columns), sortable
column headers, the page-size choice and the pager (first, previous, page N of M, next,
last), all as links that keep the rest of the query.

A sort key that is not one of the list's columns, or an order other than asc/desc, is
refused with 400 and the list of keys that would do: a silently ignored sort would show
rows in an order the reader did not ask for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from math import ceil
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Query, Request

from dossier.web.params import FILTER_NAMES, Paging
from dossier.web.queries import Sort

PAGE_SIZES = (25, 50, 100, 500)


@dataclass(frozen=True)
class SortRequest:
    """The `sort` and `order` a request asked for, not yet checked against a list."""

    column: str | None
    order: str | None


def sort_request(
    sort: str | None = Query(None, description="Column to sort by (the list's own names)."),
    order: str | None = Query(None, description="asc (default) or desc."),
) -> SortRequest:
    return SortRequest(sort.strip() if sort and sort.strip() else None, order)


SortBy = Annotated[SortRequest, Depends(sort_request)]


def checked_sort(asked: SortRequest, columns: Mapping[str, str]) -> Sort | None:
    """The sort for a list with these sort keys; 400 for a key or an order it lacks."""
    order = (asked.order or "asc").strip().lower()
    if order not in ("asc", "desc"):
        raise HTTPException(400, f"order must be asc or desc, not {asked.order!r}")
    if asked.column is None:
        return None
    if asked.column not in columns:
        keys = ", ".join(columns)
        raise HTTPException(400, f"cannot sort by {asked.column!r}; sort by one of: {keys}")
    return Sort(asked.column, descending=order == "desc")


def _link(request: Request, **params: object) -> str:
    """This page's URL with `params` changed (and `page`, which `offset` replaces, left out)."""
    url = request.url.remove_query_params("page").include_query_params(**params)
    return str(url.replace(scheme="", netloc=""))


@dataclass(frozen=True)
class Header:
    """A sortable column header: its link and, on the sorted column, the arrow."""

    label: str
    href: str
    arrow: str


def headers(request: Request, labels: Mapping[str, str], sort: Sort | None) -> dict[str, Header]:
    """One header per sort key: a click sorts by it ascending, a second click descending."""
    found = {}
    for key, label in labels.items():
        current = sort is not None and sort.column == key
        descending = current and not sort.descending
        arrow = ("▼" if sort.descending else "▲") if current else ""
        href = _link(request, sort=key, order="desc" if descending else "asc", offset=0)
        found[key] = Header(label, href, arrow)
    return found


@dataclass(frozen=True)
class Pager:
    """Links to the neighbouring, first and last pages, the page sizes, and the query to
    keep (as hidden fields) when jumping to a page by number."""

    number: int
    pages: int
    first: str | None
    previous: str | None
    next: str | None
    last: str | None
    sizes: list[tuple[int, str, bool]]
    keep: list[tuple[str, str]]


def pager(request: Request, page: Paging, total: int) -> Pager:
    pages = max(1, ceil(total / page.limit))
    number = page.offset // page.limit + 1
    last_offset = (pages - 1) * page.limit

    def at(offset: int, shown: bool) -> str | None:
        return _link(request, offset=offset) if shown else None

    earlier, later = page.offset > 0, page.offset + page.limit < total
    return Pager(
        number=number,
        pages=pages,
        first=at(0, earlier),
        previous=at(max(0, min(page.offset - page.limit, last_offset)), earlier),
        next=at(page.offset + page.limit, later),
        last=at(last_offset, later),
        sizes=_sizes(request, page),
        keep=[(k, v) for k, v in request.query_params.multi_items() if k not in ("offset", "page")],
    )


def _sizes(request: Request, page: Paging) -> list[tuple[int, str, bool]]:
    """Each page size, linked so that the first row shown stays on the page."""
    return [
        (size, _link(request, limit=size, offset=page.offset // size * size), size == page.limit)
        for size in PAGE_SIZES
    ]


def export_links(request: Request, path: str) -> dict[str, str]:
    """The page's `.csv` and `.json` exports: its query, without the paging."""
    kept = request.url.remove_query_params(["limit", "offset", "page"]).query
    return {fmt: f"{path}.{fmt}" + (f"?{kept}" if kept else "") for fmt in ("csv", "json")}


def filter_link(request: Request, path: str, items: list[tuple[str, str]]) -> str:
    """`path` filtered by `items` (name, value pairs), keeping the request's other
    parameters (sort, order, page size) and going back to the first page."""
    dropped = (*FILTER_NAMES, "offset", "page")
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in dropped]
    query = urlencode(items + kept)
    return f"{path}?{query}" if query else path
