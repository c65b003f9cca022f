"""The analysed-document record: what `dossier extract` prints, one per article.

These models are the project's own statement of `shared/spec/document.schema.json`.
Fields may be added to them; none of the contract's fields may be renamed or dropped.
Offsets are character offsets into `DocumentRecord.text`; date ranges are inclusive
ISO dates (YYYY-MM-DD).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["PERSON", "COUNTRY", "ORGANIZATION", "LOCATION", "AGREEMENT", "OTHER"]
Modality = Literal[
    "asserted",
    "reported",
    "planned",
    "speculated",
    "negated",
    "denied",
    "postponed",
    "cancelled",
    "hypothetical",
]
CitationKind = Literal["source", "cross_reference"]
QuoteKind = Literal["statement", "term"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


class Span(Record):
    start: int
    end: int
    text: str | None = None


class Publication(Record):
    name: str
    volume: str | None = None
    issue: str | None = None


class Published(Record):
    date: str
    inferred: bool = Field(description="true when guessed from the text rather than given")


class Entity(Record):
    id: str
    name: str = Field(description="canonical full name: 'Kim Jong-il', not 'Kim'")
    type: EntityType
    country: str | None = None
    cameo: str | None = None
    role: str | None = None
    mentions: list[Span] = Field(default_factory=list)
    country_inferred: bool = Field(
        default=False,
        description="the country is the article's main country, not said with any mention",
    )


class Timex(Record):
    text: str
    start: int
    end: int
    value_start: str | None = None
    value_end: str | None = None
    granularity: str | None = Field(default=None, description="day, week, month, year, ...")
    kind: str | None = Field(default=None, description="date, duration, set or unresolved")
    anchor: str | None = Field(default=None, description="what a relative value was read against")
    duration: str | None = Field(
        default=None, description="a duration's length in ISO 8601: P2D, P3W, PXY when vague"
    )


class CitationPart(Record):
    outlets: list[str]
    date_start: str | None = None
    date_end: str | None = None
    kind: CitationKind = "source"
    text: str


class Citation(Record):
    outlets: list[str]
    date_start: str | None = None
    date_end: str | None = None
    kind: CitationKind = "source"
    start: int
    end: int
    text: str | None = None
    parts: list[CitationPart] = Field(default_factory=list)


class Quote(Record):
    text: str
    speaker: str | None = Field(default=None, description="canonical name of the speaker")
    speaker_entity: str | None = None
    speaker_text: str | None = Field(default=None, description="the words naming the speaker")
    kind: QuoteKind = Field(
        default="statement", description="statement, or term: a scare-quoted word or two"
    )
    start: int
    end: int


class ActorRef(Record):
    entity: str | None = None
    name: str
    text: str | None = None
    country: str | None = None
    cameo: str | None = None
    country_inferred: bool = Field(
        default=False, description="the country is the article's main country (see Entity)"
    )
    told_elsewhere: bool = Field(
        default=False,
        description="the event's sentence does not name this party: it was read from the "
        "story (whose act a reaction answers; the story's protagonist)",
    )


class SentenceRef(Record):
    index: int
    start: int
    end: int
    text: str


class EventDate(Record):
    start: str
    end: str
    text: str | None = None
    from_publication: bool = False


class Location(Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Event(Record):
    event_id: str
    sentence: SentenceRef
    trigger: str | None = None
    trigger_span: Span | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None
    cameo_code: str
    plover_type: str | None = None
    plover_mode: str | None = None
    quad_class: int = Field(ge=1, le=4)
    goldstein: float
    date: EventDate | None = None
    location: Location | None = None
    modality: Modality
    attribution: list[str] = Field(default_factory=list)
    confidence: float | None = None
    content_of: str | None = Field(
        default=None,
        description="the event id of the speech act whose content this event is "
        "('threatened to shell': the shelling is the threat's content)",
    )
    mention_of: str | None = Field(
        default=None,
        description="the event id of an earlier telling in the same document that this "
        "mention repeats ('the attack' after 'gunmen attacked the hotel'); its parties, "
        "and its date where the mention has none, come from there",
    )
    coded_by: str | None = Field(
        default=None,
        description="what coded it: 'pattern:<file or dictionary>' or 'model:<name>'",
    )
    coder_score: float | None = Field(
        default=None, description="the learned tagger's probability that the trigger heads an event"
    )
    reciprocal_code: str | None = Field(
        default=None,
        description="CAMEO code of the target's side of the same happening (043 for a "
        "visit's host), for exports that pair events; not a separate event",
    )


class DocumentRecord(Record):
    doc_id: str
    source_file: str | None = None
    url: str | None = None
    outlet: str | None = None
    text: str
    title: str | None = None
    publication: Publication | None = None
    published: Published | None = None
    entities: list[Entity] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    dossier_version: str | None = None
    model: str | None = Field(default=None, description="the spaCy pipeline that analysed it")
    settings: dict[str, list[str]] = Field(
        default_factory=dict, description="the user's knowledge files (--actors, --verbs) used"
    )


def document_json_schema() -> dict:
    """The JSON Schema of the record, as `dossier schema` prints it.

    Serialization mode: every field is always written, so every field is required.
    """
    return DocumentRecord.model_json_schema(mode="serialization")
