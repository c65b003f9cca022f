"""The passes that find and resolve every actor mention of one document, in order:

1. hyphenated pairs ("Russian-U.S.", "Moscow-Pyongyang"): one mention per side;
2. people: names with the title before them, full names before surnames;
3. offices named by title ("the Russian president" → whoever held it that day);
4. groups: a country word and a role noun ("Russian officials" → RUSGOV);
5. known names: organisations, outlets, countries, capitals and seats (metonymy);
6. what spaCy's NER still names (places, agreements, unknown organisations);
7. pronouns and "the two men";
8. "it", "they", "we" in quotations and "the group" for countries, organisations and
   groups (`group_coref`).

Each pass claims the tokens it explains, so a later pass never re-reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from dossier.actors.agent_nouns import agent_word
from dossier.actors.dateline import dateline_places
from dossier.actors.not_persons import place_instead
from dossier.actors.posts import is_posted, posted_holder
from dossier.actors.quoted import Quotation, quotations
from dossier.actors.syntax import capital_is_place
from dossier.actors.table import EntityTable, Found, Ref
from dossier.knowledge.actors import Actor, ActorKnowledge, Country, Title, phrase_key
from dossier.knowledge.outlets import OUTLETS_SOURCE
from dossier.knowledge.phoenix import from_phoenix
from dossier.record import EntityType


class CountryForm(NamedTuple):
    """A country named at a token: by which form ("name", "demonym", ...) and where the
    words end."""

    country: Country
    form: str
    end: int


class TitleMatch(NamedTuple):
    title: Title
    end: int


class GroupMatch(NamedTuple):
    """A group actor ("Russian officials") and the token index its words end or start at."""

    ref: Ref
    end: int


class NameMatch(NamedTuple):
    """Where a known name ends, and how to make its entity once the phrase's head is known."""

    end: int
    make_ref: Callable[[Token], Ref]


NER_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "GPE": "COUNTRY",
    "NORP": "COUNTRY",
    "ORG": "ORGANIZATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "LAW": "AGREEMENT",
}
POSSESSIVES = ("’s", "'s", "’", "'")
CAPITALISED_RUN = re.compile(r"(?<![\w.])[A-Z][\w.’']*(?:[ -][A-Z][\w.’']*)*")
MAX_FORM_TOKENS = 5
# The legal forms that end a company's name, and the CAMEO code of a company whose
# country is not known.
COMPANY_SUFFIXES = frozenset(
    {"corp", "corporation", "inc", "incorporated", "co", "ltd", "limited", "plc", "llc",
     "ag", "sa", "nv", "bv", "gmbh", "spa", "airlines", "airways", "holdings"}
)  # fmt: skip
BUSINESS = "BUS"
# The words that make an unknown organisation's name a non-governmental one ("the
# Nordic Press Freedom Foundation", "the Institute for War and Peace Reporting"): its
# country is not guessed, so the code is "NGO". Words that also head parties and
# fronts ("Alliance", "Movement", "League", "Union", "Congress") are left out.
NGO_NAME_WORDS = frozenset(
    {"foundation", "institute", "society", "association", "coalition", "network", "watch",
     "trust", "centre", "center", "forum", "initiative"}
)  # fmt: skip
CIVIL_SOCIETY = "NGO"
# Words that make such a name a state body's instead ("the National Hurricane Center").
STATE_NAME_WORDS = frozenset(
    {"national", "federal", "state", "royal", "government", "central", "public", "presidential",
     "parliamentary", "ministry", "municipal", "provincial", "county", "city"}
)  # fmt: skip
NAME_LINKS = frozenset({"of", "for", "on", "in"})
REGION_WORDS = frozenset(
    {"North", "South", "East", "West", "Central", "Latin", "Southeast", "Southwest",
     "Northeast", "Northwest", "Middle", "Sub-Saharan", "Pan"}
)  # fmt: skip
MAX_NAME_TOKENS = 8
CITY_FORMS = frozenset({"capital", "seat"})  # a capital or seat of government named
GROUP_WINDOW = 4
GROUP_WORD_POS = frozenset({"ADJ", "NOUN", "PROPN", "VERB"})
OUTLET_NER_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "GPE", "PERSON", "NORP"})
# The Arabic article and its spellings, written in lower case before a capitalised name
# ("al-Shabab", "el-Sisi"); the dictionaries spell them "Al-Shabab", and a lower-case
# particle is the only lower-case start a name may have.
LOWERCASE_PARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az)[-‐][A-Z]")


