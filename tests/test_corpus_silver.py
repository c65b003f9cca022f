"""The silver trigger tags `make train` reads (training/silver/): the shipped file's
shape, and how the reader turns lines into tagged Docs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dossier.corpus.silver import (
    SilverPlan,
    annotated_synthetic_stories,
    read_silver,
    silver_docs,
)

REPO = Path(__file__).resolve().parents[1]
SETTINGS = REPO / "training" / "triggers-silver.json"
ROOTS = {f"{n:02d}" for n in range(1, 21)}


def write_silver(folder: Path, rows: list[dict], sentences: int = 10) -> SilverPlan:
    with gzip.open(folder / "silver.jsonl.gz", "wt", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    (folder / "plan.json").write_text(
        json.dumps({"file": "silver.jsonl.gz", "sentences": sentences, "gold_copies": 1})
    )
    return SilverPlan.read(folder / "plan.json")


def test_the_shipped_plan_names_a_file_of_aligned_tags():
    plan = SilverPlan.read(SETTINGS)
    rows = list(read_silver(plan.path))
    assert len(rows) >= plan.sentences and plan.gold_copies >= 1
    assert all(len(r["words"]) == len(r["tags"]) for r in rows)
    assert {t for r in rows for t in r["tags"]} <= ROOTS | {"O"}
    assert any(t != "O" for r in rows for t in r["tags"])


def test_tags_land_on_their_words(nlp, tmp_path):
    text = "Rebels attacked the town on Monday."
    words = [t.text for t in nlp(text)]
    tags = ["O", "19", "O", "O", "O", "O", "O"]
    plan = write_silver(tmp_path, [{"text": text, "words": words, "tags": tags}])
    (doc,) = silver_docs(plan, nlp)
    assert [t.tag_ for t in doc] == tags and doc[1].text == "attacked"
    assert doc[1].pos_ == "VERB"  # the main pipeline's analysis, as the tagger reads it


def test_a_sentence_tokenized_otherwise_is_skipped_and_the_count_is_kept(nlp, tmp_path):
    good = "Police arrested ten people."
    rows = [
        {"text": "Troops withdrew.", "words": ["Troops", "withdrew."], "tags": ["O", "O"]},
        {"text": good, "words": [t.text for t in nlp(good)], "tags": ["O", "17", "O", "O", "O"]},
        {"text": good, "words": [t.text for t in nlp(good)], "tags": ["O", "17", "O", "O", "O"]},
    ]
    docs = silver_docs(write_silver(tmp_path, rows, sentences=1), nlp)
    assert [d.text for d in docs] == [good]


def test_a_story_annotated_by_hand_is_not_read_from_the_silver_file(nlp, tmp_path):
    first, second = "Troops withdrew from the town.", "Police arrested ten people."
    rows = [
        {"story": 7, "text": first, "words": [t.text for t in nlp(first)], "tags": ["O"] * 6},
        {"story": 8, "text": second, "words": [t.text for t in nlp(second)], "tags": ["O"] * 5},
    ]
    docs = silver_docs(write_silver(tmp_path, rows), nlp, skip_stories=frozenset({7}))
    assert [d.text for d in docs] == [second]


def test_the_annotated_synthetic_stories_are_named_by_their_row():
    from dossier.corpus.model import CorpusSentence

    def sentence(story, events):
        return CorpusSentence(
            id=f"{story}-000",
            story=story,
            published="",
            text="x",
            path="x.jsonl",
            line=1,
            events=events,
        )

    found = annotated_synthetic_stories(
        [sentence("synthetic-12", ()), sentence("synthetic-40", None), sentence("voa-9", ())]
    )
    assert found == frozenset({12})
