"""The article: what ingest hands to the rest of the pipeline."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from dossier.record import Publication


@dataclass(frozen=True)
class Article:
    """One article's body and metadata, before any analysis."""

    text: str
    title: str | None = None
    publication: Publication | None = None
    published: date | None = None
    published_inferred: bool = False
    source_file: str | None = None
    record_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    source_line: int | None = None  # the line of a JSONL record

    @classmethod
    def checked(cls, text: str, where: str, **fields: object) -> Article:
        """An article whose text is checked and cleaned as every way in does it (valid
        Unicode, no NUL, invisible characters removed, not blank, not too long), and
        whose other strings are valid Unicode; an InputError naming `where` otherwise.
        For texts that come from no file (the web's posts)."""
        from dossier.ingest.reading import article_text, unicode_checked  # reads files

        for key, value in fields.items():
            if isinstance(value, str):
                unicode_checked(value, key, where)
        return cls(text=article_text(text, where), **fields)  # type: ignore[arg-type]

    @property
    def place(self) -> str:
        """Where the article was read: 'file:line' for a JSONL record, else the file."""
        name = self.source_file or "<input>"
        return f"{name}:{self.source_line}" if self.source_line else name

    @property
    def doc_id(self) -> str:
        """The record's own id, else one derived from the text: same text, same id."""
        return self.record_id or content_id(self.text)


def content_id(text: str) -> str:
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]
