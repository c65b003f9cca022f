"""The SQL box (`/sql`) and its exports, in-process on the web tests' database (see
test_web_seeds.py): a query's rows against the same query run directly, writes and
files refused, the row and time limits said, bad SQL a 400 with DuckDB's message, the
exports holding the page's rows, and the hostile article's markup escaped."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import duckdb
import pytest
from fastapi.testclient import TestClient

from dossier.web import create_app, sql_page
from test_web_seeds import HOSTILE_TITLE, web_database

BY_TYPE = "SELECT plover_type, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, 1"


@pytest.fixture(scope="module")
def db(analyser, tmp_path_factory):
    return web_database(analyser, tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as client:
        yield client


def cells(page: str) -> list[list[str]]:
    body = page.split('<table class="sql-rows" id="sql-rows">')[1].split("</tbody>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>")[1])
    return [[unescape(c) for c in re.findall(r"<td>(.*?)</td>", row)] for row in rows]


def text(value: object) -> str:
    """A value as the page shows it: NULL as an empty cell."""
    return "" if value is None else str(value)


def problem(page: str) -> str:
    return unescape(re.search(r'id="problems".*?<li>(.*?)</li>', page, re.S).group(1))


def test_a_query_shows_exactly_its_rows(client, db):
    with duckdb.connect(str(db), read_only=True) as con:
        expected = con.execute(BY_TYPE).fetchall()
    response = client.get("/sql", params={"q": BY_TYPE})
    assert response.status_code == 200
    assert cells(response.text) == [[text(t), text(n)] for t, n in expected]
    assert f"{len(expected)} rows" in response.text and len(expected) > 3
    assert f">{BY_TYPE}</textarea>" in unescape(response.text)  # the box keeps the query
    assert '<a href="/sql">SQL</a>' in client.get("/events").text


def test_the_exports_hold_the_pages_rows(client):
    page = cells(client.get("/sql", params={"q": BY_TYPE}).text)
    exported = client.get("/sql.csv", params={"q": BY_TYPE})
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8"))))
    assert rows[0] == ["plover_type", "n"] and rows[1:] == page
    body = client.get("/sql.json", params={"q": BY_TYPE}).json()
    assert body["columns"] == ["plover_type", "n"] and body["truncated"] is False
    assert [[text(v) for v in row] for row in body["rows"]] == page


@pytest.mark.parametrize(
    ("sql", "said"),
    [
        ("DELETE FROM events", "read-only"),
        ("CREATE TABLE mine AS SELECT 1", "read-only"),
        ("SELECT * FROM read_csv('/etc/passwd')", "disabled by configuration"),
        ("COPY events TO '/tmp/dossier-leak.csv'", "disabled by configuration"),
        ("SET enable_external_access = true", "configuration has been locked"),
        ("SELEC 1", "syntax error"),
    ],
)
def test_writes_files_and_bad_sql_are_refused_with_duckdbs_message(client, sql, said):
    response = client.get("/sql", params={"q": sql})
    assert response.status_code == 400
    assert said in problem(response.text).lower() or said in problem(response.text)
    assert client.get("/sql.csv", params={"q": sql}).status_code == 400
    assert client.get("/sql", params={"q": "SELECT count(*) FROM events"}).status_code == 200


def test_the_limits_are_said(client, monkeypatch):
    shown = client.get("/sql", params={"q": f"SELECT * FROM range({sql_page.SHOWN_ROWS + 5})"})
    assert len(cells(shown.text)) == sql_page.SHOWN_ROWS
    assert "the query has more" in shown.text
    monkeypatch.setattr(sql_page, "SQL_SECONDS", 0.2)
    endless = "SELECT count(*) FROM range(10000000000000) t(i) WHERE i % 7 = 3"
    stopped = client.get("/sql", params={"q": endless})
    assert stopped.status_code == 400
    assert problem(stopped.text) == "the query ran for over 0.2 s and was stopped"
    assert client.get("/sql", params={"q": "x" * (sql_page.MAX_SQL + 1)}).status_code == 422


def test_values_are_text_not_markup(client):
    page = client.get("/sql", params={"q": "SELECT title FROM documents ORDER BY title"}).text
    assert [HOSTILE_TITLE] in cells(page)
    assert "<script>" not in page.split('id="sql-rows"')[1]
    empty = client.get("/sql")
    assert empty.status_code == 200 and 'id="sql-rows"' not in empty.text
