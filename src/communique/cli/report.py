"""`communique report`, `metrics`, `timeline`: what the ledger says. (Skeleton: counts only.)"""

from __future__ import annotations

from rich.table import Table

from communique.cli.app import DbOption, app
from communique.cli.output import errors_as_exit
from communique.store.ledger import Ledger


@app.command("report")
def report_command(db: DbOption = None) -> None:
    """Summarise the ledger."""
    from rich.console import Console

    with errors_as_exit(), Ledger.open(db) as ledger:
        counts = ledger.count()
    table = Table(title="communique ledger")
    for name in counts:
        table.add_column(name)
    table.add_row(*(str(v) for v in counts.values()))
    Console().print(table)
