"""Whose act a reaction answers: "Parliament extended the president's term. Opposition
lawmakers denounced the extension" — the lawmakers denounced parliament.

A criticism or a rejection whose object is a thing, not an actor ("rejected the
resolution", "denounced the extension", "dismissed the allegations"), is aimed at
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

if TYPE_CHECKING:
    from dossier.events.coder import Coded
    from dossier.record import ActorRef, Event

REACTION_ROOTS = frozenset({"11", "12"})
DENIAL = "016"  # "dismissed the allegations"
REACH = 3  # sentences back
STEM = 5  # letters a noun and its verb share: "exten(sion)", "exten(d)"


def with_answered_targets(
    told: list[tuple[Coded, Event]], doc: Doc, resolver: ActorResolver
) -> list[tuple[Coded, Event]]:
    """`told` with each targetless reaction given the doer of what it answers."""
    answered = []
    for coded, event in told:
        thing = _object_of(coded.trigger.token)
        reaction = event.cameo_code[:2] in REACTION_ROOTS or event.cameo_code == DENIAL
        if event.target is None and reaction and thing is not None:
            doer = _doer_of(thing, doc, resolver)
            if doer is not None and not same_actor(doer, event.source):
                event = event.model_copy(update={"target": doer})
        answered.append((coded, event))
    return answered


def _object_of(trigger: Token) -> Token | None:
    objects = [c for c in trigger.children if c.dep_ in OBJECTS and c.pos_ == "NOUN"]
    return objects[0] if objects else None


def _doer_of(thing: Token, doc: Doc, resolver: ActorResolver) -> ActorRef | None:
    """The actor who did what the thing names, latest first, in its sentence before it
    and the REACH sentences before that."""
    first = thing.sent.start
    for _ in range(REACH):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    for token in reversed(doc[first : thing.i]):
        if token.i == thing.i or not _same_stem(token, thing):
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
                return actor
    return None


def _same_stem(word: Token, thing: Token) -> bool:
    a, b = word.lemma_.lower(), thing.lemma_.lower()
    return a == b or (min(len(a), len(b)) >= STEM and a[:STEM] == b[:STEM])
