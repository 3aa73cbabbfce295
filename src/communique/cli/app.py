"""The Typer application every command module registers on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from communique import __version__

if TYPE_CHECKING:
    from communique.store.ledger import Ledger

app = typer.Typer(
    name="communique",
    help="Turn official statements into a ledger of checkable claims, linked to their sources.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Ledger: a file path or an SQLAlchemy URL (sqlite:///x.db, postgresql+psycopg://...). "
        "Default: $COMMUNIQUE_DB, else ./communique.db.",
        show_default=False,
    ),
]


def open_ledger(db: str | None) -> Ledger:
    """The ledger at `db`. The store (SQLAlchemy, Alembic) is imported here, when a command
    opens it, not when the CLI starts: `communique --help` and commands that need no ledger do
    not pay for it."""
    from communique.store.ledger import Ledger

    return Ledger.open(db)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"communique {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Turn official statements into a ledger of checkable claims, linked to their sources."""
