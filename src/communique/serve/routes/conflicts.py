"""`/api/conflicts`: disagreements between claims, with the claims involved."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from communique.models import ConflictKind, Severity
from communique.serve.routes.claims import Totals
from communique.serve.schemas import ConflictPage, conflict_out
from communique.serve.web import After, LedgerDep, Limit, Offset, next_page
from communique.store.browse import conflict_page, count_conflicts, document_ids

router = APIRouter(tags=["conflicts"])


@router.get("/conflicts", summary="Conflicts between claims, paginated")
def list_conflicts(
    request: Request,
    ledger: LedgerDep,
    metric: Annotated[str | None, Query(max_length=256, description="Metric key.")] = None,
    kind: ConflictKind | None = None,
    severity: Severity | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
    after: After = None,
) -> ConflictPage:
    where = {
        "metric": metric,
        "kind": kind.value if kind else None,
        "severity": severity.value if severity else None,
    }
    found = conflict_page(ledger, **where, limit=limit + 1, offset=offset, after=after)
    page = found[:limit]
    more = len(found) > limit
    ids = document_ids(ledger, [m.source or "" for c in page for m in c.claims])
    if after is None and page and not more:
        total = offset + len(page)  # the last page counts itself
    else:
        total = _totals(request).count(
            ledger, ("conflicts", *where.items()), lambda: count_conflicts(ledger, **where)
        )
    return ConflictPage(
        items=[conflict_out(c, ids) for c in page],
        total=total,
        limit=limit,
        offset=offset,
        next=next_page(request, after=page[-1].id or 0) if more else None,
    )


def _totals(request: Request) -> Totals:
    totals: Totals | None = getattr(request.app.state, "conflict_totals", None)
    if totals is None:
        totals = request.app.state.conflict_totals = Totals()
    return totals
