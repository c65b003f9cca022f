"""Pronouns and definite nouns for countries, organisations and groups, after the people's.

Each resolved word becomes a mention of its antecedent's entity, and carries its code.
A wrong code is worse than none, so every rule gives nothing when in doubt:

- "it"/"its": the last singular grammatical subject before it, in its sentence or the
  two before ("Beijing has hinted that it could retaliate"). When that subject is a
  country, an organisation or a group, the pronoun is its entity; when it is anything
  else ("If the vote passes, it could ...") the pronoun is left alone. People are
  skipped (they are "he" and "she"), and an object "it" is never the subject of its
  own clause ("The group ... accusing it of ..."). Expletive "it" ("it is unclear",
  "it is expected that", "it seems") gets nothing.
- "they"/"them"/"their": the same, with the last plural subject, which must be a group
  or agent ("Militants said they released ...").
- "we"/"our"/"us" inside a quotation: the speaker's organisation or country (a
  country's official speaks for its government: "'We are making progress,' the
  finance minister said" → Government (Pakistan); a spokesperson coded with an
  international organisation's code speaks for the one organisation of that code the
  article names); nothing outside quotations or for a speaker who is neither
  (`dossier.actors.quoted`).
- "I"/"me"/"my" inside a quotation: the speaker, when a person the actors know.
- "the group", "the organization", "the government", ... with nothing before or after
  the noun: the most recent entity of a matching kind in its sentence or the three
  before ("... al-Shabab claimed responsibility. In a statement, the group said ...").
- "the Southeast Asian nation", "the oil-rich country": a described country is the
  last country that was a subject in its sentence or the three before (reporters
  describe the country the story is about, seldom the one last named: "Malaysia ...
  accused Beijing ... The Southeast Asian nation"), else the article's dominant country.

With no subject of the right number in reach, "it"/"they" take the most recent
matching entity of their own sentence.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dossier.actors.agent_nouns import armed_group
from dossier.actors.quoted import Quotation, quotation_at
from dossier.actors.table import EntityFacts, Ref

if TYPE_CHECKING:
    from dossier.actors.scan import DocumentResolver
    from dossier.knowledge.actors import Country

SINGULAR_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
FIRST_PERSON_PLURAL = frozenset({"we", "our", "us"})
FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "myself"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Collective nouns the tagger often calls singular that take "they": "the police said they".
PLURAL_NOUNS = frozenset({"police", "personnel", "people"})
# Subjects that stand for a noun elsewhere ("the group, which said") or for no entity.
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose", "what"})
# "it is unclear", "it was the army that", "it seems", "it remains to be seen", "it takes".
EXPLETIVE_VERBS = frozenset(
    {"be", "seem", "appear", "remain", "become", "happen", "matter", "take"}
)
# Singular role nouns for one person, beside the titles of titles.yaml.
PERSON_NOUNS = frozenset({"official", "diplomat", "source", "negotiator", "lawmaker", "officer"})
# Nouns that count or date rather than name: "on Monday", "two years", "9%".
COUNTED_ENTITIES = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
)
STATE_NOUNS = frozenset({"state", "nation"})
DESCRIBING_DEPS = frozenset({"case", "punct", "acl", "relcl"})
# Nouns a reporter describes a country by ("the Southeast Asian nation"), and the words
# such a description may have between "the" and the noun.
DESCRIBED_COUNTRY_NOUNS = frozenset({"nation", "country", "kingdom", "republic"})
DESCRIPTION_DEPS = frozenset(
    {"amod", "compound", "advmod", "npadvmod", "punct", "nmod", "quantmod"}
)
SUBJECT_WINDOW = 2  # previous sentences searched for a pronoun's subject
NOUN_WINDOW = 3  # previous sentences searched for a definite noun's antecedent
# Sectors a speaker's code may have for "we" to be their country's government or army.
SPEAKING_SECTORS = frozenset({"GOV", "MIL"})
MEDIA_SECTOR = "MED"
COMPANY_CODES = frozenset({"BUS", "MNC"})
COMPANY_WORDS = frozenset({"company", "corporation", "corp", "inc", "ltd", "plc"})


class GroupReferences:
    """The pass's state: which token belongs to which entity, and where sentences are."""

    def __init__(self, r: DocumentResolver, article_country: Country | None = None) -> None:
        self.r = r
        self.article_country = article_country
        self.sentence_of: list[int] = []
        self.sentences = [s for s in r.doc.sents]
        for number, sentence in enumerate(self.sentences):
            self.sentence_of += [number] * len(sentence)
        self.refs: dict[int, Ref] = {}  # token index → entity of a mention covering it
        self.mentions: list[tuple[int, Ref]] = []  # (head token index, entity), in order
        for ref, facts in r.table.facts.items():
            for mention in facts.mentions:
                self._note(mention.start, mention.end, ref)

    def _note(self, start: int, end: int, ref: Ref) -> None:
        span = self.r.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        for i in range(span.start, span.end):
            self.refs.setdefault(i, ref)
        insort(self.mentions, (span.root.i, ref), key=lambda pair: pair[0])

    def add(self, first: Token, last: Token, ref: Ref) -> None:
        start, end = first.idx, last.idx + len(last.text)
        self.r.mention(start, end, ref)
        self._note(start, end, ref)

    def facts(self, ref: Ref) -> EntityFacts:
        return self.r.table.facts[ref]

    # --- where to look -------------------------------------------------------------------
    def before(self, token: Token, window: int) -> range:
        """Token indices from the start of the window's first sentence up to the token."""
        number = self.sentence_of[token.i]
        first = number
        counted = 0
        while first > 0 and counted < window:
            first -= 1
            counted += any(t.is_alpha for t in self.sentences[first])  # blank lines aside
        return range(self.sentences[first].start, token.i)

    def ref_at(self, token: Token) -> Ref | None:
        """The entity of the token, or of a name in apposition or compound to it ("the
        Islamist militant group al-Shabab")."""
        if token.i in self.refs:
            return self.refs[token.i]
        names = (c for c in token.children if c.dep_ in {"appos", "compound", "flat"})
        return next((self.refs[c.i] for c in names if c.i in self.refs), None)


