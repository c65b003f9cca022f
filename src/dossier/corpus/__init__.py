"""The annotated event corpus: its sentence files, their validation and their splits.

The corpus lives in `corpus/` at the root of the repository (see its README and
docs/annotation-guide.md). Annotators write words, not offsets; `read_corpus` finds
each span in its sentence, and `check_corpus` lists every problem with file and line.
"""

from dossier.corpus.check import check_corpus, checked_sentences
from dossier.corpus.model import CorpusEvent, CorpusSentence, Span
from dossier.corpus.problems import Problem
from dossier.corpus.reader import read_corpus, read_story_file
from dossier.corpus.splits import split_of

__all__ = [
    "CorpusEvent",
    "CorpusSentence",
    "Problem",
    "Span",
    "check_corpus",
    "checked_sentences",
    "read_corpus",
    "read_story_file",
    "split_of",
]
