"""Finding temporal expressions in a parsed document and resolving them to ranges.

The text is scanned with the patterns of `grammar`; overlapping matches give way to
the longest; the survivors are read in text order, so that "the day before" can lean
on the date just before it. The parse is used for what patterns cannot see: whether
the clause is in the future ("will meet on Friday"), what noun a date is attached to
("the July 21-23 summit"), whether a number is a year ("the 1972 treaty") or a count
("2000 troops"). spaCy's DATE entities are hints only: one that no pattern explains
is kept as an expression without a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from dossier.nlp import doc_text
from dossier.record import Timex
from dossier.time.grammar import SHORT_MONTHS, Rule, scan
from dossier.time.resolve import UNRESOLVED, Context, Reading, read

FUTURE_AUXILIARIES = {"will", "'ll", "shall", "wo", "’ll", "would"}
SCHEDULING_VERBS = {"schedule", "due", "slate", "set", "expect", "plan", "intend"}
FORWARD_LEAD = re.compile(r"(?:until|till|as early as|as soon as|no later than)\s+$", re.IGNORECASE)
NOT_YEARS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
HINT_WORDS = re.compile(
    r"\b(?:\d{4}|days?|weeks?|months?|years?|decades?|century|centuries|quarters?|spring|summer"
    r"|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october"
    r"|november|december)\b",
    re.IGNORECASE,
)
AGE = re.compile(r"\bold\b|-old", re.IGNORECASE)  # "6-year-old" is an age, not a time


@dataclass(frozen=True)
class Found:
    """A temporal expression at [start, end) of the text, with its reading."""

    start: int
    end: int
    rule: str
    reading: Reading
    reference: Found | None = None


def find_timexes(doc: Doc, published: date | None) -> list[Timex]:
    """The temporal expressions of the document with their resolved ranges."""
    matches = [(rule, match) for rule, match in scan(doc_text(doc)) if _plausible(rule, match, doc)]
    found = _read_in_order(_longest_first(matches), doc, published)
    found += _hints(doc, found)
    return [
        _timex(item, doc_text(doc), published)
        for item in sorted(found, key=lambda f: (f.start, f.end))
    ]


def _longest_first(matches: list[tuple[Rule, re.Match]]) -> list[tuple[Rule, re.Match]]:
    """Non-overlapping matches, the longest winning; returned in text order."""
    chosen: list[tuple[Rule, re.Match]] = []
    taken: list[tuple[int, int]] = []
    for rule, match in sorted(matches, key=lambda rm: (rm[1].start() - rm[1].end(), rm[1].start())):
        if all(match.end() <= start or match.start() >= end for start, end in taken):
            chosen.append((rule, match))
            taken.append(match.span())
    return sorted(chosen, key=lambda rm: rm[1].start())


def _read_in_order(
    chosen: list[tuple[Rule, re.Match]], doc: Doc, published: date | None
) -> list[Found]:
    """Resolve each match with the previous date of the text as its reference."""
    found: list[Found] = []
    reference: Found | None = None
    dated_nominals: dict[str, Found] = {}
    swallowed = -1  # the index of a date read as part of the one before ("after June 9")
    for index, (rule, match) in enumerate(chosen):
        if index == swallowed:
            continue
        end = _eve_end(doc, match) if rule.name == "eve" else match.end()
        following = _following(chosen, index, doc, published, reference, end, dated_nominals)
        context = Context(
            published=published,
            forward=_points_forward(doc, match.start(), end),
            reference=reference.reading if reference else None,
            following=following.reading if following else None,
        )
        reading = read(rule.name, match, context)
        if rule.name == "ago" and reading.kind == "duration":
            end = match.start("dir") - 1  # "a week" of "only a week after the summit"
        if rule.name != "eve" and reading.read_against == "following" and following is not None:
            end, swallowed = following.end, index + 1  # one expression: "a week after June 9"
        used = {"reference": reference, "following": following}.get(reading.read_against or "")
        item = Found(match.start(), end, rule.name, reading, used)
        found.append(item)
        if (
            reading.kind == "date"
            and reading.value
            and not _in_parentheses(doc_text(doc), match.start())
        ):
            reference = item
            _note_nominal(doc, item, dated_nominals)
    return found


def _following(
    chosen: list[tuple[Rule, re.Match]],
    index: int,
    doc: Doc,
    published: date | None,
    reference: Found | None,
    end: int,
    dated_nominals: dict[str, Found],
) -> Found | None:
    """The date right after a match ("a week after June 9") or inside "the eve of" phrase."""
    rule, match = chosen[index]
    limit = end if rule.name == "eve" else match.end() + 6
    if index + 1 < len(chosen):
        next_rule, next_match = chosen[index + 1]
        if next_match.start() <= limit and next_rule.name != "eve":
            context = Context(
                published=published, reference=reference.reading if reference else None
            )
            reading = read(next_rule.name, next_match, context)
            if reading.kind == "date":
                return Found(next_match.start(), next_match.end(), next_rule.name, reading)
    if rule.name == "eve":
        head = _eve_object(doc, match)
        return dated_nominals.get(head.lemma_.lower()) if head is not None else None
    return None


def _eve_object(doc: Doc, match: re.Match) -> Token | None:
    """The noun after "the eve of": "summit" in "the eve of the July 21-23 summit"."""
    of = doc.char_span(match.end() - 2, match.end(), alignment_mode="expand")
    if of is None:
        return None
    objects = [child for child in of.root.children if child.dep_ == "pobj"]
    return objects[0] if objects else None


def _eve_end(doc: Doc, match: re.Match) -> int:
    head = _eve_object(doc, match)
    return head.idx + len(head.text) if head is not None else match.end()


def _note_nominal(doc: Doc, item: Found, dated_nominals: dict[str, Found]) -> None:
    """Remember the noun a date modifies ("July 21-23" → "summit") for "the eve of the summit"."""
    head = nominal_head(doc, item.start, item.end)
    if head is not None:
        dated_nominals[head.lemma_.lower()] = item


def nominal_head(doc: Doc, start: int, end: int) -> Token | None:
    """The noun a date expression modifies inside its noun phrase, if it modifies one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.dep_ in (
        "compound",
        "nmod",
        "poss",
        "amod",
        "nummod",
        "npadvmod",
    ) and root.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return root.head if root.head.i >= span.end else None
    return None


