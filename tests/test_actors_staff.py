"""Staff and offices act for whom they serve ("Ricketts' office", "a spokesperson for the
senator", "lawyers for the protesters"): the mention is the principal's entity.
Hand-written sentences, with the real spaCy model."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors import ResolvedEntities, resolve_entities
from entity_lookup import entity_of

MARCH_2025 = date(2025, 3, 14)
SENATOR = "U.S. Senator Pete Ricketts wrote to the State Department on Monday. "


@pytest.fixture(scope="module")
def resolve(nlp):
    def run(text: str) -> ResolvedEntities:
        return resolve_entities(nlp(text), MARCH_2025)

    return run


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (SENATOR + "Ricketts' office did not reply.", "office", "Pete Ricketts"),
        (
            SENATOR + "A spokesperson for the senator criticized it.",
            "spokesperson",
            "Pete Ricketts",
        ),
        (SENATOR + "The office of Senator Ricketts condemned it.", "office", "Pete Ricketts"),
        (
            "A State Department spokesperson rejected the claims.",
            "spokesperson",
            "State Department",
        ),
        (SENATOR + "The senator's lawyers filed a motion.", "lawyers", "Pete Ricketts"),
    ],
)
def test_staff_noun_is_its_principal(resolve, text, words, name):
    entity = entity_of(resolve(text), text, words)
    assert entity is not None and entity.name == name


def test_the_principal_keeps_its_code(resolve):
    text = SENATOR + "A spokesperson for the senator criticized the plan."
    entity = entity_of(resolve(text), text, "spokesperson")
    assert entity.cameo == "USALEG"  # the senator's, not a government spokesperson's


def test_a_country_as_principal_is_left_to_the_agents(resolve):
    """ "Kenya's spokesman" speaks for Kenya's government, not for Kenya as a whole."""
    text = "Kenya's spokesman denied the report."
    entity = entity_of(resolve(text), text, "spokesman")
    assert entity is not None and entity.cameo == "KENGOV"


@pytest.mark.parametrize(
    "text",
    [
        "The new president took office in January.",  # no principal named
        "Lawyers said the case would take years.",  # nobody's lawyers
        "The Harvard debate team is about to visit China.",  # a team acts for itself
    ],
)
def test_staff_noun_without_principal_names_no_one_new(resolve, text):
    resolved = resolve(text)
    noun = next(w for w in ("office", "Lawyers", "team") if w in text)
    entity = entity_of(resolved, text, noun)
    assert entity is None or entity.type != "PERSON"
