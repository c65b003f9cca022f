"""Shared fixtures: the real spaCy model (loaded once) and the shared data beside the checkout."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
SEED_JUNE = SEEDS / "000_2e3e4dbd7dc68a15.txt"  # Monitor 6/114, published 2000-06-12
SEED_AUGUST = SEEDS / "002_6d30d1458d94317f.txt"  # Monitor 6/160, published 2000-08-30
SEED_DATES = {SEED_JUNE.name: date(2000, 6, 12), SEED_AUGUST.name: date(2000, 8, 30)}


def require_shared(path: Path) -> Path:
    """The shared file, or a skip outside CI when ../shared is absent (a user's clone)."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must have ../shared beside the checkout")
        pytest.skip(f"{path} not present (../shared is not beside this checkout)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from dossier.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def analyser(nlp):
    from dossier.pipeline import Analyser

    return Analyser(nlp=nlp)


@pytest.fixture(scope="session")
def seed_records(analyser):
    """The analysed records of both seeds, keyed by file name."""
    from dossier.ingest import read_articles

    records = {}
    for path in (SEED_JUNE, SEED_AUGUST):
        require_shared(path)
        (article,) = list(read_articles([path], SEED_DATES[path.name]))
        records[path.name] = analyser.analyse(article)
    return records
