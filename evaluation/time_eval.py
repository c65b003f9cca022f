"""Time: recognition and normalisation of temporal expressions on TimeBank and AQUAINT.

Data: `../shared/data/timebank-aquaint/` (TimeML, TempEval-3 cleaning), each document
with its creation time (DCT), which is the anchor. Scored the way TempEval-3 did:

- recognition: a system expression overlapping a gold TIMEX3 is a match (relaxed),
  one with the same boundaries a strict match; one-to-one, largest overlap first.
  P = matched / system expressions, R = matched / gold TIMEX3, F1.
- value on calendar dates: gold values that read as a range of days (`1998-01-08`,
  `1998-01` the month, `1998-W05` the ISO week, `1998-Q1`, `1998-H1`, `1998-SU`, `1998`,
  `199` the decade; a time of day is read as its day) against system expressions with a
  range. Correct = matched and the same first and last day; where the gold carries a
  TimeML `mod` (START/MID/END: "early 1991" is `1991` with mod START), a system range
  inside the gold range is correct too. P = correct / system
  expressions with a range, R = correct / gold calendar TIMEX3; accuracy = correct /
  matched gold calendar TIMEX3.
- value F1 over all TIMEX3 (TempEval-3's figure): correct calendar values plus
  durations whose ISO length equals the gold value (`P2D`), over all gold and all
  system expressions. Neither system writes TimeML values for references
  (PAST_REF, PRESENT_REF), sets or underspecified dates (`XXXX-WXX`), so those count
  as wrong here; they are listed apart, with how often the expression was at least
  found and given the right kind.

Baseline, in the same run: `dateparser.search.search_dates` with the DCT as
RELATIVE_BASE; it gives a point (a day) per expression.
"""

from __future__ import annotations

import html
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from dossier.dates import (
    DateRange,
    decade_of,
    half_of,
    iso_week,
    month_of,
    quarter_of,
    season_of,
    year_of,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "timebank-aquaint"
CORPORA = ("TimeBank", "AQUAINT")
TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
SEASONS = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}
HEIDELTIME_VALUE_F1 = 0.776


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    value: DateRange | None = None
    kind: str = (
        "date"  # system: date/duration/set/unresolved; gold: calendar/duration/set/ref/other
    )
    label: str = ""
    mod: str = ""  # gold TimeML mod: START, MID, END, ON_OR_AFTER, ...
    duration: str | None = None  # system: ISO 8601 length of a duration


@dataclass
class Document:
    name: str
    text: str
    dct: date
    gold: list[Span] = field(default_factory=list)


def gold_range(value: str) -> DateRange | None:
    """A TimeML value read as an inclusive range of days, or None when it is not one."""
    value = value.split("T")[0]
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            return DateRange.day(date.fromisoformat(value))
        if re.fullmatch(r"\d{4}-\d\d", value):
            return month_of(int(value[:4]), int(value[5:]))
        if re.fullmatch(r"\d{4}", value):
            return year_of(int(value))
    except ValueError:
        return None
    return _coarse_range(value)


def _coarse_range(value: str) -> DateRange | None:
    if match := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        week = iso_week(int(match[1]), int(match[2]))
        if week and match[3]:
            return DateRange(week.start + timedelta(days=5), week.end)
        return week
    if match := re.fullmatch(r"(\d{4})-([QH])(\d)", value):
        period_of = quarter_of if match[2] == "Q" else half_of
        return period_of(int(match[1]), int(match[3])) if int(match[3]) <= 4 else None
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return season_of(int(match[1]), SEASONS[match[2]])
    if re.fullmatch(r"\d{3}", value):
        return decade_of(int(value) * 10)
    if re.fullmatch(r"\d\d", value):
        return DateRange(date(int(value) * 100, 1, 1), date(int(value) * 100 + 99, 12, 31))
    return None


def gold_kind(attributes: dict[str, str]) -> str:
    kind, value = attributes.get("type", ""), attributes.get("value", "")
    if kind == "DURATION":
        return "duration"
    if kind == "SET":
        return "set"
    if value.endswith("_REF"):
        return "ref"
    return "calendar" if gold_range(value) else "other"


