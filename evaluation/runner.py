"""Run the `main()` of every module of a folder whose name ends with a suffix.

Shared by `python -m evaluation` (modules `*_eval.py`) and `python -m bench`
(modules `*_bench.py`); a name on the command line picks one ("time", "events").
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def run_modules(package: str, folder: Path, suffix: str, names: list[str]) -> int:
    names = [name for name in names if not name.startswith("--")]  # options are the module's
    modules = sorted(m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.endswith(suffix))
    chosen = [m for m in modules if not names or m.removesuffix(suffix) in names]
    unknown = set(names) - {m.removesuffix(suffix) for m in modules}
    if unknown:
        print(f"no such {package} module: {', '.join(sorted(unknown))}")
        return 2
    status = 0
    for name in chosen:
        print(f"== {name.removesuffix(suffix)} ==", flush=True)
        status |= importlib.import_module(f"{package}.{name}").main() or 0
    return status
