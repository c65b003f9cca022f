"""Pronouns and definite nouns for countries, organisations and groups
(`dossier.actors.group_coref`), on hand-written sentences with the real spaCy model."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from dossier.actors import ResolvedEntities, resolve_entities

DAY = date(2020, 6, 1)
PASSES = Path(__file__).resolve().parents[1] / "src" / "dossier" / "actors"


@pytest.fixture(scope="module")
def resolve(nlp):
    def run(text: str) -> ResolvedEntities:
        return resolve_entities(nlp(text), DAY)

    return run


def entity_name(text: str, resolved: ResolvedEntities, words: str, nth: int = 0) -> str | None:
    """The name of the entity behind the nth occurrence of `words` (as a whole word)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
        while text[start + len(words) : start + len(words) + 1].isalpha():
            start = text.index(words, start + 1)
    entity = resolved.at(start, start + len(words))
    return entity.name if entity is not None else None


def coded(resolve, text: str, words: str, nth: int = 0) -> str | None:
    return entity_name(text, resolve(text), words, nth)


# --- "it" / "its" ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Beijing has hinted that it could retaliate with tariffs.", "it", "Government (China)"),
        ("China said on Monday it would send a delegation to the talks.", "it", "China"),
        ("North Korea fired a missile. It said the test was a success.", "It", "North Korea"),
        ("Pakistan rejected the report and defended its record.", "its", "Pakistan"),
        (
            "The separatist group has been fighting the Pakistani state, accusing it of neglect.",
            "it",
            "Pakistan",
        ),
    ],
)
def test_it_is_the_last_country_or_organisation_that_was_a_subject(resolve, text, words, name):
    assert coded(resolve, text, words) == name


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("China criticised the plan. It is unclear whether the talks will resume.", "It"),
        ("Russia objected. It is expected that the vote will be delayed.", "It"),
        ("Japan protested. It seems the talks have stalled.", "It"),
        ("Germany objected. If the vote passes, it could raise tariffs on cars.", "it"),
        ("Ambassador Kim Sook said it was a good day for peace.", "it"),
        ("Ukraine welcomed the U.S. proposal to extend it to land.", "it"),
    ],
)
def test_expletive_or_thing_it_gets_nothing(resolve, text, words):
    assert coded(resolve, text, words) is None


def test_an_object_it_is_not_the_subject_of_its_own_clause(resolve):
    text = "The United States said it would exert pressure on Iran to prevent it from arming."
    resolved = resolve(text)
    assert entity_name(text, resolved, "it") == "United States"
    assert entity_name(text, resolved, "it", 1) == "Iran"


# --- "they" / "them" / "their" ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Kenyan police said they had arrested five suspects.", "they", "Police (Kenya)"),
        (
            "Somali officials said their forces had retaken the town.",
            "their",
            "Government (Somalia)",
        ),
        (
            "Afghan troops entered the city. They met little resistance.",
            "They",
            "Military (Afghanistan)",
        ),
        ("Nigerian soldiers said the attack had surprised them.", "them", "Military (Nigeria)"),
    ],
)
def test_they_is_the_last_plural_group_that_was_a_subject(resolve, text, words, name):
    assert coded(resolve, text, words) == name


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            'Al-Shabab militants attacked a hotel in Kismayo. "They stormed it at dawn," a '
            "witness said.",
            "They",
            "al-Shabab",
        ),
        (
            "Taliban fighters seized the district on Sunday. They later freed the prisoners.",
            "They",
            "Taliban",
        ),
    ],
)
def test_they_is_a_named_armed_group_told_by_a_plural_noun(resolve, text, words, name):
    """'Al-Shabab militants' is one named group and a plural subject: 'they' is it."""
    assert coded(resolve, text, words) == name


def test_a_named_body_told_in_the_singular_is_no_they(resolve):
    text = "The Taliban government rejected the plan. They said it was unfair."
    assert coded(resolve, text, "They") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Migrants arrived at the border on Monday. They were sent back.", "They"),
        ("Russia and China signed a pact. They hailed it as historic.", "They"),
        ("Thai officials detained 40 Uyghurs and later deported them.", "them"),
        ("Putin met Kim in Pyongyang. They discussed the missile programme.", "They"),
    ],
)
def test_they_without_a_group_antecedent_gets_nothing(resolve, text, words):
    assert coded(resolve, text, words) is None


# --- "we" / "our" / "us" inside a quotation ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            '"We will not give up," the Pakistani finance minister said.',
            "We",
            "Government (Pakistan)",
        ),
        (
            '"We are ready," the Pakistani finance minister said. "Our program is on track."',
            "Our",
            "Government (Pakistan)",
        ),
        ("NATO said: “We will defend every ally.”", "We", "NATO"),
        ("“Nobody told us,” Kenyan police said.", "us", "Police (Kenya)"),
    ],
)
def test_we_in_a_quotation_is_the_speakers_body(resolve, text, words, name):
    assert coded(resolve, text, words) == name


