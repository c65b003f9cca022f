"""Bad input never stops a batch or prints a traceback (issue 12, "Ingest and extract").

Every input is built here: a JSONL file holding good records between bad ones, a FIFO,
a character device, an over-long text, extreme publication dates, invisible characters.
`extract` and `ingest` are run as a user runs them (click's CliRunner)."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest
from click.testing import CliRunner

import dossier.store.analysis as analysis_module
from dossier.cli import main
from dossier.errors import InputError
from dossier.ingest import read_articles
from dossier.ingest.reading import MAX_TEXT_CHARS
from dossier.store import Store

GOOD = {"id": "good-1", "text": "Putin met Kim in Pyongyang on Monday.", "published": "2000-06-12"}
LATER = {"id": "good-2", "text": "Yeltsin visited Beijing on Tuesday.", "published": "2000-06-12"}
# (line in the file, what the one-line message must say); line 1 is GOOD, the last LATER
BAD_LINES = [
    ('{"id": "s1", "text": "A lone \\ud800 surrogate."}', "'text' is not valid Unicode"),
    ('{"id": ' + "9" * 5000 + ', "text": "A huge id."}', "more than 4,300 digits"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"id": "x", "text": ', "malformed JSON"),
    (json.dumps({"text": "A date.", "published": "2000-06-12garbage"}), "'published' is not"),
]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.fixture
def shared_model(analyser, monkeypatch):
    """In-process ingest reuses the session's analyser instead of building its own."""
    monkeypatch.setattr(analysis_module, "Analyser", lambda model, actors=(), verbs=(): analyser)


@pytest.fixture
def wire(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps(GOOD), *(line for line, _ in BAD_LINES), json.dumps(LATER)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_extract_prints_the_good_records_and_one_line_per_bad_one(wire):
    result = run("extract", str(wire))
    assert result.exit_code == 2
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == [
        "good-1",
        "good-2",
    ]
    errors = stderr_lines(result)
    assert len(errors) == len(BAD_LINES)
    for number, (error, (_, problem)) in enumerate(zip(errors, BAD_LINES, strict=True), start=2):
        assert error.startswith(f"dossier: error: {wire}:{number}: ") and problem in error
    assert "Traceback" not in result.output


def test_ingest_skips_bad_records_stores_the_rest_and_keeps_what_was_stored(
    tmp_path, wire, shared_model
):
    db = tmp_path / "db.duckdb"
    before = tmp_path / "before.jsonl"
    before.write_text(json.dumps({"id": "old", "text": "Blair met Clinton in London."}) + "\n")
    assert run("ingest", str(before), "--db", str(db)).exit_code == 0
    result = run("ingest", str(wire), "--db", str(db))
    assert result.exit_code == 2, result.output
    failed = [line for line in stderr_lines(result) if line.startswith("failed ")]
    assert len(failed) == len(BAD_LINES)
    for number, (line, (_, problem)) in enumerate(zip(failed, BAD_LINES, strict=True), start=2):
        assert line.startswith(f"failed {wire}:{number}: ") and problem in line
    assert "Traceback" not in result.output
    with Store(db) as store:
        ids = store.con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()
        assert store.check() == []
    assert ids == [("good-1",), ("good-2",), ("old",)]


def test_a_rerun_after_bad_records_stores_nothing_twice(tmp_path, wire, shared_model):
    db = tmp_path / "db.duckdb"
    run("ingest", str(wire), "--db", str(db))
    again = run("ingest", str(wire), "--db", str(db))
    assert again.exit_code == 2
    assert f"0 stored (0 events), 2 unchanged, 0 duplicates, {len(BAD_LINES)} failed" in (
        again.stderr
    )


def test_a_text_over_the_parsers_limit_is_refused_with_its_place(tmp_path):
    long_text = "Word. " * (MAX_TEXT_CHARS // 6 + 1)
    wire = tmp_path / "long.jsonl"
    wire.write_text(json.dumps({"text": long_text}) + "\n" + json.dumps(GOOD) + "\n")
    page = tmp_path / "long.txt"
    page.write_text(long_text, encoding="utf-8")
    result = run("extract", str(wire), str(page))
    assert result.exit_code == 2
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["good-1"]
    first, second = stderr_lines(result)
    assert first.startswith(f"dossier: error: {wire}:1: the text is 1,000,001 characters")
    assert second.startswith(f"dossier: error: {page}: the text is ")
    assert "over the limit of 1,000,000" in second


@pytest.mark.parametrize("published", ["0001-01-02", "9999-12-30"])
def test_relative_dates_at_the_calendars_edges_stay_unresolved(tmp_path, published):
    wire = tmp_path / "edge.jsonl"
    text = "Putin met Kim last week. They meet again next month and tomorrow."
    wire.write_text(json.dumps({"text": text, "published": published}) + "\n")
    result = run("extract", str(wire))
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    timexes = {t["text"]: t for t in record["timexes"]}
    assert {"last week", "next month", "tomorrow"} <= set(timexes)
    out_of_range = [t for t in timexes.values() if t["kind"] == "unresolved"]
    assert out_of_range  # "last week" in year 1, "next month" and "tomorrow" in 9999
    assert all(t["value_start"] is None for t in out_of_range)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_fifo_is_refused_before_anything_runs(tmp_path, command):
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text("Putin met Kim.\n")
    db = tmp_path / "db.duckdb"
    extra = ["--db", str(db)] if command == "ingest" else []
    result = run(command, str(good), str(fifo), *extra)
    assert result.exit_code == 2
    assert stderr_lines(result) == [
        f"dossier: error: {fifo}: is a FIFO (named pipe), not a regular file; "
        "give files, directories or - for stdin"
    ]
    assert not db.exists()  # refused before the database was opened (and locked)


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_a_device_is_refused_and_the_library_does_not_hang_either(tmp_path):
    result = run("extract", "/dev/null")
    assert result.exit_code == 2
    assert "/dev/null: is a character device, not a regular file" in result.stderr
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        (error,) = read_articles([fifo])  # reading would block forever: it is not tried
        assert isinstance(error, InputError) and "is a FIFO" in str(error)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_directory_holding_a_fifo_still_reads_its_files(tmp_path):
    (tmp_path / "a.txt").write_text("First file.\n")
    os.mkfifo(tmp_path / "b.txt")
    assert [a.text for a in read_articles([tmp_path])] == ["First file."]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2000-06-12", date(2000, 6, 12)),
        ("2000-06-12T08:30:00Z", date(2000, 6, 12)),
        ("2000-06-12 08:30", date(2000, 6, 12)),
        ("2000-06-12garbage", None),
        ("2000-06-12 and later", None),
        ("12 June 2000", None),
    ],
)
def test_published_must_be_a_whole_date(tmp_path, published, expected):
    wire = tmp_path / "dated.jsonl"
    wire.write_text(json.dumps({"text": "A report.", "published": published}) + "\n")
    (item,) = read_articles([wire])
    if expected is None:
        assert isinstance(item, InputError)
        assert str(item) == (f"{wire}:1: 'published' is not a date: {published!r} (use YYYY-MM-DD)")
    else:
        assert item.published == expected


