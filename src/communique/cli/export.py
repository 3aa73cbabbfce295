"""`communique export`: documents, claims, conflicts, agreements or commitments as JSONL, CSV
or Parquet."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from communique.cli.app import DbOption, app, open_ledger
from communique.cli.output import console, errors_as_exit
from communique.present.export import (
    EXPORTERS,
    ExportFormat,
    Record,
    commitment_records,
    iter_records,
)


class ExportKind(StrEnum):
    DOCUMENTS = "documents"
    CLAIMS = "claims"
    CONFLICTS = "conflicts"
    AGREEMENTS = "agreements"
    COMMITMENTS = "commitments"


@app.command("export")
def export_command(
    kind: Annotated[ExportKind, typer.Argument(help="What to export.")],
    format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="Output format (parquet needs the extra)."),
    ] = ExportFormat.JSONL,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the ledger's documents, claims, conflicts, agreements or commitments, one record
    per line."""
    with errors_as_exit(), open_ledger(db) as ledger:
        items: Iterable[Any]
        if kind is ExportKind.DOCUMENTS:
            items = ledger.documents()
        elif kind is ExportKind.CLAIMS:
            items = ledger.iter_claims()
        elif kind is ExportKind.AGREEMENTS:
            items = ledger.iter_agreements()
        else:
            items = ledger.conflicts()
        exporter = EXPORTERS[format]
        records: Iterable[Record] = (
            commitment_records(ledger.iter_commitments(), ledger.followups())
            if kind is ExportKind.COMMITMENTS
            else iter_records(kind.value, items)
        )
        if format is ExportFormat.PARQUET:
            if output is None:
                if sys.stdout.isatty():
                    console.print("[red]error[/red] parquet is binary: use --output FILE")
                    raise typer.Exit(2)
                n = exporter.write(records, sys.stdout.buffer)
            else:
                with output.open("wb") as fh:
                    n = exporter.write(records, fh)
        elif output is None:
            n = exporter.write(records, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = exporter.write(records, fh)
    if output is not None:
        console.print(f"{n} {kind.value} written to {output}")
