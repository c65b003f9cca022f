"""Where the source and target of a trigger are found in the dependency parse.

Each role name of the pattern dictionary maps to the head words it points at; a head
word becomes a phrase (head, apposition, modifiers) for the actor resolver, and
coordinated heads ("Sherman and Losyukov") each become their own phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

RoleNoun = Callable[[Token], bool]

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
OBJECTS = ("dobj", "obj")
MODIFIERS = ("compound", "amod", "nmod", "poss", "npadvmod")
CIRCUMSTANCE_PREPOSITIONS = frozenset({"during", "on", "for", "after", "at", "in"})
NOT_PARTY_PREPOSITIONS = frozenset(
    {
        "by",
        "in",
        "during",
        "since",
        "after",
        "before",
        "until",
        "near",
        "throughout",
        "within",
        "across",
        "despite",
        "amid",
        "like",
        "as",
    }
)
NOT_PARTY_UNDER_NOUNS = frozenset({"during", "since", "after", "before", "until", "like", "as"})
CLAUSE_SUBJECT_PREPS = ("against", "on", "with", "toward", "towards")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Verbs whose object, not subject, does what their complement says ("urged Putin to ...").
OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "persuade",
        "convince",
        "force",
        "invite",
        "tell",
        "order",
        "call",
        "encourage",
        "press",
        "request",
        "allow",
        "permit",
        "help",
    }
)
# Verbs that carry an event noun: their subject is the noun's source ("held talks").
LIGHT_VERBS = frozenset(
    {
        "hold",
        "have",
        "conduct",
        "chair",
        "pay",
        "make",
        "begin",
        "start",
        "open",
        "launch",
        "continue",
        "resume",
        "attend",
        "stage",
        "mount",
        "wage",
        "organize",
        "organise",
        "carry",
        "join",
        "complete",
        "end",
        "finish",
        "conclude",
        "plan",
        "schedule",
        "postpone",
        "delay",
        "cancel",
        "propose",
        "seek",
        "undertake",
    }
)


def governing_subject(noun: Token) -> list[Token]:
    """The subject of the clause an event noun is a circumstance of: "Bacon commented
    ... during a visit to Brussels", "traveled to Pyongyang for a meeting with Kim"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in CIRCUMSTANCE_PREPOSITIONS:
        return []
    verb = prep.head
    return subject_heads(verb) if verb.pos_ in ("VERB", "AUX") and verb is not noun else []


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in PASSIVE_SUBJECTS or child.dep_ == "auxpass" for child in verb.children)


def subject_heads(verb: Token) -> list[Token]:
    """The subject of a verb, or of the verb that controls it ("plans to visit")."""
    seen = 0
    while verb is not None and seen < 4:
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:
            # two subjects of one verb are a coordination the parser split: "Lions,
            # tigers, and Gondor welcomed ..."
            return [_antecedent(child, verb) for child in subjects]
        if seen and any(c.dep_ == "nsubjpass" for c in verb.children) and _raises(verb):
            return [c for c in verb.children if c.dep_ == "nsubjpass"][:1]  # "is said to plan"
        if verb.dep_ == "xcomp":
            controller = verb.head
            if controller.lemma_ in OBJECT_CONTROL:
                objects = [c for c in controller.children if c.dep_ in OBJECTS]
                return objects[:1]
            verb, seen = controller, seen + 1
            continue
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb, seen = verb.head, seen + 1
            continue
        if verb.dep_ in ("acomp", "attr") and seen:
            verb, seen = verb.head, seen + 1  # "Arnor is about to restore ties"
            continue
        controller = _adjunct_controller(verb)
        if controller is not None:
            verb, seen = controller, seen + 1
            continue
        return []
    return []


# Nouns of purpose whose infinitive is done by the clause's subject ("in a bid to ...").
PURPOSE_NOUNS = frozenset({"bid", "move", "effort", "attempt", "push", "drive", "step"})
# Prepositions of time and manner whose gerund the clause's subject does ("after meeting
# Xi"); not those of a verb's argument, whose doer may be its object ("accused the rebels
# of killing", "blamed Arnor for disrupting").
ADJUNCT_PREPOSITIONS = frozenset(
    {"after", "before", "upon", "on", "while", "since", "by", "without", "despite", "through"}
)


