"""Who may be an unnamed party of a learned event (`dossier.events.parties`): a source
must be someone who can act, a target someone an act can be done to. Hand-written
sentences, the shipped tagger and argument finder."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.ingest import Article


def events_of(analyser, text: str):
    article = Article(text=text, record_id="t", published=date(1987, 3, 4))
    return analyser.analyse(article).events


@pytest.mark.parametrize(
    "text",
    [
        # a happening, a market, a thing: the tagger marks the verbs, nobody acts
        "The blackout shut down electronic banking machines and halted trading in Toronto.",
        "The power loss halted floor trading for 15 minutes on the stock exchange.",
        "Rates turned down as an earlier rise in fuel prices faltered.",
    ],
)
def test_a_thing_is_no_source(analyser, text):
    assert events_of(analyser, text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Donors have voiced concern about the political crisis in Somalia.", "Donors"),
        ("The board decided to withdraw the proposal on Tuesday.", "The board"),
    ],
)
def test_people_and_bodies_stay_sources_without_a_code(analyser, text, source):
    found = events_of(analyser, text)
    assert found and found[0].source is not None and found[0].source.text == source
