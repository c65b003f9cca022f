"""What a trained model was built from: a digest of its config and corpus files.

`make train` writes the digest next to the model; a test recomputes it from the
committed files, so a shipped model that no longer matches its config or corpus fails.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def build_digest(config: Path, corpus: Path) -> str:
    digest = hashlib.sha256()
    digest.update(config.read_bytes())
    for path in sorted(corpus.rglob("*.jsonl")):
        digest.update(path.relative_to(corpus).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()
