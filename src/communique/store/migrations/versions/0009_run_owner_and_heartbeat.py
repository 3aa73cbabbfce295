"""ingest runs record their owner (host, process id and start time), a heartbeat and the error
that ended them, so a run whose process died can be told from one still going

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("host", sa.String(length=255)),
    ("pid", sa.Integer()),
    ("pid_started", sa.BigInteger()),
    ("heartbeat_at", sa.DateTime()),
    ("error", sa.Text()),
)


def upgrade() -> None:
    with op.batch_alter_table("ingest_runs") as batch:
        for name, type_ in _COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ingest_runs") as batch:
        for name, _ in reversed(_COLUMNS):
            batch.drop_column(name)