def test_a_repeated_id_with_another_text_is_reported_not_silently_dropped(tmp_path, shared_model):
    wire = tmp_path / "wire.jsonl"
    same_again = json.dumps(GOOD)
    changed = json.dumps({**GOOD, "text": "Kim met Putin in Moscow."})
    wire.write_text("\n".join([json.dumps(GOOD), same_again, changed]) + "\n")
    result = run("ingest", str(wire), "--db", str(tmp_path / "db.duckdb"))
    assert result.exit_code == 2
    (line,) = [line for line in stderr_lines(result) if line.startswith("failed ")]
    assert line == (
        f"failed {wire}:3: not stored: id 'good-1' was already used at {wire}:1 for a "
        "different text (give each article its own id)"
    )
    assert "1 stored" in result.stderr and "1 duplicates" in result.stderr


CONTROLS = [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF]
INVISIBLE = "".join(map(chr, CONTROLS))


def test_invisible_characters_are_removed_and_offsets_point_into_the_cleaned_text(tmp_path):
    dirty = f"Pu\u200btin\u202e met Kim Jong{INVISIBLE}-il in Pyongyang on Monday."
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"text": dirty, "published": "2000-06-12"}) + "\n")
    page = tmp_path / "page.txt"
    page.write_text(dirty + "\n", encoding="utf-8")
    result = run("extract", str(wire), str(page))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    for record in records:
        text = record["text"]
        assert text == "Putin met Kim Jong-il in Pyongyang on Monday."
        assert record["events"], "the event of the sentence is found once the text is clean"
        for entity in record["entities"]:
            for mention in entity["mentions"]:
                assert text[mention["start"] : mention["end"]].strip()
        for timex in record["timexes"]:
            assert text[timex["start"] : timex["end"]] == timex["text"]


def test_a_record_of_invisible_characters_only_has_no_text(tmp_path):
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"text": INVISIBLE}) + "\n")
    (error,) = read_articles([wire])
    assert isinstance(error, InputError) and "has no 'text'" in str(error)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("William was crowned on January 1, 1066, in London.", "1066-01-01"),
        ("The abbey was consecrated on 28 December 1065.", "1065-12-28"),
        ("The treaty runs until June 30, 2150.", "2150-06-30"),
    ],
)
def test_an_explicit_year_keeps_its_year(tmp_path, sentence, value):
    wire = tmp_path / "old.jsonl"
    wire.write_text(json.dumps({"text": sentence, "published": "2000-06-12"}) + "\n")
    result = run("extract", str(wire))
    assert result.exit_code == 0, result.output
    (timex,) = json.loads(result.stdout)["timexes"]
    assert (timex["value_start"], timex["value_end"]) == (value, value)


def test_a_count_after_a_date_is_not_a_year(tmp_path):
    wire = tmp_path / "count.jsonl"
    text = "On June 9, 3000 troops crossed the border."
    wire.write_text(json.dumps({"text": text, "published": "2000-06-12"}) + "\n")
    result = run("extract", str(wire))
    (timex,) = json.loads(result.stdout)["timexes"]
    assert (timex["text"], timex["value_start"]) == ("June 9", "2000-06-09")
