"""documents.date_precision: how much of its date a document gave ("day", "month", "year")

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("date_precision", sa.String(length=8), nullable=True))
    # Every date stored before this revision was read to the day.
    op.execute("UPDATE documents SET date_precision = 'day' WHERE date IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("date_precision")
