"""`/api/conflicts`: disagreements between claims, the most confident first, and their review."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from communique.models import Conflict, ConflictKind, Severity, Verdict
from communique.serve.routes.claims import Totals
from communique.serve.schemas import (
    ConflictOut,
    ConflictPage,
    ErrorResponse,
    ReviewIn,
    conflict_out,
)
from communique.serve.web import (
    After,
    ConflictId,
    LedgerDep,
    Limit,
    Offset,
    authorize,
    next_page,
    not_found,
)
from communique.store.browse import conflict_page, count_conflicts, document_ids

router = APIRouter(tags=["conflicts"])
_EVERY = 2**62  # a page size no ledger reaches


@router.get("/conflicts", summary="Conflicts between claims, the most confident first")
def list_conflicts(
    request: Request,
    ledger: LedgerDep,
    metric: Annotated[str | None, Query(max_length=256, description="Metric key.")] = None,
    kind: ConflictKind | None = None,
    severity: Severity | None = None,
    verdict: Annotated[
        Verdict | None, Query(description="Only conflicts an analyst gave this verdict.")
    ] = None,
    unreviewed: Annotated[bool, Query(description="Only conflicts nobody reviewed.")] = False,
    limit: Limit = 50,
    offset: Offset = 0,
    after: After = None,
) -> ConflictPage:
    where = {
        "metric": metric,
        "kind": kind.value if kind else None,
        "severity": severity.value if severity else None,
    }

    def read(limit: int, offset: int, after: int | None) -> list[Conflict]:
        return conflict_page(
            ledger,
            metric=where["metric"],
            kind=where["kind"],
            severity=where["severity"],
            verdict=verdict,
            unreviewed=unreviewed,
            limit=limit,
            offset=offset,
            after=after,
        )

    found = read(limit + 1, offset, after)
    page = found[:limit]
    more = len(found) > limit
    ids = document_ids(ledger, [m.source or "" for c in page for m in c.claims])
    if after is None and page and not more:
        total = offset + len(page)  # the last page counts itself
    elif verdict is not None or unreviewed:  # reviews match by claims: counted by reading
        every = read(_EVERY, 0, None)
        total = len(every)
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


@router.get(
    "/conflicts/{conflict_id}",
    summary="One conflict with its claims, evidence and review",
    responses={404: {"description": "No such conflict", "model": ErrorResponse}},
)
def get_conflict(ledger: LedgerDep, conflict_id: ConflictId) -> ConflictOut:
    conflict = ledger.conflict(conflict_id)
    if conflict is None:
        raise not_found("conflict", conflict_id)
    ids = document_ids(ledger, [c.source or "" for c in conflict.claims])
    return conflict_out(conflict, ids)


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "model": ErrorResponse}


@router.put(
    "/conflicts/{conflict_id}/review",
    summary="Confirm or dismiss a conflict, with a note (needs the write token)",
    dependencies=[Depends(authorize)],
    responses={
        400: _error("The body is not JSON"),
        401: _error("Missing or wrong Bearer token"),
        403: _error("The server is read-only"),
        404: _error("No such conflict"),
    },
)
async def review_conflict(
    ledger: LedgerDep, conflict_id: ConflictId, body: ReviewIn
) -> ConflictOut:
    """Store the analyst's verdict. It is kept by the identity of the conflict's claims, so
    it still applies after re-ingest and re-reconcile renumber the conflict."""
    conflict = await run_in_threadpool(ledger.conflict, conflict_id)
    if conflict is None:
        raise not_found("conflict", conflict_id)
    reviewed = await run_in_threadpool(
        lambda: ledger.review_conflict(conflict_id, body.verdict, note=body.note)
    )
    ids = document_ids(ledger, [c.source or "" for c in reviewed.claims])
    return conflict_out(reviewed, ids)


@router.delete(
    "/conflicts/{conflict_id}/review",
    summary="Withdraw the verdict on a conflict (needs the write token)",
    status_code=204,
    dependencies=[Depends(authorize)],
    responses={
        401: _error("Missing or wrong Bearer token"),
        403: _error("The server is read-only"),
        404: _error("No such conflict, or no verdict on it"),
    },
)
async def clear_review(ledger: LedgerDep, conflict_id: ConflictId) -> None:
    conflict = await run_in_threadpool(ledger.conflict, conflict_id)
    if conflict is None:
        raise not_found("conflict", conflict_id)
    if not await run_in_threadpool(ledger.clear_review, conflict_id):
        raise not_found("review of conflict", conflict_id)
