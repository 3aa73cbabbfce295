"""Ingest runs: a run whose process died is marked interrupted on the next open, a live one
is left alone, and a run that fails or is stopped says so."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from communique.api import ingest
from communique.errors import InputError
from communique.store.ledger import Ledger
from communique.store.runs import STALE_AFTER, Heartbeat, Owner, owner_alive

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"

# A process that starts a run, says so, and waits to be killed.
_HOLD_A_RUN = textwrap.dedent(
    """
    import sys, time
    from communique.store.ledger import Ledger
    ledger = Ledger.open(sys.argv[1])
    print(ledger.start_run(["held"]), flush=True)
    time.sleep(600)
    """
)


def _hold_a_run(url: str) -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD_A_RUN, url], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip().isdigit(), f"the run did not start: {line!r}"
    return proc, int(line)


def test_runs_live_run_stays_running_and_a_killed_one_is_interrupted(ledger_url: str) -> None:
    proc, run_id = _hold_a_run(ledger_url)
    try:
        with Ledger.open(ledger_url) as ledger:
            (run,) = ledger.runs()
            assert (run["id"], run["status"]) == (run_id, "running")
            assert (run["host"], run["pid"]) == (socket.gethostname(), proc.pid)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.stdout is not None
        proc.stdout.close()
    with Ledger.open(ledger_url) as ledger:
        (run,) = ledger.runs()
    assert run["status"] == "interrupted"
    assert run["counts"] == {"stored": 0, "claims": 0}
    assert run["finished_at"] is not None


def test_runs_owner_alive_by_process_then_by_heartbeat() -> None:
    now = datetime(2026, 12, 2, 12, 0)
    me = Owner.current()
    here = {"host": me.host, "now": now}
    fresh, stale = now - timedelta(seconds=5), now - STALE_AFTER - timedelta(seconds=1)
    # same host: the process decides, whatever the heartbeat says
    assert owner_alive(pid=me.pid, started=me.started, last_sign=stale, **here)
    if me.started is not None:  # Linux: a reused process id is told apart by its start time
        assert not owner_alive(pid=me.pid, started=me.started + 1, last_sign=fresh, **here)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert not owner_alive(pid=gone.pid, started=None, last_sign=fresh, **here)
    # another host: only the heartbeat can tell
    elsewhere = {"host": "some-other-host", "pid": 1, "started": None, "now": now}
    assert owner_alive(last_sign=fresh, **elsewhere)
    assert not owner_alive(last_sign=stale, **elsewhere)


def test_runs_heartbeat_beats_until_stopped() -> None:
    beats: list[float] = []
    heartbeat = Heartbeat(lambda: beats.append(time.monotonic()), every=0.05)
    time.sleep(0.5)
    heartbeat.stop()
    count = len(beats)
    time.sleep(0.2)
    assert count >= 3 and len(beats) == count


def test_runs_heartbeat_survives_a_failing_beat() -> None:
    calls: list[int] = []

    def beat() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the server is restarting")

    heartbeat = Heartbeat(beat, every=0.05)
    time.sleep(0.4)
    heartbeat.stop()
    assert len(calls) >= 3


def test_runs_stopped_ingest_is_interrupted_and_a_failed_one_names_its_error(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "x.db")

    def stop(event: str, done: int, total: int) -> None:
        if event == "stored":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest([str(EXAMPLES)], db=db, workers=1, progress=stop)

    def explode(event: str, done: int, total: int) -> None:
        raise InputError("somewhere", "binary", "the progress display broke")

    with pytest.raises(InputError):
        ingest([str(EXAMPLES)], db=db, workers=1, progress=explode)
    with Ledger.open(db) as ledger:
        first, second = ledger.runs()
    assert first["status"] == "interrupted" and first["counts"]["stored"] == 1
    assert second["status"] == "failed"
    assert second["error"] == "binary: the progress display broke"
