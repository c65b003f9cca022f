"""One event as a PLOVER JSON record (one per line), the fields of the PLOVER v0.8 manual.

PLOVER requires `id`, `date`, `actor` and `event`; an event dossier coded only in CAMEO,
with no PLOVER type, has no `event` and is left out (and counted). dossier's modality and
attribution, which PLOVER has no field for, go in `comment`.
"""

from __future__ import annotations

from dossier import __version__
from dossier.export.codes import country_name, iso3, plover_quads, split_actor_code
from dossier.export.gdelt import event_day

PLOVER_CODEBOOK = "PLOVER v0.8 (via the CAMEO crosswalk)"


def plover_id(event: dict) -> str:
    event_id, doc_id = str(event["event_id"]), str(event["doc_id"])
    return event_id if event_id.startswith(doc_id) else f"{doc_id}:{event_id}"


def plover_record(event: dict) -> dict | None:
    """The PLOVER record of the event, or None when it has no PLOVER type."""
    event_type = event.get("plover_type")
    day = event_day(event)
    if not event_type or day is None:
        return None
    record: dict[str, object] = {"id": plover_id(event), "date": day.isoformat()}
    end = event.get("date_end")
    if end and end != day:
        record["enddate"] = end.isoformat()
    record["actor"] = [_entity(event, "source")] if event.get("source_name") else []
    if event.get("target_name"):
        record["recipient"] = [_entity(event, "target")]
    record["event"] = [event_type]
    record["mode"] = [event["plover_mode"]] if event.get("plover_mode") else []
    record["context"] = []
    if event.get("trigger"):
        record["event_text"] = [event["trigger"]]
    if event_type in plover_quads():
        record["quad_code"] = plover_quads()[event_type]
    if event.get("location_name"):
        record["event_loc"] = _location(event)
    record.update(_provenance(event))
    return record


def _entity(event: dict, side: str) -> dict[str, object]:
    parts = split_actor_code(event.get(f"{side}_cameo"), event.get(f"{side}_country"))
    entity: dict[str, object] = {"code": iso3(parts.country) or parts.known_group or parts.country}
    if parts.types:
        entity["sector"] = parts.types[0]
    entity["entity_text"] = event.get(f"{side}_text") or event.get(f"{side}_name")
    entity["identifier_text"] = event.get(f"{side}_name")
    return entity


def _location(event: dict) -> dict[str, object]:
    country = event.get("location_country")
    place = {
        "extracted_place": event["location_name"],
        "country": country_name(country),
        "country_code": iso3(country),
    }
    if event.get("location_lat") is not None:
        place.update(lat=event["location_lat"], lon=event["location_lon"])
    return place


def _provenance(event: dict) -> dict[str, object]:
    added = event.get("ingested_at")
    credited = ", ".join(event.get("attribution") or [])
    comment = f"modality: {event['modality']}" + (f"; according to: {credited}" if credited else "")
    return {
        "text": event.get("sentence"),
        "text_info": {
            "sequence": int(event["sentence_idx"]) + 1,
            "start": event["sentence_start"],
            "end": event["sentence_end"],
        },
        "cite_info": {
            "citation": event["doc_id"],
            "url": event.get("url"),
            "title": event.get("title"),
            "publication": event.get("outlet") or event.get("publication"),
            "coder": f"dossier {__version__}",
            "codebook": PLOVER_CODEBOOK,
        },
        "coder": f"dossier {__version__}",
        "coded_date": added.date().isoformat() if added else None,
        "comment": comment,
    }
