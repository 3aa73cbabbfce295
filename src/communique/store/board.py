"""The conflicts board's queries: conflicts filtered by metric, kind, severity, speaker, country,
document and review, the most confident first, a page at a time; the conflicts of given claims.

Only a page's rows are read (keyset from `after`, else `offset`), whatever the number of
conflicts; a conflict's speakers, countries and documents are its claims'. A review filter
reads every conflict that passes the others: reviews match conflicts by the identity of their
claims, not by id (`store/reviews.py`), so SQL cannot select them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from communique.models import Conflict, Verdict
from communique.store.ledger import CONFLICT_ORDER, Ledger, conflicts_of
from communique.store.tables import ClaimRow, ConflictClaimRow, ConflictRow

_EVERY = 2**62  # a page size no ledger reaches


@dataclass(frozen=True, slots=True, kw_only=True)
class ConflictFilter:
    """Filters for the conflicts board; every field narrows, None means any. A conflict
    matches a speaker, country or document when one of its claims does (a country also when
    the conflict's metric key names it)."""

    metric: str | None = None
    metrics: tuple[str, ...] | None = None  # any of these keys (`names.resolve_filter`)
    kind: str | None = None
    severity: str | None = None
    speaker: str | None = None
    speakers: tuple[str, ...] | None = None
    country: str | None = None
    country_keys: tuple[str, ...] | None = None  # metric keys naming the country
    document_id: int | None = None
    verdict: Verdict | None = None  # only conflicts an analyst gave this verdict
    unreviewed: bool = False  # only conflicts nobody reviewed

    @property
    def by_review(self) -> bool:
        return self.verdict is not None or self.unreviewed

    def admits(self, conflict: Conflict) -> bool:
        """Whether the conflict's review passes the review filters."""
        review = conflict.review
        if self.unreviewed and review is not None:
            return False
        return self.verdict is None or (review is not None and review.verdict == self.verdict)


def _filter_conflicts(query: Select[Any], where: ConflictFilter) -> Select[Any]:
    for column, value in (
        (ConflictRow.metric, where.metric),
        (ConflictRow.kind, where.kind),
        (ConflictRow.severity, where.severity),
    ):
        if value is not None:
            query = query.where(column == value)
    if where.metrics is not None:
        query = query.where(ConflictRow.metric.in_(where.metrics))
    claims = [
        condition
        for condition in (
            None if where.speaker is None else ClaimRow.speaker == where.speaker,
            None if where.speakers is None else ClaimRow.speaker.in_(where.speakers),
            None if where.document_id is None else ClaimRow.document_id == where.document_id,
        )
        if condition is not None
    ]
    if where.country is not None:
        side = (ClaimRow.subject == where.country) | (ClaimRow.object == where.country)
        named = ConflictRow.metric.in_(where.country_keys or ())
        query = query.where(named | ConflictRow.id.in_(_with_claims(side)))
    if claims:
        query = query.where(ConflictRow.id.in_(_with_claims(*claims)))
    return query


def _with_claims(*conditions: Any) -> Select[Any]:
    """Ids of the conflicts with a claim meeting every condition."""
    return (
        select(ConflictClaimRow.conflict_id)
        .join(ClaimRow, ConflictClaimRow.claim_id == ClaimRow.id)
        .where(*conditions)
    )


def conflict_page(
    ledger: Ledger,
    where: ConflictFilter | None = None,
    *,
    limit: int,
    offset: int = 0,
    after: int | None = None,
    order: Callable[[Conflict], Any] | None = None,
) -> list[Conflict]:
    """One page of conflicts in board order (the most confident first, then by id), with their
    claims and reviews (keyset from `after`, the last id of the previous page, else `offset`).

    `order` is a sort key that reads more than the row, such as `reconcile.conflicts.
    board_order`, which puts reviewed conflicts first or last: every conflict `where` selects
    is then read and sorted, so it goes with `offset`, not `after`.
    """
    where = where or ConflictFilter()
    if order is not None and after is not None:
        raise ValueError("a page in another order is found by offset, not after")
    query = _filter_conflicts(select(ConflictRow), where).order_by(*CONFLICT_ORDER)
    with Session(ledger.reader) as s:
        if after is not None:
            last = s.get(ConflictRow, after)
            query = query.where(
                ConflictRow.id > after
                if last is None
                else or_(
                    ConflictRow.confidence < last.confidence,
                    and_(ConflictRow.confidence == last.confidence, ConflictRow.id > after),
                )
            )
        if order is None and not where.by_review:
            return conflicts_of(s, s.scalars(query.limit(limit).offset(offset)).all())
        found = [c for c in conflicts_of(s, s.scalars(query).all()) if where.admits(c)]
    if order is not None:
        found.sort(key=order)
    return found[offset : offset + limit]


def conflict_ids(ledger: Ledger, where: ConflictFilter) -> list[int]:
    """Every id `where` selects, in board order."""
    if where.by_review:
        return [c.id or 0 for c in conflict_page(ledger, where, limit=_EVERY)]
    query = _filter_conflicts(select(ConflictRow.id), where).order_by(*CONFLICT_ORDER)
    with ledger.reader.connect() as conn:
        return list(conn.scalars(query))


def conflicts_by_ids(ledger: Ledger, ids: Sequence[int]) -> list[Conflict]:
    """The conflicts with these ids, with their claims and reviews, in the order asked."""
    if not ids:
        return []
    with Session(ledger.reader) as s:
        rows = {r.id: r for r in s.scalars(select(ConflictRow).where(ConflictRow.id.in_(ids)))}
        return conflicts_of(s, [rows[i] for i in ids if i in rows])


def conflicts_of_claims(ledger: Ledger, claim_ids: Sequence[int]) -> dict[int, list[Conflict]]:
    """For each of these claims, the conflicts it takes part in, in board order."""
    wanted = sorted(set(claim_ids))
    if not wanted:
        return {}
    with ledger.reader.connect() as conn:
        pairs = conn.execute(
            select(ConflictClaimRow.claim_id, ConflictClaimRow.conflict_id)
            .join(ConflictRow, ConflictRow.id == ConflictClaimRow.conflict_id)
            .where(ConflictClaimRow.claim_id.in_(wanted))
            .order_by(*CONFLICT_ORDER)
        ).all()
    found = {c.id: c for c in conflicts_by_ids(ledger, list(dict.fromkeys(p[1] for p in pairs)))}
    out: dict[int, list[Conflict]] = {}
    for claim_id, conflict_id in pairs:
        if conflict_id in found:
            out.setdefault(claim_id, []).append(found[conflict_id])
    return out


def count_conflicts(ledger: Ledger, where: ConflictFilter | None = None) -> int:
    """How many conflicts `where` selects (with a review filter, by reading them)."""
    where = where or ConflictFilter()
    if where.by_review:
        return len(conflict_ids(ledger, where))
    query = _filter_conflicts(select(func.count()).select_from(ConflictRow), where)
    with ledger.reader.connect() as conn:
        return conn.scalar(query) or 0


__all__ = [
    "ConflictFilter",
    "conflict_ids",
    "conflict_page",
    "conflicts_by_ids",
    "conflicts_of_claims",
    "count_conflicts",
]
