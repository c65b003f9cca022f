"""The publication date of an article that was not given one.

Only a full date in the text ("June 9, 2000", "9 June 2000", "2000-06-09") is
evidence; the latest one is taken, since a report is printed on or after every
day it describes. Without a full date the answer is None: no year is guessed.
"""

from __future__ import annotations

import re
from datetime import date

from dossier.dates import MONTHS, safe_date

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
FULL_DATES = [
    re.compile(
        rf"\b(?P<m>{_MONTH_NAMES})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
        re.I,
    ),
    re.compile(rf"\b(?P<d>[0-3]?\d)\s+(?P<m>{_MONTH_NAMES})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
]


def infer_published(text: str) -> date | None:
    """The latest full calendar date written in the text, or None."""
    found = [day for day in _full_dates(text) if day is not None]
    return max(found) if found else None


def _full_dates(text: str):
    for pattern in FULL_DATES:
        for match in pattern.finditer(text):
            month = match["m"]
            number = int(month) if month.isdigit() else MONTHS[month.lower()]
            yield safe_date(int(match["y"]), number, int(match["d"]))
