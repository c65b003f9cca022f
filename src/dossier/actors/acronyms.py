"""Acronyms the text defines: "the Baloch Liberation Army, or BLA," / "the Baloch
Liberation Army (BLA)" / "BLA, the Baloch Liberation Army".

An all-capitals word right after a name (in parentheses, or after ", or") or right
before one (followed by ", the"), whose letters are the initials of that name's words,
names the same entity everywhere in the document: a later "the BLA" is the Baloch
Liberation Army. Whichever of the two the knowledge base codes gives the entity; if
neither or both, the spelled-out name does.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier.actors.table import Found, Ref
from dossier.knowledge.actors import phrase_key

if TYPE_CHECKING:
    from dossier.actors.scan import DocumentResolver

ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
# What lies between a name and the acronym after it: "Army (BLA)", "Army, or BLA".
NAME_THEN_ACRONYM = re.compile(r"\s*\(\s*|,\s*(?:or|also known as|known as)\s+")
# What lies between an acronym and the name after it: "BLA, the Baloch Liberation Army".
ACRONYM_THEN_NAME = re.compile(r",\s+(?:the\s+)?", re.IGNORECASE)
WORD_BREAKS = re.compile(r"[\s\-–]+")


def resolve_acronyms(r: DocumentResolver) -> None:
    for token in r.tokens:
        if not ACRONYM.fullmatch(token.text):
            continue
        named = _defined_name(r, token.idx, token.idx + len(token.text), token.text)
        if named is not None:
            _name_everywhere(r, token.text, named)


def _defined_name(r: DocumentResolver, start: int, end: int, acronym: str) -> Found | None:
    """The mention of a name the acronym at start..end spells, next to it in the text."""
    for facts in r.table.facts.values():
        for mention in facts.mentions:
            if mention.start == start or not initials_match(acronym, mention.text):
                continue
            if mention.end <= start and NAME_THEN_ACRONYM.fullmatch(r.source[mention.end : start]):
                return mention
            if end <= mention.start and ACRONYM_THEN_NAME.fullmatch(r.source[end : mention.start]):
                return mention
    return None


def initials_match(acronym: str, name: str) -> bool:
    """Whether the acronym is the initials of the name's capitalised words ("Tehrik-i-Taliban
    Pakistan": TTP) or of all its words ("Committee to Protect Journalists": CPJ)."""
    words = [w for w in WORD_BREAKS.split(name) if w and w.lower() != "the"]
    if len(words) < 2:
        return False
    capitalised = "".join(w[0] for w in words if w[0].isupper())
    every = "".join(w[0].upper() for w in words)
    return acronym in {capitalised, every}


def _name_everywhere(r: DocumentResolver, acronym: str, named: Found) -> None:
    """Every use of the acronym as a mention of the named entity (or the name as one of
    the acronym's, when only the acronym is coded)."""
    survivor = named.ref
    spelled_uncoded = not r.table.facts[named.ref].cameo
    for token in r.tokens:
        if token.text != acronym:
            continue
        start, end = token.idx, token.idx + len(token.text)
        current = _exact_mention(r, start, end)
        if current is None:
            if r.free(start, end):
                r.mention(start, end, survivor)
        elif current.ref != survivor:
            if spelled_uncoded and r.table.facts[current.ref].cameo:
                survivor = _adopt(r, named.ref, current.ref)
            else:
                r.table.move(current, survivor)


def _exact_mention(r: DocumentResolver, start: int, end: int) -> Found | None:
    for facts in r.table.facts.values():
        for mention in facts.mentions:
            if mention.start == start and mention.end == end:
                return mention
    return None


def _adopt(r: DocumentResolver, spelled: Ref, coded: Ref) -> Ref:
    """The spelled-out name, unknown, becomes a mention of the acronym the base codes."""
    key = phrase_key(r.table.facts[spelled].name)
    for mention in list(r.table.facts[spelled].mentions):
        if phrase_key(mention.text) == key:
            r.table.move(mention, coded)
    return coded
