"""An example plug-in from outside dossier: a stage that keeps the events coded with
confidence, and an export format ("brief") of one short line per event.

It requires the `events` layer and assigns `events` (filtered) and the layer
`dropped_events` (how many it removed), so it must run after dossier's events stage.
"""

from __future__ import annotations

from dossier.analysed import AnalysedDocument
from dossier.export import ExportResult, text_exporter
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


def _brief_lines(events, stream) -> ExportResult:
    """One line per event: date, source, CAMEO code, target, the sentence's words."""
    written = 0
    for event in events:
        cells = [event.get(k) or "" for k in ("date_start", "source_name", "cameo_code")]
        cells += [event.get("target_name") or "", (event.get("sentence") or "").strip()]
        stream.write("\t".join(str(c).replace("\t", " ") for c in cells) + "\n")
        written += 1
    return ExportResult(written)


BRIEF_EXPORTER = text_exporter("brief", "date, source, code, target, sentence", _brief_lines)
