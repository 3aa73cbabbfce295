"""Console output for the CLI: messages and progress on stderr, data on stdout."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from communique.errors import CommuniqueError
from communique.models import ReadWarning

JsonOption = Annotated[
    bool, typer.Option("--json", help="Write JSON to stdout instead of a table.")
]


def print_json(data: Any) -> None:
    """Data as JSON on stdout (dates and amounts already plain values)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# soft_wrap: one error, one line; emoji off: "file.jsonl:100:" must not become an emoji
console = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def error_line(exc: CommuniqueError) -> str:
    # paths and messages come from user input: escaped, so "[b]" in a file name stays text
    line = f"[red]error[/red] {escape(exc.path)}: {escape(exc.message)} [dim]({exc.reason})[/dim]"
    if exc.hint:
        line += f"\n      [dim]hint: {escape(exc.hint)}[/dim]"
    return line


def warning_line(warning: ReadWarning) -> str:
    """A document kept, with something in it that could not be used."""
    return (
        f"[yellow]warning[/yellow] {escape(warning.path)}: {escape(warning.message)} "
        f"[dim]({warning.reason})[/dim]"
    )


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
