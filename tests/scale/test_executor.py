"""LocalExecutor: results in input order, in this process or a pool."""

from __future__ import annotations

import pytest

from communique.scale.executor import LocalExecutor


def _square(n: int) -> int:
    return n * n


@pytest.mark.parametrize(("workers", "chunksize"), [(1, 4), (2, 1), (2, 4), (3, 2)])
def test_executor_keeps_input_order(workers: int, chunksize: int) -> None:
    items = list(range(37))
    got = list(LocalExecutor(workers, chunksize=chunksize).map(_square, items))
    assert got == [n * n for n in items]
