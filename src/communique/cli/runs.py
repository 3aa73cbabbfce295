"""`communique runs`: every ingest run with its state and counts."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from communique.cli.app import DbOption, app
from communique.cli.output import errors_as_exit

_STYLES = {"done": "green", "running": "cyan", "interrupted": "yellow", "failed": "red"}
_COUNTS = ("read", "new", "unchanged", "replaced", "failed", "claims")
_HEADERS = {"unchanged": "same", "replaced": "repl.", "failed": "fail"}  # fits 80 columns


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") + "Z" if moment else None


def _record(run: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": run["id"],
        "status": run["status"],
        "started_at": _iso(run["started_at"]),
        "finished_at": _iso(run["finished_at"]),
        "inputs": run["inputs"],
        "counts": run["counts"],
        "host": run["host"],
        "pid": run["pid"],
        "heartbeat_at": _iso(run["heartbeat_at"]),
        "error": run["error"],
    }


@app.command("runs")
def runs_command(
    db: DbOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON array of runs on stdout instead of a table.")
    ] = False,
) -> None:
    """List ingest runs with their state (running, done, failed, interrupted) and counts.

    A run whose process died is marked interrupted when the ledger is next opened; the next
    ingest or `communique reconcile` brings conflicts up to date.
    """
    from communique.store.existing import open_existing

    with errors_as_exit(), open_existing(db) as ledger:
        runs = ledger.runs()
    if as_json:
        typer.echo(json.dumps([_record(r) for r in runs]))
        return
    table = Table(
        title=f"{len(runs)} ingest runs (times in UTC)",
        title_justify="left",
        box=None,
        pad_edge=False,
        header_style="bold underline",
    )
    table.add_column("run", justify="right")
    table.add_column("state", no_wrap=True)
    table.add_column("started", no_wrap=True)
    table.add_column("took", justify="right", no_wrap=True)
    for name in _COUNTS:
        table.add_column(_HEADERS.get(name, name), justify="right")
    for r in runs:
        status = r["status"]
        table.add_row(
            str(r["id"]),
            f"[{_STYLES.get(status, 'white')}]{escape(status)}[/]",
            r["started_at"].strftime("%Y-%m-%d %H:%M"),
            _took(r["started_at"], r["finished_at"]),
            *_count_cells(r["counts"] or {}),
        )
    out = Console(highlight=False)
    out.print(table)
    for r in runs:  # below the table, where long paths and messages fit
        inputs = " ".join(str(i) for i in r["inputs"])
        out.print(f"run {r['id']}: {escape(inputs)}", soft_wrap=True)
        if r["error"]:
            out.print(f"  [red]{escape(r['error'])}[/]", soft_wrap=True)


def _count_cells(counts: dict[str, int]) -> list[str]:
    """One cell per count; a run that stopped early knows only what it stored (as new)."""
    if "stored" in counts and "new" not in counts:
        counts = {**counts, "new": counts["stored"]}
    return [str(counts[name]) if name in counts else "" for name in _COUNTS]


def _took(started: datetime, finished: datetime | None) -> str:
    if finished is None:
        return ""
    seconds = max(0, round((finished - started).total_seconds()))
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"
