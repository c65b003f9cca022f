"""Event patterns: trigger words with their CAMEO code and where the actors are found.

Loaded from `data/event_patterns.yaml` (dossier's own, analyst-editable; the format is
described at the top of that file) or imported from a PETRARCH-2 verb dictionary by
`dossier.knowledge.petrarch_verbs`. Both give the same `PatternBook`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

import yaml

from dossier.errors import KnowledgeError
from dossier.knowledge.codebook import default_codebook

DATA_DIR = Path(__file__).parent / "data"
TriggerPos = Literal["verb", "noun"]
NAMED_ROLES = frozenset(
    {
        "subject",
        "object",
        "dative",
        "agent",
        "possessor",
        "modifier",
        "light_subject",
        "owner",
        "between",
        "any_prep",
        "clause_subject",
        "clause_doer",
        "destination",
        "object_phrase",
        "governing_subject",
    }
)
DEFAULT_SOURCE: dict[str, tuple[str, ...]] = {
    "verb": ("subject", "agent"),
    "noun": ("possessor", "agent", "modifier", "light_subject"),
}
DEFAULT_TARGET: dict[str, tuple[str, ...]] = {"verb": ("object",), "noun": ()}
ENTRY_KEYS = frozenset(
    {
        "code",
        "verbs",
        "nouns",
        "source",
        "target",
        "symmetric",
        "reciprocal",
        "requires_target",
        "nested",
        "negated_only",
        "when",
    }
)
WORD = re.compile(r"^[a-z][a-z'-]*$")


@dataclass(frozen=True)
class WordSlot:
    """Words that must appear in one place around the trigger, each an alternative set.

    `place` is "object" (the trigger's object phrase), "before" (words left of the
    trigger in its clause), "description" (what a verb of naming calls its object:
    "called the vote *illegal*") or a preposition ("with": the phrase it heads).
    `marks` says which actor that phrase supplies when the pattern says so.
    """

    place: str
    words: tuple[frozenset[str], ...] = ()
    marks: Literal["source", "target"] | None = None


@dataclass(frozen=True)
class Refinement:
    code: str | None  # None: these words make it no event ("met its quota")
    slots: tuple[WordSlot, ...]
    reciprocal: str | None = None
    # the subject is the target and the source follows the verb: PETRARCH's
    # "- + * MONEY $ [071]" ("Eriador received money from Osgiliath")
    swapped: bool = False

    @property
    def weight(self) -> int:
        """How specific the refinement is: its words, a run of words counting each
        ("austrian gold florin" outweighs "florin")."""
        return sum(
            max(sum(max(len(w.split()) for w in alt) for alt in slot.words if alt), 1)
            for slot in self.slots
        )


@dataclass(frozen=True)
class TriggerPattern:
    lemma: str
    pos: TriggerPos
    code: str | None
    extra: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    symmetric: bool = False
    reciprocal: str | None = None
    requires_target: bool = True
    nested: bool = True
    negated_only: bool = False  # an event only when told as not done: silence (011)
    refinements: tuple[Refinement, ...] = ()
    origin: str = ""


@dataclass
class PatternBook:
    """Trigger patterns by part of speech and lemma."""

    patterns: dict[tuple[TriggerPos, str], list[TriggerPattern]] = field(default_factory=dict)

    def add(self, pattern: TriggerPattern) -> None:
        self.patterns.setdefault((pattern.pos, pattern.lemma), []).append(pattern)

    def lookup(self, pos: TriggerPos, lemma: str) -> list[TriggerPattern]:
        return self.patterns.get((pos, lemma), [])

    def merged(self, other: PatternBook) -> PatternBook:
        """A book with this one's patterns, then the other's for the same words."""
        book = PatternBook({key: list(value) for key, value in self.patterns.items()})
        for patterns in other.patterns.values():
            for pattern in patterns:
                book.add(pattern)
        return book

    def __len__(self) -> int:
        return sum(len(patterns) for patterns in self.patterns.values())


def load_event_patterns(path: Path | None = None) -> PatternBook:
    """Patterns from a dossier pattern file (the project's own by default)."""
    path = path or DATA_DIR / "event_patterns.yaml"
    try:
        text = path.read_text(encoding="utf-8")
        entries = yaml.compose(text)
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeError(str(path), None, f"cannot read patterns: {error}") from None
    if entries is None or not isinstance(entries, yaml.SequenceNode):
        raise KnowledgeError(str(path), None, "a list of patterns is expected")
    book = PatternBook()
    for node in entries.value:
        line = node.start_mark.line + 1
        entry = yaml.safe_load(yaml.serialize(node))
        for pattern in _patterns(entry, f"{path.name}:{line}", path, line):
            book.add(pattern)
    return book


def _patterns(entry: object, origin: str, path: Path, line: int) -> Iterable[TriggerPattern]:
    def fail(problem: str) -> KnowledgeError:
        return KnowledgeError(str(path), line, problem)

    if not isinstance(entry, dict):
        raise fail("each pattern is a mapping with 'code' and 'verbs' or 'nouns'")
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        raise fail(f"unknown fields {sorted(map(str, unknown))}")
    refinements = tuple(_refinement(item, fail) for item in entry.get("when") or ())
    if "code" not in entry:
        raise fail("a pattern needs a 'code' (null: it codes only where a 'when' says)")
    code = None if entry["code"] is None else _code(entry["code"], fail)
    if code is None and not refinements:
        # with only `code: null` items it says where there is no event ("stood in the
        # by-election"), which overrides the tagger; with none it would say nothing
        raise fail("a pattern with 'code: null' needs a 'when': a code, or no event")
    reciprocal = _code(entry["reciprocal"], fail) if "reciprocal" in entry else None
    phrases = [("verb", p) for p in _words(entry, "verbs", fail)]
    phrases += [("noun", p) for p in _words(entry, "nouns", fail)]
    if not phrases:
        raise fail("a pattern needs 'verbs' or 'nouns'")
    for pos, phrase in phrases:
        words = phrase.split()
        lemma, extra = (words[0], words[1:]) if pos == "verb" else (words[-1], words[:-1])
        yield TriggerPattern(
            lemma=lemma,
            pos=pos,
            code=code,
            extra=tuple(extra),
            source=_roles(entry, "source", DEFAULT_SOURCE[pos], fail),
            target=_roles(entry, "target", DEFAULT_TARGET[pos], fail),
            symmetric=_flag(entry, "symmetric", False, fail),
            reciprocal=reciprocal,
            requires_target=_flag(entry, "requires_target", True, fail),
            nested=_flag(entry, "nested", True, fail),
            negated_only=_flag(entry, "negated_only", False, fail),
            refinements=refinements,
            origin=origin,
        )


def _code(value: object, fail) -> str:
    if not isinstance(value, str) or value not in default_codebook():
        raise fail(f'code {value!r} is not a CAMEO code (write it quoted: "040")')
    return value


def _words(entry: dict, key: str, fail) -> list[str]:
    values = entry.get(key) or []
    if not isinstance(values, list):
        raise fail(f"'{key}' must be a list")
    for value in values:
        if not isinstance(value, str) or not all(WORD.match(w) for w in value.split()):
            raise fail(f"'{key}' entry {value!r} must be lower-case words")
    return values


def _roles(entry: dict, key: str, default: tuple[str, ...], fail) -> tuple[str, ...]:
    values = entry.get(key)
    if values is None:
        return default
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise fail(f"'{key}' must be a list of roles (write the preposition on quoted: \"on\")")
    for role in values:
        if role not in NAMED_ROLES and not WORD.match(role):
            raise fail(f"unknown role {role!r} in '{key}'")
    return tuple(values)


def _flag(entry: dict, key: str, default: bool, fail) -> bool:
    value = entry.get(key, default)
    if not isinstance(value, bool):
        raise fail(f"'{key}' must be true or false")
    return value


def _refinement(item: object, fail) -> Refinement:
    if not isinstance(item, dict) or "code" not in item or len(item) < 2:
        raise fail("each 'when' item needs a 'code' and a place with its words")
    slots = []
    for place, words in item.items():
        if place == "code":
            continue
        if not isinstance(place, str) or not isinstance(words, list) or not words:
            raise fail(f"'when' place {place!r} needs a list of words (quote \"on\")")
        slots.append(WordSlot(place, (frozenset(str(w).lower() for w in words),)))
    code = None if item["code"] is None else _code(item["code"], fail)
    return Refinement(code, tuple(slots))


@cache
def default_event_patterns() -> PatternBook:
    return load_event_patterns()
