"""The CLI and the web app reach dossier through the public façade (`import dossier`).

They may import, at run time (imports under `if TYPE_CHECKING:` only name types):
- `dossier` itself: the façade (`open`, `ingest_files`, `analyse_files`, `export_events`,
  `export_formats`, `Article`, `DEFAULT_MODEL`, ...);
- their own layer: `dossier.cli.*` in the CLI, `dossier.web.*` in the web, and the web
  app from `dossier serve` (cli/serve.py);
- `dossier.errors` and `dossier.record`: the exceptions a caller catches and the output
  record with its JSON schema, the contract every user of dossier reads;
- `dossier.query`, in web/params.py and web/queries.py only: the pages ask questions of
  their own (pages with offsets, a document with its annotations, counterpart edges)
  as SQL over a per-request `EventDatabase.cursor()`, built on the same filters as the
  façade's queries so the pages and `dossier events` match alike. Those page shapes are
  the web's, not a script user's, so they stay out of the façade.
Anything else (dossier.store, dossier.pipeline, dossier.export, dossier.nlp, ...) is an
internal the layer must not reach past the façade for.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "dossier"
SHARED = {"dossier", "dossier.errors", "dossier.record"}
LAYER_OWN = {"cli": ("dossier.cli",), "web": ("dossier.web",)}
EXTRA = {
    "cli/serve.py": ("dossier.web",),
    "web/params.py": ("dossier.query",),
    "web/queries.py": ("dossier.query",),
}


def runtime_dossier_imports(path: Path) -> set[str]:
    """The dossier modules a file imports anywhere but under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and getattr(block.test, "id", None) == "TYPE_CHECKING"
        for node in ast.walk(block)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "dossier" or name.startswith("dossier.")}


def allowed(module: str, layer: str, relative: str) -> bool:
    prefixes = LAYER_OWN[layer] + EXTRA.get(relative, ())
    return module in SHARED or any(
        module == prefix or module.startswith(prefix + ".") for prefix in prefixes
    )


def test_the_cli_and_the_web_import_no_dossier_internals():
    checked = 0
    for layer in LAYER_OWN:
        for path in sorted((SRC / layer).glob("*.py")):
            relative = f"{layer}/{path.name}"
            outside = {m for m in runtime_dossier_imports(path) if not allowed(m, layer, relative)}
            assert not outside, f"{relative} imports internals: {sorted(outside)}"
            checked += 1
    assert checked >= 10  # the guard looked at the files, not at an empty folder


def test_the_guard_sees_an_internal_import(tmp_path):
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("def f():\n    from dossier.store import Store\n", encoding="utf-8")
    assert runtime_dossier_imports(sneaky) == {"dossier.store"}
    assert not allowed("dossier.store", "cli", "cli/sneaky.py")
