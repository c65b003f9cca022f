"""Finding the entity behind words of a test sentence (shared by the actors tests)."""

from __future__ import annotations

from dossier.actors import ResolvedEntities
from dossier.record import Entity


def entity_of(resolved: ResolvedEntities, text: str, words: str, nth: int = 0) -> Entity | None:
    """The entity of the `nth` occurrence of `words` in `text` (from 0)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return resolved.at(start, start + len(words))
