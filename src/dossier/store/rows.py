"""A DocumentRecord flattened into table rows: pure functions, no database.

Column order follows `schema.py`. Citations are linked to an event when one of the
citation's outlets is in the event's attribution, or when the citation is the first
source citation at or after the event's sentence: Monitor-style reports close each
section with the parenthesis that credits everything above it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from dossier.record import ActorRef, Citation, DocumentRecord, Event, SentenceRef
from dossier.store.schema import COUNTED_TABLES

Row = tuple


@dataclass
class DocumentRows:
    """Every row one document contributes, by table name."""

    doc_id: str
    content_hash: str
    source_key: str | None
    tables: dict[str, list[Row]] = field(default_factory=dict)

    @property
    def event_count(self) -> int:
        return len(self.tables.get("events", []))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_rows(
    record: DocumentRecord,
    sentences: list[SentenceRef] | None = None,
    settings: str = "",
    source_key: str | None = None,
    now: datetime | None = None,
) -> DocumentRows:
    """The rows of one record; `sentences` defaults to those its events point at."""
    doc_id = record.doc_id
    sentences = sentences if sentences is not None else _event_sentences(record.events)
    mentions = [(doc_id, e.id, m.start, m.end, m.text) for e in record.entities for m in e.mentions]
    tables = {
        "sentences": [(doc_id, s.index, s.start, s.end, s.text) for s in sentences],
        "entities": [
            (
                doc_id,
                e.id,
                e.name,
                e.type,
                e.country,
                e.cameo,
                e.role,
                e.country_inferred,
                len(e.mentions),
            )
            for e in record.entities
        ],
        "mentions": mentions,
        "timexes": [
            (
                doc_id,
                i,
                t.text,
                t.start,
                t.end,
                t.value_start,
                t.value_end,
                t.granularity,
                t.kind,
                t.anchor,
            )
            for i, t in enumerate(record.timexes)
        ],
        "citations": [
            (doc_id, i, c.outlets, c.date_start, c.date_end, c.kind, c.start, c.end, c.text)
            for i, c in enumerate(record.citations)
        ],
        "quotes": [
            (doc_id, i, q.text, q.speaker, q.speaker_entity, q.speaker_text, q.start, q.end)
            for i, q in enumerate(record.quotes)
        ],
        "events": [_event_row(doc_id, e) for e in record.events],
        "event_citations": [
            (doc_id, e.event_id, i)
            for e in record.events
            for i in linked_citations(e, record.citations)
        ],
    }
    digest = content_hash(record.text)
    tables["documents"] = [_document_row(record, digest, settings, source_key, tables, now)]
    return DocumentRows(doc_id, digest, source_key, tables)


def linked_citations(event: Event, citations: list[Citation]) -> list[int]:
    """Indexes of the citations that back the event (see the module docstring)."""
    credited = {name.casefold() for name in event.attribution}
    linked = [i for i, c in enumerate(citations) if credited & {o.casefold() for o in c.outlets}]
    following = [
        i for i, c in enumerate(citations) if c.kind == "source" and c.start >= event.sentence.start
    ]
    if following and following[0] not in linked:
        linked.append(following[0])
    return sorted(linked)


def _event_sentences(events: list[Event]) -> list[SentenceRef]:
    unique = {e.sentence.index: e.sentence for e in events}
    return [unique[i] for i in sorted(unique)]


def _actor(ref: ActorRef | None) -> Row:
    if ref is None:
        return (None, None, None, None, None)
    return (ref.entity, ref.name, ref.text, ref.country, ref.cameo)


def _event_row(doc_id: str, e: Event) -> Row:
    trigger = e.trigger_span
    date = e.date
    place = e.location
    return (
        doc_id,
        e.event_id,
        e.sentence.index,
        e.sentence.start,
        e.sentence.end,
        e.trigger,
        trigger.start if trigger else None,
        trigger.end if trigger else None,
        *_actor(e.source),
        *_actor(e.target),
        e.cameo_code,
        e.plover_type,
        e.plover_mode,
        e.quad_class,
        e.goldstein,
        date.start if date else None,
        date.end if date else None,
        date.text if date else None,
        date.from_publication if date else None,
        place.name if place else None,
        place.country if place else None,
        place.lat if place else None,
        place.lon if place else None,
        e.modality,
        list(e.attribution),
        e.confidence,
        e.reciprocal_code,
        e.content_of,
        e.coded_by,
        e.coder_score,
        e.mention_of,
        bool(e.source and e.source.told_elsewhere),
        bool(e.target and e.target.told_elsewhere),
    )


def _document_row(
    record: DocumentRecord,
    digest: str,
    settings: str,
    source_key: str | None,
    tables: dict[str, list[Row]],
    now: datetime | None,
) -> Row:
    publication = record.publication
    published = record.published
    counts = [len(tables[name]) for name in COUNTED_TABLES]
    return (
        record.doc_id,
        digest,
        source_key,
        record.source_file,
        record.url,
        record.outlet,
        record.title,
        publication.name if publication else None,
        publication.volume if publication else None,
        publication.issue if publication else None,
        published.date if published else None,
        published.inferred if published else None,
        record.text,
        record.dossier_version,
        record.model,
        settings,
        *counts,
        now or _utc_now(),
        json.dumps(record.settings, sort_keys=True),
    )


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
