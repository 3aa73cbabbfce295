"""A person's track record: every figure they gave, the conflicts those figures are in, the
agreements they named and the commitments they made, with what later statements reported.

What the speaker page of the web UI shows; the claims are capped (`MAX_CLAIMS`, the most
recent first) and counted, the rest reachable through the claim list filtered by speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from communique.models import Agreement, Claim, Conflict, Person
from communique.reconcile.tracker import Tracked, commitment_tracker
from communique.store.board import ConflictFilter, conflict_page
from communique.store.browse import ClaimSort, claim_page
from communique.store.entries import AgreementFilter, CommitmentFilter
from communique.store.ledger import ClaimFilter, Ledger

MAX_CLAIMS = 200  # a page that still reads; the claim list pages through the rest
MAX_CONFLICTS = 200


@dataclass(frozen=True, slots=True, kw_only=True)
class TrackRecord:
    name: str
    person: Person | None  # roles and country, when the person spoke in a transcript
    claims: tuple[Claim, ...]  # the most recent statements first
    claim_total: int
    conflicts: tuple[Conflict, ...]
    agreements: tuple[Agreement, ...]
    commitments: tuple[Tracked, ...]
    first: date | None  # the earliest and latest statement dates seen
    last: date | None


def track_record(ledger: Ledger, name: str, *, today: date | None = None) -> TrackRecord | None:
    """`name`'s record (a canonical speaker name, exactly as stored), or None when the ledger
    knows nothing said by them."""
    located, total = claim_page(
        ledger, ClaimFilter(speaker=name), limit=MAX_CLAIMS, sort=ClaimSort.DATE, descending=True
    )
    claims = tuple(c.claim for c in located)
    conflicts = tuple(conflict_page(ledger, ConflictFilter(speaker=name), limit=MAX_CONFLICTS))
    agreements = tuple(ledger.agreements(AgreementFilter(speaker=name)))
    commitments = ledger.commitments(CommitmentFilter(speaker=name))
    person = next((p for p in ledger.people() if p.name == name), None)
    if not (claims or agreements or commitments or person):
        return None
    followups = ledger.followups([c.id for c in commitments if c.id is not None])
    tracker = commitment_tracker(commitments, followups, today=today or date.today())
    tracked = tracker.overdue + tracker.due_soon + tracker.moved + tracker.done + tracker.open
    dates = [
        d
        for d in (
            *(c.document_date for c in claims),
            *(a.document_date for a in agreements),
            *(c.document_date for c in commitments),
        )
        if d is not None
    ]
    return TrackRecord(
        name=name,
        person=person,
        claims=claims,
        claim_total=total,
        conflicts=conflicts,
        agreements=agreements,
        commitments=tuple(tracked),
        first=min(dates, default=None),
        last=max(dates, default=None),
    )


__all__ = ["MAX_CLAIMS", "TrackRecord", "track_record"]
