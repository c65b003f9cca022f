"""Generic agents ("police", "militants", "opposition groups in Zimbabwe"): a sector code
and a country from the modifier, the of/in/at phrase or, marked inferred, the article's
main country. Hand-written sentences, with the real spaCy model."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.actors import ResolvedEntities, resolve_entities
from dossier.record import Entity

MAY_2019 = date(2019, 5, 1)
KENYA_STORY = (
    "Kenya held a disputed election on Tuesday. Kenya's opposition rejected the result. "
    "Security forces fired tear gas at protesters in the capital."
)


@pytest.fixture(scope="module")
def resolve(nlp):
    def run(text: str) -> ResolvedEntities:
        return resolve_entities(nlp(text), MAY_2019)

    return run


def entity_of(resolved: ResolvedEntities, text: str, words: str) -> Entity | None:
    start = text.index(words)
    return resolved.at(start, start + len(words))


def coded(entity: Entity | None) -> tuple[str | None, str | None, bool] | None:
    if entity is None:
        return None
    return entity.cameo, entity.country, entity.country_inferred


class TestCountryWordBeforeTheAgent:
    """Already read by the groups pass; the agent pass must not change it."""

    @pytest.mark.parametrize(
        ("text", "words", "cameo", "country"),
        [
            ("Egyptian police arrested dozens of people.", "Egyptian police", "EGYCOP", "EGY"),
            (
                "Turkish authorities said the suspects had fled.",
                "Turkish authorities",
                "TURGOV",
                "TUR",
            ),
            ("Fijian rebels freed the hostages on Sunday.", "Fijian rebels", "FJIREB", "FJI"),
            ("Iraqi Kurds voted in a referendum.", "Iraqi Kurds", "IRQKUR", "IRQ"),
        ],
    )
    def test_the_modifier_gives_the_country(self, resolve, text, words, cameo, country):
        assert coded(entity_of(resolve(text), text, words)) == (cameo, country, False)


class TestCountryFromThePhraseAfterTheAgent:
    def test_opposition_groups_in_a_country(self, resolve):
        text = "Opposition groups in Zimbabwe called for a general strike."
        assert coded(entity_of(resolve(text), text, "Opposition groups")) == (
            "ZWEOPP",
            "ZWE",
            False,
        )

    def test_police_in_a_city_take_the_city_s_country(self, resolve):
        text = "Police in Lagos arrested three men on Friday."
        assert coded(entity_of(resolve(text), text, "Police")) == ("NGACOP", "NGA", False)

    def test_refugees_from_a_country(self, resolve):
        text = "Refugees from Syria crossed the border overnight."
        assert coded(entity_of(resolve(text), text, "Refugees")) == ("SYRREF", "SYR", False)


class TestCountryOfTheOwner:
    """An agent owned by a person or country takes the owner's country, even in an article
    about another country."""

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("Malaysian Prime Minister Anwar Rahman spoke. Anwar's government froze the deal.",
             "government froze"),
            ("The government of Malaysian Prime Minister Anwar Rahman froze the deal.",
             "government of"),
        ],
    )  # fmt: skip
    def test_the_owner_s_country(self, resolve, text, words):
        story = f"China protested. China warned. China waited. {text}"
        assert coded(entity_of(resolve(story), story, words)) == ("MYSGOV", "MYS", False)

    def test_a_country_s_un_mission_is_its_government(self, resolve):
        text = "China's U.N. mission opposed the plan."
        assert coded(entity_of(resolve(text), text, "U.N. mission")) == ("CHNGOV", "CHN", False)


class TestCountryInferredFromTheArticle:
    def test_agents_without_a_country_take_the_main_country_marked_inferred(self, resolve):
        resolved = resolve(KENYA_STORY)
        assert coded(entity_of(resolved, KENYA_STORY, "Security forces")) == ("KENCOP", "KEN", True)
        assert coded(entity_of(resolved, KENYA_STORY, "protesters")) == ("KENCVL", "KEN", True)

    def test_the_inferred_mark_reaches_the_event_actor(self, resolve):
        resolved = resolve(KENYA_STORY)
        start = KENYA_STORY.index("forces")
        actor = resolved.actor_at(start, start + len("forces"))
        assert (actor.cameo, actor.country_inferred) == ("KENCOP", True)

    def test_an_article_shared_by_two_countries_infers_none(self, resolve):
        text = (
            "Kenya and Somalia traded accusations of raids. Somalia denied it. Kenya said "
            "so again. Kenya closed the border. Security forces fired tear gas at protesters."
        )
        assert coded(entity_of(resolve(text), text, "Security forces")) is None

    @pytest.mark.parametrize(
        "lede",
        [
            "Kenya launched an operation against militants from Somalia on Monday.",
            "A Kenyan court blocked the deportation of two men to Somalia.",
        ],
    )
    def test_the_lede_s_country_decides_between_the_two_named_most(self, resolve, lede):
        text = (
            f"{lede} Somalia denied any link. Somalia's envoy said so again. "
            "Kenya closed the border. Security forces fired tear gas."
        )
        assert coded(entity_of(resolve(text), text, "Security forces")) == ("KENCOP", "KEN", True)

    def test_a_lede_country_named_less_than_two_others_decides_nothing(self, resolve):
        text = (
            "Kenya sent a delegation to the talks. Somalia and Ethiopia met. Somalia "
            "protested. Ethiopia objected. Somalia waited. Ethiopia replied. Ethiopia "
            "and Somalia met again. Security forces fired tear gas."
        )
        assert coded(entity_of(resolve(text), text, "Security forces")) is None

    def test_the_dateline_names_the_main_country(self, resolve):
        text = "NAIROBI, Kenya (Reuters) - Militants attacked a police checkpoint on Monday."
        assert coded(entity_of(resolve(text), text, "Militants")) == ("KENREB", "KEN", True)

    def test_an_agent_the_text_also_names_with_its_country_is_not_inferred(self, resolve):
        text = (
            "Kenya held an election. Kenya's president spoke. Police arrested two men. "
            "Kenyan police said the men were armed."
        )
        assert coded(entity_of(resolve(text), text, "Police arrested")) == ("KENCOP", "KEN", False)


class TestUncodedRatherThanGuessed:
    @pytest.mark.parametrize(
        "text",
        [
            "Protesters blocked the road.",
            "Militants attacked a checkpoint overnight.",
            # two countries as present: no main country
            "Russia and China met. Protesters gathered outside. Officials said nothing.",
        ],
    )
    def test_no_country_anywhere_leaves_the_agent_out(self, resolve, text):
        resolved = resolve(text)
        for word in ("Protesters", "Militants", "Officials"):
            if word in text:
                assert entity_of(resolved, text, word) is None


class TestForeignAgentsAreNotTheMainCountry:
    def test_international_forces_are_not_the_article_s_country(self, resolve):
        text = KENYA_STORY + " International forces left the region."
        assert entity_of(resolve(text), text, "forces left") is None


class TestInternationalAgents:
    """Aid agencies with no country said are the generic NGO, not the article's country's
    (guide, section 10); rights groups are a country's, said or inferred."""

    def test_aid_agencies_without_a_country_are_the_generic_ngo(self, resolve):
        text = KENYA_STORY + " Aid agencies warned of hunger in the north."
        assert coded(entity_of(resolve(text), text, "Aid agencies")) == ("NGO", None, False)

    def test_aid_agencies_of_a_country_are_that_country_s(self, resolve):
        text = KENYA_STORY + " Somali aid groups said food was running out."
        assert coded(entity_of(resolve(text), text, "Somali aid groups")) == (
            "SOMNGO",
            "SOM",
            False,
        )

    def test_rights_groups_take_the_article_s_country_marked_inferred(self, resolve):
        text = KENYA_STORY + " Rights groups condemned the shootings."
        assert coded(entity_of(resolve(text), text, "Rights groups")) == ("KENHRI", "KEN", True)


