"""The database the web tests serve: both seeds, plus a hostile article whose text and
title carry markup that must never run, built once per session.

Hand-checked facts the tests rely on, from the June seed (published Monday 2000-06-12):
"This was made clear on June 10, when Moscow announced that Deputy Foreign Minister
Georgy Mamedov ... had met in Moscow the day before with North Korean ambassador Pak Ui
Chun." -- a meeting on 2000-06-09, credited to "(Reuters, AP, UPI, Russian agencies,
June 8-11)".
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from conftest import SEED_AUGUST, SEED_DATES, SEED_JUNE, require_shared
from dossier.errors import InputError
from dossier.ingest import Article, read_articles
from dossier.store import Store
from dossier.store.analysis import AnalysisJob, analyse_batch

HOSTILE_TITLE = "Summit <script>window.__pwned=3</script> report"
HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_TEXT = (
    "President Vladimir Putin met North Korean leader Kim Jong-il in Pyongyang on Wednesday. "
    f"{HOSTILE_SCRIPT} The talks covered missiles. "
    'Russia criticized the United States <img src=x onerror="window.__pwned=2">.\n'
)
HOSTILE_PUBLISHED = date(2000, 7, 21)
SETTINGS = json.dumps({"model": "test"}, sort_keys=True)

_built: dict[str, Path] = {}


def hostile_article() -> Article:
    return Article(
        text=HOSTILE_TEXT, title=HOSTILE_TITLE, published=HOSTILE_PUBLISHED, source_file="<hostile>"
    )


def web_database(analyser, directory: Path) -> Path:
    """Path of the session's database (seeds + hostile article), built on first call."""
    if "db" in _built:
        return _built["db"]
    articles = [hostile_article()]
    for path in (SEED_JUNE, SEED_AUGUST):
        require_shared(path)
        articles += [
            a for a in read_articles([path], SEED_DATES[path.name]) if isinstance(a, Article)
        ]
    outcomes = analyse_batch(analyser, [AnalysisJob(a, None, SETTINGS) for a in articles])
    failed = [str(o) for o in outcomes if isinstance(o, InputError)]
    assert not failed, f"the web test articles could not be analysed: {failed}"
    db = directory / "web.duckdb"
    with Store(db) as store:
        store.write_many(outcomes)
    _built["db"] = db
    return db


def writable_copy(db: Path, directory: Path) -> Path:
    """A copy to write to: one process cannot hold a file read-only and read-write at once."""
    copy = directory / "writable.duckdb"
    shutil.copy(db, copy)
    return copy


def test_the_web_database_holds_both_seeds_and_the_hostile_article(analyser, tmp_path_factory):
    db = web_database(analyser, tmp_path_factory.mktemp("web"))
    with Store(db, read_only=True) as store:
        rows = store.con.execute("SELECT title, published FROM documents ORDER BY published")
        documents = rows.fetchall()
    assert [d[1] for d in documents] == [date(2000, 6, 12), HOSTILE_PUBLISHED, date(2000, 8, 30)]
    assert documents[1][0] == HOSTILE_TITLE
