"""Analysts' reviews of conflicts, and how they find their conflict again.

A conflict is derived data: every reconcile may renumber it, and re-ingesting a document gives
its claims new ids. A review is the analyst's own, so it is keyed by what stays put: the
identity of each claim judged, `content-hash-prefix:start-end:value` (the same text, the same
characters, the same figure). A stored review applies to every conflict whose claims include
all the claims it judged, so a conflict that later gains a repeated figure from a new
statement keeps its verdict.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from communique.models import Conflict, Review, Verdict
from communique.store.tables import ConflictReviewRow

_REVIEWS = cast("Table", ConflictReviewRow.__table__)

# 16 hex digits of the document's sha256 tell documents apart in any real ledger (a collision
# needs ~4 billion documents) and keep the identities short enough to read.
HASH_PREFIX = 16


def claim_identity(content_hash: str, start: int, end: int, value: Decimal) -> str:
    """The identity of a claim that survives re-ingest: `3f2a…:1430-1445:10`."""
    return f"{content_hash[:HASH_PREFIX]}:{start}-{end}:{value.normalize():f}"


def review_key(identities: Iterable[str]) -> str:
    """One key for a set of claim identities, whatever their order."""
    return hashlib.sha256("\n".join(sorted(set(identities))).encode()).hexdigest()


def _review(row: Any) -> Review:
    return Review(
        verdict=Verdict(row.verdict),
        note=row.note,
        at=row.reviewed_at,
        claims=tuple(row.claims),
    )


def save_review(
    conn: Connection,
    conflict: Conflict,
    identities: Sequence[str],
    *,
    verdict: Verdict,
    note: str,
) -> Review:
    """Store (or replace) the verdict on the claims of `conflict`."""
    key = review_key(identities)
    at = datetime.now(UTC).replace(tzinfo=None)
    judged = sorted(set(identities))
    values: dict[str, Any] = {
        "claims": judged,
        "verdict": verdict.value,
        "note": note,
        "metric": conflict.metric,
        "explanation": conflict.explanation,
        "reviewed_at": at,
    }
    existing = conn.scalar(select(_REVIEWS.c.id).where(_REVIEWS.c.key == key))
    if existing is None:
        conn.execute(_REVIEWS.insert(), {"key": key, **values})
    else:
        conn.execute(_REVIEWS.update().where(_REVIEWS.c.id == existing), values)
    return Review(verdict=verdict, note=note, at=at, claims=tuple(judged))


def delete_review(conn: Connection, identities: Sequence[str]) -> bool:
    """Forget the verdict on exactly these claims; False when there was none."""
    done = conn.execute(_REVIEWS.delete().where(_REVIEWS.c.key == review_key(identities)))
    return bool(done.rowcount)


def load_reviews(conn: Connection) -> list[Review]:
    """Every stored review, oldest first."""
    rows = conn.execute(select(_REVIEWS).order_by(_REVIEWS.c.reviewed_at, _REVIEWS.c.id))
    return [_review(row) for row in rows]


def match_reviews(
    members: Mapping[int, Sequence[str]], reviews: Sequence[Review]
) -> dict[int, Review]:
    """Conflict id → the latest review whose claims are all among the conflict's claims.

    `members` maps each conflict id to the identities of its claims. Reviews are indexed by
    one of their claims, so the cost grows with the conflicts, not conflicts × reviews.
    """
    by_claim: dict[str, list[tuple[int, Review]]] = defaultdict(list)
    for order, review in enumerate(reviews):
        if review.claims:
            by_claim[review.claims[0]].append((order, review))
    found: dict[int, Review] = {}
    for conflict_id, identities in members.items():
        have = set(identities)
        best: tuple[int, Review] | None = None
        for identity in have:
            for order, review in by_claim.get(identity, ()):
                if set(review.claims) <= have and (best is None or order > best[0]):
                    best = (order, review)
        if best is not None:
            found[conflict_id] = best[1]
    return found


__all__ = [
    "claim_identity",
    "delete_review",
    "load_reviews",
    "match_reviews",
    "review_key",
    "save_review",
]
