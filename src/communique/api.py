"""The public Python API: ingest files into a ledger, open a ledger to read it."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from communique.errors import InputError
from communique.models import RawDocument
from communique.pipeline import STAGES, process_documents
from communique.read import read_documents
from communique.reconcile import reconcile
from communique.scale.executor import Executor, LocalExecutor
from communique.settings import setting
from communique.store.ledger import AddStatus, Ledger

# Below this many new documents a process pool costs more (one model load per worker) than it saves.
_POOL_THRESHOLD = 8
# Documents per `process_documents` call: their sentences are parsed in one spaCy stream,
# which benchmarks/throughput.py measured ~10% faster with 64 documents than one at a time.
_BATCH = 64


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestSummary:
    read: int
    new: int
    unchanged: int
    replaced: int
    failed: int
    claims: int
    conflicts: int
    errors: tuple[InputError, ...] = field(default_factory=tuple)
    run_id: int | None = None


ProgressFn = Callable[[str, int, int], None]  # (event, done, total)


def _chunks(items: list[RawDocument], *, parts: int) -> list[list[RawDocument]]:
    """`items` in order, cut into batches of at most _BATCH, and small enough that each of
    `parts` workers gets several."""
    size = max(1, min(_BATCH, len(items) // (4 * max(1, parts))))
    return [items[i : i + size] for i in range(0, len(items), size)]


def open_ledger(db: str | None = None) -> Ledger:
    """Open the ledger at `db`, a path or SQLAlchemy URL (default: $COMMUNIQUE_DB)."""
    return Ledger.open(db)


def ingest(
    inputs: Sequence[str],
    *,
    db: str | None = None,
    ledger: Ledger | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
    stdin: BinaryIO | None = None,
    max_bytes: int | None = None,
    progress: ProgressFn | None = None,
) -> IngestSummary:
    """Read, process and store every document under `inputs`; then reconcile the ledger.

    Each document is stored in its own transaction; documents already in the ledger (same
    normalised text) are skipped before any processing, so a re-run resumes where a crash left off.
    """
    own = ledger is None
    ledger = ledger or Ledger.open(db)
    run_id: int | None = None
    try:
        run_id = ledger.start_run(inputs)
        errors: list[InputError] = []
        fresh: list[RawDocument] = []
        unchanged = 0
        seen: set[str] = set()
        limit = int(setting("max_bytes", max_bytes))
        for item in read_documents(inputs, stdin=stdin, max_bytes=limit):
            if isinstance(item, InputError):
                errors.append(item)
            elif item.content_hash in seen or ledger.has_content(item.content_hash):
                unchanged += 1
            else:
                seen.add(item.content_hash)
                fresh.append(item)
        total = len(fresh) + unchanged + len(errors)
        done = unchanged + len(errors)
        if progress:
            progress("read", done, total)
        if executor is None:
            n = workers or int(setting("workers")) or (os.cpu_count() or 1)
            executor = LocalExecutor(n if len(fresh) >= _POOL_THRESHOLD else 1, chunksize=1)
        counts = {s: 0 for s in AddStatus}
        claims = 0
        chunks = _chunks(fresh, parts=getattr(executor, "workers", 1))
        for docs in executor.map(process_documents, chunks):
            for doc in docs:  # one transaction per document, as each batch comes back
                counts[ledger.add_document(doc, run_id=run_id, stages=STAGES)] += 1
                claims += len(doc.claims)
                done += 1
                if progress:
                    progress("stored", done, total)
        summary = reconcile(ledger)
        result = IngestSummary(
            read=total,
            new=counts[AddStatus.NEW],
            unchanged=unchanged + counts[AddStatus.UNCHANGED],
            replaced=counts[AddStatus.REPLACED],
            failed=len(errors),
            claims=claims,
            conflicts=summary.conflicts,
            errors=tuple(errors),
            run_id=run_id,
        )
        ledger.finish_run(
            run_id,
            counts={
                "read": result.read,
                "new": result.new,
                "unchanged": result.unchanged,
                "replaced": result.replaced,
                "failed": result.failed,
                "claims": result.claims,
            },
        )
        return result
    except BaseException as exc:
        if run_id is not None:  # failed, or interrupted by Ctrl-C; never hides `exc`
            ledger.abandon_run(run_id, exc)
        raise
    finally:
        if own:
            ledger.close()
