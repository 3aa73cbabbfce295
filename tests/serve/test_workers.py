"""`communique serve`'s default number of processes: cores, SQLite against PostgreSQL."""

from __future__ import annotations

import pytest

from communique.serve.workers import MAX_WORKERS, default_workers, usable_cores, workers_for
from communique.store.ledger import Ledger


@pytest.mark.parametrize(
    ("dialect", "cores", "local", "max_connections", "expected"),
    [
        ("sqlite", 1, True, None, 1),
        ("sqlite", 2, True, None, 2),
        ("sqlite", 64, True, None, MAX_WORKERS),
        ("postgresql", 2, True, 100, 1),  # the database server needs the other core
        ("postgresql", 8, True, 1000, 4),
        ("postgresql", 8, False, 1000, 8),  # a server elsewhere leaves every core
        ("postgresql", 8, False, 100, 3),  # 3 x 15 pooled connections is under 100 / 2
        ("postgresql", 8, False, 20, 1),
    ],
)
def test_workers_default_by_cores_and_database(
    dialect: str, cores: int, local: bool, max_connections: int | None, expected: int
) -> None:
    assert workers_for(dialect, cores=cores, local=local, max_connections=max_connections) == (
        expected
    )


def test_workers_default_for_a_real_ledger(ledger_url: str) -> None:
    with Ledger.open(ledger_url) as ledger:
        workers = default_workers(ledger)
    if ledger_url.startswith("sqlite"):
        assert workers == min(usable_cores(), MAX_WORKERS)
    else:  # the test server is on loopback with PostgreSQL's default of 100 connections
        assert 1 <= workers <= max(1, usable_cores() // 2)
