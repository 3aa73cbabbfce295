"""Fixtures for the scale tests: a real two-node Ray cluster, and more PostgreSQL databases."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))

from raycluster import RayCluster, start_cluster


@pytest.fixture(scope="session")
def ray_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RayCluster]:
    """Two Ray nodes of one CPU each, for the whole session (tests using it share a group)."""
    cluster = start_cluster(tmp_path_factory.mktemp("ray"))
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def fresh_database(postgres_url: str) -> Iterator[Callable[[], str]]:
    """Makes more empty PostgreSQL databases on the server of `postgres_url`, each dropped
    after the test."""
    base = make_url(postgres_url)
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def make() -> str:
        name = f"communique_test_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return base.set(database=name).render_as_string(hide_password=False)

    try:
        yield make
    finally:
        with admin.connect() as conn:
            for name in made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
