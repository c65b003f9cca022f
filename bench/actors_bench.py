"""Actors benchmark: knowledge-base loading and entity resolution, against baselines.

    python -m bench actors

1. Loading. The project's own knowledge base (people, organisations, countries from
   pycountry, titles, sectors, outlets) is the baseline; then the full PETRARCH/Phoenix
   dictionaries (Countries, International, MilNonState actors and the agents file) are
   imported and merged. For each: entries, seconds and the memory Python allocated
   (tracemalloc peak), and the Phoenix figures as ratios to the baseline.
2. Resolution. On BENCH_ACTORS_DOCS (default 200) Reuters-21578 articles and the two
   seeds: bare spaCy parsing (`nlp.pipe`, the baseline), then `resolve_entities` on the
   parsed documents with the project's knowledge and with Phoenix merged in; times as
   ratios to parsing. Writes bench/results/actors.json.
"""

from __future__ import annotations

import gc
import gzip
import json
import os
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from dossier.actors import resolve_entities
from dossier.knowledge.actor_files import load_actor_file, load_dossier_knowledge
from dossier.knowledge.actors import ActorKnowledge
from dossier.nlp import load_model

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))
DICTS = SHARED / "data" / "petrarch" / "dicts"
PHOENIX = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
]
NEWS = SHARED / "data" / "news" / "reuters21578.jsonl.gz"
RESULTS = Path(__file__).parent / "results" / "actors.json"
DOCS = int(os.environ.get("BENCH_ACTORS_DOCS", "200"))
ANCHOR = date(1987, 6, 1)


def measured(load: Callable[[], Any]) -> tuple[Any, float, float]:
    """The result, seconds, and peak MiB Python allocated while producing it.

    Timed on a plain run; memory on a second run under tracemalloc (which slows Python
    several times over, so its run is not timed).
    """
    gc.collect()
    started = time.perf_counter()
    result = load()
    seconds = time.perf_counter() - started
    gc.collect()
    tracemalloc.start()
    load()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return result, seconds, peak


def load_phoenix() -> ActorKnowledge:
    knowledge = ActorKnowledge()
    for name in PHOENIX:
        knowledge = knowledge.merged(load_actor_file(DICTS / name))
    knowledge.lookup("warm the name index")
    return knowledge


def load_own() -> ActorKnowledge:
    knowledge = load_dossier_knowledge()
    knowledge.lookup("warm the name index")
    return knowledge


def loading() -> dict[str, Any]:
    own, own_s, own_mb = measured(load_own)
    phoenix, ph_s, ph_mb = measured(load_phoenix)
    figures = {
        "own": {
            "actors": len(own.actors),
            "countries": len(own.countries),
            "seconds": own_s,
            "peak_mib": own_mb,
        },
        "phoenix": {
            "actors": len(phoenix.actors),
            "agents": len(phoenix.agents),
            "problems": len(phoenix.problems),
            "seconds": ph_s,
            "peak_mib": ph_mb,
            "seconds_ratio_to_own": ph_s / own_s,
            "memory_ratio_to_own": ph_mb / own_mb,
        },
    }
    print(
        f"own knowledge: {len(own.actors)} actors, {len(own.countries)} countries, "
        f"{own_s:.2f} s, {own_mb:.1f} MiB"
    )
    print(
        f"Phoenix dictionaries: {len(phoenix.actors)} actors, {len(phoenix.agents)} agent phrases, "
        f"{len(phoenix.problems)} entries skipped or partly read, "
        f"{ph_s:.2f} s ({ph_s / own_s:.1f}x own), "
        f"{ph_mb:.1f} MiB ({ph_mb / own_mb:.1f}x own)"
    )
    return figures, own.merged(phoenix)  # type: ignore[return-value]


def texts() -> list[str]:
    found = [path.read_text(encoding="utf-8") for path in sorted((SHARED / "seeds").glob("*.txt"))]
    if NEWS.exists():
        with gzip.open(NEWS, "rt", encoding="utf-8") as lines:
            rows = (json.loads(line) for line in lines)
            found += [
                r["text"] for r in islice((r for r in rows if len(r.get("text", "")) > 400), DOCS)
            ]
    return found


def resolution(with_phoenix: ActorKnowledge) -> dict[str, Any]:
    nlp = load_model()
    sample = texts()
    nlp(sample[0])
    started = time.perf_counter()
    docs = list(nlp.pipe(sample, batch_size=16))
    parse_s = time.perf_counter() - started
    figures: dict[str, Any] = {
        "documents": len(docs),
        "words": sum(len(d) for d in docs),
        "parse_seconds": parse_s,
    }
    for label, knowledge in (("own", None), ("with_phoenix", with_phoenix)):
        resolve_entities(docs[0], ANCHOR, knowledge)
        started = time.perf_counter()
        entities = sum(len(resolve_entities(doc, ANCHOR, knowledge).entities) for doc in docs)
        seconds = time.perf_counter() - started
        figures[label] = {
            "seconds": seconds,
            "ratio_to_parse": seconds / parse_s,
            "entities": entities,
        }
        print(
            f"resolve ({label}): {len(docs)} documents, {entities} entities, {seconds:.2f} s = "
            f"{seconds / parse_s:.2f}x the spaCy parse ({parse_s:.2f} s)"
        )
    return figures


def main() -> int:
    if not DICTS.exists():
        print(f"skipped: {DICTS} not present (../shared is not beside this checkout)")
        return 0
    load_figures, merged = loading()
    results = {"loading": load_figures, "resolution": resolution(merged)}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
