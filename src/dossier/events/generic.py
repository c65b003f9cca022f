"""Acts told of anyone at all: "if a green card holder is accused of a crime", "green card
holders can appeal", "anyone may file a complaint".

The guide codes no habitual or generic practice (section 2): what a law lets anybody do,
what happens to whoever is in some position. The sign is a conditional or a modal of
possibility (the event's modality is hypothetical or speculated) together with a doer —
or, with none told, a sufferer — that names nobody in particular: an indefinite common
noun or a bare plural one that is no agent noun, no actor resolving it, or a pronoun
for anybody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from dossier.events.coder import Coded
    from dossier.events.parties import Found
    from dossier.knowledge.actors import ActorKnowledge

UNSURE = frozenset({"hypothetical", "speculated"})
ANYBODY = frozenset("you anyone anybody everyone everybody someone somebody whoever one".split())
INDEFINITE = frozenset({"a", "an", "any", "every", "each"})


def generic_event(coded: Coded, knowledge: ActorKnowledge) -> bool:
    if coded.modality not in UNSURE:
        return False
    if coded.source is not None:
        return _names_nobody(coded.source, knowledge)
    subject = _clause_subject(coded.trigger.token)
    if subject is not None:
        return _nobody(subject, knowledge)
    return coded.target is not None and _names_nobody(coded.target, knowledge)


def _names_nobody(found: Found, knowledge: ActorKnowledge) -> bool:
    if found.actor.cameo or found.head is None:
        return False  # a coded party is somebody
    return _nobody(found.head, knowledge)


def _nobody(token: Token, knowledge: ActorKnowledge) -> bool:
    """ "anyone", "a tenant", "green card holders"; not "police" or "protesters", the
    agents a story tells of with a bare noun."""
    head = _noun_of(token)
    if head.lower_ in ANYBODY:
        return True
    if head.pos_ != "NOUN":
        return False
    determiners = [c.lower_ for c in head.children if c.dep_ in {"det", "poss"}]
    if determiners:
        return len(determiners) == 1 and determiners[0] in INDEFINITE
    lemma = head.lemma_.lower()
    agent = knowledge.sector_of(lemma) is not None or knowledge.title(lemma) is not None
    return head.tag_ == "NNS" and not agent


def _clause_subject(trigger: Token) -> Token | None:
    """The subject of the trigger's verb, or of the verb an event noun is the object of
    ("anyone may file a complaint")."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    return None


def _noun_of(token: Token) -> Token:
    """The noun a phrase's first word belongs to ("green" of "green card holders")."""
    while token.dep_ in {"compound", "amod", "det", "nummod"} and token.head is not token:
        token = token.head
    return token
