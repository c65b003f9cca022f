"""Coding events from a parsed document: who did what to whom, in CAMEO and PLOVER.

For every sentence: find the triggers the pattern book knows, fill source and target
from the roles the pattern names, decide the modality from the cues governing the
trigger, attach date, place and the outlets of the covering citation, then drop what
the sentence does not support (no source actor, a required target missing, source
and target the same, events inside an appeal's content) and merge the same happening
told twice. Precision before recall: no event without a resolvable source actor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from dossier.actors import ResolvedEntities
from dossier.events.actors import ActorResolver, EntityActors, same_actor
from dossier.events.attribution import covering_outlets
from dossier.events.modality import modality_of
from dossier.events.place import place_named, place_of
from dossier.events.roles import (
    MODIFIERS,
    RoleNoun,
    coordinated,
    is_role_noun,
    phrase_tokens,
    prep_objects,
    role_heads,
    stray_coordinates,
)
from dossier.events.triggers import Trigger, find_triggers
from dossier.knowledge.actor_files import default_knowledge
from dossier.knowledge.codebook import Codebook, default_codebook
from dossier.knowledge.event_patterns import PatternBook, default_event_patterns
from dossier.knowledge.outlets import default_outlets
from dossier.record import (
    ActorRef,
    Citation,
    Event,
    EventDate,
    Location,
    Modality,
    SentenceRef,
    Timex,
)
from dossier.record import Span as TextSpan

try:  # the time stage's clause-level dating, once it exists
    from dossier.time import event_date as _time_event_date  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the time stage's progress
    _time_event_date = None

MULTI_ACTOR_ROLES = frozenset({"between", "modifier"})
FIRST_ONLY_ROLES = frozenset({"any_prep", "owner", "object_phrase", "clause_subject"})
ROLE_PREPS = frozenset({"of", "from", "in"})


@dataclass(frozen=True)
class Found:
    """One actor found for a role, and whether it came from a name or a modifier."""

    actor: ActorRef
    by_name: bool
    place: Location | None = None  # set when the party is the country of a place visited
    head: Token | None = None  # the phrase's head word: "agency" in "the PAP news agency"


@dataclass(frozen=True)
class Coded:
    trigger: Trigger
    source: Found
    target: Found | None
    modality: Modality
    paired: bool = False  # source and target both from a coordinated subject or "between"


def code_events(
    doc: Doc,
    entities: ResolvedEntities,
    timexes: list[Timex],
    citations: list[Citation],
    published: date | None,
    doc_id: str,
    *,
    patterns: PatternBook | None = None,
    resolver: ActorResolver | None = None,
) -> list[Event]:
    """The events the document reports, one record per happening per sentence."""
    book = patterns or default_event_patterns()
    actors = _OutsideCitations(resolver or EntityActors(entities), citations)
    codebook = default_codebook()
    events: list[Event] = []
    for index, sentence in enumerate(doc.sents):
        for coded in code_sentence(sentence, book, actors):
            event = _event(coded, sentence, index, doc_id, codebook, timexes, citations, published)
            if event is not None:
                events.append(event)
    return events


class _OutsideCitations:
    """A resolver that ignores words inside citations: "(Reuters, AP, June 8-11)"."""

    def __init__(self, inner: ActorResolver, citations: list[Citation]) -> None:
        self.inner = inner
        self.ranges = [(c.start, c.end) for c in citations]
        self.place = getattr(inner, "place", None)
        self.role_noun = getattr(inner, "role_noun", None)

    def actor(self, tokens: Sequence[Token]) -> ActorRef | None:
        kept = [t for t in tokens if not any(s <= t.idx < e for s, e in self.ranges)]
        return self.inner.actor(kept) if kept else None


def code_sentence(sentence: Span, book: PatternBook, actors: ActorResolver) -> list[Coded]:
    """The coded events of one sentence, after nesting and duplicate rules."""
    triggers = find_triggers(sentence, book)
    blocked = _inside_non_nesting(triggers)
    words = {t.token.i for t in triggers}
    coded: list[Coded] = []
    for trigger in triggers:
        if trigger.token.i in blocked:
            continue
        coded += _code_trigger(trigger, actors, words)
    return _merge_repeats(_without_empty_statements(coded))


def _without_empty_statements(coded: list[Coded]) -> list[Coded]:
    """A statement whose content is itself a coded event is that event, told: "X said
    Arnor will restore ties with Gondor" codes the restoring, not a statement to Arnor."""
    triggers = [item.trigger.token for item in coded]
    return [
        item for item in coded
        if item.trigger.code[:2] != "01"
        or not any(item.trigger.token in other.ancestors for other in triggers)
    ]


