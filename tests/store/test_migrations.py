"""The Alembic migrations build exactly the schema that store/tables.py declares."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from communique.store.ledger import Ledger
from communique.store.tables import Base

# Full-text search lives outside the ORM: FTS5 tables on SQLite, a generated column on PostgreSQL.
_SEARCH_OBJECTS = {"documents_fts", "search", "ix_documents_search"}


def _ours(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    return not (name or "").startswith(tuple(_SEARCH_OBJECTS))


def test_migrations_match_the_declared_tables(ledger_url: str) -> None:
    with Ledger.open(ledger_url) as ledger, ledger.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _ours})
        assert compare_metadata(context, Base.metadata) == []
