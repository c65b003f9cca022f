"""The knowledge files a user adds with `--actors FILE` and `--verbs FILE`.

Each is added to the project's own knowledge, never in place of it; later files win
where they define the same actor, and add patterns for the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dossier.knowledge.actor_files import default_knowledge, knowledge_with
from dossier.knowledge.actors import ActorKnowledge
from dossier.knowledge.event_patterns import (
    PatternBook,
    default_event_patterns,
    load_event_patterns,
)
from dossier.knowledge.petrarch_verbs import load_verb_file

DOSSIER_PATTERN_SUFFIXES = {".yaml", ".yml"}


def actor_knowledge(paths: Sequence[Path]) -> ActorKnowledge:
    """The project's actors plus the given files (dossier YAML or PETRARCH/Phoenix)."""
    return knowledge_with(paths) if paths else default_knowledge()


def event_patterns(paths: Sequence[Path]) -> PatternBook:
    """The project's event patterns plus the given files (dossier YAML or PETRARCH-2 verbs)."""
    book = default_event_patterns()
    for path in map(Path, paths):
        if path.suffix.lower() in DOSSIER_PATTERN_SUFFIXES:
            book = book.merged(load_event_patterns(path))
        else:
            book = book.merged(load_verb_file(path))
    return book
