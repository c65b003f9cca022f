"""Actors: are the actors of PETRARCH's validation sentences found and coded as its coders expect?

    python -m evaluation actors

Data: `../shared/data/petrarch-ud/PETR_Validate_records_2_02.xml` (the sentences marked
evaluate="true", each with its date) and its dictionaries `PETR_Validate_actors_2_02.txt`
and `PETR_Validate_agents_2_02.txt`, loaded the way a user's `--actors` files are (on
top of the project's knowledge). Gold: the source and target codes of every expected
event (null `---` codes left out), as a set per sentence.

- exact recall: gold codes that are the CAMEO code of some actor dossier resolves in the
  sentence; primary recall: the same on the first three letters (the country or IGO);
- precision: actor codes dossier gives that are gold codes of the sentence (an actor that
  takes part in no expected event counts as wrong, so this understates precision).

Rows: dossier with the default knowledge (its own files and the shipped Phoenix
dictionaries; the suite's agents file takes the place of Phoenix's agents, as for any
user's agents file); with its own files only (DOSSIER_PHOENIX=off); and with Phoenix's
agents kept beside the suite's, which code role nouns the suite's gold leaves bare
("Ithilen's militia" ITHUAF where the gold has ITH).

Baseline, in the same run: dictionary string matching — the longest actor name of the
validation dictionary at each word, its undated code (else the first), no agents, no
dates, no parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from dossier.actors import knowledge_with, load_actor_file, resolve_entities
from dossier.knowledge.actor_files import default_knowledge, own_knowledge
from dossier.knowledge.actors import ActorKnowledge
from dossier.nlp import load_model

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOLDER = SHARED / "data" / "petrarch-ud"
RECORDS = FOLDER / "PETR_Validate_records_2_02.xml"
DICTIONARIES = [FOLDER / "PETR_Validate_actors_2_02.txt", FOLDER / "PETR_Validate_agents_2_02.txt"]
ACTOR_TYPES = {"PERSON", "COUNTRY", "ORGANIZATION"}


@dataclass(frozen=True)
class Sentence:
    ident: str
    day: date
    text: str
    gold: frozenset[str]


def sentences() -> list[Sentence]:
    """The records, read with patterns: the file is not well-formed XML throughout."""
    text = RECORDS.read_text(encoding="utf-8", errors="replace")
    found = []
    for block in re.finditer(r"<Sentence ([^>]*)>(.*?)</Sentence>", text, re.S):
        attributes = dict(re.findall(r'(\w+)="([^"]*)"', block.group(1)))
        if attributes.get("evaluate") != "true":
            continue
        gold = {
            code
            for coding in re.findall(r"<EventCoding ([^>]*)/?>", block.group(2))
            for key, code in re.findall(r'(\w+)="([^"]*)"', coding)
            if key in {"sourcecode", "targetcode"} and code and "---" not in code
        }
        body = re.search(r"<Text>(.*?)</Text>", block.group(2), re.S)
        raw = attributes.get("date", "19950101")
        day = date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
        if gold and body and body.group(1).strip():
            found.append(
                Sentence(
                    attributes.get("id", "?"), day, " ".join(body.group(1).split()), frozenset(gold)
                )
            )
    return found


def dossier_codes(nlp, knowledge: ActorKnowledge, sentence: Sentence) -> set[str]:
    resolved = resolve_entities(nlp(sentence.text), sentence.day, knowledge)
    return {e.cameo for e in resolved.entities if e.type in ACTOR_TYPES and e.cameo}


def baseline_codes(dictionary: ActorKnowledge, sentence: Sentence) -> set[str]:
    words = sentence.text.split()
    codes, i = set(), 0
    while i < len(words):
        for end in range(min(len(words), i + 6), i, -1):
            actors = dictionary.lookup(" ".join(words[i:end]).strip(",.;:\"'"))
            if actors and actors[0].codes:
                plain = [p.code for p in actors[0].codes if p.start is None and p.end is None]
                codes.add(plain[0] if plain else actors[0].codes[0].code)
                i = end - 1
                break
        i += 1
    return codes


def score(name: str, gold: list[frozenset[str]], found: list[set[str]]) -> None:
    total = sum(len(g) for g in gold)
    exact = sum(len(g & f) for g, f in zip(gold, found, strict=True))
    primary = sum(
        len({c[:3] for c in g} & {c[:3] for c in f}) for g, f in zip(gold, found, strict=True)
    )
    given = sum(len(f) for f in found)
    right = sum(len(f & g) for g, f in zip(gold, found, strict=True))
    print(
        f"{name:32} exact recall {exact / total:6.1%} ({exact}/{total})   "
        f"primary recall {primary / total:6.1%}   "
        f"precision {right / max(given, 1):6.1%} ({right}/{given})"
    )


def main() -> int:
    if not RECORDS.exists():
        print(f"skipped: {RECORDS} not present (../shared is not beside this checkout)")
        return 0
    data = sentences()
    nlp = load_model()
    knowledge = knowledge_with(DICTIONARIES)
    dictionary = load_actor_file(DICTIONARIES[0])
    gold = [s.gold for s in data]
    print(f"{len(data)} validation sentences, {sum(len(g) for g in gold)} gold actor codes")
    score("baseline: dictionary matching", gold, [baseline_codes(dictionary, s) for s in data])
    score("dossier actors", gold, [dossier_codes(nlp, knowledge, s) for s in data])
    for label, variant in variants(knowledge).items():
        score(label, gold, [dossier_codes(nlp, variant, s) for s in data])
    return 0


def variants(knowledge: ActorKnowledge) -> dict[str, ActorKnowledge]:
    own = own_knowledge()
    for path in DICTIONARIES:
        own = own.merged(load_actor_file(path))
    phoenix_agents = {**default_knowledge().agents, **knowledge.agents}
    return {
        "  own files only (no Phoenix)": own,
        "  Phoenix agents kept too": replace(knowledge, agents=phoenix_agents),
    }
