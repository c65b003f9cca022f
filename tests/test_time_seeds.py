"""Every temporal expression of the two seed articles, resolved by hand.

June seed, printed Monday 2000-06-12: last week = 06-05..11 (late = Thu-Sun 06-08..11),
this week = 06-12..18, the weekend before = Sat-Sun 06-10..11, next month = July,
last month = May. August seed, printed Wednesday 2000-08-30: this week = 08-28..09-03,
yesterday = 08-29, last month = July, earlier this month = 08-01..08-29.
"""

from __future__ import annotations

import pytest

from conftest import SEED_AUGUST, SEED_DATES, SEED_JUNE, require_shared
from dossier.ingest import read_articles
from dossier.record import Timex
from dossier.time import find_timexes

JUNE_DATES = [
    ("late last week", "2000-06-08", "2000-06-11"),
    ("sometime next month", "2000-07-01", "2000-07-31"),
    ("this week", "2000-06-12", "2000-06-18"),
    ("the eve of the July 21-23 summit", "2000-07-20", "2000-07-20"),
    ("July 21-23", "2000-07-21", "2000-07-23"),
    ("1972", "1972-01-01", "1972-12-31"),
    ("the weekend", "2000-06-10", "2000-06-11"),
    ("June 9", "2000-06-09", "2000-06-09"),
    ("June 10", "2000-06-10", "2000-06-10"),
    ("the day before", "2000-06-09", "2000-06-09"),  # the day before June 10
    ("June 8-11", "2000-06-08", "2000-06-11"),
    ("the weekend", "2000-06-10", "2000-06-11"),
    ("last month", "2000-05-01", "2000-05-31"),
    ("later this year", "2000-06-13", "2000-12-31"),
    # the G-8 summit is the July 21-23 summit named before
    ("the very eve of the G-8 summit", "2000-07-20", "2000-07-20"),
]
JUNE_DURATIONS = ["a week", "days"]  # "only a week after", "just days before"

AUGUST_DATES = [
    ("this week", "2000-08-28", "2000-09-03"),
    ("last month", "2000-07-01", "2000-07-31"),
    ("July 21-23", "2000-07-21", "2000-07-23"),
    ("the time", "2000-07-21", "2000-07-23"),  # "At the time": the summit just named
    ("last month", "2000-07-01", "2000-07-31"),  # "last month's ASEAN summit"
    ("July 28", "2000-07-28", "2000-07-28"),
    ("this week", "2000-08-28", "2000-09-03"),  # "this week's talks"
    ("August 28", "2000-08-28", "2000-08-28"),
    ("Yesterday", "2000-08-29", "2000-08-29"),
    ("yesterday", "2000-08-29", "2000-08-29"),
    ("August 25", "2000-08-25", "2000-08-25"),
    ("August 28", "2000-08-28", "2000-08-28"),
    ("August 29", "2000-08-29", "2000-08-29"),
    ("August 28-29", "2000-08-28", "2000-08-29"),
    ("this week", "2000-08-28", "2000-09-03"),
    ("July 21-24", "2000-07-21", "2000-07-24"),
    ("earlier this month", "2000-08-01", "2000-08-29"),
    ("August 14", "2000-08-14", "2000-08-14"),
    ("August 29", "2000-08-29", "2000-08-29"),
    ("this week", "2000-08-28", "2000-09-03"),
    ("the end of September", "2000-09-21", "2000-09-30"),
    ("August 28-29", "2000-08-28", "2000-08-29"),
    ("early next year", "2001-01-01", "2001-04-30"),
    ("yesterday", "2000-08-29", "2000-08-29"),
    ("August 30", "2000-08-30", "2000-08-30"),
]
AUGUST_DURATIONS = ["two days"]  # "two days of talks"


@pytest.fixture(scope="module")
def seed_timexes(nlp) -> dict[str, tuple[str, list[Timex]]]:
    found = {}
    for path in (SEED_JUNE, SEED_AUGUST):
        require_shared(path)
        (article,) = list(read_articles([path], SEED_DATES[path.name]))
        found[path.name] = (article.text, find_timexes(nlp(article.text), article.published))
    return found


@pytest.mark.parametrize(
    ("seed", "expected"), [(SEED_JUNE.name, JUNE_DATES), (SEED_AUGUST.name, AUGUST_DATES)]
)
def test_every_date_of_the_seed_resolves_in_order(seed_timexes, seed, expected):
    text, timexes = seed_timexes[seed]
    dated = [(t.text, t.value_start, t.value_end) for t in timexes if t.kind == "date"]
    assert dated == expected
    for timex in timexes:
        assert text[timex.start : timex.end] == timex.text


@pytest.mark.parametrize(
    ("seed", "expected"), [(SEED_JUNE.name, JUNE_DURATIONS), (SEED_AUGUST.name, AUGUST_DURATIONS)]
)
def test_seed_durations_have_no_date(seed_timexes, seed, expected):
    _, timexes = seed_timexes[seed]
    durations = [t for t in timexes if t.kind == "duration"]
    assert [t.text for t in durations] == expected
    assert all(t.value_start is None and t.value_end is None for t in durations)
