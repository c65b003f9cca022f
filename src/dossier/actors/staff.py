"""Staff and offices act for whom they serve: "Ricketts' office", "a spokesperson for the
senator", "lawyers for Khalil", "the office of Senator Ricketts".

A staff noun whose principal the sentence names — as its possessor, a name before it
("a White House spokesperson") or in a for/of/to phrase — becomes a mention of the
principal's entity, so the event's party carries the principal's code (the annotation
guide, section 10: staff speaking for an organisation take its code, lawyers their
client's). Only principals an earlier pass resolved count, and only people and
organisations: "Kenya's spokesman" is left to the agents pass,
which codes it as the government of Kenya. Runs before that pass, which would otherwise
read "spokesperson" as a government agent of the article's main country.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from dossier.actors.scan import DocumentResolver
    from dossier.actors.table import Ref

# The lemmas of nouns for people or a bureau that speak or act for someone else; not
# "team" ("a university's basketball team" acts for itself) nor "campaign" (an event noun).
STAFF_NOUNS = frozenset(
    {
        "office",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "spokespeople",
        "aide",
        "lawyer",
        "attorney",
        "representative",
        "adviser",
        "advisor",
        "staff",
    }
)
PRINCIPAL_LINKS = frozenset({"for", "of", "to"})
# Kinds of entity that have staff: people, known actors, national bodies, a country's
# sectors ("lawyers for the protesters"), named others.
PRINCIPAL_KINDS = frozenset({"person", "actor", "body", "group", "other"})
PRINCIPAL_TYPES = frozenset({"PERSON", "ORGANIZATION"})
PHRASE_DEPS = frozenset({"det", "amod", "compound", "poss", "case"})


def resolve_staff(r: DocumentResolver) -> None:
    """Mentions of the principal's entity for staff nouns that name their principal."""
    for token in r.tokens:
        if r.claimed[token.i] or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if token.lemma_.lower() not in STAFF_NOUNS and token.lower_ not in STAFF_NOUNS:
            continue
        principal = _principal(r, token)
        if principal is None:
            continue
        first = _phrase_start(r, token)
        r.mention(r.tokens[first].idx, token.idx + len(token.text), principal)


def _principal(r: DocumentResolver, noun: Token) -> Ref | None:
    """The entity the noun's possessor, modifier ("a State Department spokesperson") or
    for/of/to phrase names, if one fits."""
    for child in noun.children:
        if child.dep_ in {"poss", "compound"}:
            found = _entity_of(r, child)
            if found is not None:
                return found
        if child.dep_ == "prep" and child.lower_ in PRINCIPAL_LINKS:
            for object_ in child.children:
                if object_.dep_ == "pobj":
                    found = _entity_of(r, object_)
                    if found is not None:
                        return found
    return None


def _entity_of(r: DocumentResolver, token: Token) -> Ref | None:
    if not r.claimed[token.i]:
        return None
    mention = r.table.mention_at(token.idx)
    if mention is None or mention.ref.kind not in PRINCIPAL_KINDS:
        return None
    facts = r.table.facts[mention.ref]
    return mention.ref if facts.type in PRINCIPAL_TYPES else None


def _phrase_start(r: DocumentResolver, noun: Token) -> int:
    """The first word of the noun's phrase before it ("the senator's legal team"): the
    free modifiers and determiners, not the possessor's own words (they keep their
    mention)."""
    first = noun.i
    while first > 0:
        previous = r.tokens[first - 1]
        if r.claimed[previous.i] or previous.head.i != noun.i or previous.dep_ not in PHRASE_DEPS:
            break
        first -= 1
    return first
