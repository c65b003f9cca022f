"""Read corpus files: one JSON object a line, spans given as words and found here.

A span's words must occur in the sentence; where they occur more than once the
annotation names the occurrence (`trigger_at`, `source_at`, `target_at`, counted from
0). Whatever cannot be read becomes a `Problem`, never an exception, so one pass
reports every mistake in a file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from dossier.corpus.model import CorpusEvent, CorpusSentence, Span
from dossier.corpus.problems import Problem

SPAN_FIELDS = ("trigger", "source", "target", "date")


def read_corpus(root: Path) -> tuple[list[CorpusSentence], list[Problem]]:
    """Every sentence of every `*.jsonl` file under `root`, in path order."""
    sentences: list[CorpusSentence] = []
    problems: list[Problem] = []
    for path in sorted(root.rglob("*.jsonl")):
        found, wrong = read_story_file(path)
        sentences += found
        problems += wrong
    return sentences, problems


def read_story_file(path: Path) -> tuple[list[CorpusSentence], list[Problem]]:
    sentences: list[CorpusSentence] = []
    problems: list[Problem] = []
    for number, line in _lines(path):
        where = Problem.at(path, number)
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(where(f"not JSON: {error.msg}"))
            continue
        sentence = _sentence(raw, path, number, problems)
        if sentence is not None:
            sentences.append(sentence)
    return sentences, problems


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            yield number, line


def _sentence(raw: object, path: Path, number: int, problems: list[Problem]):
    where = Problem.at(path, number)
    if not isinstance(raw, dict):
        problems.append(where("a line must be a JSON object"))
        return None
    missing = [key for key in ("id", "story", "text") if not isinstance(raw.get(key), str)]
    if missing:
        problems.append(where(f"missing or not text: {', '.join(missing)}"))
        return None
    events = raw.get("events")
    parsed: tuple[CorpusEvent, ...] | None = None
    if events is not None:
        if not isinstance(events, list):
            problems.append(where("events must be a list (or null: not annotated yet)"))
            return None
        parsed = tuple(
            event
            for index, item in enumerate(events)
            if (event := _event(item, raw["text"], where, index, problems)) is not None
        )
    known = {"id", "story", "published", "start", "text", "events", "annotator"}
    return CorpusSentence(
        id=raw["id"],
        story=raw["story"],
        published=str(raw.get("published") or ""),
        text=raw["text"],
        path=str(path),
        line=number,
        start=int(raw.get("start") or 0),
        events=parsed,
        annotator=raw.get("annotator"),
        extra={key: value for key, value in raw.items() if key not in known},
    )


def _event(item: object, text: str, where, index: int, problems: list[Problem]):
    label = f"event {index}"
    if not isinstance(item, dict):
        problems.append(where(f"{label}: must be an object"))
        return None
    spans: dict[str, Span | None] = {}
    for name in SPAN_FIELDS:
        words = item.get(name)
        if words is None:
            spans[name] = None
            continue
        span = find_span(text, str(words), item.get(f"{name}_at", 0))
        if isinstance(span, str):
            problems.append(where(f"{label}: {name} {words!r} {span}"))
            return None
        spans[name] = span
    if spans["trigger"] is None:
        problems.append(where(f"{label}: trigger is required"))
        return None
    return CorpusEvent(
        trigger=spans["trigger"],
        cameo=str(item.get("cameo", "")),
        plover=item.get("plover"),
        source=spans["source"],
        target=spans["target"],
        modality=str(item.get("modality", "")),
        date=spans["date"],
        source_ref=item.get("source_ref"),
        target_ref=item.get("target_ref"),
        content_of=item.get("content_of"),
        note=item.get("note"),
    )


def find_span(text: str, words: str, occurrence: object = 0) -> Span | str:
    """The `occurrence`-th place `words` stand in `text` as whole words, or why not."""
    if not words.strip():
        return "is empty"
    if not isinstance(occurrence, int) or occurrence < 0:
        return "has an occurrence that is not a whole number"
    pattern = r"(?<!\w)" + re.escape(words) + r"(?!\w)"
    starts = [match.start() for match in re.finditer(pattern, text)]
    if not starts:
        return "is not in the sentence (as whole words)"
    if occurrence >= len(starts):
        return f"occurs {len(starts)} time(s), not {occurrence + 1}"
    start = starts[occurrence]
    return Span(words, start, start + len(words))
