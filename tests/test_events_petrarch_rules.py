"""How PETRARCH-2 verb dictionaries are read and applied, and the parse repairs the
PETRARCH validation suites showed were needed (each written as a rule for real news)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Token

from dossier.events.actors import ActorResolver
from dossier.events.coder import Coded, code_sentence
from dossier.events.modality import ModalityReader
from dossier.knowledge.bundle import Knowledge
from dossier.knowledge.event_patterns import PatternBook
from dossier.knowledge.modality_cues import default_modality_cues
from dossier.knowledge.petrarch_verbs import import_petrarch_verbs, load_verb_file

NAMES = {
    "Arnor": "ARN",
    "Gondor": "GON",
    "Osgiliath": "OSG",
    "Mordor": "MOR",
    "Shire": "SHI",
    "Bree": "BRE",
    "Eriador": "ERI",
    "Putin": "RUSGOV",
    "Kim": "PRKGOV",
}


class Names(ActorResolver):
    """Actors by word: the first word of the phrase that the table knows."""

    def actor(self, tokens: Sequence[Token]) -> object:
        from dossier.record import ActorRef

        for token in tokens:
            if token.text in NAMES:
                return ActorRef(name=token.text, text=token.text, cameo=NAMES[token.text])
        return None


def verbs(tmp_path: Path, text: str) -> PatternBook:
    path = tmp_path / "verbs.txt"
    path.write_text(text)
    return load_verb_file(path)


def triples(nlp, book: PatternBook, text: str) -> set[tuple[str, str | None, str]]:
    items: list[Coded] = [
        c
        for s in nlp(text).sents
        for c in code_sentence(s, Knowledge.build().with_patterns(book), Names())
    ]
    return {
        (c.source.actor.name, c.target.actor.name if c.target else None, c.trigger.code)
        for c in items
    }


def test_braced_phrase_is_words_in_a_row_and_odd_codes_block(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(
        "&REVOLT\n+REVOLUTION\n\n--- RESTORE [050] ---\nRESTORE\n"
        "- * {THE FULL} [xxy]\n- * &REVOLT [802]\n- POLICY * [777]\n"
    )
    book, report = import_petrarch_verbs(path)
    (restore,) = book.lookup("verb", "restore")
    full, revolt = restore.refinements  # "- POLICY *" names no words after the verb: dropped
    assert full.code is None and full.slots[0].words == (frozenset({"the full"}),)
    assert revolt.code is None and revolt.slots[0].words == (frozenset({"revolution"}),)
    assert report.skipped_codes == 3


def test_a_non_cameo_pattern_codes_nothing_rather_than_the_blocks_code(nlp, tmp_path) -> None:
    book = verbs(tmp_path, "--- ADOPT [057] ---\nADOPT\n- * REVOLUTION [802]\n")
    assert triples(nlp, book, "Arnor will adopt a revolution with Gondor.") == set()
    assert triples(nlp, book, "Arnor will adopt a treaty with Gondor.") == {
        ("Arnor", "Gondor", "057")
    }


def test_listed_forms_of_a_phrase_verb_are_triggers(tmp_path: Path) -> None:
    book = verbs(tmp_path, "--- EXCLUDE [144] ---\n+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}\n")
    (cordoned,) = book.lookup("verb", "cordoned")
    assert cordoned.extra == ("off",) and cordoned.code == "144"


def test_target_before_and_source_after_the_verb_swap_the_roles(nlp, tmp_path) -> None:
    book = verbs(tmp_path, "--- RECEIVE [033] ---\nRECEIVE\n- + * MONEY $ [071]\n")
    assert book.lookup("verb", "receive")[0].refinements[0].swapped
    assert triples(nlp, book, "Arnor received money from Gondor.") == {("Gondor", "Arnor", "071")}


def test_words_before_the_verb_are_read_in_its_subject(nlp, tmp_path) -> None:
    book = verbs(
        tmp_path,
        "--- ALLOW [080] ---\nALLOW\n- RECENTLY * [025]\n"
        "--- RISEN [---] ---\nRISEN\n- {DEATH TOLL} * [190]\n",
    )
    # an adverb before the verb is not its subject phrase
    assert triples(nlp, book, "Arnor recently allowed Gondor to trade.") == {
        ("Arnor", "Gondor", "080")
    }


def test_names_the_parser_lists_as_appositions_are_each_a_party(nlp, tmp_path) -> None:
    book = verbs(tmp_path, "--- WELCOME [050] ---\nWELCOME\n")
    found = triples(nlp, book, "Mordor, the Shire, Arnor and Bree welcomed the talks with Eriador.")
    assert {s for s, _, _ in found} == {"Mordor", "Shire", "Arnor", "Bree"}
    assert {t for _, t, _ in found} == {"Eriador"}


def test_a_clause_before_a_reporting_verb_is_not_its_addressee(nlp, tmp_path) -> None:
    book = verbs(tmp_path, "--- SAY [010] ---\nSAY {SAYS SAID}\n--- IMPROVE [---] ---\nIMPROVE\n")
    found = triples(
        nlp, book, "Arnor is about to improve ties with Gondor, a Bree official said on Saturday."
    )
    assert ("Bree", "Arnor", "010") not in found
    assert ("Bree", "Gondor", "010") in triples(
        nlp, book, "A Bree official said that Gondor would improve ties."
    )


def test_not_on_an_adverb_of_the_verb_negates_it(nlp) -> None:
    doc = nlp("Putin did not even ever meet Kim.")
    meet = next(t for t in doc if t.lemma_ == "meet")
    assert ModalityReader(default_modality_cues()).modality_of(meet) == "negated"
    only = nlp("Putin not only met Kim but also visited Seoul.")
    assert (
        ModalityReader(default_modality_cues()).modality_of(
            next(t for t in only if t.lemma_ == "meet")
        )
        == "asserted"
    )
