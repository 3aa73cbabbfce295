"""An analyst's verdict on a conflict outlives the conflict's id: re-reconcile, new documents
that renumber the conflicts, and a document deleted and ingested again (new claim ids, same
text) all find it again, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import communique
from communique.errors import LedgerError
from communique.models import Conflict, Verdict
from communique.reconcile import reconcile
from communique.store.ledger import Ledger
from communique.store.reviews import claim_identity, match_reviews, review_key

# Two statements that give 2021's trade differently, and a third, later one that contradicts
# a different figure (so the conflicts are renumbered once it is in).
SAID_IN_MARCH = (
    "Press statements, 1 March 2022\n\n"
    "Vladimir Putin: Trade between Russia and Kazakhstan reached $24.5 billion in 2021.\n"
)
SAID_IN_MAY = (
    "Press statements, 12 May 2022\n\n"
    "Kassym-Jomart Tokayev: In 2021, trade between Kazakhstan and Russia amounted to "
    "$25.6 billion.\n"
)
SAID_IN_JUNE = (
    "Press statements, 20 June 2022\n\n"
    "Vladimir Putin: In 2020, trade between Russia and Belarus came to $28 billion.\n\n"
    "Alexander Lukashenko: Trade between Belarus and Russia was $33 billion in 2020.\n"
)


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _trade_2021(ledger: Ledger) -> Conflict:
    [found] = [
        c
        for c in ledger.conflicts()
        if {claim.value for claim in c.claims} == {Decimal("24500000000"), Decimal("25600000000")}
    ]
    return found


def test_reviews_survive_reconcile_new_documents_and_reingest(
    ledger_url: str, tmp_path: Path
) -> None:
    march = _write(tmp_path, "march.txt", SAID_IN_MARCH)
    may = _write(tmp_path, "may.txt", SAID_IN_MAY)
    communique.ingest([march, may], db=ledger_url)
    with Ledger.open(ledger_url) as ledger:
        conflict = _trade_2021(ledger)
        assert conflict.review is None and conflict.id is not None
        judged = ledger.review_conflict(
            conflict.id, Verdict.CONFIRMED, note="Both leaders, same year"
        )
        assert judged.review is not None and judged.review.verdict is Verdict.CONFIRMED

        reconcile(ledger)
        again = _trade_2021(ledger)
        assert again.review is not None
        assert (again.review.verdict, again.review.note) == (
            Verdict.CONFIRMED,
            "Both leaders, same year",
        )

    # A new statement brings its own conflict: ids and order change, the verdict stays put.
    communique.ingest([_write(tmp_path, "june.txt", SAID_IN_JUNE)], db=ledger_url)
    with Ledger.open(ledger_url) as ledger:
        assert len(ledger.conflicts()) >= 2
        moved = _trade_2021(ledger)
        assert moved.review is not None and moved.review.verdict is Verdict.CONFIRMED
        others = [c for c in ledger.conflicts() if c.id != moved.id]
        assert all(c.review is None for c in others)
        old_claim_ids = {c.id for c in moved.claims}

    # The May statement is replaced by other text (its claims are deleted with it), then the
    # original text comes back: new claim ids, the same identities, the same verdict.
    Path(may).write_text("Press statements, 12 May 2022\n\nNo figures today.\n", encoding="utf-8")
    communique.ingest([may], db=ledger_url)
    with Ledger.open(ledger_url) as ledger:
        assert not any(
            {claim.value for claim in c.claims} == {Decimal("24500000000"), Decimal("25600000000")}
            for c in ledger.conflicts()
        )
        assert len(ledger.reviews()) == 1  # kept while its conflict is gone
    Path(may).write_text(SAID_IN_MAY, encoding="utf-8")
    communique.ingest([may], db=ledger_url)
    with Ledger.open(ledger_url) as ledger:
        back = _trade_2021(ledger)
        assert {c.id for c in back.claims} != old_claim_ids
        assert back.review is not None and back.review.note == "Both leaders, same year"

        # A later verdict replaces the earlier one; clearing it leaves the conflict unreviewed.
        assert back.id is not None
        ledger.review_conflict(back.id, Verdict.DISMISSED, note="changed my mind")
        assert len(ledger.reviews()) == 1
        assert _trade_2021(ledger).review.verdict is Verdict.DISMISSED  # type: ignore[union-attr]
        assert ledger.clear_review(back.id) is True
        assert _trade_2021(ledger).review is None
        assert ledger.clear_review(back.id) is False


def test_reviews_of_an_unknown_conflict_fail_with_a_reason(ledger: Ledger) -> None:
    with pytest.raises(LedgerError) as caught:
        ledger.review_conflict(12345, Verdict.DISMISSED)
    assert caught.value.reason == "unknown-conflict"


def test_reviews_identity_and_matching_are_order_free_and_survive_growth() -> None:
    a = claim_identity("ab" * 32, 10, 22, Decimal("24500000000.0"))
    b = claim_identity("cd" * 32, 5, 18, Decimal("25600000000"))
    c = claim_identity("ef" * 32, 40, 52, Decimal("25600000000"))
    assert a == "abababababababab:10-22:24500000000"
    assert review_key([a, b]) == review_key([b, a]) != review_key([a, c])
    judged = communique.Review(verdict=Verdict.DISMISSED, claims=(a, b))
    later = communique.Review(verdict=Verdict.CONFIRMED, claims=(b, a))
    # a conflict that gained a repeated figure (c) keeps the verdict; one missing b does not
    found = match_reviews({1: [a, b, c], 2: [a, c]}, [judged])
    assert found == {1: judged}
    assert match_reviews({1: [a, b]}, [judged, later]) == {1: later}  # the latest wins
