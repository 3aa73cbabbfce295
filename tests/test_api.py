"""ingest: batches and worker processes change nothing that is stored or reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest

import communique
import communique.api
from communique.scale.executor import LocalExecutor
from communique.scale.plan import pool_chars, pool_workers

STATEMENTS = str(Path(__file__).resolve().parent / "statements" / "*" / "*.txt")


def _ingest(db: Path, workers: int) -> tuple[list[tuple[str, int, int]], list[tuple[object, ...]]]:
    events: list[tuple[str, int, int]] = []
    summary = communique.ingest(
        [STATEMENTS],
        db=str(db),
        workers=workers,
        progress=lambda event, done, total: events.append((event, done, total)),
    )
    assert summary.new == summary.read > 0
    with communique.open_ledger(str(db)) as ledger:
        claims = [
            (c.source, c.span, c.quote, c.value, c.unit, c.metric, c.speaker, c.period)
            for c in ledger.iter_claims()
        ]
    return events, claims


class _Recorded(LocalExecutor):
    made: ClassVar[list[int]] = []

    def __init__(self, workers: int = 1, **options: Any) -> None:
        super().__init__(workers, **options)
        self.made.append(self.workers)


@pytest.mark.parametrize("workers", [1, 2])
def test_api_ingest_reports_each_document_and_stores_the_same_claims(
    tmp_path: Path, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Our statements are too short to repay a pool: two workers are forced to test the pool.
    monkeypatch.setattr(communique.api, "pool_workers", lambda chars, most: most)
    monkeypatch.setattr(communique.api, "LocalExecutor", _Recorded)
    _Recorded.made.clear()
    events, claims = _ingest(tmp_path / f"w{workers}.db", workers)
    assert _Recorded.made == [workers]
    total = events[0][2]
    assert [e for e in events if e[0] == "stored"] == [
        ("stored", done, total) for done in range(1, total + 1)
    ]
    _, reference = _ingest(tmp_path / "reference.db", 1)
    assert claims == reference
    assert len(claims) > 0


@pytest.mark.parametrize(("long", "pooled"), [(False, 1), (True, 2)])
def test_api_ingest_pools_by_characters_not_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, long: bool, pooled: int
) -> None:
    """Many short statements run in one process; a pool starts once the text repays it."""
    monkeypatch.setattr(communique.api, "LocalExecutor", _Recorded)
    monkeypatch.setattr(communique.api, "pool_chars", lambda most: pool_chars(most, forked=True))
    monkeypatch.setattr(
        communique.api, "pool_workers", lambda chars, most: pool_workers(chars, most, forked=True)
    )
    sentence = "Our trade grew by {n} percent last year, to ${n}.5 billion, said the minister. "
    repeats = 2 * pool_chars(2, forked=True) // (12 * len(sentence)) if long else 1
    for n in range(12):  # twelve documents: short ones, or long enough together to repay a pool
        (tmp_path / f"{n:02d}.txt").write_text(sentence.format(n=n) * repeats, encoding="utf-8")
    _Recorded.made.clear()
    summary = communique.ingest([str(tmp_path / "*.txt")], db=str(tmp_path / "l.db"), workers=2)
    assert summary.new == 12
    assert _Recorded.made == [pooled]
