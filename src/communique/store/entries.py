"""Agreements and commitments in the ledger: rows written with their document, read back as
dataclasses, filtered as the API asks (party, kind, status, actor, due date, speaker, document);
and what reconciliation derives from them: agreement threads, the reports sentences of each
document make, commitments' follow-ups, and whether the next follow-up run must be a full one.

Lists of codes (an agreement's parties, a commitment's actor) are stored as "|KZ|RU|", so one
LIKE "%|KZ|%" finds a party on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select

from communique.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Commitment,
    CommitmentKind,
    FollowUp,
    Period,
    Progress,
    Report,
    Span,
)
from communique.store.tables import (
    AgreementRow,
    CommitmentRow,
    DocumentRow,
    FollowUpRow,
    FollowUpStaleRow,
    ReportRow,
)

AGREEMENTS = cast("Table", AgreementRow.__table__)
COMMITMENTS = cast("Table", CommitmentRow.__table__)
FOLLOWUPS = cast("Table", FollowUpRow.__table__)
REPORTS = cast("Table", ReportRow.__table__)
STALE = cast("Table", FollowUpStaleRow.__table__)
# Core rows, not ORM objects: building ORM instances cost more than the query itself.
_DOCUMENT = (
    DocumentRow.source.label("document_source"),
    DocumentRow.date.label("document_date"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class AgreementFilter:
    """Filters for `Ledger.agreements`; every field narrows, None means any."""

    party: str | None = None  # an ISO code or acronym among the parties
    kind: str | None = None
    status: str | None = None
    speaker: str | None = None
    document_id: int | None = None
    source: str | None = None
    thread: int | None = None  # every mention of one agreement across documents
    text: str | None = None  # substring of the name
    upto: int | None = None  # of documents up to this id (what a reconcile covers)


@dataclass(frozen=True, slots=True, kw_only=True)
class CommitmentFilter:
    """Filters for `Ledger.commitments`; every field narrows, None means any."""

    actor: str | None = None  # an ISO code, acronym or name among the actors
    kind: str | None = None
    speaker: str | None = None
    document_id: int | None = None
    source: str | None = None
    due_after: date | None = None  # due period ends on or after
    due_before: date | None = None  # due period starts on or before
    text: str | None = None  # substring of the quote
    upto: int | None = None  # of documents up to this id (what a reconcile covers)


def pack(codes: Sequence[str]) -> str:
    return "|" + "|".join(codes) + "|" if codes else ""


def unpack(packed: str) -> tuple[str, ...]:
    return tuple(c for c in packed.split("|") if c)


def _place(entry: Agreement | Commitment, document_id: int) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "quote": entry.quote,
        "speaker": entry.speaker,
        "start": entry.span.start,
        "end": entry.span.end,
        "sentence_start": entry.sentence.start if entry.sentence else None,
        "sentence_end": entry.sentence.end if entry.sentence else None,
        "extractor": entry.extractor,
    }


def insert_entries(
    conn: Connection,
    document_id: int,
    agreements: Sequence[Agreement],
    commitments: Sequence[Commitment],
) -> None:
    """Insert a document's agreements and commitments, in the document's transaction."""
    if agreements:
        conn.execute(
            AGREEMENTS.insert(),
            [
                {
                    **_place(a, document_id),
                    "name": a.name,
                    "kind": a.kind.value,
                    "parties": pack(a.parties),
                    "status": a.status.value,
                    "date": a.date,
                    "mentions": a.mentions,
                    "thread": a.thread,
                }
                for a in agreements
            ],
        )
    if commitments:
        conn.execute(
            COMMITMENTS.insert(),
            [
                {
                    **_place(c, document_id),
                    "actor": pack(c.actor),
                    "action": c.action,
                    "kind": c.kind.value,
                    "due_start": c.due.start if c.due else None,
                    "due_end": c.due.end if c.due else None,
                }
                for c in commitments
            ],
        )


def _sentence(row: Any) -> Span | None:
    if row.sentence_start is None or row.sentence_end is None:
        return None
    return Span(start=row.sentence_start, end=row.sentence_end)


def agreement_of(row: Any) -> Agreement:
    """An agreement from a row of `agreements_query`."""
    return Agreement(
        id=row.id,
        source=row.document_source,
        document_date=row.document_date,
        quote=row.quote,
        span=Span(start=row.start, end=row.end),
        sentence=_sentence(row),
        speaker=row.speaker,
        extractor=row.extractor,
        name=row.name,
        kind=AgreementKind(row.kind),
        parties=unpack(row.parties),
        status=AgreementStatus(row.status),
        date=row.date,
        mentions=row.mentions,
        thread=row.thread,
    )


def commitment_of(row: Any) -> Commitment:
    """A commitment from a row of `commitments_query`."""
    return Commitment(
        id=row.id,
        source=row.document_source,
        document_date=row.document_date,
        quote=row.quote,
        span=Span(start=row.start, end=row.end),
        sentence=_sentence(row),
        speaker=row.speaker,
        extractor=row.extractor,
        actor=unpack(row.actor),
        action=row.action,
        kind=CommitmentKind(row.kind),
        due=Period(start=row.due_start, end=row.due_end)
        if row.due_start is not None and row.due_end is not None
        else None,
    )


def agreements_query(where: AgreementFilter) -> Any:
    """Agreement rows (with their document's source and date, as Core rows) that `where`
    matches, in document order."""
    query = (
        select(AGREEMENTS, *_DOCUMENT)
        .join(DocumentRow, AgreementRow.document_id == DocumentRow.id)
        .order_by(AgreementRow.document_id, AgreementRow.start, AgreementRow.id)
    )
    if where.party:
        query = query.where(AgreementRow.parties.like(f"%|{where.party}|%"))
    for field, column in (
        ("kind", AgreementRow.kind),
        ("status", AgreementRow.status),
        ("speaker", AgreementRow.speaker),
        ("document_id", AgreementRow.document_id),
        ("source", DocumentRow.source),
        ("thread", AgreementRow.thread),
    ):
        value = getattr(where, field)
        if value is not None:
            query = query.where(column == value)
    if where.text:
        query = query.where(func.lower(AgreementRow.name).like(f"%{where.text.lower()}%"))
    if where.upto is not None:
        query = query.where(AgreementRow.document_id <= where.upto)
    return query


def commitments_query(where: CommitmentFilter) -> Any:
    """Commitments (with their document's source and date) that `where` matches."""
    query = (
        select(COMMITMENTS, *_DOCUMENT)
        .join(DocumentRow, CommitmentRow.document_id == DocumentRow.id)
        .order_by(CommitmentRow.document_id, CommitmentRow.start, CommitmentRow.id)
    )
    if where.actor:
        query = query.where(CommitmentRow.actor.like(f"%|{where.actor}|%"))
    for field, column in (
        ("kind", CommitmentRow.kind),
        ("speaker", CommitmentRow.speaker),
        ("document_id", CommitmentRow.document_id),
        ("source", DocumentRow.source),
    ):
        value = getattr(where, field)
        if value is not None:
            query = query.where(column == value)
    if where.due_after is not None:
        query = query.where(CommitmentRow.due_end >= where.due_after)
    if where.due_before is not None:
        query = query.where(CommitmentRow.due_start <= where.due_before)
    if where.text:
        query = query.where(func.lower(CommitmentRow.quote).like(f"%{where.text.lower()}%"))
    if where.upto is not None:
        query = query.where(CommitmentRow.document_id <= where.upto)
    return query


def set_threads(conn: Connection, threads: dict[int, int]) -> None:
    """Store each agreement's thread (the id of the first mention of the same agreement)."""
    if threads:
        conn.execute(
            AGREEMENTS.update()
            .where(AGREEMENTS.c.id == bindparam("agreement_id"))
            .values(thread=bindparam("thread_id")),
            [{"agreement_id": a, "thread_id": t} for a, t in threads.items()],
        )


IN_LIST = 5000
"""Bound parameters per IN list: far below SQLite's 32,766 and PostgreSQL's 65,535."""

K = TypeVar("K")


def parts(keys: Sequence[K]) -> Iterator[Sequence[K]]:
    """`keys` in slices of at most IN_LIST, one IN list each."""
    for i in range(0, len(keys), IN_LIST):
        yield keys[i : i + IN_LIST]


def _delete_of(conn: Connection, table: Table, column: str, of: Sequence[int] | None) -> None:
    """Delete the rows of `table` whose `column` is one of `of` (None: every row)."""
    if of is None:
        conn.execute(table.delete())
        return
    for part in parts(sorted(set(of))):
        conn.execute(table.delete().where(table.c[column].in_(part)))


def replace_followups(
    conn: Connection, followups: Sequence[FollowUp], *, of: Sequence[int] | None = None
) -> None:
    """Swap the stored follow-ups of the commitments `of` (None: of every commitment) for
    `followups` (derived data)."""
    _delete_of(conn, FOLLOWUPS, "commitment_id", of)
    if not followups:
        return
    ids = _document_ids(conn, {f.source or "" for f in followups})
    rows = [
        {
            "commitment_id": f.commitment_id,
            "document_id": ids[f.source],
            "later_commitment_id": f.later_commitment_id,
            "status": f.status.value,
            "quote": f.quote,
            "speaker": f.speaker,
            "start": f.span.start,
            "end": f.span.end,
            "extractor": f.extractor,
        }
        for f in followups
        if f.source in ids
    ]
    if rows:
        conn.execute(FOLLOWUPS.insert(), rows)


def _document_ids(conn: Connection, sources: set[str]) -> dict[str | None, int]:
    found: dict[str | None, int] = {}
    for part in parts(sorted(sources)):
        found.update(
            conn.execute(
                select(DocumentRow.source, DocumentRow.id).where(DocumentRow.source.in_(part))
            ).all()
        )
    return found


def replace_reports(
    conn: Connection,
    reports: Sequence[tuple[Report, frozenset[str]]],
    *,
    of: Sequence[int] | None = None,
) -> None:
    """Swap the stored reports of the documents `of` (ids; None: of every document) for
    `reports` (each with the words follow-ups compare), which name their document by
    source."""
    _delete_of(conn, REPORTS, "document_id", of)
    if not reports:
        return
    ids = _document_ids(conn, {r.source or "" for r, _ in reports})
    conn.execute(
        REPORTS.insert(),
        [
            {
                "document_id": ids[r.source],
                "status": r.status.value,
                "quote": r.quote,
                "speaker": r.speaker,
                "start": r.span.start,
                "end": r.span.end,
                "extractor": r.extractor,
                "words": " ".join(sorted(words)),
            }
            for r, words in reports
        ],
    )


def followup_words(
    conn: Connection, upto: int
) -> tuple[dict[int, frozenset[str]], dict[int, frozenset[str]]]:
    """The words follow-ups compare, as stored for the documents up to id `upto`: of each
    commitment that has them, and of each report (by id)."""
    commitments = {
        i: frozenset(words.split())
        for i, words in conn.execute(
            select(COMMITMENTS.c.id, COMMITMENTS.c.key_words).where(
                COMMITMENTS.c.document_id <= upto, COMMITMENTS.c.key_words.is_not(None)
            )
        )
    }
    reports = {
        i: frozenset(words.split())
        for i, words in conn.execute(
            select(REPORTS.c.id, REPORTS.c.words).where(REPORTS.c.document_id <= upto)
        )
    }
    return commitments, reports


def set_key_words(conn: Connection, words: dict[int, frozenset[str]]) -> None:
    """Store the follow-up words of commitments (read once, then kept)."""
    if words:
        conn.execute(
            COMMITMENTS.update()
            .where(COMMITMENTS.c.id == bindparam("commitment_id"))
            .values(key_words=bindparam("words")),
            [{"commitment_id": i, "words": " ".join(sorted(w))} for i, w in words.items()],
        )


def reports_query(upto: int) -> Any:
    """Stored reports of the documents up to id `upto`, with their source and date."""
    return (
        select(REPORTS, *_DOCUMENT)
        .join(DocumentRow, ReportRow.document_id == DocumentRow.id)
        .where(ReportRow.document_id <= upto)
        .order_by(ReportRow.document_id, ReportRow.start, ReportRow.id)
    )


def report_of(row: Any) -> Report:
    """A report from a row of `reports_query`."""
    return Report(
        id=row.id,
        source=row.document_source,
        document_date=row.document_date,
        quote=row.quote,
        span=Span(start=row.start, end=row.end),
        speaker=row.speaker,
        extractor=row.extractor,
        status=Progress(row.status),
    )


REPLACED = "replaced"
"""The reason a full follow-up run is due when a document was removed with its entries."""


def mark_followups_stale(conn: Connection, reason: str = REPLACED) -> None:
    """Remember that the next follow-up run must cover the whole ledger."""
    if conn.scalar(select(STALE.c.reason).where(STALE.c.reason == reason)) is None:
        conn.execute(insert(STALE), [{"reason": reason}])


def followups_stale(conn: Connection) -> frozenset[str]:
    """Why the next follow-up run must be a full one (empty: what is new is enough)."""
    return frozenset(conn.scalars(select(STALE.c.reason)))


def clear_followups_stale(conn: Connection) -> None:
    conn.execute(STALE.delete())


def followups_query(commitment_ids: Sequence[int] | None = None) -> Any:
    """Follow-ups (with their document's source and date), in time order per commitment."""
    query = (
        select(FOLLOWUPS, *_DOCUMENT)
        .join(DocumentRow, FollowUpRow.document_id == DocumentRow.id)
        .order_by(FollowUpRow.commitment_id, DocumentRow.date, FollowUpRow.id)
    )
    if commitment_ids is not None:
        query = query.where(FollowUpRow.commitment_id.in_(commitment_ids))
    return query


def followup_of(row: Any) -> FollowUp:
    """A follow-up from a row of `followups_query`."""
    return FollowUp(
        id=row.id,
        source=row.document_source,
        document_date=row.document_date,
        quote=row.quote,
        span=Span(start=row.start, end=row.end),
        speaker=row.speaker,
        extractor=row.extractor,
        commitment_id=row.commitment_id,
        status=Progress(row.status),
        later_commitment_id=row.later_commitment_id,
    )
