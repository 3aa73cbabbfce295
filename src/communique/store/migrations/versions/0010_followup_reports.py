"""follow-up reports stored per document, commitments' follow-up words, and a marker for a
full follow-up run, so that a reconcile after ingest follows up only what the new documents
touched

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "followup_reports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("speaker", sa.String(256), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
    )
    with op.batch_alter_table("commitments") as batch:
        batch.add_column(sa.Column("key_words", sa.Text(), nullable=True))
    op.create_index("ix_followup_reports_document_id", "followup_reports", ["document_id"])
    table = op.create_table("followup_stale", sa.Column("reason", sa.String(32), primary_key=True))
    # Documents stored before have no reports yet: the next reconcile reads them all once.
    op.bulk_insert(table, [{"reason": "migrated"}])


def downgrade() -> None:
    with op.batch_alter_table("commitments") as batch:
        batch.drop_column("key_words")
    op.drop_table("followup_stale")
    op.drop_index("ix_followup_reports_document_id", table_name="followup_reports")
    op.drop_table("followup_reports")
