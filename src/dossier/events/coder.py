"""Coding events from a parsed document: who did what to whom, in CAMEO and PLOVER.

For every sentence: find the triggers the pattern book knows, fill source and target
from the roles the pattern names, decide the modality from the cues governing the
trigger, attach date, place and the outlets of the covering citation, then drop what
the sentence does not support (no source actor, a required target missing, source
and target the same, events inside an appeal's content) and merge the same happening
told twice. Precision before recall: no event without a resolvable source actor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from dossier.actors import ResolvedEntities
from dossier.actors.dateline import dateline_end
from dossier.events.actors import ActorResolver, EntityActors, EventActors, same_actor
from dossier.events.arguments import ArgumentModel
from dossier.events.attribution import covering_outlets
from dossier.events.background import is_background
from dossier.events.generic import generic_event, habitual_event
from dossier.events.learned import Tagged, TriggerTagger, model_triggers
from dossier.events.modality import ModalityReader
from dossier.events.parties import (
    MULTI_ACTOR_ROLES,
    Found,
    apart_from,
    claimed_by,
    harmed_by,
    learned_parties,
    marked_roles,
    phrase_actors,
    purpose_enemies,
    role_actors,
    unnamed_parties,
)
from dossier.events.place import place_of
from dossier.events.reactions import with_answered_targets, without_reactors_as_doers
from dossier.events.readings import result_of, strike_sense
from dossier.events.roles import coordinated, is_adjunct_gerund, is_passive, phrase_tokens
from dossier.events.story import VIOLENT_ROOTS, with_story_parties
from dossier.events.told_later import dates_told_later
from dossier.events.triggers import Trigger, find_triggers
from dossier.knowledge.codebook import Codebook
from dossier.knowledge.construction_words import ConstructionWords
from dossier.knowledge.outlets import OutletBook
from dossier.nlp import doc_text
from dossier.record import (
    Citation,
    Event,
    EventDate,
    Location,
    Modality,
    SentenceRef,
    Timex,
)
from dossier.record import Span as TextSpan
from dossier.time import event_date

if TYPE_CHECKING:  # the knowledge bundle holds the tagger this package defines
    from dossier.knowledge.bundle import Knowledge


# Statements about an event that are acts of their own: admitting (015), denying (016).
STATEMENTS_THAT_ACT = frozenset({"015", "016"})

DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})
MENTION_REACH = 5  # sentences back to look for a later mention's earlier telling
SILENCE_CODES = frozenset({"011"})  # declining comment: told as what was not said
# who speaks; not a passive's "by" phrase, under which the parser often hangs the "that"
# clause of what was said ("he had been told by the leader that ...")
SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Coded:
    trigger: Trigger
    source: Found | None  # None: a later mention whose parties an earlier telling gives
    target: Found | None
    modality: Modality
    paired: bool = False  # source and target both from a coordinated subject or "between"
    agentless: bool = False  # a passive that names no agent ("were rejected"): no source told


def code_events(
    doc: Doc,
    entities: ResolvedEntities,
    timexes: list[Timex],
    citations: list[Citation],
    published: date | None,
    doc_id: str,
    *,
    knowledge: Knowledge,
    resolver: ActorResolver | None = None,
    tagger: TriggerTagger | None = None,
) -> list[Event]:
    """The events the document reports, one record per happening per sentence; with a
    trained `tagger`, also those whose trigger no pattern knows."""
    inner = resolver or EntityActors(entities)
    tagged = tagger.tag(doc) if tagger is not None else []
    events: list[Event] = []
    words: dict[str, str] = {}  # event id -> its trigger's lemma, for later mentions
    tellings: list[tuple[Token, Event]] = []  # each event so far with its trigger word
    for index, sentence in enumerate(doc.sents):
        told: list[tuple[Coded, Event]] = []
        for coded in code_sentence(sentence, knowledge, inner, tagged, citations):
            event = _event(
                coded, sentence, index, doc_id, knowledge.codebook, timexes, citations, published
            )
            if event is not None and not is_background(coded.trigger.token, event, published):
                told.append((coded, event))
        words.update((e.event_id, c.trigger.token.lemma_) for c, e in told)
        told = _with_antecedents(_with_contents(without_reactors_as_doers(told)), events, words)
        told = with_answered_targets(told, doc, inner, tellings)
        tellings += [(c.trigger.token, e) for c, e in told]
        events += [e for _, e in told]
    return dates_told_later(with_story_parties(events, entities), doc, timexes, published)


def _may_repeat(trigger: Trigger) -> bool:
    """An event noun the tagger marks with no party in its sentence ("the attack",
    "the deportations") may be a later mention of an event told before."""
    token = trigger.token
    return trigger.score is not None and token.pos_ == "NOUN" and _definite(token)


def _definite(noun: Token) -> bool:
    """'the attack', 'these deportations', 'Khalil's deportation'."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in noun.children
    )


