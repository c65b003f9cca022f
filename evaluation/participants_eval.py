"""Whether dossier codes the participants of events: who they are, which country.

    python -m evaluation participants                 every figure below
    python -m evaluation.participants_eval --sample 50   draw a new sample to check

1. Gold parties of the corpus dev and test splits (their codes in corpus/actor-codes/,
   docs/annotation-guide.md section 10): each gold source or target span is resolved
   as dossier resolves an event's party (the phrase of its head word, through the
   actors stage of the whole story), and scored
   - country/IGO code: the state ("PAK") or organisation ("IGOUNO", "NGOHRW") matches;
   - full code: country and primary role match ("PAKMIL"; the first six letters);
   over the parties whose gold country (or code) is known.
2. Real news nobody here annotated: the 89 VOA stories and 300 Reuters articles drawn
   with a fixed seed (`../shared/data/news/`): the share of coded events (later
   mentions aside) whose source and target both carry a code, and the share of
   parties with a code; the precision of a hand-checked sample of 50 participants
   (evaluation/checks/participants.jsonl: `right` when the code is the actor's, under
   the guide's section 10).
3. The agreement of two annotators on the codes (corpus/actor-codes/agreement/).
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from dossier.corpus import read_corpus
from dossier.corpus.stories import annotated_stories, story_article
from dossier.events.actors import EntityActors, EventActors
from dossier.events.arguments import span_head
from dossier.events.parties import destination, phrase_actors
from dossier.ingest import Article
from dossier.pipeline import Analyser
from dossier.record import ActorRef
from evaluation.scoring import Counts

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "sentences"
CODES = ROOT / "corpus" / "actor-codes"
NEWS = ROOT.parent / "shared" / "data" / "news"
CHECKS = Path(__file__).parent / "checks" / "participants.jsonl"
REUTERS_SAMPLE = 300
SEED = 21578
# The codes whose target dossier reads from a place, as the country visited ("a visit
# to Beijing"): the pattern book's role `destination`.
VISITS = frozenset({"042"})
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "INT", "NGM", "UIS"})
# Region blocks the Phoenix dictionaries put inside organisation codes (the EU is
# IGOEUREEC there, IGOEEC in the CAMEO table the annotators read): left out to compare.
REGIONS = frozenset(
    "AFR ASA BLK CAS CAU CEU CFR CRB EAF EEU EIN EUR LAM MDT MEA NAF NMR PGS SAF SAM SAS "
    "SCN SEA WAF WST".split()
)


def without_region(code: str) -> str:
    if code[:3] in INTERNATIONAL and code[3:6] in REGIONS:
        return code[:3] + code[6:]
    return code


def country_code(code: str | None, country: str | None = None) -> str | None:
    """The state or organisation part of an actor code: "PAK" of "PAKMIL", "IGOUNO" of
    "IGOUNOKID", "NGO" of a generic "NGO"."""
    if country:
        return country
    if not code:
        return None
    code = without_region(code)
    return code[:6] if code[:3] in INTERNATIONAL else code[:3]


def actor_country(actor: ActorRef | None) -> str | None:
    if actor is None:
        return None
    international = (actor.cameo or "")[:3] in INTERNATIONAL
    return country_code(actor.cameo, None if international else actor.country)


def same_country(gold: str, actor: ActorRef | None) -> bool:
    found = actor_country(actor)
    if found is None:
        return False
    return found == gold or (gold in INTERNATIONAL and found[:3] == gold)


def same_code(gold: str, actor: ActorRef | None) -> bool:
    """Country and primary role agree; a generic organisation ("IMG", "NGO") is matched
    by any code of its kind."""
    if actor is None or not actor.cameo:
        return False
    found = without_region(actor.cameo)
    if gold in INTERNATIONAL:
        return found[:3] == gold
    return found[:6] == gold[:6]


def read_codes(path: Path) -> dict[tuple[str, int, str], dict]:
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {(r["sentence"], r["event"], r["role"]): r for r in rows}


def resolved_parties(analyser: Analyser, split: str) -> Iterator[tuple[tuple, ActorRef | None]]:
    """Each gold party of the split with the actor dossier resolves its span to."""
    sentences, _ = read_corpus(CORPUS)
    for story, chosen in annotated_stories(sentences, split).items():
        article = story_article(story, chosen)
        analysed = analyser.run_stages(article, analyser.nlp(article.text))
        actors = EventActors(EntityActors(analysed.entities), analysed.knowledge.actors)
        for sentence in chosen:
            for number, event in enumerate(sentence.events or ()):
                for role in ("source", "target"):
                    span = getattr(event, role)
                    if span is None:
                        continue
                    start, end = sentence.start + span.start, sentence.start + span.end
                    head = span_head(t for t in analysed.doc if start <= t.idx < end)
                    found = phrase_actors(head, actors, False, set()) if head is not None else []
                    if (
                        not found
                        and head is not None
                        and role == "target"
                        and event.cameo in VISITS
                    ):
                        found = [f for f in [destination(head, actors)] if f is not None]
                    yield (sentence.id, number, role), (found[0].actor if found else None)


def score_corpus(analyser: Analyser, split: str) -> dict[str, Counts] | None:
    codes = read_codes(CODES / f"{split}.jsonl")
    if not codes:
        return None
    country, full = Counts(), Counts()
    for key, actor in resolved_parties(analyser, split):
        gold = codes.get(key)
        if gold is None:
            continue
        if gold.get("country"):
            country.gold += 1
            country.system += actor_country(actor) is not None
            country.true_positive += same_country(gold["country"], actor)
        if gold.get("code"):
            full.gold += 1
            full.system += bool(actor and actor.cameo)
            full.true_positive += same_code(gold["code"], actor)
    return {"country": country, "full": full}


def news_articles() -> list[Article]:
    def read(name: str) -> list[dict]:
        with gzip.open(NEWS / name, "rt", encoding="utf-8") as lines:
            return [json.loads(line) for line in lines]

    reuters = [r for r in read("reuters21578.jsonl.gz") if len(r.get("text") or "") > 400]
    voa = [{**r, "id": f"voa-{r['id']}"} for r in read("voa_stories.jsonl.gz")]
    chosen = voa + random.Random(SEED).sample(reuters, REUTERS_SAMPLE)
    return [
        Article(
            text=r["text"],
            record_id=str(r["id"]),
            published=date.fromisoformat(r["published"][:10]) if r.get("published") else None,
            outlet=r.get("outlet"),
        )
        for r in chosen
    ]


def news_events(analyser: Analyser) -> list[dict]:
    found = []
    for record in analyser.analyse_many(news_articles()):
        for event in record.events:
            if event.mention_of is None:
                found.append(
                    {
                        "outlet": "VOA" if record.doc_id.startswith("voa") else "Reuters",
                        "doc_id": record.doc_id,
                        "event_id": event.event_id,
                        "sentence": event.sentence.text,
                        "trigger": event.trigger,
                        "cameo_code": event.cameo_code,
                        "source": _party(event.source),
                        "target": _party(event.target),
                    }
                )
    return found


def _party(actor: ActorRef | None) -> dict | None:
    if actor is None:
        return None
    return {"text": actor.text or actor.name, "name": actor.name, "cameo": actor.cameo}


def news_shares(events: list[dict]) -> tuple[Counts, Counts, Counts]:
    """Events with both parties coded (of all events; of the events with a target),
    parties coded (of all parties)."""
    both, paired, parties = Counts(), Counts(), Counts()
    for event in events:
        sides = [event["source"], event["target"]]
        coded = all(side and side["cameo"] for side in sides)
        both.gold += 1
        both.true_positive += coded
        if all(sides):
            paired.gold += 1
            paired.true_positive += coded
        for side in sides:
            if side is not None:
                parties.gold += 1
                parties.true_positive += bool(side["cameo"])
    return both, paired, parties


def checked_precision() -> tuple[int, int]:
    if not CHECKS.exists():
        return 0, 0
    rows = [json.loads(line) for line in CHECKS.read_text(encoding="utf-8").splitlines() if line]
    return sum(bool(r["right"]) for r in rows), len(rows)


def agreement() -> tuple[Counts, Counts]:
    """Two annotators' codes on the same parties: the share where they agree."""
    first = {**read_codes(CODES / "dev.jsonl"), **read_codes(CODES / "test.jsonl")}
    second = read_codes(CODES / "agreement" / "second.jsonl")
    country, full = Counts(), Counts()  # true_positive: agreed; gold: both read
    for key, other in second.items():
        mine = first.get(key)
        if mine is None:
            continue
        country.gold += 1
        country.true_positive += mine.get("country") == other.get("country")
        full.gold += 1
        full.true_positive += (mine.get("code") or "")[:6] == (other.get("code") or "")[:6]
    return country, full


