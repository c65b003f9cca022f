"""Construction words, loaded from `data/construction_words.yaml` (format in the file).

Which construction each list belongs to, and where in the parse it is looked for, is
the events stage's business (`dossier.events.readings`); which words count is this
file's, so an analyst can add a harm verb or a labour word without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

from dossier.knowledge.yamlfile import named_lists, word_list

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class ConstructionWords:
    harm_verbs: frozenset[str]
    dying_verbs: frozenset[str]
    telling_verbs: frozenset[str]
    suffered_nouns: frozenset[str]
    launching_verbs: frozenset[str]
    hostile_purposes: frozenset[str]
    force_doers: frozenset[str]
    labour_words: frozenset[str]


LISTS = tuple(f.name for f in fields(ConstructionWords))


def load_construction_words(path: Path | None = None) -> ConstructionWords:
    """The word lists of a file (dossier's own by default), each checked."""
    path = path or DATA_DIR / "construction_words.yaml"
    data = named_lists(path, "construction word", set(LISTS))
    return ConstructionWords(
        **{name: frozenset(word_list(name, data[name], path)) for name in LISTS}
    )


@cache
def default_construction_words() -> ConstructionWords:
    return load_construction_words()
