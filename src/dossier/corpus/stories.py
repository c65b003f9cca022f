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
    sentences: Iterable[CorpusSentence], split: str
) -> dict[str, list[CorpusSentence]]:
    """The annotated sentences of one split, by story."""
    chosen: dict[str, list[CorpusSentence]] = defaultdict(list)
    for sentence in sentences:
        if sentence.annotated and split_of(sentence.story) == split:
            chosen[sentence.story].append(sentence)
    return dict(chosen)


def story_article(story: str, sentences: list[CorpusSentence]) -> Article:
    text = ""
    for sentence in sorted(sentences, key=lambda s: s.start):
        text = text.ljust(sentence.start) + sentence.text
    published = sentences[0].published or None
    when = date.fromisoformat(published) if published else None
    return Article(text=text, published=when, record_id=story, outlet=OUTLET)
