"""Group spaCy's named-entity mentions into document-level entities.

A surname ("Putin", "Kim") joins the most recent earlier full name that ends with
it, so "Kim" after "Kim Jong-il" is Kim Jong-il even when "Kim Dae Jung" appears
later in the article.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from dossier.record import Entity, EntityType
from dossier.record import Span as TextSpan

NER_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "GPE": "COUNTRY",
    "NORP": "COUNTRY",
    "ORG": "ORGANIZATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "LAW": "AGREEMENT",
}
POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")


@dataclass
class ResolvedEntities:
    """The entities of one document and a way to find the one behind a span."""

    entities: list[Entity] = field(default_factory=list)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping the character range, longest first."""
        best: tuple[int, Entity] | None = None
        for entity in self.entities:
            for mention in entity.mentions:
                if mention.start < end and start < mention.end:
                    length = mention.end - mention.start
                    if best is None or length > best[0]:
                        best = (length, entity)
        return best[1] if best else None

    def by_id(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def resolve_entities(doc: Doc, published: date | None = None) -> ResolvedEntities:
    """Resolve the named-entity mentions of a parsed document to entities."""
    table: dict[tuple[str, str], Entity] = {}
    people: list[Entity] = []
    for span in doc.ents:
        kind = NER_TYPES.get(span.label_)
        if kind is None:
            continue
        name, mention = _clean(span)
        if not name:
            continue
        entity = _person_for_surname(name, people) if kind == "PERSON" else None
        if entity is None:
            entity = table.get((kind, name.lower()))
        if entity is None:
            entity = Entity(id=_entity_id(kind, name), name=name, type=kind)
            table[(kind, name.lower())] = entity
        if kind == "PERSON" and entity in people:
            people.remove(entity)
        if kind == "PERSON":
            people.append(entity)
        entity.mentions.append(mention)
    return ResolvedEntities(list(table.values()))


def _clean(span: Span) -> tuple[str, TextSpan]:
    """The span's text without a leading article or trailing possessive, and its offsets."""
    start, end = span.start_char, span.end_char
    text = span.text
    if span[0].lower_ == "the" and len(span) > 1:
        start = span[1].idx
    for ending in POSSESSIVE_ENDINGS:
        if text.endswith(ending):
            end -= len(ending)
            break
    clean = span.doc.text[start:end].strip()
    return clean, TextSpan(start=start, end=start + len(clean), text=clean)


def _person_for_surname(name: str, people: list[Entity]) -> Entity | None:
    """The most recently mentioned person whose full name ends or starts with this one."""
    for person in reversed(people):
        parts = person.name.split()
        if name == person.name or (len(name.split()) == 1 and name in (parts[0], parts[-1])):
            return person
    return None


def _entity_id(kind: str, name: str) -> str:
    digest = hashlib.sha1(f"{kind}:{name}".encode()).hexdigest()[:10]
    return f"e-{digest}"
