"""One analysed document: what every stage reads and extends.

The pipeline makes it from an article and its parse; each stage fills the layers it
assigns (see `dossier.stages`). `published` is the publication date under its one
name, as a date; `layers` is room for stages from outside dossier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc

from dossier.actors import ResolvedEntities
from dossier.ingest import Article
from dossier.knowledge.bundle import Knowledge
from dossier.record import Citation, Event, Quote, Timex

GIVEN = ("article", "doc", "published", "knowledge")


@dataclass
class AnalysedDocument:
    article: Article
    doc: Doc
    knowledge: Knowledge
    published: date | None = None
    entities: ResolvedEntities | None = None
    timexes: list[Timex] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    layers: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def start(cls, article: Article, doc: Doc, knowledge: Knowledge) -> AnalysedDocument:
        return cls(article=article, doc=doc, knowledge=knowledge, published=article.published)
