"""Property-based tests of the date resolver (issue 12, "Tests that keep it so").

Publication dates anywhere in [0001-01-01, 9999-12-31], a fixed set of relative
expressions and random explicit dates: resolving never raises, and every resolved
value is a real calendar range (start <= end, inside years 1-9999); an expression whose
arithmetic leaves the calendar stays unresolved.

The sentences are parsed once (spaCy is the slow part); `find_timexes` is then run
against many publication dates. Explicit dates change the text, so those examples
parse each time and are fewer.
"""

from __future__ import annotations

import calendar
import os
from datetime import date
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.dates import (
    DateRange,
    find_month_day_ranges,
    nearest_year,
    parse_month_day_range,
)
from dossier.ingest.published import infer_published
from dossier.record import Timex
from dossier.time import find_timexes
from dossier.time.grammar import scan
from dossier.time.resolve import Context, Reading, read

# Reproducible in CI; DOSSIER_PROPERTY_SCALE=20 runs 20 times as many random examples.
SCALE = int(os.environ.get("DOSSIER_PROPERTY_SCALE", "1"))
CHEAP = settings(max_examples=200 * SCALE, deadline=None, derandomize=SCALE == 1)
PARSING = settings(max_examples=40 * SCALE, deadline=None, derandomize=SCALE == 1)

RELATIVE = [
    "last week",
    "next year",
    "tomorrow",
    "on Monday",
    "in March",
    "two days later",
    "the day before",
    "next month",
    "last year",
    "this week",
]
# The fixed expressions, each in a sentence, plus a few more of the grammar's families.
RELATIVE_TEXT = (
    "Putin met Kim last week. They will meet again next year. Talks resume tomorrow. "
    "The envoy arrived on Monday. Elections are due in March. Two days later, the talks "
    "collapsed. The day before, ministers met. He will visit next month. Trade fell last "
    "year. Markets rallied this week. Late last week the army withdrew; early next month "
    "it returns. Three years ago the treaty was signed, and a year earlier it was drafted. "
    "The summit ends at the end of the year, this summer or in the first quarter. "
    "The following day, the weekend before, last Friday and next spring were quiet. "
    "Yesterday, last night and this morning the decade of the 1990s was recalled; "
    "99999999999 days ago and 10000 years later nothing happened."
)
EARLIEST, LATEST = date.min, date.max  # 0001-01-01, 9999-12-31
MONTH_NAMES = list(calendar.month_name)[1:]

any_day = st.dates(min_value=EARLIEST, max_value=LATEST)
# Days at the calendar's edges are where the arithmetic breaks; draw them often.
edge_day = st.one_of(
    st.dates(min_value=EARLIEST, max_value=date(1, 3, 31)),
    st.dates(min_value=date(9999, 10, 1), max_value=LATEST),
)
publication_day = st.one_of(any_day, edge_day, st.none())


@cache
def parsed(nlp, text: str):
    return nlp(text)


def check_timex(timex: Timex, text: str) -> None:
    assert text[timex.start : timex.end] == timex.text
    if timex.value_start is None or timex.value_end is None:
        assert timex.value_start is None and timex.value_end is None
        return
    start, end = date.fromisoformat(timex.value_start), date.fromisoformat(timex.value_end)
    assert EARLIEST <= start <= end <= LATEST, timex
    assert timex.kind == "date"


def check_reading(reading: Reading) -> None:
    assert isinstance(reading, Reading)
    if reading.value is not None:
        assert EARLIEST <= reading.value.start <= reading.value.end <= LATEST


@CHEAP
@given(published=publication_day)
def test_relative_expressions_resolve_inside_the_calendar_for_any_publication_date(nlp, published):
    doc = parsed(nlp, RELATIVE_TEXT)
    timexes = find_timexes(doc, published)
    found = {t.text.lower() for t in timexes}
    for expression in RELATIVE:
        assert expression.removeprefix("on ").removeprefix("in ").lower() in found, expression
    for timex in timexes:
        check_timex(timex, RELATIVE_TEXT)


