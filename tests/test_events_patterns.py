"""The pattern dictionary and the PETRARCH-2 verb-dictionary importer."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SHARED, require_shared

from dossier.errors import KnowledgeError
from dossier.knowledge.event_patterns import default_event_patterns, load_event_patterns
from dossier.knowledge.petrarch_verbs import import_petrarch_verbs, load_verb_file


def test_own_patterns_cover_all_twenty_cameo_roots() -> None:
    book = default_event_patterns()
    patterns = [p for listed in book.patterns.values() for p in listed]
    codes = {p.code for p in patterns} | {r.code for p in patterns for r in p.refinements}
    assert {c[:2] for c in codes if c} == {f"{n:02d}" for n in range(1, 21)}


def test_a_pattern_without_a_code_codes_only_what_its_when_names(tmp_path) -> None:
    path = tmp_path / "naming.yaml"
    path.write_text(
        "- code: null\n  verbs: [call]\n  requires_target: false\n"
        '  when:\n    - {description: [illegal], code: "111"}\n'
    )
    (pattern,) = load_event_patterns(path).lookup("verb", "call")
    assert pattern.code is None and pattern.refinements[0].code == "111"


def test_a_pattern_without_a_code_needs_a_when(tmp_path) -> None:
    path = tmp_path / "naming.yaml"
    path.write_text("- code: null\n  verbs: [call]\n")
    with pytest.raises(KnowledgeError, match="needs a 'when': a code, or no event"):
        load_event_patterns(path)


def test_a_pattern_whose_whens_all_say_no_event_only_vetoes(tmp_path) -> None:
    path = tmp_path / "candidacy.yaml"
    path.write_text("- code: null\n  verbs: [stand]\n  when:\n    - {in: [election], code: null}\n")
    (pattern,) = load_event_patterns(path).lookup("verb", "stand")
    assert pattern.code is None and pattern.refinements[0].code is None


@pytest.mark.parametrize(
    ("pos", "lemma", "code"),
    [
        ("verb", "meet", "040"),
        ("noun", "talks", "040"),
        ("verb", "urge", "020"),
        ("verb", "oppose", "110"),
        ("noun", "visit", "042"),
        ("verb", "postpone", None),
        ("verb", "accuse", "112"),
        ("verb", "arrest", "173"),
        ("verb", "expel", "166"),
    ],
)
def test_common_triggers_have_their_codes(pos: str, lemma: str, code: str | None) -> None:
    codes = {p.code for p in default_event_patterns().lookup(pos, lemma) if not p.extra}
    assert codes == ({code} if code else set())


def test_phrasal_trigger_keeps_its_particle_and_prepositional_target() -> None:
    (call_on,) = [p for p in default_event_patterns().lookup("verb", "call") if p.extra == ("on",)]
    assert call_on.code == "020" and "on" in call_on.target and call_on.nested is False


def test_visit_names_the_hosts_side() -> None:
    (visit,) = [p for p in default_event_patterns().lookup("noun", "visit") if not p.extra]
    assert visit.reciprocal == "043" and "possessor" in visit.source and "to" in visit.target


def test_mistake_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "patterns.yaml"
    path.write_text('- code: "040"\n  verbs: [meet]\n- code: "999"\n  verbs: [frobnicate]\n')
    with pytest.raises(KnowledgeError) as error:
        load_event_patterns(path)
    assert error.value.line == 3 and "999" in error.value.problem


def test_unknown_field_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "patterns.yaml"
    path.write_text('- code: "040"\n  verbs: [meet]\n  targets: [with]\n')
    with pytest.raises(KnowledgeError, match="unknown fields"):
        load_event_patterns(path)


PETRARCH_SAMPLE = """\
####### SYNONYM SETS #######
&TREATY
+TREATY
+PACT
+WRITTEN_AGREEMENT

####### VERB PATTERNS #######
---  VISIT   [042:043]  ---
VISIT
+PAY_VISIT [042]
- * (TO CAPITAL)                 [042]   # a comment
- * &TREATY                      [057]
- NEVER *                        [099X]

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


