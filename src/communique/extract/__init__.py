"""Step 4: quantitative claims, agreements and commitments, each with speaker and offsets.

The names below load on first use: a light submodule (`extract.intervals`, which exports and
pages read) must not bring the whole extractor and its lexicons with it.
"""

from __future__ import annotations

import importlib
from typing import Any

# name → (module, attribute there)
_HOMES = {
    "AGREEMENTS": ("communique.extract.agreements", "EXTRACTOR"),
    "COMMITMENTS": ("communique.extract.commitments", "EXTRACTOR"),
    "EXTRACTOR": ("communique.extract.claims", "EXTRACTOR"),
    "extract_claims": ("communique.extract.claims", "extract_claims"),
    "extract_claims_batch": ("communique.extract.claims", "extract_claims_batch"),
    "extract_entries": ("communique.extract.entries", "extract_entries"),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'communique.extract' has no attribute {name!r}")
    value = getattr(importlib.import_module(home[0]), home[1])
    globals()[name] = value  # the next lookup does not come here
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "AGREEMENTS",
    "COMMITMENTS",
    "EXTRACTOR",
    "extract_claims",
    "extract_claims_batch",
    "extract_entries",
]
