"""Charts that hold up on real data (issue 13, item 6): a timeline axis that an event
dated only "1987" does not stretch, ticks and bar labels that never collide, network
labels that are not cut mid-word and keep the full name in a tooltip, and the events
page's counts over time for the current filter, by quad class (on the database of
test_web_seeds.py)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from dossier.web import create_app
from dossier.web.charts import (
    CHAR_WIDTH,
    LABEL_CHAR_WIDTH,
    LABEL_LINE_CHARS,
    LABEL_PADDING,
    MAX_TICKS,
    MIN_TICK_GAP,
    bar_chart,
    label_lines,
    network,
    timeline,
)
from dossier.web.params import MAX_LIMIT
from test_web_seeds import web_database


@pytest.fixture(scope="module")
def client(analyser, tmp_path_factory):
    with TestClient(create_app(web_database(analyser, tmp_path_factory.mktemp("web")))) as client:
        yield client


def _event(start: date, end: date | None = None, source: str = "Reuters") -> dict:
    return {
        "event_id": f"{start}-{end}",
        "date_start": start,
        "date_end": end or start,
        "source_name": source,
        "cameo_code": "042",
        "target_name": "North Korea",
    }


def _summer(count: int = 60) -> list[dict]:
    return [_event(date(2000, 6, 1) + timedelta(days=n * 90 // count)) for n in range(count)]


def _gaps(xs: list[float]) -> list[float]:
    return [b - a for a, b in zip(xs, xs[1:], strict=False)]


def test_an_event_dated_only_by_its_year_does_not_stretch_the_axis():
    year = _event(date(1987, 1, 1), date(1987, 12, 31))
    chart = timeline([year, *_summer()])
    last_day = max(e["date_end"] for e in _summer())
    assert (chart["first"], chart["final"]) == (date(2000, 6, 1), last_day)
    assert chart["outside"] == 1
    outlier, *bulk = chart["spans"]
    assert outlier["clipped"] == "left" and outlier["x"] == bulk[0]["x"]
    assert not any(span["clipped"] for span in bulk)
    assert all("1987" not in tick["label"] for tick in chart["ticks"])
    widths = [span["x"] + span["w"] for span in bulk]
    assert max(widths) - min(span["x"] for span in bulk) > 600  # the bulk fills the axis


def test_a_late_outlier_and_a_year_long_date_are_clipped_on_their_sides():
    summer = _summer()
    chart = timeline([*summer, _event(date(2014, 3, 2))])
    assert chart["final"] == date(2000, 8, 31) and chart["outside"] == 1  # whole months
    assert chart["spans"][-1]["clipped"] == "right"
    assert chart["spans"][-1]["x"] + chart["spans"][-1]["w"] <= chart["width"]
    july = [_event(date(2000, 7, day)) for day in range(1, 32)]
    whole_year = timeline([_event(date(2000, 1, 1), date(2000, 12, 31)), *july])
    assert (whole_year["first"], whole_year["final"]) == (date(2000, 7, 1), date(2000, 7, 31))
    assert whole_year["spans"][0]["clipped"] == "both" and whole_year["outside"] == 1


def test_an_axis_without_outliers_covers_every_event():
    events = [_event(date(2000, 6, 9)), _event(date(2000, 7, 19)), _event(date(2000, 8, 30))]
    chart = timeline(events)
    assert (chart["first"], chart["final"], chart["outside"]) == (
        date(2000, 6, 9),
        date(2000, 8, 30),
        0,
    )


@pytest.mark.parametrize("days", [3, 20, 45, 61, 100, 200, 400, 500, 800, 1500, 4000, 9000])
def test_ticks_never_overlap(days):
    start = date(2000, 6, 9)
    chart = timeline([_event(start), _event(start + timedelta(days=days))])
    xs = [tick["x"] for tick in chart["ticks"]]
    assert xs == sorted(xs) and len(chart["ticks"]) <= MAX_TICKS + 1
    assert all(gap >= MIN_TICK_GAP for gap in _gaps(xs)), chart["ticks"]
    ends = [t["x"] + 3 + len(t["label"]) * CHAR_WIDTH for t in chart["ticks"]]
    assert all(end <= chart["width"] for end in ends)  # each label fits


def _months(count: int) -> list[dict]:
    return [
        {
            "period": date(2000 + n // 12, n % 12 + 1, 1),
            "by_quad_class": {1: n % 3, 3: 1},
            "events": n % 3 + 1,
        }
        for n in range(count)
    ]


def test_bar_labels_are_thinned_to_stay_apart():
    few = bar_chart(_months(3), "month")
    assert few["step"] == 1 and len(few["labels"]) == 3
    many = bar_chart(_months(40), "month")
    assert many["step"] > 1 and len(many["labels"]) == -(-40 // many["step"])
    room = len("2000-01") * CHAR_WIDTH + LABEL_PADDING
    assert all(gap >= room for gap in _gaps([label["x"] for label in many["labels"]]))
    assert many["total"] == sum(p["events"] for p in _months(40))
    weeks = bar_chart(
        [
            {"period": date(2000, 1, 3) + timedelta(weeks=n), "by_quad_class": {}, "events": 0}
            for n in range(30)
        ],
        "week",
    )
    room = len("2000-01-03") * CHAR_WIDTH + LABEL_PADDING
    assert all(gap >= room for gap in _gaps([label["x"] for label in weeks["labels"]]))


def test_long_network_labels_wrap_between_words_and_stay_in_their_box():
    assert label_lines("Government (United States)") == ["Government (United", "States)"]
    assert label_lines("Kim") == ["Kim"]
    cut = label_lines("Ministry of Foreign Affairs of the Russian Federation")
    assert cut == ["Ministry of", "Foreign Affairs…"]
    assert label_lines("A" * 40) == ["A" * (LABEL_LINE_CHARS - 1) + "…"]
    names = [
        "Government (United States)",
        "Ministry of Foreign Affairs of the Russian Federation",
        "Kim Jong-il",
        "Democratic People's Republic of Korea",
        "UN",
        "Japan",
    ]
    edges = [{"source": "Putin", "target": n, "quad_class": 1, "events": 1} for n in names]
    graph = network("Putin", edges)
    low, high = -graph["margin"], graph["size"] + graph["margin"]
    for node in graph["nodes"]:
        assert 1 <= len(node["lines"]) <= 2
        for line in node["lines"]:
            assert len(line["text"]) <= LABEL_LINE_CHARS
            width = len(line["text"]) * LABEL_CHAR_WIDTH
            left = {"start": 0, "end": -width, "middle": -width / 2}[node["anchor"]]
            assert low <= node["text_x"] + left and node["text_x"] + left + width <= high
            assert 0 <= line["y"] - 18 and line["y"] <= graph["size"]


def test_the_actor_page_keeps_full_names_in_tooltips_and_thins_its_labels(client):
    actor = client.get("/api/actors", params={"sort": "events", "order": "desc"}).json()
    name = actor["actors"][0]["name"]
    page = client.get(f"/actors/{name}", params={"by": "week"}).text
    network_svg = page.split('aria-label="counterpart network"')[1].split("</svg>")[0]
    for node in re.findall(r"<a href=\"/actors/[^\"]+\">(.*?)</a>", network_svg, re.S):
        shown = " ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", node))
        full = re.search(r"<title>([^<]*)</title>", node)[1]
        assert shown.rstrip("…").replace(" ", "") in full.replace(" ", "")
    bars = page.split('aria-label="events per week"')[1].split("</svg>")[0]
    labels = [float(x) for x in re.findall(r'<text x="([\d.]+)"[^>]*class="tick period"', bars)]
    room = len("2000-06-12") * CHAR_WIDTH + LABEL_PADDING
    assert labels and all(gap >= room for gap in _gaps(labels))


def _counts(page: str) -> dict[int, int]:
    """Events per quad class, summed over the bars of the events page's chart."""
    figure = page.split('<figure id="counts-chart">')[1].split("</figure>")[0]
    found: dict[int, int] = {}
    for quad, count in re.findall(r'class="fill-q(\d)" data-count="(\d+)"', figure):
        found[int(quad)] = found.get(int(quad), 0) + int(count)
    return found