class TestPlacesAndThingsAreNotAgents:
    @pytest.mark.parametrize(
        ("text", "words"),
        [
            (KENYA_STORY + " The army base was attacked.", "army"),
            (KENYA_STORY + " A police station was burned.", "police station"),
            (KENYA_STORY + " The troop withdrawal began.", "troop"),
        ],
    )
    def test_a_noun_modifying_another_is_no_actor(self, resolve, text, words):
        assert entity_of(resolve(text), text, words) is None

    def test_a_report_is_no_actor(self, resolve):
        text = KENYA_STORY + " The report said the vote was fair."
        assert entity_of(resolve(text), text, "report") is None


PAKISTAN_STORY = (
    "QUETTA, Pakistan — Pakistan said on Wednesday the siege was over. "
    "Security forces killed 30 terrorists and freed the passengers. "
    "The court ordered an inquiry, and the minister resigned."
)


@pytest.mark.parametrize(
    ("words", "cameo"),
    [
        ("Security forces", "PAKCOP"),  # security forces are police-like, not the army
        ("terrorists", "PAKREB"),
        ("passengers", "PAKCVL"),
        ("court", "PAKJUD"),
        ("minister", "PAKGOV"),
    ],
)
def test_more_agents_take_the_articles_country(resolve, words, cameo) -> None:
    found = coded(entity_of(resolve(PAKISTAN_STORY), PAKISTAN_STORY, words))
    assert found == (cameo, "PAK", True)


