"""Run every benchmark (or those named): `python -m bench [store events actors ...]`."""

import sys
from pathlib import Path

from evaluation.runner import run_modules

if __name__ == "__main__":
    sys.exit(run_modules("bench", Path(__file__).parent, "_bench", sys.argv[1:]))
