"""The pipeline on a Ray cluster: the only module that imports Ray (the `ray` extra).

`RayExecutor.map(fn, items)` starts one long-lived actor per worker, each holding `fn` (so
the spaCy model loads once per worker process, not once per batch), hands each actor at most
`IN_FLIGHT_PER_WORKER` items at a time, collects results as they complete, and yields them in
input order: the driver stores documents in the same order as a local run, so the ledger and its
exports are the same byte for byte. Items are pulled from their iterator only as slots free up,
so the driver holds a bounded window of the stream, never all of it.

Every node must have communique (with the same version and models) installed in the Python
that runs `ray start`; the driver ships only batches of documents, never code.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from communique._optional import require
from communique.scale.executor import IN_FLIGHT_PER_WORKER

T = TypeVar("T")
R = TypeVar("R")


class _Worker:
    """One actor: applies the function it was built with to each item it is sent."""

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        self.fn = fn

    def run(self, item: Any) -> Any:
        return self.fn(item)


class RayExecutor:
    """Map over a Ray cluster at `address` (None: start a local one for this run).

    `workers` actors (default: every CPU the cluster has), each reserving `cpus` CPUs.
    """

    def __init__(
        self,
        *,
        address: str | None = None,
        workers: int | None = None,
        cpus: float = 1.0,
        window: int = IN_FLIGHT_PER_WORKER,
    ) -> None:
        self.address = address
        self.workers = workers
        self.cpus = cpus
        self.window = max(1, window)
        self._ray = require("ray", extra="ray")

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        ray = self._ray
        started = not ray.is_initialized()
        if started:
            # Ray 2.52 warns (FutureWarning) on every init unless this, its documented switch, is
            # set; we ask for no GPUs, so the new behaviour it announces is the one we want.
            os.environ.setdefault("RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO", "0")
            ray.init(
                address=self.address,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
                logging_level=logging.WARNING,
            )
        actors: list[Any] = []
        try:
            count = self.workers or max(1, int(ray.cluster_resources().get("CPU", 1) // self.cpus))
            actor_class = ray.remote(num_cpus=self.cpus)(_Worker)
            actors = [actor_class.remote(fn) for _ in range(count)]
            yield from self._run(actors, iter(items))
        finally:
            for actor in actors:
                ray.kill(actor)
            if started:
                ray.shutdown()

    def _run(self, actors: list[Any], items: Iterator[Any]) -> Iterator[Any]:
        ray = self._ray
        busy = {index: 0 for index in range(len(actors))}  # items in flight per actor
        pending: dict[Any, tuple[int, int]] = {}  # object ref → (item number, actor index)
        done: dict[int, Any] = {}  # results that came back before an earlier one
        submitted = 0
        following = 0  # the next item number to yield
        exhausted = False
        capacity = self.window * len(actors)
        while True:
            # Fill free slots while the window (in flight + waiting to be yielded) has room.
            while not exhausted and len(pending) + len(done) < capacity:
                actor = min(busy, key=busy.__getitem__)
                if busy[actor] >= self.window:
                    break
                try:
                    item = next(items)
                except StopIteration:
                    exhausted = True
                    break
                pending[actors[actor].run.remote(item)] = (submitted, actor)
                busy[actor] += 1
                submitted += 1
            if not pending:
                break
            ready, _ = ray.wait(list(pending), num_returns=1)
            for ref in ready:
                number, actor = pending.pop(ref)
                busy[actor] -= 1
                done[number] = ray.get(ref)
            while following in done:
                yield done.pop(following)
                following += 1
