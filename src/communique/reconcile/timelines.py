"""Metrics and their timelines: what was claimed about one indicator, when, by whom, where."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from communique.models import Claim


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricSummary:
    metric: str
    claims: int
    documents: int
    units: tuple[str, ...]
    phrasings: tuple[str, ...]  # the metric phrases as written, most frequent first
    first: date | None
    last: date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelinePoint:
    """One claim placed in time: at the end of its period, or at its as-of date."""

    when: date | None
    claim: Claim


def claim_moment(claim: Claim) -> date | None:
    """Where a claim sits in time: its period's end, else its as-of date, else its document's."""
    if claim.period is not None:
        return claim.period.end
    return claim.as_of or claim.document_date


def summarize_metrics(claims: Iterable[Claim]) -> list[MetricSummary]:
    """One summary per metric key, the most claimed first."""
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
            )
        )
    return sorted(summaries, key=lambda s: (-s.claims, s.metric))


def build_timeline(claims: Iterable[Claim], metric: str) -> list[TimelinePoint]:
    """The claims about `metric` in time order (undated ones last)."""
    points = [TimelinePoint(when=claim_moment(c), claim=c) for c in claims if c.metric == metric]
    return sorted(points, key=lambda p: (p.when is None, p.when or date.min, p.claim.id or 0))
