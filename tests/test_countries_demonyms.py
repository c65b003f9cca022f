"""Demonyms and short names of countries.yaml: each form names its own country, an
ambiguous demonym ("Guinean", "Dominican", "Korean") names none, and a sentence with a
demonym codes its actor. The resolver sentences use the real spaCy model."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors import ResolvedEntities, resolve_entities
from dossier.knowledge.actor_files import default_knowledge
from dossier.knowledge.actors import phrase_key

MAY_2019 = date(2019, 5, 1)


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Liberian", "LBR"),
        ("Liberians", "LBR"),
        ("Ivorian", "CIV"),
        ("Ivorians", "CIV"),
        ("Burkinabe", "BFA"),
        ("Burkinabè", "BFA"),
        ("Nigerien", "NER"),
        ("Nigeriens", "NER"),
        ("Nigerian", "NGA"),
        ("South Sudanese", "SSD"),
        ("Sudanese", "SDN"),
        ("Bissau-Guinean", "GNB"),
        ("Equatoguinean", "GNQ"),
        ("Equatorial Guineans", "GNQ"),
        ("Papua New Guinean", "PNG"),
        ("Malian", "MLI"),
        ("Malians", "MLI"),
        ("Mozambican", "MOZ"),
        ("Zambians", "ZMB"),
        ("Cameroonian", "CMR"),
        ("Chadians", "TCD"),
        ("Sierra Leonean", "SLE"),
        ("Jamaicans", "JAM"),
        ("Uruguayan", "URY"),
        ("Bhutanese", "BTN"),
        ("Samoan", "WSM"),
        ("Sahrawi", "ESH"),
        ("Laotians", "LAO"),
        ("Congolese", "COD"),
    ],
)
def test_demonym_names_its_country(form, code):
    found = default_knowledge().country_by_form(form)
    assert found is not None
    assert (found[0].code, found[1]) == (code, "demonym")


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Ivory Coast", "CIV"),
        ("Cape Verde", "CPV"),
        ("Swaziland", "SWZ"),
        ("Eswatini", "SWZ"),
        ("Burma", "MMR"),
        ("Brunei", "BRN"),
        ("the Gambia", "GMB"),
        ("the Bahamas", "BHS"),
        ("Democratic Republic of Congo", "COD"),
        ("Republic of Congo", "COG"),
        ("Czechia", "CZE"),
        ("Türkiye", "TUR"),
    ],
)
def test_short_name_names_its_country(form, code):
    found = default_knowledge().country_by_form(form)
    assert found is not None
    assert (found[0].code, found[1]) == (code, "name")


@pytest.mark.parametrize(
    "form",
    ["Guinean", "Guineans", "Dominican", "Dominicans", "Korean", "Koreans", "Central African"],
)
def test_an_ambiguous_demonym_names_no_country(form):
    assert default_knowledge().country_by_form(form) is None


def test_no_name_or_demonym_belongs_to_two_countries():
    """The form index keeps one country per form, silently: a shared name or demonym
    would go to whichever country is listed first."""
    owners: dict[str, set[str]] = {}
    for country in default_knowledge().countries:
        for form in (country.name, *country.names, *country.demonyms):
            owners.setdefault(phrase_key(form), set()).add(country.code)
    assert {form: codes for form, codes in owners.items() if len(codes) > 1} == {}


@pytest.fixture(scope="module")
def resolve(nlp):
    def run(text: str) -> ResolvedEntities:
        return resolve_entities(nlp(text), MAY_2019)

    return run


def test_a_demonym_before_police_codes_the_police(resolve):
    text = "Liberian police arrested ten protesters."
    start = text.index("Liberian police")
    entity = resolve(text).at(start, start + len("Liberian police"))
    assert entity is not None
    assert (entity.cameo, entity.country) == ("LBRCOP", "LBR")


def test_a_plural_demonym_is_the_country(resolve):
    text = "Liberians protested on Friday."
    entity = resolve(text).at(0, len("Liberians"))
    assert entity is not None
    assert (entity.cameo, entity.country) == ("LBR", "LBR")


def test_an_ambiguous_demonym_codes_nothing(resolve):
    text = "Korean officials met on Monday."
    assert resolve(text).at(0, len("Korean officials")) is None
