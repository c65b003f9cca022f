"""CAMEO event codes with their labels ("020 Make an appeal or request"), from the codebook
the project ships, read once per process through the façade's `Knowledge`.

Labels drop the codebook's ", not specified below": on a page the code already says
that it is the general one. A code the codebook does not know falls back to its parent
(as the codebook's own look-up does), else shows bare.
"""

from __future__ import annotations

from functools import cache

import dossier

GENERAL = ", not specified below"


@cache
def cameo_names() -> dict[str, str]:
    """Code -> short label, for every code of the codebook; loaded on the first call only."""
    codebook = dossier.Knowledge.build(learned=False).codebook
    return {code: entry.name.removesuffix(GENERAL) for code, entry in codebook.codes.items()}


def cameo_name(code: str | None) -> str | None:
    """The code's label, or its nearest parent's; None when the codebook has neither."""
    names = cameo_names()
    while code:
        if code in names:
            return names[code]
        code = code[:-1] if len(code) > 2 else ""
    return None


def cameo_label(code: str | None) -> str:
    """'020 Make an appeal or request'; a code without a label as it is; '' for none."""
    if not code:
        return ""
    name = cameo_name(code)
    return f"{code} {name}" if name else code
