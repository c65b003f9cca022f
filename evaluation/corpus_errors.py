"""Where dossier and the annotators part, on the sets for choosing only.

    python -m evaluation.corpus_errors            a count of each kind of error on dev
    python -m evaluation.corpus_errors --list K   and every case of kind K
    ... --domestic-dev                            the same on the written domestic stories

Kinds, for each coded event against the gold events of its sentence:
- `spurious`: no gold trigger overlaps it;
- `wrong-root`: a gold trigger overlaps it with another CAMEO root;
- `source` / `target` / `both`: trigger and root right, that party (or both) wrong;
- `right`: the whole event right;
and `missed`, a gold event no coded event overlaps.
Never run on the test split or the domestic check: it is for reading errors, and they
are for figures.
"""

from __future__ import annotations

import sys
from collections import Counter

from dossier.corpus.stories import story_article
from dossier.pipeline import Analyser
from evaluation.corpus_eval import _party, coded_in, stories


def _kind(event, golds, offset: int) -> tuple[str, object]:
    span = (event.trigger_span.start - offset, event.trigger_span.end - offset)
    overlapping = [g for g in golds if g.trigger.start < span[1] and span[0] < g.trigger.end]
    if not overlapping:
        return "spurious", None
    same_root = [g for g in overlapping if g.root == event.cameo_code[:2]]
    if not same_root:
        return "wrong-root", overlapping[0]
    best = None
    for gold in same_root:
        source = _party(event.source, gold.source, gold.source_ref)
        target = _party(event.target, gold.target, gold.target_ref)
        kind = {(True, True): "right", (False, True): "source", (True, False): "target"}.get(
            (source, target), "both"
        )
        if kind == "right":
            return kind, gold
        best = best or (kind, gold)
    return best


def _party_text(span, ref) -> str:
    return (span.text if span else "-") + (f" [{ref}]" if ref else "")


def _actor_text(actor) -> str:
    if actor is None:
        return "-"
    return f"{actor.text} ({actor.cameo or actor.country or 'no code'})"


def errors(analyser: Analyser, split: str = "dev"):
    """(kind, sentence, coded event or None, gold event or None) for every case of a split
    for choosing ("dev" or "domestic-dev")."""
    if split not in ("dev", "domestic-dev"):
        raise ValueError(f"{split}: errors are read on the sets for choosing only")
    for story, sentences in stories(split).items():
        record = analyser.analyse(story_article(story, sentences))
        for sentence in sentences:
            golds = list(sentence.events or ())
            low = sentence.start
            coded = coded_in(record, sentence)
            touched = set()
            for event in coded:
                kind, gold = _kind(event, golds, low)
                if gold is not None:
                    touched.add(id(gold))
                yield kind, sentence, event, gold
            for gold in golds:
                spans = [(e.trigger_span.start - low, e.trigger_span.end - low) for e in coded]
                if id(gold) not in touched and not any(
                    gold.trigger.start < b and a < gold.trigger.end for a, b in spans
                ):
                    yield "missed", sentence, None, gold


def show(kind: str, sentence, event, gold) -> str:
    lines = [f"[{kind}] {sentence.id}: {sentence.text}"]
    if event is not None:
        lines.append(
            f"  coded {event.cameo_code} '{event.trigger}' "
            f"src={_actor_text(event.source)} tgt={_actor_text(event.target)} "
            f"by {event.coded_by}"
        )
    if gold is not None:
        lines.append(
            f"  gold  {gold.cameo} '{gold.trigger.text}' "
            f"src={_party_text(gold.source, gold.source_ref)} "
            f"tgt={_party_text(gold.target, gold.target_ref)} {gold.modality}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    wanted = argv[argv.index("--list") + 1] if "--list" in argv else None
    tally: Counter[str] = Counter()
    split = "domestic-dev" if "--domestic-dev" in argv else "dev"
    for kind, sentence, event, gold in errors(Analyser(), split):
        tally[kind] += 1
        if kind == wanted:
            print(show(kind, sentence, event, gold))
    print(", ".join(f"{kind} {n}" for kind, n in tally.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
