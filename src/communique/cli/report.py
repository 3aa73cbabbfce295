"""`communique report`, `metrics`, `timeline`, `reconcile`: what the ledger says; re-checking it."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from communique.cli.app import DbOption, app, open_ledger
from communique.cli.output import JsonOption, console, errors_as_exit, fail, print_json
from communique.errors import ConfigError

# The ledger, reconcile and present are imported inside each command, when it runs: listing the
# commands (`communique --help`) and running another one does not pay for them.

CatalogueOption = Annotated[
    Path | None,
    typer.Option(
        "--catalogue",
        help="Metric catalogue (TOML: labels, aliases, merges, splits). "
        "Default: $COMMUNIQUE_CATALOGUE, else none.",
        show_default=False,
    ),
]


def _stdout() -> Console:
    """Data goes to stdout; made per command so the terminal width is read when printing."""
    return Console(highlight=False)


@app.command("report")
def report_command(
    db: DbOption = None,
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also write a self-contained HTML report (works offline)."),
    ] = None,
    catalogue: CatalogueOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Rows per table.")] = 20,
) -> None:
    """Summarise the ledger: documents, speakers, claims, metrics, and conflicts with quotes."""
    from communique.present.report import build_report, render_html, report_renderables
    from communique.reconcile.catalogue import find_catalogue
    from communique.store.existing import open_existing

    with errors_as_exit(), open_existing(db) as ledger:
        labels = find_catalogue(catalogue).labels
        report = build_report(ledger, labels=labels)
    for renderable in report_renderables(report, limit=limit):
        _stdout().print(renderable)
    if html is not None:
        try:
            html.write_text(render_html(report), encoding="utf-8")
        except OSError as exc:
            fail(ConfigError(str(html), "cannot-write", f"cannot write the report: {exc}"))
        console.print(f"HTML report written to {html}")


@app.command("metrics")
def metrics_command(
    db: DbOption = None, catalogue: CatalogueOption = None, as_json: JsonOption = False
) -> None:
    """List metric keys with their counts, units, phrasings and time span."""
    from communique.present.export import metric_record
    from communique.reconcile.catalogue import find_catalogue
    from communique.reconcile.timelines import summarize_metrics
    from communique.store.existing import open_existing

    with errors_as_exit(), open_existing(db) as ledger:
        labels = find_catalogue(catalogue).labels
        summaries = summarize_metrics(ledger.iter_claims(), labels=labels)
    if as_json:
        print_json([metric_record(s) for s in summaries])
        return
    table = Table(title=f"{len(summaries)} metrics", title_justify="left")
    for name in ("metric", "in words", "claims", "docs", "units", "phrasings", "from", "to"):
        table.add_column(name, justify="right" if name in ("claims", "docs") else "left")
    for s in summaries:
        table.add_row(
            s.metric or "(none)",
            s.label,
            str(s.claims),
            str(s.documents),
            ", ".join(s.units),
            "; ".join(s.phrasings[:3]),
            str(s.first or ""),
            str(s.last or ""),
        )
    _stdout().print(table)


@app.command("timeline")
def timeline_command(
    metric: Annotated[str, typer.Argument(help="A metric key, as `communique metrics` lists.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show what was claimed about one metric over time, by whom and where, with hedges."""
    from communique.present.export import timeline_record
    from communique.present.figures import LITERAL, ORDINARY, figure
    from communique.reconcile.canon import canonical_key
    from communique.reconcile.timelines import build_timeline
    from communique.store.existing import open_existing
    from communique.store.ledger import ClaimFilter

    with errors_as_exit(), open_existing(db) as ledger:
        claims = ledger.claims(ClaimFilter(metric=metric))
        if not claims and canonical_key(metric) != metric:
            metric = canonical_key(metric)
            claims = ledger.claims(ClaimFilter(metric=metric))
        if not claims:
            known = sorted({c.metric for c in ledger.iter_claims()})
            close = difflib.get_close_matches(metric, known, n=3, cutoff=0.5)
            fail(
                ConfigError(
                    metric,
                    "unknown-metric",
                    "no claims about this metric",
                    hint=f"did you mean {', '.join(close)}?"
                    if close
                    else "see `communique metrics`",
                )
            )
        conflicts = [c for c in ledger.conflicts() if c.metric == metric]
    points = build_timeline(claims, metric, conflicts=conflicts)
    if as_json:
        print_json([timeline_record(p) for p in points])
        return
    table = Table(
        title=f"{metric}: {len(points)} claims",
        title_justify="left",
        box=None,  # one line a claim where the terminal allows: the quote is what is read
        pad_edge=False,
        header_style="bold underline",
    )
    for name in ("when", "figure", LITERAL, ORDINARY, "said by", "on", "source", "note"):
        table.add_column(name)
    for p in points:
        c = p.claim
        shown = figure(c)
        note = c.modality.value if c.modality.value != "actual" else ""
        if p.conflicts:
            note = (
                (note + " " if note else "") + "conflict " + ", ".join(f"#{i}" for i in p.conflicts)
            )
        table.add_row(
            shown.when,
            Text(f"“{c.quote}”"),
            shown.literal.text,
            shown.ordinary.text,
            c.speaker or "unknown",
            str(c.document_date or ""),
            c.source or "",
            Text(note, style="red" if p.conflicts else "dim"),
        )
    _stdout().print(table)


@app.command("reconcile")
def reconcile_command(db: DbOption = None, catalogue: CatalogueOption = None) -> None:
    """Re-run reconciliation: canonical metric keys (with the catalogue), then conflicts."""
    from communique.reconcile import reconcile
    from communique.reconcile.catalogue import find_catalogue

    with errors_as_exit(), open_ledger(db) as ledger:
        summary = reconcile(ledger, catalogue=find_catalogue(catalogue))
    console.print(
        f"{summary.metrics} metrics, {summary.conflicts} conflicts, "
        f"{summary.renamed} claims re-keyed"
        + (f", {summary.incomparable} left uncompared (currencies)" if summary.incomparable else "")
        + (f" · catalogue {summary.catalogue}" if summary.catalogue else "")
    )
