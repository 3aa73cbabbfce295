"""The `communique` command line: one module per command group, all thin over the library."""

from communique.cli import export, ingest, report, search, serve  # noqa: F401  (registers commands)
from communique.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
