"""The learned argument finder: which words of a sentence are an event's source and target.

For a trigger word, every noun, name, pronoun and nationality adjective of its sentence
is a candidate party. Each candidate is described by strings read off the parse (the
dependency path from the trigger to it, its part of speech, entity type, side and
distance, whether the actors stage resolved it) and a logistic model trained on the
team's corpus (`make train`, scripts/train_arguments.py) scores how likely it is the
source and the target. The model is a table of feature weights in a JSON file: an
analyst can read which clues weigh most.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from dossier.errors import ModelError
from dossier.events.actors import EventActors
from dossier.events.roles import phrase_tokens

MODEL_FILE = Path(__file__).parent / "argument_model.json"
ROLES = ("source", "target")
CANDIDATE_TAGS = frozenset({"NOUN", "PROPN", "PRON"})
PARTY_ADJECTIVES = frozenset({"NORP", "GPE"})  # "Israeli airstrikes"
MAX_PATH = 4
LIGHT = frozenset({"hold", "have", "conduct", "launch", "carry", "make", "impose", "stage"})

# How the actors stage sees a word's phrase: "coded" (it names a known actor),
# "someone" (a person, body or vehicle it cannot code: "the villagers", "a convoy") or
# "thing" ("a hotel", "the budget"), which the guide never makes a target.
Resolved = Callable[[Token], str]
Usable = Callable[[Token], bool]

# Nouns for people and what carries them that can suffer an act although no sector
# names them; an unnamed target must be one of these, a name, a pronoun or a role
# noun: what is done to "the building", "a decision", "the budget" has no target
# (guide, Changes 11).
TARGET_NOUNS = frozenset(
    """people person civilian resident citizen villager family child woman man
    worker student journalist prisoner detainee hostage migrant refugee asylum-seeker
    member supporter activist protester demonstrator fighter militant rebel insurgent
    soldier troop force group nation country state government side party leader
    vessel ship boat tanker convoy aircraft plane jet drone train bus""".split()
)


def resolved_by(actors: EventActors) -> Resolved:
    """How the actors stage sees a word's phrase (remembered per word: every trigger of
    a sentence asks about the same candidates)."""
    known: dict[int, str] = actors.memo.setdefault("resolved", {})

    def resolved(token: Token) -> str:
        if token.i not in known:
            if actors.actor(phrase_tokens(token)) is not None:
                known[token.i] = "coded"
            else:
                known[token.i] = "someone" if may_suffer(token, actors) else "thing"
        return known[token.i]

    return resolved


def may_suffer(head: Token, actors: EventActors) -> bool:
    """Whether an unnamed target's head names someone an act can be done to."""
    if head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    lemma = head.lemma_.lower()
    known = actors.knowledge
    return (
        lemma in TARGET_NOUNS
        or known.sector_of(lemma) is not None
        or known.title(lemma) is not None
    )


def candidates(trigger: Token) -> list[Token]:
    """The words of the trigger's sentence that may head one of its parties."""
    return [
        token
        for token in trigger.sent
        if token.i != trigger.i
        and (
            token.pos_ in CANDIDATE_TAGS
            or (token.pos_ == "ADJ" and token.ent_type_ in PARTY_ADJECTIVES)
        )
    ]


def dependency_path(start: Token, end: Token) -> list[str]:
    """The labels from `start` up to the common ancestor ("^nsubj") and down to `end`."""
    up = [start, *start.ancestors]
    down = [end, *end.ancestors]
    common = next((t for t in up if t in down), None)
    if common is None:
        return ["far"]
    rising = [f"^{t.dep_}" for t in up[: up.index(common)]]
    falling = [f"v{t.dep_}" for t in reversed(down[: down.index(common)])]
    return rising + falling


