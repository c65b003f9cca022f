"""Events benchmark: sentences per second of the whole pipeline against bare spaCy.

    python -m bench events

Texts: the first BENCH_EVENTS_DOCS (default 200) politics articles of the BBC set and
as many Reuters-21578 articles, from `../shared/data/news/`. In one process and one
run, with the same loaded model, three runs are interleaved: bare `nlp.pipe` (the
baseline), dossier's whole pipeline without the learned trigger tagger (rules alone)
and with it (`Analyser.analyse_many`: parse, actors, time, citations, quotes, events).
The texts are cut into CHUNKS slices; each slice is run by all three, in an order that
rotates from slice to slice, so warming up, caches and the machine's load fall on each
run alike, and each run's time is the sum over the slices. Then the events stage alone
is timed on the already-analysed layers. Writes bench/results/events.json.
"""

from __future__ import annotations

import gzip
import json
import os
import time
from datetime import date
from itertools import islice
from pathlib import Path

from dossier.actors import resolve_entities
from dossier.attribution import find_citations
from dossier.events import code_events
from dossier.ingest import Article
from dossier.knowledge.bundle import Knowledge
from dossier.nlp import load_model
from dossier.pipeline import PIPE_BATCH_SIZE, Analyser
from dossier.time import find_timexes

KNOWLEDGE = Knowledge.build()

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))
NEWS = SHARED / "data" / "news"
RESULTS = Path(__file__).parent / "results" / "events.json"
DOCS = int(os.environ.get("BENCH_EVENTS_DOCS", "200"))
ANCHOR = date(2000, 1, 1)  # a fixed anchor: the BBC set has no dates
CHUNKS = 12


def sample_texts() -> list[tuple[str, str]]:
    def read(name: str, keep) -> list[tuple[str, str]]:
        with gzip.open(NEWS / name, "rt", encoding="utf-8") as lines:
            rows = (json.loads(line) for line in lines)
            return [(r["id"], r["text"]) for r in islice(filter(keep, rows), DOCS)]

    bbc = read("bbc2225.jsonl.gz", lambda r: r.get("category") == "politics")
    reuters = read("reuters21578.jsonl.gz", lambda r: len(r.get("text", "")) > 400)
    return bbc + reuters


def articles(texts: list[tuple[str, str]]) -> list[Article]:
    return [Article(text=text, record_id=ident, published=ANCHOR) for ident, text in texts]


def interleaved(runs: dict, texts: list) -> tuple[dict[str, float], dict[str, list]]:
    """Each run over every slice of the texts, the runs' order rotating per slice."""
    seconds = dict.fromkeys(runs, 0.0)
    outputs: dict[str, list] = {name: [] for name in runs}
    names = list(runs)
    size = -(-len(texts) // CHUNKS)
    for number, start in enumerate(range(0, len(texts), size)):
        part = texts[start : start + size]
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            started = time.perf_counter()
            outputs[name] += runs[name](part)
            seconds[name] += time.perf_counter() - started
    return seconds, outputs


def main() -> int:
    if not NEWS.exists():
        print(f"skipped: {NEWS} not present (../shared is not beside this checkout)")
        return 0
    texts = sample_texts()
    nlp = load_model()
    nlp(texts[0][1])  # warm-up
    rules_only, analyser = Analyser(nlp=nlp, learned=False), Analyser(nlp=nlp)  # loaded once
    runs = {
        "bare": lambda part: list(nlp.pipe((t for _, t in part), batch_size=PIPE_BATCH_SIZE)),
        "rules": lambda part: list(rules_only.analyse_many(articles(part))),
        "tagger": lambda part: list(analyser.analyse_many(articles(part))),
    }
    seconds, outputs = interleaved(runs, texts)
    docs, rule_records, records = outputs["bare"], outputs["rules"], outputs["tagger"]
    bare_seconds, rules_seconds = seconds["bare"], seconds["rules"]
    pipeline_seconds = seconds["tagger"]
    sentences = sum(1 for doc in docs for _ in doc.sents)

    layers = [
        (
            doc,
            resolve_entities(doc, ANCHOR),
            find_timexes(doc, ANCHOR),
            find_citations(doc.text, ANCHOR),
        )
        for doc in docs
    ]
    started = time.perf_counter()
    events = sum(
        len(code_events(d, e, t, c, ANCHOR, "b", knowledge=KNOWLEDGE)) for d, e, t, c in layers
    )
    events_seconds = time.perf_counter() - started

    result = {
        "command": "python -m bench events",
        "cpus": os.cpu_count(),
        "interleaved_slices": CHUNKS,
        "documents": len(texts),
        "sentences": sentences,
        "bare_spacy_sentences_per_s": round(sentences / bare_seconds, 1),
        "pipeline_sentences_per_s": round(sentences / pipeline_seconds, 1),
        "ratio_pipeline_to_bare_spacy": round(bare_seconds / pipeline_seconds, 3),
        "ratio_rules_only_pipeline_to_bare_spacy": round(bare_seconds / rules_seconds, 3),
        "events_in_rules_only_records": sum(len(r.events) for r in rule_records),
        "events_stage_sentences_per_s": round(sentences / events_seconds, 1),
        "events_stage_share_of_pipeline_time": round(events_seconds / pipeline_seconds, 3),
        "events": events,
        "events_in_pipeline_records": sum(len(r.events) for r in records),
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key}: {value}")
    return 0
