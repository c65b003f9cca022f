"""A date told a sentence later ("That visit is scheduled for early next year")."""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import SEED_AUGUST

PUBLISHED = date(2000, 8, 30)  # a Wednesday


@pytest.fixture(scope="module")
def events_of(analyser):
    from dossier.ingest import Article

    def run(text: str):
        return analyser.analyse(Article(text=text, published=PUBLISHED)).events

    return run


def visit_by(events, name: str):
    (event,) = [
        e
        for e in events
        if e.trigger == "visit" and e.source and name in e.source.name and not e.mention_of
    ]
    return event


def test_the_later_sentence_dates_the_visit(events_of):
    events = events_of(
        "Putin discussed Kim Jong-il's upcoming visit to Moscow. "
        "That visit is currently scheduled for early next year."
    )
    visit = visit_by(events, "Kim Jong-il")
    # early next year: the first third of 2001 (docs/time.md's convention)
    assert (visit.date.start, visit.date.end) == ("2001-01-01", "2001-04-30")
    assert visit.date.from_publication is False and visit.date.text == "early next year"


def test_an_event_with_its_own_date_keeps_it(events_of):
    events = events_of(
        "Kim Jong-il will visit Moscow in October. That visit is scheduled for early next year."
    )
    visit = visit_by(events, "Kim Jong-il")
    assert visit.date.start == "2000-10-01"


def test_another_word_or_no_demonstrative_passes_nothing(events_of):
    other_word = events_of(
        "Putin discussed Kim Jong-il's upcoming visit to Moscow. "
        "That summit is scheduled for early next year."
    )
    assert visit_by(other_word, "Kim Jong-il").date.from_publication is True
    no_pointer = events_of(
        "Putin discussed Kim Jong-il's upcoming visit to Moscow. "
        "A visit is scheduled for early next year."
    )
    assert visit_by(no_pointer, "Kim Jong-il").date.from_publication is True


def test_kim_jong_ils_moscow_visit_in_the_august_seed(seed_records):
    events = seed_records[SEED_AUGUST.name].events
    (visit,) = [
        e
        for e in events
        if e.source and e.source.name == "Kim Jong-il" and e.cameo_code == "042"
        if not e.mention_of
    ]
    assert visit.modality == "planned"
    assert (visit.date.start, visit.date.end) == ("2001-01-01", "2001-04-30")
