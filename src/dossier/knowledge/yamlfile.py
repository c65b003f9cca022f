"""Reading analyst-editable YAML lists with the line number of every entry.

`yaml.safe_load` forgets where things were; an analyst told "entry #312 is wrong"
has to count. These helpers keep the line of each list item so errors say
`people.yaml:1043: ...`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from dossier.errors import KnowledgeError

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Located:
    """One entry of a YAML list, with the file and line it starts on."""

    value: Any
    path: str
    line: int

    def fail(self, problem: str) -> KnowledgeError:
        return KnowledgeError(self.path, self.line, problem)


def yaml_entries(path: Path) -> Iterator[Located]:
    """Each item of the top-level YAML list in `path`, with its line number."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)
    except (OSError, yaml.YAMLError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise KnowledgeError(
            str(path), line + 1 if line is not None else None, str(error).replace("\n", " ")
        ) from None
    if root is None:
        return
    if not isinstance(root, yaml.SequenceNode):
        raise KnowledgeError(
            str(path), root.start_mark.line + 1, "a YAML list of entries is expected"
        )
    constructor = _DatesAsText()
    for node in root.value:
        try:
            value = constructor.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError) as error:
            raise KnowledgeError(str(path), node.start_mark.line + 1, str(error)) from None
        yield Located(value, str(path), node.start_mark.line + 1)


class _DatesAsText(yaml.constructor.SafeConstructor):
    """Keeps 2000-13-01 as text, so `parse_date` can say what is wrong and where."""


_DatesAsText.add_constructor(
    "tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_yaml_str
)


def check_fields(entry: Located, required: set[str], optional: set[str]) -> dict[str, Any]:
    """The entry as a mapping, refusing missing and unknown fields."""
    if not isinstance(entry.value, dict):
        raise entry.fail("a mapping such as {name: ..., ...} is expected")
    missing = required - set(entry.value)
    if missing:
        raise entry.fail(f"missing field(s) {sorted(missing)}")
    unknown = set(entry.value) - required - optional
    if unknown:
        raise entry.fail(
            f"unknown field(s) {sorted(unknown)}; allowed: {sorted(required | optional)}"
        )
    return entry.value


def string_list(entry: Located, value: Any, field: str) -> tuple[str, ...]:
    """A field holding one string or a list of strings."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise entry.fail(f"'{field}' must be a string or a list of strings")


def parse_date(entry: Located, value: Any, *, end: bool) -> date | None:
    """A date written YYYY, YYYY-MM or YYYY-MM-DD; a partial one widens to the period's edge.

    `end=True` reads "2003" as 2003-12-31 (the last day it may still hold), otherwise 2003-01-01.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    parts = text.split("-")
    try:
        numbers = [int(part) for part in parts]
        if len(numbers) == 3:
            return date(*numbers)
        if len(numbers) == 2:
            year, month = numbers
            if not end:
                return date(year, month, 1)
            following = date(year + month // 12, month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        if len(numbers) == 1:
            return date(numbers[0], 12, 31) if end else date(numbers[0], 1, 1)
    except ValueError:
        pass
    raise entry.fail(f"'{text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def word_list(name: str, value: object, path: Path) -> list[str]:
    """A list of words from a mapping file's entry `name`, lower-cased; a clear error
    naming the file and the list otherwise (YAML reads a bare no, yes, on, off as truth
    values)."""
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise KnowledgeError(
            str(path), None, f"'{name}' must be a list of words (quote no, yes, on, off)"
        )
    return [w.lower() for w in value]


def named_lists(path: Path, what: str, names: set[str]) -> dict[str, Any]:
    """A YAML mapping of exactly the named lists (the modality cues, the construction
    words), or a clear error naming the file and what is unknown or missing."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeError(str(path), None, f"cannot read {what}: {error}") from None
    if not isinstance(data, dict):
        raise KnowledgeError(str(path), None, f"a mapping of {what} lists is expected")
    unknown, missing = set(data) - names, names - set(data)
    if unknown or missing:
        raise KnowledgeError(
            str(path), None, f"unknown lists {sorted(unknown)}, missing lists {sorted(missing)}"
        )
    return data
