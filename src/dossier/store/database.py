"""The event database: one DuckDB file, which processes take turns to hold.

DuckDB lets one process write a file and no other process open it meanwhile, and lets
no writer in while any process reads. So nobody holds the file longer than one piece of
work: `ingest` opens it for each batch it writes (a short "write window") and analyses
the next batch without it; readers open it for each query. Whoever finds the file held
waits and retries, for READ_WAIT or WRITE_WAIT seconds, then gets a DatabaseBusyError
naming the process that holds it.

Writes go through `Store.write_many`, which replaces documents' rows in a single
transaction: a reader (or a killed ingest) sees a document either whole or not at all.
"""

from __future__ import annotations

import os
import re
import time
from os import PathLike
from pathlib import Path
from types import TracebackType

import duckdb

from dossier.errors import DatabaseBusyError, StoreError
from dossier.store import schema  # noqa: F401  (registers the migrations)
from dossier.store.migrations import MIGRATIONS, applied_migrations, migrate
from dossier.store.rows import DocumentRows, Row
from dossier.store.schema import CHILD_TABLES, COUNTED_TABLES

DEFAULT_DB = "dossier.duckdb"
DB_ENV = "DOSSIER_DB"
ROWS_PER_STATEMENT = 400
# How long to wait for the file before giving up. A write window of `ingest` lasts well
# under a second (about half a second on a million events), hence a reader's 5 s;
# a reader holds it for one query, but an export can take a while, hence a writer's 60 s.
READ_WAIT = 5.0
WRITE_WAIT = 60.0
RETRY_EVERY = 0.02  # seconds between two attempts to open a held file

Connection = duckdb.DuckDBPyConnection


def resolve_db_path(path: str | PathLike[str] | None = None) -> Path:
    """The database file: the one given, else $DOSSIER_DB, else ./dossier.duckdb."""
    return Path(path or os.environ.get(DB_ENV) or DEFAULT_DB)


class Store:
    """An event database file; use as a context manager so it is closed.

    `con` is opened at once and held until `release()` (or `close()`); used after that,
    it is opened again. While it is held no other process can write the file (nor, if
    it is read-write, read it), so hold it only for the work at hand."""

    def __init__(
        self,
        path: str | PathLike[str] | None = None,
        read_only: bool = False,
        files: bool = True,
        wait: float | None = None,
    ) -> None:
        """`files=False` (read-only only) gives connections that can reach no file but
        the database: for SQL typed by someone else (see `_connect`). `wait`: seconds to
        wait for a held file (default READ_WAIT or WRITE_WAIT)."""
        self.path = resolve_db_path(path)
        self.read_only = read_only or not files
        self.files = files
        self.wait = wait
        self._con: Connection | None = None
        self._current = False  # migrations checked (read-only) or applied (read-write)
        self.con  # noqa: B018  (opened now: a missing, outdated or busy file fails here)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def con(self) -> Connection:
        """The store's own connection, opened (waiting for the file) if it is not open."""
        if self._con is None:
            self._con = self._checked(
                _connect(self.path, self.read_only, self.files, self._wait(self.read_only)),
                self.read_only,
            )
        return self._con

    def reader(self) -> Connection:
        """A new read-only connection, for one query or request: the caller closes it,
        soon, since no other process can write the file while it is open."""
        con = _connect(self.path, True, self.files, self._wait(read_only=True))
        return self._checked(con, read_only=True)

    def release(self) -> None:
        """Close `con`, so that other processes can open the file; using it reopens it."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def close(self) -> None:
        self.release()

    def _wait(self, read_only: bool) -> float:
        if self.wait is not None:
            return self.wait
        return READ_WAIT if read_only else WRITE_WAIT

    def _checked(self, con: Connection, read_only: bool) -> Connection:
        """The connection, once the schema is known current (read-only) or made so
        (read-write). Checked on the first open only: migrations are never undone."""
        if self._current:
            return con
        try:
            if read_only:
                _require_current(con, self.path)
            else:
                migrate(con)
        except BaseException:
            con.close()
            raise
        self._current = True
        return con

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
        """Delete the stored documents the batch replaces: the same ids, and any other
        document at one of the batch's places. Found through `documents` (child rows
        never outlive their document: both go in one transaction), so a batch of new
        documents scans no child table, which keeps a write window short."""
        doc_ids = [rows.doc_id for rows in batch]
        keys = [rows.source_key for rows in batch if rows.source_key is not None]
        found, params = "SELECT doc_id FROM documents WHERE doc_id IN ?", [doc_ids]
        if keys:
            found, params = found + " OR source_key IN ?", [doc_ids, keys]
        replaced = [r[0] for r in self.con.execute(found, params).fetchall()]
        if not replaced:
            return
        for table in ("documents", *CHILD_TABLES):
            self.con.execute(f"DELETE FROM {table} WHERE doc_id IN ?", [replaced])

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


def _connect(path: Path, read_only: bool, files: bool, wait: float) -> Connection:
    """A connection to the file, retried while another connection holds it, for up to
    `wait` seconds; then a DatabaseBusyError that names the holder."""
    if read_only and not path.exists():
        raise StoreError(f"{path}: no database here; create one with `dossier ingest FILES`")
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config={} if files else SANDBOX)
        except (duckdb.IOException, duckdb.ConnectionException) as error:
            holder = _busy_holder(str(error))
            if holder is None:
                raise StoreError(f"{path}: cannot open the database ({error})") from None
            if time.monotonic() >= deadline:
                raise DatabaseBusyError(
                    f"{path}: {holder} has the database open, and kept it for over "
                    f"{wait:g} s (while one process writes, DuckDB lets no other in; while "
                    "any reads, no writer): wait for it, or use another --db"
                ) from None
        time.sleep(RETRY_EVERY)


def _busy_holder(message: str) -> str | None:
    """Who holds the file, when that is why it did not open; None for any other failure."""
    if "different configuration" in message:  # this process: read-only beside read-write
        return f"this process (process {os.getpid()}, through another connection)"
    if "lock" in message.lower():
        return _holder(message)
    return None


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


def _require_current(con: Connection, path: Path) -> None:
    missing = sorted(set(MIGRATIONS) - set(_applied_read_only(con)))
    if missing:
        raise StoreError(
            f"{path}: the database lacks migrations {', '.join(missing)}; "
            "run `dossier ingest` (with no files) to bring it up to date"
        )


def _applied_read_only(con: Connection) -> list[str]:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrations'"
    ).fetchone()[0]
    return applied_migrations(con) if exists else []


def _insert(con: Connection, table: str, rows: list[Row]) -> None:
    """Insert rows with a few multi-row statements (far faster than one per row)."""
    if not rows:
        return
    width = len(rows[0])
    one = "(" + ", ".join("?" * width) + ")"
    for at in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[at : at + ROWS_PER_STATEMENT]
        values = ", ".join([one] * len(chunk))
        con.execute(f"INSERT INTO {table} VALUES {values}", [v for row in chunk for v in row])
