"""An outlet and a role noun from a user's files reach the events, through the knowledge
value handed to the pipeline (tests/test_knowledge_bundle.py does the same for an agent
given in a PETRARCH dictionary)."""

from __future__ import annotations

from datetime import date

import pytest

from dossier import Analyser, Article, Knowledge

PUBLISHED = date(2000, 6, 14)
OUTLET_FILE = "- {name: Gozo Courier, aliases: [the Courier], country: MLT, sector: MED}\n"
ROLE_NOUN_FILE = "HERALD [~MED]\n"  # a PETRARCH agents line: the noun names the media sector
BY_THE_OUTLET = "The Gozo Courier accused Russia of lying on Monday."
BY_THE_ROLE_NOUN = "Maltese heralds accused Russia of lying on Monday."


def events(analyser: Analyser, text: str) -> list[tuple[str, str | None, str | None]]:
    record = analyser.analyse(Article(text=text, published=PUBLISHED))
    return [
        (e.cameo_code, e.source.cameo if e.source else None, e.target.cameo if e.target else None)
        for e in record.events
    ]


@pytest.fixture(scope="module")
def analysers(nlp, tmp_path_factory):
    """Three pipelines in one process: the project's knowledge, and each user file's."""
    folder = tmp_path_factory.mktemp("user-files")
    (folder / "outlets.yaml").write_text(OUTLET_FILE, encoding="utf-8")
    (folder / "roles.txt").write_text(ROLE_NOUN_FILE, encoding="utf-8")

    def analyser(*files: str) -> Analyser:
        knowledge = Knowledge.build(actors=[folder / name for name in files], learned=False)
        return Analyser(nlp=nlp, knowledge=knowledge)

    return {"plain": analyser(), "outlet": analyser("outlets.yaml"), "role": analyser("roles.txt")}


def test_an_outlet_in_a_users_actor_file_becomes_the_source_of_its_accusation(analysers):
    assert events(analysers["plain"], BY_THE_OUTLET) == []  # an unknown name: no actor
    assert events(analysers["outlet"], BY_THE_OUTLET) == [("112", "MLTMED", "RUS")]


def media_sources(found: list[tuple[str, str | None, str | None]]) -> list[str]:
    return [source for _, source, _ in found if source and source.endswith("MED")]


def test_a_role_noun_in_a_users_agents_file_gives_the_group_its_sector(analysers):
    # without the file "Maltese heralds" is at most the country (the demonym), no media
    assert media_sources(events(analysers["plain"], BY_THE_ROLE_NOUN)) == []
    assert events(analysers["role"], BY_THE_ROLE_NOUN) == [("112", "MLTMED", "RUS")]


def test_pipelines_with_different_user_files_keep_their_own_events(analysers):
    # asked in turn, in one process: neither file leaks into the other pipelines
    assert media_sources(events(analysers["outlet"], BY_THE_ROLE_NOUN)) == []
    assert events(analysers["role"], BY_THE_OUTLET) == []
    assert media_sources(events(analysers["plain"], BY_THE_OUTLET + " " + BY_THE_ROLE_NOUN)) == []
