"""People: names with the title before them, full names first, then surnames.

A surname ("Putin", "Kim", or a name spaCy mislabels as an organisation: "Mamedov")
is the person of the document whose full name carries it and was mentioned most
recently before it (else the first one after it); only when the document names no
such person does the knowledge base answer, and only if exactly one person of that
name held an office on the day. spaCy labels one surname differently from sentence to
sentence: where it calls "Gachagua" a person once, its other mentions labelled a place
or an organisation are that person too (unless the word is a known place), and a
surname it leaves unlabelled ("Duterte personally welcomed the vaccines") is read like
a labelled one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from dossier.actors.not_persons import not_a_person
from dossier.actors.syntax import HONORIFICS, title_before, title_in_apposition
from dossier.actors.table import Ref
from dossier.gazetteer import city_country
from dossier.knowledge.actors import Actor, Country, phrase_key
from dossier.knowledge.phoenix import from_phoenix

if TYPE_CHECKING:
    from dossier.actors.scan import DocumentResolver

POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
SURNAME_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON"})
PAST_TITLE_WORDS = frozenset({"former", "ex", "ex-", "late", "then", "onetime", "one-time"})
FORMER_SECTOR = "ELI"  # CAMEO's elites: people out of office who still act


def resolve_people(r: DocumentResolver) -> None:
    full, single = _person_spans(r)
    for first, end, _ in full:
        _resolve_full(r, first, end)
    # spaCy's own person labels first, so a word it labels a place elsewhere finds them
    for first, end, from_person_ner in sorted(single, key=lambda item: not item[2]):
        _resolve_surname(r, first, end, from_person_ner)
    for i in _unlabelled_surnames(r):
        _resolve_surname(r, i, i + 1, False)


def _person_spans(
    r: DocumentResolver,
) -> tuple[list[tuple[int, int, bool]], list[tuple[int, int, bool]]]:
    """Token ranges of person names: (first, end, named a person by spaCy)."""
    spans: dict[tuple[int, int], bool] = {}
    for ent in r.doc.ents:
        trimmed = _trim(r, ent.start, ent.end)
        if trimmed is None:
            continue
        if ent.label_ == "PERSON" and not_a_person(r, ent, *trimmed):
            continue  # "Incirlik", "Taka": a base, a place, a currency
        text = r.text(trimmed[0], trimmed[1] - 1)
        known = [a for a in r.kb.lookup(text) if a.curated]
        country = r.kb.country_by_form(text) or r.kb.dictionary_country(text)
        if known and known[0].type not in {"PERSON", None} or country:
            continue  # "G-8" is a grouping and "Sri Lanka" a country, whatever spaCy says
        if ent.label_ == "PERSON" or (known and known[0].type == "PERSON"):
            spans[trimmed] = ent.label_ == "PERSON"
        elif ent.label_ in SURNAME_LABELS and trimmed[1] - trimmed[0] == 1:
            spans.setdefault(trimmed, False)
    for first, end in _names_after_titles(r):
        if not any(a < end and first < b for a, b in spans):
            spans[(first, end)] = True
    for first, end in _known_people(r):
        overlapping = [(a, b) for a, b in spans if a < end and first < b]
        if all(b - a < end - first for a, b in overlapping):  # the longer name wins
            for pair in overlapping:
                del spans[pair]
            spans[(first, end)] = True
    for start, end in r.surname_spans:
        span = r.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans.setdefault((span.start, span.end), True)
    ordered = sorted(spans.items())
    full = [(a, b, p) for (a, b), p in ordered if _words(r, a, b) > 1]
    single = [(a, b, p) for (a, b), p in ordered if _words(r, a, b) == 1]
    return full, single


def _names_after_titles(r: DocumentResolver) -> list[tuple[int, int]]:
    """Proper nouns right after a capitalised title ("Arnor President Umbardacil"), which
    spaCy sometimes reads as one organisation."""
    found = []
    for i, token in enumerate(r.doc):
        if not token.text[:1].isupper() or token.lower_ not in r.title_words:
            continue
        if i + 1 >= len(r.doc) or r.kb.title(token.text) is None or token.tag_ in {"NNS", "NNPS"}:
            continue
        end = i + 1
        while end < len(r.doc) and end - i <= 3 and _name_word(r, r.tokens[end]):
            end += 1
        if (
            end > i + 1
            and not r.kb.country_by_form(r.text(i + 1, end - 1))
            and not _organisation(r, i + 1, end)
        ):
            found.append((i + 1, end))
    return found


def _name_word(r: DocumentResolver, token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.lower_ not in r.title_words


def _organisation(r: DocumentResolver, first: int, end: int) -> bool:
    return any(a.type not in {"PERSON", None} for a in r.kb.lookup(r.text(first, end - 1)))


def _known_people(r: DocumentResolver) -> list[tuple[int, int]]:
    """Full names of people in the knowledge base that spaCy did not label (or labelled
    only in part: "Laurent Gbagbo" as "Gbagbo")."""
    found = []
    for i in range(len(r.doc)):
        if not r.name_begins(i):
            continue
        for end in range(min(len(r.doc), i + 5), i + 1, -1):
            if r.tokens[end - 1].is_punct or r.tokens[end - 1].is_space:
                continue
            text = r.text(i, end - 1)
            if r.kb.non_person(text) is None and any(_a_person(a) for a in r.kb.lookup(text)):
                found.append((i, end))
                break
    return found


def _a_person(actor: Actor) -> bool:
    """One of the project's people or of the shipped Phoenix dictionaries (which marks
    its leaders: `dossier.knowledge.phoenix`)."""
    return actor.type == "PERSON" and (actor.curated or from_phoenix(actor))


def _trim(r: DocumentResolver, first: int, end: int) -> tuple[int, int] | None:
    """A name's tokens without a leading article, title word or nationality or a trailing
    possessive."""
    while first < end and (
        r.tokens[first].lower_ in r.title_words
        or r.tokens[first].lower_ in {*HONORIFICS, "the"}
        or _demonym(r, first, end)
    ):
        first += 1
    while end > first and (r.tokens[end - 1].text in POSSESSIVE or r.tokens[end - 1].is_punct):
        end -= 1
    if first >= end or not r.name_begins(first):
        return None
    return first, end


def _demonym(r: DocumentResolver, i: int, end: int) -> bool:
    """ "Kenyan" in a name spaCy read as "Kenyan John Mwangi": a nationality, not a name."""
    form = r.form_at(i) if end - i > 2 else None
    return form is not None and form.form == "demonym" and r.tokens[i].text[:1].isupper()


def _words(r: DocumentResolver, first: int, end: int) -> int:
    return len(phrase_key(r.text(first, end - 1)).split())


def _resolve_full(r: DocumentResolver, first: int, end: int) -> None:
    text = r.text(first, end - 1)
    actors = [a for a in r.kb.lookup(text) if a.type in {"PERSON", None}]
    chosen = _preferred(actors)
    if chosen is not None:
        ref = r.table.actor(chosen, "PERSON", actors)
    else:
        words = text.replace("-", " ").split()
        ref = _longer_name_in_document(r, text, r.tokens[first].idx) or r.table.person(
            " ".join(text.split()), (words[0], words[-1])
        )
    _take_title(
        r, first, end, ref, learn=chosen is None, imported=bool(chosen and not chosen.curated)
    )
    _note_gender(r, first, ref)
    r.mention(r.tokens[first].idx, r.tokens[end - 1].idx + len(r.tokens[end - 1].text), ref)


def _resolve_surname(r: DocumentResolver, first: int, end: int, from_person_ner: bool) -> None:
    token = r.tokens[first]
    if r.claimed[first]:
        return
    ref = _person_in_document(r, token.text, token.idx)
    if ref is None:
        known = [a for a in r.kb.by_family_name(token.text) if a.role_at(r.day)]
        if len(known) == 1:
            ref = r.table.actor(known[0], "PERSON", [])
        elif not from_person_ner and not _known_place(r, token.text):
            ref = _single_name_person(r, token.text)
            if ref is None:
                return
        elif from_person_ner:
            ref = r.table.person(token.text, (token.text,))
        else:
            return
    _take_title(r, first, end, ref, learn=ref.kind == "person")
    _note_gender(r, first, ref)
    r.mention(token.idx, token.idx + len(token.text), ref)


def _person_in_document(r: DocumentResolver, surname: str, position: int) -> Ref | None:
    """The person named in full whose family name this is: latest before, else first after."""
    key = phrase_key(surname)
    before: tuple[int, Ref] | None = None
    after: tuple[int, Ref] | None = None
    for ref, facts in r.table.facts.items():
        if facts.type != "PERSON" or key not in {phrase_key(n) for n in facts.family_names}:
            continue
        for mention in facts.mentions:
            if len(mention.text.split()) < 2:
                continue
            if mention.start < position and (before is None or mention.start > before[0]):
                before = (mention.start, ref)
            if mention.start > position and (after is None or mention.start < after[0]):
                after = (mention.start, ref)
    chosen = before or after
    return chosen[1] if chosen else None


def _single_name_person(r: DocumentResolver, surname: str) -> Ref | None:
    """The unknown person spaCy labelled by this one word elsewhere in the document."""
    key = phrase_key(surname)
    for ref, facts in r.table.facts.items():
        if facts.type == "PERSON" and ref.kind == "person" and phrase_key(facts.name) == key:
            return ref
    return None


def _known_place(r: DocumentResolver, word: str) -> bool:
    return city_country(word) is not None or r.kb.country_by_form(word) is not None


def _unlabelled_surnames(r: DocumentResolver) -> list[int]:
    """Tokens spaCy left unlabelled that are the family name of a person the document
    names (in full, or by that one word elsewhere): a capitalised proper noun standing
    alone, not part of a longer name."""
    family = {
        phrase_key(name)
        for ref, facts in r.table.facts.items()
        if facts.type == "PERSON"
        and (ref.kind == "person" or any(len(m.text.split()) > 1 for m in facts.mentions))
        for name in facts.family_names
    }
    found = []
    for token in r.tokens:
        if token.ent_type_ or r.claimed[token.i] or token.pos_ != "PROPN":
            continue
        if not token.text[:1].isupper() or phrase_key(token.text) not in family:
            continue
        neighbours = [r.tokens[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(r.doc)]
        if any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
            continue  # "Duterte Administration", "Camp Mohamed": part of another name
        found.append(token.i)
    return found


def _longer_name_in_document(r: DocumentResolver, text: str, position: int) -> Ref | None:
    """'De Zeeuw' after 'Aart de Zeeuw': an unknown person's longer name ending in this one."""
    key = phrase_key(text)
    candidates = [
        (mention.start, ref)
        for ref, facts in r.table.facts.items()
        if facts.type == "PERSON" and phrase_key(facts.name).endswith(" " + key)
        for mention in facts.mentions
        if mention.start < position
    ]
    return max(candidates, key=lambda pair: pair[0])[1] if candidates else None


