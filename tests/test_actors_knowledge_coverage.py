"""Office holders and organisations of real reporting of the 1980s and the 2010s-2020s
(issue 11): hand-written sentences, the real spaCy model, expected codes read off
people.yaml and organisations.yaml for the sentence's day."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors import ResolvedEntities, resolve_entities
from dossier.record import Entity
from entity_lookup import entity_of


@pytest.fixture(scope="module")
def resolve(nlp):
    def run(text: str, day: date) -> ResolvedEntities:
        return resolve_entities(nlp(text), day)

    return run


def coded(entity: Entity | None) -> tuple[str | None, str | None] | None:
    return None if entity is None else (entity.cameo, entity.country)


class TestOfficeHolders:
    @pytest.mark.parametrize(
        ("text", "day", "words", "expected"),
        [
            (
                "Ethiopian Prime Minister Abiy Ahmed met the envoy in Addis Ababa.",
                date(2021, 6, 1),
                "Abiy Ahmed",
                ("ETHGOV", "ETH"),
            ),
            ("Farmajo signed the bill on Tuesday.", date(2021, 3, 1), "Farmajo", ("SOMGOV", "SOM")),
            (
                "Kais Saied dissolved parliament.",
                date(2022, 3, 30),
                "Kais Saied",
                ("TUNGOV", "TUN"),
            ),
            (
                "Ayatollah Ali Khamenei warned Washington.",
                date(2020, 1, 5),
                "Ayatollah Ali Khamenei",
                ("IRNGOV", "IRN"),
            ),
            (
                "Volodymyr Zelensky addressed the parliament.",
                date(2023, 2, 1),
                "Volodymyr Zelensky",
                ("UKRGOV", "UKR"),
            ),
            (
                "Min Aung Hlaing visited Moscow.",
                date(2022, 9, 5),
                "Min Aung Hlaing",
                ("MMRGOV", "MMR"),
            ),
            (
                "Nicolas Maduro denounced the sanctions.",
                date(2019, 2, 1),
                "Nicolas Maduro",
                ("VENGOV", "VEN"),
            ),
        ],
    )
    def test_a_head_of_state_or_government(self, resolve, text, day, words, expected):
        assert coded(entity_of(resolve(text, day), text, words)) == expected

    def test_a_surname_after_the_full_name(self, resolve):
        text = "Bashar al-Assad met Vladimir Putin. Assad thanked him."
        resolved = resolve(text, date(2017, 11, 21))
        assert entity_of(resolved, text, "Assad", nth=1) is entity_of(resolved, text, "Bashar")
        assert coded(entity_of(resolved, text, "Bashar al-Assad")) == ("SYRGOV", "SYR")

    def test_a_surname_alone_of_a_sitting_leader(self, resolve):
        text = "Erdogan met Assad's envoy."
        resolved = resolve(text, date(2023, 1, 10))
        assert coded(entity_of(resolved, text, "Erdogan")) == ("TURGOV", "TUR")
        assert coded(entity_of(resolved, text, "Assad")) == ("SYRGOV", "SYR")

    def test_an_office_named_by_its_title(self, resolve):
        text = "The Kenyan president spoke in Nairobi."
        found = entity_of(resolve(text, date(2023, 5, 1)), text, "Kenyan president")
        assert found is not None and found.name == "William Ruto" and found.cameo == "KENGOV"

    def test_an_insurgent_leader_who_came_to_rule(self, resolve):
        text = "Hibatullah Akhundzada issued a decree."
        before = entity_of(resolve(text, date(2019, 5, 1)), text, "Hibatullah Akhundzada")
        after = entity_of(resolve(text, date(2023, 5, 1)), text, "Hibatullah Akhundzada")
        assert coded(before) == ("AFGINS", "AFG")
        assert coded(after) == ("AFGGOV", "AFG")

    def test_out_of_office_is_an_elite(self, resolve):
        text = "Imran Khan was sentenced on Tuesday."
        assert coded(entity_of(resolve(text, date(2024, 1, 31)), text, "Imran Khan")) == (
            "PAKELI",
            "PAK",
        )


class TestTheNineteenEighties:
    def test_reagan_and_gorbachev(self, resolve):
        text = "Reagan met Gorbachev in Geneva."
        resolved = resolve(text, date(1985, 11, 19))
        assert coded(entity_of(resolved, text, "Reagan")) == ("USAGOV", "USA")
        assert coded(entity_of(resolved, text, "Gorbachev")) == (
            "SUNGOV",
            "SUN",
        )  # countries.yaml: SUN

    def test_the_soviet_leader_by_title(self, resolve):
        text = "The Soviet leader said the talks were useful."
        found = entity_of(resolve(text, date(1985, 11, 19)), text, "Soviet leader")
        assert found is not None and found.name == "Mikhail Gorbachev"

    def test_nakasone_and_deng(self, resolve):
        text = "Prime Minister Yasuhiro Nakasone met Deng Xiaoping in Beijing."
        resolved = resolve(text, date(1984, 3, 24))
        assert coded(entity_of(resolved, text, "Yasuhiro Nakasone")) == ("JPNGOV", "JPN")
        assert coded(entity_of(resolved, text, "Deng Xiaoping")) == ("CHNGOV", "CHN")


class TestOrganisations:
    @pytest.mark.parametrize(
        ("text", "day", "words", "expected"),
        [
            (
                "The International Rescue Committee warned of famine in Sudan.",
                date(2024, 3, 1),
                "International Rescue Committee",
                ("NGO", None),
            ),
            (
                "SDF fighters attacked an Islamic State hideout near Raqqa.",
                date(2019, 3, 1),
                "SDF",
                ("SYRREB", "SYR"),
            ),
            (
                "The Rapid Support Forces shelled the city.",
                date(2024, 6, 1),
                "Rapid Support Forces",
                ("SDNREB", "SDN"),
            ),
            (
                "Reporters Without Borders condemned the arrest.",
                date(2024, 6, 1),
                "Reporters Without Borders",
                ("NGOHRIMED", None),
            ),
            (
                "The Houthis said they fired a missile.",
                date(2024, 1, 10),
                "Houthis",
                ("YEMINS", "YEM"),
            ),
            (
                "The Wagner Group withdrew from Bakhmut.",
                date(2023, 5, 25),
                "Wagner Group",
                ("RUSMIL", "RUS"),
            ),
            ("UNRWA closed its schools.", date(2024, 1, 10), "UNRWA", ("IGOUNO", None)),
            ("ECOWAS suspended Niger.", date(2023, 8, 10), "ECOWAS", ("IGOWAFWAS", None)),
            (
                "Analysts at the Brookings Institution disagreed.",
                date(2019, 1, 1),
                "Brookings Institution",
                ("USAELI", "USA"),
            ),
        ],
    )
    def test_the_organisation_s_code(self, resolve, text, day, words, expected):
        assert coded(entity_of(resolve(text, day), text, words)) == expected

    def test_an_ambiguous_acronym_is_not_guessed(self, resolve):
        # RSF: Sudan's Rapid Support Forces or Reporters Without Borders
        text = "The RSF said its fighters had taken the town."
        found = entity_of(resolve(text, date(2024, 6, 1)), text, "RSF")
        assert found is None or found.cameo not in {"SDNREB", "NGOHRIMED"}
