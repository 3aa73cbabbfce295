"""Reason codes are part of the public surface: each one the code raises is listed once."""

from __future__ import annotations

import ast
from pathlib import Path

import communique
from communique.errors import INPUT_REASONS

SRC = Path(communique.__file__).parent


def _raised_input_reasons() -> set[str]:
    found = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "InputError"
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
            ):
                found.add(str(node.args[1].value))
    return found


def test_errors_every_input_reason_raised_is_listed() -> None:
    raised = _raised_input_reasons()
    assert raised, "no InputError found: the scan is broken"
    assert raised == INPUT_REASONS  # nothing raised unlisted, nothing listed never raised
