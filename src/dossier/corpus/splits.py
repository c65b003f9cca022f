"""Train / dev / test by story, fixed by a hash of the story id.

A story's sentences stay together, so no test sentence has a neighbour in training.
Sentences the team wrote (`written-…` stories) are always training material: the
dev and test splits are real reporting only. The test split is for the figures in
the docs, never for a decision.
"""

from __future__ import annotations

import hashlib

TEST_SHARE = 15
DEV_SHARE = 15


def split_of(story: str) -> str:
    if not story.startswith("voa-"):
        return "train"
    bucket = int(hashlib.sha256(story.encode("utf-8")).hexdigest(), 16) % 100
    if bucket < TEST_SHARE:
        return "test"
    if bucket < TEST_SHARE + DEV_SHARE:
        return "dev"
    return "train"