def _inside_non_nesting(triggers: list[Trigger]) -> set[int]:
    """Triggers in the content of one whose pattern says not to code it ("urged X to ...")."""
    closed = {t.token.i for t in triggers if not t.pattern.nested}
    blocked = set()
    for trigger in triggers:
        if any(a.i in closed for a in trigger.token.ancestors):
            blocked.add(trigger.token.i)
    return blocked


def _code_trigger(trigger: Trigger, actors: ActorResolver, triggers: set[int]) -> list[Coded]:
    pattern = trigger.pattern
    sources, _ = _role_actors(trigger, _marked("source", trigger), actors, triggers)
    targets, target_role = _role_actors(trigger, _marked("target", trigger), actors, triggers)
    # Parties face each other when they are the coordinated subject of a symmetric event
    # or the two sides of "between"; "meetings with Russian and Korean officials" does
    # not make the Russians and Koreans meet each other.
    paired = pattern.symmetric and (
        (len(sources) == 2 and not targets)
        or (not sources and len(targets) == 2 and target_role in MULTI_ACTOR_ROLES)
    )
    if pattern.symmetric and not targets and len(sources or targets) > 2:
        return []  # six governments "agreed to cooperate": not fifteen bilateral events
    if paired:  # "Sherman and Losyukov chaired a meeting", "talks between X and Y"
        parties = sources or targets
        pairs = [(a, b) for n, a in enumerate(parties) for b in parties[n + 1:]]
    elif not sources or (pattern.requires_target and not targets):
        return []
    else:
        pairs = [(s, t) for s in sources for t in (targets or [None])]
    modality = modality_of(trigger.token, trigger.light_verb)
    return [
        Coded(trigger, source, target, modality, paired)
        for source, target in pairs
        if target is None or not (
            same_actor(source.actor, target.actor) or _told_the_press(trigger, target)
        )
    ]


def _told_the_press(trigger: Trigger, target: Found) -> bool:
    """"X told the BBC", "told the official PAP news agency": an interview, not a
    statement to a political actor; nor is meeting or visiting the press a
    consultation (a story's closing "REUTER" is no place visited)."""
    if trigger.code[:2] not in ("01", "04"):
        return False
    actor = target.actor
    if actor.cameo and actor.cameo.endswith("MED"):
        return True
    if default_outlets().lookup(actor.name) is not None:
        return True
    if target.head is None:
        return False
    words = [target.head, *(c for c in target.head.children if c.dep_ == "compound")]
    for word in words:  # "Radio Wales", "BBC1", "the official PAP news agency"
        if default_outlets().lookup(word.text.rstrip("0123456789")) is not None:
            return True
        sector = default_knowledge().sector_of(word.lemma_.lower())
        if sector is not None and sector.code == "MED":
            return True
    return False


def _marked(side: str, trigger: Trigger) -> tuple[str, ...]:
    """The pattern's roles for a side, after any phrase its matched refinement marks
    as giving that side (PETRARCH's `(WITH +)`)."""
    roles = trigger.pattern.source if side == "source" else trigger.pattern.target
    if trigger.refinement is None:
        return roles
    marked = tuple(
        slot.place for slot in trigger.refinement.slots
        if slot.marks == side and slot.place not in ("object", "before")
    )
    return marked + tuple(role for role in roles if role not in marked)


def _role_actors(
    trigger: Trigger, roles: tuple[str, ...], actors: ActorResolver, triggers: set[int]
) -> tuple[list[Found], str | None]:
    """The actors of the first role, in the pattern's order, that names any.

    Words that are themselves triggers ("a visit to Beijing and Putin's arrival") are
    events, not parties, and are skipped.
    """
    own = {word.i for word in trigger.words}
    for role in roles:
        if role == "destination":
            found = _destinations(trigger, actors)
            if found:
                return found, role
            continue
        found: list[Found] = []
        heads = role_heads(trigger.token, role, trigger.light_verb, frozenset(triggers))
        for head in _with_pronoun_antecedent(heads):
            if head.i in own:
                continue
            found += _phrase_actors(head, actors, role in MULTI_ACTOR_ROLES, triggers)
            if found and role in FIRST_ONLY_ROLES:
                break
        unique = _unique(found)
        if unique:
            return unique, role
    return [], None


