"""Entity typing sanity: a place, base, currency or unit is never a person.

spaCy sometimes types "Incirlik", "Diego Garcia", "Taka" or "SDR" PERSON. A span is no
person when

1. `not_persons.yaml` lists it (bases and other places, currencies, units; a listed
   name is never a person, whatever the context); or
2. the gazetteer knows it as a place (a city of some size or a country's subdivision,
   `dossier.gazetteer.place_country`) and nothing says it is a person: no person of
   the knowledge base has that name or surname, no longer person name of the document
   contains it ("Rubio" after "Marco Rubio"), no title or honorific stands before it,
   and it is not the subject of a verb of saying ("Austin said").

The people pass skips such spans; a base or place is then read as a place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from spacy.tokens import Span

from dossier.actors.quoted import SPEECH_VERBS
from dossier.actors.syntax import HONORIFICS
from dossier.gazetteer import place_country
from dossier.knowledge.actors import Country, phrase_key
from dossier.knowledge.phoenix import from_phoenix

if TYPE_CHECKING:
    from dossier.actors.scan import DocumentResolver


class Place(NamedTuple):
    name: str
    country: Country | None


def not_a_person(r: DocumentResolver, ent: Span, first: int, end: int) -> bool:
    """Whether the name at tokens first..end of a spaCy entity names no person."""
    text = r.text(first, end - 1)
    if r.kb.non_person(text) is not None:
        return True
    return place_country(text) is not None and not _person_evidence(r, ent, first, end)


def place_instead(r: DocumentResolver, ent: Span, text: str) -> Place | None:
    """The place a PERSON-typed span (`text`, its words without "the") names instead: a
    listed base or place, or a place of the gazetteer with nothing saying it is a
    person; None for currencies and units."""
    text = " ".join(text.split())
    listed = r.kb.non_person(text)
    if listed is not None:
        if not listed.is_place:
            return None
        return Place(text, r.kb.country(listed.country) if listed.country else None)
    code = place_country(text)
    if code is None or ent.label_ != "PERSON" or _person_evidence(r, ent, ent.start, ent.end):
        return None
    return Place(text, r.kb.country(code))


def _person_evidence(r: DocumentResolver, ent: Span, first: int, end: int) -> bool:
    text = r.text(first, end - 1)
    return (
        _known_person(r, text)
        or _in_longer_person_name(r, ent, text)
        or _titled(r, ent.start, first)
        or _says(r, end)
    )


def _known_person(r: DocumentResolver, text: str) -> bool:
    named = any(a.type == "PERSON" and (a.curated or from_phoenix(a)) for a in r.kb.lookup(text))
    return named or bool(r.kb.by_family_name(text))


def _in_longer_person_name(r: DocumentResolver, ent: Span, text: str) -> bool:
    """ "Rubio" where the document also names "Marco Rubio"."""
    words = phrase_key(text).split()
    for other in r.doc.ents:
        if other.label_ != "PERSON" or other == ent:
            continue
        longer = phrase_key(other.text).split()
        if len(longer) > len(words) and _contains(longer, words):
            return True
    return False


def _contains(longer: list[str], words: list[str]) -> bool:
    size = len(words)
    return any(longer[i : i + size] == words for i in range(len(longer) - size + 1))


def _titled(r: DocumentResolver, start: int, first: int) -> bool:
    """A title or honorific inside the entity before the name, or right before it."""
    before = [r.tokens[i] for i in range(max(start - 1, 0), first)]
    return any(t.lower_ in r.title_words or t.lower_ in HONORIFICS for t in before)


def _says(r: DocumentResolver, end: int) -> bool:
    """The name is the subject of a verb of saying ("Austin said")."""
    head = r.tokens[end - 1]
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEECH_VERBS