def draw_sample(size: int) -> None:
    """Write `size` random coded participants (with a code) to the checks file, unchecked."""
    events = news_events(Analyser())
    parties = [
        {**event, "role": role, "party": event[role]}
        for event in events
        for role in ("source", "target")
        if event[role] and event[role]["cameo"]
    ]
    chosen = random.Random(SEED).sample(parties, size)
    with CHECKS.open("w", encoding="utf-8") as out:
        for row in chosen:
            out.write(json.dumps({**row, "right": None, "note": ""}, ensure_ascii=False) + "\n")
    print(f"{size} participants written to {CHECKS}: fill in `right` and `note` by hand")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--sample" in argv:
        draw_sample(int(argv[argv.index("--sample") + 1]))
        return 0
    analyser = Analyser()
    for split in ("dev", "test"):
        scored = score_corpus(analyser, split)
        if scored is None:
            print(f"corpus {split} split: no actor codes in {CODES}")
            continue
        print(f"corpus {split} split, gold parties resolved by the actors stage:")
        for name, label in (("country", "country/IGO code"), ("full", "full code (6 letters)")):
            counts = scored[name]
            print(
                f"  {label}: {counts.recall:.1%} right ({counts.true_positive} of {counts.gold}"
                f" gold parties; {counts.system} given a code)"
            )
    events = news_events(analyser)
    for outlet, count in (("VOA", 89), ("Reuters", REUTERS_SAMPLE)):
        # the VOA stories are the corpus' stories: most of them trained the models
        both, paired, parties = news_shares([e for e in events if e["outlet"] == outlet])
        print(f"{outlet} ({count} articles), events later mentions aside:")
        print(f"  events with source and target both coded: {both.recall:.1%} of {both.gold}")
        print(f"    of the events that have a target: {paired.recall:.1%} of {paired.gold}")
        print(f"  parties with a code: {parties.recall:.1%} of {parties.gold}")
    right, checked = checked_precision()
    if checked:
        print(f"  hand-checked participant precision: {right / checked:.2f} ({right} of {checked})")
    country, full = agreement()
    if country.gold:
        print(
            f"annotator agreement on {country.gold} parties: country {country.recall:.1%},"
            f" full code {full.recall:.1%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
