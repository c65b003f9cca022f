"""Validate the corpus: spans align, codes exist, PLOVER types agree with the crosswalk."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from dossier.corpus.model import MODALITIES, CorpusEvent, CorpusSentence
from dossier.corpus.problems import Problem
from dossier.corpus.reader import read_corpus
from dossier.errors import InputError
from dossier.knowledge.codebook import Codebook, load_codebook


def check_corpus(root: Path, codebook: Codebook | None = None) -> list[Problem]:
    """Every problem in the corpus under `root`; an empty list means it is valid."""
    sentences, problems = read_corpus(root)
    return problems + _sentence_problems(sentences, codebook or load_codebook())


def _sentence_problems(sentences: list[CorpusSentence], codebook: Codebook) -> list[Problem]:
    problems = _duplicate_ids(sentences)
    for sentence in sentences:
        where = Problem.at(sentence.path, sentence.line)
        for index, event in enumerate(sentence.events or ()):
            problems += [where(f"event {index}: {m}") for m in _event_problems(event, codebook)]
            problems += [where(f"event {index}: {m}") for m in _nesting(sentence, index)]
    return problems


def checked_sentences(root: Path) -> list[CorpusSentence]:
    """The corpus's sentences, for training: an InputError naming the first problem (and
    how many more) when the corpus does not pass its check."""
    sentences, problems = read_corpus(root)  # read once: checked, then returned
    problems += _sentence_problems(sentences, load_codebook())
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InputError(
            f"{first.path}:{first.line}", f"{first.message}{more}: fix the corpus first"
        )
    return sentences


def _duplicate_ids(sentences: Iterable[CorpusSentence]) -> list[Problem]:
    seen: dict[str, CorpusSentence] = {}
    problems = []
    for sentence in sentences:
        first = seen.setdefault(sentence.id, sentence)
        if first is not sentence:
            message = f"id {sentence.id} already used at {first.path}:{first.line}"
            problems.append(Problem(sentence.path, sentence.line, message))
    return problems


def _event_problems(event: CorpusEvent, codebook: Codebook) -> list[str]:
    problems = []
    if any(character.isspace() for character in event.trigger.text):
        problems.append(f"trigger {event.trigger.text!r} must be one word")
    entry = codebook.codes.get(event.cameo)
    if entry is None:
        problems.append(f"cameo {event.cameo!r} is not a code of the codebook")
    elif len(event.cameo) < 3:
        problems.append(f"cameo {event.cameo!r}: use the root's general code {event.cameo}0")
    elif event.plover != entry.plover_type:
        problems.append(
            f"plover {event.plover!r} disagrees with the crosswalk: {event.cameo} is "
            f"{entry.plover_type!r}"
        )
    if event.modality not in MODALITIES:
        problems.append(f"modality {event.modality!r} is not one of {', '.join(MODALITIES)}")
    return problems


def _nesting(sentence: CorpusSentence, index: int) -> list[str]:
    events = sentence.events or ()
    outer = events[index].content_of
    if outer is None:
        return []
    if not isinstance(outer, int) or not 0 <= outer < len(events) or outer == index:
        return [f"content_of {outer!r} is not another event of this sentence"]
    if events[index].modality == "asserted":
        return ["an inner event (content_of) is never asserted"]
    return []
