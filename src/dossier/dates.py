"""Calendar arithmetic shared by every part of dossier that reads dates.

A `DateRange` is an inclusive pair of days. Month-day expressions without a year
("June 8-11", "August 28-29", "June 30-July 2") take the year that puts them
nearest the publication date, with reporting's past bias: news mostly
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

# How far ahead of the publication date a year-less date may lie before the previous year is
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

    def cover(self, other: DateRange) -> DateRange:
        """The smallest range holding both."""
        return DateRange(min(self.start, other.start), max(self.end, other.end))


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist in that month."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_year(month: int, day: int, published: date) -> int:
    """The year for a year-less month and day, read against the publication date."""
    for year in (published.year, published.year - 1, published.year + 1):
        candidate = safe_date(year, month, day)
        if candidate is None:
            continue
        delta = (candidate - published).days
        if -366 + FUTURE_WINDOW_DAYS < delta <= FUTURE_WINDOW_DAYS:
            return year
    return published.year


def parse_month_day_range(text: str, published: date | None) -> DateRange | None:
    """Read "June 9", "August 28-29", "June 30-July 2" or "June 9, 2000" as days.

    The whole text must be the expression. A year-less expression needs the publication date:
    without one the answer is None, never a guess.
    """
    match = MONTH_DAY_RANGE.fullmatch(text.strip())
    return _range_from_match(match, published) if match else None


def find_month_day_ranges(text: str, published: date | None) -> list[tuple[re.Match, DateRange]]:
    """Every month-day expression in a text, with its resolved range."""
    found = []
    for match in MONTH_DAY_RANGE.finditer(text):
        resolved = _range_from_match(match, published)
        if resolved is not None:
            found.append((match, resolved))
    return found


def _range_from_match(match: re.Match, published: date | None) -> DateRange | None:
    month1 = MONTHS[match["m1"].lower()]
    month2 = MONTHS[match["m2"].lower()] if match["m2"] else month1
    day1 = int(match["d1"])
    day2 = int(match["d2"]) if match["d2"] else day1
    if match["y"]:
        year1 = year2 = int(match["y"])
        if month2 < month1:
            year1 -= 1
    elif published is not None:
        year1 = nearest_year(month1, day1, published)
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


def year_of(year: int) -> DateRange:
    return DateRange(date(year, 1, 1), date(year, 12, 31))


def quarter_of(year: int, quarter: int) -> DateRange:
    """Calendar quarter 1-4 of a year."""
    first = month_of(year, 3 * quarter - 2)
    last = month_of(year, 3 * quarter)
    return DateRange(first.start, last.end)


def half_of(year: int, half: int) -> DateRange:
    return quarter_of(year, 2 * half - 1).cover(quarter_of(year, 2 * half))


# Meteorological seasons of the northern hemisphere; winter runs December to February
# and is named by the year its December falls in.
SEASON_MONTHS: dict[str, int] = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def season_of(year: int, season: str) -> DateRange:
    first = SEASON_MONTHS[season]
    start = month_of(year, first)
    end_year, end_month = (year + 1, first - 10) if first + 2 > 12 else (year, first + 2)
    return DateRange(start.start, month_of(end_year, end_month).end)


def decade_of(first_year: int) -> DateRange:
    return DateRange(date(first_year, 1, 1), date(first_year + 9, 12, 31))


def iso_week(year: int, week: int) -> DateRange | None:
    """ISO week `week` of ISO year `year` (Monday to Sunday), or None if it does not exist."""
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return DateRange(monday, monday + timedelta(days=6))


def shift_months(day: date, months: int) -> tuple[int, int]:
    """(year, month) that lies `months` months after the month holding the day."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


# Parts of a period. "Early", "mid" and "late" split it in thirds along its natural
# subdivisions; "beginning" and "end" are narrower. Weeks: early Monday-Wednesday,
# mid Tuesday-Thursday, late Thursday-Sunday (news "late last week" includes the
# weekend), beginning Monday-Tuesday, end Friday-Sunday. Months: days 1-10, 11-20,
# 21-end; beginning = days 1-10, end = days 21-end. Years: January-April, May-August,
# September-December; beginning = January, end = December. Quarters and seasons: their
# first, second, third month; decades: years 0-3, 4-6, 7-9.
WEEK_PARTS: dict[str, tuple[int, int]] = {
    "early": (0, 2),
    "mid": (1, 3),
    "late": (3, 6),
    "beginning": (0, 1),
    "end": (4, 6),
}
MONTH_PARTS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10),
    "mid": (11, 20),
    "late": (21, None),
    "beginning": (1, 10),
    "end": (21, None),
}
YEAR_PARTS: dict[str, tuple[int, int]] = {
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
    "beginning": (1, 1),
    "end": (12, 12),
}
DECADE_PARTS: dict[str, tuple[int, int]] = {
    "early": (0, 3),
    "mid": (4, 6),
    "late": (7, 9),
    "beginning": (0, 1),
    "end": (8, 9),
}
THIRD_INDEX: dict[str, int] = {"early": 0, "beginning": 0, "mid": 1, "late": 2, "end": 2}


def part_of(period: DateRange, part: str, unit: str) -> DateRange:
    """The early/mid/late third, or the beginning/end, of a period of the given unit."""
    start = period.start
    if unit in ("week", "weekend"):
        low, high = WEEK_PARTS[part]
        return DateRange(start + timedelta(days=low), start + timedelta(days=high))
    if unit == "month":
        low, high = MONTH_PARTS[part]
        last = period.end if high is None else start.replace(day=high)
        return DateRange(start.replace(day=low), last)
    if unit == "year":
        low, high = YEAR_PARTS[part]
        return DateRange(month_of(start.year, low).start, month_of(start.year, high).end)
    if unit == "decade":
        low, high = DECADE_PARTS[part]
        return DateRange(date(start.year + low, 1, 1), date(start.year + high, 12, 31))
    # quarters, seasons and halves: whole months, first/middle/last third of them
    months = (period.end.year - start.year) * 12 + period.end.month - start.month + 1
    size = max(months // 3, 1)
    first = THIRD_INDEX[part] * size
    year, month = shift_months(start, first)
    last_year, last_month = shift_months(start, min(first + size, months) - 1)
    return DateRange(date(year, month, 1), month_of(last_year, last_month).end)


def month_day_range(match: re.Match, published: date | None) -> DateRange | None:
    """The range of a match holding MONTH_DAY_RANGE's groups (m1, d1, m2, d2, y)."""
    return _range_from_match(match, published)
