"""The report, metrics, timeline and reconcile commands on a small real ledger."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["metrics"], ["trade:KZ-RU", "Trade between Kazakhstan and Russia"]),
        (["timeline", "trade:KZ-RU"], ["exceeded US$21 billion", "$21 bn – $24.15 bn", "conflict"]),
        (["timeline", "trade:RU-KZ"], ["US$25.6 billion"]),  # the key as first written
        (["report"], ["pragmatic", "US$25.6 billion", "exceeded US$21 billion"]),
        (["reconcile"], ["1 metrics, 1 conflicts"]),
    ],
)
def test_report_commands_print_what_the_ledger_says(
    db: str, args: list[str], expected: list[str]
) -> None:
    result = CliRunner().invoke(app, [*args, "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for text in expected:
        assert text in result.output


def test_report_command_writes_html(db: str, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", "--db", db, "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "trad"], "did you mean trade:KZ-RU"),
        (["reconcile", "--catalogue", "/nonexistent/c.toml"], "catalogue file not found"),
    ],
)
def test_report_commands_fail_with_one_line(db: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, [*args, "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert message in result.output
