"""The coder on hand-written sentences, one construction or modality each.

Actors come from a small name table, so these tests check the events stage alone:
which words trigger, who fills which role, which cues set the modality. Expected
values are read off each sentence by hand.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.tokens import Token

from dossier.events.actors import ActorResolver
from dossier.events.coder import Coded, code_sentence
from dossier.knowledge.bundle import Knowledge
from dossier.knowledge.event_patterns import default_event_patterns
from dossier.record import ActorRef

KNOWLEDGE = Knowledge.build()

NAMES = {
    "Mamedov": "RUSGOV",
    "Pak": "PRKGOV",
    "Chun": "PRKGOV",
    "Putin": "RUSGOV",
    "Kim": "PRKGOV",
    "Bacon": "USAGOV",
    "Paek": "PRKGOV",
    "Sherman": "USAGOV",
    "Losyukov": "RUSGOV",
    "Washington": "USAGOV",
    "Moscow": "RUSGOV",
    "Russian": "RUS",
    "U.S.": "USA",
    "Beijing": "CHNGOV",
    "Pyongyang": "PRKGOV",
    "Seoul": "KORGOV",
    "Ivanov": "RUSGOV",
    "Arnor": "ARN",
    "Gondor": "GON",
    "BBC": "GBRMED",
    "Osgiliath": "OSG",
}


class TableActors(ActorResolver):
    """Actors by word, for tests: the first word of the phrase in the table."""

    def actor(self, tokens: Sequence[Token]) -> ActorRef | None:
        for token in tokens:
            code = NAMES.get(token.text)
            if code:
                return ActorRef(name=token.text, text=token.text, cameo=code)
        return None


def coded(nlp, text: str) -> list[Coded]:
    doc = nlp(text)
    return [c for s in doc.sents for c in code_sentence(s, KNOWLEDGE, TableActors())]


def triples(items: list[Coded]) -> set[tuple[str, str | None, str]]:
    return {
        (c.source.actor.name, c.target.actor.name if c.target else None, c.trigger.code)
        for c in items
    }


def only(nlp, text: str) -> Coded:
    items = coded(nlp, text)
    assert len(items) == 1, triples(items)
    return items[0]


def test_verb_with_delayed_with_phrase_and_apposition(nlp) -> None:
    event = only(
        nlp, "Mamedov had met in Moscow the day before with North Korean ambassador Pak Ui Chun."
    )
    assert triples([event]) == {("Mamedov", "Chun", "040")}
    assert event.modality == "asserted"


def test_symmetric_nominal_with_between_and_coordinated_modifiers(nlp) -> None:
    event = only(
        nlp, "Two days of talks between Russian and U.S. government officials ended on Tuesday."
    )
    assert {event.source.actor.name, event.target.actor.name} == {"Russian", "U.S."}
    assert event.paired and event.trigger.code == "040"


def test_nominal_with_by_agent_and_to_target_is_planned_when_expected(nlp) -> None:
    event = only(nlp, "Officials discussed an expected visit by Putin to Beijing.")
    assert triples([event]) == {("Putin", "Beijing", "042")}
    assert event.modality == "planned"


def test_possessor_inside_the_object_is_the_target(nlp) -> None:
    event = only(nlp, "Washington welcomed the news of Putin's visit.")
    assert triples([event]) == {("Washington", "Putin", "051")}


def test_owner_of_the_object_is_the_target_of_opposition(nlp) -> None:
    event = only(nlp, "Moscow vehemently opposes the U.S. missile defense plans.")
    assert triples([event]) == {("Moscow", "U.S.", "110")}


def test_appeal_codes_the_appeal_not_its_content(nlp) -> None:
    items = coded(nlp, "Bacon urged Putin to attack Kim.")
    assert triples(items) == {("Bacon", "Putin", "020")}


def test_light_verb_carries_source_and_postponement(nlp) -> None:
    event = only(nlp, "Paek has postponed indefinitely a visit to Moscow.")
    assert triples([event]) == {("Paek", "Moscow", "042")}
    assert event.modality == "postponed"


def test_coordinated_subjects_of_a_symmetric_event_face_each_other(nlp) -> None:
    event = only(nlp, "Sherman and Losyukov chaired a joint meeting on Monday.")
    assert {event.source.actor.name, event.target.actor.name} == {"Sherman", "Losyukov"}
    assert event.paired


def test_statement_whose_content_is_an_event_is_that_event(nlp) -> None:
    event = only(nlp, "Moscow announced that Putin will visit Pyongyang.")
    assert triples([event]) == {("Putin", "Pyongyang", "042")}
    assert event.modality == "planned"


def test_same_happening_told_twice_is_one_event(nlp) -> None:
    items = coded(
        nlp, "Putin met Kim on Monday, and the meeting between Putin and Kim lasted two hours."
    )
    assert triples(items) == {("Putin", "Kim", "040")}


def test_no_event_without_a_source_actor(nlp) -> None:
    assert coded(nlp, "A visit to Beijing was planned for May.") == []


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Putin would not urge Kim to curb the program.", "negated"),
        ("Putin will visit Beijing next month.", "planned"),
        ("Putin plans to visit Beijing.", "planned"),
        ("Putin reportedly visited Beijing.", "reported"),
        ("Putin is said to have met Kim.", "reported"),
        ("Officials suggested that Putin might visit Beijing.", "speculated"),
        ("There was speculation that Putin is traveling to Pyongyang.", "speculated"),
        ("Putin could meet Kim in July.", "speculated"),
        ("Russian officials denied that Putin met Kim.", "denied"),
        ("Ivanov dismissed reports that Putin met Kim.", "denied"),
        ("Putin cancelled his visit to Seoul.", "cancelled"),
        ("Putin postponed his visit to Seoul.", "postponed"),
        ("The talks between Putin and Kim (should they come off) will be short.", "hypothetical"),
        ("If Putin visits Seoul, Kim will protest.", "hypothetical"),
        ("Putin met Kim in Pyongyang.", "asserted"),
        ("Putin hopes to visit Seoul.", "planned"),  # the model lemmatises hopes as hop
        ("Putin was unable to meet Kim.", "negated"),
        ("Putin must meet Kim before the summit.", "hypothetical"),  # a demand
        ("Putin must have met Kim before the summit.", "speculated"),  # a guess
        ("Talks between Putin and Kim must continue.", "hypothetical"),
        ("Kim lobbied Putin to visit Seoul.", "hypothetical"),
        ("Putin, I think, met Kim in Pyongyang.", "speculated"),  # a guess put aside
        ("Putin, officials said, met Kim in Pyongyang.", "asserted"),  # no guess
    ],
)
def test_modality_from_governing_cues(nlp, sentence: str, modality: str) -> None:
    items = coded(nlp, sentence)
    # the governed event: a denial (016) is coded too, as an act of its own
    governed = [c for c in items if c.trigger.code not in {"015", "016"}]
    first = min(governed, key=lambda c: c.trigger.token.i)
    assert first.modality == modality, [(c.trigger.token.text, c.modality) for c in items]


def test_negated_event_is_never_asserted(nlp) -> None:
    event = only(nlp, "Putin did not meet Kim during the summit.")
    assert triples([event]) == {("Putin", "Kim", "040")}
    assert event.modality == "negated"


def test_place_is_the_in_phrase_but_not_an_actor(nlp) -> None:
    from dossier.events.place import place_of

    event = only(nlp, "Mamedov met Pak in Moscow on Friday.")
    place = place_of(event.trigger.token, event.trigger.light_verb)
    assert place is not None and place.location.name == "Moscow"
    assert place.location.country == "RUS" and round(place.location.lat) == 56


def test_telling_the_press_is_not_a_statement_to_an_actor(nlp) -> None:
    assert coded(nlp, "Ivanov told the BBC that the talks went well.") == []


def test_verbal_attack_on_a_policy_is_criticism_not_force(nlp) -> None:
    event = only(nlp, "Arnor attacked Gondor's policy on grain exports.")
    assert triples([event]) == {("Arnor", "Gondor", "111")}


def test_attacking_positions_is_force_not_criticism(nlp) -> None:
    """In war reporting troops hold positions: "attacked Gondor's positions" is 190."""
    event = only(nlp, "Arnor attacked Gondor's positions near the river.")
    assert triples([event]) == {("Arnor", "Gondor", "190")}


def test_coordinated_parties_of_a_with_phrase_do_not_face_each_other(nlp) -> None:
    items = coded(nlp, "The plan was rebuffed during meetings with Russian and U.S. officials.")
    assert triples(items) == set()  # who met them is not said


def test_what_an_actor_is_urged_to_do_is_not_asserted_even_when_coded(nlp) -> None:
    from dataclasses import replace

    from dossier.knowledge.event_patterns import PatternBook

    book = PatternBook()
    for patterns in default_event_patterns().patterns.values():
        for pattern in patterns:
            book.add(replace(pattern, nested=True))  # an analyst's choice: code the content
    doc = nlp("Bacon urged Putin to attack Kim.")
    items = [
        c for s in doc.sents for c in code_sentence(s, KNOWLEDGE.with_patterns(book), TableActors())
    ]
    inner = [c for c in items if c.trigger.code == "190"]
    assert triples(inner) == {("Putin", "Kim", "190")}
    assert inner[0].modality == "hypothetical"


def test_attacking_what_an_actor_owns_is_criticism(nlp) -> None:
    event = only(nlp, "Arnor attacked Gondor's new pledges on Monday.")
    assert triples([event]) == {("Arnor", "Gondor", "111")}
    assert triples(coded(nlp, "Arnor attacked Gondor on Monday.")) == {("Arnor", "Gondor", "190")}


def test_an_event_nouns_of_phrase_is_not_its_owner(nlp) -> None:
    assert coded(nlp, "Arnor praised the invasion of Gondor.") == []


def test_a_petrarch_pattern_marking_a_phrase_takes_its_target_from_it(nlp, tmp_path) -> None:
    from dossier.knowledge.petrarch_verbs import load_verb_file

    path = tmp_path / "verbs.txt"
    path.write_text("--- CELEBRATE [051] ---\nCELEBRATE\n- * EID (AT ^) (WITH +)  [017]\n")
    doc = nlp("Arnor celebrated Eid at Osgiliath with Gondor.")
    items = [
        c
        for s in doc.sents
        for c in code_sentence(s, KNOWLEDGE.with_patterns(load_verb_file(path)), TableActors())
    ]
    assert triples(items) == {("Arnor", "Gondor", "017")}


def test_a_later_role_noun_shares_the_first_ones_modifiers(nlp) -> None:
    from dossier.events.actors import EventActors
    from dossier.events.parties import phrase_actors

    doc = nlp("Russian diplomats and officials met Kim on Monday.")
    diplomats = doc[1]
    actors = EventActors(TableActors(), KNOWLEDGE.actors)
    found = phrase_actors(diplomats, actors, every=False, triggers=set())
    assert [f.actor.name for f in found] == ["Russian", "Russian"]  # diplomats, officials


def test_meeting_a_quota_is_no_meeting(nlp) -> None:
    assert coded(nlp, "Arnor failed to meet its Gondor export quota.") == []


def test_what_is_withdrawn_decides_the_code(nlp) -> None:
    assert triples(coded(nlp, "Arnor withdrew its ambassador from Gondor.")) == {
        ("Arnor", "Gondor", "161")
    }
    assert triples(coded(nlp, "Arnor withdrew its troops from Gondor.")) == {
        ("Arnor", "Gondor", "0874")
    }


def test_telling_a_news_agency_is_an_interview(nlp) -> None:
    assert coded(nlp, "Ivanov told the official Gondor news agency that talks went well.") == []


def test_many_coordinated_parties_do_not_explode_into_pairs(nlp) -> None:
    text = "Arnor, Gondor, Moscow and Washington agreed to cooperate on currencies."
    items = coded(nlp, text)  # each party's intent (030), never six bilateral pairs
    assert all(c.target is None for c in items) and len(items) <= 4


def test_the_topic_of_a_passive_report_is_not_its_addressee(nlp) -> None:
    assert coded(nlp, "Kim is said by Ivanov to be alarmed.") == []


@pytest.mark.parametrize(
    "sentence", ["Putin is to visit Seoul this week.", "Putin is due to visit Seoul on Tuesday."]
)
def test_is_to_and_due_to_are_planned(nlp, sentence: str) -> None:
    assert only(nlp, sentence).modality == "planned"


def test_telling_a_radio_station_is_an_interview(nlp) -> None:
    assert coded(nlp, "Ivanov told Radio Gondor that the talks went well.") == []


def test_an_added_file_with_a_more_specific_pattern_wins(nlp, tmp_path) -> None:
    from dossier.knowledge.petrarch_verbs import load_verb_file

    path = tmp_path / "verbs.txt"
    path.write_text("--- MEET [040] ---\nMEET\n- * (WITH ^) (ON TRADE)  [061]\n")
    book = default_event_patterns().merged(load_verb_file(path))
    doc = nlp("Arnor met with Gondor on trade.")
    items = [
        c for s in doc.sents for c in code_sentence(s, KNOWLEDGE.with_patterns(book), TableActors())
    ]
    assert {c.trigger.code for c in items} == {"061"}
    plain = nlp("Arnor met with Gondor on Monday.")
    items = [
        c
        for s in plain.sents
        for c in code_sentence(s, KNOWLEDGE.with_patterns(book), TableActors())
    ]
    assert {c.trigger.code for c in items} == {"040"}


def test_an_event_noun_in_a_circumstance_phrase_takes_the_clause_subject(nlp) -> None:
    event = only(nlp, "Bacon commented on the announcement during a visit to Beijing.")
    assert triples([event]) == {("Bacon", "Beijing", "042")}
    items = coded(nlp, "Sherman traveled to Seoul for a meeting with Kim.")
    assert triples(items) == {("Sherman", "Seoul", "042"), ("Sherman", "Kim", "040")}


def test_a_speech_act_codes_the_outer_act_without_an_addressee(nlp) -> None:
    # written for the convention of docs/annotation-guide.md section 4
    assert triples(coded(nlp, "Arnor threatened to shell the border villages.")) == {
        ("Arnor", None, "130")
    }
    assert triples(coded(nlp, "Gondor vetoed the resolution on Monday.")) == {
        ("Gondor", None, "129")
    }
    assert ("Arnor", "Gondor", "100") in triples(
        coded(nlp, "Arnor demanded that Gondor withdraw its troops.")
    )


def test_the_content_of_a_threat_is_not_asserted(nlp) -> None:
    items = coded(nlp, "Arnor threatened to attack Gondor.")
    inner = [c for c in items if c.trigger.code.startswith("19")]
    assert inner and all(c.modality == "hypothetical" for c in inner)


def test_the_inner_act_names_the_speech_act_it_is_the_content_of(nlp) -> None:
    from datetime import date

    from dossier.ingest import Article
    from dossier.pipeline import Analyser

    record = Analyser(nlp=nlp, learned=False).analyse(
        Article(text="Russia threatened to attack Ukraine.", published=date(2022, 2, 1))
    )
    threat = next(e for e in record.events if e.cameo_code.startswith("13"))
    attack = next(e for e in record.events if e.cameo_code.startswith("19"))
    assert attack.content_of == threat.event_id and attack.modality == "hypothetical"
    assert threat.content_of is None and threat.modality == "asserted"


def test_rejecting_an_accusation_is_denying_it_but_rejecting_a_plan_is_not(nlp) -> None:
    assert triples(coded(nlp, "Moscow dismissed Washington's accusations.")) == {
        ("Moscow", "Washington", "016")
    }
    assert triples(coded(nlp, "Moscow rejected Washington's allegation of spying.")) == {
        ("Moscow", "Washington", "016")
    }
    assert triples(coded(nlp, "Moscow rejected Washington's proposal.")) == {
        ("Moscow", "Washington", "125")
    }


def tagged_events(nlp, text: str, *trigger_words: str, root: str = "19") -> list[Coded]:
    """The sentence coded as if the learned tagger had marked these words."""
    from dossier.events.learned import Tagged

    doc = nlp(text)
    marks = [Tagged(t.i, root, 0.9) for t in doc if t.text in trigger_words]
    return [c for s in doc.sents for c in code_sentence(s, KNOWLEDGE, TableActors(), marks)]


def parties(items: list[Coded]) -> set[tuple[str | None, str | None]]:
    return {
        (c.source.actor.text if c.source else None, c.target.actor.text if c.target else None)
        for c in items
    }


def test_a_learned_trigger_keeps_unnamed_people_but_not_things_as_targets(nlp) -> None:
    assert parties(tagged_events(nlp, "Gunmen stormed a hotel on Tuesday.", "stormed")) == {
        ("Gunmen", None)
    }
    assert parties(tagged_events(nlp, "Gunmen stormed the villagers' homes.", "stormed")) == {
        ("Gunmen", None)
    }
    assert parties(tagged_events(nlp, "Gunmen ambushed the villagers.", "ambushed")) == {
        ("Gunmen", "the villagers")
    }


def test_a_date_or_a_common_noun_before_an_event_noun_is_no_party(nlp) -> None:
    # no party from the date or the noun: at most a mention waiting for an earlier telling
    for text in ("Nobody claimed Tuesday's raid.", "The border raid worried everyone."):
        assert parties(tagged_events(nlp, text, "raid")) <= {(None, None)}
        assert document_events(nlp, text, MarkedWords("raid")) == []


def test_an_addressee_named_only_by_a_title_is_the_target_of_an_appeal(nlp) -> None:
    text = "Bacon urged the president to resign."
    assert parties(tagged_events(nlp, text, "urged", root="02")) == {("Bacon", "the president")}
    # without the tagger, a pattern's required target needs an actor the stage knows
    assert coded(nlp, text) == []
    # a pattern that needs no target keeps an unnamed addressee as its target
    assert parties(coded(nlp, "Bacon threatened the rebels.")) == {("Bacon", "the rebels")}


class MarkedWords:
    """A stand-in for the learned tagger: these words head events of root 19."""

    name = "marked-words"

    def __init__(self, *words: str) -> None:
        self.words = set(words)

    def tag(self, doc):
        from dossier.events.learned import Tagged

        return [Tagged(t.i, "19", 0.9) for t in doc if t.lower_ in self.words]


def document_events(nlp, text: str, tagger: MarkedWords):
    from datetime import date

    from dossier.events.coder import code_events

    return code_events(
        nlp(text), None, [], [], date(2025, 3, 14), "doc",
        knowledge=KNOWLEDGE, resolver=TableActors(), tagger=tagger,
    )  # fmt: skip


def test_a_later_mention_takes_the_parties_of_the_earlier_telling(nlp) -> None:
    text = "Arnor raided Gondor on Tuesday. Officials said the raid lasted an hour."
    first, later = document_events(nlp, text, MarkedWords("raided", "raid"))
    assert (first.source.name, first.target.name, first.mention_of) == ("Arnor", "Gondor", None)
    assert (later.trigger, later.source.name, later.target.name) == ("raid", "Arnor", "Gondor")
    assert later.mention_of == first.event_id


def test_a_later_mention_without_a_date_of_its_own_takes_the_tellings(nlp) -> None:
    from dataclasses import replace
    from datetime import date

    from dossier.ingest import Article
    from dossier.pipeline import Analyser

    knowledge = replace(Knowledge.build(learned=False), tagger=MarkedWords("raided", "raid"))
    text = "Russia raided Ukraine on Tuesday. Officials said the raid lasted an hour."
    record = Analyser(nlp=nlp, knowledge=knowledge).analyse(
        Article(text=text, published=date(2025, 3, 14))
    )
    first, later = record.events
    assert later.mention_of == first.event_id
    assert later.date.start == first.date.start == "2025-03-11"  # not the publication day


def test_a_mention_with_no_earlier_telling_or_no_article_is_no_event(nlp) -> None:
    assert (
        document_events(nlp, "Officials said the raid lasted an hour.", MarkedWords("raid")) == []
    )
    text = "Arnor raided Gondor on Tuesday. Officials said raids last an hour."
    assert len(document_events(nlp, text, MarkedWords("raided", "raids"))) == 1


def test_a_later_mention_takes_the_telling_of_its_own_word_first(nlp) -> None:
    """ "the raid" after a raid and a different act of the same root told between them
    is the raid, not the nearer act (both root 19 here)."""
    text = (
        "Arnor raided Gondor on Tuesday. Osgiliath attacked Arnor on Wednesday. "
        "Officials said the raid lasted an hour."
    )
    raid, attack, later = document_events(nlp, text, MarkedWords("raided", "attacked", "raid"))
    assert raid.cameo_code[:2] == attack.cameo_code[:2] == "19"
    assert (later.source.name, later.target.name) == ("Arnor", "Gondor")
    assert later.mention_of == raid.event_id != attack.event_id
    # with no telling of its own word, the last one of the same root still serves
    text = "Osgiliath attacked Arnor on Wednesday. Officials said the raid lasted an hour."
    attack, later = document_events(nlp, text, MarkedWords("attacked", "raid"))
    assert later.mention_of == attack.event_id


@pytest.mark.parametrize(
    "text, claimer",
    [
        ("Arnor claimed responsibility for the raid on Gondor.", "Arnor"),
        ("Osgiliath quickly claimed responsibility on Monday for the raid.", "Osgiliath"),
        ("Arnor has claimed responsibility for the raids and the bombings.", "Arnor"),
    ],
)
def test_whoever_claims_responsibility_for_an_act_is_its_source(nlp, text, claimer) -> None:
    events = document_events(nlp, text, MarkedWords("raid", "raids", "bombings"))
    assert events and {e.source.name for e in events} == {claimer}
    assert all(e.mention_of is None for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "No group claimed responsibility for the raid.",
        "Arnor did not claim responsibility for the raid.",
        "Arnor denied responsibility for the raid.",
    ],
)
def test_a_claim_that_names_nobody_gives_no_source(nlp, text) -> None:
    assert all(e.source is None or e.source.name != "Arnor" for e in
               document_events(nlp, text, MarkedWords("raid")))  # fmt: skip


def test_one_trigger_with_three_targets_is_three_events_with_three_ids(nlp) -> None:
    events = document_events(nlp, "Putin visited Arnor, Gondor and Osgiliath on Monday.", None)
    assert sorted(e.target.name for e in events) == ["Arnor", "Gondor", "Osgiliath"]
    assert len({e.event_id for e in events}) == 3
    again = document_events(nlp, "Putin visited Arnor, Gondor and Osgiliath on Monday.", None)
    assert [e.event_id for e in again] == [e.event_id for e in events]  # stable


def test_an_actor_telling_of_its_own_act_asserts_it(nlp) -> None:
    """Guide, section 5: "X said it struck Y" for X's own act is asserted; so is what
    a government says another did (Change 17: the story takes it as the authority)."""
    own = only(nlp, "Arnor said that Arnor had attacked Gondor.")
    assert own.modality == "asserted"
    told = only(nlp, "Osgiliath said that Arnor had attacked Gondor.")
    assert told.modality == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "Witnesses said that Arnor had attacked Gondor.",
        "Local media reported that Arnor had attacked Gondor.",
        "Prosecutors say Arnor attacked Gondor.",
        "The BBC reported that Arnor had attacked Gondor.",
        "Sources were quoted as saying that Arnor had attacked Gondor.",
    ],
)
def test_what_a_witness_or_an_outlet_tells_of_another_s_act_is_reported(nlp, text) -> None:
    assert only(nlp, text).modality == "reported"


def test_a_denial_of_a_coded_event_stays_an_event_of_its_own(nlp) -> None:
    # "said" with a coded content is that content told; "denied" is an act itself
    found = triples(coded(nlp, "Arnor denied that Gondor attacked Osgiliath."))
    assert ("Arnor", "Gondor", "016") in found and ("Gondor", "Osgiliath", "190") in found
    said = triples(coded(nlp, "Arnor said that Gondor attacked Osgiliath."))
    assert not [t for t in said if t[2].startswith("01")]


DATELINES = ("Moscow, March 3 - ", "Moscow (Reuters) -- ", "Moscow — ")


@pytest.mark.parametrize("dateline", DATELINES)
def test_the_dateline_is_never_a_party(nlp, dateline) -> None:
    items = coded(nlp, dateline + "Gunmen attacked Kim on Tuesday.")
    parties = {c.source.actor.name for c in items} | {c.target.actor.name for c in items}
    assert "Moscow" not in parties, triples(items)
    assert ("Putin", "Kim", "040") in triples(coded(nlp, dateline + "Putin met Kim on Tuesday."))


def test_a_capital_after_the_dateline_is_still_a_party(nlp) -> None:
    items = coded(nlp, "SEOUL — Moscow met Kim on Tuesday.")
    assert ("Moscow", "Kim", "040") in triples(items)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Units of Arnor's army attacked Gondor on Monday.", {("Arnor", "Gondor", "190")}),
        ("Dozens of Gondor's soldiers attacked Osgiliath.", {("Gondor", "Osgiliath", "190")}),
        ("Some of Arnor's ministers met Putin.", {("Arnor", "Putin", "040")}),
    ],
)
def test_a_partitive_s_party_is_who_its_of_phrase_names(nlp, text, expected) -> None:
    """ "units of ...", "one of ...", "members of ...": the words only count or divide
    the people of the of-phrase, who are the party (each coordinated one its own)."""
    assert triples(coded(nlp, text)) == expected


def test_coordinated_verbs_share_the_last_one_s_object(nlp) -> None:
    """ "attacked and shelled Gondor": the parser hangs Gondor on "shelled" alone."""
    assert ("Arnor", "Gondor", "190") in triples(coded(nlp, "Arnor attacked and shelled Gondor."))


def test_a_coordinated_clause_with_its_own_subject_shares_nothing(nlp) -> None:
    found = triples(coded(nlp, "Arnor attacked and Osgiliath condemned Gondor."))
    assert ("Arnor", "Gondor", "190") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Putin called the Gondor sanctions "unacceptable."', {("Putin", "Gondor", "111")}),
        ("Arnor described the Gondor vote as illegal.", {("Arnor", "Gondor", "111")}),
        ("Arnor labelled Gondor a traitor.", {("Arnor", "Gondor", "111")}),
        ("Putin called the Osgiliath agreement a breakthrough.", {("Putin", "Osgiliath", "051")}),
    ],
)
def test_a_judgement_told_by_naming_is_coded_by_its_words(nlp, text, expected) -> None:
    assert triples(coded(nlp, text)) == expected


def test_naming_without_a_word_of_judgement_is_no_event_of_the_book(nlp) -> None:
    assert coded(nlp, "Putin called the Gondor meeting a routine affair.") == []


@pytest.mark.parametrize("text", ["On Monday, Putin called Pak.", "Putin called Pak on Tuesday."])
def test_a_day_told_with_on_is_no_call_on(nlp, text) -> None:
    assert all(c.trigger.code != "020" for c in coded(nlp, text))


def test_call_on_an_actor_is_still_an_appeal(nlp) -> None:
    assert triples(coded(nlp, "Putin called on Pak to resume talks.")) == {("Putin", "Pak", "020")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin warned that Gondor's plans would destabilise the region.",
         {("Putin", "Gondor", "111")}),
        ("Arnor said the Osgiliath tariffs would damage its economy.",
         {("Arnor", "Osgiliath", "111")}),
    ],
)  # fmt: skip
def test_a_forecast_that_anothers_act_will_do_harm_is_criticism(nlp, text, expected) -> None:
    assert triples(coded(nlp, text)) == expected


def test_a_warning_of_what_will_happen_is_no_criticism(nlp) -> None:
    assert all(c.trigger.code != "111" for c in coded(nlp, "Putin warned that talks would fail."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arnor alleged that Gondor had rigged the vote.", {("Arnor", "Gondor", "112")}),
        ("Arnor alleged that the vote was rigged by Gondor.", {("Arnor", "Gondor", "112")}),
        ("Arnor accused Gondor of fraud.", {("Arnor", "Gondor", "1121")}),
    ],
)
def test_an_allegation_is_aimed_at_whoever_did_what_it_tells(nlp, text, expected) -> None:
    assert {t for t in triples(coded(nlp, text)) if t[2].startswith("112")} == expected


def test_an_allegation_of_a_passive_act_without_a_doer_names_not_the_sufferer(nlp) -> None:
    found = triples(coded(nlp, "Arnor alleged that the Gondor envoys were beaten."))
    assert not any(t[2].startswith("112") and t[1] == "Gondor" for t in found)


@pytest.mark.parametrize(
    "text",
    [
        "Putin left Osgiliath after meeting with Kim on Monday.",
        "Before meeting Kim, Putin spoke to reporters.",
        "Putin flew to Osgiliath in a move to strengthen ties, after meeting with Kim.",
    ],
)
def test_a_gerund_of_time_is_done_by_its_clause_subject(nlp, text) -> None:
    meetings = [c for c in coded(nlp, text) if c.trigger.code == "040"]
    assert triples(meetings) == {("Putin", "Kim", "040")}


def test_a_gerund_of_a_verbs_argument_is_not_its_subjects_act(nlp) -> None:
    # the accused, not the accuser, would have attacked
    found = triples(coded(nlp, "Arnor accused Gondor of attacking Osgiliath."))
    assert ("Arnor", "Osgiliath", "190") not in found


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Putin left Osgiliath without meeting Kim.", "negated"),
        ("Putin will leave Osgiliath after meeting Kim.", "planned"),
        ("Putin plans to leave Osgiliath after meeting Kim.", "planned"),
        ("Putin did not stay in Osgiliath after meeting Kim.", "asserted"),
    ],
)
def test_a_gerund_of_time_takes_its_clauses_future_not_its_negation(nlp, text, modality) -> None:
    (meeting,) = [c for c in coded(nlp, text) if c.trigger.code == "040"]
    assert meeting.modality == modality


def test_what_happened_before_a_statement_is_not_what_it_reports(nlp) -> None:
    items = coded(nlp, "Hours after meeting Kim, Putin said the talks went well.")
    (meeting,) = [c for c in items if c.trigger.words[0].lower_ == "meeting"]
    assert meeting.modality == "asserted"


def test_a_reduced_said_to_have_been_is_reported(nlp) -> None:
    items = coded(nlp, "Officials noted the deal said to have been discussed by Putin and Kim.")
    (talks,) = [c for c in items if c.trigger.code == "040"]
    assert talks.modality == "reported"


def test_a_second_coordinated_act_is_not_the_first_verbs_complement(nlp) -> None:
    items = coded(nlp, "Putin denied the report and attacked Gondor.")
    (attack,) = [c for c in items if c.trigger.code.startswith("19")]
    assert attack.modality == "asserted"


def test_a_gerund_of_when_a_statement_was_made_is_not_its_content(nlp) -> None:
    found = triples(coded(nlp, "Putin told Gondor after meeting Kim that relations would improve."))
    assert {("Putin", "Kim", "040"), ("Putin", "Gondor", "010")} <= found
