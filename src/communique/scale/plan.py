"""How a run fans out: documents per batch, and whether it repays a pool of processes.

A pool worker forked after `pipeline.warm_up` shares the loaded spaCy model and lexicons with
the process that forked it (copy-on-write); where processes cannot be forked, each worker
imports communique and loads the model itself. Either way a pool costs CPU time to start
and to ship documents to and from its workers, and it pays back only in wall time, so a run
gets one only when its text is long enough for that to be worth it: decided on characters,
since one long fact sheet is more work than ten short readouts.
"""

from __future__ import annotations

import multiprocessing

BATCH = 32
"""Documents per `process_documents` call at most: their sentences are parsed in one spaCy
stream, which benchmarks/throughput.py measured ~10% faster with 64 documents than one at a
time; 32 keeps most of that while a worker's batch (and the driver's window of them) stays
small."""

BATCH_CHARS = 100_000
"""Characters per batch at most (a batch is closed by whichever limit it reaches first), so
that a few long statements still make several batches for the pool's workers to share, and
the parse stream of a batch still fills the parser's batches (about 25,000 characters of
candidate windows, a few hundred sentences). A document longer than this is a batch of its
own."""

WORKER_START_FORKED = 0.25
"""CPU seconds a forked worker costs beyond the work it does: the fork, the pages of the
shared model it copies on first write, and pickling documents to it and results back.
Calibrated with benchmarks/real_text.py's 1 MB of real statements on the 2-vCPU development
VM: 5.24 and 5.36 CPU s in one process, 5.78 and 5.82 with two forked workers (2026-12-02)."""

WORKER_START_SPAWNED = 2.0
"""The same for a worker that is not forked: it imports communique and loads the model itself
(~0.9 s of imports and ~1.0 s of model load on the development VM)."""

CHARS_PER_SECOND = 500_000
"""Characters of statements one core takes through describe, segment and extract in a second:
520,000 on the 20 MB of real statements of benchmarks/real_text.py in one process; the exact
figure matters little to the decision."""


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def pool_chars(workers: int, *, forked: bool | None = None) -> int:
    """The characters from which a pool of `workers` processes repays itself: the wall time
    they save (the work shared among them instead of done by one) is more than the CPU time
    their start costs."""
    if workers <= 1:
        return 0
    forked = can_fork() if forked is None else forked
    start = WORKER_START_FORKED if forked else WORKER_START_SPAWNED
    # chars / CHARS_PER_SECOND * (1 - 1 / workers) > workers * start
    return int(workers * start * CHARS_PER_SECOND / (1 - 1 / workers)) + 1


def pool_workers(chars: int, workers: int, *, forked: bool | None = None) -> int:
    """How many processes (at most `workers`) a run of `chars` characters should use."""
    best = 1
    for n in range(2, workers + 1):
        if chars >= pool_chars(n, forked=forked):
            best = n
    return best
