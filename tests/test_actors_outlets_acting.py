"""An outlet is an actor only where it acts (`dossier.actors.reporting`): a citation,
"according to", an interview or the subject of a verb of reporting names no actor; a
ban, an expulsion or a lawsuit keeps the MED actor."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors import resolve_entities

DAY = date(2015, 1, 1)


@pytest.fixture(scope="module")
def actor_of(nlp):
    def run(text: str, words: str):
        resolved = resolve_entities(nlp(text), DAY)
        start = text.index(words)
        return resolved, resolved.actor_at(start, start + len(words))

    return run


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Reuters reported that Israeli troops attacked Gaza.", "Reuters"),
        ("Iran attacked Iraq, Reuters reported.", "Reuters"),
        ("Iran condemned Israel, according to the BBC.", "BBC"),
        ("Xinhua said China criticised Japan.", "Xinhua"),
        ("The official Xinhua news agency said the two sides signed a deal.", "Xinhua"),
        ("Iran accused Israel, he told the BBC.", "BBC"),
        ("TBILISI, Georgia (Reuters) - Russia warned Georgia.", "Reuters"),
        ("Iran attacked Iraq on Monday (Reuters).", "Reuters"),
        ("Reuters quoted officials as saying the talks failed.", "Reuters"),
        ("The minister was quoted by Xinhua as saying the plan was dead.", "Xinhua"),
        ("Khamenei said in an interview with Al Jazeera that Iran would retaliate.", "Al Jazeera"),
        ("Speaking to Reuters, the minister denied the report.", "Reuters"),
    ],
)
def test_a_reporting_outlet_is_no_actor_there(actor_of, text, outlet):
    resolved, actor = actor_of(text, outlet)
    assert actor is None
    start = text.index(outlet)
    assert resolved.at(start, start + len(outlet)) is not None  # still named there


@pytest.mark.parametrize(
    ("text", "outlet", "cameo"),
    [
        ("China banned the BBC.", "BBC", "GBRMED"),
        ("The BBC was banned in China.", "BBC", "GBRMED"),
        ("China expelled the Reuters correspondent.", "Reuters", "GBRMED"),
        ("Al Jazeera sued Israel.", "Al Jazeera", "QATMED"),
        ("Egypt jailed three Al Jazeera journalists.", "Al Jazeera", "QATMED"),
        ("The BBC said it would appeal the ban.", "BBC", "GBRMED"),
    ],
)
def test_an_outlet_that_acts_keeps_its_actor(actor_of, text, outlet, cameo):
    _, actor = actor_of(text, outlet)
    assert actor is not None and actor.cameo == cameo


def test_one_outlet_reports_in_one_sentence_and_acts_in_another(actor_of):
    text = "China banned the BBC. Iran condemned Israel, according to the BBC."
    resolved, first = actor_of(text, "BBC")
    assert first is not None and first.cameo == "GBRMED"
    second = text.rindex("BBC")
    assert resolved.actor_at(second, second + 3) is None


@pytest.fixture(scope="module")
def events_of(analyser):
    from dossier.ingest import Article

    def run(text: str):
        record = analyser.analyse(Article(text=text, published=DAY))
        return [(e.source, e.target) for e in record.events]

    return run


@pytest.mark.parametrize(
    "text",
    [
        "Reuters reported that Israeli troops attacked Gaza.",
        "Xinhua said China criticised Japan.",
        "Iran condemned Israel, according to the BBC.",
        "Iran accused Israel, he told the BBC.",
    ],
)
def test_no_event_takes_a_reporting_outlet_for_a_party(events_of, text):
    parties = [p for pair in events_of(text) for p in pair if p is not None]
    assert parties and not any(p.cameo and p.cameo.endswith("MED") for p in parties)


def test_an_acting_outlet_is_a_party(events_of):
    sides = events_of("Al Jazeera sued Israel. China banned the BBC.")
    cameos = {p.cameo for pair in sides for p in pair if p is not None}
    assert {"QATMED", "GBRMED"} <= cameos
