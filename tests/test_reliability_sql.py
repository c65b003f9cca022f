"""`dossier sql` is a read-only query surface: it changes no database and reaches no
file but the one it opened (issue 12's reproductions, each a test)."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from dossier.cli import main
from dossier.store import Store, document_rows
from test_store_samples import summit_record


@pytest.fixture()
def databases(tmp_path):
    """The database the command opens and another one beside it, with events in both."""
    paths = tmp_path / "opened.duckdb", tmp_path / "other.duckdb"
    for path in paths:
        with Store(path) as store:
            store.write(document_rows(summit_record()))
    return paths


def events_in(path) -> int:
    with Store(path, read_only=True) as store:
        return store.con.execute("SELECT count(*) FROM events").fetchone()[0]


def sql(path, query: str):
    return CliRunner().invoke(main, ["sql", "--db", str(path), query])


def test_reading_works(databases):
    result = sql(databases[0], "SELECT count(*) AS n FROM events")
    assert result.exit_code == 0 and "3" in result.output


def test_another_database_cannot_be_attached_and_emptied(databases):
    opened, other = databases
    result = sql(opened, f"ATTACH '{other}' AS other (READ_WRITE); DELETE FROM other.events")
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert events_in(other) == 3


def test_a_hard_link_to_the_opened_database_is_no_way_in(databases, tmp_path):
    opened, _ = databases
    link = tmp_path / "link.duckdb"
    os.link(opened, link)
    result = sql(opened, f"ATTACH '{link}' AS twin; DELETE FROM twin.events")
    assert result.exit_code != 0
    assert sql(link, "DELETE FROM events").exit_code != 0
    assert events_in(opened) == 3


@pytest.mark.parametrize(
    "query",
    [
        "COPY events TO '{dir}/leak.csv'",
        "EXPORT DATABASE '{dir}/dump'",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM '/etc/hostname'",
        "INSTALL httpfs",
        "SET enable_external_access = true",
    ],
)
def test_no_file_is_written_or_read(databases, tmp_path, query):
    result = sql(databases[0], query.format(dir=tmp_path))
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert result.output.count("\n") <= 2  # one line saying why
    assert not (tmp_path / "leak.csv").exists() and not (tmp_path / "dump").exists()
