"""archive scale: incremental reconcile, a change counter, indexes for keyset pages

- `documents.reconciled`: false until a reconcile has covered the document's claims (a partial
  index finds the few that are not); `stale_metrics`: metric keys whose claims were deleted
  (a document replaced) and whose conflicts must be re-checked. Together they let a reconcile
  look only at what changed, and survive a run killed before its reconcile.
- `ledger_state.generation`: bumped by every write, so readers can cache counts on PostgreSQL.
- Claim indexes that end in `id`, so a filtered page in id order is read straight from the
  index (PostgreSQL cannot sort by `id` from a one-column index; SQLite's indexes carry the
  rowid anyway), replacing the one-column ones they cover; `conflict_claims.claim_id` so that
  deleting a document's claims does not scan every conflict link.

Existing documents start unreconciled: the first reconcile after the upgrade covers them all.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_REPLACED = {  # one-column index → the (column, id) index that covers it
    "ix_claims_metric": ("ix_claims_metric_id", ["metric", "id"]),
    "ix_claims_speaker": ("ix_claims_speaker_id", ["speaker", "id"]),
    "ix_claims_subject": ("ix_claims_subject_id", ["subject", "id"]),
    "ix_claims_object": ("ix_claims_object_id", ["object", "id"]),
}


def upgrade() -> None:
    # A plain ADD COLUMN: a batch (copying) alter on SQLite would drop the full-text triggers.
    op.add_column(
        "documents",
        sa.Column("reconciled", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index(
        "ix_documents_unreconciled",
        "documents",
        ["id"],
        postgresql_where=sa.text("NOT reconciled"),
        sqlite_where=sa.text("NOT reconciled"),
    )
    op.create_table(
        "stale_metrics",
        sa.Column("metric", sa.String(length=256), nullable=False),
        sa.PrimaryKeyConstraint("metric"),
    )
    op.create_table(
        "ledger_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("generation", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("INSERT INTO ledger_state (id, generation) VALUES (1, 0)")
    for old, (new, columns) in _REPLACED.items():
        op.create_index(new, "claims", columns)
        op.drop_index(old, table_name="claims")
    op.create_index("ix_conflict_claims_claim_id", "conflict_claims", ["claim_id"])


def downgrade() -> None:
    op.drop_index("ix_conflict_claims_claim_id", table_name="conflict_claims")
    for old, (new, columns) in _REPLACED.items():
        op.create_index(old, "claims", columns[:1])
        op.drop_index(new, table_name="claims")
    op.drop_table("ledger_state")
    op.drop_table("stale_metrics")
    op.drop_index("ix_documents_unreconciled", table_name="documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("reconciled")
