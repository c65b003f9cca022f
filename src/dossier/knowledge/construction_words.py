"""Construction words, loaded from `data/construction_words.yaml` (format in the file).

Which construction each list belongs to, and where in the parse it is looked for, is
the events stage's business (`dossier.events.readings`); which words count is this
file's, so an analyst can add a harm verb or a labour word without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

import yaml

from dossier.errors import KnowledgeError
from dossier.knowledge.yamlfile import word_list

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
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeError(str(path), None, f"cannot read construction words: {error}") from None
    if not isinstance(data, dict):
        raise KnowledgeError(str(path), None, "a mapping of word lists is expected")
    unknown, missing = set(data) - set(LISTS), set(LISTS) - set(data)
    if unknown or missing:
        raise KnowledgeError(
            str(path), None, f"unknown lists {sorted(unknown)}, missing lists {sorted(missing)}"
        )
    return ConstructionWords(
        **{name: frozenset(word_list(name, data[name], path)) for name in LISTS}
    )


@cache
def default_construction_words() -> ConstructionWords:
    return load_construction_words()
