"""`open_existing`: readers open a ledger that is there, and never make one that is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from communique.errors import LedgerError
from communique.store.existing import open_existing
from communique.store.ledger import Ledger


def _left_behind(url: str) -> bool:
    """Whether anything of a ledger is there: the SQLite file, or any table."""
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).exists()
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return bool(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def test_existing_refuses_a_missing_ledger_and_makes_none(ledger_url: str) -> None:
    with pytest.raises(LedgerError) as caught:
        open_existing(ledger_url)
    assert caught.value.reason == "no-ledger"
    assert not _left_behind(ledger_url)


def test_existing_opens_a_ledger_that_is_there(ledger_url: str) -> None:
    Ledger.open(ledger_url).close()
    with open_existing(ledger_url) as ledger:
        assert ledger.documents() == []
