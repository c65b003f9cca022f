"""The date of an event from the expression that governs its clause, on hand-built sentences."""

from __future__ import annotations

from datetime import date

from dossier.time import event_date, find_timexes, timexes_in_sentence

JUNE_12 = date(2000, 6, 12)
AUGUST_30 = date(2000, 8, 30)


def date_of(nlp, text: str, trigger: str, published: date | None):
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == trigger]
    return event_date(token, find_timexes(doc, published), published)


def test_a_date_attached_to_the_verb_dates_it(nlp):
    found = date_of(nlp, "Ivanov told reporters on June 9 that Putin was coming.", "told", JUNE_12)
    assert (found.start, found.end, found.text, found.from_publication) == (
        "2000-06-09",
        "2000-06-09",
        "June 9",
        False,
    )


def test_a_date_of_another_clause_does_not_date_the_verb(nlp):
    text = "Ivanov told reporters on June 9 that Putin would not urge Kim to stop."
    found = date_of(nlp, text, "urge", JUNE_12)
    assert (found.start, found.end, found.from_publication) == ("2000-06-12", "2000-06-12", True)


def test_a_relative_clause_keeps_its_own_date(nlp):
    text = "Putin received Kim, who had visited Beijing last month."
    received = date_of(nlp, text, "received", JUNE_12)
    visited = date_of(nlp, text, "visited", JUNE_12)
    assert received.from_publication is True
    assert (visited.start, visited.end) == ("2000-05-01", "2000-05-31")


def test_a_date_carried_by_the_nominal(nlp):
    text = "Talks took place on the margins of last month's ASEAN summit in Bangkok."
    found = date_of(nlp, text, "summit", AUGUST_30)
    assert (found.start, found.end, found.text) == ("2000-07-01", "2000-07-31", "last month")


def test_a_dated_summit_is_dated_by_its_own_range_not_by_its_eve(nlp):
    text = "The visit might be on the eve of the July 21-23 summit in Japan."
    summit = date_of(nlp, text, "summit", JUNE_12)
    assert (summit.start, summit.end) == ("2000-07-21", "2000-07-23")


def test_a_relative_expression_dates_the_verb(nlp):
    found = date_of(nlp, "Sherman met Mamedov yesterday in Moscow.", "met", AUGUST_30)
    assert (found.start, found.end, found.from_publication) == ("2000-08-29", "2000-08-29", False)


def test_a_duration_never_dates_an_event(nlp):
    found = date_of(nlp, "The two sides held talks for three weeks.", "held", AUGUST_30)
    assert (found.start, found.from_publication) == ("2000-08-30", True)


def test_without_a_date_or_a_publication_date_there_is_none(nlp):
    assert date_of(nlp, "The two sides held talks in Moscow.", "held", None) is None


def test_a_span_trigger_is_read_by_its_root(nlp):
    doc = nlp("Sherman met with Mamedov on August 28 in Moscow.")
    found = event_date(doc[1:3], find_timexes(doc, AUGUST_30), AUGUST_30)
    assert (found.start, found.text) == ("2000-08-28", "August 28")


def test_timexes_in_sentence(nlp):
    doc = nlp("Kim left Seoul on June 9. He returned on June 11.")
    timexes = find_timexes(doc, JUNE_12)
    second = list(doc.sents)[1]
    assert [t.text for t in timexes_in_sentence(second, timexes)] == ["June 11"]


def test_a_noun_event_takes_the_date_of_the_clause_scheduling_it(nlp):
    text = "Paek postponed a visit to Moscow which had been scheduled for the end of September."
    visit = date_of(nlp, text, "visit", AUGUST_30)
    assert (visit.start, visit.end) == ("2000-09-21", "2000-09-30")


def test_a_noun_after_during_shares_the_verb_date(nlp):
    text = "The deal was discussed last month during Putin's visit to Pyongyang."
    visit = date_of(nlp, text, "visit", AUGUST_30)
    assert (visit.start, visit.end, visit.text) == ("2000-07-01", "2000-07-31", "last month")
