"""Agreements and commitments in the ledger, on SQLite and PostgreSQL: written with their
document in one transaction, read back equal, filtered, removed with their document."""

from __future__ import annotations

import dataclasses
from datetime import date

from communique.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Commitment,
    CommitmentKind,
    Document,
    Period,
    Span,
)
from communique.store.entries import AgreementFilter, CommitmentFilter
from communique.store.ledger import AddStatus, Ledger

TEXT = (
    "We signed the Joint Declaration on Friendship. In 2026, Kazakhstan will host the Games. "
    "We have agreed to open a consulate."
)


def _span(text: str, quote: str) -> Span:
    start = text.index(quote)
    return Span(start=start, end=start + len(quote))


def make_document(source: str = "a.txt", text: str = TEXT) -> Document:
    name = "Joint Declaration on Friendship"
    host = "In 2026, Kazakhstan will host the Games"
    consulate = "We have agreed to open a consulate"
    return Document(
        source=source,
        content_hash=f"hash-{source}-{len(text)}",
        text=text,
        original=text,
        date=date(2024, 11, 27),
        agreements=(
            Agreement(
                quote=name,
                span=_span(text, name),
                sentence=Span(start=0, end=46),
                speaker="Vladimir Putin",
                extractor="test.agreements.v1",
                name=name,
                kind=AgreementKind.DECLARATION,
                parties=("KZ", "RU"),
                status=AgreementStatus.SIGNED,
                date=date(2024, 11, 27),
                mentions=2,
            ),
        ),
        commitments=(
            Commitment(
                quote=host,
                span=_span(text, host),
                speaker="Kassym-Jomart Tokayev",
                extractor="test.commitments.v1",
                actor=("KZ",),
                action="host the Games",
                kind=CommitmentKind.PLAN,
                due=Period(start=date(2026, 1, 1), end=date(2026, 12, 31)),
            ),
            Commitment(
                quote=consulate,
                span=_span(text, consulate),
                speaker="Kassym-Jomart Tokayev",
                extractor="test.commitments.v1",
                actor=("KZ", "RU"),
                action="open a consulate",
                kind=CommitmentKind.AGREEMENT_TO_ACT,
            ),
        ),
    )


def _stored(entry: Agreement | Commitment) -> Agreement | Commitment:
    return dataclasses.replace(entry, id=None, source=None, document_date=None)


def test_entries_round_trip_with_their_document(ledger: Ledger) -> None:
    doc = make_document()
    assert ledger.add_document(doc) is AddStatus.NEW
    agreements, commitments = ledger.agreements(), ledger.commitments()
    assert [_stored(a) for a in agreements] == list(doc.agreements)
    assert [_stored(c) for c in commitments] == list(doc.commitments)
    assert {a.source for a in agreements} == {"a.txt"}
    assert {c.document_date for c in commitments} == {date(2024, 11, 27)}
    assert ledger.count()["agreements"] == 1
    assert ledger.count()["commitments"] == 2


def test_entries_filters(ledger: Ledger) -> None:
    ledger.add_document(make_document())
    ledger.add_document(make_document("b.txt", TEXT + " "))
    assert len(ledger.agreements(AgreementFilter(party="KZ"))) == 2
    assert ledger.agreements(AgreementFilter(party="K")) == []
    assert len(ledger.agreements(AgreementFilter(source="b.txt", status="signed"))) == 1
    assert ledger.agreements(AgreementFilter(kind="treaty")) == []
    assert len(ledger.agreements(AgreementFilter(text="friendship"))) == 2
    assert len(ledger.commitments(CommitmentFilter(actor="RU"))) == 2
    assert len(ledger.commitments(CommitmentFilter(kind="plan"))) == 2
    assert len(ledger.commitments(CommitmentFilter(due_after=date(2026, 6, 1)))) == 2
    assert ledger.commitments(CommitmentFilter(due_before=date(2025, 12, 31))) == []
    assert len(ledger.commitments(CommitmentFilter(speaker="Kassym-Jomart Tokayev"))) == 4
    assert len(ledger.commitments(limit=1, offset=1)) == 1