class DocumentResolver:
    """Resolves one parsed document against the knowledge base on one day."""

    def __init__(self, doc: Doc, knowledge: ActorKnowledge, day: date | None) -> None:
        self.doc = doc
        self.source = doc.text  # spaCy rebuilds Doc.text on every access
        self.kb = knowledge
        self.day = day
        self.table = EntityTable(knowledge, day)
        # The tokens, their texts and offsets, read once: spaCy builds a new Token object
        # each time a Doc is iterated or indexed, and the passes read every token often.
        self.tokens = list(doc)
        self.words = [token.text for token in self.tokens]
        self.starts = [token.idx for token in self.tokens]
        self.loose_ends = [_loose_end(token) for token in self.tokens]
        self.claimed = [False] * len(doc)
        self._claim_dateline()
        self._ner = _ner_by_token(doc)
        self.surname_spans: list[tuple[int, int]] = []
        self._quotations: list[Quotation] | None = None
        # Unknown people read with a title: the title's sector, coded once the article's
        # countries are known (`titled.resolve_titled_countries`).
        self.titled_sectors: dict[Ref, str] = {}
        self.title_words = knowledge.title_words

    def _claim_dateline(self) -> None:
        """No mention of the dateline's place: it says where the story was filed."""
        for start, end in dateline_places(self.source):
            for token in self.tokens:
                if token.idx >= end:
                    break
                if token.idx >= start:
                    self.claimed[token.i] = True

    # --- bookkeeping ---------------------------------------------------------------------
    def mention(self, start: int, end: int, ref: Ref) -> Found:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        found = Found(
            start, end, self.source[start:end], ref, span.root if span is not None else None
        )
        self.table.add(found)
        if span is not None:
            for i in range(span.start, span.end):
                self.claimed[i] = True
        return found

    def quotations(self) -> list[Quotation]:
        """The document's quotations and speakers, found once for the passes that read them."""
        if self._quotations is None:
            self._quotations = quotations(self.doc)
        return self._quotations

    def free(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and not any(self.claimed[i] for i in range(span.start, span.end))

    def text(self, first: int, last: int) -> str:
        """The document's text from token `first` to token `last`, inclusive."""
        return self.source[self.starts[first] : self.starts[last] + len(self.words[last])]

    def name_begins(self, i: int) -> bool:
        """Whether a name may begin at token i: a capital, or a lower-case particle joined
        to a capitalised word ("al-Qaeda"), never an ordinary lower-case word."""
        return self.words[i][:1].isupper() or bool(
            LOWERCASE_PARTICLE.match(self.source, self.starts[i])
        )

    def form_at(self, i: int) -> CountryForm | None:
        """The longest country name, demonym, capital or seat at token i: (country, kind, end)."""
        if not self.words[i][:1].isupper() or self.words[i].lower() == "the":
            return None
        if self._region_word_before(i):
            return None
        for end in range(min(len(self.doc), i + MAX_FORM_TOKENS), i, -1):
            if self.loose_ends[end - 1]:
                continue
            text = self.text(i, end - 1)
            found = self.kb.country_by_form(text)
            if found is not None:
                return CountryForm(found[0], found[1], end)
            imported = self.kb.dictionary_country(text)
            if imported is not None:
                return CountryForm(imported, "name", end)
        return None

    def _region_word_before(self, i: int) -> bool:
        """'South American', 'Latin American', 'the South China Sea': a country word after a
        region word names a region or a place, not the country. The names that begin
        with one ("South Africa", "North Korean") are matched whole from the word before."""
        return i > 0 and self.words[i - 1] in REGION_WORDS

    # --- 1. hyphenated pairs ---------------------------------------------------------------
    def pairs(self) -> None:
        for run in CAPITALISED_RUN.finditer(self.source):
            if "-" not in run.group(0):
                continue
            parts = _hyphen_parts(run.group(0), run.start())
            resolved = [
                self._pair_part(text, start, n, len(parts)) for n, (text, start) in enumerate(parts)
            ]  # every side must resolve, or the run is a name ("Anti-Ballistic", "Asia-Pacific")
            if len(parts) < 2 or any(r is None for r in resolved):
                continue
            for start, end, target in (part for part in resolved if part is not None):
                if target is not None:
                    self.mention(start, end, self._country_ref(*target, head=None))
                else:
                    self.surname_spans.append((start, end))

    def _pair_part(
        self, text: str, start: int, n: int, count: int
    ) -> tuple[int, int, tuple[Country, str] | None] | None:
        """One side of a hyphenated pair: (start, end, (country, kind)), or None for a surname.

        The first side may end a longer run ("South Korean-U.S."), the last may begin one.
        """
        words = text.split(" ")
        for cut in range(len(words)) if n == 0 else [0]:
            lengths = [len(words) - cut] if n == 0 else range(len(words), 0, -1)
            for length in lengths:
                piece = " ".join(words[cut : cut + length])
                offset = start + len(" ".join(words[:cut])) + (1 if cut else 0)
                form = self.kb.country_by_form(piece)
                if form is not None:
                    return offset, offset + len(piece), (form[0], form[1])
                if length == 1 and self.kb.by_family_name(piece):
                    return offset, offset + len(piece), None
        return None

    def _country_ref(self, country: Country, kind: str, head: Token | None) -> Ref:
        """A country form as an actor: the country, its government (metonymy) or a place."""
        if kind in {"name", "demonym"} or country.region:
            return self.table.country(country)
        if kind == "capital" and (
            head is not None and capital_is_place(head) or self._listed_place(country)
        ):
            return self.table.place(
                country.capitals[0] if country.capitals else country.name, country
            )
        return self.table.group(country, "GOV", self.sector_label("GOV"))

    def _listed_place(self, country: Country) -> bool:
        """A capital `not_persons.yaml` lists as a base ("Diego Garcia") is a place."""
        listed = self.kb.non_person(country.capitals[0]) if country.capitals else None
        return listed is not None and listed.is_place

    def sector_label(self, sector: str) -> str:
        """The printed label of a CAMEO sector ("Government"), or the code itself."""
        found = next((s.label for s in self.kb.sectors if s.code == sector), None)
        return found or sector

    # --- 3. offices named by title ----------------------------------------------------------
    def offices(self) -> None:
        i = 0
        while i < len(self.doc):
            form = self.form_at(i) if not self.claimed[i] else None
            if form is None or form[1] not in {"name", "demonym"}:
                i += 1
                continue
            country, _, end = form
            if end < len(self.doc) and self.tokens[end].text in POSSESSIVES:
                end += 1
            office = self.title_at(end)
            if office is None or self._sentence_starts(end, office.end):
                i += 1
                continue
            title, after = office
            title_text = self.text(end, after - 1)
            start_char, end_char = (
                self.tokens[i].idx,
                self.tokens[after - 1].idx + len(self.tokens[after - 1].text),
            )
            self.mention(start_char, end_char, self._holder(country, title, title_text, after))
            i = after

    def _sentence_starts(self, first: int, stop: int) -> bool:
        """A sentence opens in tokens first..stop: "China. The prime minister" names no
        Chinese office."""
        return any(self.tokens[j].is_sent_start for j in range(first, min(stop, len(self.doc))))

    def title_at(self, i: int) -> TitleMatch | None:
        """A singular title starting at token i and not followed by a name: (title, end)."""
        for end in range(min(len(self.doc), i + 4), i, -1):
            if any(self.claimed[j] for j in range(i, end)) or self.loose_ends[end - 1]:
                continue
            title = self.kb.title(self.text(i, end - 1))
            last = self.tokens[end - 1]
            if title is None or last.tag_ in {"NNS", "NNPS"}:
                continue
            if end < len(self.doc) and (self.claimed[end] or self.tokens[end].pos_ == "PROPN"):
                return None
            return TitleMatch(title, end)
        return None

    def _holder(self, country: Country, title: Title, text: str, after: int) -> Ref:
        if is_posted(title):
            return posted_holder(self, country, title, after)
        holders = self.kb.holders(country.code, title.kinds, self.day)
        if holders:
            return self.table.actor(holders[0], "PERSON", [])
        name = f"{title.title.title()} of {country.name}"
        ref = self.table.person(name, ())
        sector = self.kb.agents.get(phrase_key(text)) or title.sector
        self.table.facts[ref].learn(country.code, country.cameo + sector, title.title)
        return ref

    # --- 4. groups: a country word and a role noun -------------------------------------------
    def groups(self) -> None:
        i = 0
        while i < len(self.doc):
            form = self.form_at(i) if not self.claimed[i] else None
            if form is None or self._longer_name_at(i, form[2]):
                i = form[2] if form else i + 1  # "European Community leaders" is a name
                continue
            country, kind, end = form
            stop = self._group(country, kind, i, end)
            i = stop or end

    def _group(self, country: Country, kind: str, i: int, end: int) -> int | None:
        """Mentions for the group a country word heads or ends; the token after it, or None."""
        group = self._group_after(country, end)
        if group is not None and (kind in {"name", "demonym"} or group[0].kind == "group"):
            ref, stop = group
            self.mention(self.tokens[i].idx, self._end_char(stop), ref)
            return self._coordinated_noun(country, stop)
        if kind not in {"name", "demonym"}:
            return None
        coordinated = self._coordinated_group(country, end, i)
        if coordinated is not None:
            self.mention(self.tokens[i].idx, self._end_char(end), coordinated[0])
            return end
        before = self._group_before(country, i)
        if before is not None:
            ref, first = before
            self.mention(self.tokens[first].idx, self._end_char(end), ref)
            return end
        return None

    def _end_char(self, stop: int) -> int:
        return self.tokens[stop - 1].idx + len(self.tokens[stop - 1].text)

    def _coordinated_noun(self, country: Country, stop: int) -> int:
        """'Danish media and government': the country word governs the second noun too."""
        if stop + 1 >= len(self.doc) or self.tokens[stop].lower_ not in {"and", "or"}:
            return stop
        if self.form_at(stop + 1) is not None and self.tokens[stop - 1].tag_ in {"NNS", "NNPS"}:
            # "Iraqi officials and U.S. officials": the second group has its own country;
            # one person told two ways ("Palestinian activist and U.S. resident") is one
            return stop
        group = self._group_after(country, stop + 1)
        if group is None:
            return stop
        ref, after = group
        self.mention(self.tokens[stop + 1].idx, self._end_char(after), ref)
        return after

    def _group_before(self, country: Country, i: int) -> GroupMatch | None:
        """'the government of Gondor', 'soldiers from Gondor': role noun, of/from, country."""
        if i < 2 or self.tokens[i - 1].lower_ not in {"of", "from"}:
            return None
        noun = self.tokens[i - 2]
        if self.claimed[i - 2] or noun.pos_ not in {"NOUN", "PROPN"}:
            return None
        for first in (i - 3, i - 2):  # "the prime minister of Japan", "the leader of North Korea"
            title = self.kb.title(self.text(first, i - 2)) if first >= 0 else None
            if title is not None and noun.tag_ not in {"NNS", "NNPS"} and not self.claimed[first]:
                form = self.form_at(i)  # "the ambassador of Russia to Georgia"
                after = form.end if form is not None else i + 1
                return GroupMatch(
                    self._holder(country, title, self.text(first, i - 2), after), first
                )
        ref = self._role_phrase(country, [i - 2])
        if ref is None or ref.kind == "place":
            return None
        return GroupMatch(ref, i - 2)

    def _longer_name_at(self, i: int, end: int) -> bool:
        """An organisation's name starts at token i and runs past the country word."""
        if self._inside_named_organisation(i, end, self._ner):
            return True
        for stop in range(min(len(self.doc), i + MAX_NAME_TOKENS), end, -1):
            if any(
                a.curated and a.type != "PERSON" for a in self.kb.lookup(self.text(i, stop - 1))
            ):
                return True
        return False

    def _tail_of_a_name(self, i: int, ner: dict[int, Span]) -> bool:
        """spaCy names a company, place or person that ends in this capital's name."""
        span = ner.get(i)
        if span is None or span.label_ not in {"ORG", "FAC", "PERSON"}:
            return False
        return any(t.pos_ != "DET" for t in self.doc[span.start : i])  # not "The White House"

    def _inside_named_organisation(self, i: int, end: int, ner: dict[int, Span]) -> bool:
        """spaCy names an organisation that contains these tokens and more, unknown to the base."""
        span = ner.get(i)
        if span is None or span.label_ not in {"ORG", "FAC"} or span.end <= end:
            return False
        rest = self.text(end, span.end - 1)
        if self.kb.body(rest) or self.kb.sector_of(rest):
            return False  # "the Russian Foreign Ministry": a country's body, read by `groups`
        return not self.kb.lookup(_clean(span)[2])

    def _group_after(self, country: Country, end: int) -> GroupMatch | None:
        """The role noun phrase after a country word: (ref, end token) for the longest one."""
        if end < len(self.doc) and self.tokens[end].text in POSSESSIVES:
            end += 1
        window = []
        for j in range(end, min(len(self.doc), end + GROUP_WINDOW)):
            token = self.tokens[j]
            if self.claimed[j] or token.pos_ not in GROUP_WORD_POS or token.is_punct:
                break
            if token.pos_ == "VERB" and token.dep_ not in {"amod", "compound"}:
                break  # "Russian police arrested ...": the verb ends the phrase
            if j > end and self.form_at(j) is not None:
                break  # another country word begins its own phrase
            window.append(j)
        for stop in range(len(window), 0, -1):
            last = self.doc[window[stop - 1]]
            if last.pos_ not in {"NOUN", "PROPN"}:
                continue
            for begin in range(stop):
                ref = self._role_phrase(country, window[begin:stop])
                if ref is not None:
                    return GroupMatch(ref, window[stop - 1] + 1)
        return None

    def _role_phrase(self, country: Country, tokens: list[int]) -> Ref | None:
        words = [self.tokens[j] for j in tokens]
        texts = [
            " ".join(w.text for w in words),
            " ".join([*(w.text for w in words[:-1]), words[-1].lemma_]),
        ]
        for text in texts:
            body = self.kb.body(text)
            if body is not None:
                return self.table.body(body, country)
            if phrase_key(text) == "capital" and country.capitals:
                return self.table.place(country.capitals[0], country)
            sector = self.kb.sector_of(text)
            if (
                sector is not None
                and not country.region
                or sector is not None
                and sector.code == "GOV"
            ):
                return self.table.group(country, sector.code, sector.label)
        return None

    def _coordinated_group(self, country: Country, end: int, start: int) -> GroupMatch | None:
        """'Russian and U.S. government officials': the first country shares the second's noun."""
        if end >= len(self.doc) or self.tokens[end].lower_ not in {"and", "or", ","}:
            return None
        other = self.form_at(end + 1) if end + 1 < len(self.doc) else None
        if other is None or other[1] not in {"name", "demonym"}:
            return None
        group = self._group_after(other[0], other[2])
        if group is None:
            return None
        facts = self.table.facts[group[0]]
        sector = (facts.cameo or "")[len(other[0].cameo) :]
        if not sector:
            return None
        return GroupMatch(self.table.group(country, sector, self.sector_label(sector)), end)

    # --- 5. known names: organisations, outlets, countries, capitals --------------------------
    def known_names(self) -> None:
        ner = self._ner
        i = 0
        while i < len(self.doc):
            token = self.tokens[i]
            usable = not self.claimed[i] and self.name_begins(i) and token.lower_ != "the"
            match = self._name_at(i, ner) if usable else None
            if match is None:
                i += 1
                continue
            end, make = match
            start_char = self.tokens[i].idx
            end_char = self.tokens[end - 1].idx + len(self.tokens[end - 1].text)
            head = self.doc[i:end].root
            self.mention(start_char, end_char, make(head))
            i = end

    def _name_at(self, i: int, ner: dict[int, Span]) -> NameMatch | None:
        limit = min(len(self.doc), i + min(MAX_NAME_TOKENS, self.kb.max_name_words))
        region = self._region_word_before(i)
        for end in range(max(limit, min(len(self.doc), i + MAX_FORM_TOKENS)), i, -1):
            if any(self.claimed[j] for j in range(i, end)) or self.loose_ends[end - 1]:
                continue
            text = self.text(i, end - 1)
            form = None if region else self.kb.country_by_form(text)
            if form is not None:
                if self._inside_named_organisation(i, end, ner):
                    return None  # "the UK Independence Party" is a party, not the UK
                if form[1] in CITY_FORMS and self._tail_of_a_name(i, ner):
                    return None  # "McDonnell Douglas" is a company, not the Isle of Man
                return NameMatch(end, lambda head, f=form: self._country_ref(f[0], f[1], head))
            known = None if region else self._known_country_by_dictionary(text, i, end, ner)
            if known is not None:
                return NameMatch(end, lambda head, c=known: self.table.country(c))
            actors = self.kb.lookup(text)
            chosen = _preferred(actors)
            if chosen is None:
                body = self.kb.body(text) if end - i > 1 else None
                if body is not None:
                    start = self.tokens[i].idx
                    return NameMatch(
                        end,
                        lambda head, b=body, p=start: self.table.body(b, self._context_country(p)),
                    )
                continue
            if end - i == 1 and _ordinary_word_not_capitals(self.tokens[i]):
                continue  # "Who", "Is": the acronyms WHO and IS only in capitals
            span = ner.get(i)
            if not chosen.curated and not self._proper_name(i, end, ner, from_phoenix(chosen)):
                continue  # a dictionary's single common word, unless a proper noun
            if _common_word_outlet(chosen, i, end, span) and not self._outlet_phrase(end, span):
                continue
            ner_type = NER_TYPES.get(span.label_) if span is not None else None
            return NameMatch(
                end, lambda head, a=chosen, t=ner_type, all_=actors: self.table.actor(a, t, all_)
            )
        return None

    def _outlet_phrase(self, end: int, span: Span | None) -> bool:
        """A one-word outlet that spaCy names together with a media noun after it: "the
        Xinhua news agency", "KCNA news agency"."""
        if span is None or span.end <= end or span.label_ not in OUTLET_NER_LABELS:
            return False
        sector = self.kb.sector_of(self.text(end, span.end - 1))
        return sector is not None and sector.code == "MED"

    def _known_country_by_dictionary(
        self, text: str, i: int, end: int, ner: dict[int, Span]
    ) -> Country | None:
        """A country dossier knows, named as an imported dictionary spells it ("Ivory Coast",
        "Swaziland"): that country, printed under dossier's name. Not inside a longer
        organisation name ("University of New South Wales")."""
        imported = self.kb.dictionary_country(text)
        if imported is None or self.kb.country(imported.code) is None:
            return None
        if not self._proper_name(i, end, ner, shipped=True):
            return None
        if self._inside_named_organisation(i, end, ner):
            return None
        return imported

    def _proper_name(self, i: int, end: int, ner: dict[int, Span], shipped: bool = False) -> bool:
        """Whether an imported dictionary's name at tokens i..end is used as a name here:
        always for several words; one word as spaCy's entity or a proper noun, and for the
        shipped Phoenix dictionaries only where spaCy names exactly that word: their aliases
        include ordinary words that open or end longer names ("Foundation", "Organization",
        "Zero"), which a user's own dictionary of its world does not."""
        if end - i > 1:
            return True
        span = ner.get(i)
        if shipped:
            return span is not None and span.start == i and span.end == end
        return span is not None or self.tokens[i].pos_ == "PROPN"

    def _context_country(self, position: int) -> Country | None:
        """For 'the Foreign Ministry' with no country word: the country of the nearest actor
        named before it in its sentence ("Ivanov said the Foreign Ministry ..."), if any."""
        sentence_start = self.doc.char_span(
            position, position + 1, alignment_mode="expand"
        ).sent.start_char
        best: tuple[int, str] | None = None
        for facts in self.table.facts.values():
            if not facts.country or facts.type == "LOCATION":
                continue
            for mention in facts.mentions:
                if sentence_start <= mention.start < position and (
                    best is None or mention.start > best[0]
                ):
                    best = (mention.start, facts.country)
        return self.kb.country(best[1]) if best else None

    # --- 6. what the NER still names --------------------------------------------------------
    def leftover_ner(self) -> None:
        for span in self.doc.ents:
            kind = NER_TYPES.get(span.label_)
            if kind is None or kind == "COUNTRY" and span.label_ == "NORP":
                continue
            start, end, text = _clean(span)
            if not text or not self.free(start, end):
                continue
            if kind == "PERSON" or self.kb.non_person(text) is not None:
                self._place_not_person(span, start, end, text)
                continue
            if _is_junk(text, self.title_words, self.kb):
                continue
            if len(span) == 1 and agent_word(self.kb, span[0]):
                continue  # "Gunmen" after a dateline: an agent, for the agents pass
            if kind == "COUNTRY":
                kind = "LOCATION"
            name = " ".join(text.split())
            if kind == "LOCATION":
                form = self.kb.country_by_form(name)
                ref = self.table.place(name, form[0] if form else None)
            else:
                ref = self._company_named_short(name) or self.table.other(
                    name, kind, _unknown_organisation_code(name)
                )
            self.mention(start, end, ref)

    def _company_named_short(self, name: str) -> Ref | None:
        """The company this name shortens, named in full before it: "GAF" after "GAF
        Corp", "Purolator" after "Purolator Products Inc"."""
        short = name.split()
        for ref, facts in self.table.facts.items():
            if ref.kind != "other" or facts.cameo != BUSINESS or facts.name == name:
                continue
            full = _name_words(facts.name)[:-1]  # less the legal form
            if len(short) <= len(full) and full[: len(short)] == short:
                return ref
        return None

    def _place_not_person(self, span: Span, start: int, end: int, text: str) -> None:
        """A span no earlier pass took that spaCy typed PERSON, or that `not_persons.yaml`
        lists: the base or place it names ("Incirlik" → Turkey), else nothing ("Taka")."""
        place = place_instead(self, span, text)
        if place is not None:
            self.mention(start, end, self.table.place(place.name, place.country))


def _unknown_organisation_code(name: str) -> str | None:
    """The sector an organisation no list knows has by its name alone: a company by
    its legal form, a non-governmental body by the word that heads its name."""
    if _company_name(name):
        return BUSINESS
    words = _name_words(name)
    head = next((i for i, word in enumerate(words) if word.lower() in NAME_LINKS), len(words))
    if len(words) < 2 or head == 0 or words[head - 1].lower() not in NGO_NAME_WORDS:
        return None
    if any(word.lower() in STATE_NAME_WORDS for word in words):
        return None  # "the National Hurricane Center", "the State Policy Institute"
    return CIVIL_SOCIETY


def _company_name(name: str) -> bool:
    """'Exxon Corp', 'Courtaulds PLC', 'Trans World Airlines Inc': a name ending in a
    company's legal form. Its country is not guessed (a London story names American
    firms), so the code is the business sector alone."""
    words = _name_words(name)
    return len(words) > 1 and words[-1].lower() in COMPANY_SUFFIXES


def _name_words(name: str) -> list[str]:
    """A company name's words without dots and commas ("Borg-Warner Corp." → two)."""
    return name.replace(".", "").replace(",", " ").split()


def _common_word_outlet(actor, start: int, end: int, span: Span | None) -> bool:
    """A one-word outlet name ("Times", "Monitor", "Independent") is also an ordinary
    word: it names the outlet only where spaCy sees a name of exactly that word, not in
    "Times have changed", "Monitor groups" or "the Guardian Council"."""
    if actor.source != OUTLETS_SOURCE or end - start > 1:
        return False
    return span is None or span.end != end or span.label_ not in OUTLET_NER_LABELS


def _ordinary_word_not_capitals(token: Token) -> bool:
    """A common English word not written in capitals: no acronym ("Who said", "Is it")."""
    return token.is_stop and not (len(token.text) > 1 and token.text.isupper())


def _loose_end(token: Token) -> bool:
    """A token a name cannot end on: white space or punctuation."""
    return token.is_space or token.is_punct


def _preferred(actors: list[Actor]) -> Actor | None:
    curated = [a for a in actors if a.curated]
    return curated[0] if curated else (actors[0] if actors else None)


def _hyphen_parts(run: str, offset: int) -> list[tuple[str, int]]:
    parts, position = [], offset
    for piece in run.split("-"):
        parts.append((piece, position))
        position += len(piece) + 1
    return parts


def _ner_by_token(doc: Doc) -> dict[int, Span]:
    return {i: span for span in doc.ents for i in range(span.start, span.end)}


def _clean(span: Span) -> tuple[int, int, str]:
    """A span's characters without a leading 'the' or a trailing possessive."""
    start, end = span.start_char, span.end_char
    if span[0].lower_ == "the" and len(span) > 1:
        start = span[1].idx
    text = span.text[start - span.start_char :]
    for ending in POSSESSIVES:
        if text.endswith(ending):
            end -= len(ending)
            break
    raw = span.text[start - span.start_char : end - span.start_char]
    text = raw.strip()
    start += len(raw) - len(raw.lstrip())
    return start, start + len(text), text


def _is_junk(text: str, title_words: frozenset[str], knowledge: ActorKnowledge) -> bool:
    """Title words alone ("Defense"), sector words, or lower-case text are not entities."""
    words = text.lower().split()
    if not text[:1].isupper():
        return True
    if all(w in title_words for w in words):
        return True
    return len(words) == 1 and knowledge.sector_of(words[0]) is not None