def test_a_word_of_an_agent_noun_inside_a_name_is_no_agent(resolve) -> None:
    text = "QUETTA, Pakistan — The Court of Arbitration met in The Hague."
    entity = entity_of(resolve(text), text, "Court")
    assert entity is None or entity.cameo != "PAKJUD"


@pytest.mark.parametrize(
    ("text", "words", "cameo"),
    [
        ("ICE detained him in New York.", "ICE", "USACOP"),
        ("Islamic State fighters attacked the town, and ISIS said so.", "ISIS", "IMG"),
        ("The Kurdistan Regional Government said it would vote.", "Kurdistan Regional Government",
         "IRQGOV"),
    ],
)  # fmt: skip
def test_organisations_of_the_own_file(resolve, text, words, cameo) -> None:
    entity = entity_of(resolve(text), text, words)
    assert entity is not None and entity.cameo == cameo


VEHICLE_STORY = (
    "LAGOS, Nigeria — Gunmen attacked a passenger train near Kaduna on Sunday and ambushed"
    " a military convoy, killing 12 people. A bus was also set on fire."
)


@pytest.mark.parametrize(
    ("words", "cameo"),
    [
        ("passenger train", "NGACVL"),
        ("military convoy", "NGAMIL"),
        ("people", "NGACVL"),
        ("A bus", "NGACVL"),
    ],
)
def test_vehicles_and_people_are_agents_of_the_articles_country(resolve, words, cameo) -> None:
    found = coded(entity_of(resolve(VEHICLE_STORY), VEHICLE_STORY, words))
    assert found is not None and found[:2] == (cameo, "NGA")


def test_an_agent_noun_spacy_took_for_a_name_after_the_dateline_is_an_agent(resolve) -> None:
    found = coded(entity_of(resolve(VEHICLE_STORY), VEHICLE_STORY, "Gunmen"))
    assert found == ("NGAUAF", "NGA", True)


def test_a_country_said_with_the_vehicle_is_its_own(resolve) -> None:
    text = "LAGOS, Nigeria — Gunmen ambushed a Chadian military convoy on Sunday."
    found = coded(entity_of(resolve(text), text, "Chadian military convoy"))
    assert found is not None and found[:2] == ("TCDMIL", "TCD") and not found[2]


class TestArmedGroupsNamedOrMeant:
    def test_fighters_named_by_their_group_are_the_group(self, resolve) -> None:
        text = "Al-Shabab fighters attacked a base in Lamu."
        found = entity_of(resolve(text), text, "fighters")
        assert found is not None and (found.name, found.cameo) == ("al-Shabab", "SOMINS")

    def test_the_militants_after_one_named_group_are_that_group(self, resolve) -> None:
        text = "Al-Shabab attacked a base in Lamu. Kenya said the militants had fled."
        found = entity_of(resolve(text), text, "militants")
        assert found is not None and found.name == "al-Shabab"

    def test_fighters_told_before_the_name_do_not_count_as_another_group(self, resolve) -> None:
        """'Terrorists' before the group is named is no second named group: the later
        'militants' are still the one group named."""
        text = (
            "Terrorists from Afghanistan attacked a train in Pakistan on Tuesday. "
            "The Baloch Liberation Army claimed the attack. "
            "The militants said they held 200 hostages."
        )
        found = entity_of(resolve(text), text, "militants")
        assert found is not None and found.name == "Baloch Liberation Army"

    def test_with_two_groups_named_the_militants_are_neither(self, resolve) -> None:
        text = (
            "Al-Shabab and the Islamic State clashed in Puntland. "
            "Somalia said the militants had fled."
        )
        found = entity_of(resolve(text), text, "militants")
        assert found is None or found.name not in {"al-Shabab", "Islamic State"}

    @pytest.mark.parametrize(
        ("text", "words", "coded_as"),
        [
            ("Pakistani separatists attacked a train.", "Pakistani separatists",
             ("PAKSEP", "PAK", False)),
            ("QUETTA, Pakistan - Separatists attacked a train on Tuesday.", "Separatists",
             ("PAKSEP", "PAK", True)),
        ],
    )  # fmt: skip
    def test_separatists_are_their_own_sector(self, resolve, text, words, coded_as) -> None:
        assert coded(entity_of(resolve(text), text, words)) == coded_as


