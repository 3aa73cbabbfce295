"""`/api/conflicts`: disagreements between claims, with the claims involved; one by id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from communique.models import ConflictKind, Severity
from communique.reconcile.names import resolve_conflict_filter
from communique.serve.routes.claims import Totals
from communique.serve.schemas import ConflictOut, ConflictPage, ErrorResponse, conflict_out
from communique.serve.web import (
    MAX_ID,
    WHOLE,
    After,
    ConflictId,
    LedgerDep,
    Limit,
    Offset,
    next_page,
    not_found,
)
from communique.store.board import ConflictFilter, conflict_page, conflicts_by_ids, count_conflicts
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
) -> ConflictFilter:
    """The conflict filters the board and the API share."""
    return ConflictFilter(
        metric=metric,
        kind=kind.value if kind else None,
        severity=severity.value if severity else None,
        speaker=speaker,
        country=country,
        document_id=document,
    )


ConflictQuery = Annotated[ConflictFilter, Depends(conflict_query)]


@router.get("/conflicts", summary="Conflicts between claims, filtered and paginated")
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


@router.get(
    "/conflicts/{conflict_id}",
    summary="One conflict with its claims",
    responses={404: {"description": "No such conflict", "model": ErrorResponse}},
)
def get_conflict(ledger: LedgerDep, conflict_id: ConflictId) -> ConflictOut:
    found = conflicts_by_ids(ledger, [conflict_id])
    if not found:
        raise not_found("conflict", conflict_id)
    ids = document_ids(ledger, [c.source or "" for c in found[0].claims])
    return conflict_out(found[0], ids)


def _totals(request: Request) -> Totals:
    totals: Totals | None = getattr(request.app.state, "conflict_totals", None)
    if totals is None:
        totals = request.app.state.conflict_totals = Totals()
    return totals
