"""`ingest` with the real pipeline: idempotence, replacement, bad inputs, workers, and a
killed ingest finished by a rerun."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import dossier.store.analysis as analysis_module
from conftest import ROOT, SEEDS, require_shared
from dossier.cli import main
from dossier.store import Store, ingest
from test_store_database import snapshot

EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def shared_model(analyser, monkeypatch):
    """In-process ingest reuses the session's analyser instead of building its own."""

    def shared(model, actors=(), verbs=()):
        if actors or verbs:
            return real_analyser(model=model, actors=actors, verbs=verbs)
        return analyser

    real_analyser = analysis_module.Analyser
    monkeypatch.setattr(analysis_module, "Analyser", shared)


def without_times(store: Store) -> dict[str, list[tuple]]:
    """Every row, documents without `ingested_at`, for comparing two databases."""
    documents = "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY ALL"
    return {**snapshot(store), "documents": store.con.execute(documents).fetchall()}


def test_ingesting_seeds_and_examples_twice_changes_nothing(tmp_path):
    require_shared(SEEDS)
    with Store(tmp_path / "db.duckdb") as store:
        first = ingest([SEEDS, EXAMPLES], store)
        before = snapshot(store)
        second = ingest([SEEDS, EXAMPLES], store)
        assert snapshot(store) == before
        assert store.check() == []
    assert first.failed == [] and first.stored >= 4  # 2 seeds and the example files
    assert (second.stored, second.unchanged) == (0, first.stored)
    assert before["sentences"] and before["entities"] and before["citations"]


def test_a_record_whose_text_changed_replaces_its_rows(tmp_path):
    wire = tmp_path / "wire.jsonl"
    line = {"id": "w1", "published": "2000-06-12", "text": "Putin met Kim in Pyongyang."}
    wire.write_text(json.dumps(line) + "\n")
    with Store(tmp_path / "db.duckdb") as store:
        ingest([wire], store)
        line["text"] = "Putin met Kim Jong-il in Pyongyang on Monday. Talks lasted two hours."
        wire.write_text(json.dumps(line) + "\n")
        summary = ingest([wire], store)
        stored = store.con.execute("SELECT doc_id, text, n_sentences FROM documents").fetchall()
        assert store.check() == []
    assert summary.stored == 1
    assert stored == [("w1", line["text"], 2)]


