"""`python -m dossier.corpus check|stats|agreement [DIR]` (DIR: corpus/sentences).

`agreement` compares DIR (and `corpus/pending/` and `corpus/domestic-dev/`, first readings
not trained on) with each second reading beside it: `corpus/agreement/` (before the guide's Changes
1-22), `corpus/agreement-2/` (after them), `corpus/agreement-3/` (machine-written
stories, after Changes 1-30) and `corpus/agreement-4/` (written domestic stories, before
Changes 47-52)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from dossier.corpus import check_corpus, read_corpus, split_of
from dossier.corpus.agreement import compare

DEFAULT_ROOT = Path("corpus/sentences")


def check(root: Path) -> int:
    problems = check_corpus(root)
    for problem in problems:
        print(problem)
    sentences, _ = read_corpus(root)
    done = sum(sentence.annotated for sentence in sentences)
    print(f"{len(problems)} problem(s); {done} of {len(sentences)} sentences annotated")
    return 1 if problems else 0


def stats(root: Path) -> int:
    sentences, _ = read_corpus(root)
    annotated = [sentence for sentence in sentences if sentence.annotated]
    roots = Counter(event.root for s in annotated for event in s.events or ())
    splits = Counter(split_of(sentence.story) for sentence in annotated)
    negatives = sum(not sentence.events for sentence in annotated)
    print(f"sentences annotated: {len(annotated)} of {len(sentences)}")
    print(f"negatives: {negatives} ({negatives / max(len(annotated), 1):.0%})")
    print("by split: " + ", ".join(f"{name} {count}" for name, count in sorted(splits.items())))
    print("event mentions by CAMEO root:")
    for code in (f"{n:02d}" for n in range(1, 21)):
        print(f"  {code}  {roots.get(code, 0)}")
    return 0


def agreement(root: Path) -> int:
    for second in sorted(root.parent.glob("agreement*")):
        firsts = [root, root.parent / "pending", root.parent / "domestic-dev"]
        result = compare(firsts, second)
        print(f"{second.name}: sentences read twice: {result.sentences}")
        print(f"  events: {result.first_events} (first reading), {result.second_events} (second)")
        print(f"  trigger+type (CAMEO root) F1: {result.type_f1:.3f}")
        print(f"  trigger+full code F1: {result.code_f1:.3f}")
        print(f"  modality agreement on paired events: {result.modality:.3f}")
        same = result.negatives_same / max(result.sentences, 1)
        print(f"  event / no event agreement per sentence: {same:.3f}")
    return 0


def main(argv: list[str]) -> int:
    commands = {"check": check, "stats": stats, "agreement": agreement}
    if not argv or argv[0] not in commands:
        print("usage: python -m dossier.corpus check|stats|agreement [DIR]", file=sys.stderr)
        return 2
    root = Path(argv[1]) if len(argv) > 1 else DEFAULT_ROOT
    return commands[argv[0]](root)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