def _with_antecedents(
    told: list[tuple[Coded, Event]], earlier: list[Event], words: dict[str, str]
) -> list[tuple[Coded, Event]]:
    """Later mentions take their parties from the last earlier telling of the same
    kind (same CAMEO root) in the document, and name it in `mention_of`; with none
    before them they are no event, unless a passive told them without an agent ("the
    deal had been discussed"). The analyst can count happenings, not mentions."""
    kept = []
    for coded, event in told:
        if event.source is not None or (coded.agentless and _new_happening(coded.trigger)):
            kept.append((coded, event))
            continue
        first = _earlier_telling(event, coded.trigger.token.lemma_, earlier, words)
        if first is None:
            if coded.agentless:
                kept.append((coded, event))
            continue
        update = {"source": first.source, "mention_of": first.mention_of or first.event_id}
        if event.target is None:
            update["target"] = first.target
        if event.date is None or event.date.from_publication:
            update["date"] = first.date
        kept.append((coded, event.model_copy(update=update)))
    return kept


def _new_happening(trigger: Trigger) -> bool:
    """'a deadly attack on a base', 'an attack on a train', 'multiple lawsuits against
    the government', 'two attacks': an event noun with no definite word or possessor
    tells a happening for the first time, whatever was told before it."""
    token = trigger.token
    return token.pos_ == "NOUN" and not _definite(token)


def _earlier_telling(
    event: Event, lemma: str, earlier: list[Event], words: dict[str, str]
) -> Event | None:
    """The last telling of the same kind in the sentences just before: one told with the
    same word first ("the attack" after "an attack on a train", not the rescue operation
    told between them), else the last with a source of the same root, else of the same
    kind. Assault, fighting and mass violence are one kind: "the attack" may repeat a
    bombing."""
    near = event.sentence.index - MENTION_REACH
    root = event.cameo_code[:2]
    kind = _mention_kind(root)
    kin = [
        e
        for e in reversed(earlier)
        if _mention_kind(e.cameo_code[:2]) == kind and e.sentence.index >= near
    ]
    # the same word repeats its telling even when that named no doer ("an attack on a
    # train ... the attack"): the story may name the doer (`dossier.events.story`)
    same_word = [e for e in kin if words.get(e.event_id) == lemma]
    candidates = [e for e in kin if e.source]
    same_root = [e for e in candidates if e.cameo_code[:2] == root]
    return next(iter(same_word or same_root or candidates), None)


def _mention_kind(root: str) -> str:
    return "violence" if root in VIOLENT_ROOTS else root


SPEECH_ACT_ROOTS = frozenset({"01", "02", "03", "10", "12", "13"})
ADDRESSEE_DOES = frozenset({"02", "10"})  # appeal, demand: "urged X to ..." asks X
# appeal, demand, threaten: what they ask for may never be; promise, agree: it is planned
CONTENT_MODALITY = {
    "02": "hypothetical",
    "10": "hypothetical",
    "13": "hypothetical",
    "03": "planned",
}


def _with_contents(told: list[tuple[Coded, Event]]) -> list[tuple[Coded, Event]]:
    """An event inside what a speech act says ("threatened to shell", "urged X to
    withdraw", "agreed to hold talks") names that speech act's event as `content_of`."""
    speech = [(c.trigger.token, e) for c, e in told if e.cameo_code[:2] in SPEECH_ACT_ROOTS]
    linked = []
    for coded, event in told:
        ancestors = set(coded.trigger.token.ancestors)
        found = next(((token, e) for token, e in speech if token in ancestors), None)
        if found is not None and event.modality == "asserted":
            event = _asked_or_promised(event, coded.trigger.token, *found)
        if found is not None and event.modality != "asserted":
            event = event.model_copy(update={"content_of": found[1].event_id})
            event = _done_by_the_addressee(event, coded.trigger.token, *found)
        linked.append((coded, event))
    return linked


