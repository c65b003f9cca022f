"""A corpus story rebuilt as an article: its sentences at their offsets, analysed whole
(so that context resolves names), as the evaluation and the argument training read it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from dossier.corpus.model import CorpusSentence
from dossier.corpus.splits import split_of
from dossier.ingest import Article

OUTLET = "Voice of America"


def annotated_stories(
    sentences: Iterable[CorpusSentence], split: str | None
) -> dict[str, list[CorpusSentence]]:
    """The annotated sentences of one split (None: all of them), by story. A file of
    sentences written one by one (each at offset 0) is no story: each of its sentences
    is a story of its own, keyed by the sentence's id, so that no two are laid over each
    other."""
    chosen: dict[str, list[CorpusSentence]] = defaultdict(list)
    for sentence in sentences:
        if sentence.annotated and split in (None, split_of(sentence.story)):
            chosen[sentence.story].append(sentence)
    stories: dict[str, list[CorpusSentence]] = {}
    for story, members in chosen.items():
        if _laid_end_to_end(members):
            stories[story] = members
        else:
            stories.update((sentence.id, [sentence]) for sentence in members)
    return stories


def _laid_end_to_end(sentences: list[CorpusSentence]) -> bool:
    ordered = sorted(sentences, key=lambda s: s.start)
    return all(a.start + len(a.text) <= b.start for a, b in zip(ordered, ordered[1:], strict=False))


def story_article(story: str, sentences: list[CorpusSentence]) -> Article:
    text = ""
    for sentence in sorted(sentences, key=lambda s: s.start):
        text = text.ljust(sentence.start) + sentence.text
    published = sentences[0].published or None
    when = date.fromisoformat(published) if published else None
    return Article(text=text, published=when, record_id=story, outlet=OUTLET)
