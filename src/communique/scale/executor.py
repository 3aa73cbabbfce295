"""How the pipeline fans out: an Executor maps a function over items, in order.

`LocalExecutor` runs in this process or a pool of local processes; `scale/ray.py` runs on a
Ray cluster. Results come back in input order so progress and the ledger stay deterministic,
and items are pulled from their iterator only as workers free up, so a stream of any length
is held in memory a window at a time, never whole.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import Protocol, TypeVar

from communique.errors import ConfigError
from communique.scale.plan import can_fork

T = TypeVar("T")
R = TypeVar("R")

# Items in flight per worker: one running, one queued behind it so a worker never waits for the
# driver; more only holds memory.
IN_FLIGHT_PER_WORKER = 2


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...


class LocalExecutor:
    """`workers=1` runs in this process; more uses a process pool.

    `window` bounds the items handed to the pool and not yet yielded back (default: two per
    worker), so reading the input, processing it and consuming the results overlap.

    Where the platform forks, `prepare` runs here before the pool starts, so that what it loads
    (the spaCy model, lexicons) is loaded once and shared by every worker instead of loaded by
    each; elsewhere workers are spawned and load what they need themselves.
    """

    def __init__(
        self,
        workers: int = 1,
        *,
        window: int | None = None,
        prepare: Callable[[], object] | None = None,
    ) -> None:
        self.workers = max(1, workers)
        self.window = max(1, window or IN_FLIGHT_PER_WORKER * self.workers)
        self.prepare = prepare

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        if self.workers == 1:
            yield from map(fn, items)
            return
        forked = can_fork()
        if forked and self.prepare is not None:
            self.prepare()
        # What is loaded by now stays out of the cyclic collector's passes in the workers,
        # which would otherwise touch (and so copy) every shared page of the model.
        gc.freeze()
        try:
            ctx = multiprocessing.get_context("fork" if forked else "spawn")
            with ctx.Pool(self.workers) as pool:
                pending: deque[AsyncResult[R]] = deque()
                for item in items:
                    pending.append(pool.apply_async(fn, (item,)))
                    if len(pending) >= self.window:
                        yield pending.popleft().get()
                while pending:
                    yield pending.popleft().get()
        finally:
            gc.unfreeze()


EXECUTORS = ("local", "ray")


def make_executor(
    name: str = "local", *, workers: int | None = None, address: str | None = None
) -> Executor:
    """The executor called `name`: "local" (processes on this machine) or "ray" (a Ray cluster at
    `address`, or a local one for the run; needs the `ray` extra)."""
    if name == "ray":
        from communique.scale.ray import RayExecutor

        return RayExecutor(address=address, workers=workers)
    if name != "local":
        raise ConfigError(
            "--executor", "bad-executor", f"unknown executor {name!r}", hint=" or ".join(EXECUTORS)
        )
    if address is not None:
        raise ConfigError(
            "--address", "bad-option", "an address names a Ray cluster", hint="add --executor ray"
        )
    return LocalExecutor(workers or os.cpu_count() or 1)
