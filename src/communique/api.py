"""The public Python API: ingest files into a ledger, open a ledger to read it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from typing import BinaryIO

from communique.errors import InputError
from communique.models import RawDocument, ReadWarning
from communique.pipeline import STAGES, process_documents, warm_up
from communique.read import read_documents
from communique.reconcile import reconcile_pending
from communique.scale.executor import Executor, LocalExecutor
from communique.scale.plan import BATCH, BATCH_CHARS, pool_chars, pool_workers
from communique.settings import setting
from communique.store.ledger import AddStatus, Ledger

# Documents read ahead to ask the ledger which it already holds, in one query: a query per
# document cost ~9 ms of the driver's time on PostgreSQL (benchmarks/README.md, archive scale).
_CHECK = 64


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestSummary:
    read: int
    new: int
    unchanged: int
    replaced: int
    failed: int
    claims: int
    conflicts: int
    agreements: int = 0
    commitments: int = 0
    errors: tuple[InputError, ...] = field(default_factory=tuple)
    run_id: int | None = None
    # Documents stored, but with something read that could not be used (a date that is no
    # date, a field of the wrong type): each names where, and why.
    warnings: tuple[ReadWarning, ...] = field(default_factory=tuple)
    # What the ledger holds after the run (documents, claims, conflicts...; `Ledger.count`):
    # a re-run that adds nothing still says what is there.
    held: dict[str, int] = field(default_factory=dict)


ProgressFn = Callable[[str, int, int], None]  # (event, done, total)


def _batches(
    items: Iterator[RawDocument], *, size: int, chars: int = BATCH_CHARS
) -> Iterator[list[RawDocument]]:
    """`items` in order, in lists of at most `size` documents that stop at the one that brings
    them to `chars` characters, pulled from the stream as they are needed."""
    batch: list[RawDocument] = []
    held = 0
    for item in items:
        # The pipeline never reads the map back to the original (nor does the ledger keep
        # it): a tuple of one int per character, it was most of what a batch pickled to
        # ship to a worker process (~0.08 s of CPU per MB of text on the two ends).
        batch.append(replace(item, offset_map=()))
        held += len(item.text)
        if len(batch) >= size or held >= chars:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def _read_ahead(items: Iterator[RawDocument], chars: int) -> tuple[list[RawDocument], int]:
    """The first documents of `items`, up to the one that brings them to `chars` characters
    (all of them when there are fewer), and their characters."""
    head: list[RawDocument] = []
    held = 0
    while held < chars and (item := next(items, None)) is not None:
        head.append(item)
        held += len(item.text)
    return head, held


@dataclass(slots=True)
class _Tally:
    """What reading found so far: documents seen, already stored, failed."""

    seen: int = 0
    unchanged: int = 0
    errors: list[InputError] = field(default_factory=list)
    hashes: set[str] = field(default_factory=set)
    warnings: list[ReadWarning] = field(default_factory=list)


def _fresh(
    found: Iterable[RawDocument | InputError],
    ledger: Ledger,
    tally: _Tally,
    progress: ProgressFn | None,
    stored: Callable[[], int],
) -> Iterator[RawDocument]:
    """The documents of `found` not in the ledger yet (nor earlier in this run), lazily; errors
    and known documents are counted in `tally` as they go by. The ledger is asked about
    `_CHECK` documents at a time (one query instead of one per document)."""
    items = iter(found)
    while chunk := list(islice(items, _CHECK)):
        known = ledger.known_contents(d.content_hash for d in chunk if isinstance(d, RawDocument))
        for item in chunk:
            tally.seen += 1
            if isinstance(item, InputError):
                tally.errors.append(item)
            elif item.content_hash in tally.hashes or item.content_hash in known:
                tally.unchanged += 1
            else:
                tally.hashes.add(item.content_hash)
                tally.warnings.extend(item.warnings)
                yield item
                continue
            if progress:
                progress("read", stored() + tally.unchanged + len(tally.errors), tally.seen)


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
    batch_size: int = BATCH,
) -> IngestSummary:
    """Read, process and store every document under `inputs`; then reconcile what they touched.

    One stream: documents are read, sent to the executor in batches of `batch_size`, and stored
    as their batch comes back, so memory holds a few batches whatever the size of the archive.
    Each document is stored in its own transaction; documents already in the ledger (same
    normalised text) are skipped before any processing, so a re-run resumes where a crash left
    off. Progress reports (event, documents done, documents found so far).
    """
    own = ledger is None
    ledger = ledger or Ledger.open(db)
    run_id: int | None = None
    try:
        run_id = ledger.start_run(inputs)
        limit = int(setting("max_bytes", max_bytes))
        counts = {s: 0 for s in AddStatus}
        claims = agreements = commitments = 0
        tally = _Tally()
        fresh = _fresh(
            read_documents(inputs, stdin=stdin, max_bytes=limit),
            ledger,
            tally,
            progress,
            stored=lambda: sum(counts.values()),
        )
        if executor is None:
            most = workers or int(setting("workers")) or (os.cpu_count() or 1)
            # Is there enough text to repay a pool? Read ahead as far as it takes to know.
            head, held = _read_ahead(fresh, pool_chars(most))
            executor = LocalExecutor(pool_workers(held, most), prepare=warm_up)
            fresh = chain(head, fresh)
        for docs in executor.map(process_documents, _batches(fresh, size=max(1, batch_size))):
            for doc in docs:  # one transaction per document, as each batch comes back
                counts[ledger.add_document(doc, run_id=run_id, stages=STAGES)] += 1
                claims += len(doc.claims)
                agreements += len(doc.agreements)
                commitments += len(doc.commitments)
                if progress:
                    done = sum(counts.values()) + tally.unchanged + len(tally.errors)
                    progress("stored", done, tally.seen)
        summary = reconcile_pending(ledger)
        result = IngestSummary(
            read=tally.seen,
            new=counts[AddStatus.NEW],
            unchanged=tally.unchanged + counts[AddStatus.UNCHANGED],
            replaced=counts[AddStatus.REPLACED],
            failed=len(tally.errors),
            claims=claims,
            conflicts=summary.conflicts,
            agreements=agreements,
            commitments=commitments,
            errors=tuple(tally.errors),
            run_id=run_id,
            warnings=tuple(tally.warnings),
            held=ledger.count(),
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
