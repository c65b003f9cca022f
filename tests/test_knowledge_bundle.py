"""Knowledge is one value handed in: two pipelines in one process keep their own."""

from __future__ import annotations

from datetime import date

from dossier.ingest import Article
from dossier.knowledge.bundle import Knowledge
from dossier.pipeline import Analyser
from test_cli_knowledge import ACTORS, VERBS
from test_cli_knowledge import ARTICLE as TEXT


def _events(analyser: Analyser) -> list[tuple[str, str | None, str | None]]:
    record = analyser.analyse(Article(text=TEXT, published=date(2000, 6, 14)))
    return [
        (
            e.cameo_code,
            e.source.country if e.source else None,
            e.target.country if e.target else None,
        )
        for e in record.events
    ]


def test_two_pipelines_with_different_knowledge_in_one_process(nlp, tmp_path):
    (tmp_path / "actors.yaml").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "verbs.yaml").write_text(VERBS, encoding="utf-8")
    plain = Analyser(nlp=nlp, learned=False)
    verbs_only = Analyser(nlp=nlp, verbs=[tmp_path / "verbs.yaml"], learned=False)
    both = Analyser(
        nlp=nlp, actors=[tmp_path / "actors.yaml"], verbs=[tmp_path / "verbs.yaml"], learned=False
    )
    assert ("051", "MNG", "PRK") in _events(both)
    assert not [e for e in _events(plain) if e[0] == "051"]
    # the user's verb codes the act, but without their actor file the minister has no country
    assert [e for e in _events(verbs_only) if e[0] == "051"] and (
        "051",
        "MNG",
        "PRK",
    ) not in _events(verbs_only)
    assert not [e for e in _events(plain) if e[0] == "051"], "the other pipelines leaked"


def test_knowledge_values_are_independent():
    base = Knowledge.build()
    other = base.with_patterns(type(base.patterns)())
    assert len(other.patterns) == 0 and len(base.patterns) > 100


def test_an_agent_in_a_users_dictionary_changes_the_events_it_takes_part_in(nlp, tmp_path):
    (tmp_path / "agents.txt").write_text("GRANDEE [~ELI]\n", encoding="utf-8")
    text = "North Korean grandees denounced Russia on Monday."

    def sources(analyser: Analyser) -> list[str | None]:
        record = analyser.analyse(Article(text=text, published=date(2000, 6, 14)))
        return [e.source.cameo if e.source else None for e in record.events]

    assert sources(Analyser(nlp=nlp, learned=False)) == ["PRK"]  # the country alone
    with_agent = Analyser(nlp=nlp, actors=[tmp_path / "agents.txt"], learned=False)
    assert sources(with_agent) == ["PRKELI"]  # the user's agent: North Korea's elites
