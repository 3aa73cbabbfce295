"""Opening a ledger only to read it: the read-only commands (`report`, `export`, `search`,
`timeline`, `metrics`, `serve`) never create a ledger that is not there.

`Ledger.open` creates a missing SQLite file, or the tables of an empty PostgreSQL database,
as `ingest` wants; a reader given a mistyped path would then report on an empty ledger it
just made. `open_existing` refuses instead, naming the path.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError

from communique.errors import LedgerError
from communique.store.ledger import Ledger
from communique.store.url import describe_url, resolve_db_url

_HINT = "create it with `communique ingest FILES --db ...`, or name another with --db"


def open_existing(db: str | None = None) -> Ledger:
    """Open the ledger at `db` (path, URL, or $COMMUNIQUE_DB), which must exist already; an
    older one is migrated to the current schema as `Ledger.open` does."""
    url = resolve_db_url(db)
    where = describe_url(url)
    if url.drivername.startswith("sqlite"):
        if url.database and url.database != ":memory:" and not Path(url.database).is_file():
            raise LedgerError(where, "no-ledger", f"no ledger at {url.database}", hint=_HINT)
        return Ledger.open(db)
    probe = Ledger.open(db, migrate=False)
    try:
        with probe.engine.connect() as conn:
            found = inspect(conn).has_table("documents")
    except SQLAlchemyError as exc:
        raise LedgerError(where, "cannot-open", str(exc)) from exc
    finally:
        probe.close()
    if not found:
        raise LedgerError(where, "no-ledger", "no ledger in this database", hint=_HINT)
    return Ledger.open(db)


__all__ = ["open_existing"]
