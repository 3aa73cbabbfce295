"""Quantitative claims. (Walking skeleton: none yet.)"""

from __future__ import annotations

from collections.abc import Sequence

from communique.models import Claim, Description, Turn

EXTRACTOR = "communique.claims.v1"


def extract_claims(text: str, turns: Sequence[Turn], *, description: Description) -> list[Claim]:
    """Every quantitative claim in `text`, each with its speaker from `turns`."""
    return []
