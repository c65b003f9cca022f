"""Outlets that only report: an outlet is an actor only where it acts.

A mention of a news outlet (`outlets.yaml`) is marked *reporting* when the outlet only
tells of the story:

- a citation or byline: "(Reuters)", "TBILISI, Georgia (Reuters) -", a closing "REUTER";
- "according to the BBC", "reported by Reuters", "quoted by Xinhua";
- an interview: "told the BBC", "told Reuters", "speaking to the BBC", "in an interview
  with Al Jazeera";
- the subject of a verb of reporting whose content is something else: "Reuters
  reported that ...", "Xinhua said (that) ...", "..., the BBC reported", "Reuters quoted
  officials", "Xinhua cited a statement". Content about the outlet itself ("the BBC said
  it would appeal") is its own act.

A reporting mention stays a mention of the outlet's entity (the article names it), but
`ResolvedEntities.actor_at` gives no actor there, so no event takes the outlet for a
party. Any other use ("the BBC was banned", "China expelled the Reuters correspondent",
"Al Jazeera sued Israel") keeps the MED actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from dossier.actors.table import Found
from dossier.knowledge.outlets import OUTLETS_SOURCE

if TYPE_CHECKING:
    from dossier.actors.scan import DocumentResolver

# Verbs whose subject tells what happened; with report, quote and cite any object is
# content ("Reuters quoted officials"), the others need a clause.
REPORTING_VERBS = frozenset({"say", "report", "quote", "cite", "add", "write", "state"})
OBJECT_REPORTING_VERBS = frozenset({"report", "quote", "cite"})
INTERVIEW_VERBS = frozenset({"tell", "speak", "talk"})
INTERVIEW_NOUNS = frozenset({"interview", "interviews"})
CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SELF_WORDS = frozenset({"it", "its", "itself", "we", "our", "us"})
MAX_CITATION_TOKENS = 8


def reporting_mentions(r: DocumentResolver) -> frozenset[tuple[int, int]]:
    """The (start, end) characters of every outlet mention that only reports."""
    found = set()
    for ref, facts in r.table.facts.items():
        if ref.kind != "actor" or not _is_outlet(r, facts.name):
            continue
        for mention in facts.mentions:
            if mention.head is not None and _reports(r, mention):
                found.add((mention.start, mention.end))
    return frozenset(found)


def _is_outlet(r: DocumentResolver, name: str) -> bool:
    return any(actor.source == OUTLETS_SOURCE for actor in r.kb.lookup(name))


def _reports(r: DocumentResolver, mention: Found) -> bool:
    span = r.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if _cited(r, span.start, span.end) or _whole_sentence(span):
        return True
    phrase = _phrase_head(span.root)
    return _credited(phrase) or _interviewed(phrase) or _reporting_subject(phrase)


def _cited(r: DocumentResolver, start: int, end: int) -> bool:
    """Inside a short parenthesis: "(Reuters)", "(Reuters, AP, June 8-11)"."""
    before = range(start - 1, max(start - MAX_CITATION_TOKENS, 0) - 1, -1)
    after = range(end, min(end + MAX_CITATION_TOKENS, len(r.doc)))
    return _bracket(r, before) == "(" and _bracket(r, after) == ")"


def _bracket(r: DocumentResolver, indices: range) -> str | None:
    """The first parenthesis among the tokens at `indices`."""
    return next((r.tokens[i].text for i in indices if r.tokens[i].text in ("(", ")")), None)


def _whole_sentence(span: Span) -> bool:
    """A byline or sign-off standing alone: "REUTER" closing a story."""
    words = [t for t in span.sent if not (t.is_punct or t.is_space)]
    return bool(words) and all(span.start <= t.i < span.end for t in words)


def _phrase_head(token: Token) -> Token:
    """The word that carries the outlet's role: "the Xinhua news agency", "Reuters and
    the Washington Post" (the first conjunct)."""
    while token.dep_ in ("compound", "conj") and token.head is not token:
        token = token.head
    return token


def _credited(token: Token) -> bool:
    """ "according to the BBC", "reported by Reuters", "quoted by Xinhua"."""
    if token.dep_ != "pobj":
        return False
    link = token.head
    if link.lower_ == "to" and link.head.lower_ == "according":
        return True
    return link.lower_ == "by" and link.head.lemma_.lower() in REPORTING_VERBS


def _interviewed(token: Token) -> bool:
    """ "told the BBC", "speaking to Reuters", "in an interview with Al Jazeera"."""
    head = token.head
    if token.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell":
        return True
    if token.dep_ != "pobj":
        return False
    if head.lower_ == "to" and head.head.lemma_.lower() in INTERVIEW_VERBS:
        return True
    return head.lower_ == "with" and head.head.lower_ in INTERVIEW_NOUNS


def _reporting_subject(token: Token) -> bool:
    """The subject of a verb of reporting whose content is not about the outlet."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING_VERBS:
        return False
    clauses = [c for c in verb.children if c.dep_ in CONTENT_DEPS]
    if verb.dep_ in CONTENT_DEPS:  # "Iran attacked Iraq, Reuters reported"
        clauses.append(verb.head)
    if clauses:
        return not any(_about_itself(clause, token) for clause in clauses)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and verb.lemma_.lower() in OBJECT_REPORTING_VERBS


def _about_itself(clause: Token, outlet: Token) -> bool:
    """Content whose subject is the outlet ("the BBC said it would appeal")."""
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    return any(
        word.lower_ in SELF_WORDS or word.text == outlet.text
        for subject in subjects
        for word in subject.subtree
    )