def read_timeml(path: Path) -> Document:
    """The plain text of a TimeML document, its DCT and its TIMEX3 spans."""
    source = path.read_text(encoding="utf-8")
    dct = re.search(r'functionInDocument="CREATION_TIME"', source) and re.search(
        r'<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d\d-\d\d)', source
    )
    if not dct:
        raise ValueError(f"{path}: no document creation time")
    body = source[source.index("<TEXT>") + len("<TEXT>") : source.index("</TEXT>")]
    document = Document(path.stem, "", date.fromisoformat(dct[1]))
    pieces: list[str] = []
    length, opened = 0, None
    position = 0
    for tag in TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag[2] == "TIMEX3" and not tag[1]:
            opened = (length, dict(ATTRIBUTE.findall(tag[3])))
        elif tag[2] == "TIMEX3" and opened:
            start, attributes = opened
            value = attributes.get("value", "")
            document.gold.append(
                Span(
                    start,
                    length,
                    gold_range(value),
                    gold_kind(attributes),
                    value,
                    attributes.get("mod", ""),
                )
            )
            opened = None
    pieces.append(html.unescape(body[position:]))
    document.text = "".join(pieces)
    return document


def read_corpus() -> list[Document]:
    return [
        read_timeml(path) for corpus in CORPORA for path in sorted((DATA / corpus).glob("*.tml"))
    ]


def dossier_spans(documents: list[Document]) -> list[list[Span]]:
    from dossier.nlp import load_model
    from dossier.time import find_timexes

    nlp = load_model()
    found = []
    for doc, document in zip(nlp.pipe(d.text for d in documents), documents, strict=True):
        spans = []
        for timex in find_timexes(doc, document.dct):
            value = None
            if timex.value_start and timex.value_end:
                value = DateRange(
                    date.fromisoformat(timex.value_start), date.fromisoformat(timex.value_end)
                )
            kind = timex.kind or "date"
            spans.append(Span(timex.start, timex.end, value, kind, timex.text, "", timex.duration))
        found.append(spans)
    return found


def dateparser_spans(documents: list[Document]) -> list[list[Span]]:
    from dateparser.search import search_dates

    found = []
    for document in documents:
        settings = {"RELATIVE_BASE": datetime.combine(document.dct, datetime.min.time())}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            results = search_dates(document.text, languages=["en"], settings=settings) or []
        found.append(list(_locate(document.text, results)))
    return found


def _locate(text: str, results: Iterable[tuple[str, datetime]]) -> Iterable[Span]:
    """Character offsets of search_dates' substrings, searched left to right."""
    position = 0
    for substring, moment in results:
        start = text.find(substring, position)
        if start < 0:
            start = text.find(substring)
        if start < 0:
            continue
        position = start + len(substring)
        yield Span(start, start + len(substring), DateRange.day(moment.date()), "date", substring)


@dataclass
class Score:
    system: int = 0
    gold: int = 0
    relaxed: int = 0
    strict: int = 0
    system_valued: int = 0
    gold_calendar: int = 0
    matched_calendar: int = 0
    value_correct: int = 0
    duration_correct: int = 0
    other_found: Counter = field(default_factory=Counter)
    other_kind_right: Counter = field(default_factory=Counter)
    other_total: Counter = field(default_factory=Counter)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)


KIND_AGREES = {
    "duration": {"duration"},
    "set": {"set"},
    "ref": {"unresolved"},
    "other": {"unresolved"},
}


