"""Run every accuracy evaluation (or those named): `python -m evaluation [time events ...]`."""

import sys
from pathlib import Path

from evaluation.runner import run_modules

if __name__ == "__main__":
    sys.exit(run_modules("evaluation", Path(__file__).parent, "_eval", sys.argv[1:]))