def test_entries_go_with_a_replaced_document(ledger: Ledger) -> None:
    ledger.add_document(make_document())
    replaced = dataclasses.replace(make_document(text=TEXT + " "), agreements=())
    assert ledger.add_document(replaced) is AddStatus.REPLACED
    assert ledger.agreements() == []
    assert len(ledger.commitments()) == 2


def test_entries_followups_threads_and_reports_are_stored_whole_or_in_part(
    ledger: Ledger,
) -> None:
    from communique.models import FollowUp, Progress, Report

    ledger.add_document(make_document())
    ledger.add_document(make_document("b.txt", TEXT + " "))
    first, second = ledger.agreements()
    assert first.id is not None and second.id is not None
    host = ledger.commitments(CommitmentFilter(source="a.txt", kind="plan"))[0]
    later = ledger.commitments(CommitmentFilter(source="b.txt", kind="plan"))[0]
    assert host.id is not None and later.id is not None
    followup = FollowUp(
        commitment_id=host.id,
        status=Progress.RESTATED,
        later_commitment_id=later.id,
        quote=later.quote,
        span=later.span,
        speaker=later.speaker,
        source="b.txt",
        extractor="test.followup.v1",
    )
    report = Report(
        quote="The plant was opened.",
        span=Span(start=0, end=21),
        speaker="Vladimir Putin",
        source="b.txt",
        extractor="test.followup.v1",
        status=Progress.DONE,
    )
    assert ledger.followups_stale() == {"migrated"}  # a new ledger: one full run first
    ledger.store_followups(
        threads={first.id: first.id, second.id: first.id},
        followups=[followup],
        followups_of=None,
        reports=[(report, frozenset({"plant", "open"}))],
        reports_of=None,
        key_words={host.id: frozenset({"plant", "aktau"})},
    )
    assert ledger.followups_stale() == frozenset()
    commitment_words, report_words = ledger.followup_words(upto=10)
    assert commitment_words == {host.id: frozenset({"plant", "aktau"})}
    assert list(report_words.values()) == [frozenset({"plant", "open"})]
    assert [a.thread for a in ledger.agreements()] == [first.id, first.id]
    assert len(ledger.agreements(AgreementFilter(thread=first.id))) == 2
    stored = ledger.followups(host.id)
    assert [(f.status, f.source, f.later_commitment_id, f.quote) for f in stored] == [
        (Progress.RESTATED, "b.txt", later.id, later.quote)
    ]
    assert [(r.source, r.speaker, r.status) for r in ledger.reports(upto=10)] == [
        ("b.txt", "Vladimir Putin", Progress.DONE)
    ]
    assert ledger.reports(upto=1) == []  # b.txt is the second document
    # In part: only the follow-ups of the commitments named, the reports of the documents.
    ledger.store_followups(
        threads={}, followups=[], followups_of=[later.id], reports=[], reports_of=[1]
    )
    assert len(ledger.followups()) == 1 and len(ledger.reports(upto=10)) == 1
    ledger.store_followups(
        threads={}, followups=[], followups_of=[host.id], reports=[], reports_of=None
    )
    assert ledger.followups() == [] and ledger.reports(upto=10) == []
    # A replaced document takes its entries with it: the next run must be a full one.
    ledger.add_document(make_document("b.txt", TEXT + "  "))
    assert ledger.followups_stale() == {"replaced"}


def test_entries_migration_0010_asks_for_one_full_follow_up_run(ledger_url: str) -> None:
    """A ledger from before reports were stored upgrades to an empty reports table and a mark
    that the next reconcile reads every document once; the step back drops both tables."""
    from pathlib import Path

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, inspect

    from communique.store import migrations

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    engine = create_engine(ledger_url)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0009")
    engine.dispose()
    with Ledger.open(ledger_url) as ledger:
        assert ledger.followups_stale() == {"migrated"}
        assert ledger.reports(upto=10) == []
    engine = create_engine(ledger_url)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0009")
        tables = set(inspect(conn).get_table_names())
    engine.dispose()
    assert not {"followup_reports", "followup_stale"} & tables and "commitments" in tables