def _with_pronoun_antecedent(heads: list[Token]) -> list[Token]:
    """'it'/'they' as the subject of a reported clause stands for the reporting subject:
    "Ethiopia indicated it would act"."""
    result = []
    for head in heads:
        clause = head.head
        if head.pos_ == "PRON" and head.lower_ in ("it", "they") and clause.dep_ == "ccomp":
            result += [c for c in clause.head.children if c.dep_ == "nsubj"] or [head]
        else:
            result.append(head)
    return result


def _phrase_actors(
    head: Token, actors: ActorResolver, every: bool, triggers: set[int]
) -> list[Found]:
    """The actor of each coordinated member of a phrase.

    Coordinated modifiers are parties of their own: "talks between Russian and U.S.
    government officials", "met Eriadori and Calenardhon leaders". With `every` (the
    roles "between" and "modifier") so is each modifier of an unnamed head
    ("the Russian-U.S. summit").
    """
    found = []
    for member in [*coordinated(head), *stray_coordinates(head)]:
        if member.i in triggers and member is not head:
            continue
        role_noun = _role_noun_test(actors)
        shared = _coordinated_modifier(member)  # "Eriadori and Calenardhon leaders"
        phrases = [phrase_tokens(t) for t in coordinated(shared)] if shared is not None \
            else [phrase_tokens(member, role_noun)]
        if every and shared is None and actors.actor(phrases[0]) is None:
            phrases = [phrase_tokens(t) for t in _modifier_tokens(member)]  # "Russian-U.S. summit"
        elif shared is None and actors.actor(phrases[0]) is None and role_noun(member):
            phrases = _of_complements(member) or _shared_modifiers(head, member) or phrases
        for phrase in phrases:
            actor = actors.actor(phrase)
            if actor is not None:
                found.append(Found(actor, _names_someone(phrase), head=phrase[0]))
    return found


def _role_noun_test(actors: ActorResolver) -> RoleNoun:
    """Role nouns as the actors stage knows them, plus any the resolver adds (agents)."""
    extra = getattr(actors, "role_noun", None)
    if extra is None:
        return is_role_noun
    return lambda token: is_role_noun(token) or extra(token)


def _destinations(trigger: Trigger, actors: ActorResolver) -> list[Found]:
    """The country of the place a visit goes to, when the place is not itself an actor.

    "a visit to Moscow" with Moscow read as a place: the target is Russia, the place Moscow.
    """
    found = []
    for head in prep_objects(trigger.token, ("to", "in")):
        if actors.actor(phrase_tokens(head)) is not None:
            continue
        place = place_named(head, getattr(actors, "place", None))
        if place is None or place.country is None:
            continue
        country = default_knowledge().country(place.country)
        name = country.name if country else place.country
        cameo = country.cameo if country else place.country
        actor = ActorRef(name=name, text=head.text, country=place.country, cameo=cameo)
        found.append(Found(actor, by_name=True, place=place))
    return found


def _shared_modifiers(head: Token, member: Token) -> list[list[Token]]:
    """"Danish media and government": the later role noun shares the first one's modifiers."""
    if member is head:
        return []
    modifiers = [c for c in head.children if c.dep_ in MODIFIERS]
    return [[member, *modifiers]] if modifiers else []


def _of_complements(head: Token) -> list[list[Token]]:
    """"the ambassadors of Arnor, Osgiliath and Gondor", "soldiers from Gondor",
    "lawmakers in Arnor" (role nouns only): each country, with the role noun kept last
    in the phrase so a dictionary resolver can read it as an agent."""
    complements = [c for p in head.children if p.dep_ == "prep" and p.lower_ in ROLE_PREPS
                   for c in p.children if c.dep_ == "pobj"]
    return [[*phrase_tokens(t), head] for c in complements[:1] for t in coordinated(c)]


