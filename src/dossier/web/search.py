"""Full-text search: `/search?q=...` (a page) and `/api/search?q=...` (JSON), over
sentences (each with its events), actors (names and codes) and documents (titles and
ids), each kind ranked by BM25.

The index is tantivy's, held in memory and made from the database: built on the first
search and kept while the database holds the same documents. Before each search a
one-line query reads a key of the stored documents (their number and a hash of their
ids, content hashes, ingestion times, versions and counts); when it changed (an ingest
ran beside the server) the sentences and documents of the changed documents are
re-indexed, the others kept, and the actors indexed again. Nothing is written: not into
the database (which the server may hold read-only) nor beside it.

Words are cut at every non-alphanumeric character, lowercased, folded to ASCII ("Café"
finds "cafe") and reduced to their English stem ("sanctions" finds "sanctioned"); the
same analyser finds the words to mark in what is shown, so a marked word is one that
matched. A query is read as tantivy's query language, leniently: words (any of them,
the more the better), "a phrase", -excluded, +required; what it cannot parse is read
as words.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import quote

import tantivy
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from dossier.web import schemas
from dossier.web.listing import pager
from dossier.web.marks import Mark, marked_html
from dossier.web.pages import render, sentence_anchor
from dossier.web.params import Con, Page, Paging
from dossier.web.queries import ACTORS_SQL, Connection

router = APIRouter(responses=schemas.errors(422, 503))

MAX_QUERY = 500  # characters of a query
SHOWN = 10  # actors and documents shown beside the sentences
WRITER_HEAP = 50_000_000  # bytes tantivy's writer may buffer before it flushes a segment
ANALYSER = "dossier"
QUERY_WORD = re.compile(r'(^|[\s(])([-+]?)(?:\w+:)?"?([^\s"()]+)')
OPERATORS = {"AND", "OR", "NOT", "IN"}
# per document, what makes its sentences and title what they are: a document whose
# fingerprint changed is indexed again
FINGERPRINT_SQL = (
    "hash(doc_id, content_hash, ingested_at, dossier_version, model, n_sentences, n_events,"
    " n_entities)"
)
KEY_SQL = f"SELECT count(*), coalesce(sum({FINGERPRINT_SQL}), 0)::VARCHAR FROM documents"


@cache
def analyser() -> tantivy.TextAnalyzer:
    """Words as they are indexed and searched: alphanumeric runs (at most 40 characters),
    lowercased, folded to ASCII, stemmed as English."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def _index(keys: dict[str, str]) -> tantivy.Index:
    """An index in memory: `keys` its fields kept whole (name -> "text" or "integer"),
    stored and searchable exactly; `text` the analysed words, not stored."""
    schema = tantivy.SchemaBuilder()
    for name, kind in keys.items():
        if kind == "integer":
            schema.add_integer_field(name, stored=True, indexed=True)
        else:
            schema.add_text_field(name, stored=True, tokenizer_name="raw")
    schema.add_text_field("text", stored=False, tokenizer_name=ANALYSER)
    index = tantivy.Index(schema.build())
    index.register_tokenizer(ANALYSER, analyser())
    return index


SENTENCE_KEYS = {"doc_id": "text", "idx": "integer"}
DOCUMENT_KEYS = {"doc_id": "text"}
ACTOR_KEYS = {"name": "text", "type": "text", "country": "text", "cameo": "text"} | {
    "events": "integer"
}


