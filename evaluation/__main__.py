"""Run every accuracy evaluation (or those named): `python -m evaluation [time events ...]`."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(names: list[str]) -> int:
    here = Path(__file__).parent
    modules = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.endswith("_eval"))
    chosen = [m for m in modules if not names or m.removesuffix("_eval") in names]
    status = 0
    for name in chosen:
        print(f"== {name.removesuffix('_eval')} ==", flush=True)
        status |= importlib.import_module(f"evaluation.{name}").main() or 0
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
