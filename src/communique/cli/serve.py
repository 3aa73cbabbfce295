"""`communique serve`: the REST API and web UI over a ledger (read-only without a write token)."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from communique.cli.app import DbOption, app
from communique.cli.output import console, errors_as_exit
from communique.settings import BY_NAME, setting
from communique.store.url import describe_url, resolve_db_url


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[
        str | None,
        typer.Option("--host", help="Address to listen on. Default: 127.0.0.1 ($COMMUNIQUE_HOST)."),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option("--port", min=0, max=65535, help="Port. Default: 8000 ($COMMUNIQUE_PORT)."),
    ] = None,
    write_token: Annotated[
        str | None,
        typer.Option(
            "--write-token",
            help="Accept POST /api/documents from requests with 'Authorization: Bearer TOKEN'. "
            "Default: $COMMUNIQUE_WRITE_TOKEN; without it the server is read-only.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Server processes. Default: one per core on SQLite; on PostgreSQL half the "
            "cores when the database server is on this machine, and no more than half its "
            "max_connections allow (at most 8).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the web UI and the REST API (docs at /docs, schema at /openapi.json)."""
    import uvicorn

    from communique.serve.app import create_app
    from communique.serve.workers import default_workers

    with errors_as_exit():
        host = str(setting("host", host))
        port = int(setting("port", port))
        write_token = str(setting("write_token", write_token)) or None
        where = describe_url(resolve_db_url(db))
        web = create_app(db, write_token=write_token)
        ledger = web.state.ledger
        workers = workers or default_workers(ledger)
    mode = "read-write" if write_token else "read-only"
    if ledger.readonly:
        mode = "read-only: this process cannot write the ledger file"
    plural = "process" if workers == 1 else "processes"
    console.print(f"serving ledger {where} ({mode}) on http://{host}:{port}/, {workers} {plural}")
    options: dict[str, Any] = {"host": host, "port": port, "log_level": "warning"}
    if workers == 1:
        uvicorn.run(web, access_log=False, **options)
        return
    # worker processes build their own app from the environment
    ledger.close()
    os.environ[BY_NAME["db"].env] = db or str(setting("db"))
    if write_token:
        os.environ[BY_NAME["write_token"].env] = write_token
    uvicorn.run(
        "communique.serve.app:app_from_environment",
        factory=True,
        workers=workers,
        access_log=False,
        **options,
    )
