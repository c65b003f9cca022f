"""The date of an event: when it happened, not when it was printed.

The rule, in order:
1. a dated temporal expression attached in the dependency tree to the trigger — to
   the verb of its clause ("met ... the day before", "told reporters on June 9") or to
   the nominal that is the trigger ("last month's ASEAN summit", "the July 21-23
   summit"), possibly through prepositions and noun phrases, but never through
   another verb (a date of a subordinate or relative clause belongs to that clause);
   a verb joined to another by "and", a noun that is the subject or object of a verb
   or follows "during"/"at"/"amid" under it, and a "when" clause share the date of
   the word they hang on when they have none;
   a noun event takes the date of a clause scheduling it ("a visit which had been
   scheduled for the end of September");
2. else the publication date, flagged `from_publication: true`;
3. else nothing.

Durations, sets and expressions without a value never date an event, nor do dates
inside parentheses (the dates of the sources cited, not of the happening).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from dossier.nlp import doc_text
from dossier.record import EventDate, Timex

MAX_PATH = 8


def event_date(
    trigger: Token | Span, timexes: list[Timex], published: date | None
) -> EventDate | None:
    """The date of the event the trigger names (see the module docstring for the rule)."""
    doc = trigger.doc
    head = trigger.root if isinstance(trigger, Span) else trigger
    covered = set(range(trigger.start, trigger.end)) if isinstance(trigger, Span) else {head.i}
    candidates = [t for t in timexes if _can_date(t, doc)]
    for verb in _conjunct_chain(head) + _scheduling_clauses(head):
        governing = _governing_timex(verb, covered, candidates, doc)
        if governing is not None:
            return EventDate(
                start=governing.value_start, end=governing.value_end, text=governing.text
            )
    if published is not None:
        published_day = published.isoformat()  # the record holds ISO text, as the schema says
        return EventDate(start=published_day, end=published_day, text=None, from_publication=True)
    return None


def timexes_in_sentence(sentence: Span, timexes: list[Timex]) -> list[Timex]:
    """The temporal expressions lying inside a sentence, in text order."""
    return [t for t in timexes if sentence.start_char <= t.start and t.end <= sentence.end_char]


def _can_date(timex: Timex, doc: Doc) -> bool:
    if timex.kind != "date" or timex.value_start is None or timex.value_end is None:
        return False
    before = doc_text(doc)[: timex.start]
    return before.rfind("(") <= before.rfind(")")


def _conjunct_chain(head: Token) -> list[Token]:
    """The trigger, then the words whose date it shares.

    A verb coordinated with another ("met ... and discussed") shares its date, a noun
    that is an argument of a verb shares the verb's ("make a trip next month"), as
    does a noun after "during" or "at" ("discussed last month during Putin's visit")
    and a "when" clause with what it modifies ("late last week, when Moscow
    announced"; "on June 10, when Moscow announced").
    """
    chain = [head]
    while len(chain) < 4 and chain[-1].head.i != chain[-1].i:
        current = chain[-1]
        if _shares_head_date(current):
            chain.append(current.head)
        elif current.dep_ == "pobj" and current.head.lower_ in SPANNING_PREPOSITIONS:
            chain.append(current.head.head)  # "discussed last month during Putin's visit"
        else:
            break
    return chain


SCHEDULING_LEMMAS = {"schedule", "plan", "set", "slate", "due", "expect"}


def _scheduling_clauses(head: Token) -> list[Token]:
    """A clause scheduling a noun event: "a visit which had been scheduled for September"."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return []
    return [
        child
        for child in head.children
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in SCHEDULING_LEMMAS
    ]


SPANNING_PREPOSITIONS = {"during", "at", "amid", "throughout"}
NOMINAL_ARGUMENTS = ("dobj", "nsubj", "nsubjpass", "attr")


def _shares_head_date(token: Token) -> bool:
    if token.dep_ == "conj":
        return True
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in NOMINAL_ARGUMENTS:
        return token.head.pos_ in ("VERB", "AUX")  # "make a trip sometime next month"
    return token.dep_ in ("advcl", "relcl", "acl") and any(
        child.lower_ == "when" and child.dep_ == "advmod" for child in token.children
    )


def _governing_timex(
    head: Token, covered: set[int], candidates: list[Timex], doc: Doc
) -> Timex | None:
    """The dated expression attached most closely to the head, if any."""
    best: tuple[int, Timex] | None = None
    for timex in candidates:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or covered.intersection(range(span.start, span.end)):
            continue  # "the eve of the summit" does not date the summit itself
        steps = path_length(span.root, head)
        if steps is not None and (best is None or steps < best[0]):
            best = (steps, timex)
    return best[1] if best else None


def path_length(token: Token, target: Token) -> int | None:
    """Steps up the tree from token to target without crossing another verb; None if none."""
    steps = 0
    while token.i != target.i:
        if token.head.i == token.i or steps >= MAX_PATH:
            return None
        token = token.head
        steps += 1
        if token.i != target.i and token.pos_ in ("VERB", "AUX"):
            return None
    return steps
