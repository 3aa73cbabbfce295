"""`communique serve`: the REST API and web UI over a ledger (read-only without a write token)."""

from __future__ import annotations

from typing import Annotated

import typer

from communique.cli.app import DbOption, app
from communique.cli.output import console, errors_as_exit
from communique.store.url import describe_url, resolve_db_url


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port.")] = 8000,
    write_token: Annotated[
        str | None,
        typer.Option(
            "--write-token",
            envvar="COMMUNIQUE_WRITE_TOKEN",
            help="Accept POST /api/documents from requests with 'Authorization: Bearer TOKEN'. "
            "Default: $COMMUNIQUE_WRITE_TOKEN; without it the server is read-only.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the web UI and the REST API (docs at /docs, schema at /openapi.json)."""
    import uvicorn

    from communique.serve.app import create_app

    with errors_as_exit():
        where = describe_url(resolve_db_url(db))
        web = create_app(db, write_token=write_token)
    mode = "read-write" if write_token else "read-only"
    console.print(f"serving ledger {where} ({mode}) on http://{host}:{port}/")
    uvicorn.run(web, host=host, port=port, log_level="warning", access_log=False)
