"""Calendar arithmetic behind the time conventions, on hand-checked dates."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.dates import (
    DateRange,
    half_of,
    iso_week,
    month_of,
    parse_month_day_range,
    part_of,
    quarter_of,
    season_of,
    week_of,
    year_of,
)


def days(start: str, end: str) -> DateRange:
    return DateRange(date.fromisoformat(start), date.fromisoformat(end))


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("early", days("2000-06-05", "2000-06-07")),  # Monday-Wednesday
        ("mid", days("2000-06-06", "2000-06-08")),  # Tuesday-Thursday
        ("late", days("2000-06-08", "2000-06-11")),  # Thursday-Sunday
        ("end", days("2000-06-09", "2000-06-11")),  # Friday-Sunday
    ],
)
def test_parts_of_a_week(part, expected):
    assert part_of(week_of(date(2000, 6, 7)), part, "week") == expected


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("early", days("2000-09-01", "2000-09-10")),
        ("mid", days("2000-09-11", "2000-09-20")),
        ("late", days("2000-09-21", "2000-09-30")),
        ("end", days("2000-09-21", "2000-09-30")),
        ("beginning", days("2000-09-01", "2000-09-10")),
    ],
)
def test_parts_of_a_month(part, expected):
    assert part_of(month_of(2000, 9), part, "month") == expected


def test_late_february_of_a_leap_year_ends_on_the_29th():
    assert part_of(month_of(2000, 2), "late", "month") == days("2000-02-21", "2000-02-29")


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("early", days("2001-01-01", "2001-04-30")),
        ("mid", days("2001-05-01", "2001-08-31")),
        ("late", days("2001-09-01", "2001-12-31")),
        ("end", days("2001-12-01", "2001-12-31")),
    ],
)
def test_parts_of_a_year(part, expected):
    assert part_of(year_of(2001), part, "year") == expected


def test_periods():
    assert quarter_of(1989, 3) == days("1989-07-01", "1989-09-30")
    assert half_of(1998, 2) == days("1998-07-01", "1998-12-31")
    assert season_of(2000, "winter") == days("2000-12-01", "2001-02-28")
    assert season_of(1998, "summer") == days("1998-06-01", "1998-08-31")
    assert iso_week(2013, 11) == days("2013-03-11", "2013-03-17")
    assert iso_week(2013, 54) is None


def test_existing_month_day_reader_still_works():
    assert parse_month_day_range("June 8-11", date(2000, 6, 12)) == days("2000-06-08", "2000-06-11")
    assert parse_month_day_range("June 9", None) is None
