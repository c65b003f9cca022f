"""What a mention refers to (`Ref`), where it is (`Found`), and the entity a ref becomes.

A `Ref` is the identity of an entity inside one document: the same `Ref` from two
mentions means one entity. The kinds:

    actor    a knowledge-base actor (person, organisation, outlet)      key = its name
    person   a person the knowledge base does not know                  key = the name as written
    country  a country or region named, or its demonym ("Russian")      key = its code
    group    a country's sector ("Russian officials", "Moscow announced") key = code + sector
    body     a national body of a country ("the Russian Foreign Ministry") key = code/body
    place    a capital or city where something happens ("in Moscow")      key = its name
    other    anything else spaCy names (an agreement, an unknown place)   key = type/name
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Token

from dossier.knowledge.actors import Actor, ActorKnowledge, Body, Country
from dossier.record import Entity, EntityType
from dossier.record import Span as TextSpan


@dataclass(frozen=True)
class Ref:
    kind: str
    key: str


@dataclass
class Found:
    """One mention: its characters, the token that heads it, and what it refers to."""

    start: int
    end: int
    text: str
    ref: Ref
    head: Token | None = None


@dataclass
class EntityFacts:
    """What the document says about an entity, before it becomes a record `Entity`."""

    name: str
    type: EntityType
    country: str | None = None
    cameo: str | None = None
    role: str | None = None
    family_names: tuple[str, ...] = ()
    mentions: list[Found] = field(default_factory=list)
    gender: str | None = None
    country_inferred: bool = False  # from the article's main country, not from a mention

    def learn(self, country: str | None, cameo: str | None, role: str | None) -> None:
        """Fill what is still unknown from a title seen with a later mention."""
        self.country = self.country or country
        self.cameo = self.cameo or cameo
        self.role = self.role or role


@dataclass
class EntityTable:
    """The document's entities by `Ref`, in order of first mention."""

    knowledge: ActorKnowledge
    day: date | None
    facts: dict[Ref, EntityFacts] = field(default_factory=dict)

    def add(self, found: Found) -> None:
        facts = self.facts.get(found.ref)
        if facts is None:
            raise KeyError(found.ref)
        if not any(m.start == found.start and m.end == found.end for m in facts.mentions):
            facts.mentions.append(found)

    def move(self, found: Found, ref: Ref) -> None:
        """Make a mention another entity's: an acronym once the text spells it out."""
        self.facts[found.ref].mentions.remove(found)
        self.add(replace(found, ref=ref))

    def mention_at(self, position: int, kind: str | None = None) -> Found | None:
        """The first mention (in entity order) covering a character, of a `kind` of ref."""
        for ref, facts in self.facts.items():
            if kind is not None and ref.kind != kind:
                continue
            for mention in facts.mentions:
                if mention.start <= position < mention.end:
                    return mention
        return None

    def ensure(self, ref: Ref, make: EntityFacts) -> EntityFacts:
        return self.facts.setdefault(ref, make)

    # --- refs with their facts ------------------------------------------------------
    def actor(self, actor: Actor, ner_type: EntityType | None, others: list[Actor]) -> Ref:
        ref = Ref("actor", actor.name)
        if ref not in self.facts:
            kind = (
                actor.type or _country_like(actor, self.knowledge) or ner_type or _guess_type(actor)
            )
            role = actor.role_at(self.day)
            self.facts[ref] = EntityFacts(
                actor.name,
                kind,
                actor.country,
                _code_at([actor, *others], self.day),
                role.title if role else None,
                _family_names(actor) if kind == "PERSON" else (),
            )
            self.facts[ref].gender = actor.gender
        return ref

    def person(self, name: str, family_names: tuple[str, ...]) -> Ref:
        ref = Ref("person", name)
        self.ensure(ref, EntityFacts(name, "PERSON", family_names=family_names))
        return ref

    def country(self, country: Country) -> Ref:
        ref = Ref("country", country.code)
        kind: EntityType = "LOCATION" if country.region else "COUNTRY"
        self.ensure(ref, EntityFacts(country.name, kind, _iso(country), country.cameo))
        return ref

    def group(self, country: Country, sector: str, label: str, inferred: bool = False) -> Ref:
        """A country's sector. `inferred`: the country is the article's main country; a
        group any mention names the country of is not inferred."""
        ref = Ref("group", f"{country.code}{sector}")
        known = ref in self.facts
        facts = self.ensure(
            ref,
            EntityFacts(
                f"{label} ({country.name})",
                "ORGANIZATION",
                _iso(country),
                country.cameo + sector,
                label.lower(),
            ),
        )
        facts.country_inferred = inferred and (facts.country_inferred or not known)
        return ref

    def international_group(self, sector: str, label: str) -> Ref:
        """The international kind of a sector, of no country: "aid agencies" (NGO)."""
        ref = Ref("group", sector)
        self.ensure(ref, EntityFacts(label, "ORGANIZATION", None, sector, label.lower()))
        return ref

    def body(self, body: Body, country: Country | None) -> Ref:
        if country is None:
            ref = Ref("body", body.name)
            self.ensure(ref, EntityFacts(body.name, "ORGANIZATION"))
            return ref
        ref = Ref("body", f"{country.code}/{body.name}")
        self.ensure(
            ref,
            EntityFacts(
                f"{body.name} ({country.name})",
                "ORGANIZATION",
                _iso(country),
                country.cameo + body.sector,
            ),
        )
        return ref

    def place(self, name: str, country: Country | None) -> Ref:
        ref = Ref("place", name)
        facts = self.ensure(ref, EntityFacts(name, "LOCATION"))
        facts.country = facts.country or (_iso(country) if country else None)
        return ref

    def other(self, name: str, kind: EntityType, cameo: str | None = None) -> Ref:
        ref = Ref("other", f"{kind}/{name}")
        self.ensure(ref, EntityFacts(name, kind, cameo=cameo))
        return ref

    # --- the record --------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        made = []
        for facts in self.facts.values():
            if not facts.mentions:
                continue
            spans = sorted(facts.mentions, key=lambda m: (m.start, m.end))
            made.append(
                Entity(
                    id=_entity_id(facts.type, facts.name),
                    name=facts.name,
                    type=facts.type,
                    country=facts.country,
                    cameo=facts.cameo,
                    role=facts.role,
                    mentions=[TextSpan(start=m.start, end=m.end, text=m.text) for m in spans],
                    country_inferred=facts.country_inferred,
                )
            )
        return made


