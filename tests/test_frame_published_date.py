"""The publication date travels through the time stage as a `date` named `published`.

Only the output record turns it into text (`Timex.anchor`, "publication 2000-06-12"), as
the store and the JSON schema hold it.
"""

from __future__ import annotations

import inspect
import typing
from datetime import date

from dossier import dates
from dossier.time import event_date, find_timexes, resolve
from dossier.time.grammar import RULES
from dossier.time.resolve import Context, resolve_relative

JUNE_12 = date(2000, 6, 12)  # a Monday


def test_the_context_holds_the_publication_date_as_a_date_named_published():
    hints = typing.get_type_hints(Context)
    assert hints["published"] == date | None
    assert "anchor" not in hints


def test_every_resolver_is_handed_the_date_object_itself(nlp, monkeypatch):
    seen: list[object] = []
    for name, resolver in list(resolve.RESOLVERS.items()):

        def spy(match, context, resolver=resolver):
            seen.append(context.published)
            return resolver(match, context)

        monkeypatch.setitem(resolve.RESOLVERS, name, spy)
    text = "Putin arrived yesterday and met Kim last week; the day before he was in Minsk."
    find_timexes(nlp(text), JUNE_12)
    assert seen and all(published is JUNE_12 for published in seen)


def test_a_relative_expression_is_computed_from_the_date():
    pattern = next(rule.pattern for rule in RULES if rule.name == "relative")
    reading = resolve_relative(pattern.search("last week"), Context(published=JUNE_12))
    assert (reading.value.start, reading.value.end) == (date(2000, 6, 5), date(2000, 6, 11))
    assert type(reading.value.start) is date
    assert reading.read_against == "publication"


def test_only_the_record_writes_the_date_as_text(nlp):
    (timex,) = find_timexes(nlp("Putin arrived yesterday."), JUNE_12)
    assert (timex.value_start, timex.anchor) == ("2000-06-11", "publication 2000-06-12")


def test_the_publication_date_has_one_name_in_the_time_functions():
    functions = (
        find_timexes,
        event_date,
        dates.nearest_year,
        dates.parse_month_day_range,
        dates.find_month_day_ranges,
        dates.month_day_range,
    )
    for function in functions:
        parameters = inspect.signature(function).parameters
        assert "published" in parameters and "anchor" not in parameters, function.__name__
