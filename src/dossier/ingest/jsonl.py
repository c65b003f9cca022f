"""JSON Lines: one article a line, `text` required; `id`, `title`, `published`,
`url` and `outlet` optional."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from dossier.errors import InputError
from dossier.ingest.article import Article


def read_jsonl(text: str, name: str) -> Iterator[Article | InputError]:
    """Each line's article, or an InputError naming the file and line."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield _article(json.loads(line), where, name)
        except json.JSONDecodeError as error:
            yield InputError(where, f"malformed JSON ({error.msg} at column {error.colno})")
        except InputError as error:
            yield error


def _article(record: object, where: str, name: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(where, "a JSON object is expected on each line")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "the record has no 'text' (a non-empty string is required)")
    return Article(
        text=text.strip(),
        title=_optional_str(record, "title", where),
        published=_published(record.get("published"), where),
        source_file=name,
        record_id=_optional_str(record, "id", where, numbers=True),
        url=_optional_str(record, "url", where),
        outlet=_optional_str(record, "outlet", where),
    )


def _optional_str(record: dict, key: str, where: str, numbers: bool = False) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    if numbers and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InputError(where, f"'{key}' must be a string, not {type(value).__name__}")


def _published(value: object, where: str) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(where, "'published' must be a date string such as 2000-08-30")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(where, f"'published' is not a date: {value!r} (use YYYY-MM-DD)") from None
