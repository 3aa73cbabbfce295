"""`/api/agreements` and `/api/commitments`: what was signed and what was promised."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from communique.models import AgreementKind, AgreementStatus, Commitment, CommitmentKind, FollowUp
from communique.serve.schemas import (
    AgreementOut,
    AgreementPage,
    CommitmentOut,
    CommitmentPage,
    IsoDate,
    agreement_out,
    commitment_out,
)
from communique.serve.web import MAX_ID, WHOLE, LedgerDep, Limit, Offset, following, not_found
from communique.store.browse import document_ids
from communique.store.entries import AgreementFilter, CommitmentFilter
from communique.store.ledger import Ledger

router = APIRouter(tags=["agreements and commitments"])

EntryId = Annotated[int, Path(ge=1, le=MAX_ID, description="Entry id."), WHOLE]
Document = Annotated[int | None, Query(ge=1, le=MAX_ID, description="Document id."), WHOLE]
Speaker = Annotated[str | None, Query(max_length=256, description="Canonical speaker.")]
Code = Annotated[
    str | None,
    Query(max_length=256, description="ISO alpha-2 code, organisation acronym or a name."),
]


@router.get("/agreements", summary="Agreements, filtered and paginated")
def list_agreements(
    request: Request,
    ledger: LedgerDep,
    party: Code = None,
    kind: AgreementKind | None = None,
    status: AgreementStatus | None = None,
    speaker: Speaker = None,
    document: Document = None,
    thread: Annotated[
        int | None,
        Query(ge=1, le=MAX_ID, description="Every mention of one agreement (its first id)."),
        WHOLE,
    ] = None,
    text: Annotated[str | None, Query(max_length=200, description="Words in the name.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> AgreementPage:
    where = AgreementFilter(
        party=party.upper() if party and len(party) <= 8 else party,
        kind=kind.value if kind else None,
        status=status.value if status else None,
        speaker=speaker,
        document_id=document,
        thread=thread,
        text=text or None,
    )
    page = ledger.agreements(where, limit=limit, offset=offset)
    ids = document_ids(ledger, [a.source or "" for a in page])
    total = ledger.count_agreements(where)
    return AgreementPage(
        items=[agreement_out(a, ids.get(a.source or "")) for a in page],
        total=total,
        limit=limit,
        offset=offset,
        next=following(request, offset=offset, limit=limit, total=total),
    )


@router.get("/agreements/{agreement_id}", summary="One agreement")
def get_agreement(ledger: LedgerDep, agreement_id: EntryId) -> AgreementOut:
    found = ledger.agreement(agreement_id)
    if found is None:
        raise not_found("agreement", agreement_id)
    ids = document_ids(ledger, [found.source or ""])
    return agreement_out(found, ids.get(found.source or ""))


@router.get("/commitments", summary="Commitments, filtered and paginated")
def list_commitments(
    request: Request,
    ledger: LedgerDep,
    actor: Code = None,
    kind: CommitmentKind | None = None,
    due_after: Annotated[IsoDate | None, Query(description="Due period ends on/after.")] = None,
    due_before: Annotated[IsoDate | None, Query(description="Due period starts on/before.")] = None,
    speaker: Speaker = None,
    document: Document = None,
    text: Annotated[str | None, Query(max_length=200, description="Words in the quote.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> CommitmentPage:
    where = CommitmentFilter(
        actor=actor,
        kind=kind.value if kind else None,
        due_after=due_after,
        due_before=due_before,
        speaker=speaker,
        document_id=document,
        text=text or None,
    )
    page = ledger.commitments(where, limit=limit, offset=offset)
    ids = document_ids(ledger, [c.source or "" for c in page])
    history = _history(ledger, page)
    total = ledger.count_commitments(where)
    return CommitmentPage(
        items=[
            commitment_out(c, ids.get(c.source or ""), history.get(c.id or 0, [])) for c in page
        ],
        total=total,
        limit=limit,
        offset=offset,
        next=following(request, offset=offset, limit=limit, total=total),
    )


@router.get("/commitments/{commitment_id}", summary="One commitment")
def get_commitment(ledger: LedgerDep, commitment_id: EntryId) -> CommitmentOut:
    found = ledger.commitment(commitment_id)
    if found is None:
        raise not_found("commitment", commitment_id)
    ids = document_ids(ledger, [found.source or ""])
    return commitment_out(
        found, ids.get(found.source or ""), _history(ledger, [found]).get(commitment_id, [])
    )


def _history(ledger: Ledger, commitments: Sequence[Commitment]) -> dict[int, list[FollowUp]]:
    """The follow-ups of `commitments`, by commitment id, in one query."""
    out: dict[int, list[FollowUp]] = {}
    for f in ledger.followups([c.id for c in commitments if c.id is not None]):
        out.setdefault(f.commitment_id, []).append(f)
    return out
