"""Ingest runs: which process owns one, whether it still lives, and its heartbeat.

A run row records the host name, process id and process start time of the `ingest` that
started it, and a heartbeat that process refreshes from a background thread. When a ledger
is opened, each run still marked `running` is checked, and a dead one is marked `interrupted`:

- On the same host (a laptop, a CI box, any SQLite file): the process is looked up. Gone,
  a zombie, or its id now held by a process that started at another time (a reused id)
  means dead — at once, with no waiting: the usual sequence is a kill (or a crash) and then
  an immediate re-run, which must not see the dead run as live.
- On another host (a PostgreSQL server shared by a team; SQLite on a network drive) its
  processes cannot be seen, so the heartbeat decides: silent for STALE_AFTER means dead.
  Host names tell containers on one machine apart (their process ids overlap); where the
  start time cannot be read (not Linux), a live id also needs a fresh heartbeat.

Why not a PostgreSQL advisory lock held by the run: it dies with its connection, and a
connection can drop while the run lives on (a restarted server, which writes retry through),
so it would call live runs dead; and SQLite has no equivalent.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

# A beat every 30 s costs one tiny UPDATE; STALE_AFTER is 20 missed beats, so a run on
# another host whose writes are waiting out a lost connection (the db_retry setting, 30 s by
# default) or a long reconciliation that holds the GIL in bursts is never called dead.
HEARTBEAT_SECONDS = 30.0
STALE_AFTER = timedelta(minutes=10)


@dataclass(frozen=True, slots=True, kw_only=True)
class Owner:
    host: str
    pid: int
    started: int | None  # the process's start, in clock ticks after boot (Linux); else None

    @classmethod
    def current(cls) -> Owner:
        pid = os.getpid()
        return cls(host=socket.gethostname(), pid=pid, started=_process_started(pid))


def _process_started(pid: int) -> int | None:
    """Start time of a live process (field 22 of /proc/PID/stat), or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rpartition(")")[2].split()
    except OSError:
        return None
    # fields[0] is field 3 (state); a zombie has exited and only waits for its parent
    if not fields or fields[0] in ("Z", "X"):
        return None
    try:
        return int(fields[19])
    except (IndexError, ValueError):
        return None


def _process_exists(pid: int) -> bool:
    if os.path.isdir("/proc/self"):
        return _process_started(pid) is not None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def owner_alive(
    *,
    host: str | None,
    pid: int | None,
    started: int | None,
    last_sign: datetime,
    now: datetime,
) -> bool:
    """Whether the process that owns a `running` run still lives (see the module docstring).

    `last_sign` is the run's last heartbeat, or its start for runs written before heartbeats.
    """
    fresh = now - last_sign < STALE_AFTER
    if host != socket.gethostname() or pid is None:
        return fresh
    if not _process_exists(pid):
        return False
    if started is not None:
        now_started = _process_started(pid)
        if now_started is not None:
            return now_started == started
    return fresh


class Heartbeat:
    """Calls `beat()` every `every` seconds from a daemon thread until stopped.

    A beat that fails (the server restarting, the disk full) is skipped: the next one tries
    again, and a dead process stops beating, which is the point.
    """

    def __init__(self, beat: Callable[[], None], *, every: float = HEARTBEAT_SECONDS) -> None:
        self._beat = beat
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="communique-heartbeat", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            try:
                self._beat()
            except Exception:  # a missed beat is what a heartbeat tolerates
                continue

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not threading.current_thread():
            # a beat caught in a slow connect finishes on its own (daemon thread)
            self._thread.join(timeout=2.0)
