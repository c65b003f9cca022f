"""Ingest: layouts, splitting, metadata, and bad input — on hand-written pages and the seeds."""

from __future__ import annotations

import json
from datetime import date

import pytest
from tests.conftest import SEED_AUGUST, SEED_JUNE, require_shared

from dossier.errors import InputError
from dossier.ingest import read_articles, read_source
from dossier.ingest.plaintext import is_headline, split_page
from dossier.ingest.published import infer_published
from dossier.ingest.reading import read_text

PAGE = """FIRST HEADLINE HERE.

Publication: Monitor Volume: 6 Issue: 114

First article, first paragraph.

First article, second paragraph.
SECOND STORY OF THE DAY

Second article body.

TEASER FOR A STORY NOT ON THIS PAGE.
"""


def articles(text: str, name: str = "page.txt"):
    return list(read_source(text, name, "text"))


def test_page_splits_on_headlines_and_drops_a_trailing_headline():
    found = split_page(PAGE)
    assert [a.title for a in found] == ["FIRST HEADLINE HERE", "SECOND STORY OF THE DAY"]
    assert found[0].paragraphs == [
        "First article, first paragraph.",
        "First article, second paragraph.",
    ]
    assert found[1].text == "Second article body."
    assert all("TEASER" not in a.text for a in found)


def test_publication_line_is_metadata_not_text():
    (first, _second) = split_page(PAGE)
    assert first.publication.name == "Monitor"
    assert (first.publication.volume, first.publication.issue) == ("6", "114")
    assert "Publication:" not in first.text


def test_article_without_headline_has_no_title():
    (only,) = split_page("Publication: Monitor Volume: 6 Issue: 1\n\nJust a body.\n")
    assert only.title is None and only.text == "Just a body."


def test_headline_glued_to_the_end_of_a_paragraph_is_split_off():
    (only,) = split_page("The talks ended without agreement.NEXT STORY TITLE HERE.")
    assert only.text == "The talks ended without agreement."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("RUSSIAN-U.S. TALKS ON KOREAN SECURITY.", True),
        ("COMMUNICATIONS MINISTER ORDERS SURVEILLANCE.", True),
        ("NATO", False),  # one word: an acronym, not a headline
        ("The U.S. and NATO met.", False),
    ],
)
def test_headline_recognition(line, expected):
    assert is_headline(line) is expected


def test_second_seed_title_and_trailing_fragment():
    require_shared(SEED_AUGUST)
    (article,) = list(read_articles([SEED_AUGUST], date(2000, 8, 30)))
    assert article.title == "RUSSIAN-U.S. TALKS ON KOREAN SECURITY"
    assert "COMMUNICATIONS MINISTER" not in article.text
    assert article.text.startswith("News reports out of Moscow this week")
    assert article.text.endswith("(International Herald Tribune, August 30).")
    assert article.publication.issue == "160"


def test_first_seed_has_no_title_and_its_header_is_removed():
    require_shared(SEED_JUNE)
    (article,) = list(read_articles([SEED_JUNE], date(2000, 6, 12)))
    assert article.title is None
    assert article.text.startswith("Arms control intersected with Asian policy")
    assert article.publication.issue == "114"


def test_same_text_same_id():
    one, two = articles("Body of an article.\n"), articles("Body of an article.\n", "other.txt")
    assert one[0].doc_id == two[0].doc_id
    assert one[0].doc_id != articles("Another body.\n")[0].doc_id


def test_published_given_beats_inferred(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Talks were held on June 9, 2000.\n", encoding="utf-8")
    (inferred,) = read_articles([path])
    assert inferred.published == date(2000, 6, 9) and inferred.published_inferred
    (given,) = read_articles([path], date(2000, 6, 12))
    assert given.published == date(2000, 6, 12) and not given.published_inferred


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He arrived on June 9, 2000 and left on 12 June 2000.", date(2000, 6, 12)),
        ("Signed 1999-12-31.", date(1999, 12, 31)),
        ("Late last week, on June 9, talks began.", None),  # no year: never guessed
        ("The 1972 treaty.", None),
    ],
)
def test_publication_date_inference(text, expected):
    assert infer_published(text) == expected


def test_jsonl_records_with_their_own_ids_and_dates(tmp_path):
    path = tmp_path / "wire.jsonl"
    rows = [
        {
            "id": "a1",
            "title": "One",
            "published": "2000-06-12",
            "text": "First text.",
            "outlet": "X",
        },
        {"text": "Second text, no metadata."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = read_articles([path])
    assert (first.doc_id, first.title, first.published, first.outlet) == (
        "a1",
        "One",
        date(2000, 6, 12),
        "X",
    )
    assert second.record_id is None and second.published is None


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"title": "no text"}', "has no 'text'"),
        ('{"text": "x", "published": "last week"}', "'published' is not a date"),
        ("{not json", "malformed JSON"),
        ("[1, 2]", "JSON object is expected"),
    ],
)
def test_bad_jsonl_lines_are_reported_with_file_and_line(tmp_path, line, problem):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "A good article."}\n' + line + "\n", encoding="utf-8")
    good, bad = read_articles([path])
    assert good.text == "A good article."
    assert isinstance(bad, InputError)
    assert str(bad).startswith(f"{path}:2: ") and problem in str(bad)


def test_html_main_text_without_navigation(tmp_path):
    path = tmp_path / "page.html"
    body = " ".join(["Officials met in Geneva to discuss the ceasefire plan."] * 6)
    path.write_text(
        "<html><head><title>Ceasefire talks</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World news menu</a></nav>"
        f"<article><h1>Ceasefire talks</h1><p>{body}</p></article>"
        "<footer>Copyright footer text</footer></body></html>",
        encoding="utf-8",
    )
    (article,) = read_articles([path])
    assert article.title == "Ceasefire talks"
    assert article.text.startswith("Officials met in Geneva")
    assert "menu" not in article.text and "Copyright" not in article.text


def test_directories_are_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second file.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First file.\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored,file\n", encoding="utf-8")
    texts = [a.text for a in read_articles([tmp_path])]
    assert texts == ["First file.", "Second file."]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"  \n\n ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        ("Caf\u00e9 talks".encode("latin-1"), "is not valid UTF-8 (byte 0xe9 at offset 3)"),
    ],
)
def test_unreadable_content_is_named(tmp_path, content, problem):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        read_text(path)
    assert str(raised.value) == f"{path}: {problem}" or str(raised.value).startswith(
        f"{path}: {problem}"
    )


def test_missing_and_huge_files(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "absent.txt")
    big = tmp_path / "big.txt"
    big.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        read_text(big, max_bytes=100)


def test_a_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text("A readable article.\n", encoding="utf-8")
    results = list(read_articles([tmp_path / "bad.txt", tmp_path / "missing.txt", good]))
    assert [type(r).__name__ for r in results] == ["InputError", "InputError", "Article"]
