"""The party matcher the corpus evaluation scores with (evaluation/scoring.py): cases
written here, each one a way a match could wrongly pass or fail."""

from __future__ import annotations

from evaluation.scoring import content_words, same_actor, same_party

from dossier.record import ActorRef


def actor(text: str | None, name: str) -> ActorRef:
    return ActorRef(name=name, text=text)


def test_a_possessive_ending_is_no_word_of_its_own():
    assert content_words("Japan's cooperation") == {"japan", "cooperation"}


def test_one_shared_content_word_matches_and_small_words_do_not():
    assert same_party("Iraqi Prime Minister Mohammed Shia al-Sudani", "al-Sudani")
    assert not same_party("the army", "the police")


def test_no_party_matches_only_no_party():
    assert same_party(None, None)
    assert not same_party("the army", None)
    assert not same_party(None, "the army")


def test_a_gold_pronoun_matches_through_its_referent():
    assert same_party("Baloch Liberation Army", "it", "The Baloch Liberation Army")


def test_a_coded_party_matches_through_its_entity_s_name():
    assert same_actor(actor("BLA", "Baloch Liberation Army"), None, "The Baloch Liberation Army")
    assert same_actor(actor("his", "Muhammad Aurangzeb"), "the minister", "Muhammad Aurangzeb")


def test_a_group_s_country_in_its_name_matches_nothing():
    iraqi_officials = actor("Iraqi officials", "Government (Iraq)")
    assert not same_actor(iraqi_officials, None, "Iraq's intelligence service")


def test_no_coded_party_matches_only_an_empty_gold_party():
    assert same_actor(None, None, None)
    assert not same_actor(None, "the army")
