"""Property-based tests of the readers (issue 12, "Tests that keep it so").

Random bytes, random JSON values, random JSON lines and random Unicode go through
`read_articles` and `read_source`; the invariant is that every item is either a valid
`Article` or an `InputError` whose message is one line naming the file (and, for JSON
Lines, the line), and that no exception escapes.
"""

from __future__ import annotations

import json
import os
import string
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.errors import InputError
from dossier.ingest import Article, read_articles, read_source
from dossier.ingest.reading import INVISIBLE, MAX_TEXT_CHARS

# Cheap readers: a few hundred examples in all, reproducible (derandomize) for CI;
# DOSSIER_PROPERTY_SCALE=20 runs 20 times as many random examples.
SCALE = int(os.environ.get("DOSSIER_PROPERTY_SCALE", "1"))
READERS = settings(max_examples=150 * SCALE, deadline=None, derandomize=SCALE == 1)
# The HTML reader runs trafilatura on every example: fewer of them.
HTML = settings(max_examples=60 * SCALE, deadline=None, derandomize=SCALE == 1)

SUFFIXES = [".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".dat"]
LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "a\ud83d b", "\udc80\ud800"]
ODD_PUBLISHED = [
    "",
    "2000-06-12",
    "2000-06-12garbage",
    "2000-06-12 and later",
    "2000-06-12T08:30:00Z",
    "2000-06-12T25:00",
    "2000-02-30",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "9999-12-31T23:59:59+14:00",
    "10000-01-01",
    "12 June 2000",
    "２０００-０６-１２",  # full-width digits: \d matches them, fromisoformat does not
    "2000-06-12\n",
    "2000-06-12\u2028",
    "\ud800",
]

# A line separator other than "\n" inside a message would split it on a terminal.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def check_item(item: object, name: str, jsonl_lines: int | None = None) -> None:
    """The invariant: a valid article, or a one-line error naming the file (and line)."""
    if isinstance(item, InputError):
        message = str(item)
        assert not any(c in message for c in LINE_BREAKS), repr(message)
        assert message.startswith(f"{name}:"), repr(message)
        message.encode("utf-8")  # printable: no lone surrogate echoed
        if jsonl_lines is not None and item.source != name:
            line = item.source.removeprefix(f"{name}:")
            assert line.isdigit() and 1 <= int(line) <= jsonl_lines, item.source
        return
    assert isinstance(item, Article), type(item)
    text = item.text
    assert isinstance(text, str) and text.strip()
    assert len(text) <= MAX_TEXT_CHARS
    text.encode("utf-8")
    assert "\x00" not in text
    assert not INVISIBLE.search(text)
    assert item.source_file == name
    assert item.published is None or isinstance(item.published, date)
    for value in (item.title, item.record_id, item.url, item.outlet):
        assert value is None or (isinstance(value, str) and value.encode("utf-8"))
    if jsonl_lines is not None and item.source_line is not None:
        assert 1 <= item.source_line <= jsonl_lines


def read_file(data: bytes, suffix: str) -> tuple[str, list]:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"input{suffix}"
        path.write_bytes(data)
        return str(path), list(read_articles([path]))


def line_count(data: bytes) -> int:
    text = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    return len(text.split("\n"))


# -- random bytes ---------------------------------------------------------------------------

texty_bytes = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(
        st.sampled_from([b"{", b"}", b'"text"', b":", b",", b"\n", b"\r", b" ", b"\xef\xbb\xbf"])
    ).map(b"".join),
)


@READERS
@given(data=texty_bytes, suffix=st.sampled_from([s for s in SUFFIXES if "htm" not in s]))
def test_random_bytes_give_articles_or_one_line_errors(data, suffix):
    name, items = read_file(data, suffix)
    for item in items:
        check_item(item, name, line_count(data) if "json" in suffix or suffix == ".dat" else None)


