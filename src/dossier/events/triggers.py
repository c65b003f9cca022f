"""Finding triggers: the verbs and event nouns of a sentence that the pattern book knows."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from dossier.events.roles import LIGHT_VERBS, subject_heads
from dossier.knowledge.event_patterns import PatternBook, Refinement, TriggerPattern, WordSlot

VERB_TAGS = frozenset({"VERB"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "conj", "relcl", "parataxis", "punct", "cc"})
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class Trigger:
    token: Token
    pattern: TriggerPattern
    code: str
    reciprocal: str | None
    light_verb: Token | None
    words: tuple[Token, ...]
    refinement: Refinement | None = None
    score: float | None = None  # a learned trigger's probability; None for a pattern's
    recoded_by: str | None = None  # the rule that changed the code its finder gave, if any

    @property
    def start_char(self) -> int:
        return min(t.idx for t in self.words)

    @property
    def end_char(self) -> int:
        return max(t.idx + len(t.text) for t in self.words)


VETOED = object()  # a word a pattern matched and said is no event


def find_triggers(sentence: Span, book: PatternBook) -> tuple[list[Trigger], set[int]]:
    """The sentence's pattern triggers, and the words a pattern's `code: null`
    refinement says are no event ("met its export quota"): no learned trigger may code
    those either, as the pattern decides."""
    triggers, vetoed = [], set()
    for token in sentence:
        found = _trigger(token, book)
        if isinstance(found, Trigger):
            triggers.append(found)
        elif found is VETOED:
            vetoed.add(token.i)
    return triggers, vetoed


def _trigger(token: Token, book: PatternBook) -> Trigger | object | None:
    """The word's trigger; `VETOED` where the best-matching pattern says it is none."""
    if token.pos_ in VERB_TAGS:
        pos = "verb"
    elif token.pos_ in NOUN_TAGS:
        pos = "noun"
    else:
        return None
    # a form listed on its own ("LEFT [042:043]" beside "LEAVE [012]") comes first; the
    # lemma's patterns when no pattern of the form fits ("broken" of "broken off")
    found = _best_trigger(token, book.lookup(pos, token.lower_))
    if not isinstance(found, Trigger) and token.lemma_.lower() != token.lower_:
        by_lemma = _best_trigger(token, book.lookup(pos, token.lemma_.lower()))
        found = by_lemma if by_lemma is not None else found
    return found


def _best_trigger(token: Token, candidates: list[TriggerPattern]) -> Trigger | object | None:
    # The most specific pattern wins: more phrase words, then a more specific matching
    # refinement; on a tie the first (dossier's own before added files).
    best: tuple[tuple[int, int], TriggerPattern, tuple[Token, ...], Refinement | None] | None
    best = None
    for pattern in candidates:
        extra = _extra_words(token, pattern)
        if extra is None:
            continue
        refinement, weight = _refinement(token, pattern.refinements)
        if pattern.code is None and refinement is None:
            continue  # it codes only what a `when` names ("called the vote illegal")
        score = (len(extra), weight)
        if best is None or score > best[0]:
            best = (score, pattern, extra, refinement)
    if best is None:
        return None
    _, pattern, extra, refinement = best
    code = refinement.code if refinement else pattern.code
    if code is None:
        return VETOED
    reciprocal = refinement.reciprocal if refinement else pattern.reciprocal
    words = tuple(sorted((token, *extra), key=lambda t: t.i))
    return Trigger(token, pattern, code, reciprocal, light_verb_of(token), words, refinement)


def _extra_words(token: Token, pattern: TriggerPattern) -> tuple[Token, ...] | None:
    """The tokens spelling the rest of a phrase trigger ("call on", "hunger strike")."""
    found: list[Token] = []
    near = list(token.children) + [g for c in token.children for g in c.children]
    if pattern.pos == "verb":  # no "call on" in "On Monday, X called" nor "called X on Monday"
        near = [t for t in near if t.i > token.i and not _of_time(t)]
    if token.dep_ in ("xcomp", "compound"):
        near.append(token.head)  # "will not wire tap" parsed with 'tap' under 'wire'
    for word in pattern.extra:
        match = next((t for t in near if word in (t.lower_, t.lemma_.lower())), None)
        if match is None:
            return None
        found.append(match)
    return tuple(found)


def _of_time(word: Token) -> bool:
    """A preposition whose object is a date or time ("on Tuesday"): no particle."""
    return word.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in TIME_ENTITIES for c in word.children
    )


