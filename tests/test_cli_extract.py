"""`dossier extract` and `dossier schema` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from tests.conftest import ROOT, SEED_AUGUST, SEED_JUNE, SHARED, require_shared

from dossier.cli import main

DOSSIER = str(Path(sys.executable).with_name("dossier"))


@pytest.fixture(scope="module")
def shared_schema():
    path = require_shared(SHARED / "spec" / "document.schema.json")
    return jsonschema.Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.mark.parametrize(
    ("seed", "published", "issue"),
    [(SEED_JUNE, "2000-06-12", "114"), (SEED_AUGUST, "2000-08-30", "160")],
)
def test_extract_output_validates_against_the_shared_schema(shared_schema, seed, published, issue):
    result = run(
        "extract", str(require_shared(seed)), "--published", published, "--format", "jsonl"
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    record = json.loads(lines[0])
    errors = [e.message for e in shared_schema.iter_errors(record)]
    assert errors == []
    assert record["published"] == {"date": published, "inferred": False}
    assert record["publication"] == {"name": "Monitor", "volume": "6", "issue": issue}


def test_second_seed_record_title_and_no_trailing_headline():
    result = run("extract", str(require_shared(SEED_AUGUST)), "--published", "2000-08-30")
    record = json.loads(result.stdout)
    assert record["title"] == "RUSSIAN-U.S. TALKS ON KOREAN SECURITY"
    assert "COMMUNICATIONS MINISTER ORDERS SURVEILLANCE" not in result.stdout
    assert record["publication"]["issue"] == "160"


def test_entities_carry_every_mention_span():
    result = run("extract", str(require_shared(SEED_JUNE)), "--published", "2000-06-12")
    record = json.loads(result.stdout)
    putin = next(e for e in record["entities"] if e["name"] == "Vladimir Putin")
    for mention in putin["mentions"]:
        assert record["text"][mention["start"] : mention["end"]] in (
            "Vladimir Putin",
            "Putin",
            "President Putin",
            "the Russian president",
            mention.get("text"),
        )
    assert len(putin["mentions"]) >= 10


def test_json_format_is_one_array_and_the_same_records(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text(
        "HEADLINE ONE HERE\n\nFirst body.\n\nHEADLINE TWO HERE\n\nSecond body.\n", "utf-8"
    )
    as_json = json.loads(run("extract", str(one), "--format", "json").stdout)
    as_jsonl = [json.loads(line) for line in run("extract", str(one)).stdout.splitlines()]
    assert [r["title"] for r in as_json] == ["HEADLINE ONE HERE", "HEADLINE TWO HERE"]
    assert as_json == as_jsonl


def test_pretty_format_shows_title_and_citations():
    result = run(
        "extract",
        str(require_shared(SEED_AUGUST)),
        "--published",
        "2000-08-30",
        "--format",
        "pretty",
    )
    assert result.exit_code == 0
    assert "RUSSIAN-U.S. TALKS ON KOREAN SECURITY" in result.stdout
    assert "International Herald Tribune" in result.stdout
    assert "2000-08-30" in result.stdout


def test_bad_inputs_get_one_line_each_and_the_rest_is_processed(tmp_path):
    empty, binary, latin = tmp_path / "empty.txt", tmp_path / "image.txt", tmp_path / "latin.txt"
    empty.write_bytes(b"")
    binary.write_bytes(b"\x00\x01\x02binary")
    latin.write_bytes("Caf\u00e9 talks in Paris.".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("Officials met in Paris on Monday.\n", "utf-8")
    result = subprocess.run(
        [
            DOSSIER,
            "extract",
            str(empty),
            str(binary),
            str(tmp_path / "missing.txt"),
            str(latin),
            str(good),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"dossier: error: {empty}: is empty",
        f"dossier: error: {binary}: looks binary (contains NUL bytes), not text",
        f"dossier: error: {tmp_path / 'missing.txt'}: no such file or directory",
        f"dossier: error: {latin}: is not valid UTF-8 (byte 0xe9 at offset 3); "
        "convert it, e.g. iconv -f latin1 -t utf-8",
    ]
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["text"] == "Officials met in Paris on Monday."


def test_strict_stops_at_the_first_bad_input(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Officials met in Paris.\n", "utf-8")
    result = run("extract", "--strict", str(tmp_path / "missing.txt"), str(good))
    assert result.exit_code == 2
    assert result.stdout == ""


def test_standard_input_is_read_and_sniffed():
    text = '{"id": "w1", "text": "Leaders met in Rome.", "published": "2001-05-04"}\n'
    result = subprocess.run(
        [DOSSIER, "extract", "-"], input=text, capture_output=True, text=True, check=True
    )
    record = json.loads(result.stdout)
    assert (record["doc_id"], record["published"]["date"]) == ("w1", "2001-05-04")


def test_bad_date_and_unknown_model_are_refused():
    bad_date = run("extract", "x.txt", "--published", "30/08/2000")
    assert bad_date.exit_code == 2 and "is not a date in the form YYYY-MM-DD" in bad_date.output
    no_model = run("extract", str(ROOT / "examples"), "--model", "xx_no_such_pipeline")
    assert (
        no_model.exit_code == 1
        and "spaCy pipeline 'xx_no_such_pipeline' is not installed" in no_model.output
    )


def test_schema_command_describes_every_contract_field():
    schema = json.loads(run("schema").stdout)
    contract = [
        "doc_id",
        "text",
        "title",
        "publication",
        "published",
        "entities",
        "timexes",
        "citations",
        "quotes",
        "events",
    ]
    assert set(contract) <= set(schema["required"])
    event = schema["$defs"]["Event"]
    assert {"event_id", "sentence", "cameo_code", "quad_class", "modality"} <= set(
        event["required"]
    )


def test_every_command_has_help_with_an_example():
    for name in main.commands:
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Example" in result.output, f"`dossier {name} --help` gives no example"
