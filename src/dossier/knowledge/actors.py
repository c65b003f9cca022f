"""The actor knowledge base: who and what an article may name, with CAMEO codes over time.

Everything here is data read from files (dossier's own YAML, or PETRARCH/Phoenix
dictionaries); the `actors` stage only asks questions of it:

- `lookup(text)`: actors known by exactly that name ("Vladimir Putin", "NATO", "Pyongyang");
- `country_by_form(text)`: the country a name, demonym, capital or seat stands for;
- `holders(country, kinds, day, post)`: who held an office on a day ("the Russian president"
  in 2000), or an ambassador's office at a post ("the Russian ambassador to Georgia");
- `sector_of(words)`: the CAMEO sector a role noun names ("officials" → GOV, "media" → MED).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from dossier.record import EntityType

INTERNATIONAL_ROOTS = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG", "INT", "UIS"})
POSTED_KINDS = frozenset({"ambassador", "envoy"})  # offices held at a post abroad
FAMILY_NAME_FIRST = frozenset(
    {"PRK", "KOR", "CHN", "TWN", "VNM", "MNG", "KHM", "SGP", "HKG", "MAC"}
)


_SEPARATORS = re.compile(r"[._\-–]")


@lru_cache(maxsize=1 << 16)  # called for every candidate span of every article
def phrase_key(text: str) -> str:
    """The form names are compared in: lower case, no dots, hyphens and underscores as spaces."""
    key = text.replace("’", "'").replace("‘", "'").lower()
    key = _SEPARATORS.sub(" ", key.replace(".", ""))
    key = " ".join(key.split())
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True)
class CodePeriod:
    """A CAMEO code and the days it applies (open-ended when a bound is None)."""

    code: str
    start: date | None = None
    end: date | None = None

    def holds(self, day: date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Role:
    """An office held between two dates: 'president' of RUS, 2000-05-07 to 2008-05-07."""

    title: str
    kind: str
    code: str
    start: date | None = None
    end: date | None = None
    post: str | None = None  # where an ambassador or envoy is posted: GEO, IGOUNO

    def holds(self, day: date | None) -> bool:
        return CodePeriod(self.code, self.start, self.end).holds(day)


@dataclass(frozen=True)
class Actor:
    """A person, country, organisation or group known by one or more names."""

    name: str
    type: EntityType | None
    country: str | None = None
    names: tuple[str, ...] = ()
    codes: tuple[CodePeriod, ...] = ()
    roles: tuple[Role, ...] = ()
    surname: str | None = None
    source: str = ""
    curated: bool = True
    gender: str | None = None  # "f" or "m", for pronouns

    def role_at(self, day: date | None) -> Role | None:
        """The office held on `day` (the most recently begun when several overlap)."""
        held = [role for role in self.roles if day is not None and role.holds(day)]
        return max(held, key=lambda role: role.start or date.min) if held else None

    def code_at(self, day: date | None) -> str | None:
        """The code on `day`: the office's, a dated code, ELI after office, or the plain code."""
        role = self.role_at(day)
        if role is not None:
            return role.code
        dated = [p for p in self.codes if (p.start or p.end) and day is not None and p.holds(day)]
        if dated:
            return dated[0].code
        if day is not None and self.country and any(r.end and r.end < day for r in self.roles):
            return f"{self.country}ELI"
        plain = [p.code for p in self.codes if p.start is None and p.end is None]
        if plain:
            return plain[0]
        return self.country

    @property
    def family_name(self) -> str:
        """The name a second mention uses: 'Putin', 'Kim' (family name first in Korean names)."""
        if self.surname:
            return self.surname
        words = (
            self.name.replace("-", " ").split()
            if self.country in FAMILY_NAME_FIRST
            else self.name.split()
        )
        return words[0] if self.country in FAMILY_NAME_FIRST else words[-1]


@dataclass(frozen=True)
class Country:
    """A country (or a historic state, or a region) and every way a text may name it."""

    code: str
    cameo: str
    name: str
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    region: bool = False
    parliamentary: bool = False  # "the German leader" is the head of government


