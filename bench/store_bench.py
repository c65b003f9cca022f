"""Store benchmark: ingest speed against bare spaCy, query latency on 10 million events,
database size, peak memory per worker. Writes bench/results/store.json.

    python -m bench store

Ingest: a fixed sample of Reuters-21578 articles, analysed and stored by `dossier ingest`
with 1 and 2 workers, against bare `nlp.pipe` (same model, same texts, n_process 1 and 2)
in the same run. Each run is its own subprocess, timed from model load to the last write,
so start-up costs are counted on both sides and peak memory is the run's own.
Queries: a synthetic events table of 10 million rows generated inside DuckDB; the baseline
is a full scan counting one CAMEO root.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))
NEWS = SHARED / "data" / "news" / "reuters21578.jsonl.gz"
RESULTS = Path(__file__).parent / "results" / "store.json"
SAMPLE_DOCS = int(os.environ.get("STORE_BENCH_DOCS", "300"))
SYNTHETIC_EVENTS = int(os.environ.get("STORE_BENCH_EVENTS", "10000000"))
QUERY_REPEATS = 5

BARE_SPACY = """
import json, resource, sys, time
from dossier.nlp import DEFAULT_MODEL
started = time.perf_counter()
import spacy
nlp = spacy.load(DEFAULT_MODEL)
texts = [json.loads(line)["text"] for line in open(sys.argv[1])]
docs, first = 0, None
for _ in nlp.pipe(texts, batch_size=16, n_process=int(sys.argv[2])):
    docs += 1
    first = first or (time.perf_counter() - started, docs)
