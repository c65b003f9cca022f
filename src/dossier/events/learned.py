"""The learned trigger tagger: events the pattern book has no words for.

A small spaCy pipeline (tok2vec + tagger) trained by `make train` on dossier's own
corpus tags each word with the CAMEO root of the event it heads, or "O". Its models
read the analysed Doc's words (form, lemma, part of speech, dependency) and only
predict: nothing is written to the Doc, so the main parse stays as it is. A word
becomes a model trigger when the probability that it heads an event reaches the
threshold; its code is the one the code model (dossier.events.codes) picks under that
root ("193"), or the root's general code ("190"); its roles come from the parse
around it like a pattern's, and the event records the model and its score.
Where a pattern matches, the pattern decides: an analyst's pattern overrides the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import dossier.corpus.training  # noqa: F401  registers the scorer the model's config names
from dossier.errors import ModelError
from dossier.events.codes import CodeModel, general_code
from dossier.events.triggers import NOUN_TAGS, Trigger, light_verb_of
from dossier.knowledge.event_patterns import TriggerPattern

MODEL_DIR = Path(__file__).parent / "trigger_model"
OUTSIDE = "O"
DEFAULT_THRESHOLD = 0.5  # dev, stop 19 tagger: F1 0.449 at P 0.579 (0.431 at P 0.602 at 0.6)

VERB_SOURCE = ("subject", "agent")
VERB_TARGET = ("object", "dative", "against", "with", "to", "on", "at", "between")
NOUN_SOURCE = ("possessor", "agent", "modifier", "light_subject", "governing_subject")
NOUN_TARGET = ("against", "with", "to", "on", "at", "between", "of")
SYMMETRIC_ROOTS = frozenset({"04", "06"})  # meet, talk, cooperate: both sides act


@dataclass(frozen=True)
class Tagged:
    token: int  # index in the analysed Doc
    root: str
    score: float


class TriggerTagger:
    """The trained tagger, loaded once and handed to the events stage."""

    def __init__(self, nlp: Language, threshold: float = DEFAULT_THRESHOLD, name: str = "") -> None:
        self.nlp = nlp
        self.threshold = threshold
        self.name = name or f"{nlp.meta.get('name', 'triggers')}-{nlp.meta.get('version', '?')}"
        self._tok2vec = nlp.get_pipe("tok2vec").model
        tagger = nlp.get_pipe("tagger")
        # the tagger's own model is (listener, softmax); fed the tok2vec's output
        # directly, its softmax needs no listener and no annotation on the Doc
        self._softmax = tagger.model.layers[-1]
        self._labels = list(tagger.labels)
        self._outside = self._labels.index(OUTSIDE)

    @classmethod
    def load(cls, path: Path = MODEL_DIR, threshold: float = DEFAULT_THRESHOLD) -> TriggerTagger:
        try:
            return cls(spacy.load(path), threshold, name=f"dossier-triggers:{path.name}")
        except OSError as error:
            raise ModelError(f"{path}: no trained trigger model there ({error})") from None

    def tag(self, doc: Doc) -> list[Tagged]:
        """Every word of the Doc that heads an event by the model, with root and score."""
        if len(doc) == 0:
            return []
        scores = self._softmax.predict(self._tok2vec.predict([doc]))[0]
        found = []
        for index, row in enumerate(_softmax(scores)):
            inside = 1.0 - float(row[self._outside])
            if inside < self.threshold:
                continue
            best = max(
                (n for n in range(len(self._labels)) if n != self._outside), key=lambda n: row[n]
            )
            found.append(Tagged(index, self._labels[best], round(inside, 3)))
        return found


def _softmax(scores: numpy.ndarray) -> numpy.ndarray:
    """Probabilities from the tagger's scores (its config leaves them unnormalised)."""
    scores = numpy.asarray(scores, dtype="float64")
    exp = numpy.exp(scores - scores.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


@cache
def default_trigger_tagger() -> TriggerTagger:
    """The tagger shipped in the package (for the Analyser to build once and hand in)."""
    return TriggerTagger.load()


def model_triggers(
    sentence: Span, tagged: list[Tagged], taken: set[int], codes: CodeModel | None = None
) -> list[Trigger]:
    """Triggers of the sentence from the tagger's words, leaving the words a pattern took;
    each with the code the code model picks under the tagger's root (without one, the
    root's general code)."""
    triggers = []
    for item in tagged:
        if not sentence.start <= item.token < sentence.end or item.token in taken:
            continue
        token = sentence.doc[item.token]
        pattern = generic_pattern(item.root, token.pos_ in NOUN_TAGS)
        light = light_verb_of(token)
        code = codes.code(token, item.root) if codes is not None else general_code(item.root)
        triggers.append(Trigger(token, pattern, code, None, light, (token,), score=item.score))
    return triggers


@cache
def generic_pattern(root: str, noun: bool) -> TriggerPattern:
    """Where a model trigger's parties are looked for: a verb's subject and object, a
    noun's possessor and modifier, and the usual prepositions of either."""
    return TriggerPattern(
        lemma="*",
        pos="noun" if noun else "verb",
        code=general_code(root),
        source=NOUN_SOURCE if noun else VERB_SOURCE,
        target=NOUN_TARGET if noun else VERB_TARGET,
        symmetric=root in SYMMETRIC_ROOTS,
        requires_target=False,
        nested=True,
        origin="model",
    )
