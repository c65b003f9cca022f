"""Named schema migrations, applied once each and recorded in the `migrations` table.

A migration is a function decorated with `@migration("NNN_what_it_does")`. They run in
name order, each inside its own transaction together with the row that records it, so a
database is always at a known, named version: the last row of `migrations`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

Connection = duckdb.DuckDBPyConnection
MigrationFunction = Callable[[Connection], None]


@dataclass(frozen=True)
class Migration:
    name: str
    apply: MigrationFunction


MIGRATIONS: dict[str, Migration] = {}

_LEDGER = """
CREATE TABLE IF NOT EXISTS migrations (
    name VARCHAR PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
)
"""


def migration(name: str) -> Callable[[MigrationFunction], MigrationFunction]:
    """Register a schema change under a unique name; names sort in the order they apply."""

    def register(function: MigrationFunction) -> MigrationFunction:
        if name in MIGRATIONS:
            raise ValueError(f"two migrations are named {name!r}")
        MIGRATIONS[name] = Migration(name, function)
        return function

    return register


def applied_migrations(con: Connection) -> list[str]:
    """The names recorded in the ledger, in order (the ledger must exist)."""
    return [row[0] for row in con.execute("SELECT name FROM migrations ORDER BY name").fetchall()]


def migrate(con: Connection) -> list[str]:
    """Apply every registered migration the database lacks; the names applied now."""
    con.execute(_LEDGER)
    done = set(applied_migrations(con))
    applied = []
    for name in sorted(MIGRATIONS):
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            MIGRATIONS[name].apply(con)
            con.execute("INSERT INTO migrations (name) VALUES (?)", [name])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
