# ruff: noqa: E501  (the SQL of the comparison reads best on long lines)
"""Compare full-text search designs over a dossier database, as docs/web.md reports them:
tantivy (in memory, as src/dossier/web/search.py builds it), BM25 computed in SQL over a
token table (an in-memory DuckDB, plurals stripped by Harman's S-stemmer), and ILIKE
over the database. Prints each one's build time, then per query its median time, its
number of hits and its first three sentences.

    .venv/bin/python scripts/compare_search.py DATABASE.duckdb
"""

import statistics
import sys
import time

import duckdb
import tantivy

from dossier.web.search import analyser

DB = sys.argv[1]
QUERIES = [
    "sanctions Iran",
    "Putin",
    "ceasefire",
    "oil prices",
    "interest rates",
    "Blair election",
    "Gaza hostages",
    "trade deficit",
    "asylum immigration",
    "missile test",
]
src = duckdb.connect(DB, read_only=True)
sentences = src.execute("SELECT doc_id, idx, text FROM sentences").fetchall()
print(
    f"{len(sentences)} sentences, {src.execute('select count(*) from documents').fetchone()[0]} documents"
)


def timed(fn, n=15):
    fn()
    ts = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts) * 1000


# --- tantivy


def build_tantivy():
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("key", stored=True, tokenizer_name="raw")
    sb.add_text_field("text", stored=False, tokenizer_name="dossier")
    index = tantivy.Index(sb.build())
    index.register_tokenizer("dossier", analyser())
    w = index.writer(heap_size=50_000_000, num_threads=1)
    for doc_id, idx, text in sentences:
        w.add_document(tantivy.Document(key=f"{doc_id}\t{idx}", text=text))
    w.commit()
    w.wait_merging_threads()
    index.reload()
    return index


t = time.perf_counter()
index = build_tantivy()
print(f"tantivy build {1000 * (time.perf_counter() - t):.0f} ms")


def q_tantivy(q, k=5):
    query, _ = index.parse_query_lenient(q, ["text"])
    s = index.searcher()
    res = s.search(query, k, count=True)
    return res.count, [s.doc(a)["key"][0] for _, a in res.hits]


# --- SQL BM25
mem = duckdb.connect()
STEM = """CASE WHEN t LIKE '%ies' AND t NOT LIKE '%eies' AND t NOT LIKE '%aies' THEN left(t, -3) || 'y'
 WHEN t LIKE '%es' AND t NOT LIKE '%aes' AND t NOT LIKE '%ees' AND t NOT LIKE '%oes' THEN left(t, -1)
 WHEN t LIKE '%s' AND t NOT LIKE '%us' AND t NOT LIKE '%ss' THEN left(t, -1) ELSE t END"""


def build_sql():
    mem.execute("CREATE OR REPLACE TABLE s (id INTEGER, key VARCHAR, text VARCHAR)")
    import pandas as pd

    df = pd.DataFrame(
        [(i, f"{d}\t{x}", t) for i, (d, x, t) in enumerate(sentences)],
        columns=["id", "key", "text"],
    )
    mem.register("df", df)
    mem.execute("CREATE OR REPLACE TABLE s AS SELECT * FROM df")
    mem.unregister("df")
    mem.execute(f"""CREATE OR REPLACE TABLE tok AS SELECT id, {STEM} AS term, count(*) AS tf FROM
      (SELECT id, unnest(regexp_extract_all(lower(strip_accents(text)), '[a-z0-9]+')) AS t FROM s) GROUP BY ALL""")
    mem.execute("CREATE OR REPLACE TABLE len AS SELECT id, sum(tf) AS dl FROM tok GROUP BY id")
    mem.execute("CREATE OR REPLACE TABLE df AS SELECT term, count(*) AS df FROM tok GROUP BY term")


try:
    t = time.perf_counter()
    build_sql()
    print(f"sql build {1000 * (time.perf_counter() - t):.0f} ms")
except Exception as e:
    print("sql build failed", e)
    raise


def q_sql(q, k=5):
    terms = mem.execute(
        f"SELECT DISTINCT {STEM} FROM (SELECT unnest(regexp_extract_all(lower(strip_accents(?)), '[a-z0-9]+')) AS t)",
        [q],
    ).fetchall()
    terms = [r[0] for r in terms]
    rows = mem.execute(
        """WITH n AS (SELECT count(*) AS n, avg(dl) AS avgdl FROM len),
      hit AS (SELECT tok.id, tok.term, tok.tf, df.df FROM tok JOIN df USING (term) WHERE term IN ?),
      scored AS (SELECT hit.id, sum(ln(1 + (n.n - hit.df + 0.5) / (hit.df + 0.5)) * hit.tf * 2.2 /
        (hit.tf + 1.2 * (0.25 + 0.75 * len.dl / n.avgdl))) AS score FROM hit JOIN len USING (id), n GROUP BY hit.id)
      SELECT s.key, score, count(*) OVER () FROM scored JOIN s USING (id) ORDER BY score DESC, s.id LIMIT ?""",
        [terms, k],
    ).fetchall()
    return (rows[0][2] if rows else 0), [r[0] for r in rows]


# --- ILIKE over the database itself
def q_ilike(q, k=5):
    words = q.split()
    where = " AND ".join(["text ILIKE ?"] * len(words))
    rows = src.execute(
        f"SELECT doc_id || chr(9) || idx, count(*) OVER () FROM sentences WHERE {where} LIMIT ?",
        [f"%{w}%" for w in words] + [k],
    ).fetchall()
    return (rows[0][1] if rows else 0), [r[0] for r in rows]


texts = {f"{d}\t{x}": t for d, x, t in sentences}
for q in QUERIES:
    print(f"\n=== {q!r}")
    for name, fn in (("tantivy", q_tantivy), ("sql", q_sql), ("ilike", q_ilike)):
        ms = timed(lambda fn=fn, q=q: fn(q))
        n, keys = fn(q)
        print(f"  {name:8} {ms:6.1f} ms  {n:6} hits")
        for key in keys[:3]:
            print(f"      - {texts[key][:150]!r}")
