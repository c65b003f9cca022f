"""Analysis for ingest: articles parsed in batches, in this process or in worker processes.

Each result is the document's rows ready to write, or an InputError saying which article
failed and why; one failing article never takes its batch down with it.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc

from dossier.errors import InputError
from dossier.ingest import Article
from dossier.pipeline import PIPE_BATCH_SIZE, Analyser
from dossier.record import SentenceRef
from dossier.store.rows import DocumentRows, document_rows

CHUNK_SIZE = 16
IN_FLIGHT_PER_WORKER = 3
Outcome = DocumentRows | InputError


@dataclass(frozen=True)
class AnalysisJob:
    article: Article
    source_key: str | None
    settings: str


def analyse_jobs(
    jobs: Iterable[AnalysisJob],
    model: str,
    workers: int = 1,
    actors: Sequence[Path] = (),
    verbs: Sequence[Path] = (),
) -> Iterator[Outcome]:
    """Each job's rows or failure, in input order."""
    chunks = _chunks(jobs, CHUNK_SIZE)
    if workers <= 1:
        analyser: Analyser | None = None
        for chunk in chunks:
            analyser = analyser or Analyser(model=model, actors=actors, verbs=verbs)
            yield from analyse_batch(analyser, chunk)
        return
    yield from _in_workers(chunks, (os.getpid(), model, tuple(actors), tuple(verbs)), workers)


def analyse_batch(analyser: Analyser, jobs: list[AnalysisJob]) -> list[Outcome]:
    """Parse the batch together; if the parser fails, retry one by one to find the culprit."""
    try:
        docs = list(analyser.nlp.pipe([j.article.text for j in jobs], batch_size=PIPE_BATCH_SIZE))
    except Exception as error:
        if len(jobs) == 1:
            return [_failure(jobs[0], error)]
        return [outcome for job in jobs for outcome in analyse_batch(analyser, [job])]
    return [_rows(analyser, job, doc) for job, doc in zip(jobs, docs, strict=True)]


def _rows(analyser: Analyser, job: AnalysisJob, doc: Doc) -> Outcome:
    try:
        record = analyser.analyse_parsed(job.article, doc)
        return document_rows(record, _sentences(doc), job.settings, job.source_key)
    except Exception as error:  # a pipeline bug on one article is reported, not fatal
        return _failure(job, error)


def _sentences(doc: Doc) -> list[SentenceRef] | None:
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return None
    return [
        SentenceRef(index=i, start=s.start_char, end=s.end_char, text=s.text)
        for i, s in enumerate(doc.sents)
    ]


def _failure(job: AnalysisJob, error: Exception) -> InputError:
    article = job.article
    where = f"{article.source_file or '<input>'} [{article.doc_id}]"
    return InputError(where, f"analysis failed: {type(error).__name__}: {error}")


def _chunks(jobs: Iterable[AnalysisJob], size: int) -> Iterator[list[AnalysisJob]]:
    iterator = iter(jobs)
    while chunk := list(islice(iterator, size)):
        yield chunk


_WORKER_ANALYSER: Analyser | None = None


def _start_worker(
    parent: int, model: str, actors: tuple[Path, ...], verbs: tuple[Path, ...]
) -> None:
    global _WORKER_ANALYSER
    _die_with(parent)
    _WORKER_ANALYSER = Analyser(model=model, actors=actors, verbs=verbs)


PARENT_CHECK_SECONDS = 1.0


def _die_with(parent: int) -> None:
    """A worker must not outlive the ingest that started it: after a kill -9 of the
    parent it would go on holding memory and CPU. A watch thread leaves as soon as the
    worker's parent is no longer the ingest (an orphan is handed to another process).
    Linux's parent-death signal is not used: it follows the thread that started the
    worker, which may end while the ingest goes on."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _work(chunk: list[AnalysisJob]) -> list[Outcome]:
    assert _WORKER_ANALYSER is not None, "worker started without its analyser"
    return analyse_batch(_WORKER_ANALYSER, chunk)


def _in_workers(
    chunks: Iterator[list[AnalysisJob]], setup: tuple[object, ...], workers: int
) -> Iterator[Outcome]:
    """Fan chunks out to worker processes, keeping a bounded number in flight, in order."""
    context = multiprocessing.get_context("spawn")  # no inherited DuckDB handles or threads
    with ProcessPoolExecutor(workers, context, _start_worker, setup) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_work, chunk))
            while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
