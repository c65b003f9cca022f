"""Reading a matched expression as an inclusive calendar range.

One resolver per grammar rule. Each gets the match and a `Context`: the publication
date, whether the clause points forward (future tense), the previous
resolved date in the text (for "the day before", "two days later", "at the time")
and the date expression right after the match (for "a week after June 9", "the eve
of the July 21-23 summit"). A resolver never guesses: without what it needs it
returns an unresolved reading (no value).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from dossier.dates import (
    MONTHS,
    DateRange,
    decade_of,
    half_of,
    month_day_range,
    month_of,
    nearest_year,
    part_of,
    quarter_of,
    safe_date,
    season_of,
    shift_months,
    week_of,
    year_of,
)
from dossier.time.grammar import ORDINALS, WEEKDAYS, number_value, year_value

# What a relative value was read against: the publication date, the previous date of the
# text ("the day before") or the date right after ("a week after June 9").
ReadAgainst = Literal["publication", "reference", "following"]


@dataclass(frozen=True)
class Reading:
    """What an expression means: a range (or none), its unit, its kind, what it was read against."""

    value: DateRange | None
    granularity: str | None
    kind: str  # "date", "duration", "set" or "unresolved"
    read_against: ReadAgainst | None = None  # None when absolute
    duration: str | None = None  # ISO 8601 length of a duration ("P2D"), X for a vague count


@dataclass(frozen=True)
class Context:
    """What a resolver reads a match against: the publication date is a `date`, never text."""

    published: date | None
    forward: bool = False
    reference: Reading | None = None
    following: Reading | None = None


UNRESOLVED = Reading(None, None, "unresolved")
REL_ALIASES = {"past": "last", "this past": "recent", "coming": "next", "current": "this"}
REF_OFFSETS = {"previous": -1, "following": 1, "same": 0, "that": 0}
PUBLICATION_OFFSETS = {"this": 0, "last": -1, "next": 1}
EDGE_PARTS = {
    "beginning": "beginning",
    "start": "beginning",
    "middle": "mid",
    "end": "end",
    "close": "end",
}
MONTHS_PER_UNIT = {
    "month": 1,
    "quarter": 3,
    "season": 3,
    "half": 6,
    "year": 12,
    "decade": 120,
    "century": 1200,
}
DAYS_PER_UNIT = {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}


def _rel(match: re.Match) -> str | None:
    rel = match.groupdict().get("rel")
    if rel is None:
        return None
    rel = re.sub(r"\s+", " ", rel.lower())
    return REL_ALIASES.get(rel, rel)


def container(day: date, unit: str) -> DateRange:
    """The period of the given unit holding the day."""
    if unit == "week":
        return week_of(day)
    if unit == "weekend":
        saturday = week_of(day).start + timedelta(days=5)
        return DateRange(saturday, saturday + timedelta(days=1))
    if unit == "month":
        return month_of(day.year, day.month)
    if unit == "quarter":
        return quarter_of(day.year, (day.month - 1) // 3 + 1)
    if unit == "year":
        return year_of(day.year)
    if unit == "decade":
        return decade_of(day.year // 10 * 10)
    if unit == "century":
        return DateRange(
            date(day.year // 100 * 100, 1, 1), date(day.year // 100 * 100 + 99, 12, 31)
        )
    return DateRange.day(day)


def shift(day: date, unit: str, count: int) -> date:
    """The day `count` units after (or before, when negative) the given day."""
    if unit in DAYS_PER_UNIT:
        return day + timedelta(days=DAYS_PER_UNIT[unit] * count)
    year, month = shift_months(day, MONTHS_PER_UNIT.get(unit, 0) * count)
    return safe_date(year, month, min(day.day, 28)) or date(year, month, 1)


def with_part(
    base: DateRange, unit: str, match: re.Match, context: Context, read_against: ReadAgainst | None
) -> Reading:
    """Apply "early"/"mid"/"late"/"earlier"/"later"/"the end of" to a period."""
    groups = match.groupdict()
    part = (groups.get("part") or "").lower() or EDGE_PARTS.get((groups.get("edge") or "").lower())
    published = context.published
    if (
        part in ("earlier", "later")
        and published is not None
        and base.start <= published <= base.end
    ):
        if part == "earlier":
            base = DateRange(base.start, max(published - timedelta(days=1), base.start))
        else:
            base = DateRange(min(published + timedelta(days=1), base.end), base.end)
        return Reading(base, unit, "date", "publication")
    part = {"earlier": "early", "later": "late"}.get(part, part)
    if part and unit in ("week", "weekend", "month", "year", "decade", "quarter", "season", "half"):
        base = part_of(base, part, unit)
    return Reading(base, unit, "date", read_against)


def resolve_month_day(match: re.Match, context: Context) -> Reading:
    value = month_day_range(match, context.published)
    if value is None:
        return Reading(None, "day", "unresolved")
    if context.forward and not match["y"] and context.published and value.end < context.published:
        value = _year_later(value)  # "will be paid on Jan. 3", printed in November
    return Reading(value, "day", "date", None if match["y"] else "publication")


def resolve_month_day_year(match: re.Match, context: Context) -> Reading:
    """ "January 1, 1066": a month and day with a year outside 1800-2099 keeps that year."""
    month1 = MONTHS[match["m1"].lower()]
    month2 = MONTHS[match["m2"].lower()] if match["m2"] else month1
    day1 = int(match["d1"])
    day2 = int(match["d2"]) if match["d2"] else day1
    year = int(match["year"])
    start = safe_date(year - (month2 < month1), month1, day1)
    end = safe_date(year, month2, day2)
    if start is None or end is None or end < start:
        return Reading(None, "day", "unresolved")
    return Reading(DateRange(start, end), "day", "date")


def _year_later(value: DateRange) -> DateRange:
    start, end = value.start, value.end
    later_start = safe_date(start.year + 1, start.month, start.day)
    later_end = safe_date(end.year + 1, end.month, end.day)
    return DateRange(later_start, later_end) if later_start and later_end else value


def resolve_day_month(match: re.Match, context: Context) -> Reading:
    value, read_against = _month_day(match, context)
    if value is None:
        return Reading(None, "day", "unresolved")
    return Reading(DateRange.day(value), "day", "date", read_against)


def _month_day(match: re.Match, context: Context) -> tuple[date | None, ReadAgainst | None]:
    """The day a month-and-day match names, and what its year was read against."""
    month, day = MONTHS[match["month"].lower().rstrip(".")], int(match["d1"])
    if match["year"]:
        return safe_date(year_value(match["year"]), month, day), None
    if context.published is None:
        return None, None
    return safe_date(nearest_year(month, day, context.published), month, day), "publication"


def resolve_month(match: re.Match, context: Context) -> Reading:
    month, rel, published = (
        MONTHS[match["month"].lower().rstrip(".")],
        _rel(match),
        context.published,
    )
    if match["year"]:
        return with_part(month_of(year_value(match["year"]), month), "month", match, context, None)
    if published is None:
        return Reading(None, "month", "unresolved")
    if rel == "last":
        year = published.year if month < published.month else published.year - 1
    elif rel == "next":
        year = published.year if month > published.month else published.year + 1
    elif rel == "this":
        year = published.year
    elif context.forward:
        year = published.year if month >= published.month else published.year + 1
    else:
        year = nearest_year(month, 1, published)
    return with_part(month_of(year, month), "month", match, context, "publication")


def resolve_year(match: re.Match, context: Context) -> Reading:
    return with_part(year_of(year_value(match["year"])), "year", match, context, None)


def resolve_decade(match: re.Match, context: Context) -> Reading:
    return with_part(decade_of(int(match["decade"])), "decade", match, context, None)


def resolve_quarter(match: re.Match, context: Context) -> Reading:
    unit, number = match["qunit"].lower(), ORDINALS[match["ordinal"].lower()]
    period_of = quarter_of if unit == "quarter" else half_of
    if unit == "half" and number > 2:
        return Reading(None, unit, "unresolved")
    explicit = match["year"] or match["qyear"]
    rel, published = _rel(match), context.published
    if explicit:
        return with_part(period_of(year_value(explicit), number), unit, match, context, None)
    if published is None:
        return Reading(None, unit, "unresolved")
    if rel in PUBLICATION_OFFSETS:
        year = published.year + PUBLICATION_OFFSETS[rel]
    else:  # quarters are reported once they are over: no forward reading
        year = (
            published.year
            if period_of(published.year, number).start <= published
            else published.year - 1
        )
    return with_part(period_of(year, number), unit, match, context, "publication")


def resolve_month_of_rel_year(match: re.Match, context: Context) -> Reading:
    """ "June last year", "January this year"."""
    if context.published is None:
        return Reading(None, "month", "unresolved")
    year = context.published.year + PUBLICATION_OFFSETS[match["rel"].lower()]
    month = MONTHS[match["month"].lower().rstrip(".")]
    return with_part(month_of(year, month), "month", match, context, "publication")


def resolve_report_quarter(match: re.Match, context: Context) -> Reading:
    """ "the quarter", "the latest quarter" of a results report: the last one completed."""
    if context.published is None:
        return Reading(None, "quarter", "unresolved")
    current = container(context.published, "quarter")
    latest = container(current.start - timedelta(days=1), "quarter")
    if match["ago"]:
        latest = quarter_of(latest.start.year - 1, (latest.start.month - 1) // 3 + 1)
    return Reading(latest, "quarter", "date", "publication")


def resolve_week_of(match: re.Match, context: Context) -> Reading:
    """ "the week of March 6": the Monday-Sunday week holding that day."""
    value, read_against = _month_day(match, context)
    if value is None:
        return Reading(None, "week", "unresolved")
    return Reading(week_of(value), "week", "date", read_against)


def resolve_current_period(match: re.Match, context: Context) -> Reading:
    """ "the end of the year", "later in the month", "year-end", "the current fiscal year"."""
    unit = (match["unit"] or match["fullunit"] or "year").lower()
    if context.published is None:
        return Reading(None, unit, "unresolved")
    base = container(context.published, unit)
    if match["yearend"]:
        return Reading(part_of(base, "end", "year"), "year", "date", "publication")
    return with_part(base, unit, match, context, "publication")


def resolve_year_ago_period(match: re.Match, context: Context) -> Reading:
    """Business news' "year-earlier" figures: the period under report, a year before.

    The period under report is the previous date of the text when it is a quarter,
    else the last quarter completed before publication; with no quarter in sight,
    the year before publication.
    """
    reference, published = context.reference, context.published
    if published is None:
        return Reading(None, "quarter", "unresolved")
    if match["ordinal"]:
        number = ORDINALS[match["ordinal"].lower()]
        latest = quarter_of(published.year, number)
        if latest.start > published:
            latest = quarter_of(published.year - 1, number)
        read_against = "publication"
    elif reference is not None and reference.value and reference.granularity == "quarter":
        latest, read_against = reference.value, "reference"
    elif match["qunit"]:
        latest = container(container(published, "quarter").start - timedelta(days=1), "quarter")
        read_against = "publication"
    else:
        return Reading(year_of(published.year - 1), "year", "date", "publication")
    earlier = quarter_of(latest.start.year - 1, (latest.start.month - 1) // 3 + 1)
    return Reading(earlier, "quarter", "date", read_against)


def resolve_season(match: re.Match, context: Context) -> Reading:
    season, rel, published = match["season"].lower(), _rel(match), context.published
    if match["year"]:
        return with_part(
            season_of(year_value(match["year"]), season), "season", match, context, None
        )
    if published is None:
        return Reading(None, "season", "unresolved")
    candidates = [season_of(year, season) for year in range(published.year - 2, published.year + 2)]
    if rel == "last" or rel == "recent":
        chosen = [c for c in candidates if c.end < published][-1]
    elif rel == "next":
        chosen = [c for c in candidates if c.start > published][0]
    elif rel == "this":  # "this summer": the publication year's, past or to come
        december_before = season == "winter" and published.month <= 2
        chosen = season_of(published.year - december_before, season)
    elif context.forward:
        chosen = [c for c in candidates if c.end >= published][0]
    else:
        chosen = [c for c in candidates if c.start <= published][-1]
    return with_part(chosen, "season", match, context, "publication")


def _recent_weekend(day: date, forward: bool) -> DateRange:
    """The most recent Saturday-Sunday on or before the day (the next one when forward)."""
    if forward:
        saturday = day + timedelta(days=(5 - day.weekday()) % 7)
    else:
        saturday = day - timedelta(days=(day.weekday() - 5) % 7)
    return DateRange(saturday, saturday + timedelta(days=1))


def resolve_relative(match: re.Match, context: Context) -> Reading:
    """ "this week", "late last week", "the following month", "that day", "the past year"."""
    unit, rel, published = match["unit"].lower(), _rel(match), context.published
    if match["the"] and rel == "next" and unit == "day":
        return _from_reference(unit, 1, match, context)  # "the next day"
    if match["the"] and rel in ("last", "next") or unit == "fortnight":
        return Reading(None, unit, "duration", duration=iso_duration(unit, 1))  # "the past week"
    if rel in REF_OFFSETS:
        return _from_reference(unit, REF_OFFSETS[rel], match, context)
    if published is None:
        return Reading(None, unit, "unresolved")
    if (
        unit == "weekend"
        and rel == "recent"
        or unit == "weekend"
        and rel == "last"
        and published.weekday() < 5
    ):
        return Reading(_recent_weekend(published, False), "weekend", "date", "publication")
    if rel == "recent":
        rel = "last"
    base = container(shift(published, unit, PUBLICATION_OFFSETS[rel]), unit)
    return with_part(base, unit, match, context, "publication")


def _from_reference(unit: str, offset: int, match: re.Match, context: Context) -> Reading:
    reference = context.reference
    if reference is None or reference.value is None:
        return Reading(None, unit, "unresolved")
    day = reference.value.start if offset <= 0 else reference.value.end
    base = container(shift(day, unit, offset), unit)
    return replace(with_part(base, unit, match, context, "reference"), read_against="reference")


def resolve_weekend(match: re.Match, context: Context) -> Reading:
    """ "the weekend", as in "over the weekend": the latest one on or before publication."""
    if context.published is None:
        return Reading(None, "weekend", "unresolved")
    return Reading(
        _recent_weekend(context.published, context.forward), "weekend", "date", "publication"
    )


DEICTIC_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def resolve_day(match: re.Match, context: Context) -> Reading:
    """ "yesterday", "late yesterday", "tomorrow morning", "the day before yesterday"."""
    if context.published is None:
        return Reading(None, "day", "unresolved")
    offset = DEICTIC_OFFSETS[match["deictic"].lower()]
    offset += {"before": -1, "after": 1}.get((match["around"] or "").lower(), 0)
    return Reading(
        DateRange.day(context.published + timedelta(days=offset)), "day", "date", "publication"
    )


def resolve_day_part(match: re.Match, context: Context) -> Reading:
    """ "last night" is the evening before publication; "this morning" the day of it."""
    if context.published is None:
        return Reading(None, "day", "unresolved")
    offset = -1 if match["rel"].lower() == "last" else 0
    return Reading(
        DateRange.day(context.published + timedelta(days=offset)), "day", "date", "publication"
    )


def resolve_weekday(match: re.Match, context: Context) -> Reading:
    """A weekday: the latest on or before publication; the next one in a future clause."""
    published, rel = context.published, _rel(match)
    if published is None:
        return Reading(None, "day", "unresolved")
    weekday = WEEKDAYS[match["weekday"].lower()]
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if rel == "last" or rel == "recent":
        day = published - timedelta(days=back or 7)
    elif rel == "next":
        day = published + timedelta(days=ahead or 7)
    elif rel == "this":
        day = week_of(published).start + timedelta(days=weekday)
    elif context.forward:
        day = published + timedelta(days=ahead)
    else:
        day = published - timedelta(days=back)
    return Reading(DateRange.day(day), "day", "date", "publication")


def _unit(match: re.Match) -> str:
    unit = match["unit"].lower()
    return "century" if unit.startswith("centur") else unit


def resolve_ago(match: re.Match, context: Context) -> Reading:
    """ "two days ago", "a year earlier", "two days later", "a week after June 9"."""
    unit, direction = _unit(match), match["dir"].lower()
    count = number_value(match["num"])
    if unit in ("hour", "minute"):
        unit, count = "day", 0
    if direction in ("before", "after"):
        if context.following is None or context.following.value is None:
            # "only a week after the summit"
            return Reading(None, unit, "duration", duration=iso_duration(unit, count))
        base, read_against = context.following, "following"
    elif direction in ("earlier", "later"):
        base, read_against = context.reference, "reference"
    elif _compares_quarters(unit, context):  # "profit rose from $5 million a year ago"
        base, read_against, unit = context.reference, "reference", "quarter"
        count = 4 * (count or 0) or None
    else:  # "two years ago" is a year, "three days ago" a day
        base = (
            Reading(DateRange.day(context.published), unit, "date") if context.published else None
        )
        read_against = "publication"
    if base is None or base.value is None or count is None:
        return Reading(None, unit, "unresolved")
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    day = base.value.start if sign < 0 else base.value.end
    granularity = _finer(unit, base.granularity or "day")
    return Reading(
        container(shift(day, unit, sign * count), granularity), granularity, "date", read_against
    )


def _compares_quarters(unit: str, context: Context) -> bool:
    """Whether "a year ago" compares quarterly figures: the text was just speaking of a quarter."""
    reference = context.reference
    return unit == "year" and reference is not None and reference.granularity == "quarter"


GRANULARITY_ORDER = (
    "day",
    "weekend",
    "week",
    "month",
    "quarter",
    "season",
    "half",
    "year",
    "decade",
    "century",
)


GRANULARITY_RANK = {unit: index for index, unit in enumerate(GRANULARITY_ORDER)}


def _coarser(granularity: str | None, unit: str) -> bool:
    """Whether a date of that granularity is too coarse to count one unit from."""
    rank = GRANULARITY_RANK
    return granularity in rank and unit in rank and rank[granularity] > rank[unit]


def _finer(first: str, second: str) -> str:
    return min(first, second, key=lambda unit: GRANULARITY_RANK.get(unit, 0))


def resolve_ref_unit(match: re.Match, context: Context) -> Reading:
    """ "the day before", "the week after": one unit from the previous (or following) date."""
    unit, direction = _unit(match), match["dir"].lower()
    following = direction in ("before", "after") and context.following
    base = context.following if following else context.reference
    if base is None or base.value is None or _coarser(base.granularity, unit):
        # "the day before" a bare year ("1972") is no day: unresolved, never Dec 31
        return Reading(None, unit, "unresolved")
    sign = -1 if direction in ("before", "earlier") else 1
    day = base.value.start if sign < 0 else base.value.end
    read_against = "following" if following else "reference"
    return Reading(container(shift(day, unit, sign), unit), unit, "date", read_against)


def resolve_eve(match: re.Match, context: Context) -> Reading:
    """ "the eve of the July 21-23 summit": the day before what follows."""
    base = context.following
    if base is None or base.value is None:
        return Reading(None, "day", "unresolved")
    return Reading(DateRange.day(base.value.start - timedelta(days=1)), "day", "date", "following")


def resolve_the_time(match: re.Match, context: Context) -> Reading:
    """ "at the time": the previous date of the text."""
    reference = context.reference
    if reference is None or reference.value is None:
        return UNRESOLVED
    return Reading(reference.value, reference.granularity, "date", "reference")


ISO_UNITS = {
    "day": ("", "D", 1),
    "week": ("", "W", 1),
    "fortnight": ("", "W", 2),
    "weekend": ("", "WE", 1),
    "month": ("", "M", 1),
    "quarter": ("", "Q", 1),
    "year": ("", "Y", 1),
    "decade": ("", "DE", 1),
    "century": ("", "CE", 1),
    "hour": ("T", "H", 1),
    "minute": ("T", "M", 1),
}


def iso_duration(unit: str, count: int | None) -> str | None:
    """ "P2D" for two days, "PT3H" for three hours, "PXY" for "several years"."""
    if unit not in ISO_UNITS:
        return None
    time_mark, letter, factor = ISO_UNITS[unit]
    amount = "X" if count is None else str(count * factor)
    return f"P{time_mark}{amount}{letter}"


def resolve_duration(match: re.Match, context: Context) -> Reading:
    """ "two days", "a week", "several months", "24 hours"."""
    unit = _unit(match)
    return Reading(None, unit, "duration", duration=iso_duration(unit, number_value(match["num"])))


def resolve_bare_duration(match: re.Match, context: Context) -> Reading:
    """ "for years": a span of unknown length."""
    unit = _unit(match)
    return Reading(None, unit, "duration", duration=iso_duration(unit, None))


def resolve_set(match: re.Match, context: Context) -> Reading:
    return Reading(None, None, "set")


def resolve_vague(match: re.Match, context: Context) -> Reading:
    return UNRESOLVED


RESOLVERS: dict[str, Callable[[re.Match, Context], Reading]] = {
    "month_day": resolve_month_day,
    "month_day_year": resolve_month_day_year,
    "day_month_year": resolve_day_month,
    "day_month": resolve_day_month,
    "month": resolve_month,
    "month_of_rel_year": resolve_month_of_rel_year,
    "report_quarter": resolve_report_quarter,
    "week_of": resolve_week_of,
    "current_period": resolve_current_period,
    "year_ago_period": resolve_year_ago_period,
    "year": resolve_year,
    "decade": resolve_decade,
    "quarter": resolve_quarter,
    "season": resolve_season,
    "relative": resolve_relative,
    "weekend": resolve_weekend,
    "day": resolve_day,
    "day_part": resolve_day_part,
    "weekday": resolve_weekday,
    "ago": resolve_ago,
    "ref_unit": resolve_ref_unit,
    "eve": resolve_eve,
    "the_time": resolve_the_time,
    "duration": resolve_duration,
    "duration_bare": resolve_bare_duration,
    "set": resolve_set,
    "vague": resolve_vague,
}


def read(rule: str, match: re.Match, context: Context) -> Reading:
    """The reading of a match by its rule's resolver; unresolved when the arithmetic
    leaves the calendar's years 1-9999 ("last week" printed in January of year 1)."""
    try:
        return RESOLVERS[rule](match, context)
    except (OverflowError, ValueError):  # date out of range, or year 0 / 10000
        return UNRESOLVED
