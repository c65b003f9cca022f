"""The pipeline: an article in, an analysed-document record out.

The article is parsed, then its `AnalysedDocument` goes through the stages in order,
each reading the layers it requires and assigning its own; nothing flows back:

    ingest ─▶ nlp ─▶ actors ─▶ time ─▶ citations ─▶ quotes ─▶ events

The stage list is checked when the Analyser is built (`dossier.stages.build_stages`);
`stages=` names another list, with stages of the user's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dossier import __version__
from dossier.analysed import AnalysedDocument
from dossier.builtin_stages import DEFAULT_STAGES
from dossier.ingest import Article
from dossier.knowledge.bundle import Knowledge
from dossier.nlp import DEFAULT_MODEL, load_model, model_label
from dossier.record import DocumentRecord, Published
from dossier.stages import build_stages

PIPE_BATCH_SIZE = 16


class Analyser:
    """Holds the loaded model, the knowledge and the stages; analyses articles one by
    one or in a stream.

    `actors` and `verbs` are the user's knowledge files (`--actors`, `--verbs`), added
    to the project's own; `learned=False` codes events with the pattern book alone. The
    record's `settings` names them.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        nlp: Language | None = None,
        actors: Sequence[Path] = (),
        verbs: Sequence[Path] = (),
        learned: bool = True,
        stages: Sequence[str] = DEFAULT_STAGES,
        knowledge: Knowledge | None = None,
    ) -> None:
        self.nlp = nlp or load_model(model)
        self.model = model_label(self.nlp)
        self.knowledge = knowledge or Knowledge.build(actors=actors, verbs=verbs, learned=learned)
        self.stages = build_stages(stages)
        tagger = self.knowledge.tagger
        self.settings = {
            "actors": [str(path) for path in actors],
            "verbs": [str(path) for path in verbs],
            "learned": [tagger.name] if tagger is not None else [],
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

    def run_stages(self, article: Article, doc: Doc) -> AnalysedDocument:
        """The analysed document after every stage."""
        analysed = AnalysedDocument.start(article, doc, self.knowledge)
        for stage in self.stages:
            stage.run(analysed)
        return analysed

    def _record(self, article: Article, doc: Doc) -> DocumentRecord:
        analysed = self.run_stages(article, doc)
        return DocumentRecord(
            doc_id=article.doc_id,
            source_file=article.source_file,
            url=article.url,
            outlet=article.outlet,
            text=article.text,
            title=article.title,
            publication=article.publication,
            published=_published(article),
            entities=analysed.entities.entities if analysed.entities else [],
            timexes=analysed.timexes,
            citations=analysed.citations,
            quotes=analysed.quotes,
            events=analysed.events,
            dossier_version=__version__,
            model=self.model,
            settings=self.settings,
        )


def _published(article: Article) -> Published | None:
    if article.published is None:
        return None
    return Published(date=article.published.isoformat(), inferred=article.published_inferred)