def _asked_or_promised(event: Event, word: Token, verb: Token, outer: Event) -> Event:
    """What an appeal, a demand or a threat asks for is hypothetical, what a promise or
    an agreement commits to planned (guide, section 4), also where the modality cues do
    not reach it ("urged Farmajo to return to talks": "talks" is no verb)."""
    modality = CONTENT_MODALITY.get(outer.cameo_code[:2])
    if modality is None or not _in_complement(word, verb):
        return event
    return event.model_copy(update={"modality": modality})


def _in_complement(word: Token, verb: Token) -> bool:
    """Whether the word is in the verb's "to" clause ("urged X to return to talks")."""
    return any(c.dep_ == "xcomp" and (c is word or c in word.ancestors) for c in verb.children)


def _done_by_the_addressee(event: Event, word: Token, verb: Token, outer: Event) -> Event:
    """'The U.S. urged Farmajo to return to talks': what an appeal or a demand asks its
    addressee to do is done by the addressee, not by the one who asks."""
    if outer.cameo_code[:2] not in ADDRESSEE_DOES or outer.target is None:
        return event
    if not _in_complement(word, verb):
        return event
    if event.source is not None and not same_actor(event.source, outer.source):
        return event
    return event.model_copy(update={"source": outer.target})


def code_sentence(
    sentence: Span,
    knowledge: Knowledge,
    resolver: ActorResolver,
    tagged: Sequence[Tagged] = (),
    citations: Sequence[Citation] = (),
) -> list[Coded]:
    """The coded events of one sentence, after nesting and duplicate rules. The pattern
    book's triggers first; the tagger's words that no pattern took after them."""
    opening = sentence.start == 0 and dateline_end(sentence.text)
    dateline = sentence.start_char + opening if opening else 0
    actors = EventActors(resolver, knowledge.actors, citations, dateline)
    reader = ModalityReader(knowledge.modality, knowledge.outlets)
    arguments = knowledge.arguments
    triggers, vetoed = find_triggers(sentence, knowledge.patterns)
    taken = {word.i for trigger in triggers for word in trigger.words}
    taken |= {trigger.light_verb.i for trigger in triggers if trigger.light_verb is not None}
    taken |= vetoed  # "met its quota": the pattern decides
    triggers += model_triggers(sentence, list(tagged), taken, knowledge.codes)
    blocked = _inside_non_nesting(triggers)
    words = {t.token.i for t in triggers}
    confirmed = {item.token: item for item in tagged}
    coded: list[Coded] = []
    for trigger in triggers:
        # the content of "urged X to ...": coded only where the tagger sees an event
        # there too, and then as the appeal's content (hypothetical, never asserted)
        if trigger.token.i in blocked and trigger.token.i not in confirmed:
            continue
        found = _code_trigger(trigger, actors, words, reader, knowledge, arguments)
        if not found and trigger.token.i in confirmed and trigger.score is None:
            tagged_word = confirmed[trigger.token.i]
            found = _confirmed_by_model(
                trigger, tagged_word, actors, words, reader, knowledge, arguments
            )
        coded += found
    # "if a holder is accused", "the group frequently conducts bombings": no event
    coded = [c for c in coded if not generic_event(c, knowledge.actors) and not habitual_event(c)]
    if _is_question(sentence):  # guide, Change 46: only a question's condition is coded
        coded = [c for c in coded if c.modality == "hypothetical"]
    coded = [_in_its_sense(c, knowledge.constructions) for c in coded]
    folded = _results_folded(_without_empty_statements(coded), knowledge.constructions)
    return _merge_repeats(folded)


STRIKE_CODES = {"labour": "143", "force": "190"}
CLOSING_MARKS = "\"'”’)» \n"


def _is_question(sentence: Span) -> bool:
    """Whether the sentence asks: what it asks about ("Could they call the State
    Department?") is told neither as done, planned nor possible, and only a question's
    condition ("And if it rejects the reforms?", hypothetical) is an event. The corpus
    has 40 questions and one event in them, that condition."""
    return sentence.text.rstrip(CLOSING_MARKS).endswith("?")


def _in_its_sense(item: Coded, words: ConstructionWords) -> Coded:
    """A strike coded in the sense its words give: "Gunmen struck a police post" is an
    attack (190), "balloting workers on strikes" a labour strike (143)."""
    sense = strike_sense(item.trigger.token, words)
    code = STRIKE_CODES.get(sense)
    if code is None or item.trigger.code[:2] == code[:2]:
        return item
    recoded = replace(item.trigger, code=code, recoded_by="strike-sense")
    return replace(item, trigger=recoded)


