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
