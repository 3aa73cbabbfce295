"""A small real ledger the reading commands are tried on: two claims about trade in 2021, one
exact and one hedged, by two speakers, reconciled into one conflict."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from communique.models import Claim, Document, Period, Qualifier, Span, TimeSource
from communique.reconcile import reconcile
from communique.store.ledger import Ledger

Y2021 = Period(start=date(2021, 1, 1), end=date(2021, 12, 31))


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "ledger.db")
    figures = [
        (
            "a.txt",
            "2022-02-10",
            "Vladimir Putin",
            "Trade reached US$25.6 billion.",
            "US$25.6 billion",
            "25.6e9",
            "exact",
        ),
        (
            "b.txt",
            "2022-02-10",
            "Kassym-Jomart Tokayev",
            "Trade exceeded US$21 billion.",
            "exceeded US$21 billion",
            "21e9",
            "over",
        ),
    ]
    with Ledger.open(path) as ledger:
        for source, day, speaker, text, quote, value, qualifier in figures:
            start = text.index(quote)
            claim = Claim(
                quote=quote,
                value=Decimal(value),
                unit="USD",
                qualifier=Qualifier(qualifier),
                metric="trade:RU-KZ",
                metric_phrase="trade",
                indicator="trade",
                period=Y2021,
                time_source=TimeSource.STATED,
                speaker=speaker,
                span=Span(start=start, end=start + len(quote)),
            )
            ledger.add_document(
                Document(
                    source=source,
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    text=text,
                    date=date.fromisoformat(day),
                    claims=(claim,),
                )
            )
        reconcile(ledger)
    return path
