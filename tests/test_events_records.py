"""Event records: attribution, identity, codebook fields, citations kept out of actors."""

from __future__ import annotations

from datetime import date

from dossier.actors import resolve_entities
from dossier.events import code_events
from dossier.events.attribution import covering_outlets
from dossier.knowledge.bundle import Knowledge
from dossier.record import Citation

KNOWLEDGE = Knowledge.build()

TEXT = (
    "Putin met Kim in Pyongyang. Ivanov said so (Reuters, AP, June 8).\n\n"
    "Putin visited Beijing. Later Putin met Jiang (Xinhua, June 9)."
)


def citation(text: str, outlets: list[str], kind: str = "source") -> Citation:
    start = TEXT.index(text)
    return Citation(outlets=outlets, kind=kind, start=start, end=start + len(text), text=text)


CITATIONS = [
    citation("(Reuters, AP, June 8)", ["Reuters", "AP"]),
    citation("(Xinhua, June 9)", ["Xinhua"]),
]


def test_citation_covers_its_paragraph_up_to_itself() -> None:
    first = TEXT.index("Putin met Kim")
    second_paragraph = TEXT.index("Putin visited")
    assert covering_outlets(TEXT, first, first + 27, CITATIONS) == ["Reuters", "AP"]
    assert covering_outlets(TEXT, second_paragraph, second_paragraph + 22, CITATIONS) == ["Xinhua"]


def test_sentence_after_the_last_citation_of_its_paragraph_has_no_outlet() -> None:
    text = "Putin met Kim (AP, June 8). Then Putin left.\n\nNext paragraph (Reuters)."
    start = text.index("(AP")
    cites = [
        Citation(outlets=["AP"], start=start, end=start + 12),
        Citation(outlets=["Reuters"], start=text.index("(Reuters"), end=len(text) - 1),
    ]
    later = text.index("Then")
    assert covering_outlets(text, later, later + 16, cites) == []


def test_cross_reference_credits_nobody() -> None:
    text = "Putin met Kim (see the Monitor, July 28)."
    cites = [Citation(outlets=["Monitor"], kind="cross_reference", start=14, end=40)]
    assert covering_outlets(text, 0, len(text), cites) == []


def test_records_carry_codebook_fields_attribution_and_stable_ids(nlp) -> None:
    doc = nlp(TEXT)
    entities = resolve_entities(doc, date(2000, 6, 12))
    events = code_events(
        doc, entities, [], CITATIONS, date(2000, 6, 12), "doc-1", knowledge=KNOWLEDGE
    )
    again = code_events(
        doc, entities, [], CITATIONS, date(2000, 6, 12), "doc-1", knowledge=KNOWLEDGE
    )
    met = next(e for e in events if e.trigger == "met" and e.sentence.index == 0)
    assert met.cameo_code == "040" and met.plover_type == "CONSULT"
    assert (met.quad_class, met.goldstein) == (1, 1.0)
    assert met.attribution == ["Reuters", "AP"]
    assert met.date.from_publication and met.date.start == "2000-06-12"
    assert [e.event_id for e in events] == [e.event_id for e in again]
    assert len({e.event_id for e in events}) == len(events)
    other = code_events(
        doc, entities, [], CITATIONS, date(2000, 6, 12), "doc-2", knowledge=KNOWLEDGE
    )
    assert {e.event_id for e in other}.isdisjoint({e.event_id for e in events})


def test_one_trigger_with_three_targets_is_three_events_with_three_ids(nlp) -> None:
    """Issue 12: the three visits had one id, and `dossier show ID` showed one of them."""
    doc = nlp("Mr Brown is visiting Tanzania, Mozambique and Kenya.")
    entities = resolve_entities(doc, date(2000, 6, 12))
    events = code_events(doc, entities, [], [], date(2000, 6, 12), "doc-1", knowledge=KNOWLEDGE)
    assert sorted(e.target.name for e in events) == ["Kenya", "Mozambique", "Tanzania"]
    assert len({e.event_id for e in events}) == 3


def test_outlets_inside_a_citation_are_never_actors(nlp) -> None:
    text = "The statement said that Mamedov and Pak had discussed the summit (Reuters, AP)."
    doc = nlp(text)
    start = text.index("(Reuters")
    cites = [Citation(outlets=["Reuters", "AP"], start=start, end=len(text) - 1)]
    events = code_events(
        doc, resolve_entities(doc, None), [], cites, None, "d", knowledge=KNOWLEDGE
    )
    assert events, "the discussion between Mamedov and Pak is an event"
    for event in events:
        assert "Reuters" not in (event.target.name if event.target else "")
