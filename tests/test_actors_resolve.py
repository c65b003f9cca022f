"""Resolution rules on short hand-written sentences, with the real spaCy model."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dossier.actors import ResolvedEntities, default_knowledge, resolve_entities
from dossier.knowledge.actors import phrase_key
from entity_lookup import entity_of

JUNE_2000 = date(2000, 6, 12)


@pytest.fixture(scope="module")
def resolve(nlp):
    def run(text: str, day: date | None = JUNE_2000, knowledge=None) -> ResolvedEntities:
        return resolve_entities(nlp(text), day, knowledge)

    return run


def names(resolved: ResolvedEntities) -> set[str]:
    return {e.name for e in resolved.entities}


# --- metonymy --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "cameo", "country"),
    [
        ("Moscow announced that the president will travel abroad.", "Moscow", "RUSGOV", "RUS"),
        ("Washington welcomed the news of the visit.", "Washington", "USAGOV", "USA"),
        ("The Kremlin could hardly have been pleased.", "Kremlin", "RUSGOV", "RUS"),
        ("The White House denied the report on Tuesday.", "White House", "USAGOV", "USA"),
        ("Pyongyang would not object to the plan.", "Pyongyang", "PRKGOV", "PRK"),
        ("The deal was a diplomatic victory for Moscow.", "Moscow", "RUSGOV", "RUS"),
        ("Russia had been shut out by Washington and Beijing.", "Beijing", "CHNGOV", "CHN"),
    ],
)
def test_a_capital_or_seat_acting_is_its_government(resolve, text, words, cameo, country):
    entity = entity_of(resolve(text), text, words)
    assert (entity.type, entity.cameo, entity.country) == ("ORGANIZATION", cameo, country)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("A summit meeting was held in Moscow last week.", "Moscow"),
        ("He made a visit to Pyongyang in July.", "Pyongyang"),
        ("Reports out of Moscow suggest little progress.", "Moscow"),
        ("He heads a Mogadishu-based research group.", "Mogadishu"),
    ],
)
def test_a_capital_where_something_happens_is_a_place(resolve, text, words):
    entity = entity_of(resolve(text), text, words)
    assert entity.type == "LOCATION" and entity.cameo is None


def test_a_country_name_keeps_the_country_code(resolve):
    text = "Russia had long sought a seat at the talks."
    entity = entity_of(resolve(text), text, "Russia")
    assert (entity.name, entity.type, entity.cameo) == ("Russia", "COUNTRY", "RUS")


# --- demonym and role noun ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "cameo", "name"),
    [
        (
            "Russian officials were unclear about the date.",
            "Russian officials",
            "RUSGOV",
            "Government (Russia)",
        ),
        (
            "South Korean media executives traveled to Pyongyang.",
            "South Korean media executives",
            "KORMED",
            "Media (South Korea)",
        ),
        (
            "Russian diplomatic sources were quoted as saying so.",
            "Russian diplomatic sources",
            "RUSGOV",
            "Government (Russia)",
        ),
        (
            "In a rebuff, the Russian side said it would not act.",
            "Russian side",
            "RUSGOV",
            "Government (Russia)",
        ),
        (
            "American troops were needed in the region.",
            "American troops",
            "USAMIL",
            "Military (United States)",
        ),
        (
            "A high-ranking Russian diplomat denied the reports.",
            "Russian diplomat",
            "RUSGOV",
            "Government (Russia)",
        ),
    ],
)
def test_demonym_and_role_noun_make_a_group(resolve, text, words, cameo, name):
    entity = entity_of(resolve(text), text, words)
    assert (entity.cameo, entity.name) == (cameo, name)
    assert any(m.text == words for m in entity.mentions)


def test_coordinated_demonyms_share_the_role_noun(resolve):
    text = "Talks between Russian and U.S. government officials ended."
    resolved = resolve(text)
    assert entity_of(resolved, text, "Russian").cameo == "RUSGOV"
    assert entity_of(resolved, text, "officials").cameo == "USAGOV"


@pytest.mark.parametrize("second", ["U.S. officials", "American officials"])
def test_a_second_group_with_its_own_country_word_is_its_own(resolve, second):
    text = f"Iraqi officials and {second} said the strike killed a senior leader."
    resolved = resolve(text)
    assert entity_of(resolved, text, "Iraqi officials").cameo == "IRQGOV"
    assert entity_of(resolved, text, second).cameo == "USAGOV"


def test_a_demonym_alone_is_the_country(resolve):
    text = "The announcement generated speculation about Russian interests."
    assert entity_of(resolve(text), text, "Russian").cameo == "RUS"


def test_the_north_koreans_are_not_a_place(resolve):
    text = "He urged Putin to try to convince the North Koreans to stop work."
    entity = entity_of(resolve(text), text, "North Koreans")
    assert (entity.type, entity.cameo) == ("COUNTRY", "PRK")


def test_a_national_body_takes_its_country_from_the_adjective(resolve):
    text = "The Russian Foreign Ministry issued a statement."
    entity = entity_of(resolve(text), text, "Foreign Ministry")
    assert (entity.name, entity.cameo) == ("Foreign Ministry (Russia)", "RUSGOV")


# --- titles, dates and people ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("day", "holder", "cameo"),
    [
        (JUNE_2000, "Vladimir Putin", "RUSGOV"),
        (date(1998, 6, 1), "Boris Yeltsin", "RUSGOV"),
        (date(2010, 6, 1), "Dmitry Medvedev", "RUSGOV"),
    ],
)
def test_a_title_names_whoever_held_the_office_that_day(resolve, day, holder, cameo):
    text = "An expected visit by the Russian president to Beijing was announced."
    entity = entity_of(resolve(text, day), text, "Russian president")
    assert (entity.name, entity.type, entity.cameo) == (holder, "PERSON", cameo)


def test_the_north_korean_leader(resolve):
    text = "The North Korean leader may himself have repudiated the deal."
    resolved = resolve(text, date(2000, 8, 30))
    entity = entity_of(resolved, text, "North Korean leader")
    assert entity.name == "Kim Jong-il"
    assert entity_of(resolved, text, "himself") is entity


def test_an_office_held_outside_the_date_does_not_resolve(resolve):
    text = "The Russian prime minister arrived in Paris."
    entity = entity_of(resolve(text, JUNE_2000), text, "Russian prime minister")
    assert entity.name == "Mikhail Kasyanov"  # Putin was prime minister until May 2000
    text = "Vladimir Putin met reporters."
    assert entity_of(resolve(text, date(1995, 1, 1)), text, "Vladimir Putin").cameo == "RUS"


def test_someone_unknown_takes_country_and_sector_from_the_title(resolve):
    text = "Syrian ambassador Imad Moustapha met the officials."
    entity = entity_of(resolve(text), text, "Imad Moustapha")
    assert (entity.type, entity.country, entity.cameo, entity.role) == (
        "PERSON",
        "SYR",
        "SYRGOV",
        "ambassador",
    )
    assert "Syrian" not in names(resolve(text))


def test_the_seed_ambassador_without_the_knowledge_base(resolve):
    kb = default_knowledge()
    unknown = {"pak ui chun"}  # neither in people.yaml nor in the shipped Phoenix dictionaries
    without_pak = replace(kb, actors=[a for a in kb.actors if phrase_key(a.name) not in unknown])
    text = "Mamedov had met in Moscow the day before with North Korean ambassador Pak Ui Chun."
    entity = entity_of(resolve(text, JUNE_2000, without_pak), text, "Pak Ui Chun")
    assert (entity.name, entity.country, entity.cameo) == ("Pak Ui Chun", "PRK", "PRKGOV")


def test_full_names_and_surnames(resolve):
    text = "President Vladimir Putin will travel to Japan. Putin said the trip was useful."
    resolved = resolve(text)
    full = entity_of(resolved, text, "Vladimir Putin")
    assert entity_of(resolved, text, "Putin", nth=1) is full
    assert (full.name, full.country, full.role) == ("Vladimir Putin", "RUS", "president")


def test_the_last_word_of_a_known_name_is_the_person_too(resolve):
    """The file's surname for Mohamed Abdullahi Mohamed is Farmajo; reporters also call
    him by the last word of his name."""
    text = (
        "Somali President Mohamed Abdullahi Mohamed signed the measure. "
        "Mohamed, known by his nickname Farmajo, signed it late Tuesday."
    )
    resolved = resolve(text, date(2021, 4, 14))
    full = entity_of(resolved, text, "Mohamed Abdullahi Mohamed")
    assert full.cameo == "SOMGOV"
    assert entity_of(resolved, text, "Mohamed,") is full
    assert entity_of(resolved, text, "Farmajo") is full


def test_an_ambiguous_surname_follows_the_document(resolve):
    text = (
        "Putin met Kim Jong-il in Pyongyang. Kim said he was joking. "
        "Later South Korean President Kim Dae Jung said yesterday that he had been told so."
    )
    resolved = resolve(text, date(2000, 8, 30))
    jong_il = entity_of(resolved, text, "Kim Jong-il")
    assert entity_of(resolved, text, "Kim said") is jong_il
    dae_jung = entity_of(resolved, text, "Kim Dae Jung")
    assert dae_jung.name == "Kim Dae-jung" and dae_jung is not jong_il
    assert entity_of(resolved, text, "he had") is dae_jung


def test_a_surname_labelled_organisation_is_the_person(resolve):
    text = (
        "Deputy Foreign Minister Georgy Mamedov met the ambassador. "
        "The statement said that Mamedov and Pak had discussed the summit."
    )
    resolved = resolve(text)
    entity = entity_of(resolved, text, "Mamedov", nth=1)
    assert (entity.name, entity.type) == ("Georgy Mamedov", "PERSON")
    assert not any(e.type == "ORGANIZATION" and e.name == "Mamedov" for e in resolved.entities)


# --- pronouns and the two men -------------------------------------------------------------
def test_the_previous_subject_beats_the_last_person_named(resolve):
    text = (
        "U.S. Defense Department spokesman Kenneth Bacon commented on the announcement "
        "during a visit to Brussels with Defense Secretary William Cohen. He urged Putin to act."
    )
    resolved = resolve(text)
    assert entity_of(resolved, text, "He").name == "Kenneth Bacon"
    assert entity_of(resolved, text, "Defense Department").cameo == "USAGOV"
    assert "Defense" not in names(resolved)


@pytest.mark.parametrize(
    ("text", "his"),
    [
        # the one quoted would say "my": "his" is someone else, here nobody named
        ('President Bill Clinton said the rebel leader was killed. "His miserable life was '
         'terminated," Clinton said.', None),
        ('Rebel leader Abu Khadija led the group for years. "His miserable life was '
         'terminated," Clinton said.', "Abu Khadija"),
    ],
)  # fmt: skip
def test_he_inside_a_quotation_is_not_the_one_quoted(resolve, text, his):
    found = entity_of(resolve(text), text, "His")
    assert (found.name if found else None) == his


def test_the_two_men_are_the_last_two_people(resolve):
    text = (
        "Georgy Mamedov had met with North Korean ambassador Pak Ui Chun. "
        "A statement said that discussions were continued between the two men."
    )
    resolved = resolve(text)
    start = text.index("the two men")
    both = {e.name for e in resolved.entities_at(start, start + len("the two men"))}
    assert both == {"Georgy Mamedov", "Pak Ui-chun"}


# --- pairs and junk ----------------------------------------------------------------------
def test_a_hyphenated_pair_is_two_countries(resolve):
    text = "It came after a Russian-U.S. summit meeting and before the Russian-North Korean talks."
    resolved = resolve(text)
    assert entity_of(resolved, text, "Russian").cameo == "RUS"
    assert entity_of(resolved, text, "U.S.").cameo == "USA"
    assert entity_of(resolved, text, "North Korean").cameo == "PRK"
    assert not any("-" in e.name for e in resolved.entities)


def test_groupings_are_organisations_not_people(resolve):
    text = "A successful visit on the eve of the G-8 summit could increase his clout."
    entity = entity_of(resolve(text), text, "G-8")
    assert (entity.type, entity.cameo) == ("ORGANIZATION", "IGOGOE")


# --- the interface the events stage uses ------------------------------------------------------
def test_actor_at_gives_the_events_stage_an_actor(resolve):
    text = "Russian officials were unclear as to exactly when the visit would occur."
    resolved = resolve(text)
    start = text.index("officials")
    actor = resolved.actor_at(start, start + len("officials"))
    assert (actor.name, actor.cameo, actor.country, actor.text) == (
        "Government (Russia)",
        "RUSGOV",
        "RUS",
        "Russian officials",
    )
    assert resolved.by_id(actor.entity).name == "Government (Russia)"
    place = text.index("when")
    assert resolved.actor_at(place, place + 4) is None


def test_a_user_dictionary_resolves_its_actors(resolve, tmp_path):
    from dossier.actors import knowledge_with

    path = tmp_path / "mine.yaml"
    path.write_text("- {name: Jan Novak, country: CZE, roles: [[foreign minister, 1999, 2001]]}\n")
    text = "Foreign Minister Jan Novak arrived. Novak said little."
    resolved = resolve(text, JUNE_2000, knowledge_with([path]))
    entity = entity_of(resolved, text, "Jan Novak")
    assert (entity.country, entity.cameo, entity.role) == ("CZE", "CZEGOV", "foreign minister")
    assert entity_of(resolved, text, "Novak", nth=1) is entity


# --- cases from Reuters-21578 wire copy, checked by hand -------------------------------------
@pytest.mark.parametrize(
    ("words", "holder"),
    [
        ("German leader", "Gerhard Schroeder"),
        ("British leader", "Tony Blair"),
        ("French leader", "Jacques Chirac"),
    ],
)
def test_leader_means_the_head_of_government_in_parliamentary_states(resolve, words, holder):
    text = f"Officials said the {words} would attend the summit."
    assert entity_of(resolve(text), text, words).name == holder


def test_a_shorter_form_of_an_unknown_name_is_the_same_person(resolve):
    text = (
        "Aart de Zeeuw, chairman of the negotiating group, met officials. De Zeeuw told reporters."
    )
    resolved = resolve(text, date(1987, 3, 1))
    assert entity_of(resolved, text, "De Zeeuw") is entity_of(resolved, text, "Aart de Zeeuw")


def test_leaving_for_a_capital_is_going_to_a_place(resolve):
    text = (
        "Minister Ronnie De Mel has left for Washington to discuss Sri Lanka's request for a loan."
    )
    resolved = resolve(text, date(1987, 3, 1))
    assert entity_of(resolved, text, "Washington").type == "LOCATION"
    assert entity_of(resolved, text, "Sri Lanka").type == "COUNTRY"


def test_an_organisation_name_is_not_a_demonym_group(resolve):
    text = "The package will be tackled by European Community leaders next month."
    assert entity_of(resolve(text), text, "European Community").cameo == "IGOEUREEC"


def test_imported_phoenix_actors_resolve_with_their_dated_codes(resolve):
    from conftest import SHARED, require_shared
    from dossier.actors import knowledge_with

    dicts = SHARED / "data" / "petrarch" / "dicts"
    kb = knowledge_with(
        [require_shared(dicts / "Phoenix.Countries.actors.txt"), dicts / "Phoenix.agents.txt"]
    )
    text = "Alberto Fujimori met reporters on Tuesday. Russian businessmen protested."
    assert entity_of(resolve(text, date(1995, 3, 1), kb), text, "Fujimori").cameo == "PERGOV"
    resolved = resolve(text, date(2005, 3, 1), kb)
    assert entity_of(resolved, text, "Fujimori").cameo == "PERELI"  # out of office by then
    assert entity_of(resolved, text, "businessmen").cameo == "RUSBUS"


def test_a_country_word_inside_an_organisation_name_is_not_the_country(resolve):
    text = "The UK Independence Party outspent both Labour and the Liberal Democrats."
    resolved = resolve(text, date(2005, 3, 1))
    party = entity_of(resolved, text, "UK Independence Party")
    assert (party.name, party.cameo) == ("UK Independence Party", "GBRPTY")
    assert entity_of(resolved, text, "Labour").cameo == "GBRPTY"
    assert "Britain" not in names(resolved)


def test_pronouns_agree_with_what_is_known_of_gender(resolve):
    text = (
        "Patricia Hewitt met Ken Livingstone on Monday. Ms Hewitt said she was pleased. "
        "Albright spoke to Tony Blair. She urged him to act."
    )
    resolved = resolve(text, date(2000, 3, 1))
    hewitt = entity_of(resolved, text, "Patricia Hewitt")
    assert entity_of(resolved, text, "Hewitt", nth=1) is hewitt  # "Ms" is not part of the name
    assert entity_of(resolved, text, "she") is hewitt
    assert entity_of(resolved, text, "She").name == "Madeleine Albright"  # people.yaml: gender f
    assert entity_of(resolved, text, "him").name == "Tony Blair"


def test_a_body_without_a_country_word_takes_the_country_of_the_actor_before_it(resolve):
    text = "Igor Ivanov said on Monday that the Foreign Ministry would respond."
    entity = entity_of(resolve(text), text, "Foreign Ministry")
    assert (entity.name, entity.cameo) == ("Foreign Ministry (Russia)", "RUSGOV")
    text = "The Foreign Ministry said nothing."
    entity = entity_of(resolve(text), text, "Foreign Ministry")
    assert (entity.name, entity.cameo) == ("Foreign Ministry", None)  # no guess


def test_a_verb_ends_a_group_phrase(resolve):
    text = "Russian police arrested Pakistani students in Moscow today."
    resolved = resolve(text)
    assert entity_of(resolved, text, "Russian police").cameo == "RUSCOP"
    assert entity_of(resolved, text, "Pakistani students").cameo == "PAKEDU"


def test_countries_of_a_user_dictionary_compose_like_real_ones(resolve, tmp_path):
    from dossier.actors import knowledge_with

    path = tmp_path / "fictional.actors.txt"
    path.write_text("BREE [BRE]\nITHILEN [ITH]\n", encoding="utf-8")
    kb = knowledge_with([path])
    text = "Bree Prime Minister Romendacil met Ithilen officials on Monday."
    resolved = resolve(text, date(1995, 1, 1), kb)
    assert entity_of(resolved, text, "Romendacil").cameo == "BREGOV"
    group = entity_of(resolved, text, "officials")
    assert (group.name, group.cameo) == ("Government (Ithilen)", "ITHGOV")


@pytest.mark.parametrize(
    ("text", "words", "cameo"),
    [
        ("Soldiers from Russia crossed the border.", "Soldiers from Russia", "RUSMIL"),
        ("The government of Japan protested.", "government of Japan", "JPNGOV"),
        ("Washington officials met them.", "Washington officials", "USAGOV"),
        # Phoenix.agents: SECURITY_OFFICIAL [~COP], a phrase dossier's sectors.yaml lacks
        ("Washington security officials met them.", "Washington security officials", "USACOP"),
        ("Danish media and government warned the visitors.", "government", "DNKGOV"),
        ("Gondor's Prime Minister Falastur arrived.", "Falastur", None),
    ],
)
def test_more_group_constructions(resolve, text, words, cameo):
    entity = entity_of(resolve(text), text, words)
    if cameo is None:  # someone unknown of a country unknown to the knowledge base
        assert (entity.type, entity.role) == ("PERSON", "Prime Minister")
    else:
        assert entity.cameo == cameo


def test_a_title_of_a_country_names_the_holder(resolve):
    text = "The long-reclusive leader of North Korea, Kim Jong-il, met him."
    resolved = resolve(text)
    assert entity_of(resolved, text, "leader of North Korea") is entity_of(
        resolved, text, "Kim Jong-il"
    )


def test_a_name_after_a_title_is_a_person_even_inside_an_organisation_span(resolve, tmp_path):
    from dossier.actors import knowledge_with

    path = tmp_path / "fictional.actors.txt"
    path.write_text("ARNOR [ARN]\nITHILEN [ITH]\n", encoding="utf-8")
    text = "Arnor President Umbardacil has again appealed for peace in Ithilen in a message."
    resolved = resolve(text, date(1995, 1, 1), knowledge_with([path]))
    entity = entity_of(resolved, text, "Umbardacil")
    assert (entity.type, entity.cameo, entity.role) == ("PERSON", "ARNGOV", "President")


# --- companies -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Exxon Corp said it would sue the state of Alaska.", "Exxon Corp"),
        ("Courtaulds PLC rejected the offer on Monday.", "Courtaulds PLC"),
        (
            "The union struck against Trans World Airlines Inc on Friday.",
            "Trans World Airlines Inc",
        ),
    ],
)
def test_a_company_named_with_its_legal_form_is_coded_business(resolve, text, words):
    entity = entity_of(resolve(text), text, words)
    assert entity is not None and entity.cameo == "BUS" and entity.country is None


@pytest.mark.parametrize(
    ("text", "words", "cameo"),
    [
        (
            "The Nordic Press Freedom Foundation urged Kenya to free the journalists.",
            "Nordic Press Freedom Foundation",
            "NGO",
        ),
        (
            "The Institute for War and Peace Reporting said its reporter was detained.",
            "Institute for War and Peace Reporting",
            "NGO",
        ),
        # a state body's name, and a party's, are no NGO's
        (
            "The National Hurricane Center warned residents on Friday.",
            "National Hurricane Center",
            None,
        ),
        (
            "The Zambezi Freedom Alliance accused the ruling party of fraud.",
            "Zambezi Freedom Alliance",
            None,
        ),
    ],
)
def test_an_unknown_organisation_named_as_a_civil_society_body_is_coded_ngo(
    resolve, text, words, cameo
):
    entity = entity_of(resolve(text), text, words)
    assert entity is not None and entity.cameo == cameo and entity.country is None


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        ("GAF Corp offered 46 dlrs per share. GAF has offered more before.", "GAF", "GAF Corp"),
        (
            "Borg-Warner Corp rejected the bid. Borg-Warner said the offer was too low.",
            "Borg-Warner",
            "Borg-Warner Corp",
        ),
    ],
)
def test_a_company_named_short_after_its_full_name_is_the_same_company(resolve, text, short, full):
    resolved = resolve(text)
    later = text.rindex(short)
    entity = resolved.at(later, later + len(short))
    assert entity is not None and entity.name == full and entity.cameo == "BUS"


def test_a_name_longer_than_a_company_s_is_another_organisation(resolve):
    text = "GAF Corp offered 46 dlrs per share. The GAF Workers Union rejected it."
    resolved = resolve(text)
    start = text.index("GAF Workers Union")
    entity = resolved.at(start, start + len("GAF Workers Union"))
    assert entity is None or entity.name != "GAF Corp"


def test_an_organisation_without_a_legal_form_gets_no_business_code(resolve):
    text = "The Sierra Club sued the agency on Monday."
    entity = entity_of(resolve(text), text, "Sierra Club")
    assert entity is None or entity.cameo != "BUS"


# --- the dateline ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("LONDON, March 3 - Militants attacked a bus on Tuesday.", "LONDON"),
        ("ISLAMABAD — Gunmen attacked a train on Tuesday.", "ISLAMABAD"),
        ("Kabul, Afghanistan (AP) -- Gunmen attacked a convoy on Tuesday.", "Kabul, Afghanistan"),
    ],
)
def test_the_dateline_place_names_no_actor(resolve, text, places):
    resolved = resolve(text)
    assert all(m.start >= len(places) for e in resolved.entities for m in e.mentions)


def test_the_dateline_still_gives_the_article_its_country(resolve):
    text = "ISLAMABAD — Police arrested ten protesters on Tuesday."
    entity = entity_of(resolve(text), text, "Police")
    assert entity is not None and entity.country == "PAK"


# --- regions ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "cameo"),
    [
        ("Europe quickly retaliated with tariffs on U.S. goods.", "Europe", "EUR"),
        ("The West imposed sanctions on Russia.", "West", "WST"),
    ],
)
def test_a_region_that_acts_is_an_actor_with_its_code(resolve, text, words, cameo):
    start = text.index(words)
    actor = resolve(text).actor_at(start, start + len(words))
    assert actor is not None and actor.cameo == cameo and actor.country is None


def test_a_city_is_a_place_and_no_actor(resolve):
    text = "The leaders met in Houston on Monday."
    start = text.index("Houston")
    assert resolve(text).actor_at(start, start + len("Houston")) is None
