"""The actor knowledge base: dossier's own files, their checks, and the PETRARCH/Phoenix import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import SHARED, require_shared
from dossier.errors import KnowledgeError
from dossier.knowledge.actor_files import (
    default_knowledge,
    knowledge_with,
    load_actor_entries,
    load_actor_file,
    load_sectors,
)
from dossier.knowledge.outlets import default_outlets
from dossier.knowledge.petrarch import load_petrarch_dictionary

DICTS = SHARED / "data" / "petrarch" / "dicts"
JUNE_2000 = date(2000, 6, 12)


@pytest.fixture(scope="module")
def kb():
    return default_knowledge()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- countries -----------------------------------------------------------------------------
def test_every_iso_country_is_there_with_cameo_exceptions(kb):
    codes = {c.code: c for c in kb.countries}
    assert len([c for c in kb.countries if not c.region]) >= 249
    assert codes["RUS"].name == "Russia"
    assert codes["ROU"].cameo == "ROM"  # CAMEO manual Table 9.1
    assert codes["SUN"].name == "Soviet Union"


@pytest.mark.parametrize(
    ("form", "code", "kind"),
    [
        ("Russian", "RUS", "demonym"),
        ("North Korean", "PRK", "demonym"),
        ("South Koreans", "KOR", "demonym"),
        ("American", "USA", "demonym"),
        ("Soviet", "SUN", "demonym"),
        ("Moscow", "RUS", "capital"),
        ("the Kremlin", "RUS", "seat"),
        ("Washington", "USA", "capital"),
        ("the White House", "USA", "seat"),
        ("Pyongyang", "PRK", "capital"),
        ("Seoul", "KOR", "capital"),
        ("Beijing", "CHN", "capital"),
        ("Tokyo", "JPN", "capital"),
        ("U.S.", "USA", "demonym"),
    ],
)
def test_country_forms(kb, form, code, kind):
    country, found_kind = kb.country_by_form(form)
    assert (country.code, found_kind) == (code, kind)


# --- people and their offices ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("country", "kinds", "day", "holder"),
    [
        ("RUS", ["head_of_state"], JUNE_2000, "Vladimir Putin"),
        ("RUS", ["head_of_state"], date(1999, 6, 1), "Boris Yeltsin"),
        ("RUS", ["head_of_state"], date(2010, 1, 1), "Dmitry Medvedev"),
        ("RUS", ["head_of_government"], JUNE_2000, "Mikhail Kasyanov"),
        ("PRK", ["leader", "head_of_state"], JUNE_2000, "Kim Jong-il"),
        ("PRK", ["leader", "head_of_state"], date(2013, 1, 1), "Kim Jong-un"),
        ("USA", ["foreign_minister"], JUNE_2000, "Madeleine Albright"),
        ("USA", ["defence_minister"], JUNE_2000, "William Cohen"),
        ("KOR", ["head_of_state"], JUNE_2000, "Kim Dae-jung"),
        ("PRK", ["foreign_minister"], date(2000, 8, 30), "Paek Nam-sun"),
    ],
)
def test_office_holders_on_a_day(kb, country, kinds, day, holder):
    assert [a.name for a in kb.holders(country, kinds, day)] == [holder]


def test_codes_follow_time(kb):
    (putin,) = [a for a in kb.lookup("Vladimir Putin") if a.curated]
    (cohen,) = [a for a in kb.lookup("William Cohen") if a.curated]
    (kim,) = [a for a in kb.lookup("Kim Dae Jung") if a.curated]
    assert putin.code_at(JUNE_2000) == "RUSGOV"
    assert cohen.code_at(date(2005, 1, 1)) == "USAELI"  # out of office: a former official
    assert kim.code_at(date(1990, 1, 1)) == "KOR"  # before any office: the country only
    assert putin.role_at(JUNE_2000).title == "president"


def test_everyone_named_in_the_seeds_is_known(kb):
    for name, country in [
        ("Vladimir Putin", "RUS"),
        ("Kim Jong-il", "PRK"),
        ("Kim Dae Jung", "KOR"),
        ("Kenneth Bacon", "USA"),
        ("William Cohen", "USA"),
        ("Igor Ivanov", "RUS"),
        ("Georgy Mamedov", "RUS"),
        ("Pak Ui Chun", "PRK"),
        ("Wendy Sherman", "USA"),
        ("Aleksandr Losyukov", "RUS"),
        ("Paek Nam-sun", "PRK"),
    ]:
        (actor,) = [a for a in kb.lookup(name) if a.curated]
        assert actor.country == country
        assert actor.role_at(JUNE_2000 if name != "Aleksandr Losyukov" else date(2000, 8, 30))


def test_organisations_have_cameo_codes(kb):
    expected = {
        "UN": "IGOUNO",
        "NATO": "IGOWSTNAT",
        "ASEAN": "IGOSEAASN",
        "G-8": "IGOGOE",
        "G-7": "IGOGOS",
        "EU": "IGOEUREEC",
        "IAEA": "IGOUNOIAE",
        "OSCE": "IGOSCE",
        "State Department": "USAGOV",
        "Reuters": "GBRMED",
        "KCNA": "PRKMED",
    }
    for name, code in expected.items():
        assert kb.lookup(name)[0].code_at(JUNE_2000) == code, name
    assert kb.body("the Foreign Ministry").sector == "GOV"


def test_sectors_and_titles(kb):
    assert kb.sector_of("officials") is None or kb.sector_of("official").code == "GOV"
    assert kb.sector_of("media executive").code == "MED"
    assert kb.sector_of("diplomatic source").code == "GOV"
    assert kb.title("Secretary of Defense").kinds == ("defence_minister",)
    assert kb.title("leader").kinds[0] == "leader"


def test_an_international_sector_is_marked_in_the_file(tmp_path, kb):
    assert kb.sector_of("aid agency").international and kb.sector_of("aid agency").code == "NGO"
    assert not kb.sector_of("rights group").international
    path = _write(
        tmp_path, "sectors.yaml", "- {code: NGO, label: Aid, nouns: [aid], international: 1}\n"
    )
    with pytest.raises(KnowledgeError) as caught:
        load_sectors(path)
    assert "'international' must be true or false" in str(caught.value) and caught.value.line == 1


def test_outlets_keep_their_api():
    assert default_outlets().canonical("Associated Press") == "AP"


# --- dossier's YAML format: schema errors carry file and line --------------------------------
def test_a_bad_date_is_reported_with_its_line(tmp_path, kb):
    path = _write(
        tmp_path,
        "mine.yaml",
        "- {name: A B, country: RUS, roles: [[president, 2000-01-01, null]]}\n"
        "- name: C D\n  country: RUS\n  roles: [[president, 2000-13-01, null]]\n",
    )
    with pytest.raises(KnowledgeError) as caught:
        load_actor_entries(path, kb.titles)
    assert caught.value.line == 2 and "2000-13-01" in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("- {name: X, colour: red}", "unknown field"),
        ("- {cameo: RUSGOV}", "missing field"),
        ("- {name: X, country: RUS, roles: [[president, 2005, 2001]]}", "ends"),
        ("- {name: X, country: RUS, roles: [[grand vizier, 2005, 2006]]}", "give its 'kind'"),
        ("- {name: X, cameo: rusgov}", "not a CAMEO code"),
        ("- {name: X, sector: GOV, country: RUS, type: PLANET}", "'type' must be"),
        ("- {name: X, country: AFG, codes: [INS]}", "a dated code is"),
        ("- {name: X, codes: [{sector: INS, to: 2021}]}", "needs the actor's 'country'"),
        ("- {name: X, country: AFG, codes: [{sector: GOV, from: 2021, to: 2020}]}", "ends"),
    ],
)
def test_schema_problems(tmp_path, kb, entry, problem):
    path = _write(tmp_path, "bad.yaml", "# comment\n\n" + entry + "\n")
    with pytest.raises(KnowledgeError) as caught:
        load_actor_entries(path, kb.titles)
    assert problem in str(caught.value)
    assert caught.value.line == 3


def test_an_organisation_s_code_follows_the_dates(tmp_path, kb):
    path = _write(
        tmp_path,
        "groups.yaml",
        "- {name: Northern Front, country: AFG, codes: "
        "[{sector: INS, to: 2021-08-14}, {sector: GOV, from: 2021-08-15}]}\n",
    )
    ((front,), _) = load_actor_entries(path, kb.titles)
    assert front.code_at(date(2021, 8, 14)) == "AFGINS"
    assert front.code_at(date(2021, 8, 15)) == "AFGGOV"


def test_the_shipped_taliban_govern_from_august_2021(kb):
    (taliban,) = [a for a in kb.lookup("Taliban") if a.curated]
    assert (taliban.code_at(date(2019, 5, 1)), taliban.code_at(date(2024, 5, 1))) == (
        "AFGINS",
        "AFGGOV",
    )


def test_partial_dates_cover_the_whole_period(tmp_path, kb):
    path = _write(
        tmp_path, "p.yaml", "- {name: A B, country: RUS, roles: [[president, 1991, 2003-07]]}\n"
    )
    ((actor,), _) = load_actor_entries(path, kb.titles)
    (role,) = actor.roles
    assert (role.start, role.end) == (date(1991, 1, 1), date(2003, 7, 31))


def test_a_user_file_is_consulted_first(tmp_path):
    path = _write(
        tmp_path,
        "mine.yaml",
        "- {name: Jan Novak, country: CZE, roles: [[foreign minister, 1999, 2001]]}\n"
        "- {name: Reuters, cameo: INTMED}\n",
    )
    merged = knowledge_with([path])
    assert merged.lookup("Reuters")[0].code_at(JUNE_2000) == "INTMED"
    assert [a.name for a in merged.holders("CZE", ["foreign_minister"], JUNE_2000)] == ["Jan Novak"]
    assert merged.lookup("Vladimir Putin")  # the defaults are still there
    assert not default_knowledge().lookup("Jan Novak")


# --- PETRARCH / Phoenix dictionaries ----------------------------------------------------------
PHOENIX_SAMPLE = """\
<!-- a validation-style
     comment over two lines -->
