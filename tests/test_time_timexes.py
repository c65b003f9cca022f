"""Temporal expressions on hand-written sentences, each value worked out by hand.

Anchors: 2000-06-12 is a Monday (its week runs 2000-06-05..11 before it, 06-12..18);
2000-08-30 is a Wednesday (its week runs 2000-08-28..09-03).
"""

from __future__ import annotations

from datetime import date

import pytest

from dossier.record import Timex
from dossier.time import find_timexes

JUNE_12 = date(2000, 6, 12)
AUGUST_30 = date(2000, 8, 30)


def timexes(nlp, text: str, anchor: date | None) -> dict[str, Timex]:
    return {t.text: t for t in find_timexes(nlp(text), anchor)}


def value(nlp, text: str, expression: str, anchor: date | None) -> tuple[str | None, str | None]:
    found = timexes(nlp, text, anchor)
    assert expression in found, f"{expression!r} not found in {sorted(found)}"
    timex = found[expression]
    assert text[timex.start : timex.end] == expression
    return timex.value_start, timex.value_end


ABSOLUTE = [
    (
        "Ivanov told reporters on June 9 that Putin would come.",
        "June 9",
        JUNE_12,
        ("2000-06-09", "2000-06-09"),
    ),
    (
        "Officials met on August 28-29 in Moscow.",
        "August 28-29",
        AUGUST_30,
        ("2000-08-28", "2000-08-29"),
    ),
    (
        "The summit ran July 21-23 in Okinawa.",
        "July 21-23",
        AUGUST_30,
        ("2000-07-21", "2000-07-23"),
    ),
    ("Agencies reported it on June 8-11.", "June 8-11", JUNE_12, ("2000-06-08", "2000-06-11")),
    (
        "The visit was scheduled for the end of September.",
        "the end of September",
        AUGUST_30,
        ("2000-09-21", "2000-09-30"),
    ),
    ("They signed the treaty in 1972.", "1972", AUGUST_30, ("1972-01-01", "1972-12-31")),
    ("The talks resumed in mid-July.", "mid-July", AUGUST_30, ("2000-07-11", "2000-07-20")),
    ("The deal was signed in early June.", "early June", AUGUST_30, ("2000-06-01", "2000-06-10")),
    ("Elections were held in March 1998.", "March 1998", AUGUST_30, ("1998-03-01", "1998-03-31")),
    (
        "Profits fell in the third quarter of 1989.",
        "the third quarter of 1989",
        AUGUST_30,
        ("1989-07-01", "1989-09-30"),
    ),
    ("The party ruled through the 1990s.", "the 1990s", AUGUST_30, ("1990-01-01", "1999-12-31")),
    (
        "The ceasefire held until last summer.",
        "last summer",
        AUGUST_30,
        ("1999-06-01", "1999-08-31"),
    ),
    (
        "The mission left in June last year.",
        "June last year",
        AUGUST_30,
        ("1999-06-01", "1999-06-30"),
    ),
    (
        "In January nineteen ninety-seven the rebels struck.",
        "January nineteen ninety-seven",
        AUGUST_30,
        ("1997-01-01", "1997-01-31"),
    ),
    (
        "Costs will double by the year two thousand.",
        "the year two thousand",
        date(1998, 3, 3),
        ("2000-01-01", "2000-12-31"),
    ),
]


@pytest.mark.parametrize(("text", "expression", "anchor", "expected"), ABSOLUTE)
def test_absolute_expressions(nlp, text, expression, anchor, expected):
    assert value(nlp, text, expression, anchor) == expected


def test_year_less_date_takes_the_year_nearest_the_anchor_with_past_bias(nlp):
    # printed 2000-02-10: December 20 is last December (51 days back), not 314 days ahead
    assert value(nlp, "Talks began on December 20.", "December 20", date(2000, 2, 10)) == (
        "1999-12-20",
        "1999-12-20",
    )


RELATIVE_TO_PUBLICATION = [
    ("The minister arrived yesterday.", "yesterday", AUGUST_30, ("2000-08-29", "2000-08-29")),
    ("The minister arrives today.", "today", AUGUST_30, ("2000-08-30", "2000-08-30")),
    ("Talks open in Pyongyang this week.", "this week", JUNE_12, ("2000-06-12", "2000-06-18")),
    (
        "Moscow announced the trip late last week.",
        "late last week",
        JUNE_12,
        ("2000-06-08", "2000-06-11"),
    ),
    (
        "There was speculation over the weekend.",
        "the weekend",
        JUNE_12,
        ("2000-06-10", "2000-06-11"),
    ),
    ("Kim visited Beijing last month.", "last month", JUNE_12, ("2000-05-01", "2000-05-31")),
    (
        "Editors traveled to Pyongyang earlier this month.",
        "earlier this month",
        AUGUST_30,
        ("2000-08-01", "2000-08-29"),
    ),
    (
        "Putin will go to North Korea sometime next month.",
        "sometime next month",
        JUNE_12,
        ("2000-07-01", "2000-07-31"),
    ),
    (
        "Putin plans a visit to Seoul later this year.",
        "later this year",
        JUNE_12,
        ("2000-06-13", "2000-12-31"),
    ),
    (
        "The visit is scheduled for early next year.",
        "early next year",
        AUGUST_30,
        ("2001-01-01", "2001-04-30"),
    ),
    ("Trade grew last year.", "last year", AUGUST_30, ("1999-01-01", "1999-12-31")),
    ("The envoy met Kim on Tuesday.", "Tuesday", JUNE_12, ("2000-06-06", "2000-06-06")),
    ("The envoy met Kim on Monday.", "Monday", JUNE_12, ("2000-06-12", "2000-06-12")),
    ("The envoy will meet Kim on Friday.", "Friday", JUNE_12, ("2000-06-16", "2000-06-16")),
    ("Troops withdrew two years ago.", "two years ago", JUNE_12, ("1998-01-01", "1998-12-31")),
    (
        "The rebels attacked three days ago.",
        "three days ago",
        JUNE_12,
        ("2000-06-09", "2000-06-09"),
    ),
]


