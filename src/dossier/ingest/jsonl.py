"""JSON Lines: one article a line, `text` required; `id`, `title`, `published`,
`url` and `outlet` optional.

A line that cannot be read (malformed JSON, a number too long to convert, nesting
deeper than the parser's recursion limit, a string that is not valid Unicode, a
date with trailing text) is an InputError naming the file and line; the other
lines are read as usual.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime

from dossier.errors import InputError
from dossier.ingest.article import Article
from dossier.ingest.reading import article_text, unicode_checked, visible

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_jsonl(text: str, name: str) -> Iterator[Article | InputError]:
    """Each line's article, or an InputError naming the file and line."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield _article(_parsed(line, where), where, name, number)
        except InputError as error:
            yield error


def _parsed(line: str, where: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"malformed JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise InputError(where, "malformed JSON (nested too deeply to read)") from None
    except ValueError as error:  # Python converts integers of at most 4,300 digits
        limit = f"a number of more than {sys.get_int_max_str_digits():,} digits"
        reason = limit if "digits" in str(error) else str(error)
        raise InputError(where, f"malformed JSON ({reason})") from None


def _article(record: object, where: str, name: str, line: int) -> Article:
    if not isinstance(record, dict):
        raise InputError(where, "a JSON object is expected on each line")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(where, "the record has no 'text' (a non-empty string is required)")
    title = _optional_str(record, "title", where)
    return Article(
        text=article_text(text, where),
        title=visible(title) if title else None,
        published=_published(record.get("published"), where),
        source_file=name,
        record_id=_optional_str(record, "id", where, numbers=True),
        url=_optional_str(record, "url", where),
        outlet=_optional_str(record, "outlet", where),
        source_line=line,
    )


def _optional_str(record: dict, key: str, where: str, numbers: bool = False) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return _unicode(value, key, where) or None
    if numbers and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InputError(where, f"'{key}' must be a string, not {type(value).__name__}")


def _unicode(value: str | None, key: str, where: str) -> str | None:
    return None if value is None else unicode_checked(value, key, where)


def _published(value: object, where: str) -> date | None:
    """The date of 'published': YYYY-MM-DD, alone or starting an ISO date and time."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(where, "'published' must be a date string such as 2000-08-30")
    try:
        if not ISO_DAY.match(value):
            raise ValueError(value)
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise InputError(where, f"'published' is not a date: {value!r} (use YYYY-MM-DD)") from None
