"""Acronyms a text defines ("the Baloch Liberation Army, or BLA,"): the acronym names
the same entity everywhere in the document. Hand-written sentences, the real spaCy model."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors import ResolvedEntities, resolve_entities
from dossier.actors.acronyms import initials_match
from entity_lookup import entity_of

MAY_2024 = date(2024, 5, 1)


@pytest.fixture(scope="module")
def resolve(nlp):
    def run(text: str) -> ResolvedEntities:
        return resolve_entities(nlp(text), MAY_2024)

    return run


@pytest.mark.parametrize(
    "text",
    [
        "The Baloch Liberation Army, or BLA, attacked a train. The BLA said it held hostages.",
        "The Baloch Liberation Army (BLA) attacked a train. The BLA said it held hostages.",
        "BLA, the Baloch Liberation Army, attacked a train. The BLA said it held hostages.",
    ],
)
def test_a_defined_acronym_is_the_named_organisation(resolve, text):
    resolved = resolve(text)
    army = entity_of(resolved, text, "Baloch Liberation Army")
    assert army is not None and army.cameo == "PAKSEP"
    assert entity_of(resolved, text, "BLA", nth=1) is army


def test_an_unknown_organisation_and_its_acronym_are_one_entity(resolve):
    text = "The Coastal Farmers Union (CFU) marched on Tuesday. Police stopped the CFU at dawn."
    resolved = resolve(text)
    union = entity_of(resolved, text, "Coastal Farmers Union")
    assert union is not None
    assert entity_of(resolved, text, "CFU", nth=1) is union


def test_capitals_that_are_not_the_names_initials_stay_apart(resolve):
    text = "The Baloch Liberation Army attacked a train, AFP reported. The UN condemned it."
    resolved = resolve(text)
    army = entity_of(resolved, text, "Baloch Liberation Army")
    assert entity_of(resolved, text, "AFP") is not army
    assert entity_of(resolved, text, "UN") is not army


def test_an_acronym_not_next_to_the_name_is_no_definition(resolve):
    text = "The Coastal Farmers Union marched. The CFU was not there, officials said."
    resolved = resolve(text)
    assert entity_of(resolved, text, "CFU") is not entity_of(resolved, text, "Coastal")


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("BLA", "Baloch Liberation Army", True),
        ("TTP", "Tehrik-i-Taliban Pakistan", True),
        ("CPJ", "Committee to Protect Journalists", True),
        ("ISIL", "Islamic State of Iraq and the Levant", True),
        ("AFP", "Baloch Liberation Army", False),
        ("US", "Sudan", False),  # one word has no initials to spell
    ],
)
def test_initials(acronym, name, expected):
    assert initials_match(acronym, name) is expected