def test_relative_expressions_at_the_edges_are_unresolved_not_wrong(nlp):
    doc = parsed(nlp, RELATIVE_TEXT)
    first = {t.text: t for t in find_timexes(doc, EARLIEST)}
    last = {t.text: t for t in find_timexes(doc, LATEST)}
    assert first["last week"].value_start is None and first["last year"].value_start is None
    assert last["next year"].value_start is None and last["tomorrow"].value_start is None
    assert first["tomorrow"].value_start == "0001-01-02"
    assert last["last week"].value_start is not None


explicit_date = st.builds(
    lambda day, form: form.format(
        month=MONTH_NAMES[day.month - 1], d=day.day, y=day.year, iso=day.isoformat()
    ),
    any_day,
    st.sampled_from(
        [
            "{month} {d}, {y}",
            "{d} {month} {y}",
            "{month} {y}",
            "{month} {d}",
            "the week of {month} {d}",
            "{y}",
            "{iso}",
        ]
    ),
)


@PARSING
@given(explicit=explicit_date, published=publication_day, relative=st.sampled_from(RELATIVE))
def test_explicit_dates_and_what_leans_on_them_stay_inside_the_calendar(
    nlp, explicit, published, relative
):
    text = f"The treaty was signed on {explicit}. {relative.capitalize()}, the talks ended."
    for timex in find_timexes(nlp(text), published):
        check_timex(timex, text)


@PARSING
@given(
    text=st.lists(
        st.one_of(
            st.text(max_size=6),
            st.sampled_from("0123456789 ,.-"),
            st.sampled_from([" last ", " next ", " week", " March ", " 9999", " 0001", " ago"]),
        ),
        max_size=30,
    ).map("".join),
    published=publication_day,
)
def test_random_unicode_text_never_breaks_the_resolver(nlp, text, published):
    for timex in find_timexes(nlp(text), published):
        check_timex(timex, text)


def readings_context():
    extreme_range = st.builds(
        lambda a, b: DateRange(min(a, b), max(a, b)), st.one_of(any_day, edge_day), edge_day
    )
    reading = st.one_of(
        st.none(),
        st.builds(
            Reading,
            st.one_of(st.none(), extreme_range),
            st.sampled_from([None, "day", "week", "month", "quarter", "year", "decade"]),
            st.sampled_from(["date", "unresolved"]),
        ),
    )
    return st.builds(Context, publication_day, st.booleans(), reading, reading)


MATCHES = scan(RELATIVE_TEXT + " " + " ".join(RELATIVE) + " a week after June 9, the eve of it")


@CHEAP
@given(context=readings_context())
def test_every_rule_reads_any_context_without_raising(context):
    for rule, match in MATCHES:
        check_reading(read(rule.name, match, context))


@CHEAP
@given(text=explicit_date, published=publication_day)
def test_month_day_ranges_are_real_ranges(text, published):
    for match_text in (text, f"{text}-28", f"{text} to December 31"):
        value = parse_month_day_range(match_text, published)
        assert value is None or EARLIEST <= value.start <= value.end <= LATEST
        for _, found in find_month_day_ranges(match_text, published):
            assert EARLIEST <= found.start <= found.end <= LATEST


@CHEAP
@given(day=any_day, published=any_day)
def test_a_year_less_day_takes_a_year_next_to_the_publication_year(day, published):
    assert abs(nearest_year(day.month, day.day, published) - published.year) <= 1


@CHEAP
@given(text=st.text(max_size=200), day=any_day)
def test_inferred_publication_dates_are_real_days(text, day):
    written = f"{text} {MONTH_NAMES[day.month - 1]} {day.day}, {day.year} {text}"
    inferred = infer_published(written)
    assert inferred is None or EARLIEST <= inferred <= LATEST
