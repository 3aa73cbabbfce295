"""`communique conflicts`: list conflicts the most confident first, show one, and review them."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from communique.cli.app import DbOption, app
from communique.cli.output import JsonOption, console, errors_as_exit, print_json
from communique.models import Conflict, ConflictKind, Severity, Verdict

conflicts_app = typer.Typer(
    help="List conflicts (the most confident first), show one, confirm or dismiss them.",
    no_args_is_help=True,
)
app.add_typer(conflicts_app, name="conflicts")

NoteOption = Annotated[str, typer.Option("--note", "-m", help="Why: kept with the verdict.")]
IdArgument = Annotated[int, typer.Argument(min=1, help="Conflict id, as `conflicts list` shows.")]


def _verdict(conflict: Conflict) -> Text:
    if conflict.review is None:
        return Text("")
    style = "green" if conflict.review.verdict is Verdict.CONFIRMED else "dim"
    return Text(conflict.review.verdict.value, style=style)


@conflicts_app.command("list")
def list_command(
    db: DbOption = None,
    kind: Annotated[
        ConflictKind | None, typer.Option("--kind", help="Only conflicts of this kind.")
    ] = None,
    severity: Annotated[
        Severity | None, typer.Option("--severity", help="Only conflicts of this severity.")
    ] = None,
    metric: Annotated[
        str | None,
        typer.Option(
            "--metric", help="Metric key, or part of one, in any case.", show_default=False
        ),
    ] = None,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            help="A speaker of one of its claims: the name or part of it, in any case.",
            show_default=False,
        ),
    ] = None,
    verdict: Annotated[
        Verdict | None, typer.Option("--verdict", help="Only conflicts given this verdict.")
    ] = None,
    unreviewed: Annotated[
        bool, typer.Option("--unreviewed", help="Only conflicts nobody reviewed yet.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Rows to show.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Conflicts with their confidence and verdict: confirmed first, dismissed last; filtered
    as the web board filters them."""
    from communique.present.export import conflict_record
    from communique.reconcile.conflicts import board_order
    from communique.reconcile.names import resolve_conflict_filter
    from communique.store.board import ConflictFilter, conflict_page, count_conflicts
    from communique.store.existing import open_existing

    typed = ConflictFilter(
        kind=kind.value if kind else None,
        severity=severity.value if severity else None,
        metric=metric,
        speaker=speaker,
        verdict=verdict,
        unreviewed=unreviewed,
    )
    with errors_as_exit(), open_existing(db) as ledger:
        where = resolve_conflict_filter(ledger, typed)
        found = conflict_page(ledger, where, limit=limit, order=board_order)
        total = count_conflicts(ledger, where)
    if as_json:
        print_json([conflict_record(c) for c in found])
        return
    table = Table(title=f"{total} conflicts", title_justify="left")
    for name in ("#", "confidence", "kind", "verdict", "what was said"):
        table.add_column(name, justify="right" if name in ("#", "confidence") else "left")
    for conflict in found:
        table.add_row(
            str(conflict.id or ""),
            f"{conflict.confidence:.2f}",
            conflict.kind.value,
            _verdict(conflict),
            Text(conflict.explanation),
        )
    Console(highlight=False).print(table)
    if total > len(found):
        console.print(
            f"… and {total - len(found)} more (--limit, or `communique export conflicts`)"
        )


@conflicts_app.command("show")
def show_command(conflict_id: IdArgument, db: DbOption = None) -> None:
    """One conflict: its claims with quotes and sources, the evidence, and any verdict."""
    from communique.store.existing import open_existing

    with errors_as_exit(), open_existing(db) as ledger:
        conflict = ledger.conflict(conflict_id)
    if conflict is None:
        console.print(f"[red]error[/red] no conflict {conflict_id}")
        raise typer.Exit(1)
    out = Console(highlight=False)
    out.print(
        f"[bold]#{conflict.id}[/bold] {conflict.kind.value} · confidence "
        f"{conflict.confidence:.2f} · {escape(conflict.metric)}"
    )
    out.print(Text(conflict.explanation))
    for claim in conflict.claims:
        out.print(
            Text(
                f"  • “{claim.quote}” — {claim.speaker or 'unknown'}, "
                f"{claim.document_date or 'undated'}, {claim.source}",
                style="dim",
            )
        )
    for reason in conflict.reasons:
        out.print(Text(f"  why: {reason}"))
    if conflict.review is not None:
        r = conflict.review
        out.print(Text(f"  {r.verdict.value} {r.at or ''}: {r.note}".rstrip(": ")))


def _review(conflict_id: int, verdict: Verdict, note: str, db: str | None) -> None:
    from communique.store.existing import open_existing

    with errors_as_exit(), open_existing(db) as ledger:
        conflict = ledger.review_conflict(conflict_id, verdict, note=note)
    console.print(f"conflict #{conflict_id} {verdict.value}: {escape(conflict.explanation)}")


@conflicts_app.command("confirm")
def confirm_command(conflict_id: IdArgument, note: NoteOption = "", db: DbOption = None) -> None:
    """Mark a conflict as a real contradiction (kept across re-ingest and re-reconcile)."""
    _review(conflict_id, Verdict.CONFIRMED, note, db)


@conflicts_app.command("dismiss")
def dismiss_command(conflict_id: IdArgument, note: NoteOption = "", db: DbOption = None) -> None:
    """Mark a conflict as not a contradiction (kept across re-ingest and re-reconcile)."""
    _review(conflict_id, Verdict.DISMISSED, note, db)


@conflicts_app.command("clear")
def clear_command(conflict_id: IdArgument, db: DbOption = None) -> None:
    """Withdraw the verdict on a conflict."""
    from communique.store.existing import open_existing

    with errors_as_exit(), open_existing(db) as ledger:
        cleared = ledger.clear_review(conflict_id)
    console.print(f"conflict #{conflict_id}: " + ("verdict withdrawn" if cleared else "no verdict"))
    if not cleared:
        raise typer.Exit(1)
