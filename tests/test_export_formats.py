"""Exports of the hand-built database (see test_store_query.py for its five events).

Expected values are worked out by hand from the codebooks: GDELT puts CAMEO root 09 in
quad class 2, ICEWS/PLOVER in 3; FIPS 10-4 writes North Korea KN and Japan JA;
FractionDate for 19 July 2000 is 2000 + (7*30 + 19)/365 = 2000.6274.
"""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest
from click.testing import CliRunner

from conftest import SHARED, require_shared
from dossier.cli import main
from dossier.export import GDELT_COLUMNS, ICEWS_COLUMNS, export_events, numeric_event_id
from dossier.export.icews import story_id
from dossier.query import EventFilter
from dossier.store import Store, document_rows
from test_store_samples import accuse_record, summit_record

REFERENCE = SHARED / "reference"


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.write(document_rows(summit_record()))
        store.write(document_rows(accuse_record()))
    return path


def exported(db_path, fmt: str, **filters) -> tuple[str, object]:
    out = io.StringIO()
    with Store(db_path, read_only=True) as store:
        result = export_events(store.con, fmt, out, EventFilter(**filters))
    return out.getvalue(), result


def reference_columns(name: str, table: str | None = None) -> list[str]:
    path = require_shared(REFERENCE / name)
    with path.open() as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [r["column"] for r in rows if table is None or r["table"] == table]


def gdelt_rows(db_path) -> dict[int, dict[str, str]]:
    text, _ = exported(db_path, "gdelt")
    rows = [line.split("\t") for line in text.splitlines()]
    assert all(len(row) == 61 for row in rows)
    return {int(row[0]): dict(zip(GDELT_COLUMNS, row, strict=True)) for row in rows}


def test_gdelt_columns_are_the_61_of_the_codebook_in_order():
    assert list(GDELT_COLUMNS) == reference_columns("gdelt_events_columns.tsv", "events_v2")
    assert len(GDELT_COLUMNS) == 61


def test_gdelt_event_ids_are_unique_across_documents(tmp_path):
    """Issue 12: the GDELT export repeated GlobalEventIDs; two documents may hold an
    event id alike (ids are unique in a document), their events stay apart."""
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.write(document_rows(summit_record()))
        store.write(document_rows(summit_record(doc_id="summit-again")))
        stored = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    text, _ = exported(path, "gdelt")
    ids = [line.split("\t")[0] for line in text.splitlines()]
    assert len(set(ids)) == len(ids) == stored > 0


def test_gdelt_row_of_a_dated_placed_dyadic_event(db_path):
    row = gdelt_rows(db_path)[numeric_event_id("summit", "summit-e1")]
    assert (row["Day"], row["MonthYear"], row["Year"], row["FractionDate"]) == (
        "20000719",
        "200007",
        "2000",
        "2000.6274",
    )
    assert (
        row["Actor1Code"],
        row["Actor1Name"],
        row["Actor1CountryCode"],
        row["Actor1Type1Code"],
    ) == ("RUSGOV", "VLADIMIR PUTIN", "RUS", "GOV")
    assert (row["Actor2Code"], row["Actor2CountryCode"]) == ("PRKGOV", "PRK")
    assert (
        row["IsRootEvent"],
        row["EventCode"],
        row["EventBaseCode"],
        row["EventRootCode"],
        row["QuadClass"],
        row["GoldsteinScale"],
    ) == ("1", "042", "042", "04", "1", "1.9")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"], row["AvgTone"]) == (
        "1",
        "1",
        "1",
        "",
    )
    assert (
        row["ActionGeo_Type"],
        row["ActionGeo_FullName"],
        row["ActionGeo_CountryCode"],
        row["ActionGeo_Lat"],
        row["ActionGeo_Long"],
    ) == ("4", "Pyongyang, North Korea", "KN", "39.03", "125.75")
    assert row["Actor1Geo_CountryCode"] == "" and row["SOURCEURL"] == "summit.txt"
    assert len(row["DATEADDED"]) == 14


def test_gdelt_uses_its_own_quad_classes_fips_codes_and_known_groups(db_path):
    rows = gdelt_rows(db_path)
    investigate = rows[numeric_event_id("accuse", "accuse-e2")]
    assert (investigate["EventCode"], investigate["QuadClass"]) == ("090", "2")
    assert (
        investigate["Actor1Code"],
        investigate["Actor1KnownGroupCode"],
        investigate["Actor1CountryCode"],
    ) == ("IGOUNO", "UNO", "")
    assert investigate["SOURCEURL"] == "https://example.org/accuse"
    assert rows[numeric_event_id("summit", "summit-e2")]["ActionGeo_CountryCode"] == "JA"
    assert rows[numeric_event_id("summit", "summit-e3")]["IsRootEvent"] == "0"


