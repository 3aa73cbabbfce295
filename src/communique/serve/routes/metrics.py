"""`/api/metrics`: metric keys with their summaries, and one metric's timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from communique.reconcile.timelines import build_timeline, summarize_metrics
from communique.serve.schemas import MetricDetailOut, MetricPage, metric_detail_out, metric_out
from communique.serve.web import LedgerDep, Limit, Offset, not_found
from communique.store.browse import claims_for_metrics, document_ids, metric_counts
from communique.store.ledger import ClaimFilter

router = APIRouter(tags=["metrics"])


@router.get("/metrics", summary="Metrics, the most claimed first")
def list_metrics(ledger: LedgerDep, limit: Limit = 50, offset: Offset = 0) -> MetricPage:
    counts, total = metric_counts(ledger, limit=limit, offset=offset)
    keys = [c.metric for c in counts]
    summaries = {s.metric: s for s in summarize_metrics(claims_for_metrics(ledger, keys))}
    return MetricPage(
        items=[metric_out(summaries[k]) for k in keys if k in summaries],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.get("/metrics/{key:path}", summary="One metric with its timeline")
def get_metric(
    ledger: LedgerDep,
    key: Annotated[str, Path(min_length=1, max_length=256, description="Metric key.")],
) -> MetricDetailOut:
    claims = ledger.claims(ClaimFilter(metric=key))
    if not claims:
        raise not_found("metric", repr(key))
    summary = summarize_metrics(claims)[0]
    ids = document_ids(ledger, [c.source or "" for c in claims])
    return metric_detail_out(summary, build_timeline(claims, key), ids)
