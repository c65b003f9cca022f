"""Whether a word is an agent noun ("police", "Gunmen"), read as written and as its lemma.

Shared by the scan (which leaves a lone agent noun spaCy took for a name to the agents
pass) and the agents pass itself, so that neither pass imports the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from dossier.knowledge.actors import ActorKnowledge


def head_forms(head: Token) -> tuple[str, ...]:
    """The head noun as written and as its lemma; a capitalised plural spaCy takes for a
    proper noun ("Militants attacked") keeps its plural as lemma, so its -s is cut too."""
    forms = [head.text, head.lemma_]
    if head.pos_ == "PROPN" and head.lower_.endswith("s"):
        forms.append(head.lower_[:-1])
    if head.pos_ == "PROPN" and head.lower_.endswith("men"):
        forms.append(head.lower_[:-3] + "man")  # "Gunmen", "Policemen"
    return tuple(dict.fromkeys(forms))


def agent_word(knowledge: ActorKnowledge, token: Token) -> bool:
    """Whether the word, as written or as its lemma, is an agent noun ("Gunmen")."""
    return any(knowledge.is_agent_noun(form) for form in head_forms(token))
