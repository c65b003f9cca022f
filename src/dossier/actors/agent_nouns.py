"""Whether a word is an agent noun ("police", "Gunmen"), read as written and as its lemma.

Shared by the scan (which leaves a lone agent noun spaCy took for a name to the agents
pass) and the agents pass itself, so that neither pass imports the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from dossier.actors.table import EntityFacts
    from dossier.knowledge.actors import ActorKnowledge

# CAMEO codes of armed groups: rebels, insurgents, separatists, unaffiliated armed
# groups (country + sector) and international militarised groups (IMG...).
ARMED_SECTORS = frozenset({"REB", "INS", "SEP", "UAF"})
ARMED_PREFIX = "IMG"


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


def armed_group(facts: EntityFacts) -> bool:
    """An armed group by its code (a dictionary's armed group may come typed PERSON)."""
    code = facts.cameo or ""
    return code.startswith(ARMED_PREFIX) or code[3:6] in ARMED_SECTORS
