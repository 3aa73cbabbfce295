"""Step 6: one metric across phrasing and documents, timelines, conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from communique.store.ledger import Ledger


@dataclass(frozen=True, slots=True, kw_only=True)
class ReconcileSummary:
    metrics: int
    conflicts: int


def reconcile(ledger: Ledger) -> ReconcileSummary:
    """Recompute derived data (canonical metrics, conflicts) over the whole ledger.

    Walking skeleton: conflicts are not detected yet.
    """
    claims = ledger.claims()
    ledger.replace_conflicts([])
    return ReconcileSummary(metrics=len({c.metric for c in claims}), conflicts=0)


__all__ = ["ReconcileSummary", "reconcile"]
