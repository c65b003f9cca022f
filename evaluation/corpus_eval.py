"""dossier against the team's annotated corpus (corpus/sentences, docs/annotation-guide.md).

    python -m evaluation corpus            dev and test splits, rules alone and with the
                                           tagger (the test figures are for the docs,
                                           never for a decision)
    python -m evaluation corpus --dev      the dev split alone (for choosing)
    python -m evaluation corpus --domestic the held-out check of domestic political
                                           reporting (corpus/domestic-check, never trained on)
    python -m evaluation corpus --domestic-dev  written domestic stories for choosing
                                           (corpus/domestic-dev, never trained on)
    python -m evaluation.corpus_eval --model DIR [--threshold P]   another tagger, on dev

Each story is rebuilt from its sentences at their offsets and analysed whole (so
context resolves names). Scores:
- trigger+type: a coded event whose trigger overlaps a gold trigger of the same sentence
  with the same CAMEO root (PLOVER variant: the same PLOVER type);
- type+source: trigger+type and the source matching (evaluation/scoring.py);
- full event: trigger+type and source and target matching (a gold party left empty
  matches only an empty one);
- modality accuracy over trigger+type matches;
- full CAMEO code accuracy over trigger+type matches (the gold code exactly, "193"
  against "190");
- no-event sentences given an event: how often a sentence the annotators left empty
  gets one (figurative wording, forecasts, the terms of a bill).
Each gold event is matched at most once.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from dossier.corpus import CorpusSentence, read_corpus
from dossier.corpus.stories import annotated_stories, story_article
from dossier.events.learned import TriggerTagger
from dossier.knowledge.bundle import Knowledge
from dossier.knowledge.codebook import load_codebook
from dossier.pipeline import Analyser
from evaluation.scoring import Counts, same_actor

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "sentences"
# Written sentences outside the splits, read whole: one to choose on, one held out.
WRITTEN = {
    "domestic-dev": CORPUS.parent / "domestic-dev",
    "domestic": CORPUS.parent / "domestic-check",
}


def stories(split: str) -> dict[str, list[CorpusSentence]]:
    """One split of the corpus, or one of the WRITTEN folders, whole."""
    if split in WRITTEN:
        return annotated_stories(read_corpus(WRITTEN[split])[0], None)
    sentences, _ = read_corpus(CORPUS)
    return annotated_stories(sentences, split)


def score(analyser: Analyser, chosen: dict[str, list[CorpusSentence]]) -> dict[str, object]:
    codebook = load_codebook()
    counts = {"root": Counts(), "plover": Counts(), "source": Counts(), "full": Counts()}
    modality = Counts()  # true_positive: right modality; system: matched triggers
    full_code = Counts()  # true_positive: the gold CAMEO code exactly; system: matched triggers
    by_root: dict[str, Counts] = defaultdict(Counts)  # trigger+root, per CAMEO root
    negatives = Counts()  # gold: no-event sentences; system: those given an event
    for story, sentences in chosen.items():
        record = analyser.analyse(story_article(story, sentences))
        for sentence in sentences:
            gold = list(sentence.events or ())
            low = sentence.start
            coded = coded_in(record, sentence)
            if not gold:
                negatives.gold += 1
                negatives.system += bool(coded)
            unmatched = {name: list(gold) for name in counts}
            for name in counts:
                counts[name].gold += len(gold)
                counts[name].system += len(coded)
            for event in gold:
                by_root[event.root].gold += 1
            for event in coded:
                hits = _matches(event, low, unmatched, codebook)
                for name, hit in hits.items():
                    counts[name].true_positive += hit is not None
                by_root[event.cameo_code[:2]].system += 1
                by_root[event.cameo_code[:2]].true_positive += hits["root"] is not None
                if hits["root"] is not None:
                    modality.system += 1
                    modality.true_positive += hits["root"].modality == event.modality
                    full_code.system += 1
                    full_code.true_positive += hits["root"].cameo == event.cameo_code
    return {
        **counts,
        "modality": modality.precision,
        "code": full_code.precision,
        "by_root": dict(by_root),
        "negatives": negatives,
    }


def coded_in(record, sentence: CorpusSentence) -> list:
    """The events of the story's record whose trigger lies in the sentence."""
    low, high = sentence.start, sentence.start + len(sentence.text)
    return [e for e in record.events if e.trigger_span and low <= e.trigger_span.start < high]


