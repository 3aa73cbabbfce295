"""The ledger's tables (SQLAlchemy 2). Rows never leave `store/`: the ledger returns dataclasses.

The same schema runs on SQLite and PostgreSQL; Alembic migrations in `migrations/` create it.
Amounts are stored twice: as a double for range queries and as exact decimal text, because
SQLite has no decimal type and the export must write back exactly what the parser read.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class IngestRun(Base):
    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16))  # running, done, failed, interrupted
    inputs: Mapped[list[Any]] = mapped_column(JSON)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON)
    # who runs it, to tell a live run from a dead one (store/runs.py)
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    pid_started: Mapped[int | None] = mapped_column(BigInteger)  # clock ticks after boot
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime)
    error: Mapped[str | None] = mapped_column(Text)  # what ended a failed run


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(2048), index=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    format: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(Text)
    date: Mapped[date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))  # day, month, year
    place: Mapped[str | None] = mapped_column(String(256))
    publisher: Mapped[str | None] = mapped_column(String(256))
    url: Mapped[str | None] = mapped_column(String(2048))
    participants: Mapped[list[Any]] = mapped_column(JSON)
    countries: Mapped[list[Any]] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text)
    original: Mapped[str] = mapped_column(Text)
    stages: Mapped[dict[str, Any]] = mapped_column(JSON)  # stage name → version that produced it
    run_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_runs.id", ondelete="SET NULL"))
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    # False until a reconcile has covered this document's claims (see reconcile_pending).
    reconciled: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)

    turns: Mapped[list[TurnRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="TurnRow.seq"
    )
    claims: Mapped[list[ClaimRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="ClaimRow.start"
    )
    agreements: Mapped[list[AgreementRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="AgreementRow.start"
    )
    commitments: Mapped[list[CommitmentRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="CommitmentRow.start"
    )


class PersonRow(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(256), unique=True)
    roles: Mapped[list[Any]] = mapped_column(JSON)
    country: Mapped[str | None] = mapped_column(String(2))


class TurnRow(Base):
    __tablename__ = "turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(String(256), index=True)
    label: Mapped[str] = mapped_column(String(512))
    role: Mapped[str | None] = mapped_column(String(256))
    country: Mapped[str | None] = mapped_column(String(2))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    document: Mapped[DocumentRow] = relationship(back_populates="turns")


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    quote: Mapped[str] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Double)
    value_text: Mapped[str] = mapped_column(String(64))
    unit: Mapped[str] = mapped_column(String(16))
    qualifier: Mapped[str] = mapped_column(String(16))
    low: Mapped[str | None] = mapped_column(String(64))
    high: Mapped[str | None] = mapped_column(String(64))
    step: Mapped[str | None] = mapped_column(String(64))
    metric: Mapped[str] = mapped_column(String(256))
    metric_auto: Mapped[str] = mapped_column(
        String(256)
    )  # the extractor's key before any catalogue
    metric_phrase: Mapped[str] = mapped_column(Text)
    indicator: Mapped[str] = mapped_column(String(64), server_default="")
    scope: Mapped[str | None] = mapped_column(String(128))
    subject: Mapped[str | None] = mapped_column(String(2))
    object: Mapped[str | None] = mapped_column(String(2))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    as_of: Mapped[date | None] = mapped_column(Date)
    time_source: Mapped[str | None] = mapped_column(String(16))
    modality: Mapped[str] = mapped_column(String(16))
    vague: Mapped[bool] = mapped_column(Boolean, server_default=false())
    enumeration: Mapped[int | None] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(String(256))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int | None] = mapped_column(Integer)
    sentence_end: Mapped[int | None] = mapped_column(Integer)
    extractor: Mapped[str] = mapped_column(String(64))

    document: Mapped[DocumentRow] = relationship(back_populates="claims")


class AgreementRow(Base):
    """An agreement as a document names it; `parties` is "|KZ|RU|" so that one LIKE finds a
    party on SQLite and PostgreSQL alike."""

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    quote: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    parties: Mapped[str] = mapped_column(String(512))
    status: Mapped[str] = mapped_column(String(16), index=True)
    date: Mapped[date | None] = mapped_column(Date)
    mentions: Mapped[int] = mapped_column(Integer)
    thread: Mapped[int | None] = mapped_column(Integer, index=True)  # set by reconciliation
    speaker: Mapped[str] = mapped_column(String(256), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int | None] = mapped_column(Integer)
    sentence_end: Mapped[int | None] = mapped_column(Integer)
    extractor: Mapped[str] = mapped_column(String(64))

    document: Mapped[DocumentRow] = relationship(back_populates="agreements")


class CommitmentRow(Base):
    """A commitment; `actor` is "|KZ|RU|" as `parties` of agreements."""

    __tablename__ = "commitments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    quote: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(1024))
    action: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    due_start: Mapped[date | None] = mapped_column(Date)
    due_end: Mapped[date | None] = mapped_column(Date)
    speaker: Mapped[str] = mapped_column(String(256), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int | None] = mapped_column(Integer)
    sentence_end: Mapped[int | None] = mapped_column(Integer)
    extractor: Mapped[str] = mapped_column(String(64))
    # What follow-ups compare: the quote's words without parties, titles and verbs of intent,
    # space-separated; None until a reconcile has read them.
    key_words: Mapped[str | None] = mapped_column(Text)

    document: Mapped[DocumentRow] = relationship(back_populates="commitments")


class FollowUpRow(Base):
    """A later statement about a commitment (derived by reconciliation, replaced whole)."""

    __tablename__ = "commitment_followups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    later_commitment_id: Mapped[int | None] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE")
    )
    status: Mapped[str] = mapped_column(String(16))
    quote: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str] = mapped_column(String(256))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    extractor: Mapped[str] = mapped_column(String(64))


class ReportRow(Base):
    """A sentence that reports something done, put off or changed (derived by reconciliation,
    once per document; follow-ups match commitments against these rows, not the texts)."""

    __tablename__ = "followup_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    quote: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str] = mapped_column(String(256))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    extractor: Mapped[str] = mapped_column(String(64))
    words: Mapped[str] = mapped_column(Text)  # what follow-ups compare, space-separated


class FollowUpStaleRow(Base):
    """Why the next reconcile must follow every commitment up again rather than only what new
    documents touched: "replaced" (a document and its entries were removed) or "migrated"
    (a ledger from before follow-up reports were stored)."""

    __tablename__ = "followup_stale"

    reason: Mapped[str] = mapped_column(String(32), primary_key=True)


class ConflictRow(Base):
    __tablename__ = "conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    metric: Mapped[str] = mapped_column(String(256), index=True)
    explanation: Mapped[str] = mapped_column(Text)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    as_of: Mapped[date | None] = mapped_column(Date)
    confidence: Mapped[float] = mapped_column(Double, default=0.0)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)


class ConflictReviewRow(Base):
    """An analyst's verdict on a conflict, keyed by the identities of its claims (content hash
    of the document, span, value), not by conflict id: conflicts are derived and renumbered by
    every reconcile, reviews are the analyst's and outlive them."""

    __tablename__ = "conflict_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the sorted identities
    claims: Mapped[list[Any]] = mapped_column(JSON)  # the claim identities judged
    verdict: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)
    metric: Mapped[str] = mapped_column(String(256))  # at the time of review, for reading
    explanation: Mapped[str] = mapped_column(Text)  # likewise
    reviewed_at: Mapped[datetime] = mapped_column(DateTime)


