"""How many processes `communique serve` runs when `--workers` is not given.

- SQLite: one per usable core. A request's query runs inside the worker that took it, and
  readers never block each other (WAL), so processes are the parallelism; more of them than
  cores only adds contention (benchmarks/README.md: three workers on two cores gained
  nothing and cost more CPU per request than two).
- PostgreSQL: the queries run in the database server's processes. When that server is on
  this machine (loopback or a local socket) it needs the same cores: half of them go to the
  web workers. A server elsewhere leaves every core to them. Either way no more workers than
  fit in half the server's `max_connections`, at up to 15 pooled connections per worker
  (SQLAlchemy's default pool: 5, plus 10 overflow), so other clients can still connect.
- Never more than 8: past that, each process's memory (its app, and the language model once
  it has ingested a posted document) outweighs what one ledger's API gains.
"""

from __future__ import annotations

import os

from communique.store.ledger import Ledger

MAX_WORKERS = 8
CONNECTIONS_PER_WORKER = 15  # QueuePool: pool_size 5 + max_overflow 10
_LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity, e.g. a container's share)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def workers_for(
    dialect: str, *, cores: int, local: bool = True, max_connections: int | None = None
) -> int:
    """The default number of workers (see the module docstring)."""
    count = cores
    if dialect == "postgresql":
        if local:
            count = cores // 2
        if max_connections is not None:
            count = min(count, max_connections // 2 // CONNECTIONS_PER_WORKER)
    return max(1, min(count, MAX_WORKERS))


def default_workers(ledger: Ledger) -> int:
    """The default for this ledger, asking a PostgreSQL server for its connection limit."""
    if ledger.dialect != "postgresql":
        return workers_for(ledger.dialect, cores=usable_cores())
    from sqlalchemy import text

    with ledger.engine.connect() as conn:
        limit = int(conn.execute(text("SHOW max_connections")).scalar_one())
    host = ledger.url.host or ""
    local = host in _LOCAL_HOSTS or host.startswith("/")
    return workers_for("postgresql", cores=usable_cores(), local=local, max_connections=limit)
