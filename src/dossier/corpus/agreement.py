"""Agreement between two independent annotations of the same sentences.

The second reading lives in `corpus/agreement/` under the same sentence ids. Scores are
F1 of one reading against the other (symmetric): events pair up when their triggers
overlap and their CAMEO roots agree ("trigger+type"); the stricter figure asks the
same full code; modality agreement is over the paired events.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dossier.corpus.model import CorpusEvent
from dossier.corpus.reader import read_corpus


@dataclass(frozen=True)
class Agreement:
    sentences: int
    first_events: int
    second_events: int
    type_pairs: int
    code_pairs: int
    modality_same: int
    negatives_same: int

    @property
    def type_f1(self) -> float:
        return _f1(self.type_pairs, self.first_events, self.second_events)

    @property
    def code_f1(self) -> float:
        return _f1(self.code_pairs, self.first_events, self.second_events)

    @property
    def modality(self) -> float:
        return self.modality_same / self.type_pairs if self.type_pairs else 0.0


def _f1(pairs: int, first: int, second: int) -> float:
    return 2 * pairs / (first + second) if first + second else 1.0


def compare(first_roots: list[Path], second_root: Path) -> Agreement:
    """The second reading against the first, found in any of the folders given."""
    firsts = {s.id: s for root in first_roots for s in read_corpus(root)[0] if s.annotated}
    seconds = [s for s in read_corpus(second_root)[0] if s.annotated and s.id in firsts]
    totals = [0, 0, 0, 0, 0, 0]
    for second in seconds:
        first = firsts[second.id]
        pairs = _pairs(list(first.events or ()), list(second.events or ()))
        totals[0] += len(first.events or ())
        totals[1] += len(second.events or ())
        totals[2] += len(pairs)
        totals[3] += sum(a.cameo == b.cameo for a, b in pairs)
        totals[4] += sum(a.modality == b.modality for a, b in pairs)
        totals[5] += bool(first.events) == bool(second.events)
    return Agreement(len(seconds), *totals)


def _pairs(first: list[CorpusEvent], second: list[CorpusEvent]):
    left = list(second)
    pairs = []
    for event in first:
        match = next((other for other in left if _same_event(event, other)), None)
        if match is not None:
            left.remove(match)
            pairs.append((event, match))
    return pairs


def _same_event(a: CorpusEvent, b: CorpusEvent) -> bool:
    overlap = a.trigger.start < b.trigger.end and b.trigger.start < a.trigger.end
    return overlap and a.root == b.root
