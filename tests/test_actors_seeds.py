"""The two seed articles: every person under their full canonical name with every mention,
and the metonyms and demonym phrases the issue names. Expected mentions are found in the
text by rules checked by hand against the articles (every "Putin" is Vladimir Putin, every
"Kim" not followed by "Dae Jung" is Kim Jong-il, and so on)."""

from __future__ import annotations

import re

import pytest

from conftest import SEED_AUGUST, SEED_DATES, SEED_JUNE, require_shared
from dossier.actors import ResolvedEntities, resolve_entities
from dossier.ingest import read_articles


@pytest.fixture(scope="module")
def seeds(nlp) -> dict[str, tuple[str, ResolvedEntities]]:
    found = {}
    for path in (SEED_JUNE, SEED_AUGUST):
        require_shared(path)
        (article,) = list(read_articles([path], SEED_DATES[path.name]))
        found[path.name] = (article.text, resolve_entities(nlp(article.text), article.published))
    return found


def spans(text: str, pattern: str, group: int = 0) -> list[tuple[int, int]]:
    return [(m.start(group), m.end(group)) for m in re.finditer(pattern, text)]


JUNE_PEOPLE = {
    "Vladimir Putin": (
        "RUS",
        [
            r"Vladimir Putin",
            r"(?<!Vladimir )\bPutin\b",
            r"Russian president",
            r"and (he) does not intend",
            r"when (the two) meet",
        ],
    ),
    "Kim Jong-il": (
        "PRK",
        [
            r"Kim Jong-il",
            r"\bKim\b(?! Dae Jung| Jong-il)",
            r"when (the two) meet",
            r"leader of North Korea",
        ],
    ),
    "Kim Dae-jung": ("KOR", [r"Kim Dae Jung"]),
    "Kenneth Bacon": ("USA", [r"Kenneth Bacon", r"\bBacon(?= also)", r"(He) urged"]),
    "William Cohen": ("USA", [r"William Cohen"]),
    "Igor Ivanov": ("RUS", [r"Igor Ivanov", r"Ivanov(?= said)"]),
    "Georgy Mamedov": ("RUS", [r"Georgy Mamedov", r"\bMamedov(?= and)", r"the two men"]),
    "Pak Ui-chun": ("PRK", [r"Pak Ui Chun", r"\bPak(?= had)", r"the two men"]),
}
AUGUST_PEOPLE = {
    "Vladimir Putin": (
        "RUS",
        [
            r"Vladimir Putin",
            r"(?<!Vladimir )\bPutin\b",
            r"Russian president",
            r"during (his) visit",
            r"it was (his) first",
        ],
    ),
    "Kim Jong-il": (
        "PRK",
        [
            r"Kim Jong-il",
            r"\bKim\b(?! Dae Jung| Jong-il)",
            r"North Korean leader(?! Kim|s)",
            r"himself",
        ],
    ),
    "Kim Dae-jung": ("KOR", [r"Kim Dae Jung", r"that (he) had been told"]),
    "Wendy Sherman": ("USA", [r"Wendy Sherman", r"\bSherman(?= and)", r"(her) delegation"]),
    "Alexander Losyukov": ("RUS", [r"Aleksandr Losyukov"]),
    "Georgy Mamedov": ("RUS", [r"Georgy Mamedov"]),
    "Paek Nam-sun": ("PRK", [r"Paek Nam-sun", r"Paek(?=’s)"]),
}


@pytest.mark.parametrize(
    ("seed", "people"), [(SEED_JUNE.name, JUNE_PEOPLE), (SEED_AUGUST.name, AUGUST_PEOPLE)]
)
def test_every_person_with_every_mention(seeds, seed, people):
    text, resolved = seeds[seed]
    persons = {e.name: e for e in resolved.entities if e.type == "PERSON"}
    assert set(persons) == set(people)  # nobody missing, nobody invented
    for name, (country, patterns) in people.items():
        entity = persons[name]
        assert entity.country == country, name
        expected = {
            s for p in patterns for s in spans(text, p, 1 if "(" in p.replace("(?", "") else 0)
        }
        got = {(m.start, m.end) for m in entity.mentions}
        assert expected <= got, (name, sorted(expected - got))
        assert got <= expected, (name, sorted(got - expected))


@pytest.mark.parametrize(
    ("seed", "pattern", "cameo"),
    [
        (SEED_JUNE.name, r"(Moscow) announced that President", "RUSGOV"),
        (SEED_JUNE.name, r"(Washington) welcomed", "USAGOV"),
        (SEED_JUNE.name, r"(Russian officials) were unclear", "RUSGOV"),
        (SEED_JUNE.name, r"(Moscow) vehemently opposes", "RUSGOV"),
        (SEED_AUGUST.name, r"(South Korean media executives)", "KORMED"),
        (SEED_AUGUST.name, r"(Russian diplomatic sources)", "RUSGOV"),
        (SEED_AUGUST.name, r"the (Russian side)", "RUSGOV"),
        (SEED_AUGUST.name, r"the (Kremlin)", "RUSGOV"),
        (SEED_AUGUST.name, r"(Pyongyang) would not object", "PRKGOV"),
        (SEED_AUGUST.name, r"(Russian and North Korean officials)", "PRKGOV"),
    ],
)
def test_metonyms_and_demonym_phrases(seeds, seed, pattern, cameo):
    text, resolved = seeds[seed]
    ((start, end),) = spans(text, pattern, 1)
    assert resolved.at(start, end).cameo == cameo


def test_places_stay_places(seeds):
    text, resolved = seeds[SEED_JUNE.name]
    for pattern in (
        r"summit meeting in (Moscow)",
        r"talks in (Pyongyang)",
        r"visit to (Beijing) last",
    ):
        ((start, end),) = spans(text, pattern, 1)
        assert resolved.at(start, end).type == "LOCATION", pattern


def test_no_junk(seeds):
    for text, resolved in seeds.values():
        for entity in resolved.entities:
            assert "-U.S." not in entity.name and entity.name not in {
                "Defense",
                "Mamedov",
                "Pak",
                "Bacon",
            }
            if entity.name in {"Group of Eight", "Group of Seven"}:
                assert entity.type == "ORGANIZATION"
        for start, end in spans(text, r"North Koreans"):
            assert resolved.at(start, end).type == "COUNTRY"
        for start, end in spans(text, r"Russian-U\.S\."):
            assert resolved.at(start, start + len("Russian")).cameo == "RUS"
            assert resolved.at(end - len("U.S."), end).cameo == "USA"


def test_every_actor_has_a_cameo_code(seeds):
    for _, resolved in seeds.values():
        for entity in resolved.entities:
            if entity.type in {"PERSON", "COUNTRY", "ORGANIZATION"}:
                assert entity.cameo and re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", entity.cameo), entity
