"""The digest a trained model records of what it was built from (dossier.corpus.digest)."""

from __future__ import annotations

import json
from pathlib import Path

from dossier.corpus.digest import build_digest


def write(folder: Path, name: str, events) -> None:
    line = {"id": f"{name}-000", "story": name, "text": "Troops withdrew.", "events": events}
    (folder / f"{name}.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")


def corpus_with_one_story(tmp_path: Path) -> tuple[Path, Path]:
    """A config and a corpus folder holding one annotated story, voa-1."""
    config = tmp_path / "model.cfg"
    config.write_text("[settings]\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "voa-1", [])
    return config, corpus


def test_sentences_not_yet_annotated_leave_the_digest_unchanged(tmp_path):
    config, corpus = corpus_with_one_story(tmp_path)
    before = build_digest(config, corpus)
    write(corpus, "synthetic-7", None)
    assert build_digest(config, corpus) == before
    write(corpus, "synthetic-7", [])
    assert build_digest(config, corpus) != before


def test_a_line_that_is_not_json_changes_the_digest(tmp_path):
    config, corpus = corpus_with_one_story(tmp_path)
    before = build_digest(config, corpus)
    with (corpus / "voa-1.jsonl").open("a", encoding="utf-8") as out:
        out.write("{not json\n")
    assert build_digest(config, corpus) != before
