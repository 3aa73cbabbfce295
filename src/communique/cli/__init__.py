"""The `communique` command line: one module per command group, all thin over the library."""

from communique.cli import (  # noqa: F401  (importing registers the commands)
    conflicts,
    export,
    ingest,
    report,
    runs,
    search,
    serve,
    settings,
)
from communique.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