def _confirmed_by_model(
    trigger: Trigger,
    tagged: Tagged,
    actors: EventActors,
    words: set[int],
    reader: ModalityReader,
    knowledge: Knowledge,
    arguments: ArgumentModel | None = None,
) -> list[Coded]:
    """A pattern's trigger whose roles it could not fill ("rejected the ruling": no actor
    as the object), where the tagger says the word heads an event: the pattern's code
    with no target required; else, as a learned trigger, the parties the argument model
    finds, with the pattern's code where the tagger's root agrees with it."""
    pattern = replace(trigger.pattern, requires_target=False)
    relaxed = replace(trigger, pattern=pattern, score=tagged.score)
    found = _code_trigger(relaxed, actors, words, reader, knowledge)
    if trigger.pattern.negated_only:
        return found  # "commented that ...": attribution, as "said" is; the pattern decides
    agrees = tagged.root == trigger.code[:2]
    if found or (agrees and arguments is None):
        return found
    generic = model_triggers(trigger.token.sent, [tagged], set(), knowledge.codes)
    if agrees:  # "ramped up attacks on security forces": the pattern's code, learned parties
        generic = [replace(g, code=trigger.code) for g in generic]
    return [
        c for g in generic for c in _code_trigger(g, actors, words, reader, knowledge, arguments)
    ]


def _without_empty_statements(coded: list[Coded]) -> list[Coded]:
    """A statement whose content is itself a coded event is that event, told: "X said
    Arnor will restore ties with Gondor" codes the restoring, not a statement to Arnor.
    A denial or an admission of it is an act of its own and stays ("Russian officials
    denied that Kim's offer was made"), and so does declining to comment on it."""
    triggers = [item.trigger.token for item in coded]
    return [
        item
        for item in coded
        if item.trigger.code[:2] != "01"
        or item.trigger.code in STATEMENTS_THAT_ACT | SILENCE_CODES
        or not any(_in_content(other, item.trigger.token) for other in triggers)
    ]


def _in_content(word: Token, statement: Token) -> bool:
    """Whether the word is in what the statement says, not in the phrase naming who
    speaks ("ICE, which has led the deportations, said ..." says nothing of them) nor
    in a gerund of when or how it was said ("praised Gondor after leaving Eriador")."""
    if statement not in word.ancestors:
        return False
    path = [word, *(a for a in word.ancestors if statement in a.ancestors)]
    if any(is_adjunct_gerund(t) and t.head.head == statement for t in path):
        return False
    speakers = [c for c in statement.children if c.dep_ in SPEAKER_DEPS]
    return not any(s == word or s in word.ancestors for s in speakers)


def _inside_non_nesting(triggers: list[Trigger]) -> set[int]:
    """Triggers in the content of one whose pattern says not to code it ("urged X to ...")."""
    closed = {t.token.i for t in triggers if not t.pattern.nested}
    blocked = set()
    for trigger in triggers:
        if any(a.i in closed for a in trigger.token.ancestors):
            blocked.add(trigger.token.i)
    return blocked


def _parties(
    trigger: Trigger,
    actors: EventActors,
    triggers: set[int],
    arguments: ArgumentModel | None,
    words: ConstructionWords,
) -> tuple[list[Found], str | None, list[Found], str | None]:
    """Sources and targets with the roles that gave them: a learned trigger's from the
    argument model when there is one, a pattern's from the roles the pattern names (its
    missing optional target from the argument model). Whoever claims responsibility
    for the act is its source, and whoever the sentence says it harmed its target and
    never its source, whatever else the parse suggests; an armed act with no target
    named, or only a learned one, is aimed at the enemy its purpose names."""
    sources, source_role, targets, target_role = _parties_by_role(
        trigger, actors, triggers, arguments, words
    )
    harmed = harmed_by(trigger, actors, triggers, words)
    if harmed:
        sources, targets, target_role = apart_from(sources, harmed), harmed, "harmed"
    elif not targets or target_role == "learned":
        # "an operation to flush out al-Shabab": the enemy its purpose names
        enemies = apart_from(purpose_enemies(trigger, actors, triggers, words), sources)
        if enemies:
            targets, target_role = enemies, "purpose"
    claimers = claimed_by(trigger, actors, triggers)
    if claimers:
        sources, source_role = claimers, "claimer"
    return sources, source_role, targets, target_role


