"""`--actors` and `--verbs`: a user's own knowledge files change what extract finds."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dossier.cli import main

# A made-up minister and a verb no pattern of the project names: only the user's files know them.
ARTICLE = "Foreign Minister Zorvan Teskel serenaded Pyongyang on Tuesday, officials said.\n"
ACTORS = """\
- name: Zorvan Teskel
  country: MNG
  roles:
    - [foreign minister, 1999-01-01, 2003-12-31]
"""
VERBS = """\
- code: "051"
  verbs: [serenade]
  target: [object]
"""


def extract(tmp_path, *options: str) -> dict:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(article), "--published", "2000-06-14", *options]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def entity_named(record: dict, name: str) -> dict | None:
    return next((e for e in record["entities"] if e["name"] == name), None)


def test_without_the_files_the_minister_and_the_verb_are_unknown(tmp_path):
    record = extract(tmp_path)
    minister = entity_named(record, "Zorvan Teskel")
    assert minister is None or minister["country"] != "MNG"
    serenades = [e for e in record["events"] if e["trigger"] and "serenade" in e["trigger"]]
    # no pattern knows the verb; the learned tagger may still code it, and says so
    assert all(e["coded_by"].startswith("model:") for e in serenades)
    assert (record["settings"]["actors"], record["settings"]["verbs"]) == ([], [])


def test_actor_and_verb_files_are_used_and_recorded(tmp_path):
    actors, verbs = tmp_path / "mine.yaml", tmp_path / "verbs.yaml"
    actors.write_text(ACTORS, encoding="utf-8")
    verbs.write_text(VERBS, encoding="utf-8")
    record = extract(tmp_path, "--actors", str(actors), "--verbs", str(verbs))
    minister = entity_named(record, "Zorvan Teskel")
    assert (minister["country"], minister["cameo"]) == ("MNG", "MNGGOV")
    (event,) = [e for e in record["events"] if "serenaded" in (e["trigger"] or "")]
    assert event["cameo_code"] == "051"
    assert event["source"]["name"] == "Zorvan Teskel"
    assert event["target"]["country"] == "PRK"
    assert (record["settings"]["actors"], record["settings"]["verbs"]) == (
        [str(actors)],
        [str(verbs)],
    )


def test_a_broken_actor_file_is_named_in_the_error(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "- name: Someone\n  roles: [[minister, not-a-date, 2001]]\n", encoding="utf-8"
    )
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--actors", str(broken)])
    assert result.exit_code == 1
    assert str(broken) in result.output
