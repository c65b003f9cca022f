"""HTML pages: the main text and metadata, extracted with trafilatura."""

from __future__ import annotations

from datetime import date

import trafilatura

from dossier.errors import InputError


def read_html(html: str, name: str) -> tuple[str, str | None, date | None, str | None]:
    """The page's main text, title, date and site name; an InputError when it has no text."""
    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if not text or not text.strip():
        raise InputError(name, "HTML page has no main text that could be extracted")
    metadata = trafilatura.extract_metadata(html)
    title = getattr(metadata, "title", None) if metadata else None
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()  # the headline is the title, not body text
    sitename = getattr(metadata, "sitename", None) if metadata else None
    return text, title, _iso_date(getattr(metadata, "date", None) if metadata else None), sitename


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
