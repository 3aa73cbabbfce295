"""`/api/metrics`: metric keys with their summaries, and one metric's timeline."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Path, Request

from communique.reconcile.canon import describe_metric
from communique.reconcile.timelines import MetricSummary, build_timeline, summarize_metrics
from communique.serve.routes.claims import Totals
from communique.serve.schemas import MetricDetailOut, MetricPage, metric_detail_out, metric_out
from communique.serve.web import LedgerDep, Limit, Offset, following, not_found
from communique.store.browse import document_ids, metric_counts, metric_stats
from communique.store.ledger import ClaimFilter, Ledger

router = APIRouter(tags=["metrics"])


@router.get("/metrics", summary="Metrics, the most claimed first")
def list_metrics(
    request: Request, ledger: LedgerDep, limit: Limit = 50, offset: Offset = 0
) -> MetricPage:
    # Grouping every claim by metric is the dear part (~0.2 s at 100,000 documents): a page
    # is kept until the ledger changes.
    page = _cache(request).count(
        ledger, ("metrics", limit, offset), lambda: _metric_page(ledger, limit, offset)
    )
    return page.model_copy(
        update={"next": following(request, offset=offset, limit=limit, total=page.total)}
    )


def _metric_page(ledger: Ledger, limit: int, offset: int) -> MetricPage:
    counts, total = metric_counts(ledger, limit=limit, offset=offset)
    keys = [c.metric for c in counts]
    summaries = {
        s.metric: MetricSummary(**asdict(s), label=describe_metric(s.metric))
        for s in metric_stats(ledger, keys)
    }
    return MetricPage(
        items=[metric_out(summaries[k]) for k in keys if k in summaries],
        total=total,
        limit=limit,
        offset=offset,
    )


class _MetricPages(Totals):
    SIZE = 256  # pages of 50 metrics, ~20 kB each


def _cache(request: Request) -> Totals:
    cache: Totals | None = getattr(request.app.state, "metric_pages", None)
    if cache is None:
        cache = request.app.state.metric_pages = _MetricPages()
    return cache


@router.get("/metrics/{key:path}", summary="One metric with its timeline")
def get_metric(
    ledger: LedgerDep,
    # No control characters: a route's `$` matches before a final newline, so `/metrics/%0A`
    # would reach here as an empty key.
    key: Annotated[
        str,
        Path(
            min_length=1, max_length=256, pattern=r"^[^\x00-\x1f\x7f]+$", description="Metric key."
        ),
    ],
) -> MetricDetailOut:
    claims = ledger.claims(ClaimFilter(metric=key))
    if not claims:
        raise not_found("metric", repr(key))
    summary = summarize_metrics(claims)[0]
    ids = document_ids(ledger, [c.source or "" for c in claims])
    return metric_detail_out(summary, build_timeline(claims, key), ids)
