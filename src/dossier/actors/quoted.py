"""Where the text quotes someone, and who: for "we" / "our" / "us" inside a quotation.

The quotes stage (`dossier.attribution.quotes`) runs after the actors stage and reads
its entities, so the actors stage finds quotations and their speakers itself, more
simply: a quotation runs from an opening mark to its closing mark (“…”, or a straight
mark to the next one; VOA mixes the two, "…”), and ends at a paragraph break when the
writer reopens the next paragraph without closing. Its speaker is the subject of a verb
of saying outside any quotation, in the sentence where the quotation ends or begins
('"…," Hayat said', 'Trump wrote: "…"'); a quotation with none continues the one
closed in the sentence before it ('"…," he said. "We are making progress."').
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

OPENING, CLOSING, STRAIGHT = "“", "”", '"'
PARAGRAPH = "\n\n"
# Verbs that attribute a quotation to their subject (a narrow list: a wrong speaker
# gives "we" a wrong code, a missing one only leaves it uncoded).
SPEECH_VERBS = frozenset(
    """say tell add state declare announce write note explain insist warn stress
    argue reply respond remark claim confirm assert vow promise pledge urge""".split()
)


@dataclass(frozen=True)
class Quotation:
    start: int  # first character inside the marks
    end: int  # the closing mark, or the end of the paragraph or text
    speaker: Token | None  # the subject of the verb of saying


def quotations(doc: Doc) -> list[Quotation]:
    """The document's quotations with the subject that says each, in text order."""
    text = doc.text
    ranges = _quoted_ranges(text)
    found: list[Quotation] = []
    for start, end in ranges:
        speaker = _speaker(doc, start, end, ranges)
        if speaker is None and found and _follows(doc, text, found[-1], start):
            speaker = found[-1].speaker
        found.append(Quotation(start, end, speaker))
    return found


def quotation_at(quotes: list[Quotation], position: int) -> Quotation | None:
    return next((q for q in quotes if q.start <= position < q.end), None)


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks; an unclosed one stops at a paragraph break."""
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    for position, char in enumerate(text):
        if opened is not None and text.startswith(PARAGRAPH, position):
            ranges.append((opened, position))
            opened = None
        if char == OPENING or (char == STRAIGHT and opened is None):
            opened = position + 1
        elif char in (CLOSING, STRAIGHT) and opened is not None:
            ranges.append((opened, position))
            opened = None
    if opened is not None:
        ranges.append((opened, len(text)))
    return ranges


def _speaker(doc: Doc, start: int, end: int, ranges: list[tuple[int, int]]) -> Token | None:
    """The subject of a verb of saying outside the quotations, in the sentence where this
    one ends, else where it begins."""
    for position in (end, start):
        sentence = _sentence_at(doc, position)
        if sentence is None:
            continue
        for token in sentence:
            if _quoted(token, ranges) or not _says(token):
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and not _quoted(subject, ranges):
                return subject
    return None


def _says(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS


def _quoted(token: Token, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= token.idx < end for start, end in ranges)


def _sentence_at(doc: Doc, position: int):
    span = doc.char_span(max(position - 1, 0), position, alignment_mode="expand")
    return span.sent if span is not None else None


def _follows(doc: Doc, text: str, previous: Quotation, start: int) -> bool:
    """The quotation begins in the sentence after the one where the previous one ended
    (or in the same one), with no paragraph break between them."""
    if PARAGRAPH in text[previous.end : start]:
        return False
    before, here = _sentence_at(doc, previous.end), _sentence_at(doc, start + 1)
    if before is None or here is None:
        return False
    return here.start - before.end <= 1 or here.start == before.start
