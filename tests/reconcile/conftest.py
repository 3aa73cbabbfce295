"""Hand-built claims for the reconcile tests: one call per claim, defaults for the rest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from itertools import count
from typing import Any

import pytest

from communique.models import Claim, Modality, Period, Qualifier, Span

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
    **extra: Any,
) -> Claim:
    return Claim(
        id=next(_ids),
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
        span=Span(start=0, end=len(quote)),
        **extra,
    )


@pytest.fixture
def make_claim() -> MakeClaim:
    return build_claim
