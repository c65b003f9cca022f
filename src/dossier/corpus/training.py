"""The corpus as spaCy training data: every word of an annotated sentence tagged with
the CAMEO root of the event it heads ("19") or "O"; negatives are all "O".

The words carry the main pipeline's analysis (part of speech, lemma, dependency
label), as they do when the tagger runs inside dossier on an analysed Doc: the tagger
learns from "killed" as a verb at the root of its clause, not from the letters alone.
A trigger that spaCy's tokenizer splits ("U.S.-led") tags its first token.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from dossier.corpus.model import CorpusSentence

OUTSIDE = "O"
ANALYSIS = ["ORTH", "SPACY", "POS", "LEMMA", "DEP", "HEAD", "TAG"]


def trigger_doc(sentence: CorpusSentence, analyse: Callable[[str], Doc]) -> Doc:
    """The sentence as `analyse` reads it, each word's tag replaced by its trigger root."""
    doc = analyse(sentence.text)
    tags = [OUTSIDE] * len(doc)
    for event in sentence.events or ():
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is not None and tags[span.start] == OUTSIDE:
            tags[span.start] = event.root  # one word, one event: the first annotation
    for token, tag in zip(doc, tags, strict=True):
        token.tag_ = tag
    return doc


def doc_bin(sentences: Iterable[CorpusSentence], analyse: Callable[[str], Doc]) -> DocBin:
    docs = DocBin(attrs=ANALYSIS, store_user_data=False)
    for sentence in sentences:
        if sentence.annotated:
            docs.add(trigger_doc(sentence, analyse))
    return docs


def analysed_words(doc: Doc, vocab) -> Doc:
    """A fresh Doc with `doc`'s words and their analysis but no tags: what the tagger
    reads, in training (from the corpus) and in dossier (from the analysed document)."""
    return Doc(
        vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        pos=[t.pos_ or "X" for t in doc],
        lemmas=[t.lemma_ or t.text for t in doc],
        deps=[t.dep_ or "dep" for t in doc],
        heads=[t.head.i for t in doc],
    )


@spacy.registry.readers("dossier.AnalysedCorpus.v1")
def analysed_corpus(path: Path) -> Callable[[Language], Iterator[Example]]:
    """spaCy's corpus reader gives the model bare words; this one keeps their analysis."""

    def examples(nlp: Language) -> Iterator[Example]:
        for reference in DocBin().from_disk(path).get_docs(nlp.vocab):
            yield Example(analysed_words(reference, nlp.vocab), reference)

    return examples


@spacy.registry.scorers("dossier.trigger_scorer.v1")
def trigger_scorer() -> Callable[..., dict[str, float]]:
    """Scores for choosing the best step: tag accuracy is nearly all "O" words and
    rises while the triggers get worse, so the step is chosen by trigger F1."""
    return score_triggers


def score_triggers(examples: Iterable[Example], **_: object) -> dict[str, float]:
    """Precision, recall and F1 of trigger words (any root) and of trigger+root."""
    found = right_word = right_root = gold = 0
    for example in examples:
        for guess, truth in zip(example.predicted, example.reference, strict=True):
            found += guess.tag_ != OUTSIDE
            gold += truth.tag_ != OUTSIDE
            right_word += guess.tag_ != OUTSIDE and truth.tag_ != OUTSIDE
            right_root += guess.tag_ != OUTSIDE and guess.tag_ == truth.tag_
    return {
        **_prf("trigger", right_word, found, gold),
        **_prf("trigger_root", right_root, found, gold),
    }


def _prf(name: str, right: int, found: int, gold: int) -> dict[str, float]:
    precision = right / found if found else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f"{name}_p": precision, f"{name}_r": recall, f"{name}_f": f1}
