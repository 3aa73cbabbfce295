"""`/api/conflicts`: disagreements between claims, the most confident first, filtered as the
board filters them; one by id; and the analyst's review."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from communique.models import ConflictKind, Severity, Verdict
from communique.reconcile.names import resolve_conflict_filter
from communique.serve.routes.claims import Totals
from communique.serve.schemas import (
    ConflictOut,
    ConflictPage,
    ErrorResponse,
    ReviewIn,
    conflict_out,
)
from communique.serve.web import (
    MAX_ID,
    WHOLE,
    After,
    ConflictId,
    LedgerDep,
    Limit,
    Offset,
    authorize,
    next_page,
    not_found,
)
from communique.store.board import ConflictFilter, conflict_page, count_conflicts
from communique.store.browse import document_ids

router = APIRouter(tags=["conflicts"])


def conflict_query(
    metric: Annotated[
        str | None,
        Query(max_length=256, description="Metric key, or part of one, in any case."),
    ] = None,
    kind: ConflictKind | None = None,
    severity: Severity | None = None,
    speaker: Annotated[
        str | None,
        Query(
            max_length=256,
            description="A speaker of one of its claims: the name or part of it, any case.",
        ),
    ] = None,
    country: Annotated[
        str | None,
        Query(
            pattern="^[A-Za-z]{2}$",
            description="ISO alpha-2 named by its metric key or by one of its claims.",
        ),
    ] = None,
    document: Annotated[
        int | None,
        Query(ge=1, le=MAX_ID, description="Id of a document one of its claims is from."),
        WHOLE,
    ] = None,
    verdict: Annotated[
        Verdict | None, Query(description="Only conflicts an analyst gave this verdict.")
    ] = None,
    unreviewed: Annotated[bool, Query(description="Only conflicts nobody reviewed.")] = False,
) -> ConflictFilter:
    """The conflict filters the board and the API share."""
    return ConflictFilter(
        metric=metric,
        kind=kind.value if kind else None,
        severity=severity.value if severity else None,
        speaker=speaker,
        country=country,
        document_id=document,
        verdict=verdict,
        unreviewed=unreviewed,
    )


ConflictQuery = Annotated[ConflictFilter, Depends(conflict_query)]


@router.get("/conflicts", summary="Conflicts between claims, the most confident first, filtered")
def list_conflicts(
    request: Request,
    ledger: LedgerDep,
    typed: ConflictQuery,
    limit: Limit = 50,
    offset: Offset = 0,
    after: After = None,
) -> ConflictPage:
    where = resolve_conflict_filter(ledger, typed)
    found = conflict_page(ledger, where, limit=limit + 1, offset=offset, after=after)
    page = found[:limit]
    more = len(found) > limit
    ids = document_ids(ledger, [m.source or "" for c in page for m in c.claims])
    if after is None and page and not more:
        total = offset + len(page)  # the last page counts itself
    elif where.by_review:  # reviews match by claims: counted by reading, never cached
        total = count_conflicts(ledger, where)
    else:
        total = _totals(request).count(
            ledger, ("conflicts", where), lambda: count_conflicts(ledger, where)
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
