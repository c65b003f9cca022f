"""Pronouns (he, his, she, her, ...) and "the two men", resolved to people already named.

A pronoun is, in order of preference: the nearest person before it in its sentence
who is a subject; the last person who was a subject of the previous sentence ("... said
spokesman Kenneth Bacon ... with Defense Secretary William Cohen. He urged Putin" → He
is Bacon, not Cohen); the most recent person named. Inside a quotation, "he" or "his"
is never the one quoted, who would say "I" ('"His miserable life was terminated,"
Trump wrote' is not about Trump). "The two men" (or "the two" with no noun after it)
are the two most recent distinct people.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier.actors.quoted import Quotation, quotation_at
from dossier.actors.syntax import is_subject
from dossier.actors.table import Found, Ref

if TYPE_CHECKING:
    from dossier.actors.scan import DocumentResolver

CLAUSE_DEPS = frozenset({"advcl", "ccomp", "ROOT", "relcl", "conj", "xcomp"})
PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
PEOPLE_NOUNS = "men|women|leaders|ministers|presidents|diplomats|officials"
TWO_PEOPLE = re.compile(rf"\b(?:[Tt]he two(?: (?:{PEOPLE_NOUNS}))?|[Bb]oth men)\b")


def resolve_pronouns(r: DocumentResolver) -> None:
    people = _person_mentions(r)
    quotes = r.quotations()
    for token in r.tokens:
        if token.lower_ not in PRONOUNS or token.pos_ != "PRON":
            continue
        gender = PRONOUNS[token.lower_]
        speaker = _speaker_of_quote(people, quotation_at(quotes, token.idx))
        agreeing = [
            (m, ref)
            for m, ref in people
            if r.table.facts[ref].gender in {None, gender} and ref != speaker
        ]
        ref = _antecedent(r, agreeing, token.idx, token.sent.start_char)
        if ref is not None:
            r.mention(token.idx, token.idx + len(token.text), ref)
    _two_people(r, people)


def _speaker_of_quote(people: list[tuple[Found, Ref]], quote: Quotation | None) -> Ref | None:
    """The person who says the quotation a pronoun stands in, if the text names them."""
    if quote is None or quote.speaker is None:
        return None
    at = quote.speaker.idx
    return next((ref for m, ref in people if m.start <= at < m.end), None)


def _person_mentions(r: DocumentResolver) -> list[tuple[Found, Ref]]:
    found = [
        (mention, ref)
        for ref, facts in r.table.facts.items()
        if facts.type == "PERSON"
        for mention in facts.mentions
    ]
    return sorted(found, key=lambda pair: pair[0].start)


def _antecedent(
    r: DocumentResolver, people: list[tuple[Found, Ref]], position: int, sentence_start: int
) -> Ref | None:
    earlier = [(m, ref) for m, ref in people if m.start < position]
    same = [(m, ref) for m, ref in earlier if m.start >= sentence_start]
    subjects = [ref for m, ref in same if m.head is not None and is_subject(m.head)]
    if subjects:
        return subjects[-1]
    previous = _previous_sentence(r, sentence_start)
    if previous is not None:
        before = [
            ref
            for m, ref in earlier
            if previous[0] <= m.start < previous[1] and m.head is not None and is_subject(m.head)
        ]
        if before:
            return before[-1]
    return earlier[-1][1] if earlier else None


def _previous_sentence(r: DocumentResolver, sentence_start: int) -> tuple[int, int] | None:
    previous = None
    for sentence in r.doc.sents:
        if sentence.start_char >= sentence_start:
            break
        previous = (sentence.start_char, sentence.end_char)
    return previous


def _two_people(r: DocumentResolver, people: list[tuple[Found, Ref]]) -> None:
    for match in TWO_PEOPLE.finditer(r.source):
        if match.group(0).lower() == "the two" and _followed_by_noun(r, match.end()):
            continue
        recent: list[Ref] = []
        for mention, ref in reversed(people):
            if mention.start < match.start() and ref not in recent:
                recent.append(ref)
            if len(recent) == 2:
                break
        if len(recent) == 2 and r.free(match.start(), match.end()):
            for ref in recent:
                r.table.add(Found(match.start(), match.end(), match.group(0), ref, None))


def _followed_by_noun(r: DocumentResolver, end: int) -> bool:
    """'the two countries' names things; 'when the two meet', 'between the two.' name people.

    Bare 'the two' counts only before a verb (or a word the parser placed as one, as it
    does with 'meet') or at the end of a clause.
    """
    span = r.doc.char_span(end - 1, end, alignment_mode="expand")
    following = r.tokens[span.end] if span is not None and span.end < len(r.doc) else None
    if following is None or following.is_punct:
        return False
    verb_like = following.pos_ in {"VERB", "AUX"} or following.dep_ in CLAUSE_DEPS
    return not verb_like
