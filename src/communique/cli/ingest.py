"""`communique ingest`: read statements into the ledger."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from communique.cli.app import DbOption, app
from communique.cli.output import console, error_line, errors_as_exit, warning_line
from communique.scale.plan import BATCH


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (recursive), globs, or - for stdin. "
            "Formats: .txt .md .html .htm, and .jsonl (one {id, title, date, url, text} a line).",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-j",
            min=1,
            help="Processes to use at most. Default: one per core, once the input is long "
            "enough to repay starting them (a few statements run in one process).",
        ),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option("--max-bytes", min=1, help="Largest input file read. Default: 16 MiB."),
    ] = None,
    batch_size: Annotated[
        int,
        typer.Option(
            "--batch-size",
            min=1,
            help="Documents per batch sent to a worker; memory grows with it, not with the input.",
        ),
    ] = BATCH,
    executor: Annotated[
        str,
        typer.Option(
            "--executor",
            help="Where the pipeline runs: local (processes here) or ray (a Ray cluster; "
            "needs pip install 'communique[ray]').",
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            help="Ray cluster to join (host:port of the head, or 'auto'); "
            "default: a local Ray instance for this run. With --executor ray only.",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read statements, extract their claims, agreements and commitments and store them in
    the ledger.

    Re-running on the same files adds nothing; a file whose text changed replaces its old version.
    Exits with code 1 when any input failed (the others are still stored).
    """
    # The pipeline and the store are imported now, not when the CLI starts (`--help`, `export`
    # and the others never load them); the spaCy model loads when the first document needs it.
    from communique.api import ingest
    from communique.scale.executor import make_executor
    from communique.store.url import describe_url, resolve_db_url

    with errors_as_exit():
        where = describe_url(resolve_db_url(db))
        stdin = sys.stdin.buffer if "-" in paths else None
        runner = (
            None
            if executor == "local" and address is None
            else make_executor(executor, workers=workers, address=address)
        )
        with Progress(
            TextColumn("[bold]ingest[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("documents"),
            TimeElapsedColumn(),
            console=console,
            disable=quiet or not console.is_terminal,
            transient=True,
        ) as bar:
            task = bar.add_task("ingest", total=None)

            def progress(_event: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            summary = ingest(
                paths,
                db=db,
                workers=workers,
                executor=runner,
                batch_size=batch_size,
                stdin=stdin,
                max_bytes=max_bytes,
                progress=progress,
            )
    for warning in summary.warnings:
        console.print(warning_line(warning))
    for err in summary.errors:
        console.print(error_line(err))
    console.print(
        f"[bold]{summary.read}[/bold] read, [green]{summary.new} new[/green], "
        f"{summary.unchanged} unchanged, {summary.replaced} replaced, "
        + (f"[red]{summary.failed} failed[/red]" if summary.failed else "0 failed")
        + f" · found {summary.claims} claims, {summary.agreements} agreements, "
        + f"{summary.commitments} commitments"
        + f" · ledger {where} holds {_held(summary.held)}"
    )
    if summary.failed:
        raise typer.Exit(1)


def _held(counts: dict[str, int]) -> str:
    """What the ledger holds, in words: "3 documents, 47 claims, 4 conflicts, ..."."""
    names = ("documents", "claims", "conflicts", "agreements", "commitments")
    return ", ".join(f"{counts.get(name, 0)} {name}" for name in names)
