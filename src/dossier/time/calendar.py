"""Calendar arithmetic shared by every part of dossier that reads dates.

A `DateRange` is an inclusive pair of days. Month-day expressions without a year
("June 8-11", "August 28-29", "June 30-July 2") take the year that puts them
nearest the anchor (the publication date), with reporting's past bias: news mostly
reports what already happened, so a date up to ten months back wins over one a
couple of months ahead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

# How far ahead of the anchor a year-less date may lie before the previous year is
# preferred. Two months: "the end of September" printed in August is this year;
# "December 20" printed in February is last December.
FUTURE_WINDOW_DAYS = 62

_MONTH = r"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<{name}>(?:1[89]|20)\d\d))?"
_DASH = r"\s*(?:-|–|—|to|through|until)\s*"

MONTH_DAY_RANGE = re.compile(
    _MONTH.format(name="m1")
    + r"\s+"
    + _DAY.format(name="d1")
    + r"(?:"
    + _DASH
    + r"(?:"
    + _MONTH.format(name="m2")
    + r"\s+)?"
    + _DAY.format(name="d2")
    + r")?"
    + r"(?![\d])"
    + _YEAR.format(name="y"),
    re.IGNORECASE,
)


@dataclass(frozen=True, order=True)
class DateRange:
    """An inclusive range of days."""

    start: date
    end: date

    @classmethod
    def day(cls, day: date) -> DateRange:
        return cls(day, day)

    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()

    def cover(self, other: DateRange) -> DateRange:
        """The smallest range holding both."""
        return DateRange(min(self.start, other.start), max(self.end, other.end))


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist in that month."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_year(month: int, day: int, anchor: date) -> int:
    """The year for a year-less month and day, read against the anchor date."""
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        candidate = safe_date(year, month, day)
        if candidate is None:
            continue
        delta = (candidate - anchor).days
        if -366 + FUTURE_WINDOW_DAYS < delta <= FUTURE_WINDOW_DAYS:
            return year
    return anchor.year


def parse_month_day_range(text: str, anchor: date | None) -> DateRange | None:
    """Read "June 9", "August 28-29", "June 30-July 2" or "June 9, 2000" as days.

    The whole text must be the expression. A year-less expression needs an anchor:
    without one the answer is None, never a guess.
    """
    match = MONTH_DAY_RANGE.fullmatch(text.strip())
    return _range_from_match(match, anchor) if match else None


def find_month_day_ranges(text: str, anchor: date | None) -> list[tuple[re.Match, DateRange]]:
    """Every month-day expression in a text, with its resolved range."""
    found = []
    for match in MONTH_DAY_RANGE.finditer(text):
        resolved = _range_from_match(match, anchor)
        if resolved is not None:
            found.append((match, resolved))
    return found


def _range_from_match(match: re.Match, anchor: date | None) -> DateRange | None:
    month1 = MONTHS[match["m1"].lower()]
    month2 = MONTHS[match["m2"].lower()] if match["m2"] else month1
    day1 = int(match["d1"])
    day2 = int(match["d2"]) if match["d2"] else day1
    if match["y"]:
        year1 = year2 = int(match["y"])
        if month2 < month1:
            year1 -= 1
    elif anchor is not None:
        year1 = nearest_year(month1, day1, anchor)
        year2 = year1 + 1 if month2 < month1 else year1
    else:
        return None
    start, end = safe_date(year1, month1, day1), safe_date(year2, month2, day2)
    if start is None or end is None or end < start:
        return None
    return DateRange(start, end)


def week_of(day: date) -> DateRange:
    """The Monday-to-Sunday week holding the day."""
    monday = day - timedelta(days=day.weekday())
    return DateRange(monday, monday + timedelta(days=6))


def month_of(year: int, month: int) -> DateRange:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return DateRange(first, following - timedelta(days=1))
