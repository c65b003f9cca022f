"""Chart geometry for the pages: plain numbers a template draws as inline SVG.

Charts are drawn on the server so pages need no script and no front-end library;
labels stay text for the template to escape.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

Shape = dict[str, Any]

BAR_AREA = (640, 160)  # width, height of the bars' area, in SVG units
NETWORK_SIZE = 560
TIMELINE_WIDTH = 1100
TIMELINE_LABELS = 330  # width of the labels' column
LANE_HEIGHT = 22
MIN_TICK_GAP = 70  # SVG units between two tick labels
CHAR_WIDTH = 6.5  # SVG units per character of an 11-unit tick label, a generous estimate
LABEL_PADDING = 10  # SVG units left free between two bar labels


def bar_chart(periods: list[dict[str, Any]], by: str) -> Shape:
    """Stacked bars, one per period, one segment per quad class (1 at the bottom).

    Periods are labelled every `step`-th bar, the step the smallest that keeps two labels
    at least their width plus LABEL_PADDING apart, so month labels never collide."""
    width, height = BAR_AREA
    highest = max((p["events"] for p in periods), default=0) or 1
    slot = width / max(len(periods), 1)
    bars = []
    for number, period in enumerate(periods):
        bottom = height
        for quad in sorted(period["by_quad_class"]):
            count = period["by_quad_class"][quad]
            tall = count / highest * height
            bars.append(
                {
                    "x": round(number * slot + slot * 0.1, 1),
                    "y": round(bottom - tall, 1),
                    "w": round(slot * 0.8, 1),
                    "h": round(tall, 1),
                    "quad": quad,
                    "count": count,
                    "label": _period_label(period["period"], by),
                }
            )
            bottom -= tall
    widest = max((len(_period_label(p["period"], by)) for p in periods), default=0)
    step = max(1, math.ceil((widest * CHAR_WIDTH + LABEL_PADDING) / slot))
    labels = [
        {
            "x": round(n * slot + slot / 2, 1),
            "text": _period_label(p["period"], by),
            "count": p["events"],
        }
        for n, p in enumerate(periods)
        if n % step == 0
    ]
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "labels": labels,
        "step": step,
        "top": highest,
        "total": sum(p["events"] for p in periods),
    }


def _period_label(day: date, by: str) -> str:
    return day.strftime({"week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[by])


def network(center: str, edges: list[dict[str, Any]]) -> Shape:
    """The actor in the middle, its counterparts on a circle; one line per pair of actors,
    as wide as their events are many, coloured by the pair's most frequent quad class."""
    pairs: dict[tuple[str, str], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for edge in edges:
        key = tuple(sorted((edge["source"], edge["target"])))
        pairs[key][edge["quad_class"]] += edge["events"]
    places = _on_a_circle(center, sorted({n for pair in pairs for n in pair} - {center}))
    heaviest = max((sum(q.values()) for q in pairs.values()), default=1)
    lines = []
    for (a, b), quads in sorted(pairs.items()):
        total = sum(quads.values())
        quad = max(sorted(quads), key=lambda q: quads[q])
        (x1, y1), (x2, y2) = places[a], places[b]
        lines.append(
            {
                "x1": round(x1, 1),
                "y1": round(y1, 1),
                "x2": round(x2, 1),
                "y2": round(y2, 1),
                "width": round(1.5 + 8.5 * total / heaviest, 1),
                "quad": quad,
                "events": total,
                "title": f"{a} – {b}: {total} events",
                "pair": (a, b),
            }
        )
    nodes = [_node(name, x, y, name == center) for name, (x, y) in places.items()]
    return {"size": NETWORK_SIZE, "margin": NETWORK_MARGIN, "nodes": nodes, "lines": lines}


NETWORK_MARGIN = 120  # SVG units left and right of the circle, for the labels
LABEL_LINE_CHARS = 18  # characters on one line of a node's label
LABEL_CHAR_WIDTH = 10.5  # SVG units per character of an 18-unit label, a generous estimate
LABEL_LINE_HEIGHT = 20


def _node(name: str, x: float, y: float, center: bool) -> Shape:
    """A node with its label: beside it on the left and right of the circle, above or
    below it at the top and bottom, on at most two lines broken between words."""
    middle = NETWORK_SIZE / 2
    anchor = "middle" if center or abs(x - middle) < 1 else "start" if x > middle else "end"
    lines = label_lines(name)
    text_x = x + {"middle": 0, "start": 14, "end": -14}[anchor]
    if center or (anchor == "middle" and y > middle):
        first_y = y + 28 if center else y + 24  # below the node, reading downwards
    elif anchor == "middle":
        first_y = y - 14 - LABEL_LINE_HEIGHT * (len(lines) - 1)  # above, ending at the node
    else:
        first_y = y + 4 - LABEL_LINE_HEIGHT * (len(lines) - 1) / 2  # centred on the node
    return {
        "name": name,
        "x": round(x, 1),
        "y": round(y, 1),
        "center": center,
        "anchor": anchor,
        "text_x": round(text_x, 1),
        "lines": [
            {"text": line, "y": round(first_y + n * LABEL_LINE_HEIGHT, 1)}
            for n, line in enumerate(lines)
        ],
    }


def label_lines(name: str, width: int = LABEL_LINE_CHARS, most: int = 2) -> list[str]:
    """The name on at most `most` lines of at most `width` characters, broken between
    words; what does not fit ends the last line with an ellipsis after a whole word (a
    single word longer than a line is cut, with an ellipsis)."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    for number, line in enumerate(lines[:most]):
        if len(line) > width:  # one word longer than a line
            return [*lines[:number], line[: width - 1] + "…"]
    if len(lines) <= most:
        return lines or [""]
    last = lines[most - 1]
    if len(last) + 1 > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[: width - 1]
    return [*lines[: most - 1], last + "…"]


def _on_a_circle(center: str, others: list[str]) -> dict[str, tuple[float, float]]:
    """The centre in the middle, the others evenly round it, the first at the top."""
    middle = NETWORK_SIZE / 2
    radius = middle - 90
    places = {center: (middle, middle)}
    for number, name in enumerate(others):
        angle = 2 * math.pi * number / max(len(others), 1) - math.pi / 2
        places[name] = (middle + radius * math.cos(angle), middle + radius * math.sin(angle))
    return places


def timeline(events: list[dict[str, Any]]) -> Shape:
    """One row per event, in date order: its label on the left, and a bar from its first
    to its last possible day on a shared axis, with month ticks.

    The axis covers every event unless a few stretch it (an event dated only "1987" among
    events of 2000): when the whole range is more than OUTLIER_STRETCH times the range of
    the bulk (the middles of the events between the 5th and 95th percentile, widened to
    whole months), the axis is the bulk's, and the events reaching past it are drawn
    clipped, with an arrow on the side they go on (`clipped`: "left", "right", "both")."""
    if not events:
        return {
            "width": TIMELINE_WIDTH,
            "height": 0,
            "spans": [],
            "ticks": [],
            "axis_x": 0,
            "outside": 0,
        }
    first, last = axis_range(events)
    days = max((last - first).days, 1)
    right = TIMELINE_WIDTH - 10
    scale = (right - TIMELINE_LABELS - 10) / days

    def x_of(day: date) -> float:
        return round(TIMELINE_LABELS + 10 + (day - first).days * scale, 1)

    spans = []
    for row, event in enumerate(events):
        begin, end_day = event["date_start"], _day_after(event["date_end"] or event["date_start"])
        left_out, right_out = begin < first, end_day > last
        start = x_of(max(begin, first)) if begin < last else right - 6
        end = x_of(min(end_day, last)) if end_day > first else x_of(first) + 6
        start = min(start, right - 6)
        end = max(end, start + 6)
        spans.append(
            {
                **event,
                "x": start,
                "w": round(end - start, 1),
                "y": 26 + row * LANE_HEIGHT,
                "label": _event_label(event),
                "clipped": "both"
                if left_out and right_out
                else "left"
                if left_out
                else "right"
                if right_out
                else "",
            }
        )
    return {
        "width": TIMELINE_WIDTH,
        "height": 36 + len(events) * LANE_HEIGHT,
        "spans": spans,
        "ticks": _month_ticks(first, last, x_of),
        "axis_x": TIMELINE_LABELS,
        "outside": sum(1 for span in spans if span["clipped"]),
        "first": first,
        "final": max(first, last - timedelta(days=1)),  # the axis' last day
    }


OUTLIER_STRETCH = 4  # the whole range against the bulk's, past which the axis is clipped
BULK_SHARE = 0.05  # the share of events left off each end to find the bulk


def axis_range(events: list[dict[str, Any]]) -> tuple[date, date]:
    """The first day of the axis and the day after its last: every event's days, or the
    bulk's months when a few events stretch the whole range (see `timeline`)."""
    first = min(e["date_start"] for e in events)
    last = _day_after(max(e["date_end"] or e["date_start"] for e in events))
    if len(events) < 3:
        return first, last
    middles = sorted(_middle(e) for e in events)
    cut = max(1, int(len(middles) * BULK_SHARE))
    bulk_first = middles[cut].replace(day=1)
    bulk_last = _month_after(middles[-1 - cut])
    if (last - first).days <= OUTLIER_STRETCH * (bulk_last - bulk_first).days:
        return first, last
    return max(first, bulk_first), min(last, bulk_last)


def _middle(event: dict[str, Any]) -> date:
    start = event["date_start"]
    return start + (_day_after(event["date_end"] or start) - start) / 2


def _month_after(day: date) -> date:
    if day.year == date.max.year and day.month == 12:
        return date.max
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _event_label(event: dict[str, Any]) -> str:
    label = (
        f"{event.get('source_name') or '—'} → {event.get('cameo_code') or ''} → "
        f"{event.get('target_name') or '—'}"
    )
    return label if len(label) <= 44 else label[:43] + "…"


def _day_after(day: date) -> date:
    return day if day == date.max else day + timedelta(days=1)  # 9999-12-31 has none


# Months between ticks, the smallest that keeps an axis to MAX_TICKS ticks: an axis
# from year 1 to 9999 would otherwise draw 120,000 of them.
TICK_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000)
MAX_TICKS = 14


