"""What one annotated sentence holds, with spans found in its text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from dossier.record import Modality

MODALITIES = get_args(Modality)  # the values the record allows, in its order


@dataclass(frozen=True)
class Span:
    """Characters `start`..`end` of the sentence (not of the story)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CorpusEvent:
    trigger: Span
    cameo: str
    plover: str | None
    source: Span | None
    target: Span | None
    modality: str
    date: Span | None = None
    source_ref: str | None = None
    target_ref: str | None = None
    content_of: int | None = None
    note: str | None = None

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True)
class CorpusSentence:
    id: str
    story: str
    published: str
    text: str
    path: str
    line: int
    start: int = 0
    events: tuple[CorpusEvent, ...] | None = None
    annotator: str | None = None
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def annotated(self) -> bool:
        return self.events is not None
