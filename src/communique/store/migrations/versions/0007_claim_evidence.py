"""claims carry what conflicts need to trust them: indicator, scope, how their time was
established, vague plurals, enumerations, and the step their number was written with

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("indicator", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("scope", sa.String(128), nullable=True))
        batch.add_column(sa.Column("time_source", sa.String(16), nullable=True))
        batch.add_column(
            sa.Column("vague", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("enumeration", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("step", sa.String(64), nullable=True))
    op.create_index("ix_claims_indicator", "claims", ["indicator"])


def downgrade() -> None:
    op.drop_index("ix_claims_indicator", table_name="claims")
    with op.batch_alter_table("claims") as batch:
        for column in ("step", "enumeration", "vague", "time_source", "scope", "indicator"):
            batch.drop_column(column)
