"""Actors benchmark: knowledge-base loading and entity resolution, against baselines.

    python -m bench actors

1. Loading. dossier's own files (people, organisations, countries from pycountry,
   titles, sectors, outlets) are the baseline; then the default knowledge, which adds
   the Phoenix dictionaries shipped in the package (Countries, International,
   MilNonState actors and the agents file, `dossier.knowledge.phoenix`). For each:
   entries, seconds, the peak memory Python allocated while loading (tracemalloc) and
   what stays allocated once loaded, and the default's figures as ratios to the baseline;
   then `default_knowledge()` in a fresh process with and without the dictionaries
   (DOSSIER_PHOENIX=off): seconds and peak resident memory.
2. Resolution. On BENCH_ACTORS_DOCS (default 200) Reuters-21578 articles and the two
   seeds (from ../shared): bare spaCy parsing (`nlp.pipe`, the baseline), then
   `resolve_entities` on the parsed documents with dossier's own files alone and with
   the default knowledge; times as ratios to parsing. Writes bench/results/actors.json.
"""

from __future__ import annotations

import gc
import gzip
import json
import os
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from dossier.actors import resolve_entities
from dossier.knowledge import phoenix
from dossier.knowledge.actor_files import load_dossier_knowledge
from dossier.knowledge.actors import ActorKnowledge
from dossier.nlp import load_model

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))
NEWS = SHARED / "data" / "news" / "reuters21578.jsonl.gz"
RESULTS = Path(__file__).parent / "results" / "actors.json"
DOCS = int(os.environ.get("BENCH_ACTORS_DOCS", "200"))
ANCHOR = date(1987, 6, 1)


def measured(load: Callable[[], Any]) -> tuple[Any, float, float, float]:
    """The result, seconds, and the MiB Python allocated: at the peak while producing it,
    and still held once it is produced.

    Timed on a plain run; memory on a second run under tracemalloc (which slows Python
    several times over, so its run is not timed).
    """
    gc.collect()
    started = time.perf_counter()
    result = load()
    seconds = time.perf_counter() - started
    del result
    gc.collect()
    tracemalloc.start()
    result = load()
    gc.collect()
    held, peak = (n / 2**20 for n in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    return result, seconds, peak, held


def load_own() -> ActorKnowledge:
    knowledge = load_dossier_knowledge()
    knowledge.lookup("warm the name index")
    return knowledge


def load_default() -> ActorKnowledge:
    """What `default_knowledge()` builds, from scratch (its caches are per process)."""
    phoenix._place_names.cache_clear()
    own = load_own()
    knowledge = phoenix.load_phoenix_knowledge(own).merged(own)
    knowledge.lookup("warm the name index")
    return knowledge


def loading() -> tuple[dict[str, Any], ActorKnowledge, ActorKnowledge]:
    own, own_s, own_peak, own_held = measured(load_own)
    default, s, peak, held = measured(load_default)
    imported = sum(not a.curated for a in default.actors)
    figures = {
        "own": {
            "actors": len(own.actors),
            "countries": len(own.countries),
            "seconds": own_s,
            "peak_mib": own_peak,
            "held_mib": own_held,
        },
        "default_with_phoenix": {
            "actors": len(default.actors),
            "phoenix_actors": imported,
            "agents": len(default.agents),
            "problems": len(default.problems),
            "seconds": s,
            "peak_mib": peak,
            "held_mib": held,
            "seconds_ratio_to_own": s / own_s,
            "held_ratio_to_own": held / own_held,
        },
    }
    print(
        f"own files: {len(own.actors)} actors, {len(own.countries)} countries, "
        f"{own_s:.2f} s, peak {own_peak:.1f} MiB, held {own_held:.1f} MiB"
    )
    print(
        f"default (own + Phoenix): {len(default.actors)} actors ({imported} from Phoenix), "
        f"{len(default.agents)} agent phrases, {len(default.problems)} entries skipped or "
        f"partly read, {s:.2f} s ({s / own_s:.1f}x own), peak {peak:.1f} MiB, "
        f"held {held:.1f} MiB ({held / own_held:.1f}x own)"
    )
    return figures, own, default


PROCESS_SCRIPT = """
import time
import dossier.knowledge.actor_files as files

def memory():  # resident and peak resident MiB (the peak of this program, not its parent)
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return [int(fields[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM")]

before = memory()
started = time.perf_counter()
files.default_knowledge().lookup("warm the name index")
seconds = time.perf_counter() - started
print(seconds, *before, *memory())
"""


def in_a_fresh_process() -> dict[str, Any]:
    """`default_knowledge()` as a command sees it: a new Python process, the modules
    imported first, then the knowledge loaded; seconds, and the resident memory (MiB)
    before and after, now and at the peak. With and without the Phoenix dictionaries."""
    figures = {}
    for label, switch in (("own", "off"), ("default_with_phoenix", "on")):
        env = {**os.environ, phoenix.SWITCH: switch}
        done = subprocess.run(
            [sys.executable, "-c", PROCESS_SCRIPT], env=env, capture_output=True, text=True
        )
        seconds, rss_before, _, rss_after, peak_after = map(float, done.stdout.split())
        figures[label] = {
            "seconds": seconds,
            "rss_before_mib": rss_before,
            "rss_after_mib": rss_after,
            "peak_rss_mib": peak_after,
        }
        print(
            f"fresh process ({label}): default_knowledge() in {seconds:.2f} s, resident "
            f"memory {rss_before:.0f} -> {rss_after:.0f} MiB (+{rss_after - rss_before:.0f}), "
            f"peak {peak_after:.0f} MiB"
        )
    return figures


def texts() -> list[str]:
    found = [path.read_text(encoding="utf-8") for path in sorted((SHARED / "seeds").glob("*.txt"))]
    if NEWS.exists():
        with gzip.open(NEWS, "rt", encoding="utf-8") as lines:
            rows = (json.loads(line) for line in lines)
            found += [
                r["text"] for r in islice((r for r in rows if len(r.get("text", "")) > 400), DOCS)
            ]
    return found


def resolution(own: ActorKnowledge, default: ActorKnowledge) -> dict[str, Any]:
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
    for label, knowledge in (("own", own), ("default_with_phoenix", default)):
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
    load_figures, own, default = loading()
    results: dict[str, Any] = {"loading": load_figures, "process": in_a_fresh_process()}
    if (SHARED / "seeds").exists():
        results["resolution"] = resolution(own, default)
    else:
        print(f"resolution skipped: {SHARED} not present (../shared is not beside this checkout)")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
