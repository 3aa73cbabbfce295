"""`communique settings`: every setting, its effective value and where that value came from."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from communique.cli.app import app
from communique.cli.output import errors_as_exit
from communique.settings import BY_NAME, resolve_settings

_SECRET = {"write_token"}


@app.command("settings")
def settings_command() -> None:
    """Show each setting (defaults < communique.toml < COMMUNIQUE_* variables < flags)."""
    with errors_as_exit():
        resolved = resolve_settings()
    table = Table("setting", "value", "from", "environment variable", "meaning")
    for name, r in resolved.items():
        shown = "***" if name in _SECRET and r.value else str(r.value)
        table.add_row(name, shown, r.origin, BY_NAME[name].env, BY_NAME[name].help)
    Console().print(table)
