"""Stages are built from names and checked in order; a package adds its own."""

from __future__ import annotations

import sys
from datetime import date
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import dossier.plugins as plugins
import dossier.stages as stages
from dossier.builtin_stages import DEFAULT_STAGES
from dossier.ingest import Article
from dossier.pipeline import Analyser
from dossier.stages import StageOrderError, build_stages

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "dossier_confident" / "src"
TEXT = (
    "Putin met Kim Jong-il in Pyongyang on Wednesday. Chinese troops attacked Vietnamese positions."
)


def test_the_default_stages_are_in_an_order_that_checks():
    assert [stage.name for stage in build_stages(DEFAULT_STAGES)] == list(DEFAULT_STAGES)


def test_a_stage_before_what_it_requires_is_refused_when_built():
    with pytest.raises(StageOrderError, match="'events' requires entities, timexes, citations"):
        build_stages(("events", "actors", "time", "citations"))
    with pytest.raises(StageOrderError, match="unknown stage 'stroies'"):
        build_stages((*DEFAULT_STAGES, "stroies"))


def test_a_stage_from_an_installed_package_runs_after_the_events(nlp, monkeypatch):
    monkeypatch.syspath_prepend(str(EXAMPLE))
    point = EntryPoint(
        name="confident_events",
        value="dossier_confident:CONFIDENT_EVENTS",
        group=stages.ENTRY_POINT_GROUP,
    )
    monkeypatch.setattr(plugins, "entry_points", lambda group: [point])
    article = Article(text=TEXT, published=date(2000, 7, 20))
    plain = Analyser(nlp=nlp, learned=False)
    confident = Analyser(nlp=nlp, learned=False, stages=(*DEFAULT_STAGES, "confident_events"))
    everything = plain.run_stages(article, nlp(TEXT))
    filtered = confident.run_stages(article, nlp(TEXT))
    low = [e for e in everything.events if e.confidence is not None and e.confidence < 0.7]
    assert low, "the example needs an event below the threshold: 'Chinese troops'"
    assert len(filtered.events) == len(everything.events) - len(low)
    assert filtered.layers["dropped_events"] == len(low)
    sys.modules.pop("dossier_confident", None)


def test_an_exporter_from_an_installed_package_is_a_format_of_export(tmp_path, monkeypatch):
    import io

    import dossier.export as export
    from dossier.store import Store, document_rows
    from test_store_samples import summit_record

    monkeypatch.syspath_prepend(str(EXAMPLE))
    point = EntryPoint(
        name="brief", value="dossier_confident:BRIEF_EXPORTER", group=export.ENTRY_POINT_GROUP
    )
    monkeypatch.setattr(plugins, "entry_points", lambda group: [point])
    assert "brief" in export.registered_exporters() and "gdelt" in export.registered_exporters()
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.write(document_rows(summit_record()))
    out = io.StringIO()
    with Store(path, read_only=True) as store:
        result = export.export_events(store.con, "brief", out)
        stored = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    lines = out.getvalue().splitlines()
    assert result.written == stored == len(lines) and stored > 0
    assert all(len(line.split("\t")) == 5 for line in lines)
    sys.modules.pop("dossier_confident", None)


def test_the_architecture_document_lists_each_stage_as_registered():
    text = (Path(__file__).resolve().parents[1] / "docs" / "architecture.md").read_text()
    for stage in build_stages(DEFAULT_STAGES):
        row = f"| `{stage.name}` | {', '.join(stage.requires)} | {', '.join(stage.assigns)} |"
        assert row in text, row