class ConflictClaimRow(Base):
    __tablename__ = "conflict_claims"

    conflict_id: Mapped[int] = mapped_column(
        ForeignKey("conflicts.id", ondelete="CASCADE"), primary_key=True
    )
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer)


Index("ix_claims_metric_unit", ClaimRow.metric, ClaimRow.unit)
Index("ix_claims_period", ClaimRow.period_start, ClaimRow.period_end)
Index("ix_claims_as_of", ClaimRow.as_of)


class StaleMetricRow(Base):
    """A metric key whose claims were deleted (their document replaced): re-check its conflicts."""

    __tablename__ = "stale_metrics"

    metric: Mapped[str] = mapped_column(String(256), primary_key=True)


class LedgerStateRow(Base):
    """One row: `generation` grows with every write, a cheap token for caching reads."""

    __tablename__ = "ledger_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    generation: Mapped[int] = mapped_column(BigInteger)


# A filtered page in id order comes straight from an index ending in `id` (keyset pages).
Index("ix_claims_metric_id", ClaimRow.metric, ClaimRow.id)
Index("ix_claims_speaker_id", ClaimRow.speaker, ClaimRow.id)
Index("ix_claims_subject_id", ClaimRow.subject, ClaimRow.id)
Index("ix_claims_object_id", ClaimRow.object, ClaimRow.id)
Index("ix_conflict_claims_claim_id", ConflictClaimRow.claim_id)
Index(
    "ix_documents_unreconciled",
    DocumentRow.id,
    postgresql_where=text("NOT reconciled"),
    sqlite_where=text("NOT reconciled"),
)
Index("ix_commitments_due", CommitmentRow.due_start, CommitmentRow.due_end)
# The board's order (most confident first) read straight from an index, page by page.
Index("ix_conflicts_confidence_id", ConflictRow.confidence, ConflictRow.id)
Index("ix_claims_indicator", ClaimRow.indicator)
