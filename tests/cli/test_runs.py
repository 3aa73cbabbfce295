"""`communique runs`, and a run killed before reconciling: marked interrupted on the next open,
and the next `reconcile` or `ingest` brings conflicts up to date."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.store.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"
runner = CliRunner()

# `communique.ingest` up to its last stored document, then SIGKILL: the run dies after
# storing everything and before reconciling, the one moment a kill leaves conflicts stale.
_KILLED_BEFORE_RECONCILING = textwrap.dedent(
    """
    import os, signal, sys
    from communique.pipeline import STAGES, process_documents
    from communique.read import read_documents
    from communique.store.ledger import Ledger
    ledger = Ledger.open(sys.argv[1])
    run_id = ledger.start_run([sys.argv[2]])
    for doc in process_documents(list(read_documents([sys.argv[2]]))):
        ledger.add_document(doc, run_id=run_id, stages=STAGES)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


Conflicts = list[tuple[str, str, tuple[str, ...]]]


def _conflicts(url: str) -> Conflicts:
    with Ledger.open(url) as ledger:
        return sorted(
            (c.metric, c.explanation, tuple(claim.quote for claim in c.claims))
            for c in ledger.conflicts()
        )


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> Conflicts:
    db = str(tmp_path_factory.mktemp("whole") / "whole.db")
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "-q"]).exit_code == 0
    return _conflicts(db)


@pytest.mark.parametrize("then", ["reconcile", "ingest"])
def test_runs_killed_run_is_interrupted_and_the_next_command_brings_conflicts_up_to_date(
    ledger_url: str, then: str, uninterrupted: Conflicts
) -> None:
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_BEFORE_RECONCILING, ledger_url, str(EXAMPLES)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert killed.returncode == -9, killed.stderr
    listed = runner.invoke(app, ["runs", "--db", ledger_url, "--json"])
    assert listed.exit_code == 0, listed.output
    (run,) = json.loads(listed.stdout)
    assert run["status"] == "interrupted"
    assert run["counts"] == {"stored": 3, "claims": 47}
    assert _conflicts(ledger_url) == []  # the dead run never reconciled
    args = ["reconcile"] if then == "reconcile" else ["ingest", str(EXAMPLES), "-q"]
    result = runner.invoke(app, [*args, "--db", ledger_url])
    assert result.exit_code == 0, result.output
    assert f"{len(uninterrupted)} conflicts" in result.output
    assert _conflicts(ledger_url) == uninterrupted
    table = runner.invoke(app, ["runs", "--db", ledger_url])
    assert table.exit_code == 0
    assert "interrupted" in table.stdout
    if then == "ingest":
        assert "done" in table.stdout and "0 new, 3 unchanged" in result.output


def test_runs_table_lists_counts_and_inputs(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "-q"])
    result = runner.invoke(app, ["runs", "--db", db], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    header, row = result.stdout.splitlines()[1:3]
    assert header.split() == [
        "run", "state", "started", "took", "read", "new", "same", "repl.", "fail", "claims"
    ]  # fmt: skip
    cells = row.split()
    assert cells[:2] == ["1", "done"] and cells[-6:] == ["3", "3", "0", "0", "0", "47"]
    assert f"run 1: {EXAMPLES}" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
