"""Follow-up across documents: agreement threads and commitment history."""

from __future__ import annotations

from datetime import date

import pytest

from communique.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Commitment,
    CommitmentKind,
    Document,
    Period,
    Progress,
    Span,
)
from communique.reconcile.followup import agreement_threads
from communique.reconcile.followup_links import commitment_history

SPAN = Span(start=0, end=1)


def _agreement(
    i: int,
    name: str,
    *,
    source: str,
    when: date,
    kind: AgreementKind = AgreementKind.PROGRAMME,
    parties: tuple[str, ...] = ("KZ", "RU"),
) -> Agreement:
    return Agreement(
        id=i,
        source=source,
        document_date=when,
        quote=name,
        span=SPAN,
        name=name,
        kind=kind,
        parties=parties,
        status=AgreementStatus.MENTIONED,
    )


@pytest.mark.parametrize(
    ("earlier", "later", "kind", "parties", "same"),
    [
        # A later full title holds every word of the earlier description.
        (
            "comprehensive cooperation programme until 2025",
            "Comprehensive Programme of Economic Cooperation for 2021–2025",
            AgreementKind.PROGRAMME,
            ("KZ", "RU"),
            True,
        ),
        # A short form of a name.
        ("Paris Climate Agreement", "the Paris Agreement", AgreementKind.AGREEMENT, (), True),
        # Only generic words: every summit has its joint statement.
        ("Joint Statement", "Joint Statement", AgreementKind.STATEMENT, ("KZ", "RU"), False),
        # Other parties.
        (
            "Agreement on Trade and Economic Cooperation",
            "Agreement on Trade and Economic Cooperation",
            AgreementKind.AGREEMENT,
            ("CN", "US"),
            False,
        ),
        # Another kind.
        ("Action Plan on Energy", "Energy Charter", AgreementKind.OTHER, ("KZ", "RU"), False),
    ],
)
def test_followup_threads_agreements_across_documents(
    earlier: str, later: str, kind: AgreementKind, parties: tuple[str, ...], same: bool
) -> None:
    first = _agreement(1, earlier, source="a", when=date(2022, 11, 28), kind=kind)
    second = _agreement(
        2, later, source="b", when=date(2024, 11, 27), kind=kind, parties=parties or ()
    )
    threads = agreement_threads([second, first])
    assert threads[1] == 1
    assert threads[2] == (1 if same else 2)


def _doc(source: str, when: date, text: str) -> Document:
    return Document(
        source=source, content_hash=source, text=text, date=when, countries=("KZ", "RU")
    )


def _commitment(i: int, quote: str, source: str, when: date, due: Period | None) -> Commitment:
    return Commitment(
        id=i,
        source=source,
        document_date=when,
        quote=quote,
        span=SPAN,
        actor=("KZ", "RU"),
        kind=CommitmentKind.PLAN,
        due=due,
    )


def test_followup_links_a_commitment_to_later_reports_and_restatements() -> None:
    y2025 = Period(start=date(2025, 1, 1), end=date(2025, 12, 31))
    y2026 = Period(start=date(2026, 1, 1), end=date(2026, 12, 31))
    first = "The first launch from the Baiterek complex will take place next year."
    later = "The launch from the Baiterek complex was postponed. Trade grew."
    docs = [
        _doc("a", date(2024, 11, 27), first),
        _doc("b", date(2025, 6, 1), later),
        _doc("c", date(2023, 1, 1), "The launch from the Baiterek complex was completed."),
    ]
    commitments = [
        _commitment(1, first, "a", date(2024, 11, 27), y2025),
        _commitment(
            2,
            "The first launch from Baiterek complex will happen in 2026",
            "b",
            date(2025, 6, 1),
            y2026,
        ),
    ]
    history = commitment_history(commitments, docs)
    about_first = [
        (f.status, f.source, f.later_commitment_id) for f in history if f.commitment_id == 1
    ]
    # The report of 2023 is older than the promise: it is no follow-up.
    assert sorted(about_first, key=str) == sorted(
        [(Progress.DELAYED, "b", None), (Progress.DELAYED, "b", 2)], key=str
    )
    assert history[0].quote.startswith("The launch from the Baiterek complex was postponed")