print(json.dumps({"seconds": time.perf_counter() - started, "docs": docs, "first": first,
    "peak_rss_self_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "peak_rss_child_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

DOSSIER_INGEST = """
import json, resource, sys, time
from dossier.store import Store, ingest
writing = [0.0]
write_many = Store.write_many
def timed_write(self, batch):
    began = time.perf_counter()
    write_many(self, batch)
    writing[0] += time.perf_counter() - began
Store.write_many = timed_write
first = []
def note_first(summary):
    if summary.stored and not first:
        first.extend([time.perf_counter() - started, summary.stored])
started = time.perf_counter()
with Store(sys.argv[3]) as store:
    summary = ingest([sys.argv[1]], store, workers=int(sys.argv[2]), on_progress=note_first)
first = first or [time.perf_counter() - started, summary.stored]  # one write window in all
print(json.dumps({"seconds": time.perf_counter() - started, "docs": summary.stored,
    "first": first,
    "events": summary.events, "failed": len(summary.failed), "write_seconds": writing[0],
    "peak_rss_self_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "peak_rss_child_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def sample_news(path: Path, count: int) -> tuple[int, int]:
    """Every k-th Reuters article with text, written as JSONL; (docs, words)."""
    with gzip.open(NEWS, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    records = [r for r in records if len(r.get("text", "").split()) >= 40]
    step = max(1, len(records) // count)
    chosen = records[::step][:count]
    with path.open("w", encoding="utf-8") as out:
        for r in chosen:
            out.write(
                json.dumps(
                    {k: r[k] for k in ("id", "title", "published", "outlet", "text") if r.get(k)}
                )
                + "\n"
            )
    return len(chosen), sum(len(r["text"].split()) for r in chosen)


def run_script(script: str, *args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def ingest_figures(work: Path) -> dict:
    sample = work / "sample.jsonl"
    docs, words = sample_news(sample, SAMPLE_DOCS)
    figures: dict = {"sample_docs": docs, "sample_words": words, "runs": {}}
    for workers in (1, 2):
        bare = run_script(BARE_SPACY, str(sample), str(workers))
        db = work / f"ingest{workers}.duckdb"
        ours = run_script(DOSSIER_INGEST, str(sample), str(workers), str(db))
        figures["runs"][str(workers)] = {
            "bare_spacy_words_per_s": round(words / bare["seconds"]),
            "dossier_words_per_s": round(words / ours["seconds"]),
            "dossier_docs_per_s": round(ours["docs"] / ours["seconds"], 1),
            "ratio_to_bare_spacy": round(bare["seconds"] / ours["seconds"], 3),
            "startup_seconds_bare": round(bare["first"][0], 1),
            "startup_seconds_dossier": round(ours["first"][0], 1),
            "steady_ratio_to_bare_spacy": round(_steady(ours) / _steady(bare), 3),
            "events": ours["events"],
            "share_of_time_writing": round(ours["write_seconds"] / ours["seconds"], 3),
            "failed": ours["failed"],
            "peak_rss_per_worker_mib": round(
                ours["peak_rss_self_mib"] if workers == 1 else ours["peak_rss_child_mib"]
            ),
            "peak_rss_writer_mib": round(ours["peak_rss_self_mib"]),
            "db_bytes": db.stat().st_size,
        }
        print(f"  {workers} worker(s): {figures['runs'][str(workers)]}", flush=True)
    one = figures["runs"]["1"]
    figures["db_bytes_per_1000_events_real"] = (
        round(one["db_bytes"] / one["events"] * 1000) if one["events"] else None
    )
    figures["db_bytes_per_document_real"] = round(one["db_bytes"] / docs)
    return figures


def _steady(run: dict) -> float:
    """Documents per second after the first output: the rate once start-up is over."""
    at, done = run["first"]
    if done >= run["docs"]:  # a sample small enough to come out at once has no steady part
        return run["docs"] / run["seconds"]
    return (run["docs"] - done) / (run["seconds"] - at)


# Columns by name: a column added to the store later is left NULL here (or takes its
# default) instead of shifting every value after it, as positional inserts did.
GENERATE_EVENTS = """
INSERT INTO events BY NAME SELECT
    'd' || (i // 10) AS doc_id, 'e' || i AS event_id,
    0 AS sentence_idx, 0 AS sentence_start, 40 AS sentence_end,
    'met' AS trigger, 0 AS trigger_start, 3 AS trigger_end,
    src[1 + (hash(i) % 40)::INT] AS source_name,
    src[1 + (hash(i) % 40)::INT] AS source_country,
    src[1 + (hash(i) % 40)::INT] || 'GOV' AS source_cameo,
    src[1 + (hash(i + 7) % 40)::INT] AS target_name,
    src[1 + (hash(i + 7) % 40)::INT] AS target_country,
    src[1 + (hash(i + 7) % 40)::INT] AS target_cameo,
    codes[1 + (hash(i + 3) % 12)::INT] AS cameo_code, 'CONSULT' AS plover_type,
    1 + (hash(i) % 4)::INT AS quad_class, 1.0 AS goldstein,
    DATE '1990-01-01' + (hash(i + 11) % 11000)::INT AS date_start,
    DATE '1990-01-01' + (hash(i + 11) % 11000)::INT AS date_end,
    FALSE AS date_from_publication, 'asserted' AS modality, [] AS attribution
FROM range(?) t(i),
     (SELECT ['RUS','PRK','USA','CHN','JPN','KOR','FRA','DEU','GBR','IRN','IRQ','SYR','ISR',
              'EGY','TUR','IND','PAK','AFG','UKR','POL','BRA','MEX','CAN','AUS','IDN','NGA',
              'ZAF','KEN','ETH','SAU','ARE','QAT','VNM','THA','PHL','MYS','ITA','ESP','NLD',
              'SWE'] AS src,
             ['040','042','043','036','010','051','112','120','130','172','190','061'] AS codes)
"""

GENERATE_DOCUMENTS = """
INSERT INTO documents BY NAME SELECT
    'd' || i AS doc_id, md5(i::VARCHAR) AS content_hash, 'Reuters' AS outlet,
    DATE '1990-01-01' + (i % 11000)::INT AS published, FALSE AS published_inferred,
    'Leader A met leader B in the capital ' || i || '.' AS text,
    '0.1.0' AS dossier_version, 'synthetic' AS model, '{}' AS settings,
    1 AS n_sentences, 0 AS n_entities, 0 AS n_mentions, 0 AS n_timexes, 0 AS n_citations,
    0 AS n_quotes, 10 AS n_events, now() AS ingested_at, '{}' AS knowledge_files
FROM range(?) t(i)
"""


def query_figures(work: Path) -> dict:
    from dossier.query import EventFilter, find_events, timeline
    from dossier.store import Store

    path = work / "synthetic.duckdb"
    started = time.perf_counter()
    with Store(path) as store:
        store.con.execute("SET enable_progress_bar = false")
        store.con.execute(GENERATE_DOCUMENTS, [SYNTHETIC_EVENTS // 10])
        store.con.execute(GENERATE_EVENTS, [SYNTHETIC_EVENTS])
        store.con.execute("CHECKPOINT")
    generated = time.perf_counter() - started
    with Store(path, read_only=True) as store:
        con = store.con
        con.execute("SET enable_progress_bar = false")
        dyad_month = EventFilter(
            dyad=("RUS", "PRK"), since=date(2000, 6, 1), until=date(2000, 6, 30)
        )
        figures = {
            "events": SYNTHETIC_EVENTS,
            "generate_seconds": round(generated, 1),
            "db_bytes_per_1000_events_synthetic": round(
                path.stat().st_size / SYNTHETIC_EVENTS * 1000
            ),
            "baseline_scan_ms": median_ms(
                lambda: con.execute(
                    "SELECT count(*) FROM events WHERE cameo_code LIKE '04%'"
                ).fetchall()
            ),
            "dyad_month_ms": median_ms(lambda: find_events(con, dyad_month)),
            "dyad_month_rows": len(find_events(con, dyad_month).rows),
            "actor_timeline_month_ms": median_ms(lambda: timeline(con, "RUS", "month")),
            "actor_timeline_week_ms": median_ms(lambda: timeline(con, "PRK", "week")),
        }
    for key in ("dyad_month_ms", "actor_timeline_month_ms", "actor_timeline_week_ms"):
        figures[key.replace("_ms", "_ratio_to_scan")] = round(
            figures[key] / figures["baseline_scan_ms"], 2
        )
    print(f"  queries: {figures}", flush=True)
    return figures


def write_results(path: Path, results: dict) -> None:
    """A bench's figures as JSON under bench/results/, shared by every bench."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2) + "\n")
    print(f"  written to {path.relative_to(ROOT)}")


def median_ms(query, repeats: int = QUERY_REPEATS) -> float:  # noqa: ANN001
    """The median wall time of `query` in milliseconds, after one warming call."""
    query()  # warm the cache once
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        query()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def main() -> int:
    if not NEWS.exists():
        print(f"store bench: {NEWS} is missing (../shared must be beside the checkout)")
        return 1
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        work = Path(tmp)
        results = {
            "command": "python -m bench store",
            "cpus": os.cpu_count(),
            "load_average_at_start": round(os.getloadavg()[0], 2),
            "ingest": ingest_figures(work),
            "queries": query_figures(work),
            "load_average_at_end": round(os.getloadavg()[0], 2),
        }
    write_results(RESULTS, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
