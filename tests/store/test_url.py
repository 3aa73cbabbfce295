from __future__ import annotations

import pytest

from communique.store.url import describe_url, resolve_db_url


@pytest.mark.parametrize(
    ("value", "driver", "shown"),
    [
        ("x.db", "sqlite+pysqlite", "x.db"),
        ("sqlite:///y.db", "sqlite+pysqlite", "y.db"),
        ("postgresql://u:secret@h/db", "postgresql+psycopg", "postgresql+psycopg://u:***@h/db"),
        (
            "postgresql+psycopg://u@h:5433/db",
            "postgresql+psycopg",
            "postgresql+psycopg://u@h:5433/db",
        ),
    ],
)
def test_url_resolves_paths_and_urls(value: str, driver: str, shown: str) -> None:
    url = resolve_db_url(value)
    assert url.drivername == driver
    assert describe_url(url) == shown


def test_url_falls_back_to_env_then_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_DB", "from-env.db")
    assert resolve_db_url(None).database == "from-env.db"
    monkeypatch.delenv("COMMUNIQUE_DB")
    assert resolve_db_url(None).database == "communique.db"