def resolve_group_references(r: DocumentResolver, article_country: Country | None = None) -> None:
    """Mentions for "it", "they", "we" in quotations and "the group", where free;
    `article_country` is the country the article is plainly about, if any."""
    state = GroupReferences(r, article_country)
    quotes = r.quotations()
    for token in r.tokens:
        if r.claimed[token.i]:
            continue
        ref, first = _referent(state, token, quotes), token
        if ref is None and token.i > 0:
            ref, first = definite_noun(state, token), r.tokens[token.i - 1]
        if ref is None and token.i > 0:
            ref, first = described_country(state, token)
        if ref is not None:
            state.add(first, token, ref)


def _referent(state: GroupReferences, token: Token, quotes: list[Quotation]) -> Ref | None:
    if token.pos_ != "PRON" or token.text.isupper() and len(token.text) > 1:
        return None  # "US" is the country, not "us"
    word = token.lower_
    if word in SINGULAR_PRONOUNS and not expletive(token):
        return subject_antecedent(state, token, plural=False)
    if word in PLURAL_PRONOUNS:
        return subject_antecedent(state, token, plural=True)
    if word in FIRST_PERSON_PLURAL | FIRST_PERSON_SINGULAR:
        quote = quotation_at(quotes, token.idx)
        if quote is None or quote.speaker is None:
            return None
        if word in FIRST_PERSON_SINGULAR:
            return speaker_self(state, quote.speaker)
        return speaker_body(state, quote.speaker)
    return None


# --- "it" and "they" ------------------------------------------------------------------------
def expletive(token: Token) -> bool:
    """'it is unclear', 'it was the army that', 'it is expected that', 'it seems': an "it"
    that stands for no entity."""
    if token.lower_ != "it" or token.dep_ == "expl":
        return token.dep_ == "expl"
    head = token.head
    if token.dep_ == "nsubj":
        lemma = "be" if head.text.replace("’", "'") == "'s" else head.lemma_.lower()
        return lemma in EXPLETIVE_VERBS or head.pos_ == "ADJ"  # the tagger misreads "it’s"
    if token.dep_ == "nsubjpass":
        return any(c.dep_ in {"ccomp", "xcomp"} for c in head.children)
    return False


def subject_antecedent(state: GroupReferences, token: Token, plural: bool) -> Ref | None:
    """The entity of the last subject of the pronoun's number before it, if that subject is
    a country, organisation or group; None when the subject is something else."""
    own = _own_subject(token)
    excluded = state.ref_at(own) if own is not None else None
    for i in reversed(state.before(token, SUBJECT_WINDOW)):
        subject = state.r.tokens[i]
        if subject.dep_ not in SUBJECT_DEPS or i == getattr(own, "i", None):
            continue
        if _stands_for_another(subject):
            continue
        ref = None if _coordinated(subject) else state.ref_at(subject)
        if _a_person_named(state, subject, ref):
            continue  # people are "he" and "she", a quotation's "we" its speaker
        if ref is None and subject.pos_ == "PRON" and subject.lower_ not in _same_number(plural):
            continue  # "I", "you", "he": no rival for "it"
        if _plural(state, subject, ref) != plural or (ref is not None and ref == excluded):
            continue
        if ref is None or not _group_like(state, ref, plural) or _one_person_noun(state, subject):
            return None  # the subject is something else: "If the vote passes, it could ..."
        if _rival_between(state, subject, token, plural, own):
            return None
        return ref
    return _nearest_in_sentence(state, token, plural, own)


