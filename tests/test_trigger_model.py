"""The trigger tagger shipped in the package: built from the committed config and
corpus, small, and tagging plain events in sentences written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.corpus.digest import build_digest
from dossier.corpus.silver import SilverPlan
from dossier.events.learned import MODEL_DIR, TriggerTagger

REPO = Path(__file__).resolve().parents[1]


def test_the_shipped_model_was_built_from_the_committed_config_corpus_and_silver_tags():
    manifest = json.loads((MODEL_DIR / "built_from.json").read_text(encoding="utf-8"))
    config = REPO / "training" / manifest["config"]
    settings = REPO / "training" / "triggers-silver.json"
    silver = SilverPlan.read(settings).path
    expected = build_digest(config, REPO / "corpus" / "sentences", settings, silver)
    assert manifest["digest"] == expected, "run `make train` and commit the model"


def test_the_shipped_model_is_at_most_40_mb():
    size = sum(path.stat().st_size for path in MODEL_DIR.rglob("*") if path.is_file())
    assert size <= 40 * 1024 * 1024


@pytest.fixture(scope="module")
def tagger():
    return TriggerTagger.load()


@pytest.mark.parametrize(
    ("text", "word", "root"),
    [
        ("Police arrested dozens of protesters in the capital on Sunday.", "arrested", "17"),
        ("Rebels attacked an army base near the border.", "attacked", "19"),
        ("The foreign minister met his Chinese counterpart in Beijing.", "met", "04"),
        ("The United Nations condemned the killings.", "condemned", "11"),
    ],
)
def test_the_tagger_finds_the_event_word_and_its_root(nlp, tagger, text, word, root):
    doc = nlp(text)
    found = {doc[item.token].text: item.root for item in tagger.tag(doc)}
    assert found.get(word) == root, found


def test_a_sentence_without_an_event_has_few_or_no_triggers(nlp, tagger):
    doc = nlp("The weather in the capital was mild and sunny for most of the week.")
    assert tagger.tag(doc) == []
