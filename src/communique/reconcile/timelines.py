"""Metrics and their timelines: what was claimed about one indicator, when, by whom, where."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from communique.extract.intervals import ordinary_interval
from communique.models import Claim, Conflict
from communique.reconcile.canon import describe_metric


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricSummary:
    metric: str
    claims: int
    documents: int
    units: tuple[str, ...]
    phrasings: tuple[str, ...]  # the metric phrases as written, most frequent first
    first: date | None
    last: date | None
    label: str = ""  # readable name: the catalogue's label, else words from the key


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelinePoint:
    """One claim placed in time: at the end of its period, or at its as-of date."""

    when: date | None
    claim: Claim
    # The hedge as an interval in ordinary reading ("over $21 billion" → 21..24.15 billion),
    # for error bars; None when the value cannot be reasoned about.
    low: Decimal | None = None
    high: Decimal | None = None
    conflicts: tuple[int, ...] = ()  # ids of stored conflicts that involve this claim


def claim_moment(claim: Claim) -> date | None:
    """Where a claim sits in time: its period's end, else its as-of date, else its document's."""
    if claim.period is not None:
        return claim.period.end
    return claim.as_of or claim.document_date


def summarize_metrics(
    claims: Iterable[Claim], *, labels: Mapping[str, str] | None = None
) -> list[MetricSummary]:
    """One summary per metric key, the most claimed first."""
    labels = labels or {}
    by_metric: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_metric[claim.metric].append(claim)
    summaries = []
    for metric, group in by_metric.items():
        moments = [m for m in (claim_moment(c) for c in group) if m is not None]
        phrasings = Counter(c.metric_phrase for c in group if c.metric_phrase)
        summaries.append(
            MetricSummary(
                metric=metric,
                claims=len(group),
                documents=len({c.source for c in group}),
                units=tuple(sorted({c.unit for c in group})),
                phrasings=tuple(p for p, _ in phrasings.most_common()),
                first=min(moments, default=None),
                last=max(moments, default=None),
                label=labels.get(metric) or describe_metric(metric),
            )
        )
    return sorted(summaries, key=lambda s: (-s.claims, s.metric))


def _point(claim: Claim, conflicts: Mapping[int, tuple[int, ...]]) -> TimelinePoint:
    interval = ordinary_interval(claim) if claim.value.is_finite() else None
    return TimelinePoint(
        when=claim_moment(claim),
        claim=claim,
        low=None if interval is None else interval.low,
        high=None if interval is None else interval.high,
        conflicts=conflicts.get(claim.id, ()) if claim.id is not None else (),
    )


def conflicts_by_claim(conflicts: Iterable[Conflict]) -> dict[int, tuple[int, ...]]:
    """Claim id → ids of the conflicts it takes part in."""
    found: dict[int, list[int]] = defaultdict(list)
    for conflict in conflicts:
        for claim in conflict.claims:
            if claim.id is not None and conflict.id is not None:
                found[claim.id].append(conflict.id)
    return {claim_id: tuple(ids) for claim_id, ids in found.items()}


def build_timeline(
    claims: Iterable[Claim], metric: str, *, conflicts: Iterable[Conflict] = ()
) -> list[TimelinePoint]:
    """The claims about `metric` in time order (undated ones last), with hedges and conflicts."""
    involved = conflicts_by_claim(conflicts)
    points = [_point(c, involved) for c in claims if c.metric == metric]
    return sorted(points, key=lambda p: (p.when is None, p.when or date.min, p.claim.id or 0))