def _rival_between(
    state: GroupReferences, subject: Token, pronoun: Token, plural: bool, own: Token | None
) -> bool:
    """For "they"/"them"/"their" and an object "it", which often stand for the nearest
    noun rather than the subject ("... deported 40 Uyghurs ... arresting them", "the U.S.
    proposal to extend it"): a noun of the pronoun's number between the subject and the
    pronoun that is not the subject's entity leaves the pronoun alone."""
    if not plural and pronoun.dep_ not in OBJECT_DEPS:
        return False
    ref = state.ref_at(subject)
    for word in state.r.doc[subject.i + 1 : pronoun.i]:
        if word.pos_ not in {"NOUN", "PROPN"} or word.ent_type_ in COUNTED_ENTITIES:
            continue
        if (word.tag_ in PLURAL_TAGS) != plural or word.i == getattr(own, "i", None):
            continue
        if state.refs.get(word.i) != ref and not _the_country_itself(subject, word):
            return True
    return False


def _the_country_itself(modifier: Token, noun: Token) -> bool:
    """'the Pakistani state': a country word before "state" names the country."""
    return noun.i == modifier.head.i and noun.lower_ in STATE_NOUNS


def _own_subject(token: Token) -> Token | None:
    """The subject of the clause an object pronoun belongs to, which it cannot stand for
    ("the group ... accusing it"): the verb's, or for a participle its governor's."""
    if token.dep_ not in OBJECT_DEPS:
        return None
    verb = token.head.head if token.dep_ == "pobj" else token.head
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None or verb.head.i == verb.i:
            return subject
        verb = verb.head
    return None


def _a_person_named(state: GroupReferences, subject: Token, ref: Ref | None) -> bool:
    """A person the text names, or the speaker's "we": no rival for "it" and "they"."""
    if subject.lower_ in FIRST_PERSON_PLURAL:
        return True
    return ref is not None and (ref.kind == "person" or _a_person(state.facts(ref)))


def _one_person_noun(state: GroupReferences, subject: Token) -> bool:
    """A title or role noun for one person ("a spokesperson for the State Department
    told VOA it ...", which the agents pass may have made a government): the pronoun is
    more likely the body the person speaks for, so it is left alone."""
    if subject.tag_ in PLURAL_TAGS:
        return False
    return subject.lower_ in PERSON_NOUNS or state.r.kb.title(subject.text) is not None


def _stands_for_another(subject: Token) -> bool:
    """A relative pronoun or an expletive "it" names no entity of its own."""
    return subject.lower_ in RELATIVE_WORDS or expletive(subject)


def _same_number(plural: bool) -> frozenset[str]:
    return PLURAL_PRONOUNS if plural else SINGULAR_PRONOUNS


def _coordinated(subject: Token) -> bool:
    return any(c.dep_ == "conj" for c in subject.children)


def _plural(state: GroupReferences, subject: Token, ref: Ref | None) -> bool:
    """Whether the subject is plural: a coordination, a plural noun, or a group named by
    a plural role noun ("militants", "police"); countries and named bodies are singular
    ("the United States")."""
    if _coordinated(subject) or subject.lower_ in PLURAL_PRONOUNS:
        return True
    if ref is not None and ref.kind != "group":
        return _armed_group_told_as_many(state, subject, ref)
    return subject.tag_ in PLURAL_TAGS or subject.lower_ in PLURAL_NOUNS


def _armed_group_told_as_many(state: GroupReferences, subject: Token, ref: Ref) -> bool:
    """A named armed group headed by a plural noun ("Al-Shabab militants", "Taliban
    fighters") is one entity that a reporter calls "they"."""
    if ref.kind == "person" or subject.tag_ not in PLURAL_TAGS:
        return False
    return armed_group(state.facts(ref)) and subject.pos_ == "NOUN"


def _a_person(facts: EntityFacts) -> bool:
    return facts.type == "PERSON" and not armed_group(facts)


