"""The pipeline: an article in, an analysed-document record out.

Stages run in order and each adds its own layer; nothing flows back:

    ingest ─▶ nlp ─▶ actors ─▶ time ─▶ attribution (citations, quotes) ─▶ events
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dossier import __version__
from dossier.actors import resolve_entities
from dossier.attribution import find_citations, find_quotes
from dossier.events import code_events
from dossier.events.learned import MODEL_DIR, default_trigger_tagger
from dossier.ingest import Article
from dossier.knowledge.bundle import Knowledge
from dossier.nlp import DEFAULT_MODEL, load_model, model_label
from dossier.record import DocumentRecord, Published
from dossier.time import find_timexes

PIPE_BATCH_SIZE = 16


class Analyser:
    """Holds the loaded model and knowledge; analyses articles one by one or in a stream.

    `actors` and `verbs` are the user's knowledge files (`--actors`, `--verbs`), added
    to the project's own; the record's `settings` names them.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        nlp: Language | None = None,
        actors: Sequence[Path] = (),
        verbs: Sequence[Path] = (),
        learned: bool = True,
    ) -> None:
        self.nlp = nlp or load_model(model)
        self.tagger = default_trigger_tagger() if learned and MODEL_DIR.is_dir() else None
        self.model = model_label(self.nlp)
        self.knowledge = Knowledge.build(actors=actors, verbs=verbs)
        self.settings = {
            "actors": [str(path) for path in actors],
            "verbs": [str(path) for path in verbs],
            "learned": [self.tagger.name] if self.tagger is not None else [],
        }

    def analyse(self, article: Article) -> DocumentRecord:
        return self._record(article, self.nlp(article.text))

    def analyse_many(self, articles: Iterable[Article]) -> Iterator[DocumentRecord]:
        """Analyse a stream of articles, parsing them in batches."""
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=PIPE_BATCH_SIZE):
            yield self._record(article, doc)

    def analyse_parsed(self, article: Article, doc: Doc) -> DocumentRecord:
        """The record of an article already parsed by `self.nlp`, for callers needing the Doc."""
        return self._record(article, doc)

    def _record(self, article: Article, doc: Doc) -> DocumentRecord:
        anchor = article.published
        entities = resolve_entities(doc, anchor, self.knowledge.actors)
        timexes = find_timexes(doc, anchor)
        citations = find_citations(doc.text, anchor, self.knowledge.outlets)
        quotes = find_quotes(doc, entities)
        events = code_events(
            doc,
            entities,
            timexes,
            citations,
            anchor,
            article.doc_id,
            knowledge=self.knowledge,
            tagger=self.tagger,
        )
        return DocumentRecord(
            doc_id=article.doc_id,
            source_file=article.source_file,
            url=article.url,
            outlet=article.outlet,
            text=article.text,
            title=article.title,
            publication=article.publication,
            published=_published(article),
            entities=entities.entities,
            timexes=timexes,
            citations=citations,
            quotes=quotes,
            events=events,
            dossier_version=__version__,
            model=self.model,
            settings=self.settings,
        )


def _published(article: Article) -> Published | None:
    if article.published is None:
        return None
    return Published(date=article.published.isoformat(), inferred=article.published_inferred)
