"""Every error dossier raises on purpose.

    DossierError
    ├── InputError        a file or record that cannot be read as an article
    ├── ModelError        a spaCy pipeline that is not installed or will not load
    ├── KnowledgeError    a knowledge file (actors, patterns, outlets) that does not load
    └── StoreError        a database that cannot be opened or is not in the expected state
        └── DatabaseBusyError   another process held the file for longer than we wait

Messages are one line and name what was wrong and where.
"""


class DossierError(Exception):
    """Base class of dossier's own errors."""


class InputError(DossierError):
    """An input that cannot be read as an article: names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ModelError(DossierError):
    """A spaCy pipeline that cannot be loaded."""


class KnowledgeError(DossierError):
    """A knowledge file that cannot be loaded: names the file and line."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class StoreError(DossierError):
    """A database that cannot be opened or is not in the expected state."""


class DatabaseBusyError(StoreError):
    """The database file stayed held by another process for longer than a reader (or a
    writer) waits; the message names that process. The web answers it with a 503."""