def _group_like(state: GroupReferences, ref: Ref, plural: bool) -> bool:
    """A country, organisation or group; for "they", a group named by a plural noun."""
    facts = state.facts(ref)
    if plural:
        return ref.kind == "group" or (ref.kind != "person" and armed_group(facts))
    armed = ref.kind != "person" and armed_group(facts)
    return facts.type in {"COUNTRY", "ORGANIZATION"} or armed


def _nearest_in_sentence(
    state: GroupReferences, token: Token, plural: bool, own: Token | None
) -> Ref | None:
    """With no subject in reach: the last matching entity of the pronoun's own sentence,
    other than its clause's subject."""
    start = token.sent.start
    excluded = state.ref_at(own) if own is not None else None
    for head, ref in reversed(state.mentions):
        if head >= token.i or ref == excluded:
            continue
        if head < start:
            break
        word = state.r.tokens[head]
        if _group_like(state, ref, plural) and _plural(state, word, ref) == plural:
            return None if _rival_between(state, word, token, plural, own) else ref
    return None


# --- "I" and "we" in a quotation ------------------------------------------------------------
def speaker_self(state: GroupReferences, speaker: Token) -> Ref | None:
    """'"I will not resign," the minister said': the speaker, a person the actors know."""
    ref = state.ref_at(speaker)
    if ref is None or state.facts(ref).type != "PERSON":
        return None
    return ref


def speaker_body(state: GroupReferences, speaker: Token) -> Ref | None:
    """The organisation or country a quotation's speaker speaks for: an organisation or
    country with a code itself; a person with the code of the one organisation of that
    code the article names, that organisation; a person coded as a country's government
    or army, that government or army; anyone else, nothing."""
    ref = state.ref_at(speaker)
    if ref is None or ref.kind == "place":
        return None
    facts = state.facts(ref)
    if not facts.cameo:
        return None
    if facts.type in {"COUNTRY", "ORGANIZATION"}:
        return ref
    if facts.type != "PERSON":
        return None
    named = _organisation_coded(state, facts.cameo)
    if named is not None or facts.country is None:
        return named
    country = state.r.kb.country(facts.country)
    if country is None or not facts.cameo.startswith(country.cameo):
        return None
    sector = facts.cameo[len(country.cameo) :][:3]
    if sector not in SPEAKING_SECTORS:
        return None
    return state.r.table.group(country, sector, state.r.sector_label(sector))


def _organisation_coded(state: GroupReferences, cameo: str) -> Ref | None:
    """The one organisation the document names with the speaker's own code ("Amnesty
    International spokesperson Jane Doe" speaks for Amnesty International, a Taliban
    leader for the Taliban)."""
    found = [
        ref
        for ref, facts in state.r.table.facts.items()
        if facts.type == "ORGANIZATION" and facts.cameo == cameo and ref.kind != "person"
    ]
    return found[0] if len(found) == 1 else None


# --- "the group", "the government" ---------------------------------------------------------
def definite_noun(state: GroupReferences, noun: Token) -> Ref | None:
    """'the group', 'the organization', ...: the most recent entity of a matching kind in
    the noun's sentence or the three before; the noun alone, with "the" before it and no
    other word belonging to it ("the group of experts", "the group al-Shabab" are not)."""
    match = DEFINITE_NOUNS.get(noun.lower_)
    article = state.r.tokens[noun.i - 1]
    if match is None or article.lower_ != "the" or article.head.i != noun.i:
        return None
    # "the group's leader" is fine, "the militant group" another phrase; a clause that
    # only describes it names nothing else ("The organization, led by Rasmussen, ...")
    if state.r.claimed[article.i] or any(
        c.i != article.i and c.dep_ not in DESCRIBING_DEPS for c in noun.children
    ):
        return None
    return _last_in_reach(state, noun, lambda head, ref: match(state, ref))


def _last_in_reach(
    state: GroupReferences, noun: Token, match: Callable[[int, Ref], Ref | None]
) -> Ref | None:
    """The latest mention before the noun, in its sentence or the NOUN_WINDOW before,
    that `match` (given the mention's head index and entity) turns into an entity."""
    window = state.before(noun, NOUN_WINDOW)
    for head, ref in reversed(state.mentions):
        if head >= noun.i:
            continue
        if head < window.start:
            break
        found = match(head, ref)
        if found is not None:
            return found
    return None


