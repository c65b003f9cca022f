"""Citations: parenthetical source attributions and cross-references."""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import SEED_AUGUST, SEED_JUNE, require_shared

from dossier.attribution import find_citations
from dossier.errors import KnowledgeError
from dossier.knowledge.outlets import default_outlets, load_outlets

JUNE = date(2000, 6, 12)
AUGUST = date(2000, 8, 30)


def cite(text: str, anchor: date | None = AUGUST):
    return find_citations(text, anchor)


def test_one_group_with_a_date_range():
    (c,) = cite("They met (Reuters, AP, UPI, Russian agencies, June 8-11).", JUNE)
    assert c.outlets == ["Reuters", "AP", "UPI", "Russian agencies"]
    assert (c.date_start, c.date_end, c.kind) == ("2000-06-08", "2000-06-11", "source")


def test_groups_keep_their_own_dates():
    text = (
        "(CNN, August 25; Reuters, August 28; UPI, AP, August 29; Russian agencies, August 28-29)"
    )
    (c,) = cite(text)
    assert c.outlets == ["CNN", "Reuters", "UPI", "AP", "Russian agencies"]
    assert (c.date_start, c.date_end) == ("2000-08-25", "2000-08-29")
    assert [(p.outlets, p.date_start, p.date_end) for p in c.parts] == [
        (["CNN"], "2000-08-25", "2000-08-25"),
        (["Reuters"], "2000-08-28", "2000-08-28"),
        (["UPI", "AP"], "2000-08-29", "2000-08-29"),
        (["Russian agencies"], "2000-08-28", "2000-08-29"),
    ]
    assert (c.start, c.end) == (0, len(text))


def test_cross_reference():
    (c,) = cite("(see the Monitor, July 28)")
    assert (c.kind, c.outlets, c.date_start, c.date_end) == (
        "cross_reference",
        ["Monitor"],
        "2000-07-28",
        "2000-07-28",
    )


@pytest.mark.parametrize(
    "text",
    [
        "the talks between Putin and Kim (should they actually come off) are seen",
        "Deputy Foreign Minister (in charge of Asia-Pacific affairs) Aleksandr Losyukov",
        "the treaty (1972) and the plan (see below)",
        "a figure (about 40 percent, officials said)",
    ],
)
def test_parentheticals_that_attribute_nothing(text):
    assert cite(text) == []


def test_aliases_become_the_citation_name():
    (c,) = cite("(Associated Press, the Washington Post, August 14)")
    assert c.outlets == ["AP", "Washington Post"]


def test_unknown_outlet_counts_only_next_to_a_date():
    (c,) = cite("(Kommersant Vlast, June 9)", JUNE)
    assert c.outlets == ["Kommersant Vlast"] and c.date_start == "2000-06-09"
    assert cite("(Foreign Minister Ivanov)") == []


def test_without_an_anchor_dates_stay_empty_but_outlets_are_kept():
    (c,) = cite("(Reuters, June 9)", None)
    assert c.outlets == ["Reuters"] and c.date_start is None and c.date_end is None


def test_dates_across_new_year_take_the_nearest_years():
    (c,) = cite("(Xinhua, December 30-January 2)", date(2001, 1, 3))
    assert (c.date_start, c.date_end) == ("2000-12-30", "2001-01-02")


def test_mixed_sources_and_cross_reference():
    (c,) = cite("(Kyodo, March 15; see the Monitor, March 2)", date(2000, 3, 16))
    assert c.kind == "source" and c.outlets == ["Kyodo"]
    assert [p.kind for p in c.parts] == ["source", "cross_reference"]
    assert c.parts[1].outlets == ["Monitor"]


def test_the_seeds_six_sources_and_two_cross_references():
    found = []
    for path, anchor in ((SEED_JUNE, JUNE), (SEED_AUGUST, AUGUST)):
        text = require_shared(path).read_text(encoding="utf-8")
        found += [
            (c.kind, c.outlets, c.date_start, c.date_end) for c in find_citations(text, anchor)
        ]
    assert found == [
        ("source", ["Reuters", "AP", "UPI", "Russian agencies"], "2000-06-08", "2000-06-11"),
        ("cross_reference", ["Monitor"], "2000-07-28", "2000-07-28"),
        ("source", ["CNN", "Reuters", "UPI", "AP", "Russian agencies"], "2000-08-25", "2000-08-29"),
        ("cross_reference", ["Monitor"], "2000-07-21", "2000-07-24"),
        ("source", ["Washington Post", "AP"], "2000-08-14", "2000-08-14"),
        ("source", ["Russian agencies"], "2000-08-29", "2000-08-29"),
        ("source", ["Russian news agencies"], "2000-08-28", "2000-08-29"),
        ("source", ["International Herald Tribune"], "2000-08-30", "2000-08-30"),
    ]


def test_outlet_file_errors_name_the_file(tmp_path):
    bad = tmp_path / "outlets.yaml"
    bad.write_text("- {name: Foo, kind: blog}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"outlets.yaml: outlet #1: 'kind' must be one of"):
        load_outlets(bad)
    assert default_outlets().lookup("Itar-Tass").name == "ITAR-TASS"
