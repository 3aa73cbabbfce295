"""How the pipeline fans out: an Executor maps a function over items, in order.

`LocalExecutor` runs in this process or a pool of local processes; `scale/ray.py` runs on a
Ray cluster. Results come back in input order so progress and the ledger stay deterministic.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...


class LocalExecutor:
    """`workers=1` runs in this process; more uses a process pool (one model load per worker)."""

    def __init__(self, workers: int = 1, *, chunksize: int = 4) -> None:
        self.workers = max(1, workers)
        self.chunksize = chunksize

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        if self.workers == 1:
            yield from map(fn, items)
            return
        # "spawn" would re-import everything per worker; fork shares the loaded modules.
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(self.workers) as pool:
            yield from pool.imap(fn, items, chunksize=self.chunksize)
