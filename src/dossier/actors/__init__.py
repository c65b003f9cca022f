"""actors: every mention of a person, country, organisation or group, resolved to one entity.

Public function: `resolve_entities(doc, published)` returns a `ResolvedEntities` table.
"""

from dossier.actors.resolve import ResolvedEntities, resolve_entities

__all__ = ["ResolvedEntities", "resolve_entities"]