def test_icews_columns_and_rows(db_path):
    assert list(ICEWS_COLUMNS) == reference_columns("icews_columns.tsv")
    text, result = exported(db_path, "icews")
    lines = text.splitlines()
    assert lines[0].split("\t") == list(ICEWS_COLUMNS) and result.written == 5
    rows = {
        r[0]: dict(zip(ICEWS_COLUMNS, r, strict=True))
        for r in (line.split("\t") for line in lines[1:])
    }
    accuse = rows[str(numeric_event_id("accuse", "accuse-e1"))]
    assert (
        accuse["Event Date"],
        accuse["Source Country"],
        accuse["Event Text"],
        accuse["CAMEO Code"],
        accuse["Intensity"],
        accuse["Target Country"],
    ) == ("2000-08-03", "China", "Accuse", "112", "-2.0", "United States")
    assert (accuse["Story ID"], accuse["Sentence Number"]) == (str(story_id("accuse")), "1")
    summit = rows[str(numeric_event_id("summit", "summit-e1"))]
    assert (
        summit["Source Sectors"],
        summit["Source Country"],
        summit["City"],
        summit["Country"],
        summit["Publisher"],
    ) == ("Government", "Russian Federation", "Pyongyang", "North Korea", "Monitor")


def plover_fields() -> dict[str, set[str]]:
    path = require_shared(REFERENCE / "plover_json_fields.tsv")
    fields: dict[str, set[str]] = {}
    with path.open() as f:
        for row in csv.DictReader(f, delimiter="\t"):
            fields.setdefault(row["object"], set()).add(row["field"])
    return fields


def test_plover_records_use_only_plover_fields_and_skip_uncoded_events(db_path):
    text, result = exported(db_path, "plover")
    records = {r["id"]: r for r in map(json.loads, text.splitlines())}
    assert (result.written, result.skipped) == (4, 1)  # accuse-e2 has no PLOVER type
    allowed = plover_fields()
    for record in records.values():
        assert {"id", "date", "actor", "event"} <= set(record) <= allowed["event"]
        for entity in record["actor"] + record.get("recipient", []):
            assert set(entity) <= allowed["entity"]
        assert set(record.get("event_loc", {})) <= allowed["location"]
        assert set(record["text_info"]) <= allowed["text_info"]
        assert set(record["cite_info"]) <= allowed["cite_info"]
    visit = records["summit-e1"]
    assert visit["actor"][0]["code"] == "RUS" and visit["actor"][0]["sector"] == "GOV"
    assert visit["recipient"][0]["code"] == "PRK"
    assert (visit["event"], visit["mode"], visit["quad_code"]) == (["CONSULT"], ["visit"], 1)
    assert records["accuse-e1"]["quad_code"] == 3
    planned = records["summit-e2"]
    assert (planned["date"], planned["enddate"]) == ("2000-07-24", "2000-07-30")
    assert planned["comment"].startswith("modality: planned")


def test_jsonl_csv_and_parquet_carry_every_event(db_path, tmp_path):
    text, _ = exported(db_path, "jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    assert len(records) == 5
    assert records[0]["event_id"] == "summit-e1" and records[0]["published"] == "2000-07-21"
    assert records[0]["sentence"].startswith("Russian President")
    table = list(csv.reader(io.StringIO(exported(db_path, "csv")[0])))
    assert table[0][:2] == ["doc_id", "event_id"] and len(table) == 6
    parquet = tmp_path / "events.parquet"
    with Store(db_path, read_only=True) as store:
        assert export_events(store.con, "parquet", parquet).written == 5
    codes = duckdb.sql(f"SELECT cameo_code FROM '{parquet}' ORDER BY 1").fetchall()
    assert codes[0] == ("042",)  # still a string with its leading zero


def test_filters_apply_to_exports(db_path):
    text, result = exported(db_path, "gdelt", dyad=("RUS", "PRK"))
    assert result.written == 1 and text.count("\n") == 1


def test_cli_export_to_a_file(db_path, tmp_path):
    output = tmp_path / "events.gdelt.tsv"
    result = CliRunner().invoke(
        main, ["export", "--format", "gdelt", "--db", str(db_path), "--output", str(output)]
    )
    assert result.exit_code == 0, result.output
    lines = output.read_text().splitlines()
    assert len(lines) == 5 and all(line.count("\t") == 60 for line in lines)
    refused = CliRunner().invoke(main, ["export", "--format", "parquet", "--db", str(db_path)])
    assert refused.exit_code == 1 and "--output" in refused.output


def test_event_data_formats_count_a_mentioned_event_once(tmp_path):
    record = summit_record()
    first = record.events[0]
    mention = first.model_copy(update={"event_id": "summit-e9", "mention_of": first.event_id})
    paths = {"alone": tmp_path / "alone.duckdb", "mentioned": tmp_path / "mentioned.duckdb"}
    for name, events in (("alone", record.events), ("mentioned", [*record.events, mention])):
        with Store(paths[name]) as store:
            store.write(document_rows(record.model_copy(update={"events": events})))
    everything, _ = exported(paths["mentioned"], "jsonl")
    mentions = [json.loads(line)["mention_of"] for line in everything.splitlines()]
    assert mentions.count(first.event_id) == 1  # dossier's own formats keep the mention
    for fmt in ("gdelt", "icews", "plover"):
        alone, mentioned = exported(paths["alone"], fmt)[1], exported(paths["mentioned"], fmt)[1]
        assert mentioned.written == alone.written > 0, fmt
        assert mentioned.skipped == alone.skipped + 1, fmt
