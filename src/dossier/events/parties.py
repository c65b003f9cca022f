"""The parties of an event: which actors fill the roles a pattern names.

A role gives head words (`roles.role_heads`); each head becomes one or more phrases
(coordinated members, coordinated modifiers, a role noun's `of`/`from`/`in` phrase, a
later role noun sharing the first one's modifiers) that the actor resolver reads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from dossier.actors.quoted import CLOSING, OPENING, STRAIGHT
from dossier.events.actors import EventActors, same_actor
from dossier.events.arguments import ArgumentModel, may_suffer, resolved_by
from dossier.events.place import place_named
from dossier.events.readings import (
    aimed_phrase,
    content_clause,
    harmed_in,
    modified_by_passive,
    purpose_enemy,
    suffering_possessor,
    talks_partner,
    teller_of,
)
from dossier.events.roles import (
    MODIFIERS,
    RoleNoun,
    coordinated,
    listed_appositions,
    phrase_tokens,
    prep_objects,
    responsibility_claimers,
    role_heads,
    stray_coordinates,
)
from dossier.events.triggers import Trigger
from dossier.knowledge.construction_words import ConstructionWords
from dossier.record import ActorRef, Location

MULTI_ACTOR_ROLES = frozenset({"between", "modifier"})
FIRST_ONLY_ROLES = frozenset(
    {"any_prep", "owner", "object_phrase", "clause_subject", "clause_doer"}
)
ROLE_PREPS = frozenset({"of", "from", "in"})
# Words that count or divide the people of their of-phrase, who are the party: "units of
# Ethiopian soldiers", "dozens of women and children", "one of the group's leaders".
PARTITIVES = frozenset(
    "one two three four five some many most several all any each none few dozens hundreds "
    "thousands scores millions number numbers group groups unit units member members part "
    "majority minority contingent batch handful rest another".split()
)


@dataclass(frozen=True)
class Found:
    """One actor found for a role, and whether it came from a name or a modifier."""

    actor: ActorRef
    by_name: bool
    place: Location | None = None  # set when the party is the country of a place visited
    head: Token | None = None  # the phrase's head word: "agency" in "the PAP news agency"


def marked_roles(side: str, trigger: Trigger) -> tuple[str, ...]:
    """The pattern's roles for a side, after any phrase its matched refinement marks
    as giving that side (PETRARCH's `(WITH +)`)."""
    roles = trigger.pattern.source if side == "source" else trigger.pattern.target
    if trigger.refinement is None:
        return roles
    marked = tuple(
        slot.place
        for slot in trigger.refinement.slots
        if slot.marks == side and slot.place not in ("object", "before")
    )
    return marked + tuple(role for role in roles if role not in marked)


def role_actors(
    trigger: Trigger, roles: tuple[str, ...], actors: EventActors, triggers: set[int]
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
            found += phrase_actors(head, actors, role in MULTI_ACTOR_ROLES, triggers)
            if found and role in FIRST_ONLY_ROLES:
                break
        unique = _unique(found)
        if unique:
            return unique, role
    return [], None


def _with_pronoun_antecedent(heads: list[Token]) -> list[Token]:
    """'it'/'they' as the subject of a reported clause stands for the reporting subject:
    "Ethiopia indicated it would act". Not inside a quotation, whose speaker would say
    "we": '"They shot people on the train," a passenger said' is about the attackers."""
    result = []
    for head in heads:
        clause = head.head
        if (
            head.pos_ == "PRON"
            and head.lower_ in ("it", "they")
            and clause.dep_ == "ccomp"
            and not _quoted_before(head, clause.head)
        ):
            result += [c for c in clause.head.children if c.dep_ == "nsubj"] or [head]
        else:
            result.append(head)
    return result


def _quoted_before(word: Token, verb: Token) -> bool:
    """Whether a quotation mark stands between the word and the reporting verb."""
    low, high = sorted((word.i, verb.i))
    return any(t.text in QUOTE_MARKS for t in word.doc[low:high])


def phrase_actors(head: Token, actors: EventActors, every: bool, triggers: set[int]) -> list[Found]:
    """The actor of each coordinated member of a phrase.

    Coordinated modifiers are parties of their own: "talks between Russian and U.S.
    government officials", "met Eriadori and Calenardhon leaders". With `every` (the
    roles "between" and "modifier") so is each modifier of an unnamed head
    ("the Russian-U.S. summit").
    """
    found = []
    members = [*coordinated(head), *stray_coordinates(head)]
    members += [a for m in list(members) for a in listed_appositions(m) if a not in members]
    for member in members:
        if member.i in triggers and member is not head:
            continue
        role_noun = _role_noun_test(actors)
        shared = _coordinated_modifier(member)  # "Eriadori and Calenardhon leaders"
        phrases = (
            [phrase_tokens(t) for t in coordinated(shared)]
            if shared is not None
            else [phrase_tokens(member, role_noun)]
        )
        if shared is not None and member.pos_ == "PROPN":
            # "Arnor, Calenardhon and the evil awful Gondor" parsed with Gondor as the
            # head the others modify: the head is the list's last name
            name = [c for c in member.children if c.dep_ in ("compound", "flat")]
            phrases.append([member, *name])
        if every and shared is None and actors.actor(phrases[0]) is None:
            phrases = [phrase_tokens(t) for t in _modifier_tokens(member)]  # "Russian-U.S. summit"
        elif shared is None and actors.actor(phrases[0]) is None and _partitive(member):
            phrases = _partitive_complements(member) or phrases
        elif shared is None and actors.actor(phrases[0]) is None and role_noun(member):
            phrases = (
                _of_complements(member)
                or _shared_complements(head, member)
                or _shared_modifiers(head, member)
                or phrases
            )
        for phrase in phrases:
            actor = actors.actor(phrase)
            if actor is not None:
                found.append(Found(actor, _names_someone(phrase), head=phrase[0]))
    return found


def _role_noun_test(actors: EventActors) -> RoleNoun:
    """Role nouns as the knowledge handed in knows them, plus any the resolver adds."""
    return actors.role_noun


def _destinations(trigger: Trigger, actors: EventActors) -> list[Found]:
    """The country of each place a visit goes to ("to", "in")."""
    found = (destination(head, actors) for head in prep_objects(trigger.token, ("to", "in")))
    return [f for f in found if f is not None]


def destination(head: Token, actors: EventActors) -> Found | None:
    """The country of the place a visit goes to, when the place is not itself an actor.

    "a visit to Moscow" with Moscow read as a place: the target is Russia, the place Moscow.
    """
    if actors.actor(phrase_tokens(head)) is not None:
        return None
    place = place_named(head, actors.place)
    if place is None or place.country is None:
        return None
    country = actors.country(place.country)
    name = country.name if country else place.country
    cameo = country.cameo if country else place.country
    actor = ActorRef(name=name, text=head.text, country=place.country, cameo=cameo)
    return Found(actor, by_name=True, place=place)


def _shared_modifiers(head: Token, member: Token) -> list[list[Token]]:
    """ "Danish media and government": the later role noun shares the first one's modifiers."""
    if member is head:
        return []
    modifiers = [c for c in head.children if c.dep_ in MODIFIERS]
    return [[member, *modifiers]] if modifiers else []


def _shared_complements(head: Token, member: Token) -> list[list[Token]]:
    """ "Lawmakers and officials in Arnor and Gondor": a later role noun shares the first
    one's `of`/`from`/`in` phrase."""
    if member is head:
        return []
    return [[*phrase[:-1], member] for phrase in _of_complements(head)]


def _of_complements(head: Token) -> list[list[Token]]:
    """ "the ambassadors of Arnor, Osgiliath and Gondor", "soldiers from Gondor",
    "lawmakers in Arnor" (role nouns only): each country, with the role noun kept last
    in the phrase so a dictionary resolver can read it as an agent."""
    complements = [
        c
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in ROLE_PREPS
        for c in p.children
        if c.dep_ == "pobj"
    ]
    return [[*phrase_tokens(t), head] for c in complements[:1] for t in coordinated(c)]


def _partitive(head: Token) -> bool:
    return head.lower_ in PARTITIVES or head.lemma_.lower() in PARTITIVES


def _partitive_complements(head: Token) -> list[list[Token]]:
    """The members of the of-phrase a partitive counts: each coordinated one a party."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            return [phrase_tokens(t) for c in objects[:1] for t in coordinated(c)]
    return []


def _coordinated_modifier(head: Token) -> Token | None:
    """ "Eriadori and Calenardhon leaders", "Russian and U.S. officials": capitalized
    modifiers only ("awful and evil minister Calimehtar" is one person)."""
    for child in head.children:
        if (
            child.dep_ in MODIFIERS
            and child.text[:1].isupper()
            and any(g.dep_ == "conj" for g in child.children)
        ):
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


PARTY_TAGS = frozenset({"NOUN", "PROPN", "PRON"})
QUOTE_MARKS = frozenset({OPENING, CLOSING, STRAIGHT})
# Nouns for bodies and people that act, beyond the sectors' role nouns: "the board
# decided", "donors voiced concern".
ACTING_NOUNS = frozenset(
    """board committee council commission agency organization organisation institution
    exchange alliance coalition bloc movement community association federation lobby
    union club camp office panel body service donor holder friend consumer voter critic
    opponent ally neighbour neighbor partner rival""".split()
)
# A date or a number before an event noun says when or how many, not who:
# "Tuesday's attack", "the Ramadan attack", "504 attacks".
NOT_PARTIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "EVENT"})


def unnamed_parties(
    trigger: Trigger,
    roles: tuple[str, ...],
    actors: EventActors,
    triggers: set[int],
    side: str = "source",
) -> list[Found]:
    """For a learned trigger whose role the actors stage cannot name: the role's words,
    kept as an actor without a code ("the group", "protesters", "he") so the analyst
    sees who the sentence says; a place or an event word is no party."""
    for role in roles:
        heads = role_heads(trigger.token, role, trigger.light_verb, frozenset(triggers))
        for head in heads:
            if head.pos_ not in PARTY_TAGS or head.i in triggers or actors.place(head):
                continue
            if not actors.readable(head):
                continue  # the dateline's "NAIROBI", a citation's "Reuters"
            if head.ent_type_ in NOT_PARTIES or (role == "modifier" and head.pos_ == "NOUN"):
                continue  # "Tuesday's attack"; "trade sanctions": no party named
            if side == "source" and not _may_act(head, actors):
                owner = _owner_of(head, actors, triggers)  # "Kim's first step came ..."
                if owner:
                    return owner
                continue  # "the blackout shut down": no party
            if side == "target" and not may_suffer(head, actors):
                continue  # "stormed a hotel": no party
            return [_unnamed(head, actors)]
    return []


def _may_act(head: Token, actors: EventActors) -> bool:
    """Whether an unnamed source's head names someone who can act: not a thing, a
    market or a happening ("the blackout", "sentiment", "the decline")."""
    return may_suffer(head, actors) or head.lemma_.lower() in ACTING_NOUNS


def _owner_of(head: Token, actors: EventActors, triggers: set[int]) -> list[Found]:
    """The actors owning a thing told as the doer: "Kim Jong-il's first step came during
    a visit" is Kim's visit; a thing with no owner that is someone gives no party."""
    owners = [c for c in head.children if c.dep_ == "poss"]
    return _unique(phrase_actors(owners[0], actors, False, triggers)) if owners else []


def learned_parties(
    trigger: Trigger,
    model: ArgumentModel,
    actors: EventActors,
    triggers: set[int],
    words: ConstructionWords,
) -> tuple[list[Found], list[Found]]:
    """Source and target of a learned trigger as the argument model picks their head
    words; each head's phrase resolved like a pattern's (coordinated members are
    parties of their own), else kept as the sentence's words without a code."""
    content = content_clause(trigger.token) if trigger.token.pos_ == "NOUN" else set()
    barred = {"source": aimed_phrase(trigger.token) | content, "target": content}
    resolved = resolved_by(actors)
    chosen = model.best(trigger.token, trigger.code[:2], resolved, actors.readable, barred)
    if trigger.code[:2] == CONSULT_ROOT:
        chosen = _sides_of_talks(trigger.token, chosen, actors, words)
    chosen = _sufferer_as_target(trigger.token, chosen, actors, words)
    sides = []
    for role in ("source", "target"):
        head = chosen[role]
        if head is None or (role == "target" and _owner_of_a_thing(head, actors, words)):
            sides.append([])
            continue
        found = _unique(phrase_actors(head, actors, False, triggers))
        if not found and role == "source" and not _may_act(head, actors):
            found = _owner_of(head, actors, triggers)  # a thing acts for its owner, if any
        elif not found and (role == "source" or may_suffer(head, actors)):
            found = [_unnamed(head, actors)]  # "stormed a hotel": a thing is no target
        sides.append(found)
    return sides[0], apart_from(sides[1], sides[0])


CONSULT_ROOT = "04"


def _sufferer_as_target(
    trigger: Token, chosen: dict[str, Token | None], actors: EventActors, words: ConstructionWords
) -> dict[str, Token | None]:
    """Who an act befalls is its target, never its source: the possessor of "al-Rufay'i's
    killing", the noun a passive participle describes ("Somali soldiers, supported by
    clan militias")."""
    sufferer = suffering_possessor(trigger, words) or modified_by_passive(trigger)
    if sufferer is None or not actors.readable(sufferer):
        return chosen
    return _with_target(chosen, sufferer)


def _with_target(chosen: dict[str, Token | None], target: Token) -> dict[str, Token | None]:
    """The choice with that word as target, and as source no longer."""
    source = chosen["source"]
    if source is not None and source.i == target.i:
        source = None
    return {"source": source, "target": target}


def _sides_of_talks(
    noun: Token, chosen: dict[str, Token | None], actors: EventActors, words: ConstructionWords
) -> dict[str, Token | None]:
    """Talks "with X" are held with X: X is their target, never their source; with no
    other source named, the one who tells of the talks is the other side ("Pakistan said
    discussions with the IMF are progressing")."""
    partner = talks_partner(noun)
    if partner is None:
        return chosen
    chosen = _with_target(chosen, partner)
    if chosen["source"] is None:
        teller = teller_of(noun, words)
        chosen["source"] = teller if teller is not None and actors.readable(teller) else None
    return chosen


def _owner_of_a_thing(head: Token, actors: EventActors, words: ConstructionWords) -> bool:
    """'stormed the villagers' homes': the owner of the thing acted on is no target (guide,
    Changes 11), unlike the owner of a person ("the minister's aide")."""
    owned = head.dep_ == "poss" and not may_suffer(head.head, actors)
    return owned and suffering_possessor(head.head, words) is None  # "Khalil's arrest" befalls him


def apart_from(targets: list[Found], sources: list[Found]) -> list[Found]:
    """The targets that are not one of the sources nor coordinated with one: in "Arnor,
    Gondor, Moscow and Washington agreed", Gondor acts beside Arnor, not upon it."""
    together = {t.i for f in sources if f.head is not None for t in _coordination(f.head)}
    return [
        t
        for t in targets
        if (t.head is None or t.head.i not in together)
        and not any(same_actor(t.actor, f.actor) for f in sources)
    ]


def _coordination(head: Token) -> list[Token]:
    """Every member of the coordination the word belongs to, from its first member."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members = list(coordinated(first))
    return [*members, *(t for m in members for t in m.subtree if t.dep_ in ("compound", "flat"))]


HARMING_ROOTS = frozenset({"17", "18", "19", "20"})  # coerce, assault, fight, mass violence


def purpose_enemies(
    trigger: Trigger, actors: EventActors, triggers: set[int], words: ConstructionWords
) -> list[Found]:
    """The enemy an armed act's hostile purpose names: "an operation to flush out
    al-Shabab terrorists" is aimed at them (each phrase read like a pattern's)."""
    head = _forceful_reading(trigger, purpose_enemy, actors, words)
    return _unique(phrase_actors(head, actors, False, triggers)) if head is not None else []


def harmed_by(
    trigger: Trigger, actors: EventActors, triggers: set[int], words: ConstructionWords
) -> list[Found]:
    """Who an act of force harmed where the sentence tells it by its result: "three
    soldiers were killed in a roadside bombing" makes the soldiers the bombing's target
    (each harmed phrase read like a pattern's), whoever the bombers were."""
    head = _forceful_reading(trigger, harmed_in, actors, words)
    if head is None:
        return []
    return _unique(phrase_actors(head, actors, False, triggers)) or [_unnamed(head, actors)]


def _forceful_reading(
    trigger: Trigger,
    reading: Callable[[Token, ConstructionWords], Token | None],
    actors: EventActors,
    words: ConstructionWords,
) -> Token | None:
    """The word a reading of the parse gives for an act of force told by a noun, when
    a party may be read from it."""
    if trigger.code[:2] not in HARMING_ROOTS or trigger.token.pos_ != "NOUN":
        return None
    head = reading(trigger.token, words)
    return head if head is not None and actors.readable(head) else None


def claimed_by(trigger: Trigger, actors: EventActors, triggers: set[int]) -> list[Found]:
    """The doers an event noun's sentence names by their claim: "the BLA claimed
    responsibility for the attack" (each claimer's phrase read like a pattern's)."""
    found = []
    for head in filter(actors.readable, responsibility_claimers(trigger.token)):
        found += _unique(phrase_actors(head, actors, False, triggers)) or [_unnamed(head, actors)]
    return found


def _unnamed(head: Token, actors: EventActors) -> Found:
    first = next(t.i for t in head.doc[head.left_edge.i : head.i + 1] if actors.readable(t))
    span = head.doc[first : head.i + 1]  # "the Southeast Asian nation"
    actor = ActorRef(name=span.text, text=span.text, country=None, cameo=None)
    return Found(actor, by_name=False, head=head)