def described_country(state: GroupReferences, noun: Token) -> tuple[Ref | None, Token]:
    """'the Southeast Asian nation', 'the oil-rich country', 'the Gulf kingdom': the last
    country (or government's country) that was a subject in reach, else the dominant
    country of the article; and the phrase's first word. Only descriptions: every word
    before the noun a modifier that names no entity of its own ("the Chinese nation" is
    China by its own word)."""
    if noun.lower_ not in DESCRIBED_COUNTRY_NOUNS or noun.tag_ in PLURAL_TAGS:
        return None, noun
    words = [c for c in noun.lefts if c.dep_ != "case"]
    if not words or words[0].lower_ != "the" or len(words) < 2:
        return None, noun
    first = state.r.doc[words[0].i]
    phrase = state.r.doc[first.i : noun.i]
    if any(state.r.claimed[t.i] or t.i in state.refs for t in phrase) or any(
        t.dep_ not in DESCRIPTION_DEPS for t in phrase[1:]
    ):
        return None, noun

    def subject_country(head: int, ref: Ref) -> Ref | None:
        return _country(state, ref) if state.r.tokens[head].dep_ in SUBJECT_DEPS else None

    found = _last_in_reach(state, noun, subject_country)
    if found is None and state.article_country is not None:
        found = state.r.table.country(state.article_country)
    return found, first


def _organisation(state: GroupReferences, ref: Ref, bodies: bool = False) -> Ref | None:
    """A named organisation (known to the knowledge, or named by spaCy), not an outlet
    (VOA is seldom "the organization"); a country's body only when asked."""
    facts = state.facts(ref)
    kinds = {"actor", "other", "body"} if bodies else {"actor", "other"}
    if ref.kind not in kinds or (facts.cameo or "")[3:6] == MEDIA_SECTOR:
        return None
    return ref if facts.type == "ORGANIZATION" or armed_group(facts) else None


def _armed_group(state: GroupReferences, ref: Ref) -> Ref | None:
    """An armed group; not one of its members ("Taliban leader X" carries its code)."""
    return ref if ref.kind != "person" and armed_group(state.facts(ref)) else None


def _group(state: GroupReferences, ref: Ref) -> Ref | None:
    """'the group', 'the movement': an armed group, or an organisation other than a
    country's sector ("Rebels (Somalia)" is an armed group, "Government (Kenya)" none)."""
    return _armed_group(state, ref) or _organisation(state, ref)


def _named(word: str | frozenset[str]) -> Callable[[GroupReferences, Ref], Ref | None]:
    """An organisation whose name has the word: 'the agency' after the International
    Atomic Energy Agency."""
    words = frozenset({word}) if isinstance(word, str) else word

    def match(state: GroupReferences, ref: Ref) -> Ref | None:
        name = set(state.facts(ref).name.lower().replace(".", "").split())
        return _organisation(state, ref, bodies=True) if name & words else None

    return match


def _company(state: GroupReferences, ref: Ref) -> Ref | None:
    code = state.facts(ref).cameo or ""
    if code[:3] in COMPANY_CODES or code[3:6] in COMPANY_CODES:
        return _organisation(state, ref)
    return _named(COMPANY_WORDS)(state, ref)


def _country(state: GroupReferences, ref: Ref) -> Ref | None:
    """'the country': a country named, or the country of a government named."""
    facts = state.facts(ref)
    if facts.type == "COUNTRY":
        return ref
    country = _government_country(state, ref)
    return state.r.table.country(country) if country is not None else None


def _government(state: GroupReferences, ref: Ref) -> Ref | None:
    """'the government', 'the administration': a country's government named, or the
    government of a country named."""
    facts = state.facts(ref)
    if _government_country(state, ref) is not None:
        return ref
    country = state.r.kb.country(facts.country) if facts.type == "COUNTRY" else None
    if country is None or country.region:
        return None
    return state.r.table.group(country, "GOV", state.r.sector_label("GOV"))


def _government_country(state: GroupReferences, ref: Ref):
    """The country whose government the entity is ("Government (Kenya)", "Moscow")."""
    facts = state.facts(ref)
    if ref.kind != "group" or not facts.country or facts.country_inferred:
        return None
    country = state.r.kb.country(facts.country)
    if country is None or facts.cameo != country.cameo + "GOV":
        return None
    return country


DEFINITE_NOUNS: dict[str, Callable[[GroupReferences, Ref], Ref | None]] = {
    "group": _group,
    "movement": _group,
    "organization": _organisation,
    "organisation": _organisation,
    "militants": _armed_group,
    "rebels": _armed_group,
    "agency": _named("agency"),
    "company": _company,
    "ministry": _named("ministry"),
    "country": _country,
    "government": _government,
    "administration": _government,
}
