"""When the database fails: every driver error in our words, and writes retried across a lost
connection.

`watch(engine, where)` turns each error the driver raises on that engine into a `LedgerError`
whose reason says what happened, whatever statement hit it (a write, a read, a migration):

    disk-full         SQLite SQLITE_FULL; PostgreSQL 53100 (disk_full)
    read-only         SQLite SQLITE_READONLY; PostgreSQL 25006 (read_only_sql_transaction)
    connection-lost   the server went away or refused us: PostgreSQL class 08, 57P01-57P03,
                      a broken connection, or any error while connecting
    locked            SQLite SQLITE_BUSY/SQLITE_LOCKED after the busy timeout; 40001, 40P01
    corrupt           SQLite SQLITE_CORRUPT/SQLITE_NOTADB
    cannot-open       SQLite SQLITE_CANTOPEN/SQLITE_PERM; PostgreSQL 28xxx, 3D000
    io-error          SQLite SQLITE_IOERR
    write-failed      anything else the driver calls operational

Integrity and programming errors pass through unchanged: the ledger handles the first itself
(two writers storing the same text) and the second is a bug to see in full.

`retry(fn, budget=...)` runs one transaction again while the failure is a lost connection (a
restarted PostgreSQL, a backend terminated mid-transaction, a failover), for up to `budget`
seconds (the ledger passes the `db_retry` setting, 30 s by default). A transaction that lost
its connection was rolled back by the server, so running it again is safe; the ledger's
writes are also idempotent by content hash.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DataError, IntegrityError, ProgrammingError

from communique.errors import LedgerError

T = TypeVar("T")

# Waits between attempts: quick at first (a terminated backend reconnects at once), then
# every 2 s while a server restarts (PostgreSQL 15 here restarts in 0.3-1.5 s; a failover
# takes longer, which is what the budget is for).
_FIRST_WAIT = 0.1
_LONGEST_WAIT = 2.0

_SQLITE_REASONS = {
    sqlite3.SQLITE_FULL: "disk-full",
    sqlite3.SQLITE_READONLY: "read-only",
    sqlite3.SQLITE_BUSY: "locked",
    sqlite3.SQLITE_LOCKED: "locked",
    sqlite3.SQLITE_CORRUPT: "corrupt",
    sqlite3.SQLITE_NOTADB: "corrupt",
    sqlite3.SQLITE_CANTOPEN: "cannot-open",
    sqlite3.SQLITE_PERM: "cannot-open",
    sqlite3.SQLITE_IOERR: "io-error",
}
_PG_REASONS = {
    "53100": "disk-full",
    "25006": "read-only",
    "40001": "locked",
    "40P01": "locked",
    "3D000": "cannot-open",
    "57P01": "connection-lost",  # admin_shutdown: a fast stop, pg_terminate_backend
    "57P02": "connection-lost",  # crash_shutdown
    "57P03": "connection-lost",  # cannot_connect_now: starting up or shutting down
}
_PG_CLASS_REASONS = {"08": "connection-lost", "28": "cannot-open"}

_MESSAGES = {
    "disk-full": "the disk holding the ledger is full",
    "read-only": "the ledger is read-only here",
    "connection-lost": "lost the connection to the database server",
    "locked": "the ledger stayed locked by another writer",
    "corrupt": "the ledger file is damaged or is not an SQLite database",
    "cannot-open": "cannot open the ledger",
    "io-error": "the disk failed to read or write the ledger",
    "write-failed": "the database refused the operation",
}
_HINTS = {
    "disk-full": "free some space, then run the same command again: documents already "
    "stored are kept and skipped",
    "read-only": "give this process write access to the ledger (and its folder), or open "
    "a writable copy",
    "connection-lost": "check that the server is up; running the same command again "
    "resumes where it stopped",
    "locked": "another process is writing to the ledger; try again when it is done",
    "corrupt": "restore the ledger from a copy, or re-ingest into a new one",
}


def reason_of(exc: BaseException, *, connecting: bool = False) -> str | None:
    """Our reason code for a driver error, or None when the error is not ours to translate."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is None:
            return "write-failed" if isinstance(exc, sqlite3.OperationalError) else None
        return _SQLITE_REASONS.get(code & 0xFF, "write-failed")
    state = getattr(exc, "sqlstate", None)
    if state is None and type(exc).__module__.startswith("psycopg"):
        # psycopg raises OperationalError without a state when the socket breaks or the
        # server refuses the connection
        broken = connecting or type(exc).__name__ == "OperationalError"
        return "connection-lost" if broken else None
    if isinstance(state, str):
        reason = _PG_REASONS.get(state) or _PG_CLASS_REASONS.get(state[:2])
        if reason is None and type(exc).__name__ == "OperationalError":
            return "write-failed"
        return reason
    return None


def ledger_error(where: str, reason: str, detail: str) -> LedgerError:
    message = _MESSAGES.get(reason, "the database failed")
    detail = " ".join(detail.split())
    if detail:
        message = f"{message} ({detail})"
    return LedgerError(where, reason, message, hint=_HINTS.get(reason))


def watch(engine: Engine, where: str) -> None:
    """Raise a LedgerError naming `where` for every driver error on `engine` that has one."""

    @event.listens_for(engine, "handle_error")
    def _translate(context: ExceptionContext) -> LedgerError | None:
        if context.is_pre_ping:  # the pool reconnects after a failed pre-ping by itself
            return None
        wrapped = context.sqlalchemy_exception
        if isinstance(wrapped, IntegrityError | ProgrammingError | DataError):
            return None
        original = context.original_exception
        reason = reason_of(original, connecting=context.connection is None)
        if reason is None:
            return None
        if context.is_disconnect:
            reason = "connection-lost"
        return ledger_error(where, reason, str(original).strip())


def retry(fn: Callable[[], T], *, budget: float) -> T:
    """`fn()`, run again after a lost connection until it succeeds or `budget` seconds pass
    (the ledger passes the `db_retry` setting)."""
    deadline = time.monotonic() + budget
    wait = _FIRST_WAIT
    while True:
        try:
            return fn()
        except LedgerError as exc:
            if exc.reason != "connection-lost" or time.monotonic() + wait > deadline:
                raise
        time.sleep(wait)
        wait = min(wait * 2, _LONGEST_WAIT)