def _coordinated_modifier(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ in MODIFIERS and any(g.dep_ == "conj" for g in child.children):
            return child
    return None


def _modifier_tokens(head: Token) -> list[Token]:
    """Every word of a phrase that may name a party: head and (coordinated) modifiers."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in MODIFIERS or child.dep_ == "appos":
            tokens += list(coordinated(child))
            tokens += [g for g in child.children if g.dep_ in MODIFIERS]
    return tokens


def _names_someone(phrase: list[Token]) -> bool:
    """Whether the phrase's head or apposition is a name, not just "Russian officials"."""
    named = [phrase[0], *(t for t in phrase[1:] if t.dep_ == "appos")]
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE") for t in named)


def _unique(found: list[Found]) -> list[Found]:
    unique: list[Found] = []
    for item in found:
        if not any(same_actor(item.actor, kept.actor) for kept in unique):
            unique.append(item)
    return unique


def _merge_repeats(coded: list[Coded]) -> list[Coded]:
    """The same happening told twice in a sentence is one event (the first telling)."""
    kept: list[Coded] = []
    for item in coded:
        if not any(_same_happening(item, other) for other in kept):
            kept.append(item)
    return kept


def _same_happening(first: Coded, second: Coded) -> bool:
    if first.trigger.code[:3] != second.trigger.code[:3]:
        return False
    a_target = first.target.actor if first.target else None
    b_target = second.target.actor if second.target else None
    straight = same_actor(first.source.actor, second.source.actor) and (
        a_target is b_target is None or same_actor(a_target, b_target)
    )
    crossed = first.trigger.pattern.symmetric and same_actor(
        first.source.actor, b_target
    ) and same_actor(a_target, second.source.actor)
    return straight or crossed


def _event(
    coded: Coded,
    sentence: Span,
    index: int,
    doc_id: str,
    codebook: Codebook,
    timexes: list[Timex],
    citations: list[Citation],
    published: date | None,
) -> Event | None:
    trigger = coded.trigger
    entry = codebook.get(trigger.code)
    if entry is None:
        return None
    when = _date(trigger, timexes, published)
    modality = coded.modality
    if modality == "asserted" and _after_publication(when, published):
        modality = "planned"  # "a visit ... next month" reported as asserted in form
    text = sentence.doc.text
    return Event(
        event_id=_event_id(doc_id, index, trigger),
        sentence=SentenceRef(
            index=index, start=sentence.start_char, end=sentence.end_char, text=sentence.text
        ),
        trigger=text[trigger.start_char:trigger.end_char],
        trigger_span=TextSpan(
            start=trigger.start_char, end=trigger.end_char,
            text=text[trigger.start_char:trigger.end_char],
        ),
        source=coded.source.actor,
        target=coded.target.actor if coded.target else None,
        cameo_code=trigger.code,
        plover_type=entry.plover_type,
        plover_mode=entry.plover_mode,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        date=when,
        location=_location(coded),
        modality=modality,
        attribution=covering_outlets(text, sentence.start_char, sentence.end_char, citations),
        confidence=_confidence(coded),
        reciprocal_code=trigger.reciprocal or (trigger.code if coded.paired else None),
    )


def _date(trigger: Trigger, timexes: list[Timex], published: date | None) -> EventDate | None:
    if _time_event_date is not None:
        found = _time_event_date(trigger.token, timexes, published)
        if found is not None:
            return found
    if published is None:
        return None
    day = published.isoformat()
    return EventDate(start=day, end=day, text=None, from_publication=True)


def _after_publication(when: EventDate | None, published: date | None) -> bool:
    if when is None or published is None or when.from_publication:
        return False
    return when.start > published.isoformat()


def _location(coded: Coded) -> Location | None:
    place = place_of(coded.trigger.token, coded.trigger.light_verb)
    if place is None:
        return coded.target.place if coded.target else None
    for found in (coded.source, coded.target):
        actor_text = found.actor.text if found else None
        if actor_text and actor_text in place.location.name:
            return None  # a capital named as an actor is not the event's place
    return place.location


def _confidence(coded: Coded) -> float:
    """A simple score: 0.9 for a verb, 0.8 for an event noun; x0.85 for each actor
    found only through a modifier ("Russian officials"); x0.9 without a target."""
    score = 0.9 if coded.trigger.token.pos_ == "VERB" else 0.8
    for found in (coded.source, coded.target):
        if found is not None and not found.by_name:
            score *= 0.85
    if coded.target is None:
        score *= 0.9
    return round(score, 2)


def _event_id(doc_id: str, index: int, trigger: Trigger) -> str:
    key = f"{doc_id}|{index}|{trigger.start_char}-{trigger.end_char}|{trigger.code}"
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:16]
