"""The API bodies: the fast builder of claim lists gives exactly the body of the model builder."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    # starlette 1.x asks for `httpx2` in its test client; httpx 0.28 is what we pin.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from communique.serve.app import create_app
from communique.serve.schemas import ClaimPage, claim_fields, claim_out, fields_json
from communique.store.browse import claim_listing, claim_listings, claim_page
from communique.store.ledger import ClaimFilter, Ledger


@pytest.mark.parametrize(
    "where",
    [ClaimFilter(), ClaimFilter(country="KZ"), ClaimFilter(text="billion")],
)
def test_schemas_claim_fields_serialise_as_claim_out(
    sample_ledger: Ledger, where: ClaimFilter
) -> None:
    located, total = claim_page(sample_ledger, where, limit=1000)
    listed = claim_listings(sample_ledger, where, limit=1000)
    assert 0 < total == len(listed) == len(located)
    for fast, slow in zip(listed, located, strict=True):
        body = claim_out(slow.claim, slow.document_id).model_dump_json().encode()
        assert fields_json(claim_fields(fast)) == body


@pytest.mark.parametrize(
    "query", ["limit=7&offset=3", "country=kz&limit=500", "metric=ru_kz_trade", "offset=9999"]
)
def test_schemas_claim_pages_are_the_models_bytes(
    sample_db: Path, sample_ledger: Ledger, query: str
) -> None:
    with TestClient(create_app(str(sample_db))) as client:
        body = client.get(f"/api/claims?{query}").content
    page = ClaimPage.model_validate_json(body)
    where = ClaimFilter(
        country="KZ" if "country" in query else None,
        metric="ru_kz_trade" if "metric" in query else None,
    )
    located, total = claim_page(sample_ledger, where, limit=page.limit, offset=page.offset)
    expected = ClaimPage(
        items=[claim_out(c.claim, c.document_id) for c in located],
        total=total,
        limit=page.limit,
        offset=page.offset,
        next=page.next,
    )
    assert body == expected.model_dump_json().encode()
    more = page.offset + page.limit < total
    assert (page.next is not None) == more


def test_schemas_one_claim_listing_is_the_listed_one(sample_ledger: Ledger) -> None:
    listed = claim_listings(sample_ledger, ClaimFilter(), limit=1000)
    assert listed
    assert [claim_listing(sample_ledger, c.id) for c in listed] == listed
    assert claim_listing(sample_ledger, 10**9) is None
