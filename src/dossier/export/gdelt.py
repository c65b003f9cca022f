"""One event as a row of the GDELT 2.0 event table (61 tab-separated columns, no header).

Deviations from GDELT's own files are listed in docs/export.md.
In short: ids are hashes of dossier's event ids; one document means NumMentions =
NumSources = NumArticles = 1; AvgTone and the actor geographies stay empty; quad class
and Goldstein value are GDELT's own for the event code.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from dossier.export.codes import country_name, fips, scores_for, split_actor_code

GDELT_COLUMNS = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{n}{field}"
        for n in (1, 2)
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{who}Geo_{field}"
        for who in ("Actor1", "Actor2", "Action")
        for field in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)
GEO_COUNTRY, GEO_WORLD_CITY = 1, 4


def numeric_event_id(doc_id: str, event_id: str) -> int:
    """A stable 60-bit integer for an event: the same event always gets the same number."""
    digest = hashlib.sha256(f"{doc_id}\x1f{event_id}".encode()).hexdigest()
    return int(digest[:15], 16)


def event_day(event: dict) -> date | None:
    """The event's first day, else the publication day of its document."""
    return event.get("date_start") or event.get("published")


def gdelt_row(event: dict) -> list[object]:
    day = event_day(event)
    code = str(event["cameo_code"])
    scores = scores_for(code)
    row: list[object] = [numeric_event_id(event["doc_id"], event["event_id"])]
    row += _dates(day)
    row += _actor(event, "source") + _actor(event, "target")
    row += [
        int(bool(event.get("in_lead"))),
        code,
        code[:3],
        code[:2],
        scores.quad_gdelt if scores else event["quad_class"],
        _goldstein(scores.goldstein_gdelt if scores else None, event["goldstein"]),
        1,
        1,
        1,
        None,
    ]
    row += [None] * 16  # actor geographies: dossier does not place actors
    row += _action_geo(event)
    row += [_timestamp(event.get("ingested_at")), _source_url(event)]
    return row


def _dates(day: date | None) -> list[object]:
    if day is None:
        return [None, None, None, None]
    fraction = day.year + (day.month * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]


def _actor(event: dict, side: str) -> list[object]:
    code = event.get(f"{side}_cameo")
    name = event.get(f"{side}_name")
    parts = split_actor_code(code, event.get(f"{side}_country"))
    types = list(parts.types) + [None] * (3 - len(parts.types))
    label = name.upper() if name else None
    return [code, label, parts.country, parts.known_group, None, None, None, *types]


def _goldstein(table_value: float | None, stored: float) -> float:
    return table_value if table_value is not None else stored


def _action_geo(event: dict) -> list[object]:
    name = event.get("location_name")
    if not name:
        return [None] * 8
    country = event.get("location_country")
    country_label = country_name(country)
    is_country = country_label is not None and name.casefold() == country_label.casefold()
    full_name = name if is_country or not country_label else f"{name}, {country_label}"
    fips_code = fips(country)
    return [
        GEO_COUNTRY if is_country else GEO_WORLD_CITY,
        full_name,
        fips_code,
        fips_code if is_country else None,
        None,
        event.get("location_lat"),
        event.get("location_lon"),
        fips_code if is_country else None,
    ]


def _timestamp(value: datetime | None) -> str | None:
    return value.strftime("%Y%m%d%H%M%S") if value else None


def _source_url(event: dict) -> str:
    return event.get("url") or event.get("source_file") or f"dossier:{event['doc_id']}"
