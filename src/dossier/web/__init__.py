"""web: `dossier serve`, a JSON API and HTML pages over the event database.

Public: `create_app(db, token=None)` (a FastAPI app; read-only unless given a token).
"""

from dossier.web.app import CONTENT_SECURITY_POLICY, create_app

__all__ = ["CONTENT_SECURITY_POLICY", "create_app"]
