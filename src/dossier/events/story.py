"""Parties a sentence leaves unsaid, read from the story around it (guide, `target_ref`
and `source_ref`: the annotators name them, and so do analysts reading the story).

- A disapproval that names no one ("Opposition lawmakers have denounced the move") is
  aimed at the story's protagonist: the source of the first coded event of the story's
  first sentences, or that event's target when the disapproval comes from the
  protagonist's own side; never one who disapproves beside the event's source.
- An attack told with no attacker ("a day after an attack on a train") is the one armed
  group the story names, when it names exactly one, the attack is not on it or one of
  its own and the group denies nothing in the story (what it denies is most often the
  attack).

Every party found so is marked `told_elsewhere`: the sentence does not name it.
"""

from __future__ import annotations

from dossier.actors.agent_nouns import ARMED_PREFIX, ARMED_SECTORS
from dossier.actors.resolve import ResolvedEntities
from dossier.events.actors import same_actor
from dossier.record import ActorRef, Entity, Event

LEDE_SENTENCES = 3  # a story's protagonist acts in its first sentences
STORY_AIMED_ROOT = "11"  # disapprove: the one root whose unnamed target is most often the lede's
VIOLENT_ROOTS = frozenset({"18", "19", "20"})  # assault, fight, mass violence
DENIAL = "016"


def with_story_parties(events: list[Event], entities: ResolvedEntities | None) -> list[Event]:
    found = with_story_targets(events)
    return with_story_attackers(found, entities) if entities is not None else found


def with_story_targets(events: list[Event]) -> list[Event]:
    """Each disapproval naming no target aimed at the story's protagonist."""
    lede = next((e for e in events if e.source and e.source.cameo and not e.mention_of), None)
    if lede is None or lede.sentence.index >= LEDE_SENTENCES:
        return events
    found = []
    for event in events:
        if event is not lede and _unaimed_disapproval(event):
            aimed = lede.target if _own_side(lede.source, event.source) else lede.source
            if (
                aimed is not None
                and not _own_side(aimed, event.source)
                and not any(same_actor(aimed, s) for s in _co_sources(event, events))
            ):
                event = event.model_copy(update={"target": _told_elsewhere(aimed)})
        found.append(event)
    return found


def with_story_attackers(events: list[Event], entities: ResolvedEntities) -> list[Event]:
    """Each attack told with no attacker given the one armed group the story names."""
    groups = [e for e in entities.entities if _named_armed_group(e)]
    deniers = {e.source.entity for e in events if e.cameo_code == DENIAL and e.source}
    if len(groups) != 1 or groups[0].id in deniers:
        return events  # none or several to choose from, or the one group denied
    (group,) = groups
    attacker = ActorRef(
        entity=group.id, name=group.name, text=group.name, country=group.country, cameo=group.cameo
    )
    found = []
    for event in events:
        if _unclaimed_attack(event) and not _one_of(event.target, attacker):
            event = event.model_copy(update={"source": _told_elsewhere(attacker)})
        found.append(event)
    return found


def _one_of(target: ActorRef | None, group: ActorRef) -> bool:
    """Whether the target is the group or one of its own (an IS leader killed in an
    airstrike was not struck by IS): the same actor, or coded under the group's code."""
    if target is None:
        return False
    within = bool(target.cameo and group.cameo and target.cameo.startswith(group.cameo))
    return same_actor(target, group) or within


def _named_armed_group(entity: Entity) -> bool:
    """An armed group the story names by its name ("the Baloch Liberation Army"), not a
    group of a country's fighters ("militants", "Rebels (Pakistan)")."""
    code = entity.cameo or ""
    armed = code.startswith(ARMED_PREFIX) or code[3:6] in ARMED_SECTORS
    return armed and entity.type == "ORGANIZATION" and not entity.name.endswith(")")


def _unclaimed_attack(event: Event) -> bool:
    """An attack with no attacker: a telling, or a later mention of one."""
    return (
        event.cameo_code[:2] in VIOLENT_ROOTS and event.source is None and event.content_of is None
    )


def _co_sources(event: Event, events: list[Event]) -> list[ActorRef]:
    """Who does the same act beside the event's source ("Both Kenya and Somalia
    condemned the attack"): no one disapproves of those beside them."""
    return [
        e.source
        for e in events
        if e.source is not None
        and e.sentence.index == event.sentence.index
        and e.trigger_span == event.trigger_span
    ]


def _told_elsewhere(actor: ActorRef) -> ActorRef:
    return actor.model_copy(update={"told_elsewhere": True})


def _own_side(actor: ActorRef, source: ActorRef) -> bool:
    """The same actor, or a whole country and one of its own bodies ("Russia" and
    "Russian officials"): no one disapproves of their own side."""
    whole = actor.cameo is not None and len(actor.cameo) == 3 and actor.country is not None
    return same_actor(actor, source) or (whole and actor.country == source.country)


def _unaimed_disapproval(event: Event) -> bool:
    return (
        event.cameo_code.startswith(STORY_AIMED_ROOT)
        and event.target is None
        and event.source is not None
        and event.mention_of is None
        and event.content_of is None
    )