def _parties_by_role(
    trigger: Trigger,
    actors: EventActors,
    triggers: set[int],
    arguments: ArgumentModel | None,
    words: ConstructionWords,
) -> tuple[list[Found], str | None, list[Found], str | None]:
    if arguments is not None and trigger.pattern.origin == "model":
        sources, targets = learned_parties(trigger, arguments, actors, triggers, words)
        return sources, "learned", targets, "learned"
    pattern = trigger.pattern
    source_roles, target_roles = marked_roles("source", trigger), marked_roles("target", trigger)
    if trigger.refinement is not None and trigger.refinement.swapped:
        # "received money from Osgiliath": the giver follows the verb, the subject receives
        source_roles, target_roles = trigger.pattern.target, trigger.pattern.source
    sources, source_role = role_actors(trigger, source_roles, actors, triggers)
    targets, target_role = role_actors(trigger, target_roles, actors, triggers)
    if trigger.score is not None:  # learned or confirmed: keep parties the stage cannot name
        sources = sources or unnamed_parties(trigger, source_roles, actors, triggers)
    if trigger.score is not None or not pattern.requires_target:
        # an addressee the stage cannot name ("urged the president to ...") is still
        # the addressee; it never makes a pattern's required target
        targets = targets or unnamed_parties(trigger, target_roles, actors, triggers, "target")
    if arguments is not None and not targets and not pattern.requires_target:
        # a pattern that may go without a target, whose roles found none: the argument
        # model's, if it sees one ("vowed revenge against the separatists")
        _, targets = learned_parties(trigger, arguments, actors, triggers, words)
        targets = apart_from(targets, sources)
        target_role = "learned" if targets else target_role
    return sources, source_role, targets, target_role


def _code_trigger(
    trigger: Trigger,
    actors: EventActors,
    triggers: set[int],
    reader: ModalityReader,
    knowledge: Knowledge,
    arguments: ArgumentModel | None = None,
) -> list[Coded]:
    pattern = trigger.pattern
    outlets = knowledge.outlets
    sources, source_role, targets, target_role = _parties(
        trigger, actors, triggers, arguments, knowledge.constructions
    )
    if source_role in ("subject", "light_subject") and pattern.symmetric and not targets:
        sources += _split_off_partners(trigger, actors, triggers)
    # Parties face each other when they are the coordinated subject of a symmetric event
    # or the two sides of "between"; "meetings with Russian and Korean officials" does
    # not make the Russians and Koreans meet each other.
    paired = pattern.symmetric and (
        (len(sources) == 2 and not targets)
        or (not sources and len(targets) == 2 and target_role in MULTI_ACTOR_ROLES)
    )
    if pattern.symmetric and not targets and len(sources or targets) > 2:
        return []  # six governments "agreed to cooperate": not fifteen bilateral events
    if paired:  # "Sherman and Losyukov chaired a meeting", "talks between X and Y"
        parties = sources or targets
        pairs = [(a, b) for n, a in enumerate(parties) for b in parties[n + 1 :]]
    elif not sources and _may_repeat(trigger):
        pairs = [(None, t) for t in (targets or [None])]  # "the attack": see _with_antecedents
    elif not sources and source_role == "learned" and _agentless(trigger, targets):
        pairs = [(None, t) for t in (targets or [None])]
    elif not sources or (pattern.requires_target and not targets):
        return []
    else:
        pairs = [(s, t) for s in sources for t in (targets or [None])]
    modality = reader.modality_of(trigger.token, trigger.light_verb)
    if pattern.negated_only and modality != "negated":
        return []  # "commented that ...": no silence
    if modality == "negated" and trigger.code in SILENCE_CODES:
        modality = "asserted"  # "did not respond to a request for comment": silence is the act
    agentless = source_role == "learned" and not sources
    return [
        Coded(
            trigger,
            source,
            target,
            _own_word(modality, trigger, source, actors, reader),
            paired,
            agentless,
        )
        for source, target in pairs
        if target is None
        or source is None
        or not (
            same_actor(source.actor, target.actor)
            or _told_the_press(trigger, target, actors, outlets)
        )
    ]


