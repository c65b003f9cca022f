"""Objects that installed packages offer through an entry-point group (stages, exporters)."""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import TypeVar

Kind = TypeVar("Kind")


def offered(group: str, kind: type[Kind]) -> list[Kind]:
    """Every object the group's entry points name; one of another type is an error."""
    found = []
    for point in entry_points(group=group):
        value = point.load()
        if not isinstance(value, kind):
            raise TypeError(f"entry point {point.name!r} does not name a dossier {kind.__name__}")
        found.append(value)
    return found
