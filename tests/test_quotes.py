"""Quotations and their speakers, on hand-written sentences and on the seeds."""

from __future__ import annotations

import pytest
from tests.conftest import SEED_AUGUST, SEED_JUNE


@pytest.fixture(scope="module")
def quotes_of(analyser):
    from dossier.ingest import Article

    def run(text: str):
        return analyser.analyse(Article(text=text)).quotes

    return run


def test_speaker_after_the_quotation(quotes_of):
    (q,) = quotes_of("“We will not give in to pressure,” Gerhard Schroeder said on Monday.")
    assert q.text == "We will not give in to pressure,"
    assert (q.speaker, q.speaker_text, q.kind) == (
        "Gerhard Schroeder",
        "Gerhard Schroeder",
        "statement",
    )


def test_speaker_before_the_quotation_with_straight_marks(quotes_of):
    (q,) = quotes_of('Jacques Chirac told reporters that "the summit was a success for Europe."')
    assert q.speaker == "Jacques Chirac"
    assert q.text == "the summit was a success for Europe."


def test_unnamed_speaker_keeps_the_words(quotes_of):
    (q,) = quotes_of("“The border will stay closed until further notice,” a senior official said.")
    assert q.speaker is None and q.speaker_text == "a senior official"


def test_a_statement_continues_across_sentences(quotes_of):
    first, second = quotes_of(
        "Tony Blair said that “the talks must go on.” “There is no other way to peace.”"
    )
    assert first.speaker == second.speaker == "Tony Blair"


def test_a_scare_quoted_term_has_no_speaker_without_its_own_verb(quotes_of):
    (q,) = quotes_of("Critics worried about the “missile deal” that the leaders discussed.")
    assert q.kind == "term" and q.speaker is None


def test_quotes_of_the_june_seed(seed_records):
    quotes = seed_records[SEED_JUNE.name].quotes
    got = [(q.text[:30], q.speaker, q.speaker_text, q.kind) for q in quotes]
    assert got == [
        ("rogue", got[0][1], "Washington", "term"),
        ("try to convince the North Kore", "Kenneth Bacon", "He", "statement"),
        ("to stop attempting to sell the", "Kenneth Bacon", "Bacon", "statement"),
        ("President Putin is coming on a", "Igor Ivanov", "Ivanov", "statement"),
        ("discussions on maintaining str", got[4][1], "A Russian statement", "statement"),
        ("including the nonproliferation", got[4][1], "A Russian statement", "statement"),
    ]
    record = seed_records[SEED_JUNE.name]
    assert speaker_codes(record, quotes[0]) == ("USA", "USAGOV")  # Washington, the government
    assert speaker_codes(record, quotes[4]) == ("RUS", "RUSGOV")  # a Russian statement


def speaker_codes(record, quote):
    entity = next(e for e in record.entities if e.id == quote.speaker_entity)
    return entity.country, entity.cameo


def test_quotes_of_the_august_seed(seed_records):
    quotes = seed_records[SEED_AUGUST.name].quotes
    got = [(q.text[:30], q.speaker, q.kind) for q in quotes]
    assert got == [
        ("missile deal", None, "term"),
        ("joking", "Kim Jong-il", "term"),
        ("We were talking about such a s", "Kim Jong-il", "statement"),
        ("grabbed my words", "Kim Jong-il", "statement"),
        ("media reports on some contradi", got[4][1], "statement"),
    ]
    assert quotes[-1].speaker_text == "a high-ranking Russian diplomat"
    assert speaker_codes(seed_records[SEED_AUGUST.name], quotes[-1]) == ("RUS", "RUSGOV")


def test_quote_offsets_point_into_the_text(seed_records):
    for record in seed_records.values():
        for quote in record.quotes:
            assert record.text[quote.start : quote.end] == quote.text
