"""events: who did what to whom, coded in CAMEO and PLOVER (filled by the events issue)."""

from dossier.events.coder import code_events

__all__ = ["code_events"]
