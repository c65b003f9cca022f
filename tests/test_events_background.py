"""Background history (guide section 2, Changes 1 and 26): an act told only in a
subordinate part of a sentence and dated over a month before publication is no event;
the same act in a main clause, or recent, is."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.ingest import Article

PUBLISHED = date(2025, 3, 12)


def triggers(analyser, text: str) -> list[str]:
    article = Article(text=text, record_id="t", published=PUBLISHED)
    return [e.trigger for e in analyser.analyse(article).events]


@pytest.mark.parametrize(
    ("text", "dropped", "kept"),
    [
        # a relative clause
        ("Kenyan President William Ruto, who visited China in 2019, met Ethiopian "
         "Prime Minister Abiy Ahmed on Monday.", "visited", "met"),
        # an "after" clause
        ("After Russia annexed Crimea in 2014, the European Union imposed sanctions on "
         "Russia.", "annexed", "sanctions"),
    ],
)  # fmt: skip
def test_an_old_act_in_a_subordinate_part_is_no_event(analyser, text, dropped, kept):
    found = triggers(analyser, text)
    assert dropped not in found and kept in found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("In 2014, Russia annexed Crimea from Ukraine.", "annexed"),  # a main clause
        ("Kenyan President William Ruto, who visited China on Monday, met Ethiopian "
         "Prime Minister Abiy Ahmed on Tuesday.", "visited"),  # recent
        # after "among", the relative clause carries what the sentence asserts
        ("Canada is among the countries that banned the Chinese app in 2023.", "banned"),
    ],
)  # fmt: skip
def test_a_main_clause_a_recent_act_or_an_asserted_relative_clause_is_coded(
    analyser, text, trigger
):
    assert trigger in triggers(analyser, text)


def test_without_a_date_of_publication_an_undated_subordinate_act_is_no_event(analyser):
    def found(text: str) -> list[str]:
        article = Article(text=text, record_id="t", published=None)
        return [e.trigger for e in analyser.analyse(article).events]

    assert found("Mr Blair, who visited Iraq, met President Bush.") == ["met"]
    # the story dates it: kept
    assert "visited" in found("Mr Blair, who visited Iraq last week, met President Bush.")