def _undated(page: str) -> int:
    found = re.search(r"(\d+) undated events? not counted", page)
    return int(found[1]) if found else 0


@pytest.mark.parametrize(
    "params",
    [{}, {"actor": "Putin"}, {"since": "2000-06-01", "until": "2000-06-30"}, {"quad_class": "3,4"}],
)
def test_the_events_page_counts_the_filtered_events_over_time(client, params):
    listed = client.get("/api/events", params={**params, "limit": str(MAX_LIMIT)}).json()
    page = client.get("/events", params=params).text
    counts = _counts(page)
    assert sum(counts.values()) + _undated(page) == listed["total"] > 0
    by_quad: dict[int, int] = {}
    for event in listed["events"]:
        if event["date_start"] is not None:
            by_quad[event["quad_class"]] = by_quad.get(event["quad_class"], 0) + 1
    assert counts == by_quad
    assert page.index('id="counts-chart"') < page.index('<table class="events">')


def test_the_counts_follow_the_filter_and_choose_their_period(client):
    everything = client.get("/events").text
    june = client.get("/events", params={"since": "2000-06-01", "until": "2000-06-30"}).text
    assert sum(_counts(june).values()) < sum(_counts(everything).values())
    assert "These events per week" in june
    assert set(_counts(client.get("/events", params={"quad_class": "4"}).text)) <= {4}
    bad = client.get("/events", params={"since": "June"})
    assert bad.status_code == 400 and 'id="counts-chart"' not in bad.text
    nothing = client.get("/events", params={"text": "no sentence says this"}).text
    assert 'id="counts-chart"' not in nothing


def test_the_timeline_page_reports_events_outside_the_axis_only_when_there_are(client):
    page = client.get("/timeline", params={"dyad": "RUS:PRK"}).text
    chart = page.split('<figure id="timeline-chart">')[1].split("</figure>")[0]
    arrows = chart.count('class="clip-arrow"')
    note = re.search(r"(\d+) events? outside the axis", chart)
    assert (note is None and arrows == 0) or (note and int(note[1]) >= 1 and arrows >= 1)
