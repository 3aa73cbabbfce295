"""`communique serve` with its default settings under 50 concurrent clients: no errors.

Runs the load benchmark itself (benchmarks/load.py, which starts the real server without
`--workers`) on a smaller ledger. The latency figures (p95 against benchmarks/README.md) are
the benchmark's business, measured on a quiet machine; this holds what must hold on any
machine: every request answered, none failed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from communique.serve.workers import MAX_WORKERS, usable_cores

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_load_fifty_clients_on_default_settings_get_no_errors(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMUNIQUE_")}
    load = [sys.executable, str(ROOT / "benchmarks" / "load.py"), "--db", str(tmp_path / "l.db")]
    shape = ["--documents", "1000", "--clients", "50", "--seconds", "12", "--p95-ms", "1e9"]
    done = subprocess.run(
        [*load, *shape],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr  # 1 on any failed request
    everything = re.search(r"^\| all \| (\d+) \|.*\| (\d+) \|$", done.stdout, re.M)
    assert everything is not None, done.stdout
    requests, errors = int(everything[1]), int(everything[2])
    assert requests > 100 and errors == 0
    started = re.search(r"serving ledger .*, (\d+) process", done.stderr)
    assert started is not None, done.stderr
    assert int(started[1]) == min(usable_cores(), MAX_WORKERS)  # the default for SQLite
