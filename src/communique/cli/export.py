"""`communique export`: documents, claims, conflicts, agreements or commitments as JSONL, CSV
or Parquet; claims and conflicts filtered as the web's tables filter them."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from communique.cli.app import DbOption, app
from communique.cli.output import console, errors_as_exit
from communique.errors import ConfigError
from communique.present.formats import ExportFormat, Record


class ExportKind(StrEnum):
    DOCUMENTS = "documents"
    CLAIMS = "claims"
    CONFLICTS = "conflicts"
    AGREEMENTS = "agreements"
    COMMITMENTS = "commitments"


def _day(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(option, "bad-date", f"{value!r} is not a date as YYYY-MM-DD") from None


@app.command("export")
def export_command(
    kind: Annotated[ExportKind, typer.Argument(help="What to export.")],
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format (parquet needs the extra). Claims as csv are one flat row "
            "each, for a spreadsheet: sentence, document title and address, period_start, "
            "period_end, both intervals.",
        ),
    ] = ExportFormat.JSONL,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    metric: Annotated[
        str | None,
        typer.Option(
            "--metric",
            help="Only claims and conflicts about this metric: a key, or part of one, in any case.",
            show_default=False,
        ),
    ] = None,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            help="Only claims (and conflicts over claims) by this speaker: the name or part "
            "of it, in any case (putin).",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Only claims whose period ends, or whose as-of date falls, on or after this "
            "day (YYYY-MM-DD); conflicts likewise.",
            show_default=False,
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            help="Only claims whose period starts, or whose as-of date falls, on or before "
            "this day.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the ledger's documents, claims, conflicts, agreements or commitments, one record
    per line."""
    from communique.present.export import FLAT_CLAIM_FIELDS, commitment_records, iter_records
    from communique.present.selection import claim_records, conflict_records
    from communique.store.board import ConflictFilter
    from communique.store.existing import open_existing
    from communique.store.ledger import ClaimFilter

    with errors_as_exit():
        filtered = any(v is not None for v in (metric, speaker, since, until))
        if filtered and kind not in (ExportKind.CLAIMS, ExportKind.CONFLICTS):
            raise ConfigError(
                "--metric/--speaker/--since/--until",
                "bad-option",
                f"these filters apply to claims and conflicts, not {kind.value}",
            )
        start, end = _day("--since", since), _day("--until", until)
        with open_existing(db) as ledger:
            records: Iterable[Record]
            fields: tuple[str, ...] = ()
            if kind is ExportKind.CLAIMS:
                where = ClaimFilter(metric=metric, speaker=speaker, since=start, until=end)
                flat = format is not ExportFormat.JSONL
                records = claim_records(ledger, where, flat=flat)
                fields = FLAT_CLAIM_FIELDS if flat else ()
            elif kind is ExportKind.CONFLICTS:
                board = ConflictFilter(metric=metric, speaker=speaker)
                records = conflict_records(ledger, board, since=start, until=end)
            elif kind is ExportKind.COMMITMENTS:
                records = commitment_records(ledger.iter_commitments(), ledger.followups())
            else:
                items: Iterable[Any] = (
                    ledger.documents() if kind is ExportKind.DOCUMENTS else ledger.iter_agreements()
                )
                records = iter_records(kind.value, items)
            n = _write(records, format, output, fields)
    if output is not None:
        console.print(f"{n} {kind.value} written to {output}")


def _write(
    records: Iterable[Record], format: ExportFormat, output: Path | None, fields: tuple[str, ...]
) -> int:
    from communique.present.export import EXPORTERS, csv_lines

    exporter = EXPORTERS[format]
    if format is ExportFormat.PARQUET:
        if output is None:
            if sys.stdout.isatty():
                console.print("[red]error[/red] parquet is binary: use --output FILE")
                raise typer.Exit(2)
            return exporter.write(records, sys.stdout.buffer)
        with output.open("wb") as fh:
            return exporter.write(records, fh)
    if format is ExportFormat.CSV and fields:  # the header even when nothing matches
        counted = _Counted(records)
        if output is None:
            sys.stdout.writelines(csv_lines(counted, fields=fields))
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                fh.writelines(csv_lines(counted, fields=fields))
        return counted.n
    if output is None:
        return exporter.write(records, sys.stdout)
    with output.open("w", encoding="utf-8", newline="") as fh:
        return exporter.write(records, fh)


class _Counted:
    """The records, counted as they go by."""

    def __init__(self, records: Iterable[Record]) -> None:
        self.records = records
        self.n = 0

    def __iter__(self) -> Any:
        for record in self.records:
            self.n += 1
            yield record
