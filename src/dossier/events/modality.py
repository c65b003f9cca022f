"""Modality: whether the text says an event happened, will, may, did not, ...

Decided by cues that govern the trigger in the dependency tree, never by cue words
elsewhere in the sentence:
- on the trigger and on the predicates it is the complement of (xcomp, ccomp, conj,
  light verbs): auxiliaries (will → planned, could/may/might → speculated, should →
  hypothetical), negation, adverbs (reportedly → reported), "if" clauses;
- the lemma of a governing predicate (plan/expect → planned, deny → denied, suggest/
  speculate → speculated, postpone → postponed, cancel → cancelled, is said to → reported);
- for an event noun: its modifiers (expected, upcoming → planned; no → negated), the
  verb it is the object or subject of when that verb decides whether it happens
  ("postponed a visit", "the visit is scheduled"), and the noun it complements
  ("speculation that", "no intention of", "news of").

When several cues apply the strongest wins, in MODALITY_ORDER. The cue words live in
`knowledge/data/modality_cues.yaml`; this module decides where in the tree each list
is looked for.
"""

from __future__ import annotations

from spacy.tokens import Token

from dossier.events.roles import is_adjunct_gerund
from dossier.knowledge.modality_cues import ModalityCues
from dossier.knowledge.outlets import OutletBook
from dossier.record import Modality

MODALITY_ORDER: tuple[Modality, ...] = (
    "denied",
    "negated",
    "cancelled",
    "postponed",
    "hypothetical",
    "speculated",
    "planned",
    "reported",
    "asserted",
)
PREDICATE_LINKS = frozenset({"xcomp", "ccomp", "conj", "advcl", "pcomp"})
ARGUMENT_LINKS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "attr", "obj"})


