"""The learned event code: its clues, its choice, the shipped model, its wiring.

Sentences are written here; the codes they should get are read off the CAMEO codebook
by hand (../shared/reference/cameo_event_codes.tsv).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from tests.test_events_constructions import KNOWLEDGE, TableActors

from dossier.corpus.digest import build_digest
from dossier.events.codes import MODEL_FILE, CodeModel, code_clues, default_code_model
from dossier.knowledge.event_patterns import PatternBook

REPO = Path(__file__).resolve().parents[1]


def word(doc, text: str):
    return next(t for t in doc if t.text == text)


def hand_model() -> CodeModel:
    """Under root 02: "call" is a general appeal, "call for" a call for talks (026)."""
    return CodeModel(
        {
            "02": {
                "bias": {"020": 0.0, "026": 0.0},
                "weights": {
                    "lemma=call": {"020": 1.0, "026": -1.0},
                    "lemma+prep=call|for": {"020": -2.0, "026": 2.0},
                },
            }
        }
    )


def test_the_clues_are_the_lemma_its_preposition_and_its_object(nlp) -> None:
    doc = nlp("Arnor withdrew its troops from Gondor.")
    assert code_clues(word(doc, "withdrew")) == [
        "lemma=withdraw",
        "lemma+prep=withdraw|from",
        "lemma+object=withdraw|troop",
        "prep=from",
        "object=troop",
    ]
    assert code_clues(word(nlp("Gondor protested."), "protested"))[1:3] == [
        "lemma+prep=protest|-",
        "lemma+object=protest|-",
    ]


def test_the_weights_choose_among_the_roots_codes(nlp) -> None:
    model = hand_model()
    assert model.code(word(nlp("The rebels called for talks."), "called"), "02") == "026"
    assert model.code(word(nlp("The rebels called the minister."), "called"), "02") == "020"


def test_a_lemma_never_seen_under_the_root_keeps_the_general_code(nlp) -> None:
    model = hand_model()
    assert model.code(word(nlp("The rebels begged for talks."), "begged"), "02") == "020"
    assert model.code(word(nlp("The rebels called for talks."), "called"), "19") == "190"


@pytest.mark.parametrize(
    ("sentence", "trigger", "root", "code"),
    [
        ("Police arrested the protesters.", "arrested", "17", "173"),  # arrest, detain
        ("The government deported the journalists.", "deported", "17", "174"),  # deport
        ("Rebels shelled the town.", "shelled", "19", "194"),  # artillery and tanks
        ("The army fired on the protesters.", "fired", "19", "193"),  # small arms
        ("A suicide bombing killed ten.", "bombing", "18", "183"),  # non-military bombing
        ("Gondor accused Arnor of aggression.", "accused", "11", "112"),  # accuse
        ("Arnor imposed sanctions on Gondor.", "sanctions", "16", "163"),  # sanctions
        ("Arnor cut ties with Gondor.", "cut", "16", "161"),  # break relations
        ("Arnor signed an agreement with Gondor.", "signed", "05", "057"),  # formal agreement
        ("Arnor released the prisoners.", "released", "08", "0841"),  # release persons
        ("The army zorbled Gondor.", "zorbled", "19", "190"),  # an unknown word: general
    ],
)
def test_the_shipped_model_names_the_code_the_word_says(nlp, sentence, trigger, root, code):
    assert default_code_model().code(word(nlp(sentence), trigger), root) == code


def test_the_shipped_model_matches_its_settings_and_corpus() -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    expected = build_digest(REPO / "training" / "codes.json", REPO / "corpus" / "sentences")
    assert data["built_from"] == expected, "corpus or training/codes.json changed: run `make train`"
    assert data["dev_accuracy"]["model"] > data["dev_accuracy"]["general_code"]


def test_a_learned_trigger_takes_the_code_models_code(nlp) -> None:
    from dossier.events.coder import code_sentence
    from dossier.events.learned import Tagged

    doc = nlp("Arnor called for talks with Gondor.")
    marks = [Tagged(word(doc, "called").i, "02", 0.9)]
    with_codes = replace(KNOWLEDGE.with_patterns(PatternBook()), codes=hand_model())
    (coded,) = code_sentence(next(doc.sents), with_codes, TableActors(), marks)
    assert coded.trigger.code == "026"
    (coded,) = code_sentence(next(doc.sents), replace(with_codes, codes=None), TableActors(), marks)
    assert coded.trigger.code == "020"
