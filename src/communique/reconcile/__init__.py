"""Step 6: one metric across phrasing and documents, timelines, conflicts; agreements and
commitments followed across documents.

`reconcile_pending(ledger)` runs at the end of every ingest, on what the new documents touched;
`reconcile(ledger)` (`communique reconcile`) on everything: canonicalise metric keys (trivial
merges, then the user catalogue) → find conflicts → store them → thread agreements and link
commitments to their follow-ups. Everything it writes is derived data, recomputed from the
extractor's keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from communique.models import Claim
from communique.reconcile.canon import canonical_key
from communique.reconcile.catalogue import Catalogue, find_catalogue
from communique.reconcile.conflicts import find_conflicts, find_incomparable
from communique.reconcile.followup_runs import follow_up_all, follow_up_pending

if TYPE_CHECKING:
    from communique.store.ledger import Ledger


@dataclass(frozen=True, slots=True, kw_only=True)
class ReconcileSummary:
    metrics: int
    conflicts: int
    renamed: int = 0  # claims whose stored metric key changed in this run
    incomparable: int = 0  # metric-moments given in several currencies, left uncompared
    followups: int = 0  # follow-ups stored (all of them, or those a pending run recomputed)
    catalogue: str | None = None  # the catalogue file applied, if any


def canonicalize(claims: Sequence[Claim], catalogue: Catalogue | None = None) -> list[Claim]:
    """The claims with their canonical metric keys (pure)."""
    catalogue = catalogue or Catalogue()
    result = []
    for claim in claims:
        base = claim.metric_auto or claim.metric
        if not base:
            result.append(claim)
            continue
        key = catalogue.resolve(claim, canonical_key(base))
        result.append(claim if key == claim.metric else replace(claim, metric=key))
    return result


def reconcile(
    ledger: Ledger, *, catalogue: Catalogue | str | Path | None = None
) -> ReconcileSummary:
    """Recompute derived data (canonical metrics, conflicts) over the whole ledger.

    `catalogue` is a loaded Catalogue or a file path; None means $COMMUNIQUE_CATALOGUE if set.
    Run it after changing the catalogue: `reconcile_pending` applies it to new claims only.
    """
    rules = catalogue if isinstance(catalogue, Catalogue) else find_catalogue(catalogue)
    before = ledger.pending(with_claims=False)
    stored = ledger.claims()
    claims = canonicalize(stored, rules)
    changed = {
        new.id: new.metric
        for old, new in zip(stored, claims, strict=True)
        if new.id is not None and new.metric != old.metric
    }
    ledger.set_metrics(changed)
    conflicts = find_conflicts(claims, labels=rules.labels)
    ledger.settle(conflicts, metrics=None, upto=before.upto, stale=before.stale)
    followups = follow_up_all(ledger, upto=before.upto)
    return ReconcileSummary(
        metrics=len({c.metric for c in claims if c.metric}),
        conflicts=len(conflicts),
        renamed=len(changed),
        incomparable=len(find_incomparable(claims)),
        followups=followups,
        catalogue=rules.path,
    )


def reconcile_pending(
    ledger: Ledger, *, catalogue: Catalogue | str | Path | None = None
) -> ReconcileSummary:
    """Reconcile only what changed since the last reconcile: canonical keys for the claims of
    new documents, then the conflicts of every metric key they touched (and of keys whose
    claims were deleted). The work grows with those metrics, not with the ledger.

    Conflicts never span two metric keys, so re-deciding them key by key gives the same set as
    a full `reconcile` (the order of their ids follows the order they were found in). Documents
    of a run killed before its reconcile stay pending, so the next call covers them too.
    `metrics` in the summary counts the keys re-checked; `conflicts` counts all stored ones.
    """
    rules = catalogue if isinstance(catalogue, Catalogue) else find_catalogue(catalogue)
    pending = ledger.pending()
    # Follow-ups first: stored before the documents are marked reconciled, so a run killed in
    # between leaves them pending and the next one redoes them.
    followups = follow_up_pending(ledger, pending.documents, upto=pending.upto)
    canonical = canonicalize(pending.claims, rules)
    changed = {
        new.id: new.metric
        for old, new in zip(pending.claims, canonical, strict=True)
        if new.id is not None and new.metric != old.metric
    }
    ledger.set_metrics(changed)
    touched = {c.metric for c in canonical if c.metric} | set(pending.stale)
    summary = reconcile_metrics(
        ledger, touched, upto=pending.upto, stale=pending.stale, labels=rules.labels
    )
    return replace(summary, renamed=len(changed), followups=followups, catalogue=rules.path)


def reconcile_metrics(
    ledger: Ledger,
    metrics: Iterable[str],
    *,
    upto: int = 0,
    stale: Iterable[str] = (),
    labels: Mapping[str, str] | None = None,
) -> ReconcileSummary:
    """Re-decide the conflicts of the claims on `metrics` (canonical keys already stored), and
    mark documents up to id `upto` reconciled, in one transaction."""
    keys = set(metrics)
    claims = ledger.claims_with_metrics(keys)
    conflicts = find_conflicts(claims, labels=labels or {})
    ledger.settle(conflicts, metrics=keys, upto=upto, stale=stale)
    return ReconcileSummary(
        metrics=len(keys),
        conflicts=ledger.count_conflicts(),
        renamed=0,
        incomparable=len(find_incomparable(claims)),
    )


__all__ = [
    "ReconcileSummary",
    "canonicalize",
    "reconcile",
    "reconcile_metrics",
    "reconcile_pending",
]
