"""Entity typing sanity: a base, place, currency or unit is never a person
(`dossier.actors.not_persons`, `not_persons.yaml`), and one person named in full and by
surname is one actor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dossier.actors import resolve_entities
from dossier.errors import KnowledgeError
from dossier.knowledge.actor_files import load_non_persons, own_knowledge

DAY = date(2019, 5, 1)


@pytest.fixture(scope="module")
def resolve(nlp):
    def run(text: str, day: date = DAY):
        return resolve_entities(nlp(text), day)

    return run


def entity_named(resolved, name: str):
    return next((e for e in resolved.entities if e.name == name), None)


def people(resolved) -> set[str]:
    return {e.name for e in resolved.entities if e.type == "PERSON"}


# spaCy types the first words of these PERSON; they are bases, with their country
@pytest.mark.parametrize(
    ("text", "base", "country"),
    [
        ("Incirlik was closed to American planes after the coup attempt.", "Incirlik", "TUR"),
        ("Diego Garcia is used by American bombers.", "Diego Garcia", "IOT"),
        ("Bagram was handed over to Afghan forces.", "Bagram", "AFG"),
        ("Ramstein hosted the meeting, Austin said.", "Ramstein", "DEU"),
        ("The detainees at Guantanamo Bay were moved.", "Guantanamo Bay", "CUB"),
    ],
)
def test_a_base_is_a_place_never_a_person(resolve, text, base, country):
    resolved = resolve(text)
    entity = entity_named(resolved, base)
    assert entity is not None and entity.type == "LOCATION" and entity.country == country
    assert base not in people(resolved)
    start = text.index(base)
    assert resolved.actor_at(start, start + len(base)) is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Sheikh Hasina promised 10,000 Taka to each family.", "Taka"),
        ("The IMF gave Egypt 2 billion SDR.", "SDR"),
        ("The Rupee weakened after Khan spoke.", "Rupee"),
        ("Kyats are no longer accepted, Suu Kyi said.", "Kyats"),
        ("They walked 20 Kilometres to Hebron.", "Kilometres"),
    ],
)
def test_a_currency_or_unit_is_no_entity(resolve, text, word):
    resolved = resolve(text)
    start = text.index(word)
    assert resolved.at(start, start + len(word)) is None


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Marco Rubio met Maduro. Rubio said the talks went well.", "Marco Rubio"),
        ("Ramstein hosted the meeting, Austin said.", "Austin"),  # a city, but he said
        ("Ms Florence met the minister.", "Florence"),  # a city, but an honorific
    ],
)
def test_a_place_name_with_a_person_s_marks_stays_a_person(resolve, text, person):
    assert person in people(resolve(text))


def test_a_city_spacy_calls_a_person_is_a_place(resolve):
    text = "Banja Luka was quiet on Sunday."
    resolved = resolve(text)
    assert "Banja Luka" not in people(resolved)


# --- one person, full name and surname ----------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Goldsmith told parliament the war was legal. Peter Goldsmith met Blair.",
        "Peter Goldsmith met Blair. Goldsmith told parliament the war was legal.",
        "Lord Goldsmith advised Blair. Peter Goldsmith said the war was legal.",
        "Attorney General Peter Goldsmith advised Blair. Goldsmith's advice was leaked.",
    ],
)
def test_surname_and_full_name_are_one_actor(resolve, text):
    resolved = resolve(text, date(2005, 3, 1))
    named = [e for e in resolved.entities if "Goldsmith" in e.name]
    assert len(named) == 1 and named[0].name == "Peter Goldsmith"
    assert len(named[0].mentions) == 2


def test_two_people_of_one_surname_stay_two(resolve):
    text = "Peter Goldsmith met Blair. James Goldsmith met Major."
    resolved = resolve(text, date(1995, 3, 1))
    assert {"Peter Goldsmith", "James Goldsmith"} <= people(resolved)


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # spaCy: the second "Gachagua" a place (GPE), the third a person, the first nothing
        (
            "Gachagua was impeached in October. The court heard Gachagua on Friday. "
            "Lawyers said Gachagua would appeal.",
            3,
        ),
        # spaCy: a place, then a person
        ("The ouster of Gachagua angered Mount Kenya. Gachagua said he would fight.", 2),
    ],
)
def test_a_surname_spacy_also_calls_a_place_is_the_person(resolve, text, mentions):
    resolved = resolve(text)
    start = text.index("Gachagua", text.index("Gachagua") + 1)
    person = resolved.at(start, start + len("Gachagua"))
    assert person is not None and person.type == "PERSON"
    assert sum(m.text == "Gachagua" for m in person.mentions) == mentions
    assert not any(e.type == "LOCATION" and e.name == "Gachagua" for e in resolved.entities)


def test_a_surname_spacy_leaves_unlabelled_is_the_person(resolve):
    text = (
        "Philippine President Rodrigo Duterte met the envoy. "
        "Duterte personally welcomed the vaccines."
    )
    resolved = resolve(text, date(2021, 3, 1))
    start = text.rindex("Duterte")
    person = resolved.at(start, start + len("Duterte"))
    assert person is not None and (person.name, person.cameo) == ("Rodrigo Duterte", "PHLGOV")


# --- the list -----------------------------------------------------------------------------
def test_the_list_has_bases_currencies_and_units():
    knowledge = own_knowledge()
    assert knowledge.non_person("Incirlik").country == "TUR"
    assert knowledge.non_person("rupees").kind == "currency"
    assert knowledge.non_person("SDRs").kind == "currency"
    assert knowledge.non_person("yuan").kind == "currency"
    assert knowledge.non_person("crore").kind == "unit"
    assert knowledge.non_person("Putin") is None


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("{kind: airport, names: [Heathrow]}", "'kind' must be one of"),
        ("{kind: currency, names: [rupee], country: IND}", "a currency has no 'country'"),
        ("{kind: base, names: []}", "at least one name"),
        ("{kind: base, name: Incirlik}", "missing field"),
        ("{kind: base, names: [Incirlik], country: Turkey}", "is not a CAMEO code"),
    ],
)
def test_a_wrong_entry_is_refused_with_its_line(tmp_path: Path, entry, problem):
    path = tmp_path / "not_persons.yaml"
    path.write_text(f"# list\n- {entry}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_non_persons(path)
    assert error.value.line == 2 and problem in error.value.problem


def test_a_capital_ending_a_longer_name_is_not_its_government(resolve):
    text = "McDonnell Douglas and Airbus had discussed jointly developing an aircraft."
    resolved = resolve(text)
    found = resolved.at(text.index("Douglas"), text.index("Douglas") + len("Douglas"))
    assert found is None or found.cameo != "IMYGOV"
