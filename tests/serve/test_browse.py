"""The browsing queries of store/browse.py against the sample ledger."""

from __future__ import annotations

import pytest

from communique.store.browse import (
    ClaimSort,
    claim_listings,
    claim_page,
    claims_by_ids,
    count_documents,
    count_search,
    document_ids,
    document_summaries,
    metric_counts,
    sorted_claim_listings,
    speaker_summaries,
)
from communique.store.ledger import ClaimFilter, Ledger


def test_browse_document_summaries_count_turns_and_claims(sample_ledger: Ledger) -> None:
    summaries = document_summaries(sample_ledger, limit=100)
    assert len(summaries) == count_documents(sample_ledger) == sample_ledger.count()["documents"]
    for summary in summaries:
        doc = sample_ledger.document(summary.id)
        assert doc is not None
        assert (summary.turns, summary.claims) == (len(doc.turns), len(doc.claims))


@pytest.mark.parametrize(
    "where",
    [
        ClaimFilter(),
        ClaimFilter(metric="ru_kz_trade"),
        ClaimFilter(country="KZ"),
        ClaimFilter(speaker="Vladimir Putin", qualifier="over"),
        ClaimFilter(source="003_07452f25fd71ac07.txt"),
        ClaimFilter(text="billion"),
    ],
)
def test_browse_claim_page_matches_the_ledger(sample_ledger: Ledger, where: ClaimFilter) -> None:
    expected = sorted(c.id or 0 for c in sample_ledger.claims(where))
    pages = []
    for offset in range(0, len(expected) + 5, 5):
        items, total = claim_page(sample_ledger, where, limit=5, offset=offset)
        assert total == len(expected)
        pages += [item.claim.id for item in items]
    assert pages == expected
    listed = [
        c.id
        for o in range(0, len(expected), 7)
        for c in claim_listings(sample_ledger, where, limit=7, offset=o)
    ]
    assert listed == expected


def test_browse_claims_by_ids_keeps_the_order_asked(sample_ledger: Ledger) -> None:
    ids = [c.id or 0 for c in sample_ledger.claims()][:5][::-1]
    assert [c.id for c in claims_by_ids(sample_ledger, [*ids, 10**9])] == ids


def test_browse_metric_counts_most_claimed_first(sample_ledger: Ledger) -> None:
    counts, total = metric_counts(sample_ledger, limit=1000)
    assert total == len(counts) == len({c.metric for c in sample_ledger.claims()})
    assert [c.claims for c in counts] == sorted((c.claims for c in counts), reverse=True)
    assert sum(c.claims for c in counts) == sample_ledger.count()["claims"]


def test_browse_speakers_add_up(sample_ledger: Ledger) -> None:
    speakers, total = speaker_summaries(sample_ledger, limit=1000)
    assert total == len(speakers)
    assert sum(s.turns for s in speakers) == sample_ledger.count()["turns"]


@pytest.mark.parametrize("query", ["trade", "uranium Kazakhstan", "zzzznothing", "  ", "<&>"])
def test_browse_count_search_agrees_with_search(sample_ledger: Ledger, query: str) -> None:
    assert count_search(sample_ledger, query) == len(sample_ledger.search(query, limit=1000))


def test_browse_document_ids_by_source(sample_ledger: Ledger) -> None:
    docs = sample_ledger.documents()
    assert document_ids(sample_ledger, [d.source for d in docs] + ["nope"]) == {
        d.source: d.id for d in docs
    }


def test_browse_claim_listings_page_like_the_ledger_on_every_database(
    sample_ledger_anywhere: Ledger,
) -> None:
    """The cached statements (one per filter shape, a UNION for countries) on SQLite and
    PostgreSQL: each filter's pages hold exactly the ledger's claims, in order."""
    ledger = sample_ledger_anywhere
    filters = [
        ClaimFilter(country="KZ"),
        ClaimFilter(),
        ClaimFilter(country="RU", qualifier="over"),
        ClaimFilter(metric="ru_kz_trade"),
        ClaimFilter(country="KZ", text="billion"),
        ClaimFilter(country="ZZ"),
    ]
    for where in filters:
        expected = sorted(c.id or 0 for c in ledger.claims(where))
        listed = [
            c.id
            for offset in range(0, len(expected) + 3, 3)
            for c in claim_listings(ledger, where, limit=3, offset=offset)
        ]
        assert listed == expected, where


def test_browse_metric_stats_are_what_summarize_metrics_says(
    sample_ledger_anywhere: Ledger,
) -> None:
    """The grouped queries give each metric's summary as loading its claims would."""
    from dataclasses import asdict

    from communique.reconcile.timelines import summarize_metrics
    from communique.store.browse import claims_for_metrics, metric_stats

    ledger = sample_ledger_anywhere
    keys = sorted({c.metric for c in ledger.claims()})
    assert len(keys) > 3
    expected = [
        {k: v for k, v in asdict(s).items() if k != "label"}
        for s in summarize_metrics(claims_for_metrics(ledger, keys))
    ]
    assert [asdict(s) for s in metric_stats(ledger, keys)] == expected


@pytest.mark.parametrize(
    "sort", [ClaimSort.VALUE, ClaimSort.WHEN, ClaimSort.DATE, ClaimSort.SPEAKER]
)
@pytest.mark.parametrize("descending", [False, True])
def test_browse_sorted_keyset_pages_are_the_whole_order_on_every_database(
    sample_ledger_anywhere: Ledger, sort: ClaimSort, descending: bool
) -> None:
    """Pages of 3 after the last row of the one before give the order read in one go, ties
    and rows without the sorted value (undated claims by `when`) included."""
    ledger, where = sample_ledger_anywhere, ClaimFilter()
    whole = sorted_claim_listings(ledger, where, sort=sort, descending=descending, limit=10_000)
    paged: list[int] = []
    after = None
    while True:
        page = sorted_claim_listings(
            ledger, where, sort=sort, descending=descending, limit=3, after=after
        )
        if not page:
            break
        paged += [c.id for c in page]
        after = page[-1].id
    assert paged == [c.id for c in whole]
    assert len(paged) == ledger.count()["claims"]