def _own_word(
    modality: Modality,
    trigger: Trigger,
    source: Found | None,
    actors: EventActors,
    reader: ModalityReader,
) -> Modality:
    """An actor telling of its own act asserts it (guide, section 5: "X said it struck
    Y" for X's own act): "reported" only when the one who says is someone else."""
    if modality != "reported" or source is None:
        return modality
    speaker = reader.reporting_subject(trigger.light_verb or trigger.token)
    if speaker is None:
        return modality
    said_by = actors.actor(phrase_tokens(speaker))
    return "asserted" if said_by is not None and same_actor(said_by, source.actor) else modality


def _agentless(trigger: Trigger, targets: list[Found]) -> bool:
    """A learned event the sentence tells without its doer: a passive ("those challenges
    were rejected") or an event noun done to someone ("an attack on a train")."""
    token = trigger.token
    return is_passive(token) or (token.pos_ == "NOUN" and bool(targets))


def _split_off_partners(trigger: Trigger, actors: EventActors, triggers: set[int]) -> list[Found]:
    """Coordinated names a parenthetical cut off from the subject. In "On August 28,
    Sherman and Russian Deputy Foreign Minister (in charge of Asia-Pacific affairs)
    Aleksandr Losyukov chaired a joint meeting" the parser leaves "Sherman and ...
    Minister (...)" outside the subject (or as a verbless sentence of its own): the
    coordinated names there, but the last (the subject's own title), are the subject's
    partners. Only when the words before the subject end in ")" and hold no verb."""
    verb = trigger.light_verb or trigger.token  # "chaired a joint meeting"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].left_edge.i == 0:
        return []
    doc = verb.doc
    opening = subjects[0].left_edge.i
    start = verb.sent.start if opening > verb.sent.start else doc[opening - 1].sent.start
    before = doc[start:opening]
    if before[-1].text != ")" or any(t.pos_ in ("VERB", "AUX") for t in before):
        return []
    heads = [
        t
        for t in before
        if t.pos_ == "PROPN" and t.dep_ != "conj" and any(c.dep_ == "conj" for c in t.children)
    ]
    members = list(coordinated(heads[-1]))[:-1] if heads else []
    return [found for member in members for found in phrase_actors(member, actors, False, triggers)]


def _told_the_press(
    trigger: Trigger, target: Found, actors: EventActors, outlets: OutletBook
) -> bool:
    """ "X told the BBC", "told the official PAP news agency": an interview, not a
    statement to a political actor; nor is meeting or visiting the press a
    consultation (a story's closing "REUTER" is no place visited)."""
    if trigger.code[:2] not in ("01", "04"):
        return False
    actor = target.actor
    if actor.cameo and actor.cameo.endswith("MED"):
        return True
    if outlets.lookup(actor.name) is not None:
        return True
    if target.head is None:
        return False
    words = [target.head, *(c for c in target.head.children if c.dep_ == "compound")]
    for word in words:  # "Radio Wales", "BBC1", "the official PAP news agency"
        if outlets.lookup(word.text.rstrip("0123456789")) is not None:
            return True
        sector = actors.knowledge.sector_of(word.lemma_.lower())
        if sector is not None and sector.code == "MED":
            return True
    return False


def _results_folded(coded: list[Coded], words: ConstructionWords) -> list[Coded]:
    """An act of force told by its noun and by a verb of its result ("Taliban fighters
    killed three soldiers in an ambush", "a bomb blast killed 11 miners") is one event:
    the noun's, with the parties the verb names where the noun names none (guide, the
    airstrike example)."""
    acts = {item.trigger.token.i: item for item in coded if _forceful(item)}
    folded: dict[int, Coded] = {}
    results = set()
    for item in coded:
        nouns = result_of(item.trigger.token, words) if _forceful(item) else []
        act = next((noun.i for noun in nouns if noun.i in acts), None)
        if act is None:
            continue
        results.add(id(item))
        into = folded.get(act, acts[act])
        folded[act] = replace(
            into, source=into.source or item.source, target=into.target or item.target
        )
    return [folded.get(item.trigger.token.i, item) for item in coded if id(item) not in results]


def _forceful(item: Coded) -> bool:
    return item.trigger.code[:2] in VIOLENT_ROOTS


def _merge_repeats(coded: list[Coded]) -> list[Coded]:
    """The same happening told twice in a sentence is one event (the first telling)."""
    kept: list[Coded] = []
    for item in coded:
        if not any(_same_happening(item, other) for other in kept):
            kept.append(item)
    return kept


