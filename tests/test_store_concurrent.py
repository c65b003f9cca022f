"""Browsing while ingesting (issue 12): another process ingests while this one reads,
through `dossier.open()` and through the web app, and sees whole documents arrive.

The ingests here are real `dossier ingest` processes; the other holders are small
scripts that keep the file open the way a writer or a reader would, named `dossier` so
that their command line reads `dossier ingest ...`.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import dossier
from conftest import ROOT
from dossier.cli import main
from dossier.errors import DatabaseBusyError
from dossier.store import Store
from dossier.store import database as database_module
from dossier.store.ingest import WRITE_BATCH
from dossier.store.schema import CHILD_TABLES, COUNTED_TABLES
from dossier.web import create_app
from test_store_ingest import synthetic_wire

ARTICLES = 100  # four write windows of dossier ingest: WRITE_BATCH (32) documents, 3 times, then 4
TOKEN = "s3cret-token"
DOSSIER = Path(sys.executable).parent / "dossier"

HOLDER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[2], read_only=sys.argv[3] == "read-only")
print("open", flush=True)
time.sleep(float(sys.argv[4]))
"""


def start_ingest(wire: Path, db: Path, log: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with log.open("w") as out:
        return subprocess.Popen(
            [str(DOSSIER), "ingest", str(wire), "--db", str(db)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )


@contextmanager
def holding(tmp_path: Path, db: Path, mode: str, seconds: float) -> Iterator[subprocess.Popen]:
    """Another process with the file open ("read-write" or "read-only") for `seconds`."""
    script = tmp_path / "dossier"
    script.write_text(HOLDER)
    holder = subprocess.Popen(
        [sys.executable, str(script), "ingest", str(db), mode, str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        yield holder
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def whole_documents(database) -> tuple[int, int]:  # noqa: ANN001
    """(documents, documents that lack rows or have rows of no document) in one
    connection: what one reader sees at one moment."""
    partial = " + ".join(
        f"(SELECT count(*) FROM documents d WHERE d.n_{table} <> "
        f"(SELECT count(*) FROM {table} t WHERE t.doc_id = d.doc_id))"
        for table in COUNTED_TABLES
    )
    orphans = " + ".join(
        f"(SELECT count(*) FROM {table} ANTI JOIN documents USING (doc_id))"
        for table in CHILD_TABLES
    )
    with database.connection() as con:
        return con.execute(
            f"SELECT (SELECT count(*) FROM documents), {partial} + {orphans}"
        ).fetchone()


def web_documents(client: TestClient) -> int:
    """How many documents the web lists, after checking that the newest listed is whole:
    its page shows as many events as its row counts."""
    listing = client.get("/api/documents", params={"limit": 1})
    assert listing.status_code == 200, listing.text
    body = listing.json()
    for row in body["documents"]:
        shown = client.get(f"/api/documents/{row['doc_id']}")
        assert shown.status_code == 200, shown.text
        assert len(shown.json()["events"]) == shown.json()["document"]["n_events"]
    return body["total"]


def test_readers_see_whole_documents_arrive_while_another_process_ingests(tmp_path):
    wire, db = tmp_path / "wire.jsonl", tmp_path / "db.duckdb"
    synthetic_wire(wire, ARTICLES)
    Store(db).close()
    seen: list[int] = []  # documents in the database at each read, in order
    with TestClient(create_app(db)) as client:  # the server is up before the ingest starts
        ingesting = start_ingest(wire, db, tmp_path / "ingest.log")
        while ingesting.poll() is None:
            with dossier.open(db) as database:
                documents, broken = whole_documents(database)
            assert broken == 0
            seen += [documents, web_documents(client)]
            time.sleep(0.05)
        seen.append(web_documents(client))
    log = (tmp_path / "ingest.log").read_text()
    assert ingesting.returncode == 0, log
    assert f"{ARTICLES} stored" in log
    assert seen == sorted(seen), "a reader saw fewer documents than one before it"
    assert seen[-1] == ARTICLES
    during = {n for n in seen if 0 < n < ARTICLES}
    assert during, f"no read saw the documents of a write window before the end: {seen}"
    assert all(n % WRITE_BATCH == 0 for n in during), f"a read saw part of a write window: {during}"


def test_a_killed_ingest_leaves_readers_the_documents_it_committed(tmp_path):
    wire, db = tmp_path / "wire.jsonl", tmp_path / "db.duckdb"
    synthetic_wire(wire, ARTICLES)
    Store(db).close()
    ingesting = start_ingest(wire, db, tmp_path / "ingest.log")
    try:
        committed = 0
        while committed == 0 and ingesting.poll() is None:
            with dossier.open(db) as database:
                committed = whole_documents(database)[0]
            time.sleep(0.05)
    finally:
        ingesting.send_signal(signal.SIGKILL)
        ingesting.wait()
    assert committed > 0, (tmp_path / "ingest.log").read_text()
    with dossier.open(db) as database:  # read-only, straight after the kill
        documents, broken = whole_documents(database)
    assert broken == 0
    assert committed <= documents < ARTICLES


def test_a_reader_waits_out_a_write_window(tmp_path):
    db = tmp_path / "db.duckdb"
    Store(db).close()
    database = dossier.open(db)
    with holding(tmp_path, db, "read-write", 1.0) as writer:
        assert writer.poll() is None
        assert len(database.events()) == 0  # waited until the writer closed the file


def test_a_reader_kept_out_too_long_is_told_who_holds_the_database(tmp_path, monkeypatch):
    db = tmp_path / "db.duckdb"
    Store(db).close()
    opened_before = dossier.open(db)
    client = TestClient(create_app(db))
    monkeypatch.setattr(database_module, "READ_WAIT", 0.3)
    with holding(tmp_path, db, "read-write", 60) as writer:
        said = rf"`dossier ingest` \(process {writer.pid}\) has the database open"
        with pytest.raises(DatabaseBusyError, match=said):
            dossier.open(db)
        with pytest.raises(DatabaseBusyError, match=said):
            opened_before.events(actor="Putin")
        answer = client.get("/api/events")
        assert answer.status_code == 503 and re.search(said, answer.json()["detail"])
        assert answer.headers["retry-after"] and answer.headers["content-security-policy"]
        page = client.get("/events")
        assert page.status_code == 503 and "has the database open" in page.text
        result = CliRunner().invoke(main, ["events", "--db", str(db)])
        assert result.exit_code == 1 and re.search(said, " ".join(result.output.split()))
    assert len(opened_before.events()) == 0  # the same database, once the file is free


def test_a_writer_waits_for_readers_and_names_one_that_stays_too_long(tmp_path):
    db = tmp_path / "db.duckdb"
    Store(db).close()
    with holding(tmp_path, db, "read-only", 1.0):
        with Store(db) as store:  # waited until the reader closed the file
            assert store.table_counts()["documents"] == 0
    with holding(tmp_path, db, "read-only", 60) as reader:
        said = rf"`dossier ingest` \(process {reader.pid}\) has the database open"
        with pytest.raises(DatabaseBusyError, match=said):
            Store(db, wait=0.3)


def another_process_can_write(db: Path) -> bool:
    opening = "import sys; from dossier.store import Store; Store(sys.argv[1], wait=0).close()"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", opening, str(db)], env=env, capture_output=True)
    return done.returncode == 0


def test_a_server_that_takes_posts_holds_the_database_only_to_write(analyser, tmp_path):
    db = tmp_path / "db.duckdb"
    Store(db).close()
    app = create_app(db, token=TOKEN, analyser=analyser)
    with TestClient(app) as client:
        assert another_process_can_write(db)
        posted = client.post(
            "/documents",
            json={"text": "Putin met Kim Jong-il in Pyongyang on Wednesday.", "title": "Visit"},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert posted.status_code == 201, posted.text
        assert another_process_can_write(db)
        assert client.get("/api/documents").json()["total"] == 1
