"""Reading the parse: where a capital is a place and where it is a government, and
the title words before a name ("North Korean ambassador Pak Ui Chun").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dossier.gazetteer import place_country
from dossier.knowledge.actors import Actor, ActorKnowledge, Country, Title

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Prepositions that make their object a place: "talks in Pyongyang", "out of Moscow".
PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "outside", "throughout", "across", "around", "within"}
)
# "to"/"from"/"into" make a place only after a word of movement: "a visit to Pyongyang",
# but "a rebuff to Washington" is addressed to its government.
MOTION_PREPOSITIONS = frozenset({"to", "from", "for", "into", "toward", "towards", "via"})
MOTION_WORDS = frozenset(
    """visit trip travel go come fly arrive arrival return journey stopover move send head leave
    flight tour mission way drive sail relocate depart departure leave evacuate flee""".split()
)
# A capital modifying these nouns is its government ("Moscow-Pyongyang relations").
RELATION_NOUNS = frozenset({"relation", "relations", "tie", "ties", "cooperation", "rapprochement"})
TITLE_LINK_WORDS = frozenset(
    {"of", "for", "on", "and", "-", "general", "acting", "first", "deputy"}
)
# Words after a title that do not change the office sought or held: "Deputy President
# nominee Kithuri Kindiki", "Prime Minister-designate ...".
TITLE_QUALIFIERS = frozenset({"nominee", "designate", "elect", "candidate", "hopeful"})
# Honorifics before a name, and the gender each tells (for "he" and "she").
HONORIFICS = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m",
    "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f", "lady": "f", "dame": "f",
    "baroness": "f", "queen": "f", "princess": "f", "madam": "f",
}  # fmt: skip
# Words before an appositive title that are no part of it: "a Kurdish commander, ...".
ARTICLES = frozenset({"a", "an", "the"})


@dataclass
class TitleBefore:
    """The words before a name that give its bearer's title and country."""

    start_token: int
    end_token: int  # exclusive: the name's first token, or the end of an appositive title
    title: Title
    role_text: str
    country: Country | None
    organisation: tuple[int, int, Actor] | None = None  # character span and actor
    # The bearer belongs to the organisation and takes its code ("Taliban leader X" is
    # AFGREB, "UN envoy X" IGOUNO), not the country's plus the title's sector.
    member_of_organisation: bool = False


def capital_is_place(token: Token) -> bool:
    """True when a capital names where something happens rather than who acts."""
    if _based_in(token):
        return True
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ == "compound":
        return token.head.lower_ not in RELATION_NOUNS and token.head.lemma_ not in RELATION_NOUNS
    if token.dep_ != "pobj":
        return _place_by_position(token)
    prep = token.head
    word = prep.lower_
    if word == "of":
        return prep.head.lower_ == "out"
    if word in PLACE_PREPOSITIONS:
        return True
    return word in MOTION_PREPOSITIONS and prep.head.lemma_.lower() in MOTION_WORDS


def _based_in(token: Token) -> bool:
    """ "a Mogadishu-based group", "the Washington-based think tank": where it sits."""
    doc = token.doc
    after = doc[token.i + 1 : token.i + 3]
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ == "based"


def _place_by_position(token: Token) -> bool:
    """When the parse goes astray ("to Beijing and Putin's arrival"): the words before decide."""
    doc = token.doc
    previous = doc[token.i - 1] if token.i > 0 else None
    if previous is None:
        return False
    if previous.lower_ in PLACE_PREPOSITIONS:
        return True
    window = doc[max(0, token.i - 6) : token.i - 1]
    return previous.lower_ in MOTION_PREPOSITIONS and any(
        t.lemma_.lower() in MOTION_WORDS for t in window
    )


def is_subject(token: Token) -> bool:
    """The token heads a subject, directly or as a conjunct or apposition of one."""
    if token.dep_ in SUBJECT_DEPS:
        return True
    if token.dep_ in {"conj", "appos", "compound"} and token.head is not token:
        return token.head.dep_ in SUBJECT_DEPS
    return False


def title_before(
    doc: Doc, first: int, knowledge: ActorKnowledge, words: frozenset[str]
) -> TitleBefore | None:
    """The title phrase ending right before token `first`, if there is one."""
    return _title_of(doc, _title_tokens(doc, first, words), knowledge, first)


