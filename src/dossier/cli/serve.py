"""`dossier serve`: the JSON API and pages over an event database, on this machine."""

from __future__ import annotations

import click

from dossier.cli import main
from dossier.errors import DossierError

TOKEN_ENV = "DOSSIER_TOKEN"


@main.command(name="serve")
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Database file [default: $DOSSIER_DB, else ./dossier.duckdb].",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 opens it to the network.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar=TOKEN_ENV,
    default=None,
    show_envvar=True,
    help="Accept `POST /documents` from requests carrying "
    "'Authorization: Bearer TOKEN' (opens the database for writing).",
)
def serve_command(db: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the events as a JSON API and as pages: open http://127.0.0.1:8000/events.

    Read-only unless started with a token. The API is described at /openapi.json.

    \b
    Examples:
      dossier ingest examples/ && dossier serve
      DOSSIER_TOKEN=$(openssl rand -hex 16) dossier serve --db monitor.duckdb --port 8080
    """
    import uvicorn

    from dossier.web import create_app

    try:
        app = create_app(db, token=token or None)
    except DossierError as error:
        raise click.ClickException(str(error)) from None
    mode = "accepting POST /documents with its token" if token else "read-only"
    click.echo(
        f"dossier: {app.state.database.path} ({mode}) at http://{host}:{port}/events", err=True
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
