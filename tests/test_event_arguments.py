"""The learned argument finder: its clues, its choice, the shipped model, its wiring.

Sentences are written here; what each should give is read off it by hand.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from tests.test_events_constructions import KNOWLEDGE, TableActors

from dossier.corpus.digest import build_digest
from dossier.events.actors import EntityActors, EventActors
from dossier.events.arguments import (
    MODEL_FILE,
    ArgumentModel,
    candidates,
    default_argument_model,
    dependency_path,
    resolved_by,
    span_head,
)
from dossier.ingest import Article

REPO = Path(__file__).resolve().parents[1]


def word(doc, text: str):
    return next(t for t in doc if t.text == text)


def nobody(token) -> str:
    return "thing"


def as_the_pipeline_sees(analyser, sentence: str):
    """The analysed sentence and how the actors stage sees each of its words."""
    article = Article(text=sentence)
    analysed = analyser.run_stages(article, analyser.nlp(article.text))
    actors = EventActors(EntityActors(analysed.entities), analysed.knowledge.actors)
    return analysed.doc, resolved_by(actors)


def test_dependency_path_goes_up_to_the_common_head_and_down(nlp) -> None:
    doc = nlp("Police arrested the protesters in the capital.")
    arrested = word(doc, "arrested")
    assert dependency_path(arrested, word(doc, "Police")) == ["vnsubj"]
    assert dependency_path(arrested, word(doc, "protesters")) == ["vdobj"]
    assert dependency_path(word(doc, "Police"), word(doc, "protesters")) == ["^nsubj", "vdobj"]


def test_a_spans_head_is_the_word_whose_head_is_outside_it(nlp) -> None:
    doc = nlp("U.S. officials met them.")
    assert span_head(doc[0:2]).text == "officials"


def test_candidates_are_the_sentences_nouns_names_and_nationalities(nlp) -> None:
    doc = nlp("Israeli jets bombed the village on Tuesday.")
    found = {t.text for t in candidates(word(doc, "bombed"))}
    assert {"Israeli", "jets", "village"} <= found
    assert "bombed" not in found and "the" not in found


def hand_model(threshold: float = 0.5) -> ArgumentModel:
    """Subjects are sources and objects targets, nothing else weighs."""
    weights = {
        "source": {"bias": -3.0, "path=vnsubj": 6.0},
        "target": {"bias": -3.0, "path=vdobj": 6.0, "path=vnsubj": 5.0},
    }
    return ArgumentModel(weights, {"source": threshold, "target": threshold})


def test_the_best_candidate_of_each_role_above_its_threshold(nlp) -> None:
    doc = nlp("Rebels seized the convoy.")
    chosen = hand_model().best(word(doc, "seized"), "19", nobody)
    assert chosen["source"].text == "Rebels" and chosen["target"].text == "convoy"


def test_no_party_when_no_candidate_reaches_the_threshold(nlp) -> None:
    doc = nlp("The convoy was seized near the border.")
    chosen = hand_model().best(word(doc, "seized"), "19", nobody)
    assert chosen["source"] is None  # a passive subject is no subject for these weights


def test_one_word_is_never_both_source_and_target(nlp) -> None:
    doc = nlp("Rebels fled.")
    chosen = hand_model().best(word(doc, "fled"), "19", nobody)
    assert chosen["source"].text == "Rebels" and chosen["target"] is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "root", "source", "target"),
    [
        ("Rebels ambushed an army convoy near the border on Monday.", "ambushed", "19",
         "Rebels", "convoy"),
        ("The president condemned the attack on the embassy.", "condemned", "11",
         "president", None),
        ("Soldiers detained three journalists in the capital.", "detained", "17",
         "Soldiers", "journalists"),
    ],
)  # fmt: skip
def test_the_shipped_model_finds_plain_subjects_and_objects(
    analyser, sentence, trigger, root, source, target
) -> None:
    doc, resolved = as_the_pipeline_sees(analyser, sentence)
    chosen = default_argument_model().best(word(doc, trigger), root, resolved)
    assert chosen["source"] is not None and chosen["source"].text == source
    if target is None:
        assert chosen["target"] is None or chosen["target"].text != "attack"
    else:
        assert chosen["target"] is not None and chosen["target"].text == target


def test_the_shipped_model_matches_its_settings_and_corpus() -> None:
    built = json.loads(MODEL_FILE.read_text(encoding="utf-8"))["built_from"]
    expected = build_digest(REPO / "training" / "arguments.json", REPO / "corpus" / "sentences")
    assert built == expected, "corpus or training/arguments.json changed: run `make train`"


def test_a_learned_triggers_parties_come_from_the_argument_model(nlp) -> None:
    """Weights that point at the object for the source show the model decides."""
    from dossier.events.coder import code_sentence
    from dossier.events.learned import Tagged

    backwards = ArgumentModel(
        {"source": {"bias": -3.0, "path=vdobj": 6.0}, "target": {"bias": -3.0}},
        {"source": 0.5, "target": 0.5},
    )
    knowledge = replace(KNOWLEDGE, arguments=backwards)
    doc = nlp("Arnor pummelled Gondor.")
    marks = [Tagged(word(doc, "pummelled").i, "19", 0.9)]
    (coded,) = code_sentence(next(doc.sents), knowledge, TableActors(), marks)
    assert coded.source.actor.name == "Gondor" and coded.target is None


def test_a_learned_passive_without_agent_is_an_event_without_source(nlp) -> None:
    from dossier.events.coder import code_sentence
    from dossier.events.learned import Tagged

    doc = nlp("The protesters were dispersed on Tuesday.")
    marks = [Tagged(word(doc, "dispersed").i, "17", 0.9)]
    knowledge = replace(KNOWLEDGE, arguments=hand_model())
    (coded,) = code_sentence(next(doc.sents), knowledge, TableActors(), marks)
    assert coded.source is None and coded.agentless


def test_a_learned_event_noun_done_to_someone_needs_no_source(nlp) -> None:
    from dossier.events.coder import code_sentence
    from dossier.events.learned import Tagged

    weights = {"source": {"bias": -5.0}, "target": {"bias": -3.0, "path=vprep/vpobj": 6.0}}
    knowledge = replace(KNOWLEDGE, arguments=ArgumentModel(weights, {"source": 0.5, "target": 0.5}))
    doc = nlp("Days later came an attack on Gondor.")
    marks = [Tagged(word(doc, "attack").i, "19", 0.9)]
    (coded,) = code_sentence(next(doc.sents), knowledge, TableActors(), marks)
    assert coded.source is None and coded.target.actor.name == "Gondor"
    doc = nlp("Days later came an attack.")  # no doer and no one it was done to: no event
    marks = [Tagged(word(doc, "attack").i, "19", 0.9)]
    assert code_sentence(next(doc.sents), knowledge, TableActors(), marks) == []


def test_a_patterns_missing_optional_target_comes_from_the_argument_model(nlp) -> None:
    """ "protest" may go without a target; its roles do not read "over"."""
    from dossier.events.coder import code_sentence

    over = {"source": {"bias": -5.0}, "target": {"bias": -3.0, "prep=over|kind=V": 6.0}}
    doc = nlp("Arnor protested over Gondor.")
    without = code_sentence(next(doc.sents), replace(KNOWLEDGE, arguments=None), TableActors())
    assert [c.target for c in without] == [None]
    knowledge = replace(KNOWLEDGE, arguments=ArgumentModel(over, {"source": 0.5, "target": 0.5}))
    (coded,) = code_sentence(next(doc.sents), knowledge, TableActors())
    assert coded.source.actor.name == "Arnor" and coded.target.actor.name == "Gondor"


def test_the_actors_stage_tells_someone_from_a_thing(analyser) -> None:
    """The guide makes no target of a thing ("stormed a hotel"); the clue says which
    uncoded words name someone an act can be done to."""
    doc, resolved = as_the_pipeline_sees(
        analyser, "Kenyan troops stormed a hotel and freed the villagers and a convoy."
    )
    assert resolved(word(doc, "troops")) == "coded"
    assert resolved(word(doc, "hotel")) == "thing"
    assert resolved(word(doc, "villagers")) == "someone"
    assert resolved(word(doc, "convoy")) == "someone"


def test_the_shipped_model_weighs_against_a_thing_as_target() -> None:
    weights = default_argument_model().weights["target"]
    assert weights["thing"] < weights["someone"] - 1.0


def _training_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "train_arguments", REPO / "scripts" / "train_arguments.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_takes_the_highest_of_tied_thresholds() -> None:
    """Two dev events: one whose right source scores 0.6, one with no gold source whose
    top candidate scores 0.1. Every threshold from 0.2 to 0.6 gets both right."""
    from dossier.corpus.argument_examples import ArgumentExample

    def example(event: str, clue: str, label: int, gold: str | None) -> ArgumentExample:
        return ArgumentExample(
            event, {"source": label, "target": None}, [clue], "w", {"source": gold, "target": None}
        )

    weights = {"right": _logit(0.6), "wrong": _logit(0.1)}
    dev = [example("a#0", "right", 1, "w"), example("b#0", "wrong", 0, None)]
    threshold, accuracy = _training_script().best_threshold(
        dev, "source", weights, [0.2, 0.3, 0.5, 0.7]
    )
    assert (threshold, accuracy) == (0.5, 1.0)


def _logit(probability: float) -> float:
    import math

    return math.log(probability / (1 - probability))