def _matches(event, offset: int, unmatched: dict[str, list], codebook) -> dict[str, object]:
    """The gold event each scoring takes for this coded event (None: no match)."""
    span = (event.trigger_span.start - offset, event.trigger_span.end - offset)
    root = event.cameo_code[:2]
    entry = codebook.get(event.cameo_code)
    plover = entry.plover_type if entry else None
    tests = {
        "root": lambda g: g.root == root,
        "plover": lambda g: _plover(g, codebook) == plover,
        "source": lambda g: g.root == root and _party(event.source, g.source, g.source_ref),
        "full": lambda g: g.root == root and _parties(g, event),
    }
    return {name: _take(unmatched[name], span, test) for name, test in tests.items()}


def _plover(gold, codebook) -> str | None:
    entry = codebook.get(gold.cameo)
    return entry.plover_type if entry else None


def _party(actor, span, ref) -> bool:
    return same_actor(actor, span.text if span else None, ref)


def _parties(gold, event) -> bool:
    return _party(event.source, gold.source, gold.source_ref) and _party(
        event.target, gold.target, gold.target_ref
    )


def _take(golds: list, span: tuple[int, int], fits):
    for gold in golds:
        if gold.trigger.start < span[1] and span[0] < gold.trigger.end and fits(gold):
            golds.remove(gold)
            return gold
    return None


def report(label: str, result: dict[str, object]) -> None:
    print(f"  {label}")
    print("    " + result["root"].line("trigger+CAMEO root"))
    print("    " + result["plover"].line("trigger+PLOVER type"))
    print("    " + result["source"].line("type+source"))
    print("    " + result["full"].line("full event (type+source+target)"))
    print(f"    modality accuracy on matched triggers: {result['modality']:.3f}")
    print(f"    full CAMEO code accuracy on matched triggers: {result['code']:.3f}")
    flagged = result["negatives"]
    share = flagged.system / flagged.gold if flagged.gold else 0.0
    print(
        f"    no-event sentences given an event: {flagged.system} of {flagged.gold} ({share:.3f})"
    )
    roots = result.get("by_root") or {}
    cells = [
        f"{root} P {c.precision:.2f} R {c.recall:.2f} ({c.gold})"
        for root, c in sorted(roots.items())
        if c.gold or c.system
    ]
    for start in range(0, len(cells), 4):
        prefix = "    per root (gold): " if start == 0 else " " * 21
        print(prefix + "; ".join(cells[start : start + 4]))


def main(argv: list[str] | None = None) -> int:
    """Both splits and the two domestic sets (what `make eval` prints); `--dev`, `--test`,
    `--domestic-dev` or `--domestic` for one of them."""
    argv = sys.argv[1:] if argv is None else argv
    every = ("dev", "test", "domestic-dev", "domestic")
    splits = [s for s in every if f"--{s}" in argv] or list(every)
    for split in splits:
        chosen = stories(split)
        if not chosen:
            print(f"no annotated {split} stories in {WRITTEN.get(split, CORPUS)}")
            continue
        count = sum(len(s) for s in chosen.values())
        if split == "domestic":
            print(f"corpus domestic check (held out): {count} written sentences")
        elif split == "domestic-dev":
            print(f"corpus domestic dev (for choosing): {count} written sentences")
        else:
            print(f"corpus {split} split: {len(chosen)} stories, {count} sentences")
        report("rules alone", score(Analyser(learned=False), chosen))
        report("rules + learned tagger", score(_with_tagger(argv), chosen))
    return 0


def _with_tagger(argv: list[str]) -> Analyser:
    """The shipped tagger, or `--model PATH [--threshold P]` (for choosing on dev)."""
    if "--model" not in argv:
        return Analyser()
    path = Path(argv[argv.index("--model") + 1])
    threshold = float(argv[argv.index("--threshold") + 1]) if "--threshold" in argv else 0.5
    knowledge = Knowledge.build()  # the shipped argument finder with the other tagger
    return Analyser(knowledge=replace(knowledge, tagger=TriggerTagger.load(path, threshold)))


if __name__ == "__main__":
    sys.exit(main())
