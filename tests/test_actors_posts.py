"""Roles at a place and date: "the Russian ambassador" is the one posted where the story
is (`dossier.actors.posts`), and `people.yaml` says where each ambassador is posted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dossier.actors import resolve_entities
from dossier.errors import KnowledgeError
from dossier.knowledge.actor_files import load_actor_entries, own_knowledge

MAY_2010 = date(2010, 5, 1)  # Churkin at the UN, Kislyak in Washington, Mamedov in Ottawa


@pytest.fixture(scope="module")
def resolve(nlp):
    def run(text: str, day: date = MAY_2010):
        return resolve_entities(nlp(text), day)

    return run


def actor_of(resolved, text: str, words: str):
    start = text.index(words)
    return resolved.actor_at(start, start + len(words))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Russian ambassador to the United Nations criticised Georgia.", "Vitaly Churkin"),
        ("Russia's ambassador to the UN met the envoys.", "Vitaly Churkin"),
        ("The Russian ambassador in Washington met U.S. officials.", "Sergey Kislyak"),
        ("WASHINGTON (Reuters) - The Russian ambassador met U.S. officials.", "Sergey Kislyak"),
        ("UNITED NATIONS (Reuters) - The Russian ambassador criticised Georgia.", "Vitaly Churkin"),
        ("The Russian ambassador to Canada met Canadian officials.", "Georgy Mamedov"),
    ],
)
def test_the_ambassador_posted_where_the_text_says(resolve, text, name):
    actor = actor_of(resolve(text), text, "ambassador")
    assert actor is not None and actor.name == name and actor.cameo == "RUSGOV"


@pytest.mark.parametrize(
    "text",
    [
        "TBILISI, Georgia (Reuters) - The Russian ambassador met Georgian officials on Monday.",
        "The Russian ambassador in Georgia criticised the government.",
        "Russia's ambassador to Georgia met President Mikheil Saakashvili.",
        "The Russian ambassador in Tbilisi protested.",
    ],
)
def test_an_unknown_post_gives_the_government_never_another_posts_holder(resolve, text):
    resolved = resolve(text)
    actor = actor_of(resolved, text, "ambassador")
    assert actor is not None and actor.name == "Government (Russia)"
    assert (actor.country, actor.cameo) == ("RUS", "RUSGOV")
    people = {e.name for e in resolved.entities if e.type == "PERSON"}
    assert not people & {"Vitaly Churkin", "Sergey Kislyak", "Georgy Mamedov"}


def test_with_no_post_told_only_a_sole_holder_is_chosen(resolve):
    text = "The Russian ambassador criticised Georgia."
    assert actor_of(resolve(text), text, "ambassador").name == "Government (Russia)"
    # in 2000 the only North Korean ambassador people.yaml knows is Pak Ui-chun in Moscow
    text = "The North Korean ambassador met the officials."
    actor = actor_of(resolve(text, date(2000, 6, 12)), text, "ambassador")
    assert actor.name == "Pak Ui-chun"


def test_a_dateline_in_the_ambassadors_own_country_tells_no_post(resolve):
    text = "MOSCOW (Reuters) - The Russian ambassador to the United Nations spoke."
    assert actor_of(resolve(text), text, "ambassador").name == "Vitaly Churkin"
    text = "MOSCOW (Reuters) - The Russian ambassador spoke."
    assert actor_of(resolve(text), text, "ambassador").name == "Government (Russia)"


def test_the_holder_at_the_post_on_the_day(resolve):
    text = "The Russian ambassador to the United Nations criticised Georgia."
    assert actor_of(resolve(text, date(2019, 5, 1)), text, "ambassador").name == "Vasily Nebenzya"
    assert actor_of(resolve(text, date(2000, 5, 1)), text, "ambassador").name == "Sergey Lavrov"


def test_other_offices_are_unchanged(resolve):
    text = "The Russian president met the Georgian president."
    assert actor_of(resolve(text), text, "Russian president").name == "Dmitry Medvedev"


# --- the data -----------------------------------------------------------------------------
def test_every_ambassador_to_somewhere_has_a_known_post():
    knowledge = own_knowledge()
    posted = [
        (actor.name, role)
        for actor in knowledge.actors
        for role in actor.roles
        if role.kind == "ambassador"
    ]
    assert len(posted) >= 25
    codes = {c.code for c in knowledge.countries} | {"IGOUNO"}
    assert all(role.post in codes for _, role in posted), [n for n, r in posted if not r.post]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_post_is_read_from_a_users_file(tmp_path):
    path = write(
        tmp_path,
        "- {name: Ivan Petrov, country: RUS, roles: "
        "[{title: ambassador to Georgia, kind: ambassador, post: GEO, from: 2009, to: 2012}]}\n",
    )
    (actor,), _ = load_actor_entries(path, own_knowledge().titles)
    assert actor.roles[0].post == "GEO"


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (
            "{title: ambassador to Georgia, kind: ambassador, from: 2009, to: 2012}",
            "give its 'post'",
        ),
        ("{title: foreign minister, post: GEO, from: 2009, to: 2012}", "only for offices of kind"),
        (
            "{title: ambassador to Georgia, kind: ambassador, post: Georgia, from: 2009, to: 2012}",
            "is not a CAMEO code",
        ),
    ],
)
def test_a_wrong_post_is_refused_with_its_line(tmp_path, entry, problem):
    path = write(tmp_path, f"# people\n- {{name: Ivan Petrov, country: RUS, roles: [{entry}]}}\n")
    with pytest.raises(KnowledgeError) as error:
        load_actor_entries(path, own_knowledge().titles)
    assert error.value.line == 2 and problem in error.value.problem