def title_in_apposition(
    doc: Doc, first: int, end: int, knowledge: ActorKnowledge
) -> TitleBefore | None:
    """A singular title noun in apposition to the name at tokens first..end: "a Kurdish
    commander, Mazloum Abdi," or "Mazloum Abdi, the Kurdish commander,"."""
    name = doc[first:end].root
    if name.dep_ == "appos":
        noun = name.head
    else:
        noun = next((c for c in name.children if c.dep_ == "appos"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.tag_ == "NNS":
        return None
    if any(child.dep_ == "prep" for child in noun.rights):
        return None  # "the leader of North Korea, Kim Jong-il": the office, read by `groups`
    start = noun.left_edge.i
    while start < noun.i and doc[start].lower_ in ARTICLES:
        start += 1
    return _title_of(doc, list(range(start, noun.i + 1)), knowledge, noun.i + 1)


def _title_of(
    doc: Doc, tokens: list[int], knowledge: ActorKnowledge, end: int
) -> TitleBefore | None:
    """The longest title ending the tokens (a qualifier such as "nominee" aside), and the
    country the words before it name."""
    if not tokens:
        return None
    titled = tokens[:-1] if doc[tokens[-1]].lower_ in TITLE_QUALIFIERS else tokens
    for cut in range(len(titled)):
        text = _text(doc, titled[cut:])
        title = knowledge.title(text)
        if title is not None:
            country, organisation = _country_in(doc, titled[:cut], knowledge)
            member = False
            if country is None and organisation is None:
                organisation = _member_organisation(doc, titled[:cut], knowledge)
                member = organisation is not None
                if member and organisation[2].country:
                    country = knowledge.country(organisation[2].country)
            return TitleBefore(tokens[0], end, title, text, country, organisation, member)
    return None


def _member_organisation(
    doc: Doc, tokens: list[int], knowledge: ActorKnowledge
) -> tuple[int, int, Actor] | None:
    """An organisation with a code of its own among a title's modifiers: an international
    body ("UN envoy"), an armed group or party of the dictionaries ("Taliban leader",
    "Hamas spokesman"). One word counts only as a proper noun."""
    for i in range(len(tokens)):
        for end in range(len(tokens), i, -1):
            if end - i == 1 and not (doc[tokens[i]].pos_ == "PROPN" or _acronym(doc[tokens[i]])):
                continue
            text = _text(doc, tokens[i:end])
            for actor in knowledge.lookup(text):
                if _own_code_organisation(actor, knowledge):
                    first, last = doc[tokens[i]], doc[tokens[end - 1]]
                    return first.idx, last.idx + len(last.text), actor
    return None


def _own_code_organisation(actor: Actor, knowledge: ActorKnowledge) -> bool:
    """An organisation coded by its own code (IGOUNO, AFGREB), not a person or a country."""
    if actor.type not in {None, "ORGANIZATION"} or actor.roles or not actor.codes:
        return False
    if any(p.start or p.end for p in actor.codes):
        return False  # dated codes: a person of the dictionaries
    code = actor.codes[0].code
    return not knowledge.is_country_code(code) and (actor.curated or actor.country is not None)


def _title_tokens(doc: Doc, first: int, words: frozenset[str]) -> list[int]:
    """Indices of the capitalised or title words right before `first`, skipping a parenthesis."""
    found: list[int] = []
    i = first - 1
    sentence_start = doc[first].sent.start
    while i >= sentence_start:
        token = doc[i]
        if token.text == ")":
            opening = next(
                (j for j in range(i - 1, sentence_start - 1, -1) if doc[j].text == "("), None
            )
            if opening is None:
                break
            i = opening - 1
            continue
        lower = token.lower_
        possessive = token.text in {"'s", "’s"} and i - 1 >= sentence_start
        qualifier = lower in TITLE_QUALIFIERS and i == first - 1
        if (
            possessive
            or qualifier
            or lower in words
            or (token.text[:1].isupper() and token.pos_ in {"PROPN", "NOUN", "ADJ"})
            or _acronym(token)  # "IS deputy leader", which the tagger may read as a verb
        ):
            found.insert(0, i)
            i -= 1
            continue
        break
    while found and doc[found[0]].lower_ in TITLE_LINK_WORDS - {
        "acting",
        "first",
        "deputy",
        "general",
    }:
        found.pop(0)
    return found


def _country_in(
    doc: Doc, tokens: list[int], knowledge: ActorKnowledge
) -> tuple[Country | None, tuple[int, int, Actor] | None]:
    """The country a title's modifiers name: a demonym, a country, or a national body's country."""
    for i in range(len(tokens)):
        for end in range(len(tokens), i, -1):
            text = _text(doc, tokens[i:end])
            form = knowledge.country_by_form(text)
            if form is not None and form[1] in {"name", "demonym"} and not form[0].region:
                return form[0], None
            imported = knowledge.dictionary_country(text)
            if imported is not None:
                return imported, None
            actors = [
                a
                for a in knowledge.lookup(text)
                if a.curated and a.country and a.type == "ORGANIZATION"
            ]
            if actors:
                first, last = doc[tokens[i]], doc[tokens[end - 1]]
                span = (first.idx, last.idx + len(last.text), actors[0])
                return knowledge.country(actors[0].country), span
    return _place_in(doc, tokens, knowledge), None


def _place_in(doc: Doc, tokens: list[int], knowledge: ActorKnowledge) -> Country | None:
    """The country of a province or city among a title's modifiers ("Balochistan Chief
    Minister"), if the parser named it: an ordinary capitalised word ("Health Minister")
    that some small town shares is left alone."""
    for i in range(len(tokens)):
        for end in range(len(tokens), i, -1):
            if not all(doc[j].ent_type_ for j in tokens[i:end]):
                continue
            code = place_country(_text(doc, tokens[i:end]))
            if code is not None:
                return knowledge.country(code)
    return None


def _acronym(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isalpha() and token.text.isupper()


def _text(doc: Doc, tokens: list[int]) -> str:
    if not tokens:
        return ""
    return doc[tokens[0] : tokens[-1] + 1].text
