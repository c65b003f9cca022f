"""Who a phrase names: the bridge between the parse and the actors stage.

The coder hands a resolver the tokens of a phrase, best first (the head word, its
apposition, then its modifiers: "Russian officials" → "officials", "Russian"); the
resolver returns the first actor it recognises. `EntityActors` asks the actors stage
(`ResolvedEntities.actor_at`); evaluation plugs in a dictionary resolver instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dossier.actors import ResolvedEntities
from dossier.events.place import gazetteer_location
from dossier.knowledge.actors import ActorKnowledge
from dossier.record import ActorRef, Citation, Location


class ActorResolver:
    """What the coder asks of a resolver: `actor` always; `place` and `role_noun` are
    optional abilities, whose defaults say "not known" (a dictionary resolver knows no
    places)."""

    def actor(self, tokens: Sequence[Token]) -> ActorRef | None:
        """The actor the first recognisable token of the phrase names, if any."""
        raise NotImplementedError

    def place(self, token: Token) -> Location | None:
        """The place the word names, if the resolver knows places."""
        return None

    def role_noun(self, token: Token) -> bool:
        """Whether the noun names people by role beyond the knowledge's own sectors."""
        return False


class EntityActors(ActorResolver):
    """Actors from the document's resolved entities."""

    def __init__(self, entities: ResolvedEntities) -> None:
        self.entities = entities

    def actor(self, tokens: Sequence[Token]) -> ActorRef | None:
        for token in tokens:
            found = self.entities.actor_at(token.idx, token.idx + len(token.text))
            if found is not None:
                return found
        return None

    def place(self, token: Token) -> Location | None:
        """The place a word names when the actors stage reads it as a location ("to Moscow")."""
        entity = self.entities.at(token.idx, token.idx + len(token.text))
        if entity is None or entity.type != "LOCATION":
            return None
        found = gazetteer_location(entity.name)
        if found is None and entity.country:
            return Location(name=entity.name, country=entity.country)
        return found


def same_actor(first: ActorRef | None, second: ActorRef | None) -> bool:
    if first is None or second is None:
        return False
    if first.entity and second.entity:
        return first.entity == second.entity
    if first.cameo and second.cameo:
        return first.cameo == second.cameo
    return first.name == second.name


class EventActors:
    """What the role finders ask of a resolver, with the knowledge handed in: the actor
    a phrase names (words inside citations and the dateline ignored: "(Reuters, AP,
    June 8-11)", "LONDON, March 3 -"), the
    place a word names, whether a noun names people by role, a country by its code."""

    def __init__(
        self,
        inner: ActorResolver,
        knowledge: ActorKnowledge,
        citations: Sequence[Citation] = (),
        dateline_end: int = 0,
    ) -> None:
        self.inner = inner
        self.knowledge = knowledge
        # Words no party is read from: citations, and the dateline ("NAIROBI, Kenya -"
        # says where the story was filed, not who acted).
        self.ranges = [(c.start, c.end) for c in citations] + [(0, dateline_end)]
        self.memo: dict[str, dict] = {}  # answers about this sentence's words, by question

    def actor(self, tokens: Sequence[Token]) -> ActorRef | None:
        kept = [t for t in tokens if self.readable(t)]
        return self.inner.actor(kept) if kept else None

    def readable(self, token: Token) -> bool:
        """Whether a party may be read from the word: not in a citation or the dateline."""
        return not any(s <= token.idx < e for s, e in self.ranges)

    def place(self, token: Token) -> Location | None:
        return self.inner.place(token)

    def role_noun(self, token: Token) -> bool:
        """A noun naming people by their role: official, minister, troops, delegation."""
        for word in {token.lemma_.lower(), token.lower_}:
            if self.knowledge.sector_of(word) is not None or self.knowledge.title(word):
                return True
        return self.inner.role_noun(token)

    def country(self, code: str):
        return self.knowledge.country(code)
