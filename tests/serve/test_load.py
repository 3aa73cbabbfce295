"""`communique serve` with its default settings under 50 concurrent clients: no errors.

The figures (p95 against benchmarks/README.md) are a benchmark's business, measured on a quiet
machine; this test holds what must hold on any machine: every request answered, none failed.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from communique.store.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]


def _load_module() -> Any:
    spec = importlib.util.spec_from_file_location("_load", ROOT / "benchmarks" / "load.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.mark.slow
def test_load_fifty_clients_on_default_settings_get_no_errors(tmp_path: Path) -> None:
    load = _load_module()
    db = tmp_path / "load.db"
    load.build_ledger(db, 1000)
    with Ledger.open(str(db)) as ledger:
        counts = ledger.count()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "communique", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("COMMUNIQUE_")},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.communicate()[0]
            try:
                if httpx.get(f"{url}/api/claims?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server never answered"
            time.sleep(0.2)
        results = asyncio.run(
            load.run_load(
                url, clients=50, seconds=12, documents=1000, claims=counts["claims"], think=0
            )
        )
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert len(results) > 100
    statuses = {status for _, _, status in results}
    assert statuses == {200}, (statuses, output)
    assert "processes" in output  # started with its default number of workers
