"""ingest: files, directories and standard input turned into articles.

Public function: `read_articles(paths, published)` yields an `Article` for every
article found, and an `InputError` for every input that could not be read, so a
caller decides whether one bad file stops the batch.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from dossier.errors import InputError
from dossier.ingest.article import Article, content_id
from dossier.ingest.html import read_html
from dossier.ingest.jsonl import read_jsonl
from dossier.ingest.plaintext import split_page
from dossier.ingest.published import infer_published
from dossier.ingest.reading import checked_length, decode, read_text, unicode_checked, visible

__all__ = ["Article", "InputError", "content_id", "read_articles", "read_source"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
STDIN = "-"


def read_articles(
    paths: Iterable[str | Path], published: date | None = None
) -> Iterator[Article | InputError]:
    """Every article in the inputs; `published` overrides each article's own date."""
    for path in paths:
        for item in _expand(path):
            if isinstance(item, InputError):
                yield item
                continue
            try:
                yield from (_dated(a, published) for a in _read(item))
            except InputError as error:
                yield error


def read_source(text: str, name: str, kind: str | None = None) -> Iterator[Article | InputError]:
    """The articles in one source's text; kind is 'text', 'html' or 'jsonl' (else sniffed).

    Texts and titles come without zero-width and bidi control characters (`visible`)."""
    kind = kind or _sniff(text)
    if kind == "jsonl":
        yield from read_jsonl(text, name)
    elif kind == "html":
        body, title, day, site = read_html(text, name)
        body, title = visible(body), title and visible(title)
        article = Article(text=body, title=title, published=day, source_file=name, outlet=site)
        yield _sized(article, name)
    else:
        yield from _plain_articles(visible(text), name)


def _plain_articles(text: str, name: str) -> Iterator[Article | InputError]:
    # Articles printed on one page share its date: the latest full date on the page.
    page_date = infer_published(text)
    for page_article in split_page(text):
        article = Article(
            text=page_article.text,
            title=page_article.title,
            publication=page_article.publication,
            published=page_date,
            published_inferred=page_date is not None,
            source_file=name,
        )
        yield _sized(article, name)


def _sized(article: Article, where: str) -> Article | InputError:
    """The article, or an InputError when its text is empty, holds NUL or a lone surrogate
    (possible when `read_source` is given a str) or is longer than the parser takes."""
    if not article.text.strip():
        return InputError(where, "has no text once invisible characters are removed")
    if "\x00" in article.text:
        return InputError(where, "the text holds NUL characters (binary data?)")
    try:
        unicode_checked(article.text, "text", where)
        checked_length(article.text, where)
    except InputError as error:
        return error
    return article


def _expand(path: str | Path) -> Iterator[Path | InputError | str]:
    """A directory's readable files, recursively and in order; other paths as given."""
    if str(path) == STDIN:
        yield STDIN
        return
    path = Path(path)
    if not path.is_dir():
        yield path
        return
    files = sorted(
        p
        for p in path.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
        and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
    )
    if not files:
        yield InputError(str(path), "directory holds no .txt, .html or .jsonl files")
    yield from files


def _read(item: Path | str) -> Iterator[Article | InputError]:
    if item == STDIN:
        text = decode(sys.stdin.buffer.read(), "<stdin>")
        return read_source(text, "<stdin>")
    text = read_text(item)
    return read_source(text, str(item), _kind(item))


def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def _sniff(text: str) -> str:
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body", "<article")):
        return "html"
    return "text"


def _dated(item: Article | InputError, published: date | None) -> Article | InputError:
    """The article with its publication date: given, its own, else inferred from the text."""
    if isinstance(item, InputError):
        return item
    if published is not None:
        return replace(item, published=published, published_inferred=False)
    if item.published is not None:
        return item
    inferred = infer_published(item.text)  # JSONL and HTML records without a date of their own
    return replace(item, published=inferred, published_inferred=inferred is not None)
