"""The dateline that opens a wire story: "LAGOS, Nigeria (Reuters) -", "NAIROBI —".

It says where the story was filed, not who acts: its words are never an actor's
mention (a capital there is no government: "LONDON, March 3 - Militants attacked ...").
The agents pass still reads its country as the article's (`agents.dateline_country`).
"""

from __future__ import annotations

import re

# "LAGOS, Nigeria (Reuters) -", "NAIROBI —", "Kabul, Afghanistan (AP) --",
# "NEW YORK, March 3 -".
DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Za-z.'’]*(?:[ -][A-Z][A-Za-z.'’]*){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'’]*(?: [A-Z0-9][A-Za-z0-9.'’]*){0,3}))?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:-{1,2}|—|–)\s"
)


def dateline_end(text: str) -> int:
    """Where the text's dateline ends (0: it has none)."""
    match = DATELINE.match(text)
    return match.end() if match else 0


def dateline_places(text: str) -> list[tuple[int, int]]:
    """The (start, end) characters of the dateline's place and region: "LAGOS" and
    "Nigeria" of "LAGOS, Nigeria (Reuters) -". The outlet in brackets is left out: it is
    the story's attribution, read by the reporting pass."""
    match = DATELINE.match(text)
    if match is None:
        return []
    return [match.span(name) for name in ("place", "region") if match.group(name)]
