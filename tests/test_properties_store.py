"""Property-based test of ingest into the store (issue 12, "Tests that keep it so").

A database already holding a document; a JSON Lines file whose first record is good,
followed by random records, some valid (random texts, ids and publication dates in
years 1-9999) and some not (random JSON, lone surrogates, huge numbers, deep nesting).
Ingesting it stores the good record whole, reports every bad one on one line naming
file:line, loses nothing that was stored before, and a second ingest of the same file
stores nothing twice and loses nothing.

It runs the real model, so it draws few examples; the session's analyser is reused.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

import dossier.store.analysis as analysis_module
from dossier.errors import InputError
from dossier.ingest import Article, read_articles
from dossier.store import Store, ingest
from test_properties_readers import LINE_BREAKS, LONE_SURROGATES, ODD_PUBLISHED, lines

SCALE = int(os.environ.get("DOSSIER_PROPERTY_SCALE", "1"))
STORE = settings(max_examples=25 * SCALE, deadline=None, derandomize=SCALE == 1)

GOOD = {"id": "good", "text": "Putin met Kim in Pyongyang on Monday.", "published": "2000-06-12"}
OLD = {"id": "old", "text": "Blair met Clinton in London last week.", "published": "1999-03-01"}

ACTORS = ["Putin", "Kim", "Blair", "Clinton", "Yeltsin", "the Kremlin", "NATO", "Žižek", "李鹏"]
VERBS = ["met", "visited", "criticised", "will meet", "signed a treaty with", "attacked"]
WHEN = ["last week", "next year", "tomorrow", "on Monday", "in March", "the day before", ""]
sentence = st.builds(
    lambda a, verb, b, when: f"{a} {verb} {b} {when}".strip() + ".",
    st.sampled_from(ACTORS),
    st.sampled_from(VERBS),
    st.sampled_from(ACTORS),
    st.sampled_from(WHEN),
)


def escaped(line: str) -> str:
    """The line with raw lone surrogates written as JSON escapes, so that the file stays
    valid UTF-8 (a file that is not is refused whole, good record included)."""
    return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m[0]):04x}", line)


valid_record = st.fixed_dictionaries(
    {"text": st.lists(sentence, min_size=1, max_size=3).map(" ".join)},
    optional={
        "id": st.one_of(st.text(min_size=1, max_size=12), st.integers()),
        "published": st.one_of(
            st.dates(min_value=date.min, max_value=date.max).map(date.isoformat),
            st.sampled_from(["0001-01-01", "9999-12-31", "2000-06-12T08:30:00Z"]),
        ),
        "title": st.text(max_size=20),
    },
)
invalid_record = st.one_of(
    lines,
    st.builds(
        lambda s: json.dumps({"text": f"Putin met Kim {s}."}), st.sampled_from(LONE_SURROGATES)
    ),
    st.builds(
        lambda p: json.dumps({"text": "Putin met Kim.", "published": p}),
        st.sampled_from(ODD_PUBLISHED),
    ),
)
record_line = st.one_of(
    valid_record.map(lambda r: json.dumps(r, ensure_ascii=False).replace("\u2028", " ")),
    invalid_record.map(lambda line: escaped(line.replace("\n", " "))),
)


def rows(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table (documents without the time they were ingested)."""
    tables = [name for (name,) in store.con.execute("SHOW TABLES").fetchall()]
    found = {}
    for table in tables:
        columns = [c[0] for c in store.con.execute(f"DESCRIBE {table}").fetchall()]
        exclude = " EXCLUDE (ingested_at)" if "ingested_at" in columns else ""
        found[table] = store.con.execute(f"SELECT *{exclude} FROM {table} ORDER BY ALL").fetchall()
    return found


def check_failures(failed: list[tuple[str, str]], wire: Path) -> None:
    for source, problem in failed:
        message = f"{source}: {problem}"
        assert not any(c in message for c in LINE_BREAKS), message
        assert source.startswith(f"{wire}:"), message  # file:line of the record
        assert "analysis failed" not in problem and "could not be stored" not in problem, message


@STORE
@given(extra=st.lists(record_line, min_size=1, max_size=5))
def test_ingest_stores_the_good_reports_the_bad_and_a_rerun_changes_nothing(analyser, extra):
    shared = mock.patch.object(
        analysis_module, "Analyser", lambda model, actors=(), verbs=(): analyser
    )
    with tempfile.TemporaryDirectory() as directory, shared:
        before, wire = Path(directory) / "before.jsonl", Path(directory) / "wire.jsonl"
        before.write_text(json.dumps(OLD) + "\n", encoding="utf-8")
        text = "\n".join([json.dumps(GOOD), *extra]) + "\n"
        wire.write_text(text, encoding="utf-8")
        read = list(read_articles([wire]))
        articles = [item for item in read if isinstance(item, Article)]
        errors = [item for item in read if isinstance(item, InputError)]

        with Store(Path(directory) / "db.duckdb") as store:
            assert ingest([before], store).stored == 1
            first = ingest([wire], store)
            check_failures(first.failed, wire)
            # every record is accounted for: stored, a duplicate, or reported
            reported = {source for source, _ in first.failed}
            assert {str(error.source) for error in errors} <= reported
            handled = first.stored + first.unchanged + first.duplicates
            assert handled + len(first.failed) == len(articles) + len(errors)
            stored = dict(store.con.execute("SELECT doc_id, text FROM documents").fetchall())
            assert stored["good"] == GOOD["text"] and stored["old"] == OLD["text"]
            assert store.check() == []
            good_events = store.con.execute(
                "SELECT count(*) FROM events WHERE doc_id = 'good'"
            ).fetchone()[0]
            assert good_events >= 1
            snapshot = rows(store)

            second = ingest([wire], store)
            assert second.stored == 0 and second.events == 0
            assert second.failed == first.failed
            assert rows(store) == snapshot  # nothing stored twice, nothing lost
            assert store.check() == []
