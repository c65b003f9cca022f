"""Train the argument finder from the corpus and put it where the package ships it.

    .venv/bin/python scripts/train_arguments.py       (part of `make train`)

Reads corpus/sentences (train split to learn, dev split to choose the two thresholds),
fits one logistic regression per role (source, target) over the clues of
dossier.events.arguments with the settings in training/arguments.json, and writes
src/dossier/events/argument_model.json: the clue weights, the thresholds, and the
digest of the settings and corpus it came from.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from dossier.corpus import checked_sentences
from dossier.corpus.argument_examples import argument_examples
from dossier.corpus.digest import build_digest
from dossier.corpus.stories import annotated_stories
from dossier.errors import InputError
from dossier.events.arguments import MODEL_FILE, ROLES
from dossier.pipeline import Analyser

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "training" / "arguments.json"
CORPUS = ROOT / "corpus" / "sentences"


def main(argv: list[str]) -> int:
    """`[TARGET]`: write the model elsewhere, for experiments."""
    target = Path(argv[0]) if argv else MODEL_FILE
    try:
        sentences = checked_sentences(CORPUS)
    except InputError as error:
        print(error)
        return 2
    settings = json.loads(CONFIG.read_text(encoding="utf-8"))
    analyser = Analyser(learned=False)  # the actors stage as dossier runs it
    train = list(argument_examples(analyser, annotated_stories(sentences, "train")))
    dev = list(argument_examples(analyser, annotated_stories(sentences, "dev")))
    weights = {role: fit(train, role, settings) for role in ROLES}
    thresholds = {
        role: best_threshold(dev, role, weights[role], settings["thresholds_tried"])
        for role in ROLES
    }
    model = {
        "built_from": build_digest(CONFIG, CORPUS),
        "examples": {"train": len(train), "dev": len(dev)},
        "thresholds": {role: value for role, (value, _) in thresholds.items()},
        "dev_accuracy": {role: accuracy for role, (_, accuracy) in thresholds.items()},
        "weights": weights,
    }
    target.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"argument model written to {target}: {model['dev_accuracy']} on dev gold triggers")
    return 0


def fit(examples, role: str, settings: dict) -> dict[str, float]:
    """Clue weights for one role; the intercept is the weight of the clue "bias"."""
    kept = [e for e in examples if e.labels[role] is not None]
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform([dict.fromkeys(e.clues, 1) for e in kept])
    labels = [e.labels[role] for e in kept]
    regression = LogisticRegression(C=settings["regularisation_C"], max_iter=settings["max_iter"])
    regression.fit(matrix, labels)
    clues = vectoriser.get_feature_names_out()
    weights = {
        clue: round(float(weight), 4)
        for clue, weight in zip(clues, regression.coef_[0], strict=True)
        if abs(weight) >= settings["min_weight"]
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(regression.intercept_[0]), 4)
    return weights


def best_threshold(examples, role: str, weights: dict[str, float], tried: list[float]):
    """The threshold that makes the most right choices on the dev gold events: the top
    candidate when it heads the gold span, or no party when the gold has none. Of
    thresholds that tie, the highest: a party the text does not support is worse to
    an analyst than one left out."""
    events = defaultdict(list)
    for example in examples:
        score = sum(weights.get(clue, 0.0) for clue in example.clues)
        events[example.event].append((score, example))
    best = (tried[0], -1.0)
    for threshold in sorted(tried):
        cut = _logit(threshold)
        right = 0
        for scored in events.values():
            score, top = max(scored, key=lambda pair: pair[0])
            if score >= cut:
                right += top.labels[role] == 1
            else:
                right += top.gold[role] is None
        accuracy = round(right / len(events), 3)
        if accuracy >= best[1]:
            best = (threshold, accuracy)
    return best


def _logit(probability: float) -> float:
    from math import log

    return log(probability / (1 - probability))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
