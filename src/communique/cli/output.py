"""Console output for the CLI: messages and progress on stderr, data on stdout."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer
from rich.console import Console

from communique.errors import CommuniqueError

console = Console(stderr=True, highlight=False, soft_wrap=True)  # one error, one line


def error_line(exc: CommuniqueError) -> str:
    line = f"[red]error[/red] {exc.path}: {exc.message} [dim]({exc.reason})[/dim]"
    if exc.hint:
        line += f"\n      [dim]hint: {exc.hint}[/dim]"
    return line


def fail(exc: CommuniqueError, *, code: int = 1) -> NoReturn:
    console.print(error_line(exc))
    raise typer.Exit(code)


@contextmanager
def errors_as_exit() -> Iterator[None]:
    """Turn a CommuniqueError into one line on stderr and exit code 1 (no traceback)."""
    try:
        yield
    except CommuniqueError as exc:
        fail(exc)