def is_adjunct_gerund(verb: Token) -> bool:
    """A gerund under a preposition of time or manner of a verb ("left after meeting Xi")."""
    prep = verb.head
    return (
        verb.dep_ == "pcomp"
        and prep.dep_ == "prep"
        and prep.lower_ in ADJUNCT_PREPOSITIONS
        and prep.head.pos_ in ("VERB", "AUX")
    )


def _adjunct_controller(verb: Token) -> Token | None:
    """The verb whose subject also does an adjunct's gerund or purpose infinitive:
    "Putin left after meeting Xi", "Before meeting Kim, Moon spoke", "Arnor acted in a
    move to strengthen ties". A gerund under a noun ("the risk of meeting") has none."""
    head = verb.head
    if is_adjunct_gerund(verb):
        return head.head
    if (
        verb.dep_ == "acl"
        and head.lemma_ in PURPOSE_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and head.dep_ == "pobj"
        and head.head.head.pos_ in ("VERB", "AUX")
    ):
        return head.head.head
    return None


def _raises(verb: Token) -> bool:
    return any(c.dep_ == "xcomp" for c in verb.children)


def _antecedent(subject: Token, verb: Token) -> Token:
    """'who' in "Mamedov, who met ..." stands for Mamedov."""
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


def role_heads(
    trigger: Token, role: str, light_verb: Token | None, events: frozenset[int] = frozenset()
) -> list[Token]:
    """The head words a role names around a trigger (verb or event noun).

    `events` are the indices of the sentence's event nouns: an event noun's `of` phrase
    names what it is done to ("backed the invasion of Iraq"), not whose it is.
    """
    if role == "subject":
        return [] if is_passive(trigger) else subject_heads(trigger)
    if role == "object":
        if is_passive(trigger):
            return [c for c in trigger.children if c.dep_ in PASSIVE_SUBJECTS]
        return [c for c in trigger.children if c.dep_ in OBJECTS] or shared_objects(trigger)
    if role == "dative":
        return [c for c in trigger.children if c.dep_ == "dative"]
    if role == "agent":
        # the trigger's own "by" phrase: on its object it is the object's agent ("condemned
        # the journalist's detention by the police": the police detained, not condemned)
        return [
            o
            for c in trigger.children
            if c.dep_ in ("agent", "prep") and c.lower_ == "by"
            for o in c.children
            if o.dep_ == "pobj"
        ]
    if role == "possessor":
        return [c for c in trigger.children if c.dep_ == "poss"]
    if role == "modifier":
        return [c for c in trigger.children if c.dep_ in ("compound", "amod", "nmod")]
    if role == "light_subject":
        return subject_heads(light_verb) if light_verb is not None else []
    if role == "governing_subject":
        return governing_subject(trigger)
    if role == "owner":
        return owner_heads(trigger, events)
    if role == "any_prep":
        return any_prep_objects(trigger)
    if role == "clause_subject":
        return clause_subjects(trigger)
    if role == "clause_doer":
        return clause_doers(trigger)
    if role == "object_phrase":
        return object_phrase_nouns(trigger)
    return prep_objects(trigger, (role,), events=events)


def shared_objects(verb: Token) -> list[Token]:
    """The object of the next coordinated verb, for a verb that has none of its own and
    shares its subject: "attacked and killed three soldiers", "arrested and charged two
    journalists" (the parser hangs the object on the last verb only)."""
    if verb.pos_ != "VERB":
        return []
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children) or is_passive(conj):
            return []  # a clause of its own: "Kenya attacked and Somalia condemned it"
        return [c for c in conj.children if c.dep_ in OBJECTS]
    return []


def prep_objects(
    head: Token,
    preps: tuple[str, ...],
    deps: tuple[str, ...] = ("prep",),
    events: frozenset[int] = frozenset(),
) -> list[Token]:
    """Objects of the named prepositions hanging from the head, or from its object when
    the parser put them there ("signed an agreement with China") and the object is not
    itself an event ("declares a trip to Mexico": Mexico is the trip's)."""
    found = [
        _pobj
        for child in head.children
        if child.dep_ in deps and child.lower_ in preps
        for _pobj in child.children
        if _pobj.dep_ == "pobj"
    ]
    if found or head.pos_ not in ("VERB", "AUX"):
        return found
    for obj in (c for c in head.children if c.dep_ in OBJECTS and c.i not in events):
        found += prep_objects(obj, preps)
    return found


