"""Which outlets a sentence's events are credited to.

The Monitor (and much digest-style reporting) closes a paragraph, or a run of
sentences, with a citation: "(Reuters, AP, UPI, Russian agencies, June 8-11)". Rule:
a source citation covers the sentences of its paragraph from the previous source
citation in that paragraph (or the paragraph's start) up to and including the sentence
it ends. Sentences after a paragraph's last citation are credited to no outlet.
Paragraphs are separated by blank lines or single line breaks. Cross-references
("see the Monitor, July 28") credit nobody.
"""

from __future__ import annotations

from dossier.record import Citation


def paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def covering_outlets(text: str, start: int, end: int, citations: list[Citation]) -> list[str]:
    """The outlets of the citation that covers the sentence text[start:end]."""
    _, paragraph_end = paragraph_bounds(text, start)
    for citation in sorted(citations, key=lambda c: c.start):
        if citation.kind != "source" or citation.end <= start:
            continue
        if citation.start >= paragraph_end:
            return []
        return _outlets(citation)
    return []


def _outlets(citation: Citation) -> list[str]:
    outlets = list(citation.outlets)
    for part in citation.parts:
        outlets += [o for o in part.outlets if o not in outlets]
    return outlets
