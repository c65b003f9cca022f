"""Finding temporal expressions in a parsed document (filled by the time issue)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from dossier.record import Timex


def find_timexes(doc: Doc, anchor: date | None) -> list[Timex]:
    """The temporal expressions of the document with their resolved ranges.

    Not yet implemented beyond an empty layer: see the time issue.
    """
    return []
