"""agreements and commitments: the entries beside quantitative claims, and the follow-ups
of commitments in later statements

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _place() -> list[sa.Column[object]]:
    """Columns every entry has: its document, speaker, offsets and extractor."""
    return [
        sa.Column("speaker", sa.String(256), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=True),
        sa.Column("sentence_end", sa.Integer(), nullable=True),
        sa.Column("extractor", sa.String(64), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("parties", sa.String(512), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("thread", sa.Integer(), nullable=True),
        *_place(),
    )
    for column in ("document_id", "kind", "status", "thread", "speaker"):
        op.create_index(f"ix_agreements_{column}", "agreements", [column])
    op.create_table(
        "commitments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(1024), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("due_start", sa.Date(), nullable=True),
        sa.Column("due_end", sa.Date(), nullable=True),
        *_place(),
    )
    for column in ("document_id", "kind", "speaker"):
        op.create_index(f"ix_commitments_{column}", "commitments", [column])
    op.create_index("ix_commitments_due", "commitments", ["due_start", "due_end"])
    op.create_table(
        "commitment_followups",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "commitment_id",
            sa.Integer(),
            sa.ForeignKey("commitments.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "later_commitment_id",
            sa.Integer(),
            sa.ForeignKey("commitments.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("speaker", sa.String(256), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("extractor", sa.String(64), nullable=False),
    )
    for column in ("commitment_id", "document_id"):
        op.create_index(f"ix_commitment_followups_{column}", "commitment_followups", [column])


def downgrade() -> None:
    op.drop_table("commitment_followups")
    op.drop_table("commitments")
    op.drop_table("agreements")