@pytest.mark.parametrize(("text", "expression", "anchor", "expected"), RELATIVE_TO_PUBLICATION)
def test_expressions_relative_to_the_publication_date(nlp, text, expression, anchor, expected):
    assert value(nlp, text, expression, anchor) == expected


def test_relative_values_say_what_they_were_read_against(nlp):
    timex = timexes(nlp, "The minister arrived yesterday.", AUGUST_30)["yesterday"]
    assert (timex.kind, timex.granularity, timex.anchor) == (
        "date",
        "day",
        "publication 2000-08-30",
    )


def test_the_day_before_leans_on_the_previous_date(nlp):
    text = (
        "This was made clear on June 10, when Moscow said that Mamedov had met Pak the day before."
    )
    found = timexes(nlp, text, JUNE_12)
    assert (found["the day before"].value_start, found["the day before"].value_end) == (
        "2000-06-09",
        "2000-06-09",
    )
    assert found["the day before"].anchor == f'"June 10" at {text.index("June 10")}'


def test_two_days_later(nlp):
    text = "The talks opened on June 5. Two days later, the delegations signed a protocol."
    assert value(nlp, text, "Two days later", JUNE_12) == ("2000-06-07", "2000-06-07")


def test_the_eve_of_a_dated_summit(nlp):
    text = "The visit might be on the eve of the July 21-23 summit of G-7 countries in Japan."
    found = timexes(nlp, text, JUNE_12)
    eve = found["the eve of the July 21-23 summit"]
    assert (eve.value_start, eve.value_end) == ("2000-07-20", "2000-07-20")
    summit = found["July 21-23"]
    assert (summit.value_start, summit.value_end) == ("2000-07-21", "2000-07-23")


@pytest.mark.parametrize(
    ("text", "expression", "length"),
    [
        ("The sides held two days of talks in Moscow.", "two days", "P2D"),
        ("The envoy stayed in Seoul for three weeks.", "three weeks", "P3W"),
        ("The announcement came only a week after the summit.", "a week", "P1W"),
        ("The talks lasted 24 hours.", "24 hours", "PT24H"),
        ("The feud has lasted for years.", "years", "PXY"),
    ],
)
def test_durations_are_recognised_but_never_dated(nlp, text, expression, length):
    timex = timexes(nlp, text, JUNE_12)[expression]
    assert (timex.kind, timex.duration) == ("duration", length)
    assert (timex.value_start, timex.value_end) == (None, None)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("The minister arrived yesterday.", "yesterday"),
        ("Talks open in Pyongyang this week.", "this week"),
        ("Ivanov spoke on June 9.", "June 9"),
        ("Kim visited Beijing last month.", "last month"),
        ("The envoy met Kim on Tuesday.", "Tuesday"),
        ("Profits fell in the third quarter.", "the third quarter"),
        ("There was speculation over the weekend.", "the weekend"),
        ("Troops withdrew two years ago.", "two years ago"),
        ("The visit was scheduled for the end of September.", "the end of September"),
    ],
)
def test_without_an_anchor_relative_expressions_stay_unresolved(nlp, text, expression):
    timex = timexes(nlp, text, None)[expression]
    assert timex.kind == "unresolved"
    assert (timex.value_start, timex.value_end, timex.anchor) == (None, None, None)


def test_without_an_anchor_an_explicit_year_still_resolves(nlp):
    assert value(nlp, "The accord was signed on June 9, 2000.", "June 9, 2000", None) == (
        "2000-06-09",
        "2000-06-09",
    )
    assert value(nlp, "They signed the treaty in 1972.", "1972", None) == (
        "1972-01-01",
        "1972-12-31",
    )


def test_the_day_before_with_nothing_before_it_stays_unresolved(nlp):
    timex = timexes(nlp, "They had met the day before.", JUNE_12)["the day before"]
    assert (timex.kind, timex.value_start) == ("unresolved", None)


def test_the_day_before_a_bare_year_is_no_day(nlp):
    # with no publication date, "June 10" has no year and the last resolved date is the
    # treaty's year: one day before a year is no day (it was read as 1971-12-31)
    text = "The 1972 treaty was raised on June 10, when Moscow said they had met the day before."
    timex = timexes(nlp, text, None)["the day before"]
    assert (timex.kind, timex.value_start) == ("unresolved", None)
    text = "They met in 1998 and again the year before."
    assert timexes(nlp, text, None)["the year before"].value_start == "1997-01-01"


@pytest.mark.parametrize(
    "text",
    [
        "May I ask what the minister said?",
        "The army sent 2000 troops to the border.",
        "The fall of the regime surprised observers.",
        "A 6-year-old boy was rescued at sea.",
        "Foreign Minister Jan Kavan of the Czech Republic arrived.",
    ],
)
def test_words_that_only_look_temporal_are_not_taken(nlp, text):
    assert [t.text for t in find_timexes(nlp(text), JUNE_12) if t.kind != "unresolved"] == []


def test_a_week_after_a_date_is_one_expression(nlp):
    text = "The vote came a week after June 9."
    found = find_timexes(nlp(text), JUNE_12)
    assert [(t.text, t.value_start, t.value_end) for t in found] == [
        ("a week after June 9", "2000-06-16", "2000-06-16")
    ]
