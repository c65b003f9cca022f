"""Browsing while ingesting: what holding the database only in write windows costs.
Writes bench/results/concurrent.json.

    python -m bench concurrent

Ingest: the first 100 BBC politics articles, stored by `ingest` with the file released
between write windows (as shipped) and held from start to end (`Store.release` made a
no-op: the behaviour before issue 12), in alternation, into a new database and into
one of about a million events (the same articles' rows copied under other ids). Each
run is its own subprocess; the time spent opening and closing the file is counted.
Reads: the median time of `dossier.open()` plus one query, and of web requests (each
opens the file for itself), on both databases.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.store_bench import median_ms, write_results

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))
NEWS = SHARED / "data" / "news" / "bbc2225.jsonl.gz"
RESULTS = Path(__file__).parent / "results" / "concurrent.json"
ARTICLES = 100
COPIES = 2000  # the 100 articles' rows, copied: about 1.1 million events
REPEATS = 2
READS = 9

TIMED_INGEST = """
import json, sys, time
from dossier.store import Store, ingest
from dossier.store import database
spent = {"open_close_seconds": 0.0, "windows": 0}
connect, release = database._connect, Store.release
def timed_connect(*args):
    began = time.perf_counter()
    try:
        return connect(*args)
    finally:
        spent["open_close_seconds"] += time.perf_counter() - began
def timed_release(self):
    began, held = time.perf_counter(), self._con is not None
    release(self)
    spent["open_close_seconds"] += time.perf_counter() - began
    spent["windows"] += held
database._connect = timed_connect
Store.release = timed_release if sys.argv[3] == "released" else (lambda self: None)
started = time.perf_counter()
store = Store(sys.argv[1])
summary = ingest([sys.argv[2]], store)
release(store)
print(json.dumps({"seconds": time.perf_counter() - started, "docs": summary.stored, **spent}))
"""


def sample(path: Path, articles: int = ARTICLES) -> None:
    """The first `articles` BBC politics articles, as JSONL for `ingest` (shared with
    the web bench)."""
    with gzip.open(NEWS, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    chosen = [r for r in rows if r.get("category") == "politics"][:articles]
    with path.open("w", encoding="utf-8") as out:
        for r in chosen:
            record = {"id": r["id"], "title": r["title"], "published": "2005-01-01"}
            out.write(json.dumps({**record, "outlet": "BBC", "text": r["text"]}) + "\n")


def run_ingest(articles: Path, db: Path, mode: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-c", TIMED_INGEST, str(db), str(articles), mode]
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def million_events(articles_db: Path, path: Path) -> None:
    """A large database: the articles' rows COPIES times, under other document ids."""
    from dossier.store import Store
    from dossier.store.schema import CHILD_TABLES

    with Store(path) as store:
        con = store.con
        con.execute("SET enable_progress_bar = false")
        con.execute(f"ATTACH '{articles_db}' AS articles (READ_ONLY)")
        for table in ("documents", *CHILD_TABLES):
            con.execute(
                f"INSERT INTO {table} SELECT a.* REPLACE (a.doc_id || '-' || k AS doc_id) "
                f"FROM articles.{table} a, range(?) r(k)",
                [COPIES],
            )
        con.execute("DETACH articles")


def ingest_figures(work: Path, articles: Path, start: Path | None) -> dict:
    runs: dict[str, list[dict]] = {"held": [], "released": []}
    for _ in range(REPEATS):
        for mode in runs:  # alternated, so a change of load on the machine hits both
            db = work / f"ingest-{mode}.duckdb"
            db.unlink(missing_ok=True)
            if start is not None:
                shutil.copy(start, db)
            runs[mode].append(run_ingest(articles, db, mode))
    held = statistics.median(r["seconds"] for r in runs["held"])
    released = statistics.median(r["seconds"] for r in runs["released"])
    opening = statistics.median(r["open_close_seconds"] for r in runs["released"])
    figures = {
        "held_seconds": round(held, 2),
        "released_seconds": round(released, 2),
        "released_to_held": round(released / held, 3),
        "write_windows": runs["released"][0]["windows"],
        "open_close_seconds": round(opening, 2),
        "open_close_share": round(opening / released, 4),
    }
    print(f"  ingest into {'a new' if start is None else 'a large'} database: {figures}")
    return figures


def read_figures(db: Path) -> dict:
    from fastapi.testclient import TestClient

    import dossier
    from dossier.web import create_app

    def open_and_query() -> None:
        with dossier.open(db) as database:
            database.event_rows(actor="Blair", limit=50)

    client = TestClient(create_app(db))
    figures = {"open_and_query_ms": median_ms(open_and_query, READS)}
    for path in ("/api/events?actor=Blair&limit=50", "/events", "/actors", "/documents"):
        figures[f"GET {path} ms"] = median_ms(lambda path=path: client.get(path), READS)
    print(f"  reads on {db.stat().st_size // 1_000_000} MB: {figures}", flush=True)
    return figures


def main() -> int:
    if not NEWS.exists():
        print(f"concurrent bench: {NEWS} is missing (../shared must be beside the checkout)")
        return 1
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        work = Path(tmp)
        articles, large = work / "bbc.jsonl", work / "large.duckdb"
        sample(articles)
        results = {"command": "python -m bench concurrent", "cpus": os.cpu_count()}
        results["load_average_at_start"] = round(os.getloadavg()[0], 2)
        results["ingest_new_database"] = ingest_figures(work, articles, None)
        million_events(work / "ingest-released.duckdb", large)
        results["reads_small"] = read_figures(work / "ingest-released.duckdb")
        results["reads_large"] = read_figures(large)
        results["ingest_large_database"] = ingest_figures(work, articles, large)
        results["load_average_at_end"] = round(os.getloadavg()[0], 2)
    write_results(RESULTS, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
