"""The ledger on SQLite and PostgreSQL: one transaction per document, idempotent, exact values."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text

from communique.errors import ConfigError, LedgerError
from communique.models import (
    Claim,
    Conflict,
    ConflictKind,
    DatePrecision,
    Document,
    Modality,
    Period,
    Qualifier,
    Severity,
    Span,
    Turn,
)
from communique.present.export import document_record
from communique.store import migrations
from communique.store.ledger import AddStatus, ClaimFilter, Ledger

HEAD = ScriptDirectory.from_config(
    Config(config_args={"script_location": str(Path(migrations.__file__).parent)})
).get_current_head()

TEXT = (
    "Vladimir Putin: Our trade reached $28.4 billion last year, and over 23,000 businesses operate."
)


def make_document(source: str = "a.txt", text_: str = TEXT, **changes: object) -> Document:
    quote_start = text_.index("$28.4 billion")
    count_start = text_.index("over 23,000")
    doc = Document(
        source=source,
        content_hash=f"hash-of-{source}-{len(text_)}",
        text=text_,
        original=text_,
        title="Press statements",
        date=date(2024, 11, 27),
        place="Astana",
        participants=("Vladimir Putin",),
        countries=("RU", "KZ"),
        turns=(
            Turn(
                speaker="Vladimir Putin",
                label="Vladimir Putin",
                span=Span(start=16, end=len(text_)),
            ),
        ),
        claims=(
            Claim(
                quote="$28.4 billion",
                value=Decimal("28400000000"),
                unit="USD",
                low=Decimal("28350000000"),
                high=Decimal("28450000000"),
                metric="trade:KZ-RU",
                metric_phrase="our trade",
                subject="RU",
                object="KZ",
                period=Period(start=date(2023, 1, 1), end=date(2023, 12, 31)),
                speaker="Vladimir Putin",
                span=Span(start=quote_start, end=quote_start + 13),
                extractor="test.v1",
            ),
            Claim(
                quote="over 23,000",
                value=Decimal("23000"),
                unit="count",
                qualifier=Qualifier.OVER,
                metric="companies_with_capital:RU-KZ",
                as_of=date(2024, 11, 27),
                modality=Modality.ACTUAL,
                speaker="Vladimir Putin",
                span=Span(start=count_start, end=count_start + 11),
            ),
        ),
    )
    return dataclasses.replace(doc, **changes)  # type: ignore[arg-type]


def test_ledger_round_trips_document_turns_and_claims(ledger: Ledger) -> None:
    assert ledger.add_document(make_document()) is AddStatus.NEW
    [doc] = ledger.documents(with_text=True)
    assert (doc.title, doc.date, doc.place, doc.countries) == (
        "Press statements",
        date(2024, 11, 27),
        "Astana",
        ("RU", "KZ"),
    )
    assert doc.turns[0].speaker == "Vladimir Putin"
    claims = ledger.claims()
    assert [c.quote for c in claims] == ["$28.4 billion", "over 23,000"]
    trade = claims[0]
    assert trade.value == Decimal("28400000000")  # exact, not a float round trip
    assert (trade.low, trade.high) == (Decimal("28350000000"), Decimal("28450000000"))
    assert trade.period == Period(start=date(2023, 1, 1), end=date(2023, 12, 31))
    assert trade.source == "a.txt" and trade.document_date == date(2024, 11, 27)
    assert TEXT[trade.span.start : trade.span.end] == trade.quote
    assert claims[1].qualifier is Qualifier.OVER and claims[1].as_of == date(2024, 11, 27)


@pytest.mark.parametrize("precision", [DatePrecision.YEAR, DatePrecision.DAY, None])
def test_ledger_keeps_date_precision(ledger: Ledger, precision: DatePrecision | None) -> None:
    day = date(1995, 1, 1) if precision else None
    ledger.add_document(make_document(date=day, date_precision=precision))
    [doc] = ledger.documents()
    assert (doc.date, doc.date_precision) == (day, precision)
    assert document_record(doc)["date_precision"] == (precision.value if precision else None)


def test_ledger_same_content_is_unchanged_and_new_content_replaces(ledger: Ledger) -> None:
    assert ledger.add_document(make_document()) is AddStatus.NEW
    assert ledger.add_document(make_document()) is AddStatus.UNCHANGED
    edited = make_document(text_=TEXT + " More text.")
    assert ledger.add_document(edited) is AddStatus.REPLACED
    assert ledger.count() == {
        "documents": 1,
        "turns": 1,
        "claims": 2,
        "conflicts": 0,
        "agreements": 0,
        "commitments": 0,
    }
    assert ledger.has_content(edited.content_hash)


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (ClaimFilter(metric="trade:KZ-RU"), ["$28.4 billion"]),
        (ClaimFilter(unit="count"), ["over 23,000"]),
        (ClaimFilter(qualifier="over"), ["over 23,000"]),
        (ClaimFilter(country="KZ"), ["$28.4 billion"]),
        (ClaimFilter(text="TRADE"), ["$28.4 billion"]),
        (ClaimFilter(since=date(2024, 1, 1)), ["over 23,000"]),
        (ClaimFilter(until=date(2023, 6, 30)), ["$28.4 billion"]),
        (ClaimFilter(speaker="Nobody"), []),
    ],
)
def test_ledger_filters_claims(ledger: Ledger, where: ClaimFilter, expected: list[str]) -> None:
    ledger.add_document(make_document())
    assert [c.quote for c in ledger.claims(where)] == expected
    assert ledger.count_claims(where) == len(expected)


def test_ledger_conflicts_keep_their_claims_in_order(ledger: Ledger) -> None:
    ledger.add_document(make_document())
    ledger.add_document(make_document(source="b.txt", text_=TEXT + " Again."))
    first, second = ledger.claims(ClaimFilter(metric="trade:KZ-RU"))
    conflict = Conflict(
        kind=ConflictKind.LITERAL,
        severity=Severity.HIGH,
        metric="trade:KZ-RU",
        explanation="two figures for 2023",
        claims=(second, first),
        period=first.period,
    )
    ledger.replace_conflicts([conflict])
    ledger.replace_conflicts([conflict])  # replacing is not appending
    [stored] = ledger.conflicts()
    assert [c.source for c in stored.claims] == ["b.txt", "a.txt"]
    assert stored.period == first.period and stored.kind is ConflictKind.LITERAL


def test_ledger_set_metrics_rewrites_keys(ledger: Ledger) -> None:
    ledger.add_document(make_document())
    claim = ledger.claims()[0]
    assert claim.id is not None
    ledger.set_metrics({claim.id: "trade:RU-KZ/edited"})
    assert ledger.claim(claim.id).metric == "trade:RU-KZ/edited"  # type: ignore[union-attr]


def test_ledger_deleting_a_document_removes_its_claims_and_search_entry(ledger: Ledger) -> None:
    ledger.add_document(make_document())
    assert ledger.search("businesses")
    ledger.add_document(
        make_document(text_="Ms X: Nothing about that here, $28.4 billion over 23,000.")
    )
    assert ledger.search("businesses") == []
    assert ledger.count()["claims"] == 2


def test_ledger_search_marks_hits_and_ignores_query_syntax(ledger: Ledger) -> None:
    ledger.add_document(make_document())
    [hit] = ledger.search("business")  # stemmed: "businesses"
    assert "[[" in hit.snippet and hit.source == "a.txt"
    assert ledger.search('" OR NEAR( * -') == []  # user text never reaches the query syntax raw


def _head_revision() -> str | None:
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    return ScriptDirectory.from_config(config).get_current_head()


def test_ledger_reopen_does_not_migrate_again(ledger_url: str) -> None:
    with Ledger.open(ledger_url) as first:
        first.add_document(make_document())
    with Ledger.open(ledger_url) as again, again.engine.connect() as conn:
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert head == _head_revision()
        assert again.count()["documents"] == 1


@pytest.mark.parametrize(
    ("db", "error", "reason"),
    [
        ("mysql://u@h/db", ConfigError, "bad-db-url"),
        ("/no/such/folder/x.db", LedgerError, "missing-dir"),
    ],
)
def test_ledger_open_errors_name_the_problem(db: str, error: type[Exception], reason: str) -> None:
    with pytest.raises(error) as caught:
        Ledger.open(db)
    assert caught.value.reason == reason  # type: ignore[attr-defined]


def test_ledger_records_speakers_once_with_their_roles(ledger: Ledger) -> None:
    putin = Turn(
        speaker="Vladimir Putin",
        role="President of Russia",
        country="RU",
        span=Span(start=0, end=5),
    )
    question = Turn(speaker="Question", span=Span(start=5, end=9))
    ledger.add_document(make_document(turns=(putin, question)))
    later = dataclasses.replace(putin, role="Prime Minister of Russia")
    ledger.add_document(make_document(source="b.txt", text_=TEXT + " Later.", turns=(later,)))
    [person] = ledger.people()
    assert person.name == "Vladimir Putin" and person.country == "RU"
    assert person.roles == ("President of Russia", "Prime Minister of Russia")
