"""Readings of constructions that say who an act befalls and who does it, beyond the
plain roles of `dossier.events.roles`: harm told by its result ("soldiers were killed
in a bombing"), talks held "with" someone, the phrase an act is aimed at, what a
noun's "that" clause tells, the possessor who suffers an act, the enemy an armed
act's purpose names, the sense of "strike". Each answers from the parse alone; the
events stage decides what to do with the answer (`dossier.events.parties`,
`dossier.events.coder`). The words of each construction (harm verbs, hostile
purposes, labour words, ...) are knowledge, handed in from
`knowledge/data/construction_words.yaml`; the grammar is here.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.knowledge.construction_words import ConstructionWords

MEANS_PREPOSITIONS = frozenset({"in", "during"})  # "killed in a bombing"


def harmed_in(noun: Token, words: ConstructionWords) -> Token | None:
    """Who the act a noun names harmed, when the sentence tells it by its result:
    "three soldiers were killed in a bombing", "two civilians died in the attack",
    "Injured in the attack, the driver died". An active verb's subject is the doer, not
    the harmed ("rebels killed three soldiers in an ambush"): no answer."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in MEANS_PREPOSITIONS:
        return None
    verb = prep.head
    if verb.lemma_ not in words.harm_verbs:
        return None
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        return passive[0]
    if verb.lemma_ in words.dying_verbs:
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":  # "Injured in the attack, the driver ..."
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def talks_partner(noun: Token) -> Token | None:
    """The other side of talks a noun names: "discussions with the IMF"."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"]
    objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return objects[0] if objects else None


def teller_of(noun: Token, words: ConstructionWords) -> Token | None:
    """Who tells of an act that is the subject of the clause told: "Pakistan said
    Sunday that discussions with the IMF are progressing well" (Pakistan)."""
    clause = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if verb.lemma_ not in words.telling_verbs:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects else None


# Prepositions whose object an act is done to: "an attack on a base", "fired at a convoy".
AIMED_AT = frozenset({"on", "against", "at", "upon"})


def aimed_phrase(trigger: Token) -> set[int]:
    """The words of the phrases a trigger's act is aimed at ("an attack on a joint
    Kenya-U.S. military base"): the doer is never among them. "Blamed the attacks on
    militants" blames the militants: the parser often hangs that "on" on the noun."""
    if trigger.dep_ == "dobj" and trigger.head.lemma_ == "blame":
        return set()
    preps = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in AIMED_AT]
    return {t.i for p in preps for o in p.children if o.dep_ == "pobj" for t in o.subtree}


def result_of(verb: Token, words: ConstructionWords) -> list[Token]:
    """The nouns that may name the act whose result a harm verb tells: "killed three
    soldiers in an ambush", "a bomb blast killed 11 miners" (the ambush, the blast).
    The guide codes that act once, by its noun."""
    if verb.pos_ != "VERB" or verb.lemma_ not in words.harm_verbs:
        return []
    nouns = [c for c in verb.children if c.dep_ == "nsubj"]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in MEANS_PREPOSITIONS:
            nouns += [o for o in child.children if o.dep_ == "pobj"]
    return [noun for noun in nouns if noun.pos_ == "NOUN"]


def content_clause(noun: Token) -> set[int]:
    """The words of what a noun says or supposes, its "that" clause ("a suggestion that
    Kim may have been surprised", "the claim that jets had struck"): they are the
    content, neither who made it nor to whom."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and _said_that(c)]
    return {t.i for clause in clauses for t in clause.subtree}


def _said_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def suffering_possessor(noun: Token, words: ConstructionWords) -> Token | None:
    """The possessor of a noun of an act done to someone: the one it befalls
    ("al-Rufay'i's killing")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in words.suffered_nouns:
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def modified_by_passive(verb: Token) -> Token | None:
    """The noun a passive participle with an agent describes: "Somali soldiers,
    supported by clan militias" (the soldiers are supported)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return verb.head if any(c.dep_ == "agent" for c in verb.children) else None


def purpose_enemy(noun: Token, words: ConstructionWords) -> Token | None:
    """The object of an armed act's purpose infinitive, when that purpose is hostile:
    "launched an operation to flush out al-Shabab terrorists" (the terrorists); not
    "a raid to free hostages", who are not the raid's enemy. The parser may hang the
    purpose on the verb that launches the act ("launched an operation to flush out")."""
    purposes = [v for v in noun.children if v.dep_ in ("acl", "relcl")]
    if noun.dep_ == "dobj" and noun.head.lemma_ in words.launching_verbs:
        purposes += [v for v in noun.head.children if v.dep_ in ("advcl", "xcomp")]
    for verb in purposes:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if infinitive and verb.lemma_ in words.hostile_purposes:
            return next((c for c in verb.children if c.dep_ == "dobj"), None)
    return None


def strike_sense(word: Token, words: ConstructionWords) -> str | None:
    """'labour' or 'force' for the word "strike", when the words around it tell:
    "Gunmen struck a police post" (force), "balloting workers on strikes", "a 24-hour
    strike" (labour); None when they do not."""
    if word.lemma_.lower() != "strike":
        return None
    if word.pos_ == "VERB":
        subjects = [c for c in word.children if c.dep_ == "nsubj"]
        if any(s.lemma_.lower() in words.force_doers for s in subjects):
            return "force"
        return None
    near = [*word.children, word.head, *word.head.children]
    if word.head.dep_ == "prep":
        near += [word.head.head, *word.head.head.children]
    labour = words.labour_words
    if any(t.lemma_.lower() in labour or t.lower_ in labour for t in near if t != word):
        return "labour"
    return None
