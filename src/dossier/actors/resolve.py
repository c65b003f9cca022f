"""Resolve every actor mention of a parsed document to one entity with a CAMEO code.

`resolve_entities(doc, published)` runs the passes of `scan.DocumentResolver` against
the knowledge base (the project's own by default, or one built with
`dossier.knowledge.actor_files.knowledge_with`) and returns a `ResolvedEntities`
table the later stages query by character range.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from dossier.actors.acronyms import resolve_acronyms
from dossier.actors.agents import dominant_country, resolve_agents
from dossier.actors.bare_titles import resolve_bare_titles
from dossier.actors.coref import resolve_pronouns
from dossier.actors.described import resolve_described_people
from dossier.actors.group_coref import resolve_group_references
from dossier.actors.people import resolve_people
from dossier.actors.reporting import reporting_mentions
from dossier.actors.scan import DocumentResolver
from dossier.actors.staff import resolve_staff
from dossier.actors.table import EntityTable
from dossier.actors.titled import (
    resolve_company_countries,
    resolve_titled_countries,
    resolve_untitled_countries,
)
from dossier.knowledge.actor_files import default_knowledge
from dossier.knowledge.actors import ActorKnowledge
from dossier.record import ActorRef, Entity
from dossier.record import Span as TextSpan

ACTOR_TYPES = frozenset({"PERSON", "COUNTRY", "ORGANIZATION"})


@dataclass
class ResolvedEntities:
    """The entities of one document and a way to find the one behind a span."""

    entities: list[Entity] = field(default_factory=list)
    # (start, end) of the outlet mentions that only report ("Reuters said", "(Reuters)"):
    # the entity keeps them, but they name no actor (`dossier.actors.reporting`)
    reporting: frozenset[tuple[int, int]] = frozenset()
    _index: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping the character range, longest mention first."""
        found = self._overlapping(start, end)
        return found[0][1] if found else None

    def entities_at(self, start: int, end: int) -> list[Entity]:
        """Every entity with a mention overlapping the range ("the two men" names two)."""
        seen: list[Entity] = []
        for _, entity, _ in self._overlapping(start, end):
            if entity not in seen:
                seen.append(entity)
        return seen

    def actor_at(self, start: int, end: int) -> ActorRef | None:
        """The actor (person, country, organisation, or a region with its CAMEO code:
        "Europe retaliated", "the West imposed sanctions") a mention in the range names,
        for events; none where an outlet only reports. A city is a place, never an actor."""
        for _, entity, mention in self._overlapping(start, end):
            if (mention.start, mention.end) in self.reporting:
                return None
            if entity.type in ACTOR_TYPES or _region(entity):
                return ActorRef(
                    entity=entity.id,
                    name=entity.name,
                    text=mention.text,
                    country=entity.country,
                    cameo=entity.cameo,
                    country_inferred=entity.country_inferred,
                )
        return None

    def by_id(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def _overlapping(self, start: int, end: int) -> list[tuple[int, Entity, TextSpan]]:
        """Mentions overlapping the range, longest first (then in entity order)."""
        starts, mentions, longest = self._by_start()
        last = bisect_left(starts, end)  # mentions starting before the range ends
        first = bisect_left(starts, start - longest, hi=last)
        found = [
            (order, mention.end - mention.start, entity, mention)
            for order, entity, mention in mentions[first:last]
            if start < mention.end
        ]
        found.sort(key=lambda item: (-item[1], item[0]))
        return [(length, entity, mention) for _, length, entity, mention in found]

    def _by_start(self) -> tuple[list[int], list[tuple[int, Entity, TextSpan]], int]:
        """The mentions sorted by start, built on first use (and again if entities were
        added since): the events stage asks for the actor behind every candidate word."""
        key = len(self.entities)
        if self._index is None or self._index[0] != key:
            listed = [
                (mention.start, order, entity, mention)
                for order, entity in enumerate(self.entities)
                for mention in entity.mentions
            ]
            listed.sort(key=lambda item: (item[0], item[1]))
            longest = max((m.end - m.start for _, _, _, m in listed), default=0)
            starts = [item[0] for item in listed]
            self._index = (key, starts, [(o, e, m) for _, o, e, m in listed], longest)
        _, starts, mentions, longest = self._index
        return starts, mentions, longest


def _region(entity: Entity) -> bool:
    """A region the knowledge codes ("Europe" EUR, "the West" WST): a place with a code
    and no country of its own."""
    return entity.type == "LOCATION" and bool(entity.cameo) and not entity.country


def run_passes(resolver: DocumentResolver) -> EntityTable:
    """The resolver's passes in order. Kept here, not in `scan`, so that scan, people
    and coref import one another only for types: no import circle."""
    resolver.pairs()
    resolve_people(resolver)
    resolver.offices()
    resolver.groups()
    resolver.known_names()
    resolver.leftover_ner()
    resolve_acronyms(resolver)
    resolve_titled_countries(resolver)
    resolve_untitled_countries(resolver)
    resolve_bare_titles(resolver)
    resolve_staff(resolver)
    resolve_agents(resolver)
    resolve_described_people(resolver)
    resolve_company_countries(resolver)
    resolve_pronouns(resolver)
    resolve_group_references(resolver, dominant_country(resolver))
    return resolver.table


def resolve_entities(
    doc: Doc, published: date | None = None, knowledge: ActorKnowledge | None = None
) -> ResolvedEntities:
    """Resolve the actor mentions of a parsed document, as known on its publication day."""
    resolver = DocumentResolver(doc, knowledge or default_knowledge(), published)
    table = run_passes(resolver)
    return ResolvedEntities(table.entities(), reporting_mentions(resolver))
