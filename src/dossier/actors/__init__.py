"""actors: every mention of a person, country, organisation or group, resolved to one entity.

Public function: `resolve_entities(doc, published, knowledge=None)` returns a
`ResolvedEntities` table (`.entities`, `.at`, `.entities_at`, `.actor_at`, `.by_id`).
Knowledge: `default_knowledge()` (the project's files, loaded once per process),
`load_actor_file(path)` (dossier YAML or a PETRARCH/Phoenix dictionary) and
`knowledge_with(paths)` (the defaults plus the files given with `--actors`).
"""

from dossier.actors.resolve import ResolvedEntities, resolve_entities
from dossier.knowledge.actor_files import default_knowledge, knowledge_with, load_actor_file
from dossier.knowledge.actors import ActorKnowledge

__all__ = [
    "ActorKnowledge",
    "ResolvedEntities",
    "default_knowledge",
    "knowledge_with",
    "load_actor_file",
    "resolve_entities",
]
