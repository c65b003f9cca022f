"""The corpus as training data for the argument finder (dossier.events.arguments).

For every gold event, every candidate word of its sentence becomes one example per
role: 1 when it heads the gold source (or target) span, 0 when it lies outside the
span; a word inside the span that is not its head is left out (it is neither right
nor wrong to point at "U.S." in "U.S. officials"). The stories are analysed whole by
the pipeline, so whether a candidate resolves to an actor is what dossier would see.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dossier.corpus.model import CorpusSentence, Span
from dossier.corpus.stories import story_article
from dossier.events.actors import EntityActors, EventActors
from dossier.events.arguments import ROLES, candidates, features, resolved_by, span_head


@dataclass(frozen=True)
class ArgumentExample:
    event: str  # "<sentence id>#<event index>": the examples of one gold event
    labels: dict[str, int | None]  # per role: 1 head, 0 not, None left out
    clues: list[str]
    word: str
    gold: dict[str, str | None]  # the gold span texts, for scoring a choice


def argument_examples(
    analyser, stories: dict[str, list[CorpusSentence]]
) -> Iterator[ArgumentExample]:
    for story, sentences in stories.items():
        article = story_article(story, sentences)
        analysed = analyser.run_stages(article, analyser.nlp(article.text))
        actors = EventActors(EntityActors(analysed.entities), analysed.knowledge.actors)
        resolved = resolved_by(actors)
        for sentence in sentences:
            yield from _sentence_examples(analysed.doc, sentence, resolved)


def _sentence_examples(doc: Doc, sentence: CorpusSentence, resolved) -> Iterator[ArgumentExample]:
    for number, event in enumerate(sentence.events or ()):
        trigger = span_head(tokens_of(doc, sentence, event.trigger))
        if trigger is None:
            continue
        spans = {"source": event.source, "target": event.target}
        words = {role: tokens_of(doc, sentence, span) for role, span in spans.items()}
        heads = {role: span_head(words[role]) for role in ROLES}
        gold = {role: span.text if span else None for role, span in spans.items()}
        for candidate in candidates(trigger):
            labels = {role: _label(candidate, heads[role], words[role]) for role in ROLES}
            yield ArgumentExample(
                f"{sentence.id}#{number}",
                labels,
                features(trigger, candidate, event.root, resolved),
                candidate.text,
                gold,
            )


def tokens_of(doc: Doc, sentence: CorpusSentence, span: Span | None) -> list[Token]:
    if span is None:
        return []
    start, end = sentence.start + span.start, sentence.start + span.end
    return [token for token in doc if start <= token.idx < end]


def _label(candidate: Token, head: Token | None, words: list[Token]) -> int | None:
    if head is not None and candidate.i == head.i:
        return 1
    if any(candidate.i == word.i for word in words):
        return None
    return 0