class ModalityReader:
    """Reads an event's modality from the cues governing its trigger in the tree; the
    cues (knowledge/data/modality_cues.yaml plus a user's) are handed in."""

    def __init__(self, cues: ModalityCues, outlets: OutletBook | None = None) -> None:
        self.cues = cues
        self.outlets = outlets  # news outlets, whose reports the story keeps at a distance

    def modality_of(self, trigger: Token, light_verb: Token | None = None) -> Modality:
        """The modality the tree gives the event the trigger reports."""
        cues = set(self._own_cues(trigger))
        if light_verb is not None:
            cues |= set(self._own_cues(light_verb))
            cues |= self._predicate_chain(light_verb)
            lemma = self.verb_lemma(light_verb)
            if lemma in self.cues.occurrence_verbs and lemma in self.cues.predicates:
                cues.add(self.cues.predicates[lemma])  # "has postponed a visit"
        elif trigger.pos_ in ("NOUN", "PROPN"):
            cues |= self._noun_context(trigger)
        else:
            cues |= self._predicate_chain(trigger)
        return next(m for m in MODALITY_ORDER if m in cues or m == "asserted")

    def verb_lemma(self, token: Token) -> str:
        """The lemma, second-guessed where the small model's lemmatiser slips: "hopes" is
        "hop" to it. A cue word whose regular inflection the token is wins."""
        lemma = token.lemma_.lower()
        if lemma in self.cues.predicates:
            return lemma
        word = token.lower_
        for ending, restore in (
            ("ies", "y"),
            ("es", ""),
            ("s", ""),
            ("ed", ""),
            ("ed", "e"),
            ("d", ""),
            ("ing", ""),
            ("ing", "e"),
        ):
            if word.endswith(ending) and word[: -len(ending)] + restore in self.cues.predicates:
                return word[: -len(ending)] + restore
        return lemma

    def _own_cues(self, token: Token) -> list[Modality]:
        cues: list[Modality] = []
        for child in token.children:
            word = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and word == "no"):
                cues.append("negated")
            elif child.dep_ == "advmod" and self._negated_adverb(child):
                # "did not even ever clash": the parser hangs "not" on "even"
                cues.append("negated")
            elif child.dep_ == "aux" and word in self.cues.auxiliaries:
                cues.append(self._aux_cue(child, token))
            elif child.dep_ == "advmod" and word in self.cues.adverbs:
                cues.append(self.cues.adverbs[word])
            elif child.dep_ == "mark" and word in self.cues.conditional_markers:
                cues.append("hypothetical")
            elif child.dep_ == "advcl" and self._condition(child):
                cues.append("hypothetical")  # "if the vote passes, it could see tariffs"
            elif child.dep_ == "parataxis" and self._guess_aside(child):
                cues.append("speculated")  # "the administration, I think, is reviewing"
            elif child.dep_ in ("amod", "compound") and word in self.cues.noun_modifiers:
                cues.append(self.cues.noun_modifiers[word])
            elif child.dep_ == "prep" and word == "according":
                cues.append("reported")
        return cues

    def _condition(self, clause: Token) -> bool:
        """An "if"/"unless" clause: what it governs holds only on its condition."""
        return any(
            c.dep_ == "mark" and c.lower_ in self.cues.conditional_markers for c in clause.children
        )

    def _guess_aside(self, verb: Token) -> bool:
        """'I think', 'we believe' put aside in a clause: the speaker's guess."""
        speculated = self.cues.predicates.get(self.verb_lemma(verb)) == "speculated"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return speculated and subject is not None and subject.lower_ in ("i", "we")

    def _negated_adverb(self, adverb: Token) -> bool:
        """'not even', 'not ever', 'never again'; but "not only ... but also" negates nothing."""
        if adverb.lower_ in ("only", "just", "merely", "simply"):
            return False
        return any(g.dep_ == "neg" for g in adverb.children)

    def _aux_cue(self, aux: Token, verb: Token) -> Modality:
        """'should they come off' (inverted, conditional) versus 'they should come';
        'must withdraw' (a demand) versus 'must have withdrawn' (a guess)."""
        if aux.lower_ == "must" and any(
            c.dep_ == "aux" and c.lemma_ == "have" and c.i > aux.i for c in verb.children
        ):
            return "speculated"  # "must have known": a guess, not a demand
        if aux.lower_ == "should":
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            inverted = any(aux.i < s.i < verb.i for s in subjects)
            return "hypothetical" if inverted else "planned"
        return self.cues.auxiliaries[aux.lower_]

    def _predicate_chain(self, token: Token) -> set[Modality]:
        """Cues of the predicates the trigger is the complement of, up to a reporting verb."""
        cues: set[Modality] = set()
        steps = 0
        while token.dep_ in PREDICATE_LINKS and token.head is not token and steps < 5:
            head, link = token.head, token.dep_
            if link == "advcl":
                break
            if is_adjunct_gerund(token):
                cues |= self._adjunct_cues(token)
                token, steps = head.head, steps + 1
                continue
            if self._evidence_from_reports(head):
                cues.add("reported")  # "news reports suggest that ..."
            elif self.verb_lemma(head) in self.cues.predicates and link != "conj":
                # a coordinated verb is a second act, not the first's complement:
                # "denied the request and asked for talks" denies no talks
                cues.add(self.cues.predicates[self.verb_lemma(head)])
            if head.lemma_ == "say" and (self._is_passive(head) or link == "xcomp"):
                cues.add("reported")  # "is said to", "the deal said to have been"
            if link == "xcomp" and _yet_to(head):
                cues.add("negated")  # "have yet to comment": not done so far
            elif head.lemma_ == "be" and link == "xcomp":
                cues.add("planned")  # "Straw is to visit Thailand"
            if head.pos_ in ("NOUN", "PROPN"):
                cues |= self._governing_noun(head)
                break
            if link != "ccomp":
                cues |= set(self._own_cues(head))  # "would not urge ... to", "plans to"
            elif head.lemma_ in self.cues.reporting_verbs:
                if self._at_a_distance(head):
                    cues.add("reported")
                break
            else:
                cues |= {c for c in self._own_cues(head) if c in ("negated",)}
            token, steps = head, steps + 1
        if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
            cues |= self._governing_noun(token.head)
        return cues

    def _adjunct_cues(self, gerund: Token) -> set[Modality]:
        """What a gerund of time or manner takes from its clause: "will leave after
        meeting Xi" (planned), "left without meeting Kim" (negated). Not the clause's
        negation ("did not stay after meeting Xi": they met) nor its verb's own sense
        ("said hours after ending the siege": the ending is not what was said)."""
        if gerund.head.lower_ == "without":
            return {"negated"}
        verb = gerund.head.head
        return set(self._own_cues(verb)) - {"negated"}

    def _noun_context(self, noun: Token) -> set[Modality]:
        """Cues for an event noun from the nouns and the verb that govern it.

        Climbs through noun chains ("two days of talks", "news of Putin's visit",
        "a visit to Beijing and Putin's arrival") collecting the governing nouns' cues,
        then applies the governing verb's: an occurrence verb decides ("postponed a visit"),
        and the clause may be speculation, a denial or a report.
        """
        cues: set[Modality] = set()
        token = noun
        for _ in range(6):
            head, link = token.head, token.dep_
            if head is token:
                return cues
            if link == "pobj" and head.dep_ == "prep":
                head, link = head.head, "prep"
            if head.pos_ in ("NOUN", "PROPN"):
                cues |= self._governing_noun(head)
                token = head
                continue
            if head.pos_ in ("VERB", "AUX") and link in ARGUMENT_LINKS | {"prep"}:
                cues |= self._verb_on_noun(head, link)
            return cues
        return cues

    def _verb_on_noun(self, verb: Token, link: str) -> set[Modality]:
        cues: set[Modality] = set()
        if link == "nsubj" and verb.lemma_ in self.cues.happening_verbs:
            cues |= set(self._own_cues(verb))  # "the visit would occur", "should they come off"
        lemma = self.verb_lemma(verb)
        if lemma in self.cues.occurrence_verbs and lemma in self.cues.predicates:
            cues.add(self.cues.predicates[lemma])
            cues |= {c for c in self._own_cues(verb) if c == "negated"}
        if link == "nsubjpass" and verb.lemma_ in ("schedule", "plan", "expect", "set"):
            cues.add("planned")
        if link in ("dobj", "obj"):
            # "may impose trade sanctions", "could tease out more aid": what a verb may
            # bring about is as possible as the verb; not its future or negation ("will
            # discuss the attack", "did not mention the attack": the attack happened)
            cues |= {c for c in self._own_cues(verb) if c in ("speculated", "hypothetical")}
        # Whether the clause around the noun is speculation, a denial or a report.
        return cues | (self._predicate_chain(verb) & {"speculated", "denied", "reported"})

    def reporting_subject(self, token: Token) -> Token | None:
        """Who says it, when the word sits in the content clause of a reporting verb
        ("Pakistan said that talks ... are progressing"): that verb's active subject."""
        for _ in range(6):
            head = token.head
            if head is token or token.dep_ == "advcl":
                return None
            if token.dep_ == "ccomp" and head.lemma_ in self.cues.reporting_verbs:
                if self._is_passive(head):
                    return None  # "is said to": nobody named
                return next((c for c in head.children if c.dep_ == "nsubj"), None)
            token = head
        return None

    def _at_a_distance(self, verb: Token) -> bool:
        """Whether the one a reporting verb has telling is kept at a distance: no one
        named ("were quoted as saying"), a witness, a prosecutor, an outlet ("CNN
        reported", "media groups said"). Officials, governments, armies and analysts
        telling of another's act are taken as the authority on it (guide, Change 17:
        in the VOA stories 178 such acts are asserted, 26 reported)."""
        speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if speaker is None:
            return True
        words = [speaker, *(c for c in speaker.children if c.dep_ in ("compound", "amod"))]
        if any(w.lemma_.lower() in self.cues.distant_speakers for w in words):
            return True
        name = " ".join(t.text for t in speaker.subtree if t.dep_ != "det")
        return self.outlets is not None and self.outlets.lookup(name) is not None

    def _evidence_from_reports(self, verb: Token) -> bool:
        """'reports suggest' presents evidence, not a guess."""
        if verb.lemma_ not in ("suggest", "indicate", "show"):
            return False
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subject is not None and subject.lemma_ in self.cues.evidence_nouns

    def _governing_noun(self, noun: Token) -> set[Modality]:
        cues: set[Modality] = set()
        if noun.lower_ in self.cues.governing_nouns:
            cues.add(self.cues.governing_nouns[noun.lower_])
            if noun.dep_ in ("dobj", "obj") and noun.head.lemma_ in self.cues.dismissing_verbs:
                cues.add("denied")  # "dismissed reports he told Brown"
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            cues.add("negated")  # "no intention of serving"
        return cues

    def _is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _yet_to(verb: Token) -> bool:
    """'have yet to', 'is yet to': what is still to be done has not been."""
    return verb.lemma_ in ("have", "be") and any(
        c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.children
    )
