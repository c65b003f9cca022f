"""What a trained model was built from: a digest of its config and corpus files.

`make train` writes the digest next to the model; a test recomputes it from the
committed files, so a shipped model that no longer matches its config or corpus fails.
Sentences not yet annotated (`"events": null`) are left out: training never reads them,
so stories prepared for annotation do not make the shipped model stale, and the first
annotated sentence among them does.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def build_digest(config: Path, corpus: Path, *more: Path) -> str:
    """The config, every corpus file, and any further file the model was trained on
    (the silver tags and their settings), by name and content."""
    digest = hashlib.sha256()
    digest.update(config.read_bytes())
    for path in sorted(corpus.rglob("*.jsonl")):
        annotated = _annotated_lines(path)
        if annotated:
            digest.update(path.relative_to(corpus).as_posix().encode("utf-8"))
            digest.update(annotated)
    for path in more:
        digest.update(path.name.encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _annotated_lines(path: Path) -> bytes:
    """The file's lines that are annotated; a line that is not JSON counts as annotated,
    so that no change to it goes unnoticed."""
    kept = []
    for line in path.read_bytes().splitlines(keepends=True):
        try:
            unread = json.loads(line).get("events", ()) is None
        except (ValueError, AttributeError):
            unread = False
        if not unread:
            kept.append(line)
    return b"".join(kept)
