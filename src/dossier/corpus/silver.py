"""Silver trigger tags: sentences of the synthetic PLOVER stories tagged word by word by
a stronger, slower teacher (scripts/teacher_triggers.py, a fine-tuned MiniLM), read
beside the gold train split when `make train` trains the shipped CNN tagger.

The file holds one JSON object per sentence: `text`, `words` (spaCy's tokens of the
text alone) and `tags` (a CAMEO root or "O" per word). A sentence the main pipeline no
longer tokenizes into the same words is skipped, so a tag never lands on another word.
The choice of how many silver sentences and how many copies of the gold split to train
on is in training/triggers-silver.json. A synthetic story the team annotated by hand
(corpus/sentences/synthetic/) is read from the corpus only: its silver sentences are
skipped, so no sentence is learned twice with two different sets of tags.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from dossier.corpus.model import CorpusSentence

SYNTHETIC_STORY = "synthetic-"


@dataclass(frozen=True)
class SilverPlan:
    """What `make train` reads beside the gold split: the silver file, how many of its
    sentences (the first ones), and how many times the gold train split is repeated."""

    path: Path
    sentences: int
    gold_copies: int

    @classmethod
    def read(cls, settings: Path) -> SilverPlan:
        values = json.loads(settings.read_text(encoding="utf-8"))
        return cls(
            settings.parent / values["file"], int(values["sentences"]), int(values["gold_copies"])
        )


def read_silver(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def annotated_synthetic_stories(sentences: Iterable[CorpusSentence]) -> frozenset[int]:
    """The rows of the synthetic stories (as silver lines name them) annotated in the corpus."""
    return frozenset(
        int(s.story.removeprefix(SYNTHETIC_STORY))
        for s in sentences
        if s.story.startswith(SYNTHETIC_STORY) and s.annotated
    )


def silver_docs(
    plan: SilverPlan, analyse: Callable[[str], Doc], skip_stories: frozenset[int] = frozenset()
) -> list[Doc]:
    """The plan's silver sentences as analysed Docs with their tags, at most
    `plan.sentences`, skipping those of `skip_stories` and any whose words no longer
    match."""
    docs = []
    for row in read_silver(plan.path):
        if len(docs) >= plan.sentences:
            break
        if row.get("story") in skip_stories:
            continue
        doc = analyse(row["text"])
        if [t.text for t in doc] != row["words"]:
            continue
        for token, tag in zip(doc, row["tags"], strict=True):
            token.tag_ = tag
        docs.append(doc)
    return docs
