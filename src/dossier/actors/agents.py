"""Generic agents: "police arrested", "militants attacked", "opposition groups in Zimbabwe".

A role noun of `sectors.yaml` marked as an agent names a country's sector even with no
country word before it (the `groups` pass reads "Egyptian police" and "soldiers from
Chad"; this one reads what is left). Its country is, in order:

1. the place or country of its of/in/at phrase: "police in Lagos" (a city, through the
   gazetteer), "opposition groups in Zimbabwe", "students at Cairo University";
2. else, for an agent that acts in its own country (police, courts, students,
   protesters, rebels, gunmen: not armies, officials or refugees), the country of the
   place its verb says it acts in ("Police made arrests in the Kenyan town of
   Garissa"), marked `country_inferred`;
3. else the article's main country, and the entity is marked `country_inferred`: the
   dateline's country ("LAGOS, Nigeria (Reuters) -"), else the country mentioned at
   least twice as often as any other, else the country of the first sentence's
   subject when it is one of the two mentioned most ("Kenya launched an operation
   against al-Shabab" in a story that names Somalia more);
4. else nothing: "protesters" in an article with no main country stay uncoded.

A noun that modifies another ("police station", "army base", "troop withdrawal") is no
actor: the phrase names a place or a thing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dossier.actors.agent_nouns import ARMED_SECTORS, agent_word, armed_group, head_forms
from dossier.actors.dateline import DATELINE
from dossier.gazetteer import city_country
from dossier.knowledge.actors import Country, Sector
from dossier.nlp import sentences_back

if TYPE_CHECKING:
    from dossier.actors.scan import DocumentResolver
    from dossier.actors.table import Found, Ref

AGENT_POS = frozenset({"NOUN", "PROPN"})
# A noun in these relations modifies another noun: "police station", "army base".
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# "police in Lagos", "opposition groups in Zimbabwe", "students at Cairo University".
PLACE_LINKS = frozenset({"in", "of", "from", "at", "across", "inside", "throughout", "near"})
# Words before the head that belong to the agent's phrase ("riot police", "security forces").
PHRASE_DEPS = frozenset({"compound", "amod"})
PLACE_TYPES = frozenset({"COUNTRY", "LOCATION", "ORGANIZATION"})
# Who may own an agent: "Mahathir's government", "the government of Malaysia".
OWNER_TYPES = PLACE_TYPES | {"PERSON"}
# Modifiers saying the agent is not the article's country's: "international forces",
# "foreign troops" (on 60 VOA stories, "international forces" had become Afghan troops).
FOREIGN_WORDS = frozenset(
    {"international", "foreign", "western", "multinational", "allied", "coalition", "peacekeeping"}
)
MIN_MAIN_MENTIONS = 2
# Agents that act in their own country: police, courts, parliaments, students, workers,
# farmers, protesters and opposition, civilians, rebels and unidentified gunmen.
DOMESTIC_SECTORS = frozenset({"COP", "JUD", "LEG", "EDU", "LAB", "AGR", "OPP", "CVL", "REB", "UAF"})
ACTED_IN = frozenset({"in", "at", "across", "throughout", "inside"})
DEFINITE_WORDS = frozenset({"the", "these", "those"})
GROUP_LINKS = frozenset({"from", "of"})  # "gunmen from al-Shabab", "fighters of the RUF"
REPEAT_WINDOW = 3  # sentences back where "the officials" finds the officials named
DOMINANT_RATIO = 2


def resolve_agents(r: DocumentResolver) -> None:
    """Mentions for every agent noun no earlier pass explained."""
    main = dominant_country(r)
    for token in r.tokens:
        found = _agent_at(r, token)
        if found is None:
            continue
        first, sector = found
        group = _armed_group_meant(r, token, sector)
        if group is not None:
            r.mention(r.tokens[first].idx, token.idx + len(token.text), group)
            continue
        said = _linked_country(r, token)
        country = said or _country_where_it_acts(r, token, sector)
        earlier = _told_before(r, token, sector) if country is None else None
        if earlier is not None:
            r.mention(r.tokens[first].idx, token.idx + len(token.text), earlier)
            continue
        inferred = said is None  # from the place it acts in, or the article's main country
        if inferred and sector.international:
            ref = r.table.international_group(sector.code, sector.label)
            r.mention(r.tokens[first].idx, token.idx + len(token.text), ref)
            continue
        if inferred and any(t.lower_ in FOREIGN_WORDS for t in token.children):
            continue  # "international forces": not the main country's, and no other said
        country = country or main
        if country is None:
            continue  # no country in the sentence, none for the article: left uncoded
        ref = r.table.group(country, sector.code, _label(r, sector), inferred=inferred)
        r.mention(r.tokens[first].idx, token.idx + len(token.text), ref)


def _agent_at(r: DocumentResolver, head: Token) -> tuple[int, Sector] | None:
    """(first token, sector) of the agent phrase `head` ends, if it is one."""
    if head.pos_ not in AGENT_POS or head.dep_ in MODIFIER_DEPS or r.claimed[head.i]:
        return None
    if head.ent_type_ and head.ent_type_ not in {"NORP"} and not _lone_agent_word(r, head):
        return None  # part of a name spaCy found ("Police Service of Northern Ireland")
    first = head.i
    while first > 0 and _belongs_to_phrase(r, r.tokens[first - 1], head):
        first -= 1
    for begin in range(first, head.i + 1):  # the longest phrase with a sector wins
        sector = _agent_sector(r, begin, head)
        if sector is not None:
            return begin, sector
    return None


def _armed_group_meant(r: DocumentResolver, head: Token, sector: Sector) -> Ref | None:
    """The armed group a fighters' noun names: the one its modifier or its from/of
    phrase names ("al-Shabab terrorists", "Houthi rebels", "gunmen from the Baloch
    Liberation Army"), else, with no place said, the one armed group the
    article has named before it ("the militants" after al-Shabab)."""
    if sector.code not in ARMED_SECTORS:
        return None
    for child in _group_words(head):
        if r.claimed[child.i]:
            mention = r.table.mention_at(child.idx)
            if mention is not None and armed_group(r.table.facts[mention.ref]):
                return mention.ref
    if _linked_country(r, head) is not None:
        return None
    named = {
        ref
        for ref, facts in r.table.facts.items()
        if ref.kind not in {"person", "group"}  # named by a name, not "terrorists"
        and armed_group(facts)
        and not facts.country_inferred
        and any(m.start < head.idx for m in facts.mentions)
    }
    return next(iter(named)) if len(named) == 1 else None


def _group_words(head: Token) -> list[Token]:
    """The words that may name a fighters' group: its modifiers, and the object of its
    from/of phrase."""
    words = [c for c in head.children if c.dep_ in PHRASE_DEPS]
    for link in head.children:
        if link.dep_ == "prep" and link.lower_ in GROUP_LINKS:
            words += [c for c in link.children if c.dep_ == "pobj"]
    return words


def _told_before(r: DocumentResolver, head: Token, sector: Sector) -> Ref | None:
    """'The officials also said ...' after 'Iraqi officials said ...': a definite agent
    noun with no country of its own is the one group named by the same noun, with its
    country said, in its sentence or the REPEAT_WINDOW before; none when the noun named
    groups of two countries there ("Iraqi officials and U.S. officials")."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE_WORDS for c in head.children):
        return None
    if any(c.dep_ in MODIFIER_DEPS or c.dep_ == "poss" for c in head.children):
        return None  # "the Mahathir administration" is named by its own words
    low = r.tokens[sentences_back(head, REPEAT_WINDOW)].idx
    found = {
        ref
        for ref, facts in r.table.facts.items()
        if ref.kind == "group"
        and not facts.country_inferred
        and (facts.cameo or "").endswith(sector.code)
        and any(low <= m.start < head.idx and _same_noun(r, m, head) for m in facts.mentions)
    }
    return found.pop() if len(found) == 1 else None


def _same_noun(r: DocumentResolver, mention: Found, head: Token) -> bool:
    """Whether the mention ends in the head's noun ("Iraqi officials" for "the
    officials"), or modifies it ("U.S." of "U.S. and Iraqi officials")."""
    nouns = {head.lower_, head.lemma_.lower()}
    last = mention.text.split()[-1:] if mention.text else []
    if last and last[0].lower() in nouns:
        return True
    span = r.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    governor = span.root.head
    while governor.dep_ == "conj" and governor.head is not governor:
        governor = governor.head
    return governor.i > span.root.i and governor.lemma_.lower() in nouns


def _lone_agent_word(r: DocumentResolver, head: Token) -> bool:
    """A capitalised agent noun that spaCy alone made a name of, as it does at the start
    of a sentence or after a dateline ("NAIROBI — Gunmen attacked ...")."""
    alone = head.ent_iob_ == "B" and (
        head.i + 1 == len(r.doc) or r.tokens[head.i + 1].ent_iob_ != "I"
    )
    return alone and agent_word(r.kb, head)


def _belongs_to_phrase(r: DocumentResolver, token: Token, head: Token) -> bool:
    return (
        not r.claimed[token.i]
        and token.dep_ in PHRASE_DEPS
        and token.head.i <= head.i
        and token.pos_ in {"NOUN", "ADJ", "PROPN"}
        and not token.ent_type_
    )


def _agent_sector(r: DocumentResolver, begin: int, head: Token) -> Sector | None:
    """The sector of tokens begin..head, if the phrase or its head noun is an agent noun."""
    words = [t.text for t in r.doc[begin : head.i]]
    forms = head_forms(head)
    head_is_agent = any(r.kb.is_agent_noun(form) for form in forms)
    for last in forms:
        phrase = " ".join([*words, last])
        sector = r.kb.sector_of(phrase)
        if sector is not None and (head_is_agent or r.kb.is_agent_noun(phrase)):
            return sector
    return None


def _label(r: DocumentResolver, sector: Sector) -> str:
    known = next((s.label for s in r.kb.sectors if s.code == sector.code), None)
    return known or sector.label


def _linked_country(r: DocumentResolver, head: Token) -> Country | None:
    """The country of the place the agent's of/in/at phrase names ("police in Lagos"),
    or of the person or country that owns it ("Mahathir's government", "the government
    of Prime Minister Mahathir")."""
    for link in head.children:
        if link.dep_ == "poss":
            country = _country_of_token(r, link, OWNER_TYPES)
            if country is not None:
                return country
        if link.dep_ != "prep" or link.lower_ not in PLACE_LINKS:
            continue
        types = OWNER_TYPES if link.lower_ == "of" else PLACE_TYPES
        for place in link.children:
            if place.dep_ == "pobj":
                country = _country_of_token(r, place, types)
                if country is not None:
                    return country
    return None


def _country_where_it_acts(r: DocumentResolver, head: Token, sector: Sector) -> Country | None:
    """The country of the place where a domestic agent acts, told with its verb or its
    verb's object: "Police made arrests in the Kenyan town of Garissa", "students
    marched in Tehran". Police, courts, students and protesters act in their own
    country; armies, officials and refugees often abroad, so they take none from it."""
    if sector.code not in DOMESTIC_SECTORS or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = head.head
    phrases = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for word in phrases:
        for link in word.children:
            if link.dep_ != "prep" or link.lower_ not in ACTED_IN:
                continue
            for place in link.children:
                country = _place_country(r, place) if place.dep_ == "pobj" else None
                if country is not None:
                    return country
    return None


def _place_country(r: DocumentResolver, place: Token) -> Country | None:
    """The country of a place phrase: its own word, a country word before it ("the
    Kenyan town"), or the place its "of" names ("the town of Garissa")."""
    words = [place, *(c for c in place.children if c.dep_ in PHRASE_DEPS)]
    words += [o for c in place.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    for word in words:
        country = _country_of_token(r, word)
        if country is not None:
            return country
    return None


def _country_of_token(
    r: DocumentResolver, token: Token, types: frozenset[str] = PLACE_TYPES
) -> Country | None:
    """The country of the entity of `types` a token is part of, or of the city it names."""
    for facts in r.table.facts.values():
        if facts.type not in types or facts.country_inferred:
            continue
        if any(m.start <= token.idx < m.end for m in facts.mentions):
            if facts.country:
                return r.kb.country(facts.country)
            return _city_country(r, facts.name) if facts.type == "LOCATION" else None
    return None


def main_country(r: DocumentResolver) -> Country | None:
    """The article's main country: its dateline's, else the one mentioned most often."""
    return _leading_country(r, lambda first, second: first > second)


def dominant_country(r: DocumentResolver) -> Country | None:
    """The main country when the article is plainly about it: its dateline's, else a
    country mentioned at least twice as often as any other, else the lede's country
    when it is one of the two mentioned most."""
    return _leading_country(r, lambda first, second: first >= DOMINANT_RATIO * second)


def _leading_country(r: DocumentResolver, ahead: Callable[[int, int], bool]) -> Country | None:
    """The dateline's country, else the most mentioned one (at least MIN_MAIN_MENTIONS)
    when its count is `ahead` of the next country's, else the lede's if it is one of
    the two; otherwise none."""
    dateline = dateline_country(r)
    if dateline is not None:
        return dateline
    ranked = _country_mentions(r).most_common(2)
    if not ranked or ranked[0][1] < MIN_MAIN_MENTIONS:
        return None
    if len(ranked) > 1 and not ahead(ranked[0][1], ranked[1][1]):
        lede = lede_country(r)
        return lede if lede is not None and lede.code in dict(ranked) else None
    return r.kb.country(ranked[0][0])


def lede_country(r: DocumentResolver) -> Country | None:
    """The country of the first sentence's subject, the one a news story leads with
    ("Kenya launched an operation against al-Shabab ...", "A Kenyan court has lifted
    ..."); none when the subject is two ("China and Malaysia are disagreeing")."""
    first = next(iter(r.doc.sents), None)
    if first is None:
        return None
    subjects = [t for t in first.root.children if t.dep_ in {"nsubj", "nsubjpass"}]
    if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
        return None
    return _country_of_token(r, subjects[0], OWNER_TYPES)


def _country_mentions(r: DocumentResolver) -> Counter[str]:
    """Mentions per country, of every entity (person, group, place) that has one."""
    counts: Counter[str] = Counter()
    for facts in r.table.facts.values():
        code = facts.country
        if code is None and facts.type == "LOCATION":
            city = _city_country(r, facts.name)
            code = city.code if city else None
        if code is not None and not facts.country_inferred:
            counts[code] += len(facts.mentions)
    return counts


def dateline_country(r: DocumentResolver) -> Country | None:
    """The country of a dateline opening the text: "LAGOS, Nigeria (Reuters) -"."""
    match = DATELINE.match(r.source)
    if match is None:
        return None
    for name in (match.group("region"), match.group("place")):
        if not name:
            continue
        name = name if not name.isupper() else name.title()
        form = r.kb.country_by_form(name)
        if form is not None and not form[0].region:
            return form[0]
        city = _city_country(r, name)
        if city is not None:
            return city
    return None


def _city_country(r: DocumentResolver, name: str) -> Country | None:
    code = city_country(name)
    return r.kb.country(code) if code else None
