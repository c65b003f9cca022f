"""Modality cues, loaded from `data/modality_cues.yaml` (format described in the file).

Where each list is looked for in the dependency tree is the events stage's business
(`dossier.events.modality`); which words count is this file's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import get_args

from dossier.errors import KnowledgeError
from dossier.knowledge.yamlfile import named_lists, word_list
from dossier.record import Modality

DATA_DIR = Path(__file__).parent / "data"
MODALITIES = frozenset(get_args(Modality)) - {"asserted"}
CUE_TABLES = ("auxiliaries", "adverbs", "predicates", "noun_modifiers", "governing_nouns")
WORD_LISTS = (
    "occurrence_verbs",
    "evidence_nouns",
    "happening_verbs",
    "conditional_markers",
    "reporting_verbs",
    "distant_speakers",
    "dismissing_verbs",
)


@dataclass(frozen=True)
class ModalityCues:
    auxiliaries: dict[str, Modality]
    adverbs: dict[str, Modality]
    predicates: dict[str, Modality]
    noun_modifiers: dict[str, Modality]
    governing_nouns: dict[str, Modality]
    occurrence_verbs: frozenset[str]
    evidence_nouns: frozenset[str]
    happening_verbs: frozenset[str]
    conditional_markers: frozenset[str]
    reporting_verbs: frozenset[str]
    distant_speakers: frozenset[str]
    dismissing_verbs: frozenset[str]


def load_modality_cues(path: Path | None = None) -> ModalityCues:
    """The cue lists of a file (dossier's own by default), checked list by list."""
    path = path or DATA_DIR / "modality_cues.yaml"
    data = named_lists(path, "modality cue", set(CUE_TABLES) | set(WORD_LISTS))
    tables = {name: _table(name, data[name], path) for name in CUE_TABLES}
    lists = {name: frozenset(word_list(name, data[name], path)) for name in WORD_LISTS}
    return ModalityCues(**tables, **lists)


def _table(name: str, value: object, path: Path) -> dict[str, Modality]:
    if not isinstance(value, dict):
        raise KnowledgeError(str(path), None, f"'{name}' maps modalities to word lists")
    table: dict[str, Modality] = {}
    for modality, words in value.items():
        if modality not in MODALITIES:
            raise KnowledgeError(
                str(path), None, f"'{name}': {modality!r} is not one of {sorted(MODALITIES)}"
            )
        for word in word_list(f"{name}.{modality}", words, path):
            table[word] = modality
    return table


@cache
def default_modality_cues() -> ModalityCues:
    return load_modality_cues()
