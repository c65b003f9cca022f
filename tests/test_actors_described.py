"""People described by a role noun (`dossier.actors.described`) and companies coded by
the article's country (`dossier.actors.titled.resolve_company_countries`): hand-written
sentences, the real spaCy model."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors import resolve_entities

DAY = date(2024, 5, 1)


@pytest.fixture(scope="module")
def resolve(nlp):
    def run(text: str):
        return resolve_entities(nlp(text), DAY)

    return run


def entity_of(resolved, text: str, words: str):
    start = text.index(words)
    return resolved.at(start, start + len(words))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zimbabwean journalist Blessed Mhlanga was arrested in Harare.", ("ZWEMED", False)),
        ("Russian President Vladimir Putin met Zimbabwean journalist Blessed Mhlanga.",
         ("ZWEMED", False)),
        # the apposition names no country: the article's, inferred
        ("Blessed Mhlanga, a journalist with HStv, was arrested in Harare, Zimbabwe. "
         "Police said Mhlanga had broken the law.", ("ZWEMED", True)),
    ],
)  # fmt: skip
def test_a_person_described_by_a_role_noun_takes_its_sector(resolve, text, expected):
    resolved = resolve(text)
    person = entity_of(resolved, text, "Blessed Mhlanga")
    assert (person.cameo, person.country_inferred) == expected
    assert not any(e.name == "Media (Zimbabwe)" for e in resolved.entities)


@pytest.mark.parametrize(
    ("text", "person", "cameo"),
    [
        ("NEW YORK - Federal agents detained Palestinian Mahmoud Khalil on Saturday.",
         "Mahmoud Khalil", "PSE"),
        # spaCy reads "Kenyan John Mwangi" as the name; the apposition gives the sector
        ("Kenyan John Mwangi, a journalist with the Star, was arrested in Harare, Zimbabwe. "
         "Zimbabwe said he had no permit.", "John Mwangi", "KENMED"),
    ],
)  # fmt: skip
def test_a_nationality_before_the_name_is_the_person_s_country(resolve, text, person, cameo):
    found = entity_of(resolve(text), text, person)
    assert found is not None and (found.name, found.cameo) == (person, cameo)
    assert not found.country_inferred


def test_a_known_office_holder_keeps_the_office(resolve):
    text = "Zimbabwean President Emmerson Mnangagwa spoke to reporters."
    person = entity_of(resolve(text), text, "Emmerson Mnangagwa")
    assert person.cameo == "ZWEGOV"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("TORONTO, March 5 - Breakwater Resources Ltd said it agreed to buy a mine.", "CANBUS"),
        ("CHICAGO, April 2 - Analysts said Household International Inc would sell a unit.",
         "USABUS"),
    ],
)  # fmt: skip
def test_a_company_takes_the_dateline_s_country_marked_inferred(resolve, text, cameo):
    name = "Breakwater Resources Ltd" if "Breakwater" in text else "Household International Inc"
    company = entity_of(resolve(text), text, name)
    assert (company.cameo, company.country, company.country_inferred) == (cameo, cameo[:3], True)


def test_a_company_in_an_article_with_no_main_country_stays_bus(resolve):
    text = "Breakwater Resources Ltd said it agreed to buy a mine."
    company = entity_of(resolve(text), text, "Breakwater Resources Ltd")
    assert (company.cameo, company.country) == ("BUS", None)
