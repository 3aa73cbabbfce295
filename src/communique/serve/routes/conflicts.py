"""`/api/conflicts`: disagreements between claims, with the claims involved."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from communique.models import ConflictKind, Severity
from communique.serve.schemas import ConflictPage, conflict_out
from communique.serve.web import LedgerDep, Limit, Offset
from communique.store.browse import document_ids

router = APIRouter(tags=["conflicts"])


@router.get("/conflicts", summary="Conflicts between claims, paginated")
def list_conflicts(
    ledger: LedgerDep,
    metric: Annotated[str | None, Query(max_length=256, description="Metric key.")] = None,
    kind: ConflictKind | None = None,
    severity: Severity | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ConflictPage:
    found = [
        c
        for c in ledger.conflicts()
        if (metric is None or c.metric == metric)
        and (kind is None or c.kind == kind)
        and (severity is None or c.severity == severity)
    ]
    page = found[offset : offset + limit]
    ids = document_ids(ledger, [m.source or "" for c in page for m in c.claims])
    return ConflictPage(
        items=[conflict_out(c, ids) for c in page], total=len(found), limit=limit, offset=offset
    )
