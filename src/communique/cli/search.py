"""`communique search`: full-text search over the ledger's documents."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from communique.cli.app import DbOption, app
from communique.cli.output import JsonOption, errors_as_exit, print_json


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words to find (stemmed; all must occur).")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Hits to show.")] = 10,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find documents by their words; hits are highlighted in context."""
    from communique.store.existing import open_existing

    with errors_as_exit(), open_existing(db) as ledger:
        hits = ledger.search(query, limit=limit)
    if as_json:
        print_json(
            [
                {
                    "document_id": h.document_id,
                    "source": h.source,
                    "title": h.title,
                    "date": h.date.isoformat() if h.date else None,
                    "snippet": h.snippet,
                }
                for h in hits
            ]
        )
        if not hits:
            raise typer.Exit(1)
        return
    out = Console(highlight=False)
    if not hits:
        out.print(f"no document matches {query!r}")
        raise typer.Exit(1)
    for hit in hits:
        when = hit.date.isoformat() if hit.date else "undated"
        title = escape(hit.title or hit.source)
        out.print(f"[bold]{title}[/bold] [dim]{when} · {escape(hit.source)}[/dim]")
        out.print("  " + _highlight(" ".join(hit.snippet.split())))


def _highlight(snippet: str) -> str:
    """Escape the document text, then mark the hits the ledger wrapped in [[ ]]."""
    parts = []
    for i, piece in enumerate(snippet.replace("]]", "[[").split("[[")):
        parts.append(f"[reverse]{escape(piece)}[/reverse]" if i % 2 else escape(piece))
    return "".join(parts)