@pytest.mark.parametrize(
    ("text", "words", "cameo"),
    [
        ("Somalia's lower house voted to extend the term.", "lower house", "SOMLEG"),
        ("Kenya's intelligence service warned of attacks.", "intelligence service", "KENSPY"),
        ("NAIROBI, Kenya - The three-judge bench ruled against the minister.", "bench", "KENJUD"),
        ("NAIROBI, Kenya - The national assembly voted on Tuesday.", "national assembly", "KENLEG"),
    ],
)
def test_houses_benches_and_services_are_sectors(resolve, text, words, cameo) -> None:
    found = entity_of(resolve(text), text, words)
    assert found is not None and found.cameo == cameo


class TestTheAgentsNamedBefore:
    """'The officials' repeats the officials named just before, with their country,
    rather than taking the article's main country."""

    SYRIA = (
        "Syria's president met Turkey's president in Damascus on Monday. Syria and "
        "Turkey signed a deal. Syrian troops withdrew from the border. Damascus welcomed "
        "the move. "
    )

    def test_the_one_group_of_its_sector_named_before(self, resolve) -> None:
        text = self.SYRIA + (
            "Iraqi officials said the strike killed an IS leader. The officials also said "
            "they arrested seven IS members."
        )
        found = coded(entity_of(resolve(text), text, "officials also"))
        assert found == ("IRQGOV", "IRQ", False)

    @pytest.mark.parametrize(
        "named",
        [
            "Iraqi officials and U.S. officials said the strike killed an IS leader.",
            "U.S. and Iraqi officials said the strike killed an IS leader.",
        ],
    )
    def test_officials_of_two_countries_named_before_leave_them_alone(self, resolve, named):
        text = self.SYRIA + named + " The officials also said they arrested seven IS members."
        found = entity_of(resolve(text), text, "officials also")
        assert found is None or found.cameo != "IRQGOV"


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Gunmen from the Baloch Liberation Army attacked a train.",
            "Gunmen",
            "Baloch Liberation Army",
        ),
        ("Fighters of al-Shabab stormed a hotel in Mogadishu.", "Fighters", "al-Shabab"),
    ],
)
def test_fighters_from_a_named_armed_group_are_that_group(resolve, text, words, name):
    entity = entity_of(resolve(text), text, words)
    assert entity is not None and entity.name == name


def test_soldiers_from_a_country_stay_its_army(resolve):
    text = "Soldiers from Chad arrived in the town."
    assert coded(entity_of(resolve(text), text, "Soldiers from Chad")) == ("TCDMIL", "TCD", False)


@pytest.mark.parametrize(
    ("text", "words", "cameo"),
    [
        ("Somali opposition lawmakers denounced the extension.", "opposition lawmakers", "SOMOPP"),
        ("Kenyan opposition MPs walked out of parliament.", "opposition MPs", "KENOPP"),
        ("Kenyan lawmakers approved the budget.", "Kenyan lawmakers", "KENLEG"),
    ],
)
def test_opposition_members_of_parliament_are_the_opposition(resolve, text, words, cameo):
    entity = entity_of(resolve(text), text, words)
    assert entity is not None and entity.cameo == cameo


@pytest.mark.parametrize(
    ("text", "words", "cameo"),
    [
        ("Police made arrests in the Kenyan town of Garissa.", "Police", "KENCOP"),
        ("Students marched in Tehran on Friday.", "Students", "IRNEDU"),
        ("Gunmen abducted two aid workers in the Nigerian state of Borno.", "Gunmen", "NGAUAF"),
    ],
)
def test_a_domestic_agent_takes_the_country_of_the_place_it_acts_in(resolve, text, words, cameo):
    entity = entity_of(resolve(text), text, words)
    assert coded(entity) == (cameo, cameo[:3], True)


def test_troops_take_no_country_from_where_they_fight(resolve) -> None:
    text = "Troops began an offensive near the Syrian city of Aleppo."
    assert entity_of(resolve(text), text, "Troops") is None
