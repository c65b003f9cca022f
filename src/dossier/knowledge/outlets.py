"""News outlets: the names citations credit, loaded from `data/outlets.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from dossier.errors import KnowledgeError

DATA_DIR = Path(__file__).parent / "data"
OUTLETS_SOURCE = "outlets.yaml"  # the `source` of the actors made from outlets
OUTLET_KINDS = {"agency", "newspaper", "broadcaster", "magazine", "newsletter", "website"}

# Outlets named by kind rather than by name: "Russian agencies", "Japanese press",
# "Western news reports". Kept as written, since that is all the text says.
GENERIC_OUTLET = re.compile(
    r"^(?:[A-Z][\w.-]+\s+){1,3}(?:news\s+|wire\s+)?"
    r"(?:agencies|agency|media|press|reports|newspapers|papers|television|TV|radio|sources|wires)$"
)


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str
    country: str | None = None
    full_name: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class OutletBook:
    """Outlets by every name they go by, case-insensitively."""

    outlets: tuple[Outlet, ...]

    def lookup(self, text: str) -> Outlet | None:
        return self._index().get(_key(text))

    def canonical(self, text: str) -> str | None:
        """The outlet's citation name, the words as written for a generic outlet, else None."""
        outlet = self.lookup(text)
        if outlet is not None:
            return outlet.name
        return text.strip() if GENERIC_OUTLET.match(text.strip()) else None

    @cache  # noqa: B019 - the book is immutable and lives for the process
    def _index(self) -> dict[str, Outlet]:
        index: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for name in (outlet.name, outlet.full_name, *outlet.aliases):
                if name:
                    index[_key(name)] = outlet
        return index


def _key(text: str) -> str:
    key = " ".join(text.split()).lower()
    return key[4:] if key.startswith("the ") else key


def load_outlets(path: Path | None = None) -> OutletBook:
    """Outlets from a YAML file (the project's own by default), checked entry by entry."""
    path = path or DATA_DIR / OUTLETS_SOURCE
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as error:
        raise KnowledgeError(str(path), None, f"cannot read outlets: {error}") from None
    if not isinstance(entries, list):
        raise KnowledgeError(str(path), None, "a list of outlets is expected")
    return OutletBook(tuple(_outlet(entry, path, n) for n, entry in enumerate(entries, 1)))


def _outlet(entry: object, path: Path, number: int) -> Outlet:
    def fail(problem: str) -> KnowledgeError:
        return KnowledgeError(str(path), None, f"outlet #{number}: {problem}")

    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise fail("each outlet needs a 'name'")
    unknown = set(entry) - {"name", "kind", "country", "full_name", "aliases"}
    if unknown:
        raise fail(f"unknown fields {sorted(unknown)}")
    if entry.get("kind") not in OUTLET_KINDS:
        raise fail(f"'kind' must be one of {sorted(OUTLET_KINDS)}")
    return Outlet(
        name=entry["name"],
        kind=entry["kind"],
        country=entry.get("country"),
        full_name=entry.get("full_name"),
        aliases=tuple(entry.get("aliases") or ()),
    )


@cache
def default_outlets() -> OutletBook:
    return load_outlets()
