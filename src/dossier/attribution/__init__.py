"""attribution: who the report credits — parenthetical citations and direct quotations."""

from dossier.attribution.citations import find_citations
from dossier.attribution.quotes import find_quotes

__all__ = ["find_citations", "find_quotes"]
