"""`communique ingest` end to end: summaries, exit codes, idempotent re-runs, crash safety."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.store.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"
runner = CliRunner()


def test_ingest_examples_then_rerun_adds_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    first = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--quiet"])
    assert first.exit_code == 0, first.output
    assert "3 read, 3 new, 0 unchanged" in first.output
    again = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--quiet"])
    assert again.exit_code == 0
    assert "3 read, 0 new, 3 unchanged" in again.output
    # a re-run that adds nothing still says what the ledger holds, as the first run did
    held = first.output.split(" holds ")[1].split()
    assert held[:2] == ["3", "documents,"] and int(held[2]) > 0  # claims
    assert again.output.split(" holds ")[1] == first.output.split(" holds ")[1]
    with Ledger.open(db) as ledger:
        assert ledger.count()["documents"] == 3
        assert [r["status"] for r in ledger.runs()] == ["done", "done"]


def test_ingest_bad_input_fails_loudly_but_keeps_the_good(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Jane Doe: Trade grew by 10 percent last year.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = str(tmp_path / "x.db")
    result = runner.invoke(
        app, ["ingest", str(good), str(empty), str(tmp_path / "missing.txt"), "--db", db, "-q"]
    )
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "missing.txt" in result.output
    assert "2 failed" in result.output
    with Ledger.open(db) as ledger:
        assert [d.source for d in ledger.documents()] == [str(good)]


def test_ingest_reads_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    result = runner.invoke(
        app, ["ingest", "-", "--db", db, "-q"], input="Jane Doe: We agreed on three projects.\n"
    )
    assert result.exit_code == 0, result.output
    with Ledger.open(db) as ledger:
        assert ledger.count()["documents"] == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats_hold_every_document(tmp_path: Path, fmt: str) -> None:
    db = str(tmp_path / "x.db")
    runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "-q"])
    out = tmp_path / f"docs.{fmt}"
    result = runner.invoke(
        app, ["export", "documents", "--format", fmt, "-o", str(out), "--db", db]
    )
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert {Path(r["source"]).stem for r in records} == {p.stem for p in EXAMPLES.glob("*.txt")}
        assert all(isinstance(t["start"], int) for r in records for t in r["turns"])
    elif fmt == "csv":
        assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + 3
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == 3


def test_ingest_killed_midway_leaves_a_valid_ledger_that_a_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = (EXAMPLES / "004_a3d02d84b487bf39.txt").read_text(encoding="utf-8")
    for i in range(400):
        (corpus / f"doc{i:04d}.txt").write_text(f"{seed}\nVariant {i}.\n", encoding="utf-8")
    db = tmp_path / "x.db"
    cmd = [
        sys.executable,
        "-m",
        "communique",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "-q",
        "-j",
        "1",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                continue  # schema not created yet
            if stored >= 5:
                break
    assert proc.poll() is None, "ingest finished before it could be killed: enlarge the corpus"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        killed_at = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        # whole documents only: every stored document has its turns
        assert (
            conn.execute(
                "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                "(SELECT 1 FROM turns t WHERE t.document_id = d.id)"
            ).fetchone()[0]
            == 0
        )
    assert 5 <= killed_at < 400
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{400 - killed_at} new, {killed_at} unchanged" in rerun.stderr.replace("\n", " ")
    with Ledger.open(str(db)) as ledger:
        assert ledger.count()["documents"] == 400
        runs = ledger.runs()
        # the killed run stays visible, marked interrupted with what it had stored
        assert [r["status"] for r in runs] == ["interrupted", "done"]
        assert runs[0]["counts"]["stored"] == killed_at


def test_ingest_max_bytes_flag_rejects_big_files_with_a_hint(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Jane Doe: " + "We agreed on three projects. " * 100, encoding="utf-8")
    result = runner.invoke(
        app, ["ingest", str(big), "--db", str(tmp_path / "x.db"), "--max-bytes", "100"]
    )
    assert result.exit_code == 1
    assert "big.txt" in result.output and "too-large" in result.output


def test_ingest_error_lines_print_paths_and_line_numbers_verbatim(tmp_path: Path) -> None:
    odd = tmp_path / "[red]notes.jsonl"
    odd.write_text(
        "\n".join(['{"id": "a", "text": "Jane Doe: hello."}'] * 99 + ["not json"]) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["ingest", str(odd), "--db", str(tmp_path / "x.db"), "-q"])
    assert result.exit_code == 1
    assert f"{odd}:100:" in result.output  # no emoji, no markup eaten