@dataclass
class SearchIndex:
    """The three indexes of one database's content, and what they were made from."""

    sentences: tantivy.Index = field(default_factory=lambda: _index(SENTENCE_KEYS))
    documents: tantivy.Index = field(default_factory=lambda: _index(DOCUMENT_KEYS))
    actors: tantivy.Index = field(default_factory=lambda: _index(ACTOR_KEYS))
    key: tuple[Any, ...] | None = None
    fingerprints: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def refresh(self, con: Connection) -> bool:
        """Bring the index up to the database's content; True when something changed."""
        with self.lock:
            key = con.execute(KEY_SQL).fetchone()
            if key == self.key:
                return False
            stored = dict(
                con.execute(f"SELECT doc_id, {FINGERPRINT_SQL} FROM documents").fetchall()
            )
            changed = [d for d, f in stored.items() if self.fingerprints.get(d) != f]
            gone = [d for d in self.fingerprints if d not in stored]
            self._documents(con, changed, [*changed, *gone])
            self._actors(con)
            self.key, self.fingerprints = key, stored
            return True

    def _documents(self, con: Connection, changed: list[str], dropped: list[str]) -> None:
        """Re-index the sentences and titles of the `changed` documents, having taken
        out those of every `dropped` one."""
        sentences = self.sentences.writer(WRITER_HEAP, num_threads=1)
        documents = self.documents.writer(WRITER_HEAP, num_threads=1)
        for doc_id in dropped if self.fingerprints else []:
            sentences.delete_documents_by_term("doc_id", doc_id)
            documents.delete_documents_by_term("doc_id", doc_id)
        if changed:
            rows = con.execute(
                "SELECT doc_id, idx, text FROM sentences WHERE doc_id IN (SELECT unnest(?))",
                [changed],
            ).fetchall()
            for doc_id, idx, text in rows:
                sentences.add_document(tantivy.Document(doc_id=doc_id, idx=idx, text=text))
            rows = con.execute(
                "SELECT doc_id, coalesce(title, '') FROM documents"
                " WHERE doc_id IN (SELECT unnest(?))",
                [changed],
            ).fetchall()
            for doc_id, title in rows:
                documents.add_document(tantivy.Document(doc_id=doc_id, text=f"{title}\n{doc_id}"))
        for index, writer in ((self.sentences, sentences), (self.documents, documents)):
            writer.commit()
            writer.wait_merging_threads()
            index.reload()

    def _actors(self, con: Connection) -> None:
        """Every actor of the `actors` report, by its name, type, country and CAMEO code
        (whole and in its blocks of three: "RUSGOV" is found by "RUS" and "GOV")."""
        actors = _index(ACTOR_KEYS)
        writer = actors.writer(WRITER_HEAP, num_threads=1)
        rows = con.execute(
            f"SELECT name, type, country, cameo, events FROM ({ACTORS_SQL})", [None] * 3
        ).fetchall()
        for name, kind, country, cameo, events in rows:
            blocks = " ".join(cameo[i : i + 3] for i in range(0, len(cameo or ""), 3))
            words = " ".join(w for w in (name, kind, country, cameo, blocks) if w)
            known = {"type": kind, "country": country, "cameo": cameo}
            stored = {k: v for k, v in known.items() if v}
            writer.add_document(
                tantivy.Document(name=name, events=int(events), text=words, **stored)
            )
        writer.commit()
        writer.wait_merging_threads()
        actors.reload()
        self.actors = actors  # searches under way keep the index they began with


_made = threading.Lock()


def search_index(request: Request, con: Connection) -> SearchIndex:
    """The app's index, made on its first search, brought up to date at each."""
    state = request.app.state
    with _made:
        if getattr(state, "search_index", None) is None:
            state.search_index = SearchIndex()
    index: SearchIndex = state.search_index
    index.refresh(con)
    return index


@dataclass(frozen=True)
class Hits:
    """One kind's hits: how many match, and the shown ones, best first, each with its
    fields and BM25 score."""

    total: int
    rows: list[dict[str, Any]]


def _hits(index: tantivy.Index, query: str, limit: int, offset: int = 0) -> Hits:
    parsed, _ = index.parse_query_lenient(query, ["text"])
    searcher = index.searcher()
    # tantivy makes room for offset + limit hits at once: ?page=10000000 asked it for
    # 35 GB and aborted the server; past the last document there is no hit anyway
    past_the_end = offset >= searcher.num_docs
    found = searcher.search(parsed, limit, count=True, offset=0 if past_the_end else offset)
    rows = []
    for score, address in [] if past_the_end else found.hits:
        stored = searcher.doc(address).to_dict()
        rows.append({k: v[0] for k, v in stored.items()} | {"score": round(score, 4)})
    return Hits(int(found.count or 0), rows)


def query_terms(query: str) -> set[str]:
    """The stems of the query's words that a hit may hold (not those excluded with -,
    nor the operators AND, OR, NOT)."""
    terms: set[str] = set()
    for _, sign, word in QUERY_WORD.findall(query):
        if sign != "-" and word not in OPERATORS:
            terms.update(analyser().analyze(word))
    return terms


