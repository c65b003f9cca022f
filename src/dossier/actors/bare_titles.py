"""A title standing alone for the person named with it earlier: "Malaysian Prime Minister
Mahathir Mohamad ... The prime minister sees a chance" is Mahathir.

"the" and a singular title with no country word and no name after it become a mention
of the person the document last gave that title (by the same office kind) before it.
With no such person the phrase is left to the agents pass ("the president" in a story
from Mogadishu is Somalia's government, marked inferred).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.actors.table import Ref
from dossier.knowledge.actors import Title

if TYPE_CHECKING:
    from dossier.actors.scan import DocumentResolver


def resolve_bare_titles(r: DocumentResolver) -> None:
    """Mentions of earlier-titled people for "the prime minister", "the president"."""
    for token in r.tokens:
        if token.lower_ != "the" or token.i + 1 >= len(r.doc) or r.claimed[token.i + 1]:
            continue
        office = r.title_at(token.i + 1)
        if office is None:
            continue
        last = r.tokens[office.end - 1]
        holder = _last_holder(r, office.title, token.idx)
        if holder is not None:
            r.mention(r.tokens[token.i + 1].idx, last.idx + len(last.text), holder)


def _last_holder(r: DocumentResolver, title: Title, before: int) -> Ref | None:
    """The person with a mention before `before` whose title names the same office."""
    best: tuple[int, Ref] | None = None
    for ref, facts in r.table.facts.items():
        if facts.type != "PERSON" or not facts.role or not facts.country:
            continue
        held = r.kb.title(facts.role)
        if held is None or not set(held.kinds) & set(title.kinds):
            continue
        starts = [m.start for m in facts.mentions if m.start < before]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), ref)
    return best[1] if best else None
