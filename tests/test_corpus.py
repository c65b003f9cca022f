"""The corpus validator, reader and training conversion, on sentences written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

from dossier.corpus import check_corpus, read_corpus, read_story_file, split_of
from dossier.corpus.reader import find_span
from dossier.corpus.stories import annotated_stories, story_article
from dossier.corpus.training import analysed_words, score_triggers, trigger_doc

REPO = Path(__file__).resolve().parents[1]
MET = "Putin and Xi met in Beijing on Friday, and Putin praised Xi."


def _write(folder: Path, *lines: dict) -> Path:
    path = folder / "story.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def _line(events, text=MET, id="t-000") -> dict:
    return {
        "id": id,
        "story": "written-t",
        "published": "2019-05-14",
        "text": text,
        "events": events,
    }


def _event(**fields) -> dict:
    event = {
        "trigger": "met",
        "cameo": "040",
        "plover": "CONSULT",
        "source": "Putin",
        "target": "Xi",
        "modality": "asserted",
        "date": "Friday",
    }
    event.update(fields)
    return event


def test_spans_are_found_as_whole_words_with_their_occurrence():
    assert find_span(MET, "Putin", 1).start == MET.rindex("Putin")
    assert find_span(MET, "Xi", 0).end == MET.index("Xi") + 2
    assert isinstance(find_span(MET, "Put"), str)  # part of a word is no span
    assert "occurs 2 time(s)" in find_span(MET, "Putin", 2)


def test_a_valid_annotation_reads_with_offsets(tmp_path):
    praise = _event(
        trigger="praised", cameo="051", plover="SUPPORT", source_at=1, target_at=1, date=None
    )
    path = _write(tmp_path, _line([_event(), praise]), _line([], text="Nothing.", id="t-001"))
    assert check_corpus(tmp_path) == []
    sentences, problems = read_story_file(path)
    first = sentences[0].events[1]
    assert problems == [] and first.source.start == MET.rindex("Putin")
    assert first.target.start == MET.rindex("Xi") and sentences[1].events == ()


def test_every_kind_of_mistake_is_named_with_its_line(tmp_path):
    bad = [
        _event(source="Mao"),
        _event(cameo="999"),
        _event(plover="ASSAULT"),
        _event(modality="done"),
        _event(cameo="04"),
        _event(trigger="met in"),
        _event(modality="asserted", content_of=0),
        _event(content_of=7, modality="planned"),
    ]
    _write(tmp_path, _line(bad), _line([], id="t-000"))
    messages = [str(p) for p in check_corpus(tmp_path)]
    expected = [
        "'Mao' is not in the sentence",
        "'999' is not a code",
        "disagrees with the crosswalk",
        "'done' is not one of",
        "use the root's general code 040",
        "must be one word",
        "never asserted",
        "not another event",
        "id t-000 already used",
    ]
    for text in expected:
        assert any(text in m for m in messages), text
    assert all(m.startswith(str(tmp_path / "story.jsonl") + ":") for m in messages)


def test_training_reads_a_valid_corpus_and_refuses_a_broken_one(tmp_path):
    from dossier.corpus import checked_sentences
    from dossier.errors import InputError

    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir(), bad.mkdir()
    _write(good, _line([_event()]), _line([], text="Nothing.", id="t-001"))
    assert [s.id for s in checked_sentences(good)] == ["t-000", "t-001"]
    _write(bad, _line([_event(cameo="999"), _event(source="Mao")]))
    with pytest.raises(
        InputError, match=r"story\.jsonl:1: event \d: .* \(and 1 more\): fix the corpus first$"
    ):
        checked_sentences(bad)


def test_splits_keep_stories_whole_and_written_sentences_in_training():
    assert split_of("written-w1-01") == "train"
    assert split_of("voa-8011115") == split_of("voa-8011115")
    voa = [p.stem for p in (REPO / "corpus" / "sentences" / "voa").glob("*.jsonl")]
    splits = {name: sum(split_of(s) == name for s in voa) for name in ("train", "dev", "test")}
    assert splits["test"] >= 8 and splits["dev"] >= 8 and splits["train"] > splits["dev"]


def test_written_sentences_each_at_offset_0_are_stories_of_their_own(tmp_path):
    """Laid end to end at offset 0 they would overlap, and a word of the second would
    be looked for in the first."""
    lines = [
        _line([_event()]),
        {**_line([], text="Nothing happened.", id="t-001"), "start": 0},
        {**_line([], text="Rain fell.", id="v-000"), "story": "voa-1", "start": 0},
        {**_line([], text="It stopped.", id="v-001"), "story": "voa-1", "start": 11},
    ]
    sentences, _ = read_story_file(_write(tmp_path, *lines))
    stories = annotated_stories(sentences, "train") | annotated_stories(sentences, "dev")
    stories |= annotated_stories(sentences, "test")
    assert stories["t-000"] == [sentences[0]] and stories["t-001"] == [sentences[1]]
    assert stories["voa-1"] == sentences[2:]
    assert story_article("voa-1", stories["voa-1"]).text == "Rain fell. It stopped."


def test_training_docs_tag_each_trigger_with_its_root(tmp_path):
    praise = _event(trigger="praised", cameo="051", plover="SUPPORT", source_at=1, target_at=1)
    _write(tmp_path, _line([_event(), _event(source="Xi", target="Putin"), praise]))
    sentence = read_story_file(tmp_path / "story.jsonl")[0][0]
    doc = trigger_doc(sentence, spacy.blank("en").make_doc)
    tagged = {token.text: token.tag_ for token in doc if token.tag_ != "O"}
    assert tagged == {"met": "04", "praised": "05"}


def test_training_words_keep_the_analysis_but_not_the_trigger_tags(tmp_path, nlp):
    _write(tmp_path, _line([_event()]))
    sentence = read_story_file(tmp_path / "story.jsonl")[0][0]
    reference = trigger_doc(sentence, nlp)
    words = analysed_words(reference, nlp.vocab)
    met = next(t for t in words if t.text == "met")
    assert (met.pos_, met.lemma_, met.dep_) == ("VERB", "meet", "ROOT")
    assert [t.tag_ for t in words] == [""] * len(words)  # the answer is not in the input
    assert reference[met.i].tag_ == "04"


def test_the_best_step_is_chosen_by_trigger_scores_not_by_tag_accuracy():
    vocab = spacy.blank("en").vocab
    words = ["Xi", "met", "Putin", "and", "praised", "him"]
    truth = Doc(vocab, words=words, tags=["O", "04", "O", "O", "05", "O"])
    guess = Doc(vocab, words=words, tags=["O", "04", "O", "O", "04", "O"])
    scores = score_triggers([Example(guess, truth)])
    assert scores["trigger_f"] == 1.0  # both trigger words found
    assert scores["trigger_root_p"] == 0.5 and scores["trigger_root_r"] == 0.5


def test_the_shipped_corpus_is_valid():
    folders = (
        "sentences",
        "agreement",
        "agreement-2",
        "agreement-3",
        "agreement-4",
        "pending",
        "domestic-dev",
    )
    problems = [p for name in folders for p in check_corpus(REPO / "corpus" / name)]
    assert problems == [], "\n".join(map(str, problems[:10]))


@pytest.mark.parametrize("folder", ["domestic-check", "domestic-dev"])
def test_the_domestic_sets_are_valid_and_held_out_of_training(folder):
    """No sentence of the domestic sets may also stand among those the models learn from,
    nor in the other set (one is for choosing, the other for figures)."""
    held_out, _ = read_corpus(REPO / "corpus" / folder)
    trained, _ = read_corpus(REPO / "corpus" / "sentences")
    other = "domestic-dev" if folder == "domestic-check" else "domestic-check"
    assert check_corpus(REPO / "corpus" / folder) == []
    assert len(held_out) >= 300
    beside, _ = read_corpus(REPO / "corpus" / other)
    assert {s.text for s in held_out}.isdisjoint(s.text for s in trained)
    assert {s.text for s in held_out}.isdisjoint(s.text for s in beside)
    every = annotated_stories(held_out, None)  # outside the splits: all of it
    assert sum(len(members) for members in every.values()) == len(held_out)
