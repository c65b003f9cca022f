"""Modules that must not import each other at run time (type-only imports are allowed)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "dossier"


def runtime_imports(path: Path) -> set[str]:
    """The dossier modules a file imports outside `if TYPE_CHECKING:` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and getattr(block.test, "id", None) == "TYPE_CHECKING"
        for node in ast.walk(block)
    }
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and id(node) not in type_only and node.module:
            found.add(node.module)
    return found


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