def _code_at(actors: list[Actor], day: date | None) -> str | None:
    """The code of the first actor that has one for the day (an office or a dated code).

    dossier's own entry, when it has offices or codes, answers alone: its dates are
    checked, and an imported dictionary's (Phoenix's stop in 2014) may disagree."""
    if actors[0].curated and (actors[0].roles or actors[0].codes):
        return actors[0].code_at(day)
    for actor in actors:
        if actor.role_at(day) or any((p.start or p.end) and p.holds(day) for p in actor.codes):
            return actor.code_at(day)
    return actors[0].code_at(day)


def _country_like(actor: Actor, knowledge: ActorKnowledge) -> EntityType | None:
    """An imported actor coded with a bare country code ("ARNOR [ARN]") is a country."""
    plain = [p.code for p in actor.codes if p.start is None and p.end is None]
    if len(actor.codes) == 1 and plain and knowledge.is_country_code(plain[0]):
        return "COUNTRY"
    return None


def _guess_type(actor: Actor) -> EntityType:
    """A type for an imported dictionary actor spaCy did not label."""
    if any(p.start or p.end for p in actor.codes):
        return "PERSON"
    if actor.codes and len(actor.codes[0].code) == 3 and actor.country:
        return "COUNTRY"
    return "ORGANIZATION"


def _iso(country: Country) -> str | None:
    return None if country.region else country.code


def _entity_id(kind: str, name: str) -> str:
    digest = hashlib.sha1(f"{kind}:{name}".encode()).hexdigest()[:10]
    return f"e-{digest}"


def _family_names(actor: Actor) -> tuple[str, ...]:
    """The names a known person is called by alone: the file's surname, and the last word
    of the full name, which reporters also use ("Farmajo", and "Mohamed" for Mohamed
    Abdullahi Mohamed)."""
    words = [w for w in actor.name.replace("-", " ").split() if w.strip(".") not in SUFFIXES]
    last = words[-1] if len(words) > 1 else None
    return tuple(dict.fromkeys(n for n in (actor.family_name, last) if n))


SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})  # "Martin Luther King Jr." is King
