"""`/api/claims`: claims with filters, and one claim by id."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from communique.models import Modality, Qualifier
from communique.serve.schemas import ClaimOut, ClaimPage, IsoDate, claim_out
from communique.serve.web import MAX_ID, ClaimId, LedgerDep, Limit, Offset, not_found
from communique.store.browse import claim_page, claims_by_ids, document_ids
from communique.store.ledger import ClaimFilter

router = APIRouter(tags=["claims"])


def claim_filter(
    *,
    metric: str | None,
    speaker: str | None,
    country: str | None,
    since: date | None,
    until: date | None,
    qualifier: Qualifier | None,
    modality: Modality | None,
    document: int | None,
    unit: str | None,
    text: str | None,
) -> ClaimFilter:
    """The ledger filter for these query parameters.

    A reversed window (since after until) is allowed: it asks for claims whose period spans it.
    """
    return ClaimFilter(
        metric=metric,
        speaker=speaker,
        country=country.upper() if country else None,
        since=since,
        until=until,
        qualifier=qualifier.value if qualifier else None,
        modality=modality.value if modality else None,
        document_id=document,
        unit=unit,
        text=text or None,
    )


@router.get("/claims", summary="Claims, filtered and paginated")
def list_claims(
    ledger: LedgerDep,
    metric: Annotated[str | None, Query(max_length=256, description="Metric key.")] = None,
    speaker: Annotated[str | None, Query(max_length=256, description="Canonical speaker.")] = None,
    country: Annotated[
        str | None,
        Query(pattern="^[A-Za-z]{2}$", description="ISO alpha-2, subject or object of the claim."),
    ] = None,
    since: Annotated[IsoDate | None, Query(description="Period end or as-of on/after.")] = None,
    until: Annotated[IsoDate | None, Query(description="Period start or as-of on/before.")] = None,
    qualifier: Qualifier | None = None,
    modality: Modality | None = None,
    document: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Document id.")] = None,
    unit: Annotated[str | None, Query(max_length=16, description="USD, percent, count…")] = None,
    text: Annotated[
        str | None, Query(max_length=200, description="Words in the quote or metric phrase.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ClaimPage:
    where = claim_filter(
        metric=metric,
        speaker=speaker,
        country=country,
        since=since,
        until=until,
        qualifier=qualifier,
        modality=modality,
        document=document,
        unit=unit,
        text=text,
    )
    items, total = claim_page(ledger, where, limit=limit, offset=offset)
    return ClaimPage(
        items=[claim_out(c.claim, c.document_id) for c in items],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.get("/claims/{claim_id}", summary="One claim")
def get_claim(ledger: LedgerDep, claim_id: ClaimId) -> ClaimOut:
    found = claims_by_ids(ledger, [claim_id])
    if not found:
        raise not_found("claim", claim_id)
    claim = found[0]
    ids = document_ids(ledger, [claim.source or ""])
    return claim_out(claim, ids.get(claim.source or ""))
