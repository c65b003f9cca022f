"""Untrusted text with marked spans, as safe HTML.

The text is cut at every span boundary; each piece is escaped on its own and only then
wrapped in markup this module writes, so nothing from the text can open a tag. Spans
may overlap: a piece covered by several spans carries all their classes.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # a CSS class: entity, timex, event, citation, source, target, trigger
    title: str = ""
    href: str | None = None


def marked_html(text: str, marks: list[Mark]) -> Markup:
    """The text as HTML, each marked piece in a <mark> (and a link when a mark has one)."""
    inside = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in inside), *(m.end for m in inside)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in inside if m.start <= start and end <= m.end]
        pieces.append(_piece(text[start:end], covering))
    return Markup("").join(pieces)


def _piece(text: str, covering: list[Mark]) -> Markup:
    html = escape(text)
    if not covering:
        return html
    kinds = " ".join(dict.fromkeys(m.kind for m in covering))
    titles = " · ".join(dict.fromkeys(m.title for m in covering if m.title))
    html = Markup('<mark class="{}" title="{}">{}</mark>').format(kinds, titles, html)
    href = next((m.href for m in covering if m.href), None)
    if href is not None:
        html = Markup('<a href="{}">{}</a>').format(href, html)
    return html


@dataclass(frozen=True)
class Section:
    """A stretch of the text wrapped in its own element (a sentence), with an anchor id."""

    start: int
    end: int
    anchor: str
    kind: str = "sentence"


def sectioned_html(text: str, marks: list[Mark], sections: list[Section]) -> Markup:
    """The text as `marked_html` writes it, each section (non-overlapping, as sentences
    are) wrapped in `<span id=ANCHOR class=KIND>`, so a link can land on it. A mark that
    crosses a section's edge is cut there: each part is marked on its own side."""
    inside = sorted(
        (s for s in sections if 0 <= s.start < s.end <= len(text)), key=lambda s: s.start
    )
    pieces: list[Markup] = []
    at = 0
    for section in inside:
        if section.start < at:
            continue  # overlaps the previous one: left unwrapped
        pieces.append(_stretch(text, marks, at, section.start))
        html = _stretch(text, marks, section.start, section.end)
        pieces.append(
            Markup('<span class="{}" id="{}">{}</span>').format(section.kind, section.anchor, html)
        )
        at = section.end
    pieces.append(_stretch(text, marks, at, len(text)))
    return Markup("").join(pieces)


def _stretch(text: str, marks: list[Mark], start: int, end: int) -> Markup:
    """text[start:end] marked, with the marks clipped to it."""
    if start >= end:
        return Markup("")
    clipped = [
        Mark(max(m.start, start) - start, min(m.end, end) - start, m.kind, m.title, m.href)
        for m in marks
        if m.start < end and m.end > start
    ]
    return marked_html(text[start:end], clipped)
