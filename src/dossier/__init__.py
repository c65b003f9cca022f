"""dossier: sourced, dated, queryable political events from news reports."""

__version__ = "0.1.0"
