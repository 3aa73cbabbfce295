"""LocalExecutor: results in input order, in this process or a pool."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from communique.errors import ConfigError
from communique.scale.executor import LocalExecutor, make_executor


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
