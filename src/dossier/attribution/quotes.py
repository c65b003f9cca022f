"""Direct quotations and who said them.

A quotation's speaker is found in the dependency tree: from the words inside the
marks, up through their heads, to the first verb of saying ("said", "urged",
"was quoted as saying", "to deny"); its subject — or, for "compelled a diplomat to
deny", the object that controls it — names the speaker. A scare-quoted word or two
("“rogue” states", the “missile deal”) is a term: it only takes a speaker from a
verb of its own clause. A statement with no verb of saying in its sentence
continues the previous quotation of its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dossier.actors import ResolvedEntities
from dossier.nlp import doc_text
from dossier.record import Quote

QUOTE_PAIRS = re.compile(r"“([^“”]+)”|\"([^\"\n]+)\"|«([^«»]+)»")
TERM_MAX_WORDS = 3
SPEECH_VERBS = frozenset(
    """say tell add state declare announce urge call ask express comment deny insist warn
    note stress quote claim describe identify label brand term write report explain argue
    reply respond remark complain acknowledge admit vow promise pledge assert speak
    repeat charge accuse demand appeal reiterate confirm predict hope tell caution
    emphasize emphasise recall joke laugh shout cry answer testify""".split()
)
SUBJECTS = ("nsubj", "nsubjpass")
CONTROLLED = ("xcomp", "advcl", "pcomp", "acl")


@dataclass(frozen=True)
class _Found:
    quote: Quote
    paragraph: int
    has_speech_verb: bool


def find_quotes(doc: Doc, entities: ResolvedEntities) -> list[Quote]:
    """Every quotation in the document, with its speaker where the text says who."""
    found: list[_Found] = []
    for match in QUOTE_PAIRS.finditer(doc_text(doc)):
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        inner = doc.char_span(match.start(group), match.end(group), alignment_mode="expand")
        if inner is None or not inner.text.strip():
            continue
        found.append(_quote(doc, inner, match, group, entities))
    return _continue_speakers(found)


def _quote(doc: Doc, inner: Span, match: re.Match, group: int, entities) -> _Found:
    is_term = len(inner) <= TERM_MAX_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in inner)
    subject = _speaker_subject(inner, clause_only=is_term)
    speaker, speaker_entity, speaker_text = None, None, None
    if subject is not None:
        phrase = _phrase(subject)
        speaker_text = phrase.text
        entity = entities.at(subject.idx, subject.idx + len(subject)) or entities.at(
            phrase.start_char, phrase.end_char
        )
        if entity is not None:
            speaker, speaker_entity = entity.name, entity.id
    quote = Quote(
        text=match.group(group),
        speaker=speaker,
        speaker_entity=speaker_entity,
        speaker_text=speaker_text,
        kind="term" if is_term else "statement",
        start=match.start(group),
        end=match.end(group),
    )
    return _Found(quote, doc_text(doc).count("\n\n", 0, match.start()), subject is not None)


def _speaker_subject(inner: Span, clause_only: bool) -> Token | None:
    """The subject of the verb of saying that governs the quoted words, if any."""
    inside = set(range(inner.start, inner.end))
    for token in (t for t in inner if t.head.i not in inside):
        node = token.head
        while True:
            if node.lemma_.lower() in SPEECH_VERBS and node.pos_ in ("VERB", "AUX"):
                return _subject_of(node)
            if clause_only and any(c.dep_ in SUBJECTS for c in node.children):
                break  # a term takes its speaker only from its own clause
            if node.head.i == node.i:
                break
            node = node.head
    return None


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, or its controller: "compelled a diplomat to deny" → diplomat."""
    while True:
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject
        if verb.dep_ not in CONTROLLED or verb.head.i == verb.i:
            return None
        governor = verb.head
        controller = next((c for c in governor.children if c.dep_ == "dobj"), None)
        if controller is not None and verb.dep_ == "xcomp":
            return controller
        verb = governor


def _phrase(token: Token) -> Span:
    """The subject's noun phrase without trailing clauses."""
    doc = token.doc
    left = token.left_edge.i
    return doc[left : token.i + 1]


def _continue_speakers(found: list[_Found]) -> list[Quote]:
    """A speakerless statement takes the speaker of the quotation before it in its paragraph."""
    quotes: list[Quote] = []
    for position, item in enumerate(found):
        quote = item.quote
        previous = found[position - 1] if position else None
        if (
            quote.speaker is None
            and not item.has_speech_verb
            and quote.kind == "statement"
            and previous is not None
            and previous.paragraph == item.paragraph
            and quotes[-1].speaker is not None
        ):
            before = quotes[-1]
            quote = quote.model_copy(
                update={"speaker": before.speaker, "speaker_entity": before.speaker_entity}
            )
        quotes.append(quote)
    return quotes