html_pages = st.builds(
    lambda title, published, paragraphs: (
        "<!DOCTYPE html><html><head>"
        f'<title>{title}</title><meta name="date" content="{published}">'
        "</head><body><article>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    ).encode("utf-8", "surrogatepass"),
    st.text(max_size=40),
    st.sampled_from(ODD_PUBLISHED),
    st.lists(st.text(min_size=1, max_size=200), max_size=4),
)


@HTML
@given(data=st.one_of(texty_bytes, html_pages), suffix=st.sampled_from([".html", ".htm"]))
def test_random_bytes_as_html_give_articles_or_one_line_errors(data, suffix):
    name, items = read_file(data, suffix)
    for item in items:
        check_item(item, name)


# -- random JSON values and JSON lines --------------------------------------------------------

unicode_text = st.one_of(
    st.text(max_size=60),
    st.text(st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=40),
    st.sampled_from(LONE_SURROGATES),
    st.sampled_from(["\u200b", "\u202e", "\ufeff", " \t ", "\x00", "Putin met Kim."]),
)
huge_ints = st.integers(min_value=4200, max_value=4400).map(lambda n: 10**n - 1)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    huge_ints,
    st.floats(allow_nan=True, allow_infinity=True),
    unicode_text,
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(unicode_text, children, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = ["id", "text", "title", "published", "url", "outlet"]
records = st.dictionaries(
    st.one_of(st.sampled_from(FIELDS), unicode_text),
    st.one_of(json_values, st.sampled_from(ODD_PUBLISHED)),
    max_size=7,
)


def encoded(value: object, ascii_only: bool) -> str:
    """JSON text of the value; lone surrogates come out as \\uD800 escapes when ascii_only."""
    try:
        return json.dumps(value, ensure_ascii=ascii_only)
    except ValueError:  # a huge int json cannot print: write its digits by hand
        return "{" + '"id": ' + "9" * 5000 + ', "text": "x"}'


raw_lines = st.one_of(
    st.text(max_size=80).filter(lambda t: "\n" not in t),
    st.integers(min_value=1, max_value=3000).map(lambda n: "[" * n + "]" * n),
    st.integers(min_value=1, max_value=3000).map(lambda n: '{"a":' * n + "1" + "}" * n),
    st.integers(min_value=4290, max_value=6000).map(
        lambda n: '{"id": ' + "7" * n + ', "text": "x"}'
    ),
    st.sampled_from(
        ['{"text": "a"', '{"text": "\\ud800"}', '{"text": "\\udc00\\ud800"}', "{}", "{"]
    ),
)
lines = st.one_of(
    st.builds(encoded, records, st.booleans()),
    st.builds(encoded, json_values, st.booleans()),
    raw_lines,
)


@READERS
@given(body=st.lists(lines, min_size=1, max_size=6), suffix=st.sampled_from([".jsonl", ".ndjson"]))
def test_random_json_lines_give_articles_or_errors_naming_file_and_line(body, suffix):
    text = "\n".join(line.replace("\n", " ") for line in body) + "\n"
    data = text.encode("utf-8", "surrogatepass")
    name, items = read_file(data, suffix)
    for item in items:
        check_item(item, name, line_count(data))
        if isinstance(item, InputError) and item.source != name:  # decoding errors name the file
            assert item.source.startswith(f"{name}:")


@READERS
@given(record=records, published=st.sampled_from(ODD_PUBLISHED))
def test_a_record_with_any_fields_is_read_or_refused_on_its_line(record, published):
    good = json.dumps({"id": "good", "text": "Putin met Kim.", "published": "2000-06-12"})
    record = {**record, "published": published} if published else record
    text = "\n".join([good, encoded(record, ascii_only=True)])
    items = list(read_source(text, "wire.jsonl", "jsonl"))
    assert isinstance(items[0], Article) and items[0].record_id == "good"
    assert len(items) == 2
    check_item(items[1], "wire.jsonl", jsonl_lines=2)
    if isinstance(items[1], InputError):
        assert items[1].source == "wire.jsonl:2"


# -- random Unicode through read_source -------------------------------------------------------


@READERS
@given(text=unicode_text, kind=st.sampled_from([None, "text", "jsonl"]))
def test_random_unicode_sources_give_articles_or_one_line_errors(text, kind):
    try:
        items = list(read_source(text, "source.txt", kind))
    except InputError as error:  # an error for the whole source is fine; it must be one line
        items = [error]
    for item in items:
        check_item(item, "source.txt", jsonl_lines=len(text.split("\n")))


@READERS
@given(
    words=st.lists(
        st.text(string.ascii_letters + "ÀÉßçøЖжΩ中文 .,-'", min_size=1, max_size=12), max_size=30
    ),
    published=st.dates(),
)
def test_plain_text_pages_keep_their_text_and_any_given_date(words, published):
    data = " ".join(words).encode("utf-8")
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "page.txt"
        path.write_bytes(data)
        items = list(read_articles([path], published))
    for item in items:
        check_item(item, str(path))
        if isinstance(item, Article):
            assert item.published == published


# -- crashes the properties found, kept as plain regression tests ---------------------------


def test_a_nul_past_the_first_8_kib_of_a_text_file_is_refused_as_binary(tmp_path):
    # found by the property below: only the first 8,192 bytes were searched for NUL
    path = tmp_path / "page.txt"
    path.write_bytes(b"Putin met Kim in Pyongyang. " * 300 + b"\x00 and more text.")
    (item,) = read_articles([path])
    assert isinstance(item, InputError)
    assert str(item) == f"{path}: looks binary (contains NUL bytes), not text"


def test_read_source_refuses_nul_and_lone_surrogates_in_a_plain_text():
    # found by test_random_unicode_sources_...: JSONL records were checked, plain text not
    (nul,) = read_source("Putin met\x00 Kim.", "page.txt", "text")
    assert str(nul) == "page.txt: the text holds NUL characters (binary data?)"
    (surrogate,) = read_source("Putin met \ud800 Kim.", "page.txt")
    assert str(surrogate) == (
        "page.txt: 'text' is not valid Unicode (lone surrogate U+D800 at character 10)"
    )


@settings(max_examples=20, deadline=None, derandomize=True)
@given(position=st.integers(min_value=0, max_value=20_000))
def test_a_nul_anywhere_in_a_text_file_never_reaches_an_article(position):
    data = b"Putin met Kim in Pyongyang. " * 800
    data = data[:position] + b"\x00" + data[position:]
    name, items = read_file(data, ".txt")
    assert len(items) == 1 and isinstance(items[0], InputError)
    check_item(items[0], name)
