"""Acts told of anyone at all: "if a green card holder is accused of a crime", "green card
holders can appeal", "anyone may file a complaint".

The guide codes no habitual or generic practice (section 2): what a law lets anybody do,
what happens to whoever is in some position. The sign is a conditional or a modal of
possibility (the event's modality is hypothetical or speculated) together with a doer —
or, with none told, a sufferer — that names nobody in particular: an indefinite common
noun or a bare plural one that is no agent noun, no actor resolving it, or a pronoun
for anybody.

Habitual practice is no event either: a verb in the present simple with a word of
frequency ("The group frequently conducts bombings", "Botswana issues licenses
annually", "People lose their green cards most often when ..."). "Repeatedly" tells
acts that happened, and a past tense tells what was done: both stay events.
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
HABITUAL_WORDS = frozenset(
    """frequently often regularly routinely usually typically generally commonly
    traditionally habitually sometimes occasionally always annually""".split()
)
HABITUAL_ADJECTIVES = frozenset(
    "regular frequent routine weekly monthly annual daily periodic customary".split()
)
PRESENT_SIMPLE = frozenset({"VBZ", "VBP"})


def generic_event(coded: Coded, knowledge: ActorKnowledge) -> bool:
    if coded.modality not in UNSURE:
        return False
    if coded.source is not None:
        return _names_nobody(coded.source, knowledge)
    subject = _clause_subject(coded.trigger.token)
    if subject is not None:
        return _nobody(subject, knowledge)
    return coded.target is not None and _names_nobody(coded.target, knowledge)


def habitual_event(coded: Coded) -> bool:
    """Whether the event is told as a habit: its verb (the trigger, or the verb an event
    noun is the object of), or the verb whose clause it qualifies ("lose their cards
    most often when they are convicted"), in the present simple with a word of
    frequency."""
    verb = _event_verb(coded)
    verbs = [verb, verb.head] if verb.dep_ in {"advcl", "conj"} else [verb]
    return any(_present_simple(v) and _told_as_habit(v) for v in verbs)


def _event_verb(coded: Coded) -> Token:
    token = coded.trigger.token
    if coded.trigger.light_verb is not None:
        return coded.trigger.light_verb
    if token.pos_ in {"VERB", "AUX"}:
        return token
    while token.dep_ == "conj" and token.head is not token:  # "bombings and assaults"
        token = token.head
    return token.head


def _present_simple(verb: Token) -> bool:
    """'bans', 'conduct', and the passive 'are convicted'; not 'has attacked'."""
    if verb.tag_ in PRESENT_SIMPLE:
        return True
    return any(c.dep_ == "auxpass" and c.tag_ in PRESENT_SIMPLE for c in verb.children)


def _told_as_habit(verb: Token) -> bool:
    """A word of frequency on the verb or on its complement: 'frequently', 'most often',
    'bans fishing each year', 'has regular meetings with them'."""
    words = list(verb.children)
    words += [g for c in words if c.dep_ in {"xcomp", "dobj"} for g in c.children]
    return any(_frequency(word) for word in words)


def _frequency(word: Token) -> bool:
    """'frequently', 'most often', 'each year', 'every week', 'regular (meetings)'."""
    if word.dep_ == "advmod" and word.lower_ in HABITUAL_WORDS:
        return True
    if word.dep_ == "amod" and word.lower_ in HABITUAL_ADJECTIVES:
        return True
    if word.dep_ == "npadvmod":
        return any(c.lower_ in {"each", "every"} for c in word.children)
    return False


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