def _month_ticks(first: date, last: date, x_of: Any) -> list[dict[str, Any]]:
    """A tick at the first day of every month (or every few months, years, centuries on
    a long axis), and one at the first event's day when the axis does not start on a
    month and the next tick is far enough not to collide. The step is the smallest that
    keeps the axis to MAX_TICKS ticks and every two ticks MIN_TICK_GAP apart."""
    months = (last.year - first.year) * 12 + last.month - first.month
    ticks: list[dict[str, Any]] = []
    for step in [s for s in TICK_STEPS if months / s <= MAX_TICKS] or [TICK_STEPS[-1]]:
        ticks = _ticks_every(step, first, last, x_of)
        if all(b["x"] - a["x"] >= MIN_TICK_GAP for a, b in zip(ticks, ticks[1:], strict=False)):
            break
    start = {"x": x_of(first), "label": f"{first.day} {first.strftime('%b %Y')}"}
    if first.day != 1 and (not ticks or ticks[0]["x"] - start["x"] > MIN_TICK_GAP):
        ticks.insert(0, start)
    return ticks


def _ticks_every(step: int, first: date, last: date, x_of: Any) -> list[dict[str, Any]]:
    ticks = []
    index = first.year * 12 + first.month - 1  # months since year 0
    index -= index % step
    while index <= last.year * 12 + last.month - 1:
        month = date(max(index // 12, 1), index % 12 + 1, 1)
        if first <= month < last:  # none on the axis' right edge, its label would not fit
            label = month.strftime("%b %Y") if step < 12 else str(month.year)
            if x_of(month) + 3 + len(label) * CHAR_WIDTH <= TIMELINE_WIDTH:  # it fits
                ticks.append({"x": x_of(month), "label": label})
        index += step
    return ticks
