"""One event as a row of an ICEWS event file (20 columns, tab-separated, with a header).

Intensity and Event Text are ICEWS's own values for the CAMEO code; sectors are ICEWS
labels for the role blocks of the actor's CAMEO code; Story ID is a number made from the
document id. District and Province stay empty: dossier resolves places no finer than
the name and country it reads.
"""

from __future__ import annotations

import hashlib

from dossier.export.codes import country_name, icews_sectors, scores_for, split_actor_code
from dossier.export.gdelt import event_day, numeric_event_id

ICEWS_COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)


def story_id(doc_id: str) -> int:
    return int(hashlib.sha256(doc_id.encode()).hexdigest()[:15], 16)


def icews_row(event: dict) -> list[object]:
    code = str(event["cameo_code"])
    scores = scores_for(code)
    day = event_day(event)
    intensity = scores.goldstein_icews if scores and scores.goldstein_icews is not None else None
    return [
        numeric_event_id(event["doc_id"], event["event_id"]),
        day.isoformat() if day else None,
        *_actor(event, "source"),
        scores.icews_label if scores else None,
        code,
        intensity if intensity is not None else event["goldstein"],
        *_actor(event, "target"),
        story_id(event["doc_id"]),
        int(event["sentence_idx"]) + 1,
        event.get("outlet") or event.get("publication"),
        *_place(event),
    ]


def _actor(event: dict, side: str) -> list[object]:
    parts = split_actor_code(event.get(f"{side}_cameo"), event.get(f"{side}_country"))
    sectors = [icews_sectors()[t] for t in parts.types if t in icews_sectors()]
    return [event.get(f"{side}_name"), ",".join(sectors) or None, country_name(parts.country)]


def _place(event: dict) -> list[object]:
    name = event.get("location_name")
    if not name:
        return [None] * 6
    country = country_name(event.get("location_country"))
    city = None if country and name.casefold() == country.casefold() else name
    return [city, None, None, country, event.get("location_lat"), event.get("location_lon")]
