"""Direct quotations and their speakers."""

from __future__ import annotations

from spacy.tokens import Doc

from dossier.actors import ResolvedEntities
from dossier.record import Quote


def find_quotes(doc: Doc, entities: ResolvedEntities) -> list[Quote]:
    return []
