"""The Phoenix dictionaries shipped in the package, as part of the default knowledge."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from dossier.actors import resolve_entities
from dossier.knowledge.actor_files import default_knowledge, knowledge_with, own_knowledge
from dossier.knowledge.phoenix import PHOENIX_DIR, PHOENIX_FILES, phoenix_wanted

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kb():
    return default_knowledge()


def entity(nlp, text: str, words: str, day: date, knowledge=None):
    resolved = resolve_entities(nlp(text), day, knowledge)
    start = text.index(words)
    return resolved.at(start, start + len(words))


# --- shipped with the package -----------------------------------------------------------------
def test_the_dictionaries_ship_inside_the_package_with_their_licence():
    package = ROOT / "src" / "dossier"
    assert PHOENIX_DIR.resolve().is_relative_to(package)
    for name in (*PHOENIX_FILES, "LICENSE.petrarch2.MIT.txt", "README.md"):
        assert (PHOENIX_DIR / name).is_file(), name
    assert "Open Event Data" in (PHOENIX_DIR / "LICENSE.petrarch2.MIT.txt").read_text()
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["dossier"]
    installed = {path.resolve() for pattern in patterns for path in package.glob(pattern)}
    for name in PHOENIX_FILES:  # installed by `pip install`, not only present in the checkout
        assert (PHOENIX_DIR / name).resolve() in installed, name


def test_the_default_knowledge_loads_them_without_shared(tmp_path):
    script = (
        "from dossier.knowledge.actor_files import default_knowledge as d; k = d(); "
        "print(sum(not a.curated for a in k.actors), len(k.agents))"
    )
    env = {**os.environ, "DOSSIER_SHARED": str(tmp_path / "no-shared")}
    env.pop("DOSSIER_PHOENIX", None)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    actors, agents = map(int, done.stdout.split())
    assert actors > 27_000 and agents > 3_000


def test_they_are_loaded_once_and_under_the_own_files(kb):
    assert default_knowledge() is kb
    own = own_knowledge()
    assert kb.actors[: len(own.actors)] == own.actors  # dossier's own entries come first
    assert len(kb.actors) > len(own.actors) + 27_000


def test_the_switch(monkeypatch):
    assert phoenix_wanted()
    monkeypatch.setenv("DOSSIER_PHOENIX", "off")
    assert not phoenix_wanted()


# --- what is kept, what is left to dossier ------------------------------------------------------
def test_a_leader_known_only_to_phoenix_has_dated_codes(kb):
    assert not own_knowledge().lookup("Laurent Gbagbo")
    (gbagbo,) = kb.lookup("Laurent Gbagbo")  # LAURENT_GBAGBO_ [CIVELI 630101-000101]
    assert gbagbo.type == "PERSON" and not gbagbo.curated  #   [CIVGOV >001026] [CIVELI]
    assert gbagbo.code_at(date(2005, 3, 1)) == "CIVGOV"
    assert gbagbo.code_at(date(1995, 6, 1)) == "CIVELI"


def test_country_entries_keep_their_names_not_their_cities(kb):
    assert kb.dictionary_country("Ivory Coast").code == "CIV"
    assert kb.dictionary_country("Fijian").code == "FJI"
    assert kb.dictionary_country("Afghanistan") is not None
    for city in ("Kandahar", "Karachi", "Quetta", "New York", "Chicago", "Shanghai"):
        assert kb.dictionary_country(city) is None, city


def test_agents_that_clash_with_dossier_are_left_to_dossier(kb):
    assert kb.sector_of("militia").code == "UAF"  # Phoenix.agents: MILITIA [~UAF]
    assert kb.sector_of("mayor").code == "GOV"
    for phrase in ("spokesman", "spokesmen", "woman", "village", "people", "man"):
        assert phrase not in kb.agents, phrase  # a title, provisional, a place, [~PPL]
    assert not kb.lookup("Secretary of State")  # a title, read with its country
    assert all(a.curated for a in kb.lookup("Xinhua"))  # XINHUA [MED]: outlets.yaml's CHNMED


def test_an_agents_file_of_ones_own_replaces_the_shipped_agents(tmp_path):
    agents = tmp_path / "my.agents.txt"
    agents.write_text("GUARDIAN_OF_THE_FOREST [~ENV]\n", encoding="utf-8")
    mine = knowledge_with([agents])
    assert mine.sector_of("guardian of the forest").code == "ENV"
    assert mine.sector_of("militia") is None
    assert mine.lookup("Laurent Gbagbo")  # the shipped actors stay


# --- in sentences --------------------------------------------------------------------------------
def test_a_leader_known_only_to_phoenix_in_and_out_of_office(nlp):
    text = "Laurent Gbagbo met reporters in Abidjan on Tuesday."
    inside = entity(nlp, text, "Laurent Gbagbo", date(2005, 3, 1))
    assert (inside.name, inside.type, inside.country, inside.cameo) == (
        "Laurent Gbagbo", "PERSON", "CIV", "CIVGOV"
    )  # fmt: skip
    assert entity(nlp, text, "Laurent Gbagbo", date(1995, 6, 1)).cameo == "CIVELI"


def test_an_agent_word_from_phoenix_gives_its_sector(nlp):
    text = "Russian militias clashed with police on Sunday."
    assert entity(nlp, text, "Russian militias", date(2005, 3, 1)).cameo == "RUSUAF"


def test_dossiers_own_entry_wins(nlp):
    # Phoenix's IGOR_IVANOV_ carries the defence minister's codes: [RUSGOVMIL 040401-070731]
    text = "Igor Ivanov arrived in Minsk on Monday."
    ivanov = entity(nlp, text, "Igor Ivanov", date(2005, 6, 1))
    assert (ivanov.name, ivanov.cameo, ivanov.role) == (
        "Igor Ivanov", "RUSGOV", "Security Council secretary"
    )  # fmt: skip


def test_a_country_named_as_phoenix_spells_it_is_that_country(nlp):
    text = "The Community gave Ivory Coast millions in aid."
    country = entity(nlp, text, "Ivory Coast", date(1987, 3, 1))
    assert (country.name, country.type, country.cameo) == ("Côte d'Ivoire", "COUNTRY", "CIV")


def test_a_city_of_a_phoenix_country_entry_stays_a_place(nlp):
    text = "Troops arrived in Kandahar on Monday."
    assert entity(nlp, text, "Kandahar", date(2010, 3, 1)).type == "LOCATION"


def test_an_ordinary_word_in_a_phoenix_alias_is_no_actor(nlp):
    text = "The Jamestown Foundation published a report on Monday."  # +FOUNDATION: El Rukn
    found = resolve_entities(nlp(text), date(2010, 3, 1))
    # not El Rukn: a think-tank, an NGO by the word heading its name
    assert [(e.name, e.cameo) for e in found.entities] == [("Jamestown Foundation", "NGO")]


def test_a_title_in_the_text_beats_a_stale_dictionary_date(nlp):
    # Phoenix was edited until 2014: its Viktor Orban is out of office in 2025
    day = date(2025, 3, 1)
    assert entity(nlp, "Viktor Orban met reporters.", "Viktor Orban", day).cameo == "HUNELI"
    text = "Hungarian Prime Minister Viktor Orban met reporters."
    assert entity(nlp, text, "Viktor Orban", day).cameo == "HUNGOV"
    text = "Former Hungarian Prime Minister Viktor Orban met reporters."
    assert entity(nlp, text, "Viktor Orban", day).cameo == "HUNELI"
