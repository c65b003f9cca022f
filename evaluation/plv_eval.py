"""dossier against the PLV sentences: gold PLOVER type and marked source/target.

    python -m evaluation plv

Data: `../shared/data/plv/PLV_train.tsv` (the Zero-Shot-PLOVER study's PLV split; research
data with no licence: evaluation only, never training). Each row is one sentence with
one gold event. Type accuracy: some event dossier codes in the sentence has the gold
PLOVER type (YIELD counts CONCEDE and RETREAT). Type+pair: such an event whose source
and target match the marked spans (evaluation/scoring.py). Rules alone and rules with
the learned tagger, in the same run.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from dossier.ingest import Article
from dossier.pipeline import Analyser
from evaluation.scoring import same_party

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "plv" / "PLV_train.tsv"
YIELD = frozenset({"CONCEDE", "RETREAT"})


@dataclass(frozen=True)
class Row:
    sentence: str
    gold: str
    source: str
    target: str


def read_rows(path: Path = DATA) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as stream:
        return [
            Row(row["sentence"], row["gold_root"], row["source"], row["target"])
            for row in csv.DictReader(stream, delimiter="\t")
        ]


def type_fits(gold: str, plover: str | None) -> bool:
    return plover in YIELD if gold == "YIELD" else plover == gold


def score(analyser: Analyser, rows: list[Row]) -> tuple[float, float]:
    typed = paired = 0
    articles = (Article(text=row.sentence) for row in rows)
    for row, record in zip(rows, analyser.analyse_many(articles), strict=True):
        fitting = [e for e in record.events if type_fits(row.gold, e.plover_type)]
        typed += bool(fitting)
        paired += any(
            same_party(e.source.text if e.source else None, row.source)
            and same_party(e.target.text if e.target else None, row.target)
            for e in fitting
        )
    return typed / len(rows), paired / len(rows)


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not present (../shared is not beside this checkout)")
        return 0
    rows = read_rows()
    print(f"PLV: {len(rows)} sentences with a gold PLOVER type")
    for label, analyser in (
        ("rules alone", Analyser(learned=False)),
        ("rules + learned tagger", Analyser()),
    ):
        typed, paired = score(analyser, rows)
        print(f"  {label}: type accuracy {typed:.3f}, type+pair accuracy {paired:.3f}")
    return 0
