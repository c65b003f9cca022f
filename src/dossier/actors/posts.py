"""Ambassadors and envoys: "the Russian ambassador" is the one posted where the story is.

An office of kind ambassador or envoy is held at a post (`Role.post` in `people.yaml`:
a country, or an organisation's code such as IGOUNO). The post of "X's ambassador" is,
in order:

1. a phrase right after the title: "the Russian ambassador in Georgia", "Russia's
   ambassador to Georgia", "... to the United Nations", "... in Tbilisi" (a capital);
2. else the dateline ("TBILISI, Georgia (Reuters) -", "UNITED NATIONS (Reuters) -"),
   unless it is the ambassador's own country;
3. else none is told.

With a post, the holder is whoever held an office at that post on the day; when the
knowledge base knows nobody there, the mention is the country's government ("Government
(Russia)", RUSGOV) with no person name, never another post's holder. With no post told,
only a sole holder of such an office is chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.actors.agents import dateline_country
from dossier.actors.dateline import DATELINE
from dossier.actors.table import Ref
from dossier.knowledge.actors import POSTED_KINDS, Country, Title

if TYPE_CHECKING:
    from dossier.actors.scan import DocumentResolver

POST_LINKS = frozenset({"in", "to", "at"})
POST_FORMS = frozenset({"name", "capital"})
MAX_POST_TOKENS = 5


def is_posted(title: Title) -> bool:
    """Whether the title names an office held at a post ("ambassador", "envoy")."""
    return any(kind in POSTED_KINDS for kind in title.kinds)


def posted_holder(r: DocumentResolver, country: Country, title: Title, after: int) -> Ref:
    """The holder of `country`'s office of `title` at the post the text tells, else the
    country's government (see the module's rules)."""
    post = post_after(r, after) or dateline_post(r, country)
    holders = r.kb.holders(country.code, title.kinds, r.day, post)
    if len(holders) == 1 or (post is not None and holders):
        return r.table.actor(holders[0], "PERSON", [])
    return r.table.group(country, title.sector, r.sector_label(title.sector))


def post_after(r: DocumentResolver, i: int) -> str | None:
    """The post of an "in/to/at <country, capital or organisation>" phrase at token i."""
    if i >= len(r.doc) or r.tokens[i].lower_ not in POST_LINKS:
        return None
    start = i + 1
    if start < len(r.doc) and r.tokens[start].lower_ == "the":
        start += 1
    if start >= len(r.doc):
        return None
    form = r.form_at(start)
    if form is not None:
        return form.country.code if form.form in POST_FORMS and not form.country.region else None
    for end in range(min(len(r.doc), start + MAX_POST_TOKENS), start, -1):
        code = organisation_post(r, r.text(start, end - 1))
        if code is not None:
            return code
    return None


def organisation_post(r: DocumentResolver, text: str) -> str | None:
    """The code of an international organisation of that name ("United Nations" → IGOUNO)."""
    for actor in r.kb.lookup(text):
        codes = [p.code for p in actor.codes if p.code.startswith("IGO")]
        if actor.curated and codes:
            return codes[0]
    return None


def dateline_post(r: DocumentResolver, country: Country) -> str | None:
    """The post a dateline tells: its country, or an organisation ("UNITED NATIONS");
    none when the dateline is the ambassador's own country."""
    place = dateline_country(r)
    if place is not None:
        return place.code if place.code != country.code else None
    match = DATELINE.match(r.source)
    return organisation_post(r, match.group("place").title()) if match else None
