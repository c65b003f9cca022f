"""Plain-text pages, including the Monitor layout.

A page may hold several articles. An ALL-CAPS headline line starts a new article;
a `Publication: NAME Volume: V Issue: N` line gives the article its publication. A
headline with nothing after it (the teaser for the next, missing, article that
ends many Monitor pages) is dropped: it is neither text nor title of the article
before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossier.record import Publication

PUBLICATION_LINE = re.compile(
    r"^\s*Publication:\s*(?P<name>.+?)"
    r"(?:\s+Volume:\s*(?P<volume>\S+))?"
    r"(?:\s+Issue:\s*(?P<issue>\S+))?\s*$"
)
# A headline glued to the end of a paragraph, as pages copied from the web often
# have it: "…diplomatic agenda.RUSSIAN-U.S. TALKS ON KOREAN SECURITY."
GLUED_HEADLINE = re.compile(
    r"(?<=[a-z0-9.”\"’)])(?P<headline>(?:[A-Z][A-Z0-9.,’'&-]*\s+){2,}[A-Z][A-Z0-9.,’'&-]*)$"
)
MAX_HEADLINE_CHARS = 200


@dataclass
class PlainArticle:
    """An article as found on a page: its headline, publication and paragraphs."""

    title: str | None = None
    publication: Publication | None = None
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def split_page(text: str) -> list[PlainArticle]:
    """The articles on a plain-text page, in order; those without a body are dropped."""
    articles: list[PlainArticle] = []
    current = PlainArticle()
    for line in _lines(text):
        header = PUBLICATION_LINE.match(line)
        if is_headline(line):
            articles.append(current)
            current = PlainArticle(title=clean_headline(line))
        elif header:
            if current.paragraphs:
                articles.append(current)
                current = PlainArticle()
            current.publication = _publication(header)
        else:
            current.paragraphs.append(line)
    articles.append(current)
    return [article for article in articles if article.paragraphs]


def is_headline(line: str) -> bool:
    """An ALL-CAPS line of a few words: every letter upper case, at least two words."""
    letters = [c for c in line if c.isalpha()]
    return (
        len(line) <= MAX_HEADLINE_CHARS
        and len(letters) >= 6
        and all(c.isupper() for c in letters)
        and len(line.split()) >= 2
    )


def clean_headline(line: str) -> str:
    """The headline without its trailing period and surrounding space."""
    return line.strip().rstrip(".").strip()


def _lines(text: str) -> list[str]:
    """Non-empty stripped lines, with a headline glued to a paragraph's end split off."""
    lines = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        glued = GLUED_HEADLINE.search(line)
        if glued and not is_headline(line) and is_headline(glued["headline"]):
            lines.append(line[: glued.start()].rstrip())
            lines.append(glued["headline"])
        else:
            lines.append(line)
    return lines


def _publication(match: re.Match) -> Publication:
    return Publication(name=match["name"].strip(), volume=match["volume"], issue=match["issue"])
