"""Which ledger to open: `--db` (path or URL), else COMMUNIQUE_DB, else ./communique.db."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from communique.errors import ConfigError
from communique.settings import setting


def resolve_db_url(db: str | None = None) -> URL:
    """Turn `db` (or the environment, or the default file) into an SQLAlchemy URL.

    A bare path means an SQLite file; `postgresql://` is read as `postgresql+psycopg://`
    since psycopg 3 is the driver the `postgres` extra installs.
    """
    value = db or str(setting("db"))
    if "://" not in value:
        return URL.create("sqlite+pysqlite", database=str(Path(value).expanduser()))
    try:
        url = make_url(value)
    except ArgumentError as exc:
        raise ConfigError(value, "bad-db-url", f"not a database URL: {exc}") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.drivername == "sqlite":
        url = url.set(drivername="sqlite+pysqlite")
    if not url.drivername.startswith(("sqlite", "postgresql")):
        raise ConfigError(
            value,
            "bad-db-url",
            f"unsupported database {url.drivername!r}",
            hint="use a file path, sqlite:///FILE or postgresql+psycopg://USER@HOST/DB",
        )
    return url


def describe_url(url: URL) -> str:
    """The ledger as shown to users: an SQLite file by its path, a server URL without password."""
    if url.drivername.startswith("sqlite") and url.database:
        return url.database
    return url.render_as_string(hide_password=True)
