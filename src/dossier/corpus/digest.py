"""What a trained model was built from: a digest of its config and corpus files.

`make train` writes the digest next to the model; a test recomputes it from the
committed files, so a shipped model that no longer matches its config or corpus fails.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def build_digest(config: Path, corpus: Path, *more: Path) -> str:
    """The config, every corpus file, and any further file the model was trained on
    (the silver tags and their settings), by name and content."""
    digest = hashlib.sha256()
    digest.update(config.read_bytes())
    for path in sorted(corpus.rglob("*.jsonl")):
        digest.update(path.relative_to(corpus).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    for path in more:
        digest.update(path.name.encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()
