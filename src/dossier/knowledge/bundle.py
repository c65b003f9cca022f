"""All the knowledge the analysis stages use, as one value built once and handed in.

`Knowledge.build()` is the project's own files plus the user's (`--actors`, `--verbs`);
the trained trigger tagger travels with it. Every stage reads what it needs from the
value it is given and never fetches defaults itself, so two pipelines with different
knowledge can run in one process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dossier.events.arguments import ArgumentModel, default_argument_model
from dossier.events.codes import CodeModel, default_code_model
from dossier.events.learned import MODEL_DIR, TriggerTagger, default_trigger_tagger
from dossier.knowledge.actors import ActorKnowledge
from dossier.knowledge.codebook import Codebook, default_codebook
from dossier.knowledge.construction_words import ConstructionWords, default_construction_words
from dossier.knowledge.event_patterns import PatternBook
from dossier.knowledge.modality_cues import ModalityCues, default_modality_cues
from dossier.knowledge.outlets import OutletBook, default_outlets
from dossier.knowledge.user_files import actor_knowledge, event_patterns


@dataclass(frozen=True)
class Knowledge:
    actors: ActorKnowledge
    patterns: PatternBook
    codebook: Codebook
    outlets: OutletBook
    modality: ModalityCues
    constructions: ConstructionWords  # the words of the parse readings (events.readings)
    tagger: TriggerTagger | None = None  # the learned trigger tagger, when used
    arguments: ArgumentModel | None = None  # the learned argument finder, with the tagger
    codes: CodeModel | None = None  # the learned code under a tagged root, with the tagger

    @classmethod
    def build(
        cls, actors: Sequence[Path] = (), verbs: Sequence[Path] = (), learned: bool = True
    ) -> Knowledge:
        """The project's knowledge plus the given actor and verb files; with `learned`,
        the trigger tagger shipped in the package (when it is there)."""
        return cls(
            actors=actor_knowledge(actors),
            patterns=event_patterns(verbs),
            codebook=default_codebook(),
            outlets=default_outlets(),
            modality=default_modality_cues(),
            constructions=default_construction_words(),
            tagger=default_trigger_tagger() if learned and MODEL_DIR.is_dir() else None,
            arguments=default_argument_model() if learned else None,
            codes=default_code_model() if learned else None,
        )

    def with_patterns(self, patterns: PatternBook) -> Knowledge:
        return replace(self, patterns=patterns)
