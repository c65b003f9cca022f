"""Train the trigger tagger from the corpus and put it where the package ships it.

    .venv/bin/python scripts/train_triggers.py        (what `make train` runs)

Reads corpus/sentences (train split to learn, dev split to pick the best step) and the
silver tags of training/silver/ as training/triggers-silver.json says (how many silver
sentences, how many copies of the gold train split), trains with spaCy's own training
from training/triggers.cfg and its seed, and writes the best model to
src/dossier/events/trigger_model/ with `built_from.json`, the digest of the config,
the corpus and the silver file it came from.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from spacy.cli.train import train
from spacy.tokens import DocBin

from dossier.corpus import checked_sentences, split_of
from dossier.corpus.digest import build_digest
from dossier.corpus.silver import SilverPlan, annotated_synthetic_stories, silver_docs
from dossier.corpus.training import ANALYSIS, doc_bin  # also registers the reader
from dossier.errors import InputError
from dossier.nlp import load_model

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "training" / "triggers.cfg"
CORPUS = ROOT / "corpus" / "sentences"
TARGET = ROOT / "src" / "dossier" / "events" / "trigger_model"
SILVER = ROOT / "training" / "triggers-silver.json"


def main(argv: list[str]) -> int:
    """`[CONFIG [TARGET [CORPUS]]]`: another config, output or corpus, for experiments."""
    config = Path(argv[0]) if argv else CONFIG
    target = Path(argv[1]) if len(argv) > 1 else TARGET
    corpus = Path(argv[2]) if len(argv) > 2 else CORPUS
    try:
        sentences = checked_sentences(corpus)
    except InputError as error:
        print(error)
        return 2
    nlp = load_model()  # the words as dossier analyses them: POS, lemma, dependency
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        plan = SilverPlan.read(SILVER)
        train_docs(sentences, nlp, plan).to_disk(work / "train.spacy")
        dev = [s for s in sentences if split_of(s.story) == "dev"]
        doc_bin(dev, nlp).to_disk(work / "dev.spacy")
        overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
        train(config, work / "out", overrides=overrides)
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(work / "out" / "model-best", target)
    digest = build_digest(config, corpus, SILVER, plan.path)
    manifest = {"digest": digest, "config": config.name}
    (target / "built_from.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"trigger model written to {target}")
    return 0


def train_docs(sentences, nlp, plan: SilverPlan) -> DocBin:
    """The plan's silver sentences (less the synthetic stories annotated by hand), then
    the gold train split `plan.gold_copies` times (training shuffles them with the
    config's seed, so this order is part of the recipe)."""
    docs = DocBin(attrs=ANALYSIS, store_user_data=False)
    for doc in silver_docs(plan, nlp, annotated_synthetic_stories(sentences)):
        docs.add(doc)
    gold = doc_bin([s for s in sentences if split_of(s.story) == "train"], nlp)
    gold_docs = list(gold.get_docs(nlp.vocab))
    for _ in range(plan.gold_copies):
        for doc in gold_docs:
            docs.add(doc)
    return docs


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
