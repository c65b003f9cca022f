"""dossier on the 417 BBC politics articles: how many events, and how many are right.

    python -m evaluation bbc                      counts (rules alone, rules + tagger) and
                                                  the precision of the hand-checked sample
    python -m evaluation.bbc_eval --sample 100    draw a new sample to check (seeded)

Data: `../shared/data/news/bbc2225.jsonl.gz` (BBC copyright, non-commercial research; not
in the corpus, not used for training or decisions). The articles have no dates; the
publication date is fixed at 2005-01-01. The checks live in
evaluation/checks/bbc_events.jsonl: one event a line with the checker's verdict
(`right`: trigger, CAMEO root, source and target all correct under
docs/annotation-guide.md) and a note.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from datetime import date
from pathlib import Path

from dossier.ingest import Article
from dossier.pipeline import Analyser

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc2225.jsonl.gz"
CHECKS = Path(__file__).parent / "checks" / "bbc_events.jsonl"
PUBLISHED = date(2005, 1, 1)
SEED = 2225


def articles() -> list[Article]:
    with gzip.open(DATA, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    return [
        Article(text=r["text"], record_id=str(r["id"]), published=PUBLISHED)
        for r in rows
        if r.get("category") == "politics"
    ]


def coded(analyser: Analyser) -> list[dict]:
    found = []
    for record in analyser.analyse_many(articles()):
        sentences = {e.event_id: e.sentence.text for e in record.events}
        for event in record.events:
            found.append(
                {
                    "doc_id": record.doc_id,
                    "event_id": event.event_id,
                    "sentence": event.sentence.text,
                    "trigger": event.trigger,
                    "cameo_code": event.cameo_code,
                    "source": event.source.text or event.source.name if event.source else None,
                    "target": event.target.text or event.target.name if event.target else None,
                    "modality": event.modality,
                    "coded_by": event.coded_by,
                    # a later mention: the earlier telling its parties come from
                    "mention_of": event.mention_of,
                    "told_in": sentences.get(event.mention_of) if event.mention_of else None,
                }
            )
    return found


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not DATA.exists():
        print(f"skipped: {DATA} not present (../shared is not beside this checkout)")
        return 0
    if "--sample" in argv:
        events = coded(Analyser())
        count = int(argv[argv.index("--sample") + 1])
        for event in random.Random(SEED).sample(events, min(count, len(events))):
            print(json.dumps({**event, "verdict": None, "note": ""}, ensure_ascii=False))
        return 0
    rules = coded(Analyser(learned=False))
    both = coded(Analyser())
    model = sum(1 for e in both if (e["coded_by"] or "").startswith("model"))
    print(f"BBC politics: rules alone {len(rules)} events; ")
    print(f"  rules + learned tagger {len(both)} events ({model} from the tagger), ")
    print(f"  {len(both) / max(len(rules), 1):.2f}x the rules alone")
    if CHECKS.exists():
        checks = [json.loads(line) for line in CHECKS.read_text(encoding="utf-8").splitlines()]
        judged = [c for c in checks if c.get("verdict") in ("right", "wrong")]
        right = sum(c["verdict"] == "right" for c in judged)
        share = right / max(len(judged), 1)
        print(f"  hand-checked sample: {right} of {len(judged)} right ({share:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
