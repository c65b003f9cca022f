"""One mistake in a corpus file, named by file and line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    @classmethod
    def at(cls, path: Path | str, line: int):
        """A maker of problems at one place: `where = Problem.at(path, 3); where('...')`."""
        return partial(cls, str(path), line)