def any_prep_objects(head: Token) -> list[Token]:
    """Objects of any preposition under the verb or down its object's noun chain, nearest first.

    "restore ties with Gondor", "welcomed their resumption of ties with Osgiliath",
    "condemned an attack by Osgiliath soldiers", "fired shells at Seoul". Under the verb
    itself, prepositions of time, `in` (a place) and `by` (agency) do not name parties;
    under its object, `by` names the doer.
    """
    found: list[Token] = []
    # "marched very close to the border with Mordor": the adverb's phrase too
    adverbs = [c for c in head.children if c.dep_ == "advmod" and c.pos_ in ("ADV", "ADJ", "NOUN")]
    frontier = [head, *(c for c in head.children if c.dep_ in OBJECTS), *adverbs]
    for depth in range(3):
        following: list[Token] = []
        for node in frontier:
            skip = NOT_PARTY_PREPOSITIONS if node is head else NOT_PARTY_UNDER_NOUNS
            for prep in (c for c in node.children if c.dep_ == "prep"):
                pobjs = [c for c in prep.children if c.dep_ == "pobj"]
                following += pobjs
                if prep.lower_ not in skip and prep.lower_ != "of":
                    found += pobjs
                elif prep.lower_ == "of" and depth == 0 and node is not head:
                    found += pobjs  # "the closure of Bree's guest houses"
        frontier = following
    return found


def object_phrase_nouns(verb: Token) -> list[Token]:
    """Nouns anywhere in the verb's object phrase, in reading order: the last resort of
    PETRARCH-style coding, which takes the first actor after the verb ("signed an accord
    to supply Gondor", "cordoned off the roads leading into Mordor")."""
    objects = [c for c in verb.children if c.dep_ in OBJECTS]
    if not objects:  # the rest of the verb phrase, as PETRARCH reads it: "cordoned off
        objects = [
            c
            for c in verb.children  # the roads leading into Mordor"
            if c.i > verb.i and c.dep_ in ("prep", "xcomp", "prt")
        ]
    # "signed an accord on Thursday to supply Gondor": a purpose clause after the object
    objects += [
        c
        for c in verb.children
        if c.i > verb.i
        and c.dep_ == "advcl"
        and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)
    ]
    return [
        t
        for o in objects
        for t in o.subtree
        if t.pos_ in ("PROPN", "NOUN") and t is not o and t.dep_ != "compound"
    ]


def clause_subjects(verb: Token) -> list[Token]:
    """The subject of the clause a verb (or its object) takes: "believes Dagolath can cope"."""
    subjects = [
        c
        for clause in taken_clauses(verb)
        for c in clause.children
        if c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS
    ][:1]
    # "denied that Kim's offer was made ...": the offer is Kim's; "said that an arms
    # embargo against Mordor would not work": the embargo is Mordor's
    owners = [c for s in subjects for c in s.children if c.dep_ == "poss"]
    # "warned that the Tory policies would ...": the policies are the Tories'
    owners += [c for s in subjects if s.pos_ == "NOUN" for c in _owners(s, 1, frozenset())]
    return subjects + owners + prep_objects(subjects[0], CLAUSE_SUBJECT_PREPS) if subjects else []


def taken_clauses(verb: Token) -> list[Token]:
    """The clauses a verb (or its object) takes, after the verb."""
    # a clause before the verb is what is reported, not whom it is said to: "Arnor will
    # restore ties, a Bree official said" is no statement to Arnor
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    return clauses + [
        g
        for o in verb.children
        if o.dep_ in OBJECTS
        for g in o.children
        if g.dep_ in ("acl", "ccomp")
    ]


def clause_doers(verb: Token) -> list[Token]:
    """Who does what the clause a verb takes tells: its subject, or a passive clause's
    agent ("alleged that the military rigged the vote", "... that the vote was rigged by
    the military"); a passive clause without an agent names no doer."""
    for clause in taken_clauses(verb)[:1]:
        if is_passive(clause):
            return prep_objects(clause, ("by",), deps=("agent", "prep"))
        return [c for c in clause.children if c.dep_ in SUBJECTS][:1]
    return []


