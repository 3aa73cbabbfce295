"""Hand-built claims for the reconcile tests: one call per claim, defaults for the rest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from itertools import count
from typing import Any

import pytest

from communique.models import Claim, Modality, Period, Qualifier, Span, TimeSource

MakeClaim = Callable[..., Claim]

_ids = count(1)


def year(y: int) -> Period:
    return Period(start=date(y, 1, 1), end=date(y, 12, 31))


def build_claim(
    quote: str,
    value: str | float,
    *,
    unit: str = "USD",
    qualifier: str = "exact",
    metric: str = "trade:KZ-RU",
    period: Period | None = None,
    as_of: str | None = None,
    modality: str = "actual",
    speaker: str = "Speaker A",
    source: str = "doc-1.txt",
    said: str = "2022-02-10",
    indicator: str | None = None,
    time_source: str | None = "stated",
    at: int | None = None,
    **extra: Any,
) -> Claim:
    """A claim with evidence by default: the indicator is the metric key's name, its time is
    stated, and each claim sits 1,000 characters after the one built before it."""
    claim_id = next(_ids)
    start = claim_id * 1000 if at is None else at
    return Claim(
        id=claim_id,
        quote=quote,
        value=Decimal(str(value)),
        unit=unit,
        qualifier=Qualifier(qualifier),
        metric=metric,
        period=period,
        as_of=date.fromisoformat(as_of) if as_of else None,
        modality=Modality(modality),
        speaker=speaker,
        source=source,
        document_date=date.fromisoformat(said),
        span=Span(start=start, end=start + len(quote)),
        indicator=metric.split(":")[0] if indicator is None else indicator,
        time_source=TimeSource(time_source) if time_source and (period or as_of) else None,
        **extra,
    )


@pytest.fixture
def make_claim() -> MakeClaim:
    return build_claim
