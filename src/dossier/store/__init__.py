"""store: the embedded event database (DuckDB) that `dossier ingest` fills.

Public: `Store` (an open database), `ingest(paths, store, ...)` (analyse and store new or
changed articles), `document_rows` (a record as table rows) and `resolve_db_path`.
"""

from dossier.store.database import (
    DB_ENV,
    DEFAULT_DB,
    DatabaseBusyError,
    Store,
    StoreError,
    resolve_db_path,
)
from dossier.store.ingest import IngestSummary, ingest
from dossier.store.migrations import MIGRATIONS, migration
from dossier.store.rows import DocumentRows, document_rows

__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "MIGRATIONS",
    "DatabaseBusyError",
    "DocumentRows",
    "IngestSummary",
    "Store",
    "StoreError",
    "document_rows",
    "ingest",
    "migration",
    "resolve_db_path",
]