def features(trigger: Token, candidate: Token, root: str, resolved: Resolved) -> list[str]:
    """The clues one candidate gives about being the trigger's source or target."""
    path = dependency_path(trigger, candidate)
    route = "/".join(path) if len(path) <= MAX_PATH else "long:" + "/".join(path[:2])
    near = "/".join(path[:2])
    kind = "N" if trigger.pos_ in ("NOUN", "PROPN") else "V"
    side = "before" if candidate.i < trigger.i else "after"
    gap = abs(candidate.i - trigger.i)
    spread = "1" if gap == 1 else "2-3" if gap <= 3 else "4-8" if gap <= 8 else "9+"
    preposition = candidate.head.lower_ if candidate.dep_ == "pobj" else "-"
    word = candidate.lower_ if candidate.pos_ == "PRON" else candidate.lemma_.lower()
    standing = resolved(candidate)  # "coded", "someone" or "thing"
    light = _light_verb(trigger)
    clues = [
        "bias",
        f"path={route}",
        f"near={near}",
        f"kind={kind}|path={route}",
        f"root={root}|near={near}",
        f"lemma={trigger.lemma_.lower()}|near={near}",
        f"pos={candidate.pos_}|near={near}",
        f"pos={candidate.pos_}",
        f"dep={candidate.dep_}",
        f"ent={candidate.ent_type_ or '-'}",
        f"ent={candidate.ent_type_ or '-'}|near={near}",
        f"side={side}|kind={kind}",
        f"side={side}|spread={spread}",
        f"prep={preposition}|kind={kind}",
        f"prep={preposition}|root={root}",
        f"word={word}",
        f"{standing}|near={near}",
        f"{standing}",
        f"passive={_passive(trigger)}|near={near}",
    ]
    if light is not None:
        light_path = dependency_path(light, candidate)
        clues.append("light=" + "/".join(light_path[:MAX_PATH]))
    return clues


def _light_verb(trigger: Token) -> Token | None:
    head = trigger.head
    if trigger.dep_ in ("dobj", "nsubjpass") and head.lemma_ in LIGHT:
        return head
    return None


def _passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def span_head(tokens: Iterable[Token]) -> Token | None:
    """The word of a span whose head lies outside it: "officials" in "U.S. officials"."""
    words = list(tokens)
    inside = {t.i for t in words}
    heads = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads else None


@dataclass(frozen=True)
class Scored:
    token: Token
    source: float
    target: float


class ArgumentModel:
    """Feature weights for the two roles, read from the JSON file training writes."""

    def __init__(self, weights: dict[str, dict[str, float]], thresholds: dict[str, float]):
        self.weights = weights
        self.thresholds = thresholds

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> ArgumentModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(data["weights"], data["thresholds"])
        except (OSError, ValueError, KeyError) as error:
            raise ModelError(f"{path}: not a trained argument model ({error})") from None

    def probability(self, role: str, clues: list[str]) -> float:
        table = self.weights[role]
        total = sum(table.get(clue, 0.0) for clue in clues)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def score(self, trigger: Token, root: str, resolved: Resolved) -> list[Scored]:
        """Every candidate of the trigger's sentence with its source and target scores."""
        scored = []
        for candidate in candidates(trigger):
            clues = features(trigger, candidate, root, resolved)
            source, target = (self.probability(role, clues) for role in ROLES)
            scored.append(Scored(candidate, source, target))
        return scored

    def best(
        self,
        trigger: Token,
        root: str,
        resolved: Resolved,
        usable: Usable | None = None,
        barred: dict[str, set[int]] | None = None,
    ) -> dict[str, Token | None]:
        """The likeliest source and target words (of those `usable`, if given, and not
        `barred` from the role by their index), each only above its threshold and never
        the same word for both."""
        scored = [
            s for s in self.score(trigger, root, resolved) if usable is None or usable(s.token)
        ]
        chosen: dict[str, Token | None] = {}
        for role in ROLES:
            taken = {t.i for t in chosen.values() if t is not None}
            taken |= (barred or {}).get(role, set())
            ranked = sorted(
                (s for s in scored if s.token.i not in taken),
                key=lambda s: getattr(s, role),
                reverse=True,
            )
            top = ranked[0] if ranked else None
            fits = top is not None and getattr(top, role) >= self.thresholds[role]
            chosen[role] = top.token if fits else None
        return chosen


@cache
def default_argument_model() -> ArgumentModel:
    """The model shipped in the package (for the knowledge to build once and hand in)."""
    return ArgumentModel.load()
