"""The learned event code: which CAMEO code under its root a learned trigger takes.

The trigger tagger says which root a word's event has ("19", fighting); the code
model says which code of that root the word names ("193", fighting with small arms),
from the word's lemma, its preposition and its object. For each root it is one
multinomial logistic regression trained on the gold events of dossier's corpus
(`make train`, scripts/train_codes.py); the weights are a table in a JSON file an
analyst can read. A word whose lemma the training never saw under that root keeps the
root's general code ("190"): the text does not then support a narrower one.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from dossier.errors import ModelError

MODEL_FILE = Path(__file__).parent / "code_model.json"
PREPOSITION_DEPS = frozenset({"prep", "agent"})
OBJECT_DEPS = frozenset({"dobj"})


def code_clues(token: Token) -> list[str]:
    """What the model reads of a trigger word: its lemma, the first preposition it
    governs ("call for", "attack on") and its object's lemma ("cut ties"), each alone
    and with the lemma."""
    lemma = token.lemma_.lower()
    preposition = _first_child(token, PREPOSITION_DEPS)
    obj = _first_child(token, OBJECT_DEPS)
    return [
        f"lemma={lemma}",
        f"lemma+prep={lemma}|{preposition}",
        f"lemma+object={lemma}|{obj}",
        f"prep={preposition}",
        f"object={obj}",
    ]


def _first_child(token: Token, deps: frozenset[str]) -> str:
    child = next((c for c in token.children if c.dep_ in deps), None)
    return child.lemma_.lower() if child is not None else "-"


def general_code(root: str) -> str:
    return f"{root}0"


class CodeModel:
    """Per CAMEO root: the codes it chooses among, a bias per code and the clue weights
    (clue → code → weight), as scripts/train_codes.py writes them."""

    def __init__(self, roots: dict[str, dict]) -> None:
        self.roots = roots

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> CodeModel:
        try:
            return cls(json.loads(path.read_text(encoding="utf-8"))["roots"])
        except (OSError, ValueError, KeyError) as error:
            raise ModelError(f"{path}: not a trained code model ({error})") from None

    def code(self, token: Token, root: str) -> str:
        """The likeliest code of the root for this word, or the root's general code
        where the training never saw the word's lemma under that root."""
        table = self.roots.get(root)
        clues = code_clues(token)
        if table is None or clues[0] not in table["weights"]:
            return general_code(root)
        scores = dict(table["bias"])
        for clue in clues:
            for code, weight in table["weights"].get(clue, {}).items():
                scores[code] += weight
        return max(sorted(scores), key=lambda code: scores[code])


@cache
def default_code_model() -> CodeModel:
    """The model shipped in the package (for the knowledge to build once and hand in)."""
    return CodeModel.load()
