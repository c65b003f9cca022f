"""Train the code model from the corpus and put it where the package ships it.

    .venv/bin/python scripts/train_codes.py       (part of `make train`)

Reads corpus/sentences: every gold event of the train split is one example, the clues
of dossier.events.codes read off its trigger's head word and its gold CAMEO code the
label. One logistic regression per root (settings in training/codes.json) learns which
code of the root the word names. Writes src/dossier/events/code_model.json: the
weights, the accuracy on the dev split's gold triggers against the root's general
code, and the digest of the settings and corpus it came from.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from dossier.corpus import checked_sentences
from dossier.corpus.argument_examples import tokens_of
from dossier.corpus.digest import build_digest
from dossier.corpus.stories import annotated_stories, story_article
from dossier.errors import InputError
from dossier.events.arguments import span_head
from dossier.events.codes import MODEL_FILE, CodeModel, code_clues, general_code
from dossier.nlp import load_model

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "training" / "codes.json"
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
    train = examples(annotated_stories(sentences, "train"))
    dev = examples(annotated_stories(sentences, "dev"))
    by_root = defaultdict(list)
    for root, clues, code in train:
        by_root[root].append((clues, code))
    roots = {root: fit(rows, settings) for root, rows in sorted(by_root.items())}
    model = {
        "built_from": build_digest(CONFIG, CORPUS),
        "examples": {"train": len(train), "dev": len(dev)},
        "dev_accuracy": accuracy(CodeModel(roots), dev),
        "roots": roots,
    }
    target.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"code model written to {target}: {model['dev_accuracy']} on dev gold triggers")
    return 0


def examples(stories) -> list[tuple[str, list[str], object]]:
    """(root, clues, gold code) per gold event; the clues are kept with the head word so
    that the dev accuracy can ask the model itself."""
    nlp = load_model()
    found = []
    for story, story_sentences in stories.items():
        doc = nlp(story_article(story, story_sentences).text)
        for sentence in story_sentences:
            for event in sentence.events or ():
                head = span_head(tokens_of(doc, sentence, event.trigger))
                if head is not None:
                    found.append((event.root, head, event.cameo))
    return [(root, code_clues(head), (head, code)) for root, head, code in found]


def fit(rows: list[tuple[list[str], object]], settings: dict) -> dict:
    """One root's table: its codes, a bias per code, and clue → code → weight."""
    labels = [code for _, (_, code) in rows]
    codes = sorted(set(labels))
    if len(codes) == 1:  # nothing to choose: every seen lemma names the one code
        lemmas = {clues[0] for clues, _ in rows}
        return {"bias": {codes[0]: 0.0}, "weights": {c: {codes[0]: 1.0} for c in sorted(lemmas)}}
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform([dict.fromkeys(clues, 1) for clues, _ in rows])
    regression = LogisticRegression(C=settings["regularisation_C"], max_iter=settings["max_iter"])
    regression.fit(matrix, labels)
    classes = [str(code) for code in regression.classes_]
    coefficients, intercepts = regression.coef_, regression.intercept_
    if len(classes) == 2:  # one row for the second code: the first gets its negation
        coefficients = [-coefficients[0], coefficients[0]]
        intercepts = [-intercepts[0], intercepts[0]]
    weights: dict[str, dict[str, float]] = {}
    for column, clue in enumerate(vectoriser.get_feature_names_out()):
        row = {
            code: round(float(coefficients[k][column]), 4)
            for k, code in enumerate(classes)
            if abs(coefficients[k][column]) >= settings["min_weight"]
        }
        if row:
            weights[str(clue)] = row
    bias = {code: round(float(intercepts[k]), 4) for k, code in enumerate(classes)}
    return {"bias": bias, "weights": weights}


def accuracy(model: CodeModel, rows) -> dict[str, float]:
    """Exact-code accuracy on gold triggers with their gold root: the model against
    the root's general code."""
    right = sum(model.code(head, root) == code for root, _, (head, code) in rows)
    general = sum(general_code(root) == code for root, _, (_, code) in rows)
    return {"model": round(right / len(rows), 3), "general_code": round(general / len(rows), 3)}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
