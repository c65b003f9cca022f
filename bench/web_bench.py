"""Web benchmark: the server time of each main page on a database of 10,000 documents
(issue 13: under 300 ms). Writes bench/results/web.json.

    python -m bench web

The database: the first BBC politics articles, analysed and stored by `ingest` once,
then their rows copied under other document and event ids until there are 10,000
documents; each copy's dates moved on by a week, so the events spread over years as
a real collection's do. Each page is requested through the app in-process (Starlette's
test client: routing, the queries, the template; no network), once to warm it, then
REPEATS times; the figures are the medians of the wall time and of the CPU time (all
threads of the process), and the fastest wall time: on a shared machine the CPU time
and the fastest run say what the page costs when nothing else runs. The search index is
built on the first search: that build is timed on its own. WEB_BENCH_DB=PATH keeps
the database built there (and times the one found there without building it again).
"""

from __future__ import annotations

import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from bench.concurrent_bench import sample
from bench.store_bench import write_results

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))
NEWS = SHARED / "data" / "news" / "bbc2225.jsonl.gz"
RESULTS = Path(__file__).parent / "results" / "web.json"
ARTICLES = int(os.environ.get("WEB_BENCH_ARTICLES", "250"))
DOCUMENTS = 10_000
REPEATS = 7
BUDGET_MS = 300  # the bound on a page's server time


def analysed(articles: Path, db: Path) -> int:
    """Analyse and store the articles (one worker: the machine is shared); how many."""
    from dossier.store import Store, ingest

    with Store(db) as store:
        return ingest([articles], store, workers=1).stored


def replicated(articles_db: Path, path: Path, stored: int) -> int:
    """The articles' rows copied until there are DOCUMENTS documents (or just over):
    copy k has ids ending in '-k' and its dates k weeks later. How many documents."""
    from dossier.store import Store
    from dossier.store.schema import CHILD_TABLES

    copies = math.ceil(DOCUMENTS / stored)
    moved = {"documents": ("published",), "events": ("date_start", "date_end")}
    with Store(path) as store:
        con = store.con
        con.execute("SET enable_progress_bar = false")
        con.execute(f"ATTACH '{articles_db}' AS articles (READ_ONLY)")
        for table in ("documents", *CHILD_TABLES):
            columns = {row[0] for row in con.execute(f"DESCRIBE articles.{table}").fetchall()}
            renamed = ["a.doc_id || '-' || k AS doc_id"]
            if "event_id" in columns:
                renamed.append("a.event_id || '-' || k AS event_id")
            renamed += [f"a.{c} + 7 * k::INT AS {c}" for c in moved.get(table, ())]
            con.execute(
                f"INSERT INTO {table} SELECT a.* REPLACE ({', '.join(renamed)})"
                f" FROM articles.{table} a, range(?) r(k)",
                [copies],
            )
        con.execute("DETACH articles")
        con.execute("CHECKPOINT")
        return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])


