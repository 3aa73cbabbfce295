"""The report, metrics, timeline and reconcile commands on a small real ledger."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.models import Claim, Document, Period, Qualifier, Span, TimeSource
from communique.reconcile import reconcile
from communique.store.ledger import Ledger

Y2021 = Period(start=date(2021, 1, 1), end=date(2021, 12, 31))


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "ledger.db")
    figures = [
        (
            "a.txt",
            "2022-02-10",
            "Vladimir Putin",
            "Trade reached US$25.6 billion.",
            "US$25.6 billion",
            "25.6e9",
            "exact",
        ),
        (
            "b.txt",
            "2022-02-10",
            "Kassym-Jomart Tokayev",
            "Trade exceeded US$21 billion.",
            "exceeded US$21 billion",
            "21e9",
            "over",
        ),
    ]
    with Ledger.open(path) as ledger:
        for source, day, speaker, text, quote, value, qualifier in figures:
            start = text.index(quote)
            claim = Claim(
                quote=quote,
                value=Decimal(value),
                unit="USD",
                qualifier=Qualifier(qualifier),
                metric="trade:RU-KZ",
                metric_phrase="trade",
                indicator="trade",
                period=Y2021,
                time_source=TimeSource.STATED,
                speaker=speaker,
                span=Span(start=start, end=start + len(quote)),
            )
            ledger.add_document(
                Document(
                    source=source,
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    text=text,
                    date=date.fromisoformat(day),
                    claims=(claim,),
                )
            )
        reconcile(ledger)
    return path


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
