"""The corpus as spaCy training data: every word of an annotated sentence tagged with
the CAMEO root of the event it heads ("19") or "O"; negatives are all "O".

A trigger that spaCy's tokenizer splits ("U.S.-led") tags its first token.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, DocBin

from dossier.corpus.model import CorpusSentence

OUTSIDE = "O"


def trigger_doc(sentence: CorpusSentence, make_doc) -> Doc:
    doc = make_doc(sentence.text)
    tags = [OUTSIDE] * len(doc)
    for event in sentence.events or ():
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is not None and tags[span.start] == OUTSIDE:
            tags[span.start] = event.root  # one word, one event: the first annotation
    for token, tag in zip(doc, tags, strict=True):
        token.tag_ = tag
    return doc


def doc_bin(sentences: Iterable[CorpusSentence], make_doc) -> DocBin:
    docs = DocBin(attrs=["ORTH", "TAG"], store_user_data=False)
    for sentence in sentences:
        if sentence.annotated:
            docs.add(trigger_doc(sentence, make_doc))
    return docs
