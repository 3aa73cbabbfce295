"""conflicts carry a confidence and their reasons; analysts' reviews of conflicts

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conflicts") as batch:
        batch.add_column(sa.Column("confidence", sa.Double(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("reasons", sa.JSON(), nullable=False, server_default="[]"))
    op.create_table(
        "conflict_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(64), nullable=False, unique=True),
        sa.Column("claims", sa.JSON(), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("metric", sa.String(256), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_conflicts_confidence_id", "conflicts", ["confidence", "id"])


def downgrade() -> None:
    op.drop_index("ix_conflicts_confidence_id", table_name="conflicts")
    op.drop_table("conflict_reviews")
    with op.batch_alter_table("conflicts") as batch:
        batch.drop_column("reasons")
        batch.drop_column("confidence")
