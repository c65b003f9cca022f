"""Source attributions and cross-references written in parentheses.

    (Reuters, AP, UPI, Russian agencies, June 8-11)          one group
    (CNN, August 25; Reuters, August 28; UPI, AP, August 29)  groups split by ';'
    (see the Monitor, July 28)                                a cross-reference

A parenthetical is a citation only when every group reads as outlets optionally
followed by dates; "(should they actually come off)" or "(in charge of
Asia-Pacific affairs)" attribute nothing and are left alone.
"""

from __future__ import annotations

import re
from datetime import date

from dossier.dates import DateRange, parse_month_day_range
from dossier.knowledge.outlets import OutletBook, default_outlets
from dossier.record import Citation, CitationPart

PARENTHETICAL = re.compile(r"\(([^()]{2,300})\)")
CROSS_REFERENCE = re.compile(r"^(?:see|cf\.?|see also)\s+", re.IGNORECASE)
# An outlet we do not know, credited next to a date: "(Kommersant, June 9)".
NAME_LIKE = re.compile(r"^(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}$")


def find_citations(
    text: str, published: date | None, outlets: OutletBook | None = None
) -> list[Citation]:
    """Every citation in the text, in order; a date without a year takes the publication
    date's."""
    book = outlets or default_outlets()
    citations = []
    for match in PARENTHETICAL.finditer(text):
        citation = read_citation(match.group(1), published, book)
        if citation is not None:
            citations.append(
                citation.model_copy(update={"start": match.start(), "end": match.end()})
            )
    return citations


def read_citation(inner: str, published: date | None, book: OutletBook) -> Citation | None:
    """The citation written inside one pair of parentheses, or None if it is not one.

    A parenthetical mixing sources and a cross-reference ("Kyodo, March 15; see the
    Monitor, March 2") is a source citation; the cross-reference stays one of its parts.
    """
    parts = [_group(group, published, book) for group in inner.split(";")]
    if not parts or any(part is None for part in parts):
        return None
    sources = [part for part in parts if part.kind == "source"]
    credited = sources or parts
    outlets = list(dict.fromkeys(name for part in credited for name in part.outlets))
    span = _cover([_range(part) for part in credited if part.date_start])
    return Citation(
        outlets=outlets,
        date_start=span.start.isoformat() if span else None,
        date_end=span.end.isoformat() if span else None,
        kind="source" if sources else "cross_reference",
        start=0,
        end=0,
        text=inner,
        parts=parts if len(parts) > 1 else [],
    )


def _group(group: str, published: date | None, book: OutletBook) -> CitationPart | None:
    """One ';'-separated group: outlets, then optional dates; None if it is anything else."""
    kind = "source"
    if CROSS_REFERENCE.match(group.strip()):
        kind, group = "cross_reference", CROSS_REFERENCE.sub("", group.strip())
    items = [item.strip() for item in group.split(",") if item.strip()]
    outlets: list[str] = []
    dates: list[DateRange] = []
    dated = False
    unknown: list[str] = []
    for item in items:
        if _is_date(item):
            dated = True
            resolved = parse_month_day_range(item, published)
            if resolved:
                dates.append(resolved)
        elif dated:
            return None  # outlets come before their dates
        elif (name := book.canonical(item)) is not None:
            outlets.append(name)
        elif NAME_LIKE.match(item):
            unknown.append(item)
            outlets.append(item.removeprefix("the ").strip())
        else:
            return None
    # Unknown names count as outlets only when the group also gives a date.
    if not outlets or (unknown and not dated):
        return None
    span = _cover(dates)
    return CitationPart(
        outlets=outlets,
        date_start=span.start.isoformat() if span else None,
        date_end=span.end.isoformat() if span else None,
        kind=kind,
        text=group.strip(),
    )


def _is_date(item: str) -> bool:
    # Any publication date will do for the question "is this a date?"; resolution comes later.
    return parse_month_day_range(item, date(2000, 1, 1)) is not None


def _range(part: CitationPart) -> DateRange:
    return DateRange(date.fromisoformat(part.date_start), date.fromisoformat(part.date_end))


def _cover(ranges: list[DateRange]) -> DateRange | None:
    if not ranges:
        return None
    span = ranges[0]
    for other in ranges[1:]:
        span = span.cover(other)
    return span