def test_an_edited_text_file_replaces_its_old_document(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("Putin met Kim in Pyongyang.\n")
    with Store(tmp_path / "db.duckdb") as store:
        ingest([report], store, published=None)
        report.write_text("Putin met Kim in Pyongyang on Monday.\n")
        ingest([report], store)
        texts = store.con.execute("SELECT text FROM documents").fetchall()
    assert texts == [("Putin met Kim in Pyongyang on Monday.",)]


def test_bad_inputs_are_reported_counted_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Putin met Kim in Pyongyang.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    wire = tmp_path / "wire.jsonl"
    wire.write_text('{"id": "a", "text": "Seoul welcomed the summit."}\n{not json\n')
    paths = [tmp_path / "missing.txt", empty, wire, good]
    with Store(tmp_path / "db.duckdb") as store:
        summary = ingest(paths, store)
    failed_sources = [source for source, _ in summary.failed]
    assert summary.stored == 2
    assert failed_sources == [str(tmp_path / "missing.txt"), str(empty), f"{wire}:2"]
    assert "malformed JSON" in summary.failed[2][1]


def test_cli_ingest_exits_2_and_names_the_bad_file(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Putin met Kim in Pyongyang.\n")
    db = tmp_path / "db.duckdb"
    result = CliRunner().invoke(
        main,
        [
            "ingest",
            str(good),
            str(tmp_path / "nope.txt"),
            "--db",
            str(db),
            "--published",
            "2000-06-12",
        ],
    )
    assert result.exit_code == 2
    assert "nope.txt: no such file or directory" in result.output
    assert "1 stored" in result.output and "1 failed" in result.output


def test_two_workers_store_what_one_worker_stores(tmp_path):
    require_shared(SEEDS)
    with Store(tmp_path / "one.duckdb") as one:
        ingest([SEEDS, EXAMPLES], one)
        expected = without_times(one)
    with Store(tmp_path / "two.duckdb") as two:
        summary = ingest([SEEDS, EXAMPLES], two, workers=2)
        got = without_times(two)
    for table, rows in expected.items():
        assert got[table] == rows, f"{table} differs between one and two workers"
    assert summary.failed == []


KILLABLE_INGEST = """
import sys
from dossier.store import Store, ingest
with Store(sys.argv[1]) as store:
    ingest([sys.argv[2]], store, on_progress=lambda s: print(s.stored, flush=True))
"""


def synthetic_wire(path: Path, count: int) -> None:
    leaders = ["Putin", "Kim Jong-il", "Kim Dae Jung", "Jiang Zemin", "Bill Clinton"]
    places = ["Pyongyang", "Seoul", "Beijing", "Moscow", "Tokyo"]
    with path.open("w") as out:
        for n in range(count):
            text = (
                f"{leaders[n % 5]} met {leaders[(n + 1) % 5]} in {places[n % 5]} on day {n}. "
                f"The talks in {places[(n + 2) % 5]} lasted {n % 7 + 1} hours."
            )
            out.write(json.dumps({"id": f"w{n}", "published": "2000-06-12", "text": text}) + "\n")


def test_a_killed_ingest_leaves_a_consistent_database_and_a_rerun_finishes(tmp_path):
    wire, db = tmp_path / "wire.jsonl", tmp_path / "db.duckdb"
    synthetic_wire(wire, 300)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen(
        [sys.executable, "-c", KILLABLE_INGEST, str(db), str(wire)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    for line in child.stdout:
        if int(line) >= 40:
            break
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    with Store(db) as store:
        partial = store.table_counts()["documents"]
        assert store.check() == []
    assert 40 <= partial < 300
    result = CliRunner().invoke(main, ["ingest", str(wire), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"{300 - partial} stored" in result.output and f"{partial} unchanged" in result.output
    with Store(db) as store:
        assert store.table_counts()["documents"] == 300
        assert store.check() == []


USER_ACTORS = """\
- name: Zorvan Teskel
  country: MNG
  roles:
    - [foreign minister, 1999-01-01, 2003-12-31]
"""


def test_knowledge_files_are_settings_and_editing_one_reanalyses(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("Foreign Minister Zorvan Teskel visited Pyongyang on Tuesday.\n")
    actors = tmp_path / "mine.yaml"
    actors.write_text(USER_ACTORS)
    db = tmp_path / "db.duckdb"

    def run() -> str:
        result = CliRunner().invoke(
            main,
            [
                "ingest",
                str(report),
                "--db",
                str(db),
                "--actors",
                str(actors),
                "--published",
                "2000-06-14",
            ],
        )
        assert result.exit_code == 0, result.output
        return result.output

    assert "1 stored" in run()
    assert "1 unchanged" in run()
    actors.write_text(USER_ACTORS.replace("MNG", "KAZ"))
    assert "1 stored" in run()  # the knowledge changed, so the document is analysed again
    with Store(db, read_only=True) as store:
        (settings, country) = store.con.execute(
            "SELECT d.settings, e.country FROM documents d JOIN entities e USING (doc_id)"
            " WHERE e.name = 'Zorvan Teskel'"
        ).fetchone()
    assert str(actors.resolve()) in json.loads(settings)["actors"]
    assert country == "KAZ"


def test_switching_the_phoenix_dictionaries_off_is_a_setting(monkeypatch):
    from dossier.store.ingest import analysis_settings

    on = json.loads(analysis_settings("en_core_web_sm", [], []))
    monkeypatch.setenv("DOSSIER_PHOENIX", "off")
    off = json.loads(analysis_settings("en_core_web_sm", [], []))
    assert (on["phoenix"], off["phoenix"]) == (True, False)  # so the store re-analyses
