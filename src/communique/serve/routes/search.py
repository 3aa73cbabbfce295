"""`/api/search`: full-text search over document titles and texts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from communique.serve.routes.claims import Totals
from communique.serve.schemas import SearchPage, search_hit_out
from communique.serve.web import LedgerDep, Limit, Offset, following
from communique.store.browse import count_search

router = APIRouter(tags=["search"])

Q = Annotated[
    str, Query(min_length=1, max_length=200, description="Words to find (all must occur).")
]


@router.get("/search", summary="Full-text search; snippets mark hits with [[ ]]")
def search_documents(
    request: Request, ledger: LedgerDep, q: Q, limit: Limit = 20, offset: Offset = 0
) -> SearchPage:
    hits = ledger.search(q, limit=limit, offset=offset)
    # Counting a common word's documents reads thousands of index entries (~0.2 s for 9,000 of
    # 100,000 on PostgreSQL): kept per query until the ledger changes.
    totals: Totals | None = getattr(request.app.state, "search_totals", None)
    if totals is None:
        totals = request.app.state.search_totals = Totals()
    total = totals.count(ledger, ("search", q), lambda: count_search(ledger, q))
    return SearchPage(
        query=q,
        items=[search_hit_out(h) for h in hits],
        total=total,
        limit=limit,
        offset=offset,
        next=following(request, offset=offset, limit=limit, total=total),
    )
