"""indexes for the claim filters the API offers: country (subject/object) and time

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_INDEXES = {
    "ix_claims_subject": ["subject"],
    "ix_claims_object": ["object"],
    "ix_claims_period": ["period_start", "period_end"],
    "ix_claims_as_of": ["as_of"],
}


def upgrade() -> None:
    for name, columns in _INDEXES.items():
        op.create_index(name, "claims", columns)


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name="claims")
