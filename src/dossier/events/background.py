"""Background history: an act told only in a subordinate part of a sentence, long ago.

"Assad, who fled to Moscow in December, ..." tells the flight as context, not news.
The guide (section 2, Changes 1 and 26) codes an act told in a main clause whatever its
date, but not one told only in a subordinate part — a relative clause, a participle
phrase, an apposition, a "since", "after", "before", "when", "because", "although" or
"as" clause or phrase — when it lies more than about a month before publication.

Here the month is read off the event's own date: an act in a subordinate part whose
date, told in the text, ends more than BACKGROUND_DAYS before publication is no event.
An undated act is kept: without a date nothing says it is old ("..., killing 12
people" is the day's news), and the story's own events are often undated. With no
date of publication the month cannot be counted (Changes 45): a subordinate act is
kept when its part of the sentence has date words ("who visited Iraq last week"),
and is no event without them.
A relative clause after "among" or "the first" carries the sentence's assertion
("Canada is among the countries that banned ...") and counts as a main clause.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Token

from dossier.record import Event

BACKGROUND_DAYS = 31
# Links that make what hangs below them a subordinate part of the sentence.
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "appos"})
# Words that make a clause or phrase background: "after X attacked", "since the coup".
BACKGROUND_MARKS = frozenset({"since", "after", "before", "when", "because", "although", "as"})
DATE_ENTITIES = frozenset({"DATE", "TIME"})
ASSERTING_HEADS = frozenset({"among", "first"})  # "among the countries that banned ..."


def is_background(trigger: Token, event: Event, published: date | None) -> bool:
    """Whether the event is told only in a subordinate part and dated over a month
    before publication; with no date of publication (guide, Changes 45), told only in a
    subordinate part with no date words in it."""
    part = subordinate_part(trigger)
    if part is None:
        return False
    if published is None:
        return not any(t.ent_type_ in DATE_ENTITIES for t in part.subtree)
    if event.date is None or event.date.from_publication:
        return False
    try:
        ends = date.fromisoformat(event.date.end[:10])
    except ValueError:
        return False
    return ends < published - timedelta(days=BACKGROUND_DAYS)


def subordinate_part(trigger: Token) -> Token | None:
    """The head of the relative clause, participle, apposition or background clause or
    phrase the word lies in, below the main clause of its sentence; None in a main
    clause."""
    token = trigger
    while token.dep_ != "ROOT" and token.head.i != token.i:
        if token.dep_ in SUBORDINATE_DEPS and not _asserting(token):
            return token
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in token.children
        ):
            return token
        if token.dep_ == "pobj" and token.head.lower_ in BACKGROUND_MARKS:
            return token.head  # "after the 2004 bombing", "since the coup"
        token = token.head
    return None


def _asserting(clause: Token) -> bool:
    noun = clause.head
    return noun.lower_ in ASSERTING_HEADS or (
        noun.dep_ == "pobj" and noun.head.lower_ in ASSERTING_HEADS
    )