def pair(gold: list[Span], system: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one matches of overlapping spans, the largest overlaps first."""
    candidates = []
    for g in gold:
        for s in system:
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                candidates.append((-overlap, g.start, s.start, g, s))
    used_gold, used_system, pairs = set(), set(), []
    for _, _, _, g, s in sorted(candidates, key=lambda c: c[:3]):
        if id(g) not in used_gold and id(s) not in used_system:
            used_gold.add(id(g))
            used_system.add(id(s))
            pairs.append((g, s))
    return pairs


def score(documents: list[Document], outputs: list[list[Span]]) -> Score:
    total = Score()
    for document, system in zip(documents, outputs, strict=True):
        total.system += len(system)
        total.gold += len(document.gold)
        total.system_valued += sum(s.value is not None for s in system)
        total.gold_calendar += sum(g.kind == "calendar" for g in document.gold)
        for g in document.gold:
            if g.kind != "calendar":
                total.other_total[g.kind] += 1
        for g, s in pair(document.gold, system):
            _score_pair(total, document, g, s)
    return total


def _score_pair(total: Score, document: Document, g: Span, s: Span) -> None:
    total.relaxed += 1
    total.strict += (g.start, g.end) == (s.start, s.end)
    if g.kind == "calendar":
        total.matched_calendar += 1
        if value_agrees(g, s.value):
            total.value_correct += 1
        else:
            shown = f"{s.value.start}..{s.value.end}" if s.value else f"none ({s.kind})"
            total.errors.append((document.name, document.text[g.start : g.end], g.label, shown))
        return
    total.other_found[g.kind] += 1
    total.other_kind_right[g.kind] += s.kind in KIND_AGREES[g.kind]
    total.duration_correct += g.kind == "duration" and s.duration == g.label


def value_agrees(gold: Span, value: DateRange | None) -> bool:
    """Same range; under a TimeML mod ("early", "mid-", "late", "earlier this"), a part of it.

    TimeML writes "early next year" as the year with mod=START; dossier gives the part
    itself (January-April), which counts as right when it lies inside the gold range.
    """
    if value is None or gold.value is None:
        return False
    if value == gold.value:
        return True
    if gold.mod in ("START", "MID", "END"):
        return gold.value.start <= value.start and value.end <= gold.value.end
    if gold.mod == "ON_OR_AFTER":
        return value.start >= gold.value.start
    if gold.mod == "ON_OR_BEFORE":
        return value.end <= gold.value.end
    return False


def f1(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    both = precision + recall
    return precision, recall, 2 * precision * recall / both if both else 0.0


def report(name: str, total: Score, seconds: float) -> list[str]:
    all_correct = total.value_correct + total.duration_correct
    rows = [
        ("recognition, relaxed", f1(total.relaxed, total.system, total.gold)),
        ("recognition, strict", f1(total.strict, total.system, total.gold)),
        (
            "value, calendar dates",
            f1(total.value_correct, total.system_valued, total.gold_calendar),
        ),
        ("value, all TIMEX3 (TempEval-3)", f1(all_correct, total.system, total.gold)),
    ]
    lines = [f"{name} ({seconds:.0f} s)"]
    lines += [f"  {label:<32} P {p:.3f}  R {r:.3f}  F1 {f:.3f}" for label, (p, r, f) in rows]
    accuracy = total.value_correct / total.matched_calendar if total.matched_calendar else 0.0
    lines.append(
        f"  value accuracy on matched calendar TIMEX3: {accuracy:.3f} "
        f"({total.value_correct}/{total.matched_calendar})"
    )
    lines.append(
        f"  duration length right (P2D, PXY...): {total.duration_correct}"
        f"/{total.other_found['duration']} matched gold durations"
    )
    for kind in ("duration", "set", "ref", "other"):
        lines.append(
            f"  gold {kind:<8} {total.other_total[kind]:>4}: found {total.other_found[kind]:>4}, "
            f"with the right kind {total.other_kind_right[kind]:>4}"
        )
    return lines


def run(label: str, produce: Callable[[list[Document]], list[list[Span]]], documents) -> Score:
    started = time.perf_counter()
    total = score(documents, produce(documents))
    print("\n".join(report(label, total, time.perf_counter() - started)), flush=True)
    return total


def main() -> int:
    if not DATA.exists():
        print(f"time: {DATA} not found (../shared must be beside the checkout)", file=sys.stderr)
        return 1
    documents = read_corpus()
    gold = sum(len(d.gold) for d in documents)
    print(f"TimeBank + AQUAINT: {len(documents)} documents, {gold} TIMEX3 (DCT excluded)")
    ours = run("dossier", dossier_spans, documents)
    run("dateparser.search_dates (baseline)", dateparser_spans, documents)
    print(
        f"anchor: HeidelTime value F1 {HEIDELTIME_VALUE_F1} on the TempEval-3 test set "
        "(a different set of documents)"
    )
    print("dossier's most frequent value errors (gold value -> system range):")
    for (text, value, shown), count in Counter((e[1], e[2], e[3]) for e in ours.errors).most_common(
        12
    ):
        print(f"  {count:>3} x {text!r}: {value} -> {shown}")
    return 0
