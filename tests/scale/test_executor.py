"""LocalExecutor: results in input order, in this process or a pool."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from communique.errors import ConfigError
from communique.scale.executor import LocalExecutor, make_executor
from communique.scale.plan import can_fork, pool_chars, pool_workers


def _square(n: int) -> int:
    return n * n


@pytest.mark.parametrize(("workers", "window"), [(1, None), (2, 1), (2, 4), (3, 2)])
def test_executor_keeps_input_order(workers: int, window: int | None) -> None:
    items = list(range(37))
    got = list(LocalExecutor(workers, window=window).map(_square, items))
    assert got == [n * n for n in items]


@pytest.mark.parametrize("workers", [1, 2])
def test_executor_pulls_items_only_as_a_window_frees(workers: int) -> None:
    """A stream is read a window ahead of the results, never all at once."""
    pulled: list[int] = []

    def stream() -> Iterator[int]:
        for n in range(1000):
            pulled.append(n)
            yield n

    executor = LocalExecutor(workers, window=3)
    results = executor.map(_square, stream())
    assert [next(results) for _ in range(5)] == [0, 1, 4, 9, 16]
    assert len(pulled) <= 5 + 3
    results.close()


@pytest.mark.parametrize(
    ("name", "address", "reason"),
    [("dask", None, "bad-executor"), ("local", "127.0.0.1:6379", "bad-option")],
)
def test_make_executor_names_what_is_wrong(name: str, address: str | None, reason: str) -> None:
    with pytest.raises(ConfigError) as caught:
        make_executor(name, address=address)
    assert caught.value.reason == reason


def test_make_executor_local_is_a_pool_of_the_workers_asked() -> None:
    executor = make_executor("local", workers=3)
    assert isinstance(executor, LocalExecutor) and executor.workers == 3


def _loaded_in_parent(_: int) -> bool:
    return _PREPARED


_PREPARED = False


def _prepare() -> None:
    global _PREPARED
    _PREPARED = True


@pytest.mark.skipif(not can_fork(), reason="workers are forked only where the platform forks")
def test_executor_prepares_once_before_forking_so_workers_share_it() -> None:
    """What `prepare` loads in the parent is there in every forked worker without loading it."""
    global _PREPARED
    _PREPARED = False
    try:
        assert (
            list(LocalExecutor(2, prepare=_prepare).map(_loaded_in_parent, range(6))) == [True] * 6
        )
    finally:
        _PREPARED = False


def test_executor_in_one_process_does_not_prepare() -> None:
    calls: list[int] = []
    assert list(LocalExecutor(1, prepare=lambda: calls.append(1)).map(_square, [3])) == [9]
    assert calls == []


@pytest.mark.parametrize("forked", [True, False])
def test_plan_pool_only_when_the_characters_repay_it(forked: bool) -> None:
    one = pool_chars(2, forked=forked)
    assert pool_workers(one - 1, 4, forked=forked) == 1
    assert pool_workers(one, 4, forked=forked) == 2
    assert pool_workers(10**9, 4, forked=forked) == 4
    assert pool_workers(10**9, 1, forked=forked) == 1
    assert pool_chars(3, forked=forked) > one  # each worker more needs more text to repay it


def test_plan_spawned_workers_need_more_text_than_forked_ones() -> None:
    """A spawned worker loads the model itself: many long statements, not a few, repay it."""
    assert pool_chars(2, forked=False) > 5 * pool_chars(2, forked=True)
    # A handful of statements (~10,000 characters each) runs in one process either way...
    assert (
        pool_workers(5 * 10_000, 2, forked=True) == pool_workers(5 * 10_000, 2, forked=False) == 1
    )
    # ...and a few hundred use the pool.
    assert pool_workers(300 * 10_000, 2, forked=True) == 2
