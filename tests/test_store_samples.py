"""Hand-built records with realistic events, shared by the store, query and export tests,
and the tests of how a record becomes rows."""

from __future__ import annotations

from dossier.record import (
    ActorRef,
    Citation,
    DocumentRecord,
    Entity,
    Event,
    EventDate,
    Location,
    Published,
    SentenceRef,
    Span,
)
from dossier.store import document_rows

SUMMIT_TEXT = (
    "Russian President Vladimir Putin met North Korean leader Kim Jong-il in Pyongyang "
    "on July 19. (Itar-Tass, July 20)\n\n"
    "Putin will visit Tokyo next week. Washington urged Moscow to drop the plan."
)
ACCUSE_TEXT = (
    "China accused the United States of interference on August 3. "
    "The United Nations launched an inquiry into the clashes."
)

PUTIN = ActorRef(entity="putin", name="Vladimir Putin", text="Putin", country="RUS", cameo="RUSGOV")
KIM = ActorRef(entity="kim", name="Kim Jong-il", text="Kim Jong-il", country="PRK", cameo="PRKGOV")


def sentence(text: str, index: int, words: str) -> SentenceRef:
    start = text.index(words)
    return SentenceRef(index=index, start=start, end=start + len(words), text=words)


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start=start, end=start + len(words), text=words)


def summit_record(text: str = SUMMIT_TEXT, doc_id: str = "summit") -> DocumentRecord:
    first = sentence(text, 0, text[: text.index(" (Itar")])
    second = sentence(text, 1, "Putin will visit Tokyo next week.")
    third = sentence(text, 2, text[text.index("Washington") :])
    cite = span(text, "(Itar-Tass, July 20)")
    return DocumentRecord(
        doc_id=doc_id,
        text=text,
        source_file="summit.txt",
        title="Putin in Pyongyang",
        outlet="Monitor",
        published=Published(date="2000-07-21", inferred=False),
        entities=[
            Entity(
                id="putin",
                name="Vladimir Putin",
                type="PERSON",
                country="RUS",
                cameo="RUSGOV",
                mentions=[span(text, "Vladimir Putin")],
            ),
            Entity(
                id="kim",
                name="Kim Jong-il",
                type="PERSON",
                country="PRK",
                cameo="PRKGOV",
                mentions=[span(text, "Kim Jong-il")],
            ),
        ],
        citations=[
            Citation(
                outlets=["ITAR-TASS"],
                date_start="2000-07-20",
                date_end="2000-07-20",
                start=cite.start,
                end=cite.end,
                text="Itar-Tass, July 20",
            )
        ],
        events=[
            Event(
                event_id=f"{doc_id}-e1",
                sentence=first,
                trigger="met",
                trigger_span=span(text, "met"),
                source=PUTIN,
                target=KIM,
                cameo_code="042",
                plover_type="CONSULT",
                plover_mode="visit",
                quad_class=1,
                goldstein=1.9,
                date=EventDate(start="2000-07-19", end="2000-07-19", text="July 19"),
                location=Location(name="Pyongyang", country="PRK", lat=39.03, lon=125.75),
                modality="asserted",
                attribution=["ITAR-TASS"],
            ),
            Event(
                event_id=f"{doc_id}-e2",
                sentence=second,
                trigger="visit",
                trigger_span=span(text, "visit"),
                source=PUTIN,
                target=ActorRef(name="Japan", text="Tokyo", country="JPN", cameo="JPN"),
                cameo_code="042",
                plover_type="CONSULT",
                plover_mode="visit",
                quad_class=1,
                goldstein=1.9,
                date=EventDate(start="2000-07-24", end="2000-07-30", text="next week"),
                location=Location(name="Tokyo", country="JPN"),
                modality="planned",
            ),
            Event(
                event_id=f"{doc_id}-e3",
                sentence=third,
                trigger="urged",
                trigger_span=span(text, "urged"),
                source=ActorRef(
                    name="United States", text="Washington", country="USA", cameo="USAGOV"
                ),
                target=ActorRef(name="Russia", text="Moscow", country="RUS", cameo="RUSGOV"),
                cameo_code="100",
                plover_type="REQUEST",
                quad_class=3,
                goldstein=-5.0,
                date=EventDate(start="2000-07-21", end="2000-07-21", from_publication=True),
                modality="asserted",
            ),
        ],
    )


def accuse_record() -> DocumentRecord:
    text = ACCUSE_TEXT
    first = sentence(text, 0, "China accused the United States of interference on August 3.")
    second = sentence(text, 1, "The United Nations launched an inquiry into the clashes.")
    return DocumentRecord(
        doc_id="accuse",
        text=text,
        url="https://example.org/accuse",
        published=Published(date="2000-08-04", inferred=False),
        events=[
            Event(
                event_id="accuse-e1",
                sentence=first,
                trigger="accused",
                trigger_span=span(text, "accused"),
                source=ActorRef(name="China", country="CHN", cameo="CHN"),
                target=ActorRef(name="United States", country="USA", cameo="USA"),
                cameo_code="112",
                plover_type="ACCUSE",
                plover_mode="disapprove",
                quad_class=3,
                goldstein=-2.0,
                date=EventDate(start="2000-08-03", end="2000-08-03", text="August 3"),
                modality="asserted",
            ),
            Event(
                event_id="accuse-e2",
                sentence=second,
                trigger="inquiry",
                trigger_span=span(text, "inquiry"),
                source=ActorRef(name="United Nations", cameo="IGOUNO"),
                cameo_code="090",
                quad_class=3,
                goldstein=-2.0,
                date=EventDate(start="2000-08-04", end="2000-08-04", from_publication=True),
                modality="reported",
            ),
        ],
    )


def test_rows_count_every_layer_and_link_the_closing_citation():
    rows = document_rows(summit_record())
    tables = rows.tables
    assert len(tables["events"]) == 3
    assert len(tables["entities"]) == 2 and len(tables["mentions"]) == 2
    # without a parsed Doc, the sentences are those the events point at
    assert [r[1] for r in tables["sentences"]] == [0, 1, 2]
    # e1 is credited to ITAR-TASS and precedes the citation; e2 and e3 follow it
    assert tables["event_citations"] == [("summit", "summit-e1", 0)]
    document = tables["documents"][0]
    assert document[0] == "summit" and len(document[1]) == 64  # sha256 of the text


def test_changed_text_changes_the_content_hash_only():
    before = document_rows(summit_record())
    after = document_rows(summit_record(SUMMIT_TEXT.replace("July 19", "July 18")))
    assert before.doc_id == after.doc_id
    assert before.content_hash != after.content_hash
