"""The Alembic migrations build exactly the schema that store/tables.py declares."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from communique.store import migrations
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


def test_migrations_0005_keeps_older_claims_and_goes_back(ledger_url: str) -> None:
    """A ledger made before claims carried their evidence upgrades with its claims intact
    (undated evidence: no indicator, not vague), and the step back drops only those columns."""
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    engine = create_engine(ledger_url)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
        conn.execute(
            text(
                "INSERT INTO documents (id, source, content_hash, format, participants, countries,"
                " text, original, stages, ingested_at) VALUES (1, 'a.txt', 'h', 'text', '[]',"
                " '[]', 'Trade reached $5 billion.', '', '{}', '2024-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO claims (document_id, quote, value, value_text, unit, qualifier,"
                ' metric, metric_auto, metric_phrase, modality, speaker, start, "end",'
                " extractor) VALUES (1, '$5 billion', 5e9, '5000000000', 'USD', 'exact',"
                " 'trade:KZ-RU', 'trade:KZ-RU', 'Trade', 'actual', '', 14, 24, 'v1')"
            )
        )
    engine.dispose()
    with Ledger.open(ledger_url) as ledger:
        [claim] = ledger.claims()
        assert (claim.indicator, claim.scope, claim.vague, claim.time_source) == (
            "",
            None,
            False,
            None,
        )
        assert claim.metric == "trade:KZ-RU"
    engine = create_engine(ledger_url)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
        columns = {c["name"] for c in inspect(conn).get_columns("claims")}
    engine.dispose()
    assert "indicator" not in columns and "vague" not in columns and "quote" in columns
