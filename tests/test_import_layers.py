"""Modules that must not import each other at run time (type-only imports are allowed)."""

from __future__ import annotations

from pathlib import Path

from test_frame_facade import runtime_dossier_imports as runtime_imports

SRC = Path(__file__).resolve().parents[1] / "src" / "dossier"


def test_the_actor_passes_do_not_import_each_other():
    passes = ("scan", "people", "coref", "agents")
    for name in passes:
        imported = runtime_imports(SRC / "actors" / f"{name}.py")
        others = {f"dossier.actors.{other}" for other in passes if other != name}
        assert not imported & others, (name, imported & others)


def test_ingest_and_attribution_take_dates_from_the_shared_module_not_the_time_stage():
    for folder in ("ingest", "attribution"):
        for path in (SRC / folder).glob("*.py"):
            assert not {m for m in runtime_imports(path) if m.startswith("dossier.time")}, path