@dataclass(frozen=True)
class Sector:
    """A CAMEO sector and the role nouns that name it ('officials', 'media executives')."""

    code: str
    label: str
    nouns: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()  # nouns naming people acting with no country word before them
    # An agent of this sector with no country said is the international kind itself
    # ("aid agencies": NGO), not a group of the article's main country.
    international: bool = False


@dataclass(frozen=True)
class Title:
    """A title naming one office ('president', 'foreign minister') and the offices it may mean."""

    title: str
    kinds: tuple[str, ...]
    sector: str = "GOV"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Body:
    """A national body named without its country ('the Foreign Ministry'): country from context."""

    name: str
    sector: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class NonPerson:
    """A name spaCy may type PERSON that never names a person (`not_persons.yaml`): a
    military base or other place, a currency, a unit of measure."""

    kind: str  # one of NON_PERSON_KINDS
    names: tuple[str, ...]
    country: str | None = None  # where a base or place is
    source: str = ""  # file:line

    @property
    def is_place(self) -> bool:
        return self.kind in PLACE_KINDS


NON_PERSON_KINDS = frozenset({"base", "place", "currency", "unit"})
PLACE_KINDS = frozenset({"base", "place"})


@dataclass
class ActorKnowledge:
    """Actors, countries, role nouns, titles and national bodies, indexed by name."""

    actors: list[Actor] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    agents: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    non_persons: list[NonPerson] = field(default_factory=list)

    def merged(self, other: ActorKnowledge) -> ActorKnowledge:
        """This knowledge plus another's; the other's entries are consulted first."""
        return ActorKnowledge(
            actors=other.actors + self.actors,
            countries=other.countries + self.countries,
            sectors=other.sectors + self.sectors,
            titles=other.titles + self.titles,
            bodies=other.bodies + self.bodies,
            agents={**self.agents, **other.agents},
            problems=self.problems + other.problems,
            non_persons=other.non_persons + self.non_persons,
        )

    # --- names -------------------------------------------------------------------
    def lookup(self, text: str) -> list[Actor]:
        return self._by_name.get(phrase_key(text), [])

    def by_family_name(self, text: str) -> list[Actor]:
        return self._by_family_name.get(phrase_key(text), [])

    def country(self, code: str) -> Country | None:
        return self._by_code.get(code)

    def country_by_form(self, text: str) -> tuple[Country, str] | None:
        """The country behind a name, demonym, capital or seat, and which of those it is."""
        return self._by_form.get(phrase_key(text))

    def dictionary_country(self, text: str) -> Country | None:
        """A country-like actor of an imported dictionary ("ARNOR [ARN]", "AFGHAN [AFG]")."""
        for actor in self.lookup(text):
            plain = [p.code for p in actor.codes if p.start is None and p.end is None]
            code = plain[0] if plain else None
            if actor.curated or code is None or not self.is_country_code(code):
                continue
            return self.country(code) or Country(code, code, actor.name)
        return None

    def is_country_code(self, code: str) -> bool:
        """A code of three letters that names a country: not an IGO, NGO, ... root and not a
        sector (Phoenix codes outlets "[MED]")."""
        return (
            len(code) == 3 and code not in INTERNATIONAL_ROOTS and code not in self._sector_labels
        )

    @cached_property
    def max_name_words(self) -> int:
        return max((len(key.split()) for key in self._by_name), default=1)

    def non_person(self, text: str) -> NonPerson | None:
        """The base, place, currency or unit of that name ("Incirlik", "rupees"), if listed."""
        return self._non_persons.get(phrase_key(text))

    # --- roles and offices --------------------------------------------------------
    def title(self, text: str) -> Title | None:
        return self._titles.get(phrase_key(text))

    def holders(
        self, country: str, kinds: Iterable[str], day: date | None, post: str | None = None
    ) -> list[Actor]:
        """People holding an office of the first of `kinds` anyone held in `country` on `day`;
        with `post`, only offices posted there ("the Russian ambassador to Georgia")."""
        kinds = list(kinds)
        place = self._by_code.get(country)
        if place is not None and place.parliamentary and "head_of_state" in kinds:
            # "leader" tries the head of state before the head of government, except here
            kinds = [k for k in kinds if k != "head_of_government"]
            kinds.insert(kinds.index("head_of_state"), "head_of_government")
        for kind in kinds:
            found = [
                actor
                for actor in self._by_country.get(country, [])
                if any(
                    role.kind == kind and role.holds(day) and (post is None or role.post == post)
                    for role in actor.roles
                )
            ]
            if found:
                return found
        return []

    def sector_of(self, words: str) -> Sector | None:
        """The sector a role noun names; its own table first, then imported agents."""
        key = phrase_key(words)
        sector = self._sectors.get(key)
        if sector is None and key in self.agents:
            code = self.agents[key]
            sector = Sector(code, self._sector_labels.get(code[:3], code), (key,))
        return sector

    def is_agent_noun(self, words: str) -> bool:
        """Whether a role noun names people acting even with no country word before it
        ("police arrested", "militants attacked"); see `sectors.yaml`."""
        return phrase_key(words) in self._agent_nouns

    def body(self, text: str) -> Body | None:
        return self._bodies.get(phrase_key(text))

    # --- indexes, built on first use ------------------------------------------------
    @cached_property
    def title_words(self) -> frozenset[str]:
        """Every word of every title and its aliases ("minister", "foreign")."""
        forms = (form for t in self.titles for form in (t.title, *t.aliases))
        return frozenset(word for form in forms for word in form.split())

    @cached_property
    def _by_name(self) -> dict[str, list[Actor]]:
        index: dict[str, list[Actor]] = {}
        for actor in self.actors:
            for name in {actor.name, *actor.names}:
                bucket = index.setdefault(phrase_key(name), [])
                if actor not in bucket:
                    bucket.append(actor)
        return index

    @cached_property
    def _non_persons(self) -> dict[str, NonPerson]:
        """Every listed name, and the plural of a currency or unit ("rupees", "SDRs")."""
        index: dict[str, NonPerson] = {}
        for thing in reversed(self.non_persons):
            for name in thing.names:
                key = phrase_key(name)
                index[key] = thing
                if not thing.is_place:
                    index.setdefault(key + "s", thing)
        return index

    @cached_property
    def _by_family_name(self) -> dict[str, list[Actor]]:
        index: dict[str, list[Actor]] = {}
        for actor in self.actors:
            if actor.type == "PERSON" and actor.curated:
                index.setdefault(phrase_key(actor.family_name), []).append(actor)
        return index

    @cached_property
    def _by_country(self) -> dict[str, list[Actor]]:
        index: dict[str, list[Actor]] = {}
        for actor in self.actors:
            if actor.roles and actor.country:
                index.setdefault(actor.country, []).append(actor)
        return index

    @cached_property
    def _by_code(self) -> dict[str, Country]:
        index: dict[str, Country] = {}
        for country in reversed(self.countries):
            index[country.code] = country
        return index

    @cached_property
    def _by_form(self) -> dict[str, tuple[Country, str]]:
        index: dict[str, tuple[Country, str]] = {}
        for country in reversed(self.countries):
            for kind, forms in (
                ("name", (country.name, *country.names)),
                ("demonym", country.demonyms),
                ("capital", country.capitals),
                ("seat", country.seats),
            ):
                for form in forms:
                    index[phrase_key(form)] = (country, kind)
        return index

    @cached_property
    def _titles(self) -> dict[str, Title]:
        return {
            phrase_key(form): t for t in reversed(self.titles) for form in (t.title, *t.aliases)
        }

    @cached_property
    def _sectors(self) -> dict[str, Sector]:
        return {phrase_key(noun): s for s in reversed(self.sectors) for noun in s.nouns}

    @cached_property
    def _agent_nouns(self) -> frozenset[str]:
        return frozenset(phrase_key(noun) for s in self.sectors for noun in s.agents)

    @cached_property
    def _sector_labels(self) -> dict[str, str]:
        return {s.code: s.label for s in self.sectors}

    @cached_property
    def _bodies(self) -> dict[str, Body]:
        return {phrase_key(form): b for b in reversed(self.bodies) for form in (b.name, *b.aliases)}
