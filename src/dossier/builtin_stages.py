"""dossier's own stages, in their default order (see `dossier.stages`)."""

from __future__ import annotations

from dossier.actors import resolve_entities
from dossier.analysed import AnalysedDocument
from dossier.attribution import find_citations, find_quotes
from dossier.events import code_events
from dossier.nlp import doc_text
from dossier.stages import register_stage
from dossier.time import find_timexes

DEFAULT_STAGES = ("actors", "time", "citations", "quotes", "events")


@register_stage("actors", requires=("doc", "published", "knowledge"), assigns=("entities",))
def actors_stage(analysed: AnalysedDocument) -> None:
    analysed.entities = resolve_entities(
        analysed.doc, analysed.published, analysed.knowledge.actors
    )


@register_stage("time", requires=("doc", "published"), assigns=("timexes",))
def time_stage(analysed: AnalysedDocument) -> None:
    analysed.timexes = find_timexes(analysed.doc, analysed.published)


@register_stage("citations", requires=("doc", "published", "knowledge"), assigns=("citations",))
def citations_stage(analysed: AnalysedDocument) -> None:
    text = doc_text(analysed.doc)
    analysed.citations = find_citations(text, analysed.published, analysed.knowledge.outlets)


@register_stage("quotes", requires=("doc", "entities"), assigns=("quotes",))
def quotes_stage(analysed: AnalysedDocument) -> None:
    analysed.quotes = find_quotes(analysed.doc, analysed.entities)


@register_stage(
    "events",
    requires=("doc", "entities", "timexes", "citations", "published", "knowledge"),
    assigns=("events",),
)
def events_stage(analysed: AnalysedDocument) -> None:
    analysed.events = code_events(
        analysed.doc,
        analysed.entities,
        analysed.timexes,
        analysed.citations,
        analysed.published,
        analysed.article.doc_id,
        knowledge=analysed.knowledge,
        tagger=analysed.knowledge.tagger,
    )
