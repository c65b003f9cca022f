"""Dates told a sentence later.

    "… discussing Kim Jong-il's upcoming visit to Moscow. That visit is currently
    scheduled for early next year."

The second sentence names no actor, so it codes no event of its own, but its date
belongs to the visit coded just before. A noun under "that" or "this" whose clause
carries a date passes that date to the latest event of the same word in the two
sentences before it, when that event had only the publication date to go on. Nothing
else about the event changes.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from dossier.record import Event, Timex
from dossier.time import event_date

DEMONSTRATIVES = frozenset({"that", "this"})
LOOKBACK_SENTENCES = 2


def dates_told_later(
    events: list[Event], doc: Doc, timexes: list[Timex], published: date | None
) -> list[Event]:
    """The events, with publication-date fallbacks replaced by a date told just after."""
    dated = list(events)
    for index, sentence in enumerate(doc.sents):
        for token in sentence:
            if not _demonstrative_noun(token):
                continue
            when = event_date(token, timexes, published)
            if when is None or when.from_publication:
                continue
            position = _latest_same_word(dated, doc, token.lemma_, index)
            if position is not None:
                dated[position] = dated[position].model_copy(update={"date": when})
    return dated


def _demonstrative_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and any(
        child.dep_ == "det" and child.lower_ in DEMONSTRATIVES for child in token.children
    )


def _latest_same_word(events: list[Event], doc: Doc, lemma: str, index: int) -> int | None:
    """The latest earlier event whose trigger is this word and whose date is a fallback."""
    for position in range(len(events) - 1, -1, -1):
        event = events[position]
        if not index - LOOKBACK_SENTENCES <= event.sentence.index < index:
            continue
        if event.date is None or not event.date.from_publication or event.trigger_span is None:
            continue
        trigger = doc.char_span(
            event.trigger_span.start, event.trigger_span.end, alignment_mode="expand"
        )
        if trigger is not None and trigger.root.lemma_ == lemma:
            return position
    return None
