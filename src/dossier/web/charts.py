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


def bar_chart(periods: list[dict[str, Any]], by: str) -> Shape:
    """Stacked bars, one per period, one segment per quad class (1 at the bottom)."""
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
    labels = [
        {
            "x": round(n * slot + slot / 2, 1),
            "text": _period_label(p["period"], by),
            "count": p["events"],
        }
        for n, p in enumerate(periods)
    ]
    return {"width": width, "height": height, "bars": bars, "labels": labels, "top": highest}


def _period_label(day: date, by: str) -> str:
    return day.strftime({"week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[by])


def network(center: str, edges: list[dict[str, Any]]) -> Shape:
    """The actor in the middle, its counterparts on a circle; one line per pair of actors,
    as wide as their events are many, coloured by the pair's most frequent quad class."""
    pairs: dict[tuple[str, str], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for edge in edges:
        key = tuple(sorted((edge["source"], edge["target"])))
        pairs[key][edge["quad_class"]] += edge["events"]
    middle = NETWORK_SIZE / 2
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
            }
        )
    nodes = [
        {
            "name": name,
            "x": round(x, 1),
            "y": round(y, 1),
            "center": name == center,
            "anchor": "middle" if abs(x - middle) < 1 else "start" if x > middle else "end",
        }
        for name, (x, y) in places.items()
    ]
    return {"size": NETWORK_SIZE, "nodes": nodes, "lines": lines}


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
    to its last possible day on a shared axis, with month ticks."""
    if not events:
        return {"width": TIMELINE_WIDTH, "height": 0, "spans": [], "ticks": [], "axis_x": 0}
    first = min(e["date_start"] for e in events)
    last = _day_after(max(e["date_end"] or e["date_start"] for e in events))
    days = max((last - first).days, 1)
    scale = (TIMELINE_WIDTH - TIMELINE_LABELS - 20) / days

    def x_of(day: date) -> float:
        return round(TIMELINE_LABELS + 10 + (day - first).days * scale, 1)

    spans = []
    for row, event in enumerate(events):
        start = x_of(event["date_start"])
        end = max(x_of(_day_after(event["date_end"] or event["date_start"])), start + 6)
        spans.append(
            {
                **event,
                "x": start,
                "w": round(end - start, 1),
                "y": 26 + row * LANE_HEIGHT,
                "label": _event_label(event),
            }
        )
    return {
        "width": TIMELINE_WIDTH,
        "height": 36 + len(events) * LANE_HEIGHT,
        "spans": spans,
        "ticks": _month_ticks(first, last, x_of),
        "axis_x": TIMELINE_LABELS,
    }


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
    month and the next tick is far enough not to collide."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = next((s for s in TICK_STEPS if months / s <= MAX_TICKS), TICK_STEPS[-1])
    ticks = []
    index = first.year * 12 + first.month - 1  # months since year 0
    index -= index % step
    while index <= last.year * 12 + last.month - 1:
        month = date(max(index // 12, 1), index % 12 + 1, 1)
        if first <= month <= last:
            label = month.strftime("%b %Y") if step < 12 else str(month.year)
            ticks.append({"x": x_of(month), "label": label})
        index += step
    start = {"x": x_of(first), "label": f"{first.day} {first.strftime('%b %Y')}"}
    if first.day != 1 and (not ticks or ticks[0]["x"] - start["x"] > MIN_TICK_GAP):
        ticks.insert(0, start)
    return ticks