def test_petrarch_blocks_verbs_patterns_and_synsets_are_read(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(PETRARCH_SAMPLE)
    book, report = import_petrarch_verbs(path)
    (visit,) = book.lookup("verb", "visit")
    assert (visit.code, visit.reciprocal) == ("042", "043")
    (pay,) = book.lookup("verb", "pay")
    assert pay.extra == ("visit",) and pay.code == "042"
    treaty = next(r for r in visit.refinements if r.code == "057")
    # a multi-word member is the phrase, in a row ("written agreement"), not its last word
    assert treaty.slots[0].words == (frozenset({"treaty", "pact", "written agreement"}),)
    capital = next(r for r in visit.refinements if r.code == "042")
    assert capital.slots[0].place == "to" and capital.slots[0].words == (frozenset({"capital"}),)
    assert report.skipped_codes == 1  # 099X is no CAMEO code


def test_the_cameo_2_dictionary_imports_most_of_its_patterns() -> None:
    path = require_shared(SHARED / "data/petrarch/dicts/CAMEO.2.0.txt")
    book, report = import_petrarch_verbs(path)
    assert report.patterns > 4000  # of about 4,600 pattern lines
    assert any(p.code == "040" for p in book.lookup("verb", "meet"))


def test_a_file_without_verb_blocks_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("# nothing here\n")
    with pytest.raises(KnowledgeError, match="no verb blocks"):
        load_verb_file(path)


def test_modality_cue_file_loads_and_quoted_words_survive_yaml() -> None:
    from dossier.knowledge.modality_cues import default_modality_cues

    cues = default_modality_cues()
    assert cues.noun_modifiers["no"] == "negated"  # a bare `no` would be read as false
    assert cues.auxiliaries["'ll"] == "planned"
    assert cues.predicates["deny"] == "denied" and cues.predicates["postpone"] == "postponed"


def test_modality_cue_file_refuses_an_unknown_modality(tmp_path: Path) -> None:
    from dossier.knowledge.modality_cues import load_modality_cues

    source = (
        Path(__file__).resolve().parents[1] / "src/dossier/knowledge/data/modality_cues.yaml"
    ).read_text()
    path = tmp_path / "cues.yaml"
    path.write_text(
        source.replace(
            "  speculated: [can, could, may, might]", "  wishful: [can, could, may, might]"
        )
    )
    with pytest.raises(KnowledgeError, match="wishful"):
        load_modality_cues(path)


def test_older_verb_files_without_section_marker_and_with_xml_comments(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(
        "<!-- PETRARCH VALIDATION SUITE VERBS DICTIONARY -->\n"
        "&TIETYPES\n+MILITARY\n\n"
        "--- ADMIT  [013:012] ---\n<!-- a comment\n spanning lines -->\nADMIT\n"
        "- * &TIETYPES TIES  [064]\n"
    )
    book, report = import_petrarch_verbs(path)
    (admit,) = book.lookup("verb", "admit")
    assert (admit.code, admit.reciprocal) == ("013", "012")
    assert admit.refinements[0].slots[0].words == (frozenset({"military"}), frozenset({"ties"}))
    assert report.blocks == 1 and report.skipped_lines == []


def test_petrarch_marks_name_the_phrase_giving_the_target(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(
        "--- WARN [130] ---\nWARN\n- * THEIR ^ ABOUT +  [130]\n- * EID (AT ^) (WITH +)  [017]\n"
    )
    (warn,) = load_verb_file(path).lookup("verb", "warn")
    about, eid = warn.refinements
    assert [(s.place, s.marks) for s in about.slots] == [("object", None), ("about", "target")]
    assert ("with", "target") in [(s.place, s.marks) for s in eid.slots]


def test_set_names_match_without_their_closing_underscore(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(
        "&PREPOSIT1_\n+ON\n+AGAINST\n\n--- ACT [100] ---\nACT\n- * &PREPOSIT1 RESOLUTION  [102]\n"
    )
    (act,) = load_verb_file(path).lookup("verb", "act")
    assert act.refinements[0].slots[0].words == (
        frozenset({"on", "against"}),
        frozenset({"resolution"}),
    )


def test_construction_words_are_knowledge_an_analyst_can_extend(nlp) -> None:
    from dataclasses import replace

    from dossier.events.readings import strike_sense
    from dossier.knowledge.construction_words import default_construction_words

    words = default_construction_words()
    strike = next(t for t in nlp("Dockers staged a strike at the port.") if t.text == "strike")
    assert strike_sense(strike, words) is None  # "docker" is no labour word of the file
    extended = replace(words, labour_words=words.labour_words | {"docker"})
    assert strike_sense(strike, extended) == "labour"


def test_construction_word_file_names_a_missing_list_and_a_bad_entry(tmp_path: Path) -> None:
    from dossier.knowledge.construction_words import load_construction_words

    source = (
        Path(__file__).resolve().parents[1] / "src/dossier/knowledge/data/construction_words.yaml"
    ).read_text()
    path = tmp_path / "words.yaml"
    path.write_text(source.replace("dying_verbs: [die, perish]\n", ""))
    with pytest.raises(KnowledgeError, match=r"words\.yaml.*missing lists \['dying_verbs'\]"):
        load_construction_words(path)
    path.write_text(source.replace("dying_verbs: [die, perish]", "dying_verbs: die"))
    with pytest.raises(KnowledgeError, match="'dying_verbs' must be a list of words"):
        load_construction_words(path)
