"""ingest: batches and worker processes change nothing that is stored or reported."""

from __future__ import annotations

from pathlib import Path

import pytest

import communique

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


@pytest.mark.parametrize("workers", [1, 2])
def test_api_ingest_reports_each_document_and_stores_the_same_claims(
    tmp_path: Path, workers: int
) -> None:
    events, claims = _ingest(tmp_path / f"w{workers}.db", workers)
    total = events[0][2]
    assert [e for e in events if e[0] == "stored"] == [
        ("stored", done, total) for done in range(1, total + 1)
    ]
    _, reference = _ingest(tmp_path / "reference.db", 1)
    assert claims == reference
    assert len(claims) > 0
