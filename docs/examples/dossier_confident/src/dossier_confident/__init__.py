"""An example stage from outside dossier: keep the events coded with confidence.

It requires the `events` layer and assigns `events` (filtered) and the layer
`dropped_events` (how many it removed), so it must run after dossier's events stage.
"""

from __future__ import annotations

from dossier.analysed import AnalysedDocument
from dossier.stages import Stage

MINIMUM = 0.7


def keep_confident(analysed: AnalysedDocument) -> None:
    kept = [e for e in analysed.events if e.confidence is None or e.confidence >= MINIMUM]
    analysed.layers["dropped_events"] = len(analysed.events) - len(kept)
    analysed.events = kept


CONFIDENT_EVENTS = Stage(
    name="confident_events",
    requires=("events",),
    assigns=("events", "dropped_events"),
    run=keep_confident,
)
