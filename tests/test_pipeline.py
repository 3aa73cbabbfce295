"""process_documents: the batch path gives exactly the documents process_document gives."""

from __future__ import annotations

from pathlib import Path

from communique.pipeline import process_document, process_documents
from communique.read import read_documents

ROOT = Path(__file__).resolve().parent.parent
STATEMENTS = sorted((ROOT / "tests" / "statements").glob("*/*.txt")) + sorted(
    (ROOT / "examples" / "corpus").glob("*.txt")
)


def test_pipeline_batch_equals_one_at_a_time() -> None:
    raws = [r for r in read_documents([str(p) for p in STATEMENTS]) if not isinstance(r, Exception)]
    assert len(raws) == len(STATEMENTS)
    batched = process_documents(raws)
    assert [d.source for d in batched] == [r.source for r in raws]
    assert batched == [process_document(raw) for raw in raws]
    assert sum(len(d.claims) for d in batched) > 0


def test_pipeline_batch_of_none_is_empty() -> None:
    assert process_documents([]) == []


def test_pipeline_year_only_date_dates_no_claim(tmp_path: Path) -> None:
    """A JSONL date of "2016" is a year, not 1 January: figures that hold "now" get no as_of
    from it, while "this year" is still 2016; the same text dated to the day gets both."""
    body = "Today 500 schools are open. This year trade grew to $3 billion."
    lines = [
        f'{{"id": "year", "date": "2016", "text": "{body}"}}',
        f'{{"id": "day", "date": "2016-09-21", "text": "{body}"}}',
    ]
    path = tmp_path / "speeches.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    year, day = (process_document(r) for r in read_documents([str(path)]))
    assert year.date_precision == "year" and day.date_precision == "day"
    assert len(year.claims) == len(day.claims) == 2
    assert all(c.as_of is None for c in year.claims)
    assert [
        (c.period.start.isoformat(), c.period.end.isoformat()) for c in year.claims if c.period
    ] == [("2016-01-01", "2016-12-31")]
    assert any(c.as_of is not None for c in day.claims)
    assert any(c.period is not None for c in day.claims)
