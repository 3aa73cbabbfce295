"""`communique conflicts`: the list, one conflict, and verdicts kept in the ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("conflicts") / "ledger.db")
    done = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", path, "-q"])
    assert done.exit_code == 0, done.output
    return path


def _exported(db: str) -> list[dict[str, object]]:
    done = CliRunner().invoke(app, ["export", "conflicts", "--db", db])
    assert done.exit_code == 0, done.output
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_conflicts_dismiss_then_confirm_is_exported_and_listed(db: str) -> None:
    runner = CliRunner()
    before = _exported(db)
    assert before and all(isinstance(c["confidence"], float) for c in before)
    assert all(c["reasons"] and c["review"] is None for c in before)
    target = before[0]["id"]
    done = runner.invoke(
        app, ["conflicts", "dismiss", str(target), "--note", "one is Jan-Oct", "--db", db]
    )
    assert done.exit_code == 0, done.output
    [after] = [c for c in _exported(db) if c["id"] == target]
    assert after["review"]["verdict"] == "dismissed"  # type: ignore[index]
    assert after["review"]["note"] == "one is Jan-Oct"  # type: ignore[index]

    listed = runner.invoke(app, ["conflicts", "list", "--db", db])
    assert listed.exit_code == 0 and "dismissed" in listed.stdout
    unreviewed = runner.invoke(app, ["conflicts", "list", "--unreviewed", "--db", db])
    assert "dismissed" not in unreviewed.stdout
    shown = runner.invoke(app, ["conflicts", "show", str(target), "--db", db])
    assert "why:" in shown.stdout and "one is Jan-Oct" in shown.stdout

    runner.invoke(app, ["conflicts", "confirm", str(target), "-m", "really", "--db", db])
    runner.invoke(app, ["reconcile", "--db", db])
    [confirmed] = [c for c in _exported(db) if c["review"]]
    assert confirmed["review"]["verdict"] == "confirmed"  # type: ignore[index]
    cleared = runner.invoke(app, ["conflicts", "clear", str(confirmed["id"]), "--db", db])
    assert cleared.exit_code == 0
    assert not any(c["review"] for c in _exported(db))


def test_conflicts_unknown_id_is_one_error_line(db: str) -> None:
    done = CliRunner().invoke(app, ["conflicts", "confirm", "99999", "--db", db])
    assert done.exit_code == 1
    assert "unknown-conflict" in done.output
    shown = CliRunner().invoke(app, ["conflicts", "show", "99999", "--db", db])
    assert shown.exit_code == 1
