"""What an export selects from the ledger: the claims and conflicts a filter names, as records.

The filters are those of the web's tables (`store.ledger.ClaimFilter`, `store.board.
ConflictFilter`), with names in any case or in part (`reconcile.names`); the records are
`present.export`'s. Kept apart from `export.py`, which only shapes and writes records, so a
command that writes them does not load the ledger's queries until it runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from communique.present.export import claim_record, conflict_record, flat_claim_record
from communique.present.formats import Record
from communique.reconcile.names import resolve_conflict_filter, resolve_filter
from communique.store.board import ConflictFilter, conflict_ids, conflicts_by_ids
from communique.store.context import claims_in_context
from communique.store.ledger import ClaimFilter, Ledger


def claim_records(ledger: Ledger, where: ClaimFilter, *, flat: bool) -> Iterator[Record]:
    """The claims `where` selects (names in any case or in part, as the web's filters take
    them): as `claim_record`s, or with `flat` as spreadsheet rows (`flat_claim_record`)."""
    where = resolve_filter(ledger, where)
    if not flat:
        yield from (claim_record(c) for c in ledger.iter_claims(where))
        return
    for row in claims_in_context(ledger, where):
        yield flat_claim_record(row.claim, title=row.title, url=row.url, sentence=row.sentence)


def conflict_records(
    ledger: Ledger, where: ConflictFilter, *, since: date | None, until: date | None
) -> Iterator[Record]:
    """The conflicts `where` selects whose period or moment meets [since, until], in board
    order."""
    ids = conflict_ids(ledger, resolve_conflict_filter(ledger, where))
    for conflict in conflicts_by_ids(ledger, ids):
        first = conflict.period.start if conflict.period else conflict.as_of
        last = conflict.period.end if conflict.period else conflict.as_of
        if since is not None and (last is None or last < since):
            continue
        if until is not None and (first is None or first > until):
            continue
        yield conflict_record(conflict)


__all__ = ["claim_records", "conflict_records"]