# a comment
VLADIMIR_PUTIN_  # CountryInfo.txt
+PRESIDENT_PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV 20000507-20080507]
\t[RUSGOV >120507]
\t[RUSELI]
NATO_ [IGOWSTNAT]
NOBODY_ [---]
BAD_DATE_ [RUSGOV 9008223-911221]
"""

AGENTS_SAMPLE = """\
!PERSON! = MAN, MEN
BUSINESS!PERSON! [~BUS]
POLICE {} [~COP]
GOOSE {GEESE} [~AGR]
"""


def test_phoenix_actors_with_date_restrictions(tmp_path):
    knowledge = load_petrarch_dictionary(_write(tmp_path, "x.actors.txt", PHOENIX_SAMPLE))
    (putin,) = knowledge.lookup("President Putin")
    assert putin.name == "Vladimir Putin" and putin.country == "RUS"
    assert putin.code_at(date(1995, 1, 1)) == "RUSELI"
    assert putin.code_at(JUNE_2000) == "RUSGOV"
    assert putin.code_at(date(2010, 1, 1)) == "RUSELI"  # the plain code between the dated ones
    assert putin.code_at(date(2013, 1, 1)) == "RUSGOV"
    assert knowledge.lookup("NATO")[0].code_at(JUNE_2000) == "IGOWSTNAT"
    assert not knowledge.lookup("Nobody")
    assert any(
        p.endswith("x.actors.txt:12: date restriction '9008223-911221' is not YYMMDD or YYYYMMDD")
        for p in knowledge.problems
    )


def test_phoenix_agents_with_macros_and_plurals(tmp_path):
    knowledge = load_petrarch_dictionary(_write(tmp_path, "x.agents.txt", AGENTS_SAMPLE))
    assert knowledge.agents == {
        "businessman": "BUS",
        "businessmen": "BUS",
        "police": "COP",
        "polices": "COP",
        "goose": "AGR",
        "geese": "AGR",
    }
    assert knowledge.sector_of("businessmen").code == "BUS"


def test_load_actor_file_reads_both_formats(tmp_path):
    yaml_file = _write(tmp_path, "a.yaml", "- {name: Ruritanian Army, country: RUS, sector: MIL}\n")
    dictionary = _write(tmp_path, "a.txt", PHOENIX_SAMPLE)
    assert load_actor_file(yaml_file).lookup("Ruritanian Army")[0].code_at(None) == "RUSMIL"
    assert load_actor_file(dictionary).lookup("Vladimir Putin")
    with pytest.raises(KnowledgeError):
        load_actor_file(tmp_path / "missing.yaml")


def test_the_full_phoenix_dictionaries_load(kb):
    """They are part of the default knowledge (tests/test_actors_phoenix.py has the rest)."""
    imported = [a for a in kb.actors if not a.curated]
    assert len(imported) > 27_000
    assert len(kb.agents) > 3_000
    putin = next(a for a in kb.lookup("Vladimir Putin") if not a.curated)
    assert putin.code_at(JUNE_2000) == "RUSGOV"
    assert putin.code_at(date(1995, 1, 1)) == "RUSELI"
    assert len(kb.problems) < 100  # a few typos in decades of hand-edited files


def test_the_shipped_dictionaries_are_petrarchs_unchanged():
    from dossier.knowledge.phoenix import PHOENIX_DIR, PHOENIX_FILES

    for name in (*PHOENIX_FILES, "LICENSE.petrarch2.MIT.txt"):
        shared = require_shared(DICTS / name)
        assert (PHOENIX_DIR / name).read_bytes() == shared.read_bytes(), name


def test_the_petrarch_ud_validation_dictionaries_load():
    folder = SHARED / "data" / "petrarch-ud"
    actors = load_actor_file(require_shared(folder / "PETR_Validate_actors_2_02.txt"))
    agents = load_actor_file(require_shared(folder / "PETR_Validate_agents_2_02.txt"))
    assert actors.lookup("Gollum")[0].code_at(date(1997, 1, 1)) == "HOBGOV"
    assert actors.lookup("Minas Tirith")[0].code_at(None) == "GON"
    assert agents.agents["foreign minister"] == "GOVFRM"


def test_the_default_knowledge_is_loaded_once_per_process():
    assert default_knowledge() is default_knowledge()


def test_a_yaml_syntax_error_names_its_line(tmp_path, kb):
    path = _write(tmp_path, "broken.yaml", "- {name: A B, country: RUS}\n- {name: [unclosed\n")
    with pytest.raises(KnowledgeError) as caught:
        load_actor_entries(path, kb.titles)
    assert caught.value.line is not None and caught.value.line >= 2