def pages(db: Path) -> dict[str, str]:
    """The pages timed, by what they show: the actor, pair, place and word each asks
    for are the database's busiest, so each page is as full as it gets here."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    one = lambda sql: con.execute(sql).fetchone()  # noqa: E731
    (actor,) = one(
        "SELECT name FROM (SELECT source_name AS name FROM events UNION ALL"
        " SELECT target_name FROM events) WHERE name IS NOT NULL"
        " GROUP BY name ORDER BY count(*) DESC, name LIMIT 1"
    )
    source, target = one(
        "SELECT source_name, target_name FROM events WHERE source_name IS NOT NULL"
        " AND target_name IS NOT NULL GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1"
    )
    quad, root = one(
        "SELECT quad_class, left(cameo_code, 2) FROM events WHERE quad_class IS NOT NULL"
        " GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1"
    )
    (country,) = one(
        "SELECT source_country FROM events WHERE source_country IS NOT NULL"
        " GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
    )
    event_id, doc_id = one("SELECT event_id, doc_id FROM events ORDER BY 2, 1 LIMIT 1")
    con.close()
    name = quote(actor, safe="")
    return {
        "events": "/events",
        "events, 3 facets chosen": f"/events?quad_class={quad}&root={root}"
        f"&source_country={quote(country)}",
        "events, sorted by source, page 5": "/events?sort=source_name&page=5",
        "event": f"/events/{quote(event_id, safe='')}",
        "documents": "/documents",
        "document": f"/documents/{quote(doc_id, safe='')}",
        "actors": "/actors",
        "actor": f"/actors/{name}",
        "map": "/map",
        "timeline (actor)": f"/timeline?actor={name}",
        "dyad": f"/dyads/{quote(source, safe='')}/{quote(target, safe='')}",
        "search": "/search?q=election",
        "API events": "/api/events",
    }


def page_figures(db: Path) -> tuple[dict[str, dict], float]:
    """Each page's median time, status and size; and the first search's (index build)."""
    from fastapi.testclient import TestClient

    from dossier.web import create_app

    timed: dict[str, dict] = {}
    with TestClient(create_app(db)) as client:
        started = time.perf_counter()
        client.get("/search?q=election")
        first_search_ms = round((time.perf_counter() - started) * 1000, 1)
        for label, path in pages(db).items():
            response = client.get(path)  # warms it
            runs = [_timed(lambda path=path: client.get(path)) for _ in range(REPEATS)]
            wall = round(statistics.median(w for w, _ in runs), 1)
            cpu = round(statistics.median(c for _, c in runs), 1)
            timed[label] = {
                "path": path,
                "status": response.status_code,
                "kib": round(len(response.content) / 1024, 1),
                "median_ms": wall,
                "fastest_ms": round(min(w for w, _ in runs), 1),
                "median_cpu_ms": cpu,
                "over_budget": wall > BUDGET_MS,
            }
            print(f"  {label:34} {wall:7.1f} ms, CPU {cpu:7.1f} ms  {path}", flush=True)
    return timed, first_search_ms


def _timed(call) -> tuple[float, float]:  # noqa: ANN001
    """Wall and CPU milliseconds of a call (CPU of every thread of this process: the
    app and DuckDB's threads), the CPU less swayed by other work on the machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def counts(db: Path) -> dict[str, int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    found = {
        table: int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table in ("documents", "sentences", "events", "mentions")
    }
    con.close()
    return found


def built(large: Path, work: Path) -> dict:
    """Build the database at `large`: how long analysing and copying took."""
    articles, small = work / "bbc.jsonl", work / "articles.duckdb"
    sample(articles, ARTICLES)
    started = time.perf_counter()
    stored = analysed(articles, small)
    analysed_at = time.perf_counter()
    replicated(small, large, stored)
    copied_at = time.perf_counter()
    return {
        "articles_analysed": stored,
        "analyse_seconds": round(analysed_at - started, 1),
        "copy_seconds": round(copied_at - analysed_at, 1),
    }


def main() -> int:
    if not NEWS.exists():
        print(f"web bench: {NEWS} is missing (../shared must be beside the checkout)")
        return 1
    kept = os.environ.get("WEB_BENCH_DB")
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        large = Path(kept) if kept else Path(tmp) / "web.duckdb"
        results = {
            "command": "python -m bench web",
            "cpus": os.cpu_count(),
            "load_average_at_start": round(os.getloadavg()[0], 2),
        }
        if not large.exists():
            results |= built(large, Path(tmp))
        results |= {
            "database": counts(large),
            "db_mib": round(large.stat().st_size / 2**20, 1),
            "repeats": REPEATS,
            "budget_ms": BUDGET_MS,
        }
        print(f"  database: {results['database']}, {results['db_mib']} MiB", flush=True)
        results["pages"], results["first_search_ms"] = page_figures(large)
        results["load_average_at_end"] = round(os.getloadavg()[0], 2)
    write_results(RESULTS, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