def _same_happening(first: Coded, second: Coded) -> bool:
    if first.trigger.code[:3] != second.trigger.code[:3]:
        return False
    a_target = first.target.actor if first.target else None
    b_target = second.target.actor if second.target else None
    a_source = first.source.actor if first.source else None
    b_source = second.source.actor if second.source else None
    straight = (a_source is b_source is None or same_actor(a_source, b_source)) and (
        a_target is b_target is None or same_actor(a_target, b_target)
    )
    crossed = (
        first.trigger.pattern.symmetric
        and same_actor(a_source, b_target)
        and same_actor(a_target, b_source)
    )
    return straight or crossed


def _event(
    coded: Coded,
    sentence: Span,
    index: int,
    doc_id: str,
    codebook: Codebook,
    timexes: list[Timex],
    citations: list[Citation],
    published: date | None,
) -> Event | None:
    trigger = coded.trigger
    entry = codebook.get(trigger.code)
    if entry is None:
        return None
    when = _date(trigger, timexes, published)
    modality = coded.modality
    if modality == "asserted" and _after_publication(when, published):
        modality = "planned"  # "a visit ... next month" reported as asserted in form
    text = doc_text(sentence.doc)
    return Event(
        event_id=_event_id(doc_id, index, coded),
        sentence=SentenceRef(
            index=index, start=sentence.start_char, end=sentence.end_char, text=sentence.text
        ),
        trigger=text[trigger.start_char : trigger.end_char],
        trigger_span=TextSpan(
            start=trigger.start_char,
            end=trigger.end_char,
            text=text[trigger.start_char : trigger.end_char],
        ),
        source=coded.source.actor if coded.source else None,
        target=coded.target.actor if coded.target else None,
        cameo_code=trigger.code,
        plover_type=entry.plover_type,
        plover_mode=entry.plover_mode,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        date=when,
        location=_location(coded),
        modality=modality,
        attribution=covering_outlets(text, sentence.start_char, sentence.end_char, citations),
        confidence=_confidence(coded),
        coded_by=_coded_by(trigger),
        coder_score=trigger.score,
        reciprocal_code=trigger.reciprocal or (trigger.code if coded.paired else None),
    )


def _date(trigger: Trigger, timexes: list[Timex], published: date | None) -> EventDate | None:
    found = event_date(trigger.token, timexes, published)
    if found is not None:
        return found
    if published is None:
        return None
    day = published.isoformat()
    return EventDate(start=day, end=day, text=None, from_publication=True)


def _after_publication(when: EventDate | None, published: date | None) -> bool:
    if when is None or published is None or when.from_publication:
        return False
    return when.start > published.isoformat()


def _location(coded: Coded) -> Location | None:
    place = place_of(coded.trigger.token, coded.trigger.light_verb)
    if place is None:
        return coded.target.place if coded.target else None
    for found in (coded.source, coded.target):
        actor_text = found.actor.text if found else None
        if actor_text and actor_text in place.location.name:
            return None  # a capital named as an actor is not the event's place
    return place.location


def _confidence(coded: Coded) -> float:
    """A simple score: 0.9 for a verb, 0.8 for an event noun; x0.85 for each actor
    found only through a modifier ("Russian officials"); x0.9 without a target."""
    score = 0.9 if coded.trigger.token.pos_ == "VERB" else 0.8
    for found in (coded.source, coded.target):
        if found is not None and not found.by_name:
            score *= 0.85
    if coded.target is None:
        score *= 0.9
    return round(score, 2)


def _coded_by(trigger: Trigger) -> str:
    origin = trigger.pattern.origin
    if origin == "model":
        found = "model:dossier-triggers"
    else:
        pattern = f"pattern:{origin}" if origin else "pattern"
        found = pattern if trigger.score is None else f"{pattern}+model:dossier-triggers"
    return found if trigger.recoded_by is None else f"{found}+rule:{trigger.recoded_by}"


def _event_id(doc_id: str, index: int, coded: Coded) -> str:
    """Stable and unique in the document: one trigger with three targets ("visiting
    Tanzania, Mozambique and Kenya") is three events, so the parties are in the key."""
    trigger = coded.trigger
    parties = "|".join(_party_key(found) for found in (coded.source, coded.target))
    key = f"{doc_id}|{index}|{trigger.start_char}-{trigger.end_char}|{trigger.code}|{parties}"
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:16]


def _party_key(found: Found | None) -> str:
    if found is None:
        return "-"
    actor = found.actor
    return actor.entity or f"{actor.name}@{found.head.i if found.head is not None else ''}"
