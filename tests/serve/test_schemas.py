"""The API bodies: the fast builder of claim lists gives exactly the body of the model builder."""

from __future__ import annotations

import pytest

from communique.serve.schemas import ClaimOut, claim_fields, claim_out
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
        body = claim_out(slow.claim, slow.document_id).model_dump_json()
        assert ClaimOut.model_validate(claim_fields(fast)).model_dump_json() == body


def test_schemas_one_claim_listing_is_the_listed_one(sample_ledger: Ledger) -> None:
    listed = claim_listings(sample_ledger, ClaimFilter(), limit=1000)
    assert listed
    assert [claim_listing(sample_ledger, c.id) for c in listed] == listed
    assert claim_listing(sample_ledger, 10**9) is None
