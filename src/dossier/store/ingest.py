"""`ingest`: articles in, stored documents out, with a report of what went wrong where.

Analysis runs in this process or in `workers` child processes (each loads the model
once); writing always happens here, in one thread, because a DuckDB file has one writer.
An article already stored with the same text, dossier version and settings is skipped
before analysis, so a rerun after an interruption only does what is left.

The database is held only in write windows: opened, one batch written in one
transaction, closed. Analysis, the slow part, needs no database, so while it runs
`serve`, `events` and `dossier.open()` can read the documents committed so far.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dossier import __version__
from dossier.errors import InputError
from dossier.events.learned import MODEL_DIR
from dossier.ingest import Article, read_articles
from dossier.knowledge.phoenix import phoenix_wanted
from dossier.nlp import DEFAULT_MODEL
from dossier.store.analysis import AnalysisJob, analyse_jobs
from dossier.store.database import Store
from dossier.store.rows import DocumentRows, content_hash

# Documents per write window and transaction (each is whole or absent, never partial).
# Opening and closing the file costs about 0.06 s a window, 0.1 s on a million events,
# against several seconds of analysis for 32 documents: ingest loses 1-2 % of its time
# to it (`python -m bench concurrent`).
WRITE_BATCH = 32


@dataclass
class IngestSummary:
    """Running totals of one ingest; `failed` holds (source, reason) pairs."""

    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    events: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def docs_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds > 0 else 0.0


Progress = Callable[[IngestSummary], None]


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    published: date | None = None,
    on_progress: Progress | None = None,
    *,
    actors: Sequence[Path] = (),
    verbs: Sequence[Path] = (),
) -> IngestSummary:
    """Analyse and store every new or changed article in the inputs.

    `actors` and `verbs` are the user's knowledge files, as for `dossier extract`."""
    summary = IngestSummary()
    settings = analysis_settings(model, actors, verbs)
    stored = store.stored_versions()
    store.release()  # analysis needs no database: readers get in between write windows
    moves: dict[str, str] = {}
    articles = read_articles(paths, published)
    jobs = _pending_jobs(articles, stored, moves, settings, summary, on_progress)
    pending: list[DocumentRows] = []
    for outcome in analyse_jobs(jobs, model, workers, actors, verbs):
        if isinstance(outcome, InputError):
            summary.failed.append((outcome.source, outcome.problem))
        else:
            pending.append(outcome)
        if len(pending) >= WRITE_BATCH:
            _write_window(store, pending, moves, summary)
            pending = []
        if on_progress:
            on_progress(summary)
    _write_window(store, pending, moves, summary)
    return summary


def analysis_settings(model: str, actors: Sequence[Path], verbs: Sequence[Path]) -> str:
    """What decides the analysis besides the text and dossier's version, as stable JSON.

    Knowledge files count by content, so editing one re-analyses the documents on the
    next ingest."""
    settings: dict[str, object] = {"model": model, "phoenix": phoenix_wanted()}
    built_from = MODEL_DIR / "built_from.json"
    if built_from.exists():  # a retrained trigger tagger re-analyses the documents
        settings["trigger_model"] = _digest(built_from)
    for name, files in (("actors", actors), ("verbs", verbs)):
        if files:
            settings[name] = {str(Path(f).resolve()): _digest(Path(f)) for f in files}
    return json.dumps(settings, sort_keys=True)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _write_window(
    store: Store, batch: list[DocumentRows], moves: dict[str, str], summary: IngestSummary
) -> None:
    """Open the file, write what is waiting, close it. Opening waits while readers hold
    the file; one still holding it after WRITE_WAIT stops the ingest (DatabaseBusyError)
    with this batch unwritten, as a kill would."""
    if not batch and not moves:
        return
    try:
        _apply_moves(store, moves)
        _store(store, batch, summary)
    finally:
        store.release()


def _store(store: Store, batch: list[DocumentRows], summary: IngestSummary) -> None:
    """Write the batch in one transaction; if that fails, document by document."""
    if not batch:
        return
    store.con  # noqa: B018  (a file that will not open stops the ingest, not each document)
    try:
        store.write_many(batch)
    except Exception:
        for rows in batch:
            _store_one(store, rows, summary)
        return
    summary.stored += len(batch)
    summary.events += sum(rows.event_count for rows in batch)


def _store_one(store: Store, rows: DocumentRows, summary: IngestSummary) -> None:
    try:
        store.write(rows)
    except Exception as error:  # one document that cannot be written must not stop the batch
        summary.failed.append((rows.doc_id, f"could not be stored: {error}"))
        return
    summary.stored += 1
    summary.events += rows.event_count


def _pending_jobs(
    items: Iterator[Article | InputError],
    stored: dict[str, tuple[str, str | None, str, str | None]],
    moves: dict[str, str],
    settings: str,
    summary: IngestSummary,
    on_progress: Progress | None,
) -> Iterator[AnalysisJob]:
    """The articles that need analysis; the rest are counted (and reported) here.

    `stored` is what the database held at the start; an unchanged article found at a
    new place in its file is noted in `moves` (doc_id: source key) for the next write."""
    seen: dict[str, tuple[str, str]] = {}  # doc_id: (content hash, where it was read)
    ordinals: dict[str, int] = {}
    for item in items:
        if isinstance(item, InputError):
            summary.failed.append((item.source, item.problem))
            if on_progress:
                on_progress(summary)
            continue
        key = _source_key(item, ordinals)
        if item.doc_id in seen:
            _note_duplicate(item, seen[item.doc_id], summary)
            continue
        seen[item.doc_id] = (content_hash(item.text), item.place)
        if stored.get(item.doc_id, (None,))[:3] == (content_hash(item.text), __version__, settings):
            if key is not None and key != stored[item.doc_id][3]:
                moves[item.doc_id] = key
            summary.unchanged += 1
            continue
        yield AnalysisJob(item, key, settings)


def _note_duplicate(item: Article, first: tuple[str, str], summary: IngestSummary) -> None:
    """A repeated article is counted; a repeated id with another text is reported, since
    only the first text is stored under the id."""
    first_hash, first_place = first
    if content_hash(item.text) == first_hash:
        summary.duplicates += 1
        return
    summary.failed.append(
        (
            item.place,
            f"not stored: id {item.doc_id!r} was already used at {first_place} for a "
            "different text (give each article its own id)",
        )
    )


def _source_key(article: Article, ordinals: dict[str, int]) -> str | None:
    """'file#n' for the n-th article of a file without record ids; None otherwise."""
    if article.record_id is not None or article.source_file in (None, "<stdin>"):
        return None
    ordinal = ordinals.get(article.source_file, 0)
    ordinals[article.source_file] = ordinal + 1
    return f"{Path(article.source_file).resolve()}#{ordinal}"


def _apply_moves(store: Store, moves: dict[str, str]) -> None:
    """An unchanged article that moved within its file keeps its rows; only its place
    changes. Applied before the batch, whose documents may take over the old places."""
    if moves:
        store.con.executemany(
            "UPDATE documents SET source_key = ? WHERE doc_id = ?",
            [[key, doc_id] for doc_id, key in moves.items()],
        )
        moves.clear()
