"""The database itself: migrations, idempotent writes, replacement, atomicity, consistency."""

from __future__ import annotations

import duckdb
import pytest

from dossier.store import MIGRATIONS, Store, StoreError, document_rows
from dossier.store import database as database_module
from dossier.store.schema import CHILD_TABLES
from test_store_samples import SUMMIT_TEXT, accuse_record, summit_record


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, in a fixed order."""
    return {
        table: store.con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
        for table in ("documents", *CHILD_TABLES)
    }


def test_migrations_are_named_recorded_and_applied_once(tmp_path):
    path = tmp_path / "db.duckdb"
    with Store(path) as store:
        names = [r[0] for r in store.con.execute("SELECT name FROM migrations").fetchall()]
    assert names == sorted(MIGRATIONS) and "001_initial_schema" in names
    with Store(path) as store:  # reopening applies nothing new
        again = store.con.execute("SELECT count(*) FROM migrations").fetchone()[0]
    assert again == len(MIGRATIONS)


def test_read_only_open_refuses_a_missing_database(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_read_only_connection_cannot_write(tmp_path):
    path = tmp_path / "db.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as store, pytest.raises(duckdb.Error):
        store.con.execute("DELETE FROM documents")


def test_writing_the_same_record_twice_changes_nothing(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        rows = document_rows(summit_record())
        store.write(rows)
        first = snapshot(store)
        store.write(rows)
        assert snapshot(store) == first
        assert store.table_counts()["events"] == 3
        assert store.check() == []


def test_changed_text_replaces_the_old_rows(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        store.write(document_rows(summit_record()))
        store.write(document_rows(accuse_record()))
        changed = summit_record(SUMMIT_TEXT.replace("July 19", "July 18"))
        store.write(document_rows(changed.model_copy(update={"events": changed.events[:1]})))
        counts = store.table_counts()
        texts = store.con.execute("SELECT text FROM documents WHERE doc_id='summit'").fetchall()
        assert counts["documents"] == 2
        assert counts["events"] == 1 + 2  # one left in the summit, two in the other document
        assert texts == [(changed.text,)]
        assert store.check() == []


def test_an_article_rewritten_in_place_replaces_the_one_from_the_same_place(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        store.write(document_rows(summit_record(doc_id="hash-a"), source_key="f.txt#0"))
        store.write(document_rows(summit_record(doc_id="hash-b"), source_key="f.txt#0"))
        ids = store.con.execute("SELECT doc_id FROM documents").fetchall()
        assert ids == [("hash-b",)]
        assert store.table_counts()["events"] == 3


def test_a_failure_mid_document_leaves_no_partial_rows(tmp_path, monkeypatch):
    with Store(tmp_path / "db.duckdb") as store:
        store.write(document_rows(summit_record()))
        before = snapshot(store)
        real_insert = database_module._insert

        def failing_insert(con, table, rows):
            if table == "events":
                raise RuntimeError("disk full")
            real_insert(con, table, rows)

        monkeypatch.setattr(database_module, "_insert", failing_insert)
        changed = summit_record(SUMMIT_TEXT.replace("drop the plan", "drop the trip"))
        with pytest.raises(RuntimeError):
            store.write(document_rows(changed))  # replacing: old rows must survive whole
        with pytest.raises(RuntimeError):
            store.write(document_rows(accuse_record()))  # new: nothing may appear
        assert snapshot(store) == before
        assert store.check() == []


def test_check_reports_orphans_and_count_mismatches(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        store.write(document_rows(summit_record()))
        store.con.execute("DELETE FROM events WHERE event_id = 'summit-e2'")
        store.con.execute("INSERT INTO quotes VALUES ('ghost', 0, 'q', NULL, NULL, NULL, 0, 1)")
        problems = store.check()
    assert any(p.startswith("quotes: 1 rows belong to no document") for p in problems)
    assert any(p.startswith("events: 1 documents") for p in problems)


def test_db_path_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_DB", str(tmp_path / "env.duckdb"))
    with Store() as store:
        assert store.path == tmp_path / "env.duckdb"
    assert (tmp_path / "env.duckdb").exists()


def test_an_older_database_is_upgraded_on_write_and_refused_read_only(tmp_path):
    path = tmp_path / "db.duckdb"
    with Store(path) as store:  # wind the database back to before migration 004
        store.con.execute("DROP INDEX events_unique_id")  # 008
        columns = ("content_of", "coded_by", "coder_score", "mention_of")  # 004, 005
        for column in (*columns, "source_told_elsewhere", "target_told_elsewhere"):  # 010
            store.con.execute(f"ALTER TABLE events DROP COLUMN {column}")
        store.con.execute("ALTER TABLE entities DROP COLUMN mention_count")  # 009
        store.con.execute("ALTER TABLE entities DROP COLUMN country_inferred")  # 006
        store.con.execute("DELETE FROM migrations WHERE name >= '004'")
    with pytest.raises(StoreError, match="lacks migrations 004_"):
        Store(path, read_only=True)
    with Store(path) as store:
        store.write(document_rows(summit_record()))
        names = [r[0] for r in store.con.execute("SELECT name FROM migrations").fetchall()]
        coded = store.con.execute("SELECT coded_by FROM events").fetchall()
        counted = store.con.execute("SELECT sum(mention_count) FROM entities").fetchone()[0]
        mentions = store.con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    assert sorted(names) == sorted(MIGRATIONS)
    assert counted == mentions > 0
    assert len(coded) == 3 and all(by is None or by.startswith("pattern") for (by,) in coded)


def test_an_event_id_names_one_event_of_its_document(tmp_path):
    with Store(tmp_path / "db.duckdb") as store:
        store.write(document_rows(summit_record()))
        doc_id, event_id = store.con.execute("SELECT doc_id, event_id FROM events").fetchone()
        copy = f"INSERT INTO events SELECT * FROM events WHERE event_id = '{event_id}'"
        with pytest.raises(duckdb.ConstraintException):
            store.con.execute(copy)


def test_repeated_event_ids_of_an_older_database_are_told_apart(tmp_path):
    path = tmp_path / "db.duckdb"
    with Store(path) as store:  # an older database: no constraint, one id twice
        store.write(document_rows(summit_record()))
        store.con.execute("DROP INDEX events_unique_id")
        store.con.execute("ALTER TABLE entities DROP COLUMN mention_count")  # 009
        for column in ("source_told_elsewhere", "target_told_elsewhere"):  # 010
            store.con.execute(f"ALTER TABLE events DROP COLUMN {column}")
        store.con.execute("DELETE FROM migrations WHERE name >= '007'")
        first = store.con.execute("SELECT event_id FROM events ORDER BY rowid").fetchone()[0]
        store.con.execute(f"INSERT INTO events SELECT * FROM events WHERE event_id = '{first}'")
    with Store(path) as store:
        ids = [
            r[0] for r in store.con.execute("SELECT event_id FROM events ORDER BY rowid").fetchall()
        ]
    assert len(ids) == 4 and len(set(ids)) == 4
    assert ids.count(first) == 1 and f"{first}-2" in ids


class FailingAnalyser:
    """A stand-in analyser: a blank spaCy pipeline, and a record stage that fails on 'BOOM'."""

    def __init__(self) -> None:
        import spacy

        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")

    def analyse_parsed(self, article, doc):
        if "BOOM" in article.text:
            raise RuntimeError("the coder tripped")
        return summit_record(doc_id=article.doc_id)


def test_an_article_the_pipeline_fails_on_is_reported_and_the_rest_analysed():
    from dossier.errors import InputError
    from dossier.ingest import Article
    from dossier.store.analysis import AnalysisJob, analyse_batch

    texts = ["Putin met Kim. They talked.", "BOOM goes the parser.", "Seoul welcomed it."]
    jobs = [AnalysisJob(Article(text=t, source_file="wire.txt"), None, "{}") for t in texts]
    outcomes = analyse_batch(FailingAnalyser(), jobs)
    assert [type(o).__name__ for o in outcomes] == ["DocumentRows", "InputError", "DocumentRows"]
    failure = outcomes[1]
    assert isinstance(failure, InputError)
    assert failure.source.startswith("wire.txt [") and "the coder tripped" in failure.problem
    # sentences come from the parse when there is one: two in the first article
    assert [row[1] for row in outcomes[0].tables["sentences"]] == [0, 1]


def test_a_batch_that_cannot_be_written_is_retried_document_by_document(tmp_path, monkeypatch):
    from dossier.store.ingest import IngestSummary, _store

    good, bad = document_rows(summit_record()), document_rows(accuse_record())
    bad.tables["events"][0] = bad.tables["events"][0][:-1]  # one column short: INSERT fails
    with Store(tmp_path / "db.duckdb") as store:
        summary = IngestSummary()
        _store(store, [good, bad], summary)
        ids = store.con.execute("SELECT doc_id FROM documents").fetchall()
        assert store.check() == []
    assert ids == [("summit",)]
    assert summary.stored == 1 and summary.events == 3
    assert [source for source, _ in summary.failed] == ["accuse"]


def test_the_holder_of_a_busy_database_is_named_by_its_command():
    """Issue 12: the message blamed "an ingest?" when the server held the database."""
    import os

    from dossier.store.database import _holder

    message = f"Conflicting lock is held in /usr/bin/python3 (PID {os.getpid()})."
    assert f"(process {os.getpid()})" in _holder(message)
    assert _holder("Conflicting lock is held in x (PID 99999999).") == "process 99999999"
    assert _holder("lock without a pid") == "another process"


def test_a_database_held_by_another_process_gives_a_clear_error(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "db.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]);"
            " print('open', flush=True); time.sleep(30)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match=rf"\(process {holder.pid}\) has the database open"):
            Store(path, read_only=True)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_mention_counts_of_entities_stored_before_migration_009_are_backfilled(tmp_path):
    path = tmp_path / "db.duckdb"
    with Store(path) as store:
        store.write(document_rows(summit_record()))
        store.con.execute("ALTER TABLE entities DROP COLUMN mention_count")
        store.con.execute("DELETE FROM migrations WHERE name = '009_entity_mention_count'")
    with Store(path) as store:
        kept = store.con.execute(
            "SELECT e.entity_id, e.mention_count, count(m.entity_id) FROM entities e"
            " LEFT JOIN mentions m USING (doc_id, entity_id) GROUP BY ALL"
        ).fetchall()
    assert kept and all(counted == found for _, counted, found in kept)
    assert sum(counted for _, counted, _ in kept) > 0
