"""Coding events from a parsed document (filled by the events issue)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from dossier.actors import ResolvedEntities
from dossier.record import Citation, Event, Timex


def code_events(
    doc: Doc,
    entities: ResolvedEntities,
    timexes: list[Timex],
    citations: list[Citation],
    published: date | None,
    doc_id: str,
) -> list[Event]:
    """The events the document reports. Not yet implemented: see the events issue."""
    return []