def owner_heads(trigger: Token, events: frozenset[int] = frozenset()) -> list[Token]:
    """Whose the object is: "opposes the U.S. plans", "the news of Putin's visit"."""
    heads: list[Token] = []
    for obj in (c for c in trigger.children if c.dep_ in OBJECTS):
        heads += _owners(obj, 0, events)
    return heads


def _owners(noun: Token, depth: int, events: frozenset[int]) -> list[Token]:
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    if owners or depth >= 2:
        return owners
    if noun.i in events:  # "the invasion of Iraq": Iraq is invaded, not the invader
        return prep_objects(noun, ("by",))
    for pobj in prep_objects(noun, ("of",)):
        return [pobj, *_owners(pobj, depth + 1, events)]
    return []


def coordinated(head: Token) -> Iterator[Token]:
    """The head and the heads coordinated with it ("Sherman and Losyukov", "Russian and U.S.")."""
    yield head
    for child in head.children:
        if child.dep_ == "conj":
            yield from coordinated(child)


def phrase_tokens(head: Token, role_noun: RoleNoun | None = None) -> list[Token]:
    """A head word's phrase for actor lookup, best first: head, apposition, modifiers.

    A possessor names the actor only when the head is a name or a role noun
    ("Ithilen's militia", "Russia's foreign minister"); otherwise it owns the thing
    ("Gondor's pledges", "Smith's departure") and is left to the `owner` role.
    """
    tokens = [head]
    tokens += [c for c in head.children if c.dep_ == "appos"]
    tokens += [c for c in head.children if c.dep_ in ("compound", "flat")]
    keeps_possessor = role_noun is None or head.pos_ != "NOUN" or role_noun(head)
    tokens += [
        c
        for c in head.children
        if c.dep_ in MODIFIERS and c.dep_ != "compound" and (c.dep_ != "poss" or keeps_possessor)
    ]
    return tokens


def listed_appositions(head: Token) -> list[Token]:
    """Names the small parser makes appositions inside a list of names, with the
    members they lead: "Mordor, the Shire, Arnor and Bree" (the Shire an apposition of
    Mordor, Arnor and Bree its conjuncts), "Arnor and the evil awful Gondor". Only a
    name in apposition to a name that is part of a list: "Putin, Russia's president"
    stays one party."""
    if head.pos_ != "PROPN":
        return []
    listed = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    in_list = any(c.dep_ == "conj" for c in head.children) or head.dep_ == "conj"
    members = []
    for appos in listed:
        if in_list or any(c.dep_ == "conj" for c in appos.children):
            members += list(coordinated(appos))
    return members


def stray_coordinates(head: Token) -> list[Token]:
    """Names the small parser hangs off a subject as modifiers with their own 'and'.

    "Sherman and Russian Deputy Foreign Minister Aleksandr Losyukov chaired" comes out
    with Sherman as a modifier of Losyukov carrying the 'and'.
    """
    return [
        child
        for child in head.children
        if child.dep_ in ("nmod", "compound")
        and child.i < head.i
        and any(grand.dep_ == "cc" for grand in child.children)
    ]


CLAIM_VERBS = frozenset({"claim", "take", "accept", "admit", "assume", "bear"})
NO_ONE = frozenset({"no", "none", "nobody"})


def responsibility_claimers(noun: Token) -> list[Token]:
    """Who says they did it: "the BLA claimed responsibility for the attack" names the
    attacker of "the attack" (guide, §6: claim responsibility). The phrase "for ..." may
    hang on "responsibility" or on the verb; "no group claimed responsibility" and a
    negated claim name nobody."""
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head  # "for the attack and the kidnapping"
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return []
    verb = prep.head.head if prep.head.lemma_ == "responsibility" else prep.head
    taken = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ == "responsibility"]
    if verb.lemma_ not in CLAIM_VERBS or not taken:
        return []
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    subjects = subject_heads(verb)
    return [s for s in subjects if s.lower_ not in NO_ONE and not _said_no_one(s)]


def _said_no_one(subject: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in NO_ONE for c in subject.children)
