"""People described by a role noun or a nationality: "Zimbabwean journalist Blessed
Mhlanga", "Blessed Mhlanga, a journalist with HStv", "Palestinian Mahmoud Khalil".

The groups and agents passes read the description as a group ("Media (Zimbabwe)"); the
person it describes is of that country and sector (ZWEMED), and the description's
words become a mention of the person. A nationality right before the name is the
person's country. Only for people the knowledge does not know and no title coded: a
known office holder keeps the office's code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from dossier.actors.table import EntityFacts, Found, Ref

if TYPE_CHECKING:
    from dossier.actors.scan import DocumentResolver

SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})


def resolve_described_people(r: DocumentResolver) -> None:
    for ref, facts in list(r.table.facts.items()):
        if ref.kind != "person" or not _without_role(r, facts):
            continue
        for mention in list(facts.mentions):
            _nationality_before(r, facts, mention)
        for mention in list(facts.mentions):
            description = _description_of(r, mention)
            if description is not None:
                _adopt(r, ref, facts, description)
                break


def _nationality_before(r: DocumentResolver, facts: EntityFacts, mention: Found) -> None:
    """ "Palestinian Mahmoud Khalil": the demonym's country, said of the person."""
    if facts.country and not facts.country_inferred:
        return
    name = _tokens(r, mention)
    first = name[0] if name else None
    if first is None or first.i == 0:
        return
    previous = r.tokens[first.i - 1]
    form = r.form_at(previous.i)
    if form is None or form.form != "demonym" or form.country.region:
        return
    if previous.head.i < first.i or previous.idx + len(previous.text) > mention.start:
        return
    facts.country, facts.country_inferred = form.country.code, False
    facts.cameo = form.country.cameo


def _without_role(r: DocumentResolver, facts: EntityFacts) -> bool:
    """No code, or a country's code alone ("ZWE"): nothing said their role yet."""
    if facts.cameo is None:
        return True
    country = r.kb.country(facts.country) if facts.country else None
    return country is not None and facts.cameo == country.cameo


def _description_of(r: DocumentResolver, mention: Found) -> Found | None:
    """A group mention right before the name ("Zimbabwean journalist Blessed Mhlanga") or
    in apposition to it ("Blessed Mhlanga, a journalist with HStv")."""
    name = _tokens(r, mention)
    if len(name) < 2:
        return None
    before = _group_mention_ending_at(r, name[0])
    if before is not None:
        return before
    head = max(name, key=lambda t: t.i) if name[-1].head in name else name[-1]
    for child in head.children:
        if child.dep_ == "appos" and child.tag_ in SINGULAR_NOUN_TAGS:
            found = _group_mention_at(r, child)
            if found is not None:
                return found
    return None


def _tokens(r: DocumentResolver, mention: Found) -> list[Token]:
    span = r.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _group_mention_ending_at(r: DocumentResolver, first: Token) -> Found | None:
    if first.i == 0:
        return None
    previous = r.tokens[first.i - 1]
    if previous.tag_ not in SINGULAR_NOUN_TAGS or previous.head.i < first.i:
        return None
    found = _group_mention_at(r, previous)
    return found if found is not None and found.end <= first.idx else None


def _group_mention_at(r: DocumentResolver, token: Token) -> Found | None:
    return r.table.mention_at(token.idx, kind="group")


def _adopt(r: DocumentResolver, ref: Ref, facts: EntityFacts, description: Found) -> None:
    """The person takes the group's sector, and its country unless a mention of their own
    said one ("Palestinian activist X, a journalist" stays Palestinian)."""
    group = r.table.facts[description.ref]
    own = r.kb.country(facts.country) if facts.country and not facts.country_inferred else None
    sector = (group.cameo or "")[3:]
    if own is not None and own.code != group.country and sector:
        facts.cameo = own.cameo + sector
    else:
        facts.country, facts.cameo = group.country, group.cameo
        facts.country_inferred = group.country_inferred
    facts.role = facts.role or group.role
    r.table.move(description, ref)
