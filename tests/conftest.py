"""Fixtures shared by the whole suite: ledgers on a real SQLite file and a real PostgreSQL, and
hand-built claims (one call per claim, defaults for the rest)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from communique.extract.intervals import written_step
from communique.extract.quantities import find_mentions
from communique.models import Claim, Modality, Period, Qualifier, Span, TimeSource
from communique.store.ledger import Ledger

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"


def postgres_base_url() -> str:
    """The server URL from COMMUNIQUE_TEST_PG; in CI a missing server fails instead of skipping."""
    url = os.environ.get("COMMUNIQUE_TEST_PG", "")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("COMMUNIQUE_TEST_PG is not set: CI must test against PostgreSQL")
        pytest.skip("no PostgreSQL server (set COMMUNIQUE_TEST_PG, see scripts/start-postgres.sh)")
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    base = postgres_base_url()
    name = f"communique_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty ledger: once on an SQLite file, once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def ledger(ledger_url: str) -> Iterator[Ledger]:
    with Ledger.open(ledger_url) as opened:
        yield opened


MakeClaim = Callable[..., Claim]

_ids = count(1)


def year(y: int) -> Period:
    return Period(start=date(y, 1, 1), end=date(y, 12, 31))


def _step(quote: str) -> Decimal | None:
    """The step the extractor reads the quote's number with, as it would record it."""
    found = find_mentions(quote, 0, len(quote))
    return written_step(found[0].half_step, found[0].unit, found[0].value) if found else None


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
    """A claim as the extractor would hand it over, with evidence by default: the indicator is
    the metric key's name, its time is stated, and each claim sits 1,000 characters after the
    one built before it (`at` places it)."""
    extra.setdefault("step", _step(quote))
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
