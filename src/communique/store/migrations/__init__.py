"""Alembic migrations of the ledger's schema, shipped as package data.

Each version file is named after its revision (`0009_run_owner_and_heartbeat.py` holds revision
"0009", chained on "0008"), so the newest revision can be read from the file names without
importing Alembic; a test holds it equal to Alembic's own head.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def newest_revision() -> str:
    """The head revision: the highest-numbered version file's number."""
    versions = Path(__file__).parent / "versions"
    return max(p.name.split("_", 1)[0] for p in versions.glob("[0-9]*_*.py"))
