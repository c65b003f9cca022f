"""Marking spans in untrusted text, and the chart geometry, on small hand-built inputs."""

from __future__ import annotations

from datetime import date

from dossier.web.charts import bar_chart, network, timeline
from dossier.web.marks import Mark, marked_html


def test_text_is_escaped_piece_by_piece_and_marks_wrap_only_their_span():
    text = "A <b>met</b> B & C"
    html = marked_html(
        text, [Mark(0, 1, "source", 'say "hi"'), Mark(5, 8, "trigger", "", "/events/x")]
    )
    assert str(html) == (
        '<mark class="source" title="say &#34;hi&#34;">A</mark> &lt;b&gt;'
        '<a href="/events/x"><mark class="trigger" title="">met</mark></a>'
        "&lt;/b&gt; B &amp; C"
    )


def test_overlapping_marks_split_the_text_and_pieces_carry_every_kind():
    html = str(marked_html("Kim Jong-il", [Mark(0, 11, "entity"), Mark(4, 11, "timex")]))
    assert html == (
        '<mark class="entity" title="">Kim </mark>'
        '<mark class="entity timex" title="">Jong-il</mark>'
    )


def test_marks_outside_the_text_are_dropped():
    assert str(marked_html("<x>", [Mark(2, 9, "entity"), Mark(3, 3, "timex")])) == "&lt;x&gt;"


def test_bars_stack_quad_classes_and_the_tallest_fills_the_height():
    periods = [
        {"period": date(2000, 6, 1), "by_quad_class": {1: 2, 3: 2}, "events": 4},
        {"period": date(2000, 7, 1), "by_quad_class": {}, "events": 0},
        {"period": date(2000, 8, 1), "by_quad_class": {1: 1}, "events": 1},
    ]
    chart = bar_chart(periods, "month")
    june = [b for b in chart["bars"] if b["label"] == "2000-06"]
    assert [b["quad"] for b in june] == [1, 3]
    assert sum(b["h"] for b in june) == chart["height"]
    assert june[1]["y"] + june[1]["h"] == june[0]["y"]  # conflict sits on cooperation
    assert [label["text"] for label in chart["labels"]] == ["2000-06", "2000-07", "2000-08"]


def test_network_joins_both_directions_of_a_pair_and_weights_by_events():
    edges = [
        {"source": "Putin", "target": "Kim", "quad_class": 1, "events": 3},
        {"source": "Kim", "target": "Putin", "quad_class": 3, "events": 1},
        {"source": "Putin", "target": "Japan", "quad_class": 1, "events": 1},
    ]
    graph = network("Putin", edges)
    lines = {line["title"].split(":")[0]: line for line in graph["lines"]}
    assert set(lines) == {"Kim – Putin", "Japan – Putin"}
    assert lines["Kim – Putin"]["events"] == 4 and lines["Kim – Putin"]["quad"] == 1
    assert lines["Kim – Putin"]["width"] > lines["Japan – Putin"]["width"]
    (center,) = [n for n in graph["nodes"] if n["center"]]
    assert (center["x"], center["y"]) == (graph["size"] / 2, graph["size"] / 2)


def test_timeline_gives_each_event_a_row_and_a_bar_on_a_shared_axis():
    def event(start, end, source):
        return {
            "date_start": start,
            "date_end": end,
            "source_name": source,
            "cameo_code": "042",
            "target_name": "North Korea",
        }

    chart = timeline(
        [
            event(date(2000, 7, 1), date(2000, 7, 31), "Vladimir Putin"),
            event(date(2000, 7, 19), date(2000, 7, 19), None),
            event(date(2000, 8, 30), date(2000, 8, 30), "A" * 60),
        ]
    )
    month, day, later = chart["spans"]
    assert month["y"] < day["y"] < later["y"]
    assert chart["axis_x"] < month["x"] < day["x"] < month["x"] + month["w"] < later["x"]
    assert month["label"] == "Vladimir Putin → 042 → North Korea"
    assert day["label"].startswith("— → 042") and len(later["label"]) == 44
    assert [t["label"] for t in chart["ticks"]] == ["Jul 2000", "Aug 2000"]
    mid_june = timeline([event(date(2000, 6, 9), date(2000, 6, 9), "X"), *chart["spans"]])
    assert [t["label"] for t in mid_june["ticks"]] == ["9 Jun 2000", "Jul 2000", "Aug 2000"]


def test_a_timeline_from_year_1_to_9999_has_a_readable_axis_and_no_overflow():
    """Issue 12: events dated year 1 and 9999 gave a 500 (no day after 9999-12-31) and
    would have drawn 120,000 month ticks."""
    events = [
        {"date_start": date(1, 1, 3), "date_end": None, "cameo_code": "042"},
        {"date_start": date(9999, 12, 31), "date_end": date(9999, 12, 31), "cameo_code": "042"},
    ]
    chart = timeline(events)
    labels = [t["label"] for t in chart["ticks"]]
    assert 2 <= len(labels) <= 16 and all(label.isdigit() for label in labels[1:])  # years
    xs = [t["x"] for t in chart["ticks"]]
    assert xs == sorted(xs)
    a_year = timeline([events[0], {"date_start": date(2, 6, 1), "date_end": None}])
    assert len(a_year["ticks"]) <= 16  # 17 months: every two months
