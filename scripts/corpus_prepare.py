"""Split the Voice of America stories into the corpus's sentence files.

    .venv/bin/python scripts/corpus_prepare.py ../shared/data/news/voa_stories.jsonl.gz

Writes `corpus/sentences/voa/<story id>.jsonl`, one sentence a line, with `"events": null`
(not yet annotated). An existing file is left alone, so annotations are never lost;
sentences are cut by the project's own spaCy pipeline, once, and then fixed.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from dossier.nlp import load_model

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "sentences" / "voa"


def sentence_lines(story: dict, nlp) -> list[dict]:
    doc = nlp(story["text"])
    lines = []
    for index, sentence in enumerate(sent for sent in doc.sents if sent.text.strip()):
        lines.append(
            {
                "id": f"voa-{story['id']}-{index:03d}",
                "story": f"voa-{story['id']}",
                "published": story["published"],
                "start": sentence.start_char,
                "text": sentence.text,
                "events": None,
            }
        )
    return lines


def main(source: str) -> None:
    nlp = load_model()
    CORPUS.mkdir(parents=True, exist_ok=True)
    with gzip.open(source, "rt", encoding="utf-8") as stream:
        stories = [json.loads(line) for line in stream]
    for story in stories:
        target = CORPUS / f"voa-{story['id']}.jsonl"
        if target.exists():
            continue
        lines = sentence_lines(story, nlp)
        target.write_text(
            "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
            encoding="utf-8",
        )
    print(f"{len(stories)} stories in {CORPUS}")


if __name__ == "__main__":
    main(sys.argv[1])
