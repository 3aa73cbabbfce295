"""`/api/claims`: claims with filters, and one claim by id."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar, cast

from fastapi import APIRouter, Query, Request, Response

from communique.models import Modality, Qualifier
from communique.serve.schemas import ClaimOut, ClaimPage, IsoDate, claim_fields, fields_json
from communique.serve.web import (
    MAX_ID,
    WHOLE,
    After,
    ClaimId,
    LedgerDep,
    Limit,
    Offset,
    next_page,
    not_found,
)
from communique.store.browse import (
    claim_listing,
    claim_listings,
    count_claims,
    ledger_version,
)
from communique.store.ledger import ClaimFilter, Ledger

router = APIRouter(tags=["claims"])
T = TypeVar("T")


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


class Totals:
    """Counts per filter, kept while the ledger is unchanged (`ledger_version`).

    Counting a filter without an index (country, period, words) scans every claim: ~7 ms on
    the 10,000-document load ledger, more than the page itself. Bounded LRU; no cache where the
    ledger gives no change token (an in-memory one).
    """

    SIZE = 4096  # distinct filters remembered; a few hundred bytes each

    def __init__(self) -> None:
        self._counts: OrderedDict[tuple[object, ...], object] = OrderedDict()
        self._lock = threading.Lock()

    def count(self, ledger: Ledger, key: object, counter: Callable[[], T]) -> T:
        """`counter()`, or what it gave for `key` while the ledger has not changed since."""
        version = ledger_version(ledger)
        if version is None:
            return counter()
        cached = (version, key)
        with self._lock:
            if cached in self._counts:
                self._counts.move_to_end(cached)
                return cast("T", self._counts[cached])
        total = counter()
        with self._lock:
            self._counts[cached] = total
            if len(self._counts) > self.SIZE:
                self._counts.popitem(last=False)
        return total


class ClaimTotals(Totals):
    """Claim counts per filter (`Totals`)."""

    def total(self, ledger: Ledger, where: ClaimFilter) -> int:
        return self.count(ledger, where, lambda: count_claims(ledger, where))


def _totals(request: Request) -> ClaimTotals:
    totals: ClaimTotals | None = getattr(request.app.state, "claim_totals", None)
    if totals is None:
        totals = request.app.state.claim_totals = ClaimTotals()
    return totals


def _fields_json(fields: dict[str, Any]) -> Response:
    """A body of plain fields, not validated again: that cost a quarter of a request."""
    return Response(fields_json(fields), media_type="application/json")


@router.get("/claims", summary="Claims, filtered and paginated", response_model=ClaimPage)
async def list_claims(
    request: Request,
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
    document: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Document id."), WHOLE
    ] = None,
    unit: Annotated[str | None, Query(max_length=16, description="USD, percent, count…")] = None,
    text: Annotated[
        str | None, Query(max_length=200, description="Words in the quote or metric phrase.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    after: After = None,
) -> Response:
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
    # One more than a page: whether it comes back says if there is a next page.
    items = claim_listings(ledger, where, limit=limit + 1, offset=offset, after=after)
    more = len(items) > limit
    items = items[:limit]
    # A short page after a plain offset is the last: it gives the total uncounted.
    last = after is None and len(items) > 0 and not more
    total = offset + len(items) if last else _totals(request).total(ledger, where)
    return _fields_json(
        {
            "total": total,
            "limit": limit,
            "offset": offset,
            "next": next_page(request, after=items[-1].id) if more else None,
            "items": [claim_fields(c) for c in items],
        }
    )


@router.get("/claims/{claim_id}", summary="One claim", response_model=ClaimOut)
async def get_claim(ledger: LedgerDep, claim_id: ClaimId) -> Response:
    found = claim_listing(ledger, claim_id)
    if found is None:
        raise not_found("claim", claim_id)
    return _fields_json(claim_fields(found))
