"""The event database: one DuckDB file, opened for writing by one process at a time.

Writes go through `Store.write`, which replaces a document's rows in a single
transaction: a reader (or a killed ingest) sees a document either whole or not at all.
"""

from __future__ import annotations

import os
import re
from os import PathLike
from pathlib import Path
from types import TracebackType

import duckdb

from dossier.errors import DossierError
from dossier.store import schema  # noqa: F401  (registers the migrations)
from dossier.store.migrations import MIGRATIONS, applied_migrations, migrate
from dossier.store.rows import DocumentRows, Row
from dossier.store.schema import CHILD_TABLES, COUNTED_TABLES

DEFAULT_DB = "dossier.duckdb"
DB_ENV = "DOSSIER_DB"
ROWS_PER_STATEMENT = 400


class StoreError(DossierError):
    """A database that cannot be opened or is not in the expected state."""


def resolve_db_path(path: str | PathLike[str] | None = None) -> Path:
    """The database file: the one given, else $DOSSIER_DB, else ./dossier.duckdb."""
    return Path(path or os.environ.get(DB_ENV) or DEFAULT_DB)


class Store:
    """An open event database; use as a context manager so it is closed."""

    def __init__(
        self,
        path: str | PathLike[str] | None = None,
        read_only: bool = False,
        files: bool = True,
    ) -> None:
        """`files=False` (read-only only) gives a connection that can reach no file but
        the database: for SQL typed by someone else (see `_connect`)."""
        self.path = resolve_db_path(path)
        self.read_only = read_only or not files
        self.con = _connect(self.path, self.read_only, files)
        if read_only:
            _require_current(self.con, self.path)
        else:
            migrate(self.con)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def stored_versions(self) -> dict[str, tuple[str, str | None, str, str | None]]:
        """doc_id -> (content hash, dossier version, settings, source key) of every document."""
        rows = self.con.execute(
            "SELECT doc_id, content_hash, dossier_version, settings, source_key FROM documents"
        ).fetchall()
        return {row[0]: tuple(row[1:]) for row in rows}

    def write(self, rows: DocumentRows) -> None:
        """Replace the document's rows (and any older document from the same source place)."""
        self.write_many([rows])

    def write_many(self, batch: list[DocumentRows]) -> None:
        """Replace several documents in one transaction: all are written or none is.

        Batching spares a commit and ten DELETEs per document; it never splits one."""
        latest = {rows.doc_id: rows for rows in batch}
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            self._delete(list(latest.values()))
            for table in ("documents", *CHILD_TABLES):
                _insert(
                    con,
                    table,
                    [row for rows in latest.values() for row in rows.tables.get(table, [])],
                )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _delete(self, batch: list[DocumentRows]) -> None:
        doc_ids = [rows.doc_id for rows in batch]
        keys = [rows.source_key for rows in batch if rows.source_key is not None]
        if keys:
            doc_ids += [
                r[0]
                for r in self.con.execute(
                    "SELECT doc_id FROM documents WHERE source_key IN ? AND doc_id NOT IN ?",
                    [keys, doc_ids],
                ).fetchall()
            ]
        for table in ("documents", *CHILD_TABLES):
            self.con.execute(f"DELETE FROM {table} WHERE doc_id IN ?", [doc_ids])

    def table_counts(self) -> dict[str, int]:
        return {
            table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", *CHILD_TABLES)
        }

    def check(self) -> list[str]:
        """Consistency problems: child rows without a document, or counts that disagree."""
        problems = []
        for table in CHILD_TABLES:
            orphans = self.con.execute(
                f"SELECT count(*) FROM {table} t ANTI JOIN documents d USING (doc_id)"
            ).fetchone()[0]
            if orphans:
                problems.append(f"{table}: {orphans} rows belong to no document")
        for table in COUNTED_TABLES:
            wrong = self.con.execute(
                f"""SELECT count(*) FROM documents d LEFT JOIN
                    (SELECT doc_id, count(*) AS n FROM {table} GROUP BY doc_id) c USING (doc_id)
                    WHERE d.n_{table} <> coalesce(c.n, 0)"""
            ).fetchone()[0]
            if wrong:
                problems.append(f"{table}: {wrong} documents have a different number of rows")
        return problems


# DuckDB settings for a connection that runs SQL someone typed: no ATTACH of another
# database (read-write or not), no COPY/EXPORT to files, no read_csv of /etc/passwd, no
# extensions; and these settings cannot be switched back from inside the SQL.
SANDBOX = {"enable_external_access": False, "lock_configuration": True}


def _connect(path: Path, read_only: bool, files: bool = True) -> duckdb.DuckDBPyConnection:
    if read_only and not path.exists():
        raise StoreError(f"{path}: no database here; create one with `dossier ingest FILES`")
    try:
        return duckdb.connect(str(path), read_only=read_only, config={} if files else SANDBOX)
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise StoreError(
                f"{path}: {_holder(str(error))} has the database open; DuckDB allows one "
                "writer and no other process beside it: wait for it, or use another --db"
            ) from None
        raise StoreError(f"{path}: cannot open the database ({error})") from None


HOLDER_PID = re.compile(r"\(PID (\d+)\)")


def _holder(message: str) -> str:
    """Who holds the lock, from the PID DuckDB's message gives: "`dossier serve` (process
    4242)" rather than a guess."""
    found = HOLDER_PID.search(message)
    if found is None:
        return "another process"
    pid = found.group(1)
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return f"process {pid}"
    command = [w.decode(errors="replace") for w in words if w]
    dossier = next((n for n, w in enumerate(command) if Path(w).name == "dossier"), None)
    if dossier is not None and dossier + 1 < len(command):
        return f"`dossier {command[dossier + 1]}` (process {pid})"
    return f"`{' '.join(command)[:80]}` (process {pid})" if command else f"process {pid}"


def _require_current(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    missing = sorted(set(MIGRATIONS) - set(_applied_read_only(con)))
    if missing:
        raise StoreError(
            f"{path}: the database lacks migrations {', '.join(missing)}; "
            "run `dossier ingest` (with no files) to bring it up to date"
        )


def _applied_read_only(con: duckdb.DuckDBPyConnection) -> list[str]:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrations'"
    ).fetchone()[0]
    return applied_migrations(con) if exists else []


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[Row]) -> None:
    """Insert rows with a few multi-row statements (far faster than one per row)."""
    if not rows:
        return
    width = len(rows[0])
    one = "(" + ", ".join("?" * width) + ")"
    for at in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[at : at + ROWS_PER_STATEMENT]
        values = ", ".join([one] * len(chunk))
        con.execute(f"INSERT INTO {table} VALUES {values}", [v for row in chunk for v in row])
