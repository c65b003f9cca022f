"""CAMEO event codes with their labels ("020 Make an appeal or request"), from the codebook
the project ships (`dossier.codebook()`, read once per process).

Labels drop the codebook's ", not specified below": on a page the code already says
that it is the general one. A code the codebook does not know falls back to its parent
(as the codebook's own look-up does), else shows bare.
"""

from __future__ import annotations

import dossier

GENERAL = ", not specified below"


def cameo_name(code: str | None) -> str | None:
    """The code's label, or its nearest parent's (the codebook's own look-up); None when
    the codebook has neither."""
    entry = dossier.codebook().get(code) if code else None
    return entry.name.removesuffix(GENERAL) if entry is not None else None


def cameo_label(code: str | None) -> str:
    """'020 Make an appeal or request'; a code without a label as it is; '' for none."""
    if not code:
        return ""
    name = cameo_name(code)
    return f"{code} {name}" if name else code