def light_verb_of(token: Token) -> Token | None:
    """'held talks', 'paid a visit', 'postponed a visit': the verb carrying an event noun."""
    if token.pos_ in NOUN_TAGS and token.dep_ in ("dobj", "nsubjpass", "obj"):
        if token.head.lemma_ in LIGHT_VERBS:
            return token.head
    return None


def _refinement(token: Token, refinements: tuple[Refinement, ...]) -> tuple[Refinement | None, int]:
    """The most specific matching refinement and its weight: one word per requirement,
    a matched run of words counting each ("austrian gold florin" over "florin")."""
    best: Refinement | None = None
    best_weight = 0
    for refinement in refinements:
        weights = [_slot_weight(token, slot) for slot in refinement.slots]
        if all(w is not None for w in weights):
            weight = sum(weights)
            if best is None or weight > best_weight:
                best, best_weight = refinement, weight
    return best, best_weight


def _slot_weight(token: Token, slot: WordSlot) -> int | None:
    """None when the slot does not match; else how many words its matches spell."""
    words = _slot_words(token, slot.place)
    if words is None:
        return None
    weight = 0
    for alternatives in slot.words:
        matched = alternatives & words
        if not matched:
            return None
        weight += max(len(w.split()) for w in matched)
    return max(weight, 1)


def _slot_words(token: Token, place: str) -> set[str] | None:
    """The words at a pattern's place: the object phrase, a preposition's phrase, before."""
    if place == "before":  # PETRARCH-2's words before the verb are its subject phrase's
        subjects = subject_heads(token)  # ("{DEATH TOLL} *"), not any earlier word
        return _word_set(t for s in subjects for t in s.subtree if t.i < token.i)
    if place == "description":
        return _description_words(token)
    if place == "clause":
        return _clause_words(token)
    if place == "object":
        objects = [c for c in token.children if c.dep_ in ("dobj", "obj", "attr", "dative")]
        if not objects:  # no object: the words after the verb in its own clause, as
            objects = [
                c
                for c in token.children  # PETRARCH reads the verb phrase
                if c.i > token.i and c.dep_ not in CLAUSE_DEPS
            ]
        if not objects:
            return None
        return _word_set(t for o in objects for t in o.subtree)
    preps = [c for c in token.children if c.dep_ in ("prep", "agent", "prt") and c.lower_ == place]
    preps += [
        p
        for o in token.children
        if o.dep_ in ("dobj", "obj")
        for p in o.children
        if p.dep_ == "prep" and p.lower_ == place
    ]
    if not preps:
        return None
    words = _word_set(t for p in preps for t in p.subtree if t is not p)
    if any(p.dep_ == "prt" for p in preps):  # "clash over the efforts", over as a particle
        objects = [o for o in token.children if o.dep_ in ("dobj", "obj")]
        words |= _word_set(t for o in objects for t in o.subtree)
    return words | {"_present_"}


def _description_words(verb: Token) -> set[str] | None:
    """What a verb of naming says its object is: "called the subsidies *unbearable*",
    "labelled the sanctions *an act of war*", "described the vote *as illegal*"."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not objects:
        return None
    said = [c for c in verb.children if c.dep_ in ("oprd", "acomp")] + objects[1:]
    said += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    if not said:
        return None
    return _word_set(t for d in said for t in d.subtree)


def _clause_words(verb: Token) -> set[str] | None:
    """The verbs of the clause a speech verb carries, after it: "warned that the plan
    *would divide* the country" (a clause before the verb is reported, not said to do)."""
    heads = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    verbs = [v for h in heads for v in (h, *(c for c in h.children if c.dep_ in ("conj", "xcomp")))]
    return _word_set(verbs) if verbs else None


def _word_set(tokens) -> set[str]:
    """The words and lemmas of the tokens, and the runs of two or three adjacent words
    (a pattern's "{THE FULL}" asks for the words in a row)."""
    ordered = sorted(set(tokens), key=lambda t: t.i)
    words: set[str] = set()
    for n, t in enumerate(ordered):
        words.add(t.lower_)
        words.add(t.lemma_.lower())
        for length in (2, 3):
            run = ordered[n : n + length]
            if len(run) == length and run[-1].i - run[0].i == length - 1:
                words.add(" ".join(w.lower_ for w in run))
                words.add(" ".join(w.lemma_.lower() for w in run))
    return words