def test_we_of_an_organisations_spokesperson_is_the_organisation(resolve):
    text = '"We reject these claims," said Amnesty International spokesperson Jane Doe.'
    assert coded(resolve, text, "We") == "Amnesty International"


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ('"I will not resign," Kenyan President William Ruto said.', "I", "William Ruto"),
        (
            'Kenyan President William Ruto spoke on Monday. "My government will act," he said.',
            "My",
            "William Ruto",
        ),
    ],
)
def test_i_in_a_quotation_is_the_speaker(resolve, text, words, name):
    assert coded(resolve, text, words) == name


@pytest.mark.parametrize(
    "text",
    [
        "I think Kenyan President William Ruto will not resign.",  # the writer, no quotation
        '"I am tired," said a resident of the town.',  # a speaker the actors do not know
    ],
)
def test_i_outside_a_quotation_or_of_an_unknown_speaker_gets_nothing(resolve, text):
    assert coded(resolve, text, "I") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("We will not give up, the Pakistani finance minister said.", "We"),
        ('"We are tired," said a resident of the town.', "We"),
        ('"We are hungry," said John Smith, a local farmer.', "We"),
        ("The US and Russia met in Geneva.", "US"),
    ],
)
def test_we_outside_a_quotation_or_for_no_body_gets_nothing(resolve, text, words):
    found = coded(resolve, text, words)
    assert found is None or words == "US" and found == "United States"


# --- definite nouns --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Al-Shabab claimed responsibility for the attack. In a statement, the group said "
            "ten people were killed.",
            "the group",
            "al-Shabab",
        ),
        (
            "The International Atomic Energy Agency sent inspectors to Iran. The agency said "
            "the site was closed.",
            "The agency",
            "International Atomic Energy Agency",
        ),
        ("Pakistan rejected the report. The country said it was false.", "The country", "Pakistan"),
        (
            "NATO met in Brussels on Monday. The organization said it would send more troops.",
            "The organization",
            "NATO",
        ),
        (
            "Amnesty International met in London. The organization, led by its new head, "
            "concluded a summit.",
            "The organization",
            "Amnesty International",
        ),
        (
            "Amnesty International met in London. The organization, which was founded in "
            "1961, urged a ceasefire.",
            "The organization",
            "Amnesty International",
        ),
    ],
)
def test_a_definite_noun_repeats_the_last_entity_of_its_kind(resolve, text, words, name):
    assert coded(resolve, text, words) == name


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The group said ten people were killed.", "The group"),
        ("Pakistan rejected the report. The group of experts disagreed.", "The group"),
        ("Kenya sent troops to Somalia. The agency said the roads were closed.", "The agency"),
        (
            "NATO met in Brussels. Talks went on. Nothing was agreed. The leaders left. "
            "Then the organization said it would meet again.",
            "the organization",
        ),
    ],
)
def test_a_definite_noun_without_an_antecedent_gets_nothing(resolve, text, words):
    assert coded(resolve, text, words) is None


def test_the_pass_imports_no_other_pass_at_run_time():
    tree = ast.parse((PASSES / "group_coref.py").read_text(encoding="utf-8"))
    type_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and getattr(block.test, "id", None) == "TYPE_CHECKING"
        for node in ast.walk(block)
    }
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and id(node) not in type_only
    }
    others = {f"dossier.actors.{name}" for name in ("scan", "people", "coref", "agents")}
    assert not imported & others


# --- "the Southeast Asian nation" ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Malaysia rejected the claims on Monday. It also accused Beijing of violating its"
            " waters. The Southeast Asian nation summoned the Chinese ambassador.",
            "The Southeast Asian nation",
            "Malaysia",
        ),
        (
            "Venezuela's government said it would raise fuel prices. The oil-rich country"
            " also expelled a German diplomat.",
            "The oil-rich country",
            "Venezuela",
        ),
    ],
)
def test_a_described_country_is_the_last_country_that_was_a_subject(resolve, text, words, name):
    assert coded(resolve, text, words) == name


def test_a_described_country_with_no_country_subject_in_reach_is_left_alone(resolve):
    text = "Prices rose sharply in March. The small island nation has not commented."
    assert coded(resolve, text, "The small island nation") is None


def test_a_country_word_after_a_region_word_is_no_country(resolve):
    text = "Ministers of South American states met near the South China Sea."
    resolved = resolve(text)
    assert entity_name(text, resolved, "American") is None
    assert all(entity.country not in {"USA", "CHN"} for entity in resolved.entities)


def test_we_of_a_named_groups_member_is_the_group(resolve):
    text = 'Hamas rejected the plan. "We will fight on," said Hamas spokesman Hazem Qassem.'
    assert coded(resolve, text, "We") == "Hamas"
