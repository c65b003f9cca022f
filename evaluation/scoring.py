"""Matching dossier's events against gold events: shared by the corpus and PLV evaluations.

A party matches when the words dossier read as the actor and the gold span share a
content word (case-insensitive; articles, titles' small words and punctuation aside):
"Iraqi Prime Minister Mohammed Shia al-Sudani" matches "al-Sudani". A gold party given
as a pronoun matches through its `*_ref` name too, and a coded party through the name of
the entity it resolves to (stop 19: "BLA" is the Baloch Liberation Army, "his" the
minister named before). No party matches only no party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SMALL_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "for", "to", "its", "his", "her"})
WORD = re.compile(r"[\w'’-]+")


POSSESSIVE = re.compile(r"['’]s?$")
# The country in a group's name ("Government (Iraq)"): it would match any party of Iraq.
GROUP_COUNTRY = re.compile(r"\s*\([^)]*\)")


def content_words(text: str | None) -> set[str]:
    """The words that name a party; a possessive ending is no word of its own
    ("Japan's cooperation": the party is "Japan")."""
    words = {POSSESSIVE.sub("", w.lower()) for w in WORD.findall(text or "")}
    return words - SMALL_WORDS - {""}


def same_party(system_text: str | None, *gold_texts: str | None) -> bool:
    golds = [g for g in gold_texts if g]
    if not golds:
        return not system_text
    words = content_words(system_text)
    return any(words & content_words(gold) for gold in golds)


def same_actor(actor, *gold_texts: str | None) -> bool:
    """A coded party (an `ActorRef` or None) against gold texts: its words as written, or
    its entity's name without a group's country."""
    if actor is None:
        return same_party(None, *gold_texts)
    name = GROUP_COUNTRY.sub("", actor.name or "")
    return any(same_party(words, *gold_texts) for words in (actor.text, name) if words)


@dataclass
class Counts:
    true_positive: int = 0
    system: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label}: P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"({self.true_positive} right of {self.system} coded, {self.gold} gold)"
        )
