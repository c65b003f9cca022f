"""Outlets as actors: a one-word outlet name that is also an ordinary word needs spaCy to
see a name there ("Times have changed" is not The Times)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def entities_of(analyser):
    from dossier.ingest import Article

    def run(text: str) -> dict[str, str | None]:
        record = analyser.analyse(Article(text=text))
        return {entity.name: entity.cameo for entity in record.entities}

    return run


@pytest.mark.parametrize(
    "text",
    [
        "Times have changed since the war ended.",
        "Independent candidates won three seats in the vote.",
        "Monitor groups said the vote was fair.",
    ],
)
def test_ordinary_words_are_not_outlets(entities_of, text):
    media = [name for name, cameo in entities_of(text).items() if cameo and cameo.endswith("MED")]
    assert media == []


def test_outlet_names_still_resolve(entities_of):
    found = entities_of("Reuters and the Washington Post reported that Sky News was wrong.")
    assert found.get("Reuters") == "GBRMED"
    assert found.get("Washington Post") == "USAMED"
    assert found.get("Sky News") == "GBRMED"
