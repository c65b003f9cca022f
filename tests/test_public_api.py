"""The public names of `dossier`: a change to them is a deliberate change of this test."""

from __future__ import annotations

import io
from datetime import date

import dossier

PUBLIC = {
    "DEFAULT_MODEL",
    "Analyser",
    "Article",
    "Exporter",
    "Knowledge",
    "Stage",
    "__version__",
    "analyse_files",
    "codebook",
    "export_events",
    "export_formats",
    "ingest_files",
    "open",
    "register_exporter",
    "register_stage",
}


def test_the_public_names_are_exactly_these():
    assert set(dossier.__all__) == PUBLIC
    for name in PUBLIC:
        assert getattr(dossier, name) is not None


def test_ingest_open_and_export_through_the_facade(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Putin met Kim Jong-il in Pyongyang on Wednesday.\n", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    summary = dossier.ingest_files([article], db, published=date(2000, 7, 19))
    assert summary.stored == 1
    with dossier.open(db) as opened:
        events = opened.events()
    assert list(events["cameo_code"]) == ["040"]
    out = io.StringIO()
    assert dossier.export_events(db, "gdelt", out).written == 1
    assert out.getvalue().count("\n") == 1
