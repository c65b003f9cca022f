"""Whose act a reaction answers: "Parliament extended the president's term. Opposition
lawmakers denounced the extension" — the lawmakers denounced parliament.

A criticism, a rejection or a welcome whose object is a thing, not an actor ("rejected
the resolution", "denounced the extension", "dismissed the allegations", "welcomed the
vaccines"), is aimed at
whoever did what the thing names: the subject of a verb of that word told just before
("extended" for "the extension", "alleged" for "the allegations", "adopted a
resolution" for "the resolution"), or the possessor or agent of that noun. The
annotators name that actor as the target (guide, `target_ref`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from dossier.events.actors import ActorResolver, same_actor
from dossier.events.roles import OBJECTS, phrase_tokens, prep_objects, subject_heads
from dossier.nlp import sentences_back

if TYPE_CHECKING:
    from dossier.events.coder import Coded
    from dossier.record import ActorRef, Event

REACTION_ROOTS = frozenset({"11", "12"})
DENIAL = "016"  # "dismissed the allegations"
PRAISE = "051"  # "welcomed the vaccines": aimed at whoever sent them
REACH = 3  # sentences back
STEM = 5  # letters a noun and its verb share: "exten(sion)", "exten(d)"
AIMED_PREPOSITIONS = ("against", "to")
# An actor and the word of the telling it was read from (None with no actor found).
Doer = tuple["ActorRef | None", Token]


def with_answered_targets(
    told: list[tuple[Coded, Event]],
    doc: Doc,
    resolver: ActorResolver,
    earlier: list[tuple[Token, Event]] = (),
) -> list[tuple[Coded, Event]]:
    """`told` with each targetless reaction given the doer of what it answers; `earlier`
    holds the events coded before, each with its trigger word."""
    tellings = [*earlier, *((c.trigger.token, e) for c, e in told)]
    answered = []
    for coded, event in told:
        thing = _object_of(coded.trigger.token)
        if event.target is None and _is_reaction(event) and thing is not None:
            doer, told_at = _coded_doer(thing, tellings) or _doer_of(thing, doc, resolver)
            if doer is not None and not same_actor(doer, event.source):
                elsewhere = told_at.sent.start != thing.sent.start
                aimed = doer.model_copy(update={"told_elsewhere": elsewhere})
                event = event.model_copy(update={"target": aimed})
        answered.append((coded, event))
    return answered


def without_reactors_as_doers(told: list[tuple[Coded, Event]]) -> list[tuple[Coded, Event]]:
    """An event noun reacted to is not the reactor's act: in "the president condemned
    the assault" the president did not assault. Its source is dropped, so that it is a
    later mention of the assault told before, or no event."""
    reactions = {coded.trigger.token.i: event for coded, event in told if _is_reaction(event)}
    kept = []
    for coded, event in told:
        token = coded.trigger.token
        outer = reactions.get(_reacted_by(token)) if token.pos_ == "NOUN" else None
        if (
            outer is not None
            and event.source is not None
            and same_actor(event.source, outer.source)
        ):
            event = event.model_copy(update={"source": None})
        kept.append((coded, event))
    return kept


def _reacted_by(noun: Token) -> int | None:
    """The verb whose object the noun is, directly or through "against" or "to"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in AIMED_PREPOSITIONS:
        head = head.head
    elif noun.dep_ not in OBJECTS:
        return None
    return head.i if head.pos_ == "VERB" else None


def _is_reaction(event: Event) -> bool:
    return event.cameo_code[:2] in REACTION_ROOTS or event.cameo_code in (DENIAL, PRAISE)


def _object_of(trigger: Token) -> Token | None:
    """The thing reacted to: the object, or the object of "against" ("spoke out against
    the extension") or "to" ("responded to the demands")."""
    objects = [c for c in trigger.children if c.dep_ in OBJECTS and c.pos_ == "NOUN"]
    objects += [o for o in prep_objects(trigger, AIMED_PREPOSITIONS) if o.pos_ == "NOUN"]
    return objects[0] if objects else None


def _coded_doer(thing: Token, tellings: list[tuple[Token, Event]]) -> Doer | None:
    """The source of the event the thing is ("condemning the attack", a later mention
    that took the attackers from the first telling), or of the last event told with a
    word of its stem in the REACH sentences before ("extended" for "the extension")."""
    first = sentences_back(thing, REACH)
    for token, event in reversed(tellings):
        if token.i > thing.i or token.i < first:
            continue
        if event.source is not None and (token.i == thing.i or _same_stem(token, thing)):
            return event.source, token
    return None


def _doer_of(thing: Token, doc: Doc, resolver: ActorResolver) -> Doer:
    """The actor who did what the thing names, latest first, in its sentence before it
    and the REACH sentences before that."""
    for token in reversed(doc[sentences_back(thing, REACH) : thing.i]):
        if not _same_stem(token, thing):
            continue
        if token.pos_ == "VERB":
            heads = subject_heads(token)
        elif token.pos_ == "NOUN":
            heads = [c for c in token.children if c.dep_ == "poss"] + prep_objects(token, ("by",))
            if token.dep_ in OBJECTS and token.head.pos_ == "VERB":
                heads += subject_heads(token.head)  # "adopted a resolution"
        else:
            continue
        for head in heads:
            actor = resolver.actor(phrase_tokens(head))
            if actor is not None:
                return actor, token
    return None, thing


def _same_stem(word: Token, thing: Token) -> bool:
    a, b = word.lemma_.lower(), thing.lemma_.lower()
    return a == b or (min(len(a), len(b)) >= STEM and a[:STEM] == b[:STEM])
