"""Split news stories into the corpus's sentence files, not yet annotated.

    .venv/bin/python scripts/corpus_prepare.py voa ../shared/data/news/voa_stories.jsonl.gz
    .venv/bin/python scripts/corpus_prepare.py synthetic ../shared/data/plover-synthetic/*.csv.zip

`voa` writes `corpus/sentences/voa/<story id>.jsonl` for every Voice of America story.
`synthetic` draws STORIES_PER_TYPE stories of each intended PLOVER type from the
machine-written PLOVER stories (MIT), each from a different headline, with SEED, and
writes `corpus/sentences/synthetic/synthetic-<row>.jsonl` (`row`: the story's row in
the file, as the silver tags name it). One sentence a line, with `"events": null`. An
existing file is left alone, so annotations are never lost; sentences are cut by the
project's own spaCy pipeline, once, and then fixed.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

from dossier.nlp import load_model

SENTENCES = Path(__file__).resolve().parent.parent / "corpus" / "sentences"
STORIES_PER_TYPE = 15
SEED = 20


def sentence_lines(story_id: str, text: str, published: str, nlp) -> list[dict]:
    doc = nlp(text)
    sentences = (sent for sent in doc.sents if sent.text.strip())
    return [
        {
            "id": f"{story_id}-{index:03d}",
            "story": story_id,
            "published": published,
            "start": sentence.start_char,
            "text": sentence.text,
            "events": None,
        }
        for index, sentence in enumerate(sentences)
    ]


def voa_stories(source: str) -> list[tuple[str, str, str]]:
    with gzip.open(source, "rt", encoding="utf-8") as stream:
        rows = [json.loads(line) for line in stream]
    return [(f"voa-{row['id']}", row["text"], row["published"]) for row in rows]


def synthetic_stories(source: str) -> list[tuple[str, str, str]]:
    """STORIES_PER_TYPE stories of each PLOVER type, no two of one headline. They have
    no date of publication: their date words stay relative."""
    archive = zipfile.ZipFile(source)
    with archive.open(archive.namelist()[0]) as raw:
        rows = list(csv.DictReader(io.TextIOWrapper(raw, "utf-8")))
    by_type: dict[str, list[int]] = defaultdict(list)
    for number, row in enumerate(rows):
        by_type[row["label"]].append(number)
    draw = random.Random(SEED)
    chosen = []
    for label in sorted(by_type):
        numbers = by_type[label][:]
        draw.shuffle(numbers)
        titles: set[str] = set()
        for number in numbers:
            if len(titles) == STORIES_PER_TYPE:
                break
            if rows[number]["title"] not in titles and rows[number]["text"].strip():
                titles.add(rows[number]["title"])
                chosen.append(number)
    return [(f"synthetic-{n}", rows[n]["text"], "") for n in sorted(chosen)]


def main(kind: str, source: str) -> None:
    stories = {"voa": voa_stories, "synthetic": synthetic_stories}[kind](source)
    folder = SENTENCES / kind
    folder.mkdir(parents=True, exist_ok=True)
    nlp = load_model()
    for story_id, text, published in stories:
        target = folder / f"{story_id}.jsonl"
        if target.exists():
            continue
        lines = sentence_lines(story_id, text, published, nlp)
        target.write_text(
            "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
            encoding="utf-8",
        )
    print(f"{len(stories)} stories in {folder}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
