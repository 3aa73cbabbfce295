"""Claims with their context, for spreadsheets: the document's title and address, and the
sentence each claim was said in.

`claims_in_context` reads the matching ids first (in the order asked), then the claims and
their documents a chunk at a time, so an export of a whole ledger holds one chunk in memory,
and each document's text is read once per chunk that quotes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from communique.models import Claim
from communique.store.browse import ClaimSort, claims_by_ids, sorted_ids
from communique.store.ledger import ClaimFilter, Ledger
from communique.store.tables import DocumentRow

CHUNK = 500  # claims read at once: a few documents' texts in memory, a query per chunk


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimInContext:
    claim: Claim
    document_id: int
    title: str | None
    url: str | None
    sentence: str  # the sentence around the quote, or the quote when no sentence is known


def claim_ids(
    ledger: Ledger,
    where: ClaimFilter,
    *,
    sort: ClaimSort = ClaimSort.ID,
    descending: bool = False,
) -> list[int]:
    """Every id `where` matches, in the order asked (ties, and the default, in ledger order)."""
    query = sorted_ids(where, sort=sort, descending=descending)
    with ledger.reader.connect() as conn:
        return list(conn.scalars(query))


def claims_in_context(
    ledger: Ledger,
    where: ClaimFilter,
    *,
    sort: ClaimSort = ClaimSort.ID,
    descending: bool = False,
) -> Iterator[ClaimInContext]:
    """The claims `where` matches, in the order asked, each with its document's title, address
    and the sentence it stands in."""
    ids = claim_ids(ledger, where, sort=sort, descending=descending)
    for start in range(0, len(ids), CHUNK):
        claims = claims_by_ids(ledger, ids[start : start + CHUNK])
        sources = sorted({c.source or "" for c in claims})
        with ledger.reader.connect() as conn:
            docs = {
                row.source: row
                for row in conn.execute(
                    select(DocumentRow.id, DocumentRow.source, DocumentRow.title, DocumentRow.url)
                    .add_columns(DocumentRow.text)
                    .where(DocumentRow.source.in_(sources))
                )
            }
        for claim in claims:
            doc = docs.get(claim.source or "")
            if doc is None:
                continue
            span = claim.sentence or claim.span
            yield ClaimInContext(
                claim=claim,
                document_id=doc.id,
                title=doc.title,
                url=doc.url,
                sentence=doc.text[span.start : span.end] or claim.quote,
            )


__all__ = ["CHUNK", "ClaimInContext", "claim_ids", "claims_in_context"]