def _note_gender(r: DocumentResolver, first: int, ref: Ref) -> None:
    """'Ms Gavron', 'Lord Falconer': an honorific before a name says who 'she' or 'he' is."""
    if first == 0:
        return
    gender = HONORIFICS.get(r.tokens[first - 1].lower_)
    facts = r.table.facts[ref]
    if gender and facts.gender is None:
        facts.gender = gender


def _take_title(
    r: DocumentResolver, first: int, end: int, ref: Ref, learn: bool, imported: bool = False
) -> None:
    """Claim the title before a name (or in apposition to it); for someone unknown, learn
    country, code and role from it. For someone known only to an imported dictionary, a
    current title with a country ("Hungarian Prime Minister Viktor Orban") is the text's
    own evidence for the day and replaces the dictionary's code, whose dates stop where
    its editors stopped."""
    found = title_before(r.doc, first, r.kb, r.title_words) or title_in_apposition(
        r.doc, first, end, r.kb
    )
    if found is None:
        return
    if found.organisation is not None:
        start, stop, actor = found.organisation
        if r.free(start, stop):
            r.mention(start, stop, r.table.actor(actor, "ORGANIZATION", []))
    for i in range(found.start_token, found.end_token):
        r.claimed[i] = True
    former = _former(r, found.start_token, found.end_token)
    country = found.country or _country_after(r, end)
    facts = r.table.facts[ref]
    if found.member_of_organisation and found.organisation is not None and learn:
        organisation = found.organisation[2]
        code = organisation.code_at(r.day)
        facts.learn(country.code if country else None, code, found.role_text)
    elif imported and country and not former:
        facts.country, facts.cameo = country.code, country.cameo + found.title.sector
        facts.role = facts.role or found.role_text
    elif learn:
        sector = FORMER_SECTOR if former else found.title.sector
        if country is not None:
            facts.learn(country.code, country.cameo + sector, found.role_text)
        else:  # coded once the article's countries are known
            facts.learn(None, None, found.role_text)
            r.titled_sectors.setdefault(ref, sector)


def _country_after(r: DocumentResolver, end: int) -> Country | None:
    """The country of an of-phrase right after a name: "President Omar Haji of Gabon"."""
    if end + 1 >= len(r.doc) or r.tokens[end].lower_ != "of":
        return None
    form = r.form_at(end + 1)
    if form is None or form.form not in {"name", "demonym"} or form.country.region:
        return None
    return form.country


def _former(r: DocumentResolver, start: int, end: int) -> bool:
    """'former President ...', 'Former ...', 'the late ...': a title no longer held."""
    return any(r.tokens[i].lower_ in PAST_TITLE_WORDS for i in range(max(start - 1, 0), end))


def _preferred(actors: list[Actor]) -> Actor | None:
    curated = [a for a in actors if a.curated]
    return curated[0] if curated else (actors[0] if actors else None)
