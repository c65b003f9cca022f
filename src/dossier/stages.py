"""Stages: named steps that read layers of an `AnalysedDocument` and assign others.

A stage declares what it requires and what it assigns, like a spaCy component; the
pipeline is built from stage names and checked once, when it is built: every layer a
stage requires is given (article, doc, published, knowledge) or assigned by an earlier
stage. A user's package adds a stage without editing dossier, by `register_stage` or
through the entry-point group `dossier.stages` (the entry point names a `Stage`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dossier.analysed import GIVEN, AnalysedDocument
from dossier.errors import DossierError
from dossier.plugins import offered

ENTRY_POINT_GROUP = "dossier.stages"


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[AnalysedDocument], None]


class StageOrderError(DossierError):
    """A pipeline whose stages need what no earlier stage gives."""


_REGISTRY: dict[str, Stage] = {}


def register_stage(
    name: str, requires: Sequence[str] = (), assigns: Sequence[str] = ()
) -> Callable[[Callable[[AnalysedDocument], None]], Callable[[AnalysedDocument], None]]:
    """Register a function of one `AnalysedDocument` as a stage (a decorator)."""

    def add(run: Callable[[AnalysedDocument], None]) -> Callable[[AnalysedDocument], None]:
        _REGISTRY[name] = Stage(name, tuple(requires), tuple(assigns), run)
        return run

    return add


def registered_stages() -> dict[str, Stage]:
    """dossier's own stages, those registered in this process and those of installed
    packages' `dossier.stages` entry points."""
    import dossier.builtin_stages  # noqa: F401  (registers dossier's own stages)

    stages = dict(_REGISTRY)
    for stage in offered(ENTRY_POINT_GROUP, Stage):
        stages.setdefault(stage.name, stage)
    return stages


def build_stages(names: Sequence[str]) -> list[Stage]:
    """The named stages in order, checked: an unknown name or a missing layer fails here."""
    known = registered_stages()
    unknown = [name for name in names if name not in known]
    if unknown:
        choices = ", ".join(sorted(known))
        raise StageOrderError(f"unknown stage {unknown[0]!r}; registered: {choices}")
    available = set(GIVEN)
    stages = []
    for name in names:
        stage = known[name]
        missing = [layer for layer in stage.requires if layer not in available]
        if missing:
            raise StageOrderError(
                f"stage {name!r} requires {', '.join(missing)}, which no earlier stage assigns"
            )
        available |= set(stage.assigns)
        stages.append(stage)
    return stages