def matches(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Where the words of `text` whose stems are among `terms` stand (character spans)."""
    tokens = analyser().pre_tokenize(text).tokens
    return [(t.char_offset_from, t.char_offset_to) for t in tokens if t.text in terms]


def search(con: Connection, index: SearchIndex, q: str, page: Paging) -> dict[str, Any]:
    """The hits of `q`: a page of sentences (each with its document and its events), and
    the best SHOWN actors and documents; the totals of each; the stems that were matched."""
    terms = query_terms(q)
    sentences = _hits(index.sentences, q, page.limit, page.offset)
    actors = _hits(index.actors, q, 5 * SHOWN)
    documents = _hits(index.documents, q, SHOWN)
    # among actors that score alike, the busiest first
    ranked = sorted(actors.rows, key=lambda a: (-a["score"], -a["events"], a["name"]))[:SHOWN]
    return {
        "query": q,
        "terms": sorted(terms),
        "sentences": {"total": sentences.total, "hits": _sentence_rows(con, sentences, terms)},
        "actors": {"total": actors.total, "hits": _actor_rows(ranked, terms)},
        "documents": {"total": documents.total, "hits": _document_rows(con, documents, terms)},
    }


def _sentence_rows(con: Connection, hits: Hits, terms: set[str]) -> list[dict[str, Any]]:
    if not hits.rows:
        return []
    keys = [h["doc_id"] for h in hits.rows], [h["idx"] for h in hits.rows]
    found = {
        (row[0], row[1]): row
        for row in con.execute(
            "SELECT s.doc_id, s.idx, s.text, d.title, d.published, d.outlet"
            " FROM sentences s JOIN documents d USING (doc_id)"
            " JOIN (SELECT unnest(?) AS doc_id, unnest(?) AS idx) k USING (doc_id, idx)",
            list(keys),
        ).fetchall()
    }
    events: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for row in con.execute(
        "SELECT e.doc_id, e.sentence_idx, e.event_id, e.source_name, e.cameo_code,"
        " e.target_name, e.quad_class, e.modality, e.date_start, e.date_end, e.trigger"
        " FROM events e JOIN (SELECT unnest(?) AS doc_id, unnest(?) AS sentence_idx) k"
        " USING (doc_id, sentence_idx) ORDER BY e.trigger_start, e.event_id",
        list(keys),
    ).fetchall():
        columns = ("event_id", "source_name", "cameo_code", "target_name", "quad_class")
        columns += ("modality", "date_start", "date_end", "trigger")
        event = dict(zip(columns, row[2:], strict=True))
        event["href"] = f"/events/{event['event_id']}"
        events.setdefault((row[0], row[1]), []).append(event)
    rows = []
    for hit in hits.rows:
        key = (hit["doc_id"], hit["idx"])
        if key not in found:
            continue  # gone since the index was refreshed
        _, idx, text, title, published, outlet = found[key]
        rows.append(
            {
                "doc_id": hit["doc_id"],
                "idx": idx,
                "text": text,
                "matched": matches(text, terms),
                "score": hit["score"],
                "href": f"/documents/{quote(hit['doc_id'], safe='')}#{sentence_anchor(idx)}",
                "title": title,
                "published": published,
                "outlet": outlet,
                "events": events.get(key, []),
            }
        )
    return rows


def _actor_rows(ranked: list[dict[str, Any]], terms: set[str]) -> list[dict[str, Any]]:
    return [
        {
            "name": a["name"],
            "type": a.get("type"),
            "country": a.get("country"),
            "cameo": a.get("cameo"),
            "events": a["events"],
            "matched": matches(a["name"], terms),
            "score": a["score"],
            "href": f"/actors/{quote(a['name'], safe='')}",
        }
        for a in ranked
    ]


def _document_rows(con: Connection, hits: Hits, terms: set[str]) -> list[dict[str, Any]]:
    if not hits.rows:
        return []
    found = {
        row[0]: row
        for row in con.execute(
            "SELECT doc_id, title, published, outlet, n_events FROM documents WHERE doc_id IN ?",
            [[h["doc_id"] for h in hits.rows]],
        ).fetchall()
    }
    return [
        {
            "doc_id": h["doc_id"],
            "title": found[h["doc_id"]][1],
            "published": found[h["doc_id"]][2],
            "outlet": found[h["doc_id"]][3],
            "events": found[h["doc_id"]][4],
            "matched": matches(found[h["doc_id"]][1] or "", terms),
            "matched_id": matches(h["doc_id"], terms),
            "score": h["score"],
            "href": f"/documents/{quote(h['doc_id'], safe='')}",
        }
        for h in hits.rows
        if h["doc_id"] in found
    ]


QueryText = Query(
    "",
    max_length=MAX_QUERY,
    description='Words to look for (any; the more the better), "a phrase", -excluded, +required.',
)


@router.get("/api/search", tags=["search"])
def api_search(request: Request, con: Con, page: Page, q: str = QueryText) -> dict[str, Any]:
    """Sentences (a page of them, with their events), actors and documents matching `q`,
    each ranked by BM25; `matched` gives the character spans of the matched words."""
    words = q.strip()
    if not words:
        empty = {"total": 0, "hits": []}
        return {"query": "", "terms": [], "sentences": empty, "actors": empty, "documents": empty}
    found = search(con, search_index(request, con), words, page)
    later = page.offset + page.limit < found["sentences"]["total"]
    next_offset = page.offset + page.limit
    url = request.url.remove_query_params("page").include_query_params(offset=next_offset)
    # relative to the server: a link built from the Host header sends a client anywhere
    found["next"] = str(url.replace(scheme="", netloc="")) if later else None
    return found


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, con: Con, page: Page, q: str = QueryText) -> HTMLResponse:
    """The hits of `q`, each a link: an actor to its page, a document to its page, a
    sentence to its place in its document; the matched words marked."""
    words = q.strip()
    found = search(con, search_index(request, con), words, page) if words else None
    if found:
        for hit in found["sentences"]["hits"]:
            hit["html"] = _marked(hit["text"], hit["matched"])
        for hit in found["actors"]["hits"]:
            hit["html"] = _marked(hit["name"], hit["matched"])
        for hit in found["documents"]["hits"]:
            hit["html"] = _marked(hit["title"] or "", hit["matched"])
            hit["id_html"] = _marked(hit["doc_id"], hit["matched_id"])
    total = found["sentences"]["total"] if found else 0
    return render(
        request,
        "search.html",
        q=words,
        search_q=words,
        found=found,
        page=page,
        nav=pager(request, page, total),
    )


def _marked(text: str, spans: list[tuple[int, int]]) -> Markup:
    """The text escaped, each matched word in a <mark class="match">."""
    return marked_html(text, [Mark(s, e, "match") for s, e in spans])
