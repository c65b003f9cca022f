"""The actor codes of the corpus parties (corpus/actor-codes): each line points at a
gold party of the split with that very span, and its codes are well formed."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from dossier.corpus import read_corpus, split_of

REPO = Path(__file__).resolve().parents[1]
CODES = REPO / "corpus" / "actor-codes"
REFERENCE = REPO.parent / "shared" / "reference" / "cameo_actor_codes.tsv"
ORGANISATIONS = ("IGO", "NGO", "IMG", "MNC")
ROLES = set(
    "GOV MIL COP SPY JUD LEG OPP PTY REB INS SEP CVL BUS MED EDU HLH HRI LAB REF ELI CRM".split()
)


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def gold_parties() -> dict[tuple[str, int, str], tuple[str, str]]:
    sentences, _ = read_corpus(REPO / "corpus" / "sentences")
    parties = {}
    for sentence in sentences:
        for number, event in enumerate(sentence.events or ()):
            for role in ("source", "target"):
                span = getattr(event, role)
                if span is not None:
                    parties[(sentence.id, number, role)] = (span.text, split_of(sentence.story))
    return parties


def countries() -> set[str]:
    with REFERENCE.open(encoding="utf-8") as table:
        table_rows = csv.DictReader(table, delimiter="\t")
        return {r["code"] for r in table_rows if r["category"] == "country"}


@pytest.mark.parametrize("name", ["dev.jsonl", "test.jsonl", "agreement/second.jsonl"])
def test_every_code_line_points_at_a_gold_party_of_its_split(name, gold_parties) -> None:
    for row in rows(CODES / name):
        key = (row["sentence"], row["event"], row["role"])
        assert key in gold_parties, key
        span, split = gold_parties[key]
        assert row["span"] == span, key
        assert name.startswith("agreement") or name == f"{split}.jsonl", key


def test_the_splits_code_every_gold_party(gold_parties) -> None:
    for split in ("dev", "test"):
        coded = {(r["sentence"], r["event"], r["role"]) for r in rows(CODES / f"{split}.jsonl")}
        wanted = {key for key, (_, where) in gold_parties.items() if where == split}
        assert coded == wanted, split


@pytest.mark.parametrize("name", ["dev.jsonl", "test.jsonl", "agreement/second.jsonl"])
def test_codes_are_a_country_or_organisation_then_a_role(name) -> None:
    known = countries()
    if not known:
        pytest.fail(f"{REFERENCE}: no country codes read")
    for row in rows(CODES / name):
        country, code = row["country"], row["code"]
        if country is not None:
            assert country in known or country.startswith(ORGANISATIONS), row
            assert code is not None and code.startswith(country), row
            rest = code[len(country) :]
            assert rest == "" or rest[:3] in ROLES or country.startswith(ORGANISATIONS), row
        elif code is not None:
            assert code in ROLES, row
