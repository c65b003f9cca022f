"""Queries over a small hand-built database: every filter, the reports, the CLI and the API.

The expected events are read off the two records in test_store_samples.py:
  summit-e1  Putin (RUSGOV) -> Kim (PRKGOV)  042 CONSULT  2000-07-19        asserted  Pyongyang
  summit-e2  Putin (RUSGOV) -> Japan (JPN)   042 CONSULT  2000-07-24..30    planned   Tokyo
  summit-e3  USA (USAGOV) -> Russia (RUSGOV) 100 REQUEST  2000-07-21        asserted
  accuse-e1  China (CHN) -> USA (USA)        112 ACCUSE   2000-08-03        asserted
  accuse-e2  UN (IGOUNO)                     090 -        2000-08-04        reported
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

import dossier
from dossier.cli import main
from dossier.cli.store import bar_chart
from dossier.query import EventFilter, actors, event_detail, find_events, timeline
from dossier.store import Store, document_rows
from test_store_samples import accuse_record, summit_record


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.write(document_rows(summit_record()))
        store.write(document_rows(accuse_record()))
    return path


@pytest.fixture
def con(db_path):
    with Store(db_path, read_only=True) as store:
        yield store.con


def ids(con, **given) -> list[str]:
    table = find_events(con, EventFilter(**given))
    return [row[table.columns.index("event_id")] for row in table.rows]


def test_no_filter_lists_every_event_oldest_first(con):
    assert ids(con) == ["summit-e1", "summit-e3", "summit-e2", "accuse-e1", "accuse-e2"]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"actor": "Putin"}, ["summit-e1", "summit-e2"]),
        ({"actor": "RUS"}, ["summit-e1", "summit-e3", "summit-e2"]),
        ({"actor": "kim"}, ["summit-e1"]),
        ({"actor": "Rus"}, ["summit-e3"]),  # a name: only the target named "Russia"
        ({"actor": "RUSGOV"}, ["summit-e1", "summit-e3", "summit-e2"]),
        ({"actor": "IGO"}, ["accuse-e2"]),
        ({"dyad": ("RUS", "PRK")}, ["summit-e1"]),
        ({"dyad": ("PRK", "RUS")}, []),
        ({"dyad": ("USA", "Russia")}, ["summit-e3"]),
        ({"country": "JPN"}, ["summit-e2"]),
        ({"country": "usa"}, ["summit-e3", "accuse-e1"]),
        ({"plover_type": "consult"}, ["summit-e1", "summit-e2"]),
        ({"cameo": "1"}, ["summit-e3", "accuse-e1"]),
        ({"cameo": "09"}, ["accuse-e2"]),
        ({"since": date(2000, 7, 25)}, ["summit-e2", "accuse-e1", "accuse-e2"]),
        ({"until": date(2000, 7, 19)}, ["summit-e1"]),
        ({"since": date(2000, 7, 20), "until": date(2000, 7, 23)}, ["summit-e3"]),
        ({"modality": "planned"}, ["summit-e2"]),
        ({"modality": "reported"}, ["accuse-e2"]),
        ({"text": "INQUIRY"}, ["accuse-e2"]),
        ({"actor": "Putin", "modality": "asserted"}, ["summit-e1"]),
        ({"actor": "RUS", "type": None, "limit": 1}, ["summit-e1"]),
    ],
)
def test_each_filter_and_their_composition(con, given, expected):
    given.pop("type", None)
    assert ids(con, **given) == expected


def test_actors_count_mentions_and_events_and_span_first_to_last_seen(con):
    table = actors(con)
    by_name = {row[0]: dict(zip(table.columns, row, strict=True)) for row in table.rows}
    putin = by_name["Vladimir Putin"]
    assert (putin["mentions"], putin["documents"], putin["events"]) == (1, 1, 2)
    assert putin["first_seen"] == date(2000, 7, 19)  # his first event, before publication
    assert putin["last_seen"] == date(2000, 7, 24)  # the planned visit's first day
    assert by_name["Russia"]["events"] == 1 and by_name["Russia"]["mentions"] == 0
    assert [row[0] for row in actors(con, like="kim").rows] == ["Kim Jong-il"]


def test_timeline_counts_per_period_including_empty_ones(con):
    assert timeline(con, "RUS", "month").rows == [(date(2000, 7, 1), 3)]
    weekly = timeline(con, "USA", "week").rows  # weeks start on Monday
    assert weekly == [(date(2000, 7, 17), 1), (date(2000, 7, 24), 0), (date(2000, 7, 31), 1)]
    assert timeline(con, "nobody", "month").rows == []


def test_event_detail_gives_sentence_trigger_document_and_citations(con):
    detail = event_detail(con, "summit-e1")
    assert detail.sentence.startswith("Russian President Vladimir Putin met")
    assert detail.sentence[slice(*detail.trigger_at)] == "met"
    assert detail.document["title"] == "Putin in Pyongyang"
    assert [c["outlets"] for c in detail.citations] == [["ITAR-TASS"]]
    assert event_detail(con, "no-such-event") is None


def test_bar_chart_scales_to_the_longest_bar():
    rows = [(date(2000, 7, 1), 4), (date(2000, 8, 1), 2), (date(2000, 9, 1), 0)]
    assert bar_chart(rows, "month", width=10) == [
        "2000-07  ██████████ 4",
        "2000-08  █████ 2",
        "2000-09  0",
    ]


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_events_as_jsonl_csv_and_table(db_path):
    lines = run("events", "--db", str(db_path), "--dyad", "RUS:PRK", "--format", "jsonl")
    records = [json.loads(line) for line in lines.splitlines()]
    assert [r["event_id"] for r in records] == ["summit-e1"]
    assert records[0]["date_start"] == "2000-07-19" and records[0]["location_name"] == "Pyongyang"
    csv_text = run("events", "--db", str(db_path), "--type", "ACCUSE", "--format", "csv")
    assert csv_text.splitlines()[0].startswith("event_id,date_start,date_end,source_name")
    assert len(csv_text.splitlines()) == 2
    assert "accuse-e2" in run("events", "--db", str(db_path), "--modality", "reported")


def test_cli_rejects_a_malformed_dyad(db_path):
    result = CliRunner().invoke(main, ["events", "--db", str(db_path), "--dyad", "RUS"])
    assert result.exit_code == 2 and "SOURCE:TARGET" in result.output


def test_cli_actors_timeline_show(db_path):
    assert "Kim Jong-il,PERSON,PRK,PRKGOV,1,1,1" in run(
        "actors", "--db", str(db_path), "--format", "csv"
    )
    assert run("timeline", "Putin", "--db", str(db_path), "--by", "week").splitlines() == [
        f"2000-07-17  {'█' * 50} 1",
        f"2000-07-24  {'█' * 50} 1",
    ]
    shown = run("show", "summit-e3", "--db", str(db_path))
    assert "Washington urged Moscow" in shown and "United States" in shown
    assert "Itar-Tass" not in shown  # e3 follows the only citation: nothing credits it


def test_cli_sql_reads_but_cannot_write(db_path):
    out = run("sql", "SELECT count(*) AS n FROM events", "--db", str(db_path), "--format", "csv")
    assert out.splitlines() == ["n", "5"]
    result = CliRunner().invoke(main, ["sql", "DELETE FROM events", "--db", str(db_path)])
    assert result.exit_code == 1 and "read-only" in result.output.lower()


def test_cli_query_on_a_missing_database_says_how_to_make_one(tmp_path):
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "dossier ingest" in result.output


def test_python_api_events_frame_and_extract(db_path, analyser):
    with dossier.open(db_path) as db:
        frame = db.events(dyad="RUS:PRK")
        assert list(frame["event_id"]) == ["summit-e1"]
        assert frame.loc[0, "cameo_code"] == "042"
        assert len(db.events(since="2000-08-01")) == 2
        db._analyser = analyser  # reuse the session's model instead of loading another
        record = db.extract(
            "Vladimir Putin arrived in Pyongyang on Wednesday.", published="2000-07-21"
        )
    assert record.published.date == "2000-07-21"
    assert any(entity.name == "Vladimir Putin" for entity in record.entities)


def test_cli_events_says_when_the_limit_cut_the_list(db_path):
    result = CliRunner().invoke(
        main, ["events", "--db", str(db_path), "--limit", "2", "--format", "jsonl"]
    )
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2
    assert "2 of 5 events shown" in result.stderr


def test_a_timeline_over_millennia_lists_its_periods_not_every_empty_week(db_path):
    """Issue 12: one event dated year 1 and one 9999 made 521,720 weeks (and a 500)."""
    with Store(db_path) as store:
        store.con.execute(
            "UPDATE events SET date_start = DATE '0001-01-03' WHERE event_id = 'summit-e1'"
        )
        store.con.execute(
            "UPDATE events SET date_start = DATE '9999-12-27' WHERE event_id = 'summit-e3'"
        )
    with Store(db_path, read_only=True) as store:
        weekly = timeline(store.con, "RUS", "week").rows
        yearly = timeline(store.con, "RUS", "year").rows
    assert [events for _, events in weekly] == [1, 1, 1]  # the three periods with events
    assert weekly[0][0].year == 1 and weekly[-1][0].year == 9999
    assert len(yearly) == 3  # 9,999 years: over the cap, not filled either


@pytest.mark.parametrize("typed", ["%", "_", "P%n", "Put_n"])
def test_percent_and_underscore_in_a_filter_are_characters_not_wildcards(con, typed):
    """Issue 12: "%" found every event and "_" any one character."""
    assert ids(con, actor=typed) == []
    assert ids(con, text=typed) == []
    assert actors(con, typed).rows == []


def test_a_filter_still_finds_a_part_of_a_name_in_any_case(con):
    assert ids(con, actor="uti") == ["summit-e1", "summit-e2"]
    assert ids(con, text="PYONGYANG") != []
