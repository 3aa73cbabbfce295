"""The conflicts board's queries: conflicts filtered by metric, kind, severity, speaker, country
and document, a page at a time; one conflict; the conflicts of given claims.

Only a page's rows are read (keyset from `after`, else `offset`), whatever the number of
conflicts; a conflict's speakers, countries and documents are its claims'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from communique.models import Claim, Conflict, ConflictKind, Period, Severity
from communique.store.ledger import Ledger, _claim
from communique.store.tables import ClaimRow, ConflictClaimRow, ConflictRow, DocumentRow


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
    metric: str | None = None,
    kind: str | None = None,
    severity: str | None = None,
    limit: int,
    offset: int = 0,
    after: int | None = None,
) -> list[Conflict]:
    """One page of conflicts in id order, with their claims: only this page's rows are read
    (keyset from `after` when given, else `offset`), whatever the number of conflicts."""
    where = where or ConflictFilter(metric=metric, kind=kind, severity=severity)
    query = _filter_conflicts(select(ConflictRow.id), where).order_by(ConflictRow.id)
    if after is not None:
        query = query.where(ConflictRow.id > after)
    with ledger.reader.connect() as conn:
        ids = list(conn.scalars(query.limit(limit).offset(offset)))
    return conflicts_by_ids(ledger, ids)


def conflict_ids(ledger: Ledger, where: ConflictFilter) -> list[int]:
    """Every id `where` selects, in id order."""
    query = _filter_conflicts(select(ConflictRow.id), where).order_by(ConflictRow.id)
    with ledger.reader.connect() as conn:
        return list(conn.scalars(query))


def conflicts_by_ids(ledger: Ledger, ids: Sequence[int]) -> list[Conflict]:
    """The conflicts with these ids, with their claims, in the order asked."""
    if not ids:
        return []
    with Session(ledger.reader) as s:
        rows = {r.id: r for r in s.scalars(select(ConflictRow).where(ConflictRow.id.in_(ids)))}
        links = s.execute(
            select(ConflictClaimRow.conflict_id, ClaimRow, DocumentRow.source, DocumentRow.date)
            .join(ClaimRow, ConflictClaimRow.claim_id == ClaimRow.id)
            .join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
            .where(ConflictClaimRow.conflict_id.in_(list(rows)))
            .order_by(ConflictClaimRow.conflict_id, ConflictClaimRow.position)
        ).all()
    members: dict[int, list[Claim]] = {}
    for conflict_id, claim_row, source, doc_date in links:
        members.setdefault(conflict_id, []).append(
            _claim(claim_row, source=source, document_date=doc_date)
        )
    return [
        Conflict(
            id=r.id,
            kind=ConflictKind(r.kind),
            severity=Severity(r.severity),
            metric=r.metric,
            explanation=r.explanation,
            period=Period(start=r.period_start, end=r.period_end)
            if r.period_start and r.period_end
            else None,
            as_of=r.as_of,
            claims=tuple(members.get(r.id, ())),
        )
        for r in (rows[i] for i in ids if i in rows)
    ]


def conflicts_of_claims(ledger: Ledger, claim_ids: Sequence[int]) -> dict[int, list[Conflict]]:
    """For each of these claims, the conflicts it takes part in (by id)."""
    wanted = sorted(set(claim_ids))
    if not wanted:
        return {}
    with ledger.reader.connect() as conn:
        pairs = conn.execute(
            select(ConflictClaimRow.claim_id, ConflictClaimRow.conflict_id)
            .where(ConflictClaimRow.claim_id.in_(wanted))
            .order_by(ConflictClaimRow.conflict_id)
        ).all()
    found = {c.id: c for c in conflicts_by_ids(ledger, sorted({p[1] for p in pairs}))}
    out: dict[int, list[Conflict]] = {}
    for claim_id, conflict_id in pairs:
        if conflict_id in found:
            out.setdefault(claim_id, []).append(found[conflict_id])
    return out


def count_conflicts(
    ledger: Ledger,
    where: ConflictFilter | None = None,
    *,
    metric: str | None = None,
    kind: str | None = None,
    severity: str | None = None,
) -> int:
    where = where or ConflictFilter(metric=metric, kind=kind, severity=severity)
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