def _in_parentheses(text: str, position: int) -> bool:
    """Whether the position is inside an open parenthesis (a source citation)."""
    before = text[:position]
    return before.rfind("(") > before.rfind(")")


def _points_forward(doc: Doc, start: int, end: int) -> bool:
    """Whether the clause holding the expression speaks of the future ("will meet Friday").

    Cues: a future auxiliary on the verb ("will meet", "would be traveling"); a
    scheduling verb ("planned for early March"); an infinitive under either ("is
    scheduled to resume", "is due to expire", "will begin withdrawing"); "is to"
    ("is to resume trading Tuesday"); "until", "as early as" or "as soon as" just
    before the expression, unless the verb is in the pluperfect ("until Thursday
    they had said").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = _governing_verb(span.root)
    if verb is None:
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if FORWARD_LEAD.search(doc_text(doc)[max(0, start - 16) : start]) and "had" not in auxiliaries:
        return True
    if auxiliaries & FUTURE_AUXILIARIES or verb.lemma_.lower() in SCHEDULING_VERBS:
        return True
    if verb.dep_ in ("xcomp", "ccomp") or "to" in auxiliaries:
        head = verb.head
        head_auxiliaries = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
        if head.lemma_.lower() in SCHEDULING_VERBS or head_auxiliaries & FUTURE_AUXILIARIES:
            return True
        return "to" in auxiliaries and head.lemma_ == "be" and head.dep_ == "ROOT"
    return False


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _plausible(rule: Rule, match: re.Match, doc: Doc) -> bool:
    """Reject matches that are not temporal in context: "may", "fall", "2000 troops"."""
    groups = match.groupdict()
    modified = any(groups.get(name) for name in ("rel", "part", "edge", "year"))
    if rule.name == "month" and not modified:
        return _is_month_name(match, doc)
    if rule.name == "season":
        return modified
    if rule.name in ("month_day_year", "day_month_year"):
        return _is_year(match, doc)
    if rule.name == "year" and not (groups.get("part") or groups.get("edge")):
        return _is_year(match, doc)
    after = doc_text(doc)[match.end() : match.end() + 4].lower()
    if rule.name == "duration":  # "a quarter of the vote", "a 6-year-old"
        quarter_of_something = groups["unit"].lower() == "quarter" and after.startswith(" of")
        return not (quarter_of_something or after == "-old")
    if rule.name == "set":  # "daily newspaper": an adjective, not a frequency
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        return span is not None and span.root.tag_ != "JJ"
    return True


def _is_month_name(match: re.Match, doc: Doc) -> bool:
    word = match["month"]
    if not word[0].isupper():
        return False
    if word.lower() in SHORT_MONTHS:  # "Jan Kavan": an abbreviation alone needs its dot
        return False
    span = doc.char_span(match.start("month"), match.end("month"), alignment_mode="expand")
    if span is None or span.root.ent_type_ not in ("", "DATE"):
        return False  # "the March for Life", "April Glaspie"
    return span.root.tag_ not in ("MD", "VB", "VBP", "VBZ", "VBD")


def _is_year(match: re.Match, doc: Doc) -> bool:
    start = match.start("year")
    if start > 0 and doc_text(doc)[start - 1] in "$£€#":
        return False
    span = doc.char_span(start, match.end("year"), alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    if token.ent_type_ in NOT_YEARS:
        return False
    # "2000 troops" counts troops; "the company's 1989 operating results" is a year
    counted = token.dep_ == "nummod" and token.head.tag_ == "NNS"
    follows = token.head.i == token.i + 1
    return not counted or (token.ent_type_ == "DATE" and not follows)


def _hints(doc: Doc, found: list[Found]) -> list[Found]:
    """spaCy DATE entities that no pattern explained, kept without a value."""
    hints = []
    for entity in doc.ents:
        if entity.label_ != "DATE" or not HINT_WORDS.search(entity.text) or AGE.search(entity.text):
            continue
        start, end = entity.start_char, entity.end_char
        if entity[0].lower_ == "the" and len(entity) > 1:
            start = entity[1].idx
        if any(start < item.end and item.start < end for item in found):
            continue
        hints.append(Found(start, end, "hint", UNRESOLVED))
    return hints


def _timex(item: Found, text: str, published: date | None) -> Timex:
    reading = item.reading
    value = reading.value
    return Timex(
        text=text[item.start : item.end],
        start=item.start,
        end=item.end,
        value_start=value.start.isoformat() if value else None,
        value_end=value.end.isoformat() if value else None,
        granularity=reading.granularity,
        kind=reading.kind,
        anchor=_read_against_label(item, text, published),  # the stored form: text
        duration=reading.duration,
    )


def _read_against_label(item: Found, text: str, published: date | None) -> str | None:
    """What a relative value was read against, in words a reader can check (`Timex.anchor`)."""
    if item.reading.value is None or item.reading.read_against is None:
        return None
    if item.reading.read_against == "publication" and published is not None:
        return f"publication {published.isoformat()}"
    if item.reference is not None:
        quoted = text[item.reference.start : item.reference.end]
        return f'"{quoted}" at {item.reference.start}'
    return None


__all__ = ["Found", "find_timexes", "nominal_head"]
