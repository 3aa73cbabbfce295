"""The ledger: documents, turns, claims and conflicts on SQLite or PostgreSQL.

One document is one transaction, so a crash mid-run leaves only whole documents behind, and
the content hash makes re-ingesting the same text a no-op. Reads return dataclasses.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import quote

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker
from sqlalchemy.sql.elements import BindParameter

from communique._optional import require
from communique.errors import CommuniqueError, LedgerError
from communique.models import (
    QUESTION,
    Agreement,
    Claim,
    Commitment,
    Conflict,
    ConflictKind,
    DatePrecision,
    Document,
    FollowUp,
    Modality,
    Period,
    Person,
    Qualifier,
    Report,
    Review,
    Severity,
    Span,
    TimeSource,
    Turn,
    Verdict,
)
from communique.settings import setting
from communique.store import faults, migrations
from communique.store.entries import (
    AgreementFilter,
    CommitmentFilter,
    agreement_of,
    agreements_query,
    clear_followups_stale,
    commitment_of,
    commitments_query,
    followup_of,
    followup_words,
    followups_query,
    followups_stale,
    insert_entries,
    mark_followups_stale,
    parts,
    replace_followups,
    replace_reports,
    report_of,
    reports_query,
    set_key_words,
    set_threads,
)
from communique.store.reviews import (
    claim_identity,
    delete_review,
    load_reviews,
    match_reviews,
    save_review,
)
from communique.store.runs import Heartbeat, Owner, owner_alive
from communique.store.tables import (
    AgreementRow,
    ClaimRow,
    CommitmentRow,
    ConflictClaimRow,
    ConflictRow,
    DocumentRow,
    IngestRun,
    LedgerStateRow,
    PersonRow,
    StaleMetricRow,
    TurnRow,
)
from communique.store.url import describe_url, resolve_db_url

T = TypeVar("T")


class AddStatus(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"  # same source, new content: the old version is removed with its claims


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimFilter:
    """Filters for `Ledger.claims`; every field narrows, None means any."""

    metric: str | None = None
    speaker: str | None = None
    country: str | None = None  # subject or object
    document_id: int | None = None
    source: str | None = None
    qualifier: str | None = None
    modality: str | None = None
    unit: str | None = None
    indicator: str | None = None  # "" for figures that name no recognised indicator
    scope: str | None = None
    vague: bool | None = None  # True: only vague plurals ("thousands of"); False: none of them
    text: str | None = None  # substring of the quote or metric phrase
    since: date | None = None  # period end or as-of on/after
    until: date | None = None  # period start or as-of on/before
    # Any of several exact names (`store.names.resolve_filter` turns "putin" into them).
    speakers: tuple[str, ...] | None = None
    metrics: tuple[str, ...] | None = None
    year: int | None = None  # the year of the period's end, else of the as-of date
    # With `country`: metric keys that name the country ("trade:KZ-RU"), whose claims are the
    # country's too though their subject and object are unset.
    country_keys: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    document_id: int
    source: str
    title: str | None
    date: date | None
    snippet: str  # text around the match; matches wrapped in [[ ]]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _migrate(engine: Engine, *, where: str, readonly: bool = False) -> None:
    """Bring the schema to the newest Alembic revision (a no-op when already there).

    A read-only ledger is never written: one at the newest revision opens, an older one
    fails with `read-only`, naming both revisions.

    A ledger already at the newest revision (every open but the first) is told by one query,
    without importing Alembic and reading its scripts: ~0.3 s of CPU that `export`, `search`
    and every other command would pay."""
    with engine.connect() as conn:
        if inspect(conn).has_table("alembic_version"):
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if current == migrations.newest_revision():
                return
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.begin() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        if readonly:
            raise LedgerError(
                where,
                "read-only",
                f"the ledger is read-only and its schema ({current or 'none'}) is older than "
                f"this version of communique needs ({head})",
                hint="open it once with write access to upgrade it, or open a writable copy",
            )
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def _postgres_settings(dbapi_conn: Any, _record: Any) -> None:
    # Commit without waiting for the disk flush, as the SQLite ledger's synchronous=NORMAL
    # does: a server crash may lose the last few commits (each a whole document, or a whole
    # reconcile), which a re-run redoes. Storing a document went from ~36 to ~26 ms of the
    # driver's wall time on the loaded benchmark box (benchmarks/README.md, archive scale).
    cursor = dbapi_conn.cursor()
    cursor.execute("SET synchronous_commit TO OFF")
    cursor.close()
    dbapi_conn.commit()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # cascades from documents to turns and claims
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the web UI) never block the writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL keeps commits atomic across a crash
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_read_only(path: Path) -> URL | None:
    """The URL that opens an existing SQLite ledger read-only, when this process cannot write
    it (file permissions, a read-only mount); None when it can.

    A WAL ledger needs its -wal and -shm files: where they cannot be created (a read-only
    folder) and there is no -wal (the last writer closed cleanly, so the file holds every
    commit), SQLite is told the file is immutable; with a -wal it reads through it.
    """
    if not path.is_file():
        return None
    wal = Path(f"{path}-wal")
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    if os.access(path, os.W_OK) and (folder_ok or wal.exists()):
        return None
    query = {"mode": "ro", "uri": "true"}
    if not wal.exists():
        query["immutable"] = "1"
    return URL.create("sqlite+pysqlite", database=f"file:{quote(str(path))}", query=query)


def _sqlite_reader_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Ledger:
    """A connection to one ledger. Open with `Ledger.open(db)`; close when done."""

    def __init__(self, engine: Engine, url: URL, *, readonly: bool = False) -> None:
        self.engine = engine
        self.url = url
        self.readonly = readonly  # an SQLite file this process cannot write
        self._session = sessionmaker(engine, expire_on_commit=False)
        self._reader: Engine | None = None
        self._heartbeats: dict[int, Heartbeat] = {}
        self._retry_seconds = float(setting("db_retry"))  # read once, not per document

    def _retry(self, fn: Callable[[], T]) -> T:
        return faults.retry(fn, budget=self._retry_seconds)

    @classmethod
    def open(cls, db: str | None = None, *, migrate: bool = True) -> Ledger:
        """Open (and create or migrate) the ledger at `db`: a path, an SQLAlchemy URL, or None.

        An SQLite file this process cannot write opens read-only (`readonly`): reads work,
        writes fail with LedgerError `read-only`. Runs whose process died are marked
        `interrupted` here (`settle_runs`).
        """
        url = resolve_db_url(db)
        where = describe_url(url)
        if url.drivername.startswith("postgresql"):
            require("psycopg", extra="postgres")
        connect_url, readonly = url, False
        if url.drivername.startswith("sqlite") and url.database:
            parent = Path(url.database).parent
            if not parent.is_dir():
                raise LedgerError(where, "missing-dir", f"folder {parent} does not exist")
            read_only_url = _sqlite_read_only(Path(url.database))
            if read_only_url is not None:
                connect_url, readonly = read_only_url, True
        try:
            engine = create_engine(connect_url, pool_pre_ping=True)
            faults.watch(engine, where)
            if url.drivername.startswith("sqlite"):
                pragmas = _sqlite_reader_pragmas if readonly else _sqlite_pragmas
                event.listen(engine, "connect", pragmas)
            else:
                event.listen(engine, "connect", _postgres_settings)
            if migrate:
                _migrate(engine, where=where, readonly=readonly)
        except LedgerError as exc:
            if exc.reason in ("write-failed", "io-error"):
                raise LedgerError(where, "cannot-open", exc.message, hint=exc.hint) from exc
            raise
        except SQLAlchemyError as exc:
            raise LedgerError(where, "cannot-open", str(exc)) from exc
        ledger = cls(engine, url, readonly=readonly)
        if migrate and not readonly:
            ledger.settle_runs()
        return ledger

    @property
    def reader(self) -> Engine:
        """The engine for single-statement reads: autocommit, so that PostgreSQL is spared the
        BEGIN and ROLLBACK round trips around each (two of a claim page's three)."""
        if self._reader is None:
            if self.dialect == "postgresql":  # its own pool: switching a pooled connection's
                # isolation back and forth costs round trips of its own
                self._reader = create_engine(
                    self.url, pool_pre_ping=True, isolation_level="AUTOCOMMIT"
                )
            else:
                self._reader = self.engine
        return self._reader

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def __repr__(self) -> str:
        return f"Ledger({describe_url(self.url)!r})"

    def close(self) -> None:
        if self._reader is not None and self._reader is not self.engine:
            self._reader.dispose()
        for heartbeat in self._heartbeats.values():
            heartbeat.stop()
        self._heartbeats.clear()
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs -------------------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str]) -> int:
        """Record a run owned by this process, and keep its heartbeat until it ends."""
        owner = Owner.current()

        def start() -> int:
            with self._session.begin() as s:
                now = _now()
                run = IngestRun(
                    started_at=now,
                    status="running",
                    inputs=list(inputs),
                    counts={},
                    host=owner.host,
                    pid=owner.pid,
                    pid_started=owner.started,
                    heartbeat_at=now,
                )
                s.add(run)
                s.flush()
                return run.id

        run_id = self._retry(start)
        self._heartbeats[run_id] = Heartbeat(lambda: self._beat(run_id))
        return run_id

    def _beat(self, run_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(IngestRun)
                .where(IngestRun.id == run_id, IngestRun.status == "running")
                .values(heartbeat_at=_now())
            )

    def finish_run(
        self,
        run_id: int,
        *,
        counts: dict[str, int],
        status: str = "done",
        error: str | None = None,
    ) -> None:
        heartbeat = self._heartbeats.pop(run_id, None)
        if heartbeat is not None:
            heartbeat.stop()

        def finish() -> None:
            with self._session.begin() as s:
                s.execute(
                    update(IngestRun)
                    .where(IngestRun.id == run_id)
                    .values(finished_at=_now(), counts=counts, status=status, error=error)
                )

        self._retry(finish)

    def abandon_run(self, run_id: int, exc: BaseException) -> None:
        """Record why a run stopped early: `interrupted` (Ctrl-C, exit) or `failed` with the
        error. Best effort, never raising: when the ledger cannot be written (the disk full,
        the server gone) the run stays `running` and the next open marks it interrupted."""
        heartbeat = self._heartbeats.pop(run_id, None)
        if heartbeat is not None:
            heartbeat.stop()
        failed = isinstance(exc, Exception)
        if isinstance(exc, CommuniqueError):
            error = f"{exc.reason}: {exc.message}"
        else:
            error = f"{type(exc).__name__}: {exc}".rstrip(": ")
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    update(IngestRun)
                    .where(IngestRun.id == run_id)
                    .values(
                        finished_at=_now(),
                        status="failed" if failed else "interrupted",
                        error=error[:2000],
                        counts=_stored_counts(conn, run_id),
                    )
                )
        except (LedgerError, SQLAlchemyError):
            return

    def settle_runs(self) -> list[int]:
        """Mark `interrupted` every `running` run whose process is gone (store/runs.py), with
        what it stored by then; returns their ids. Its last heartbeat becomes its end."""
        now = _now()
        settled: list[int] = []
        try:
            with self.engine.begin() as conn:
                running = conn.execute(
                    select(
                        IngestRun.id,
                        IngestRun.host,
                        IngestRun.pid,
                        IngestRun.pid_started,
                        IngestRun.heartbeat_at,
                        IngestRun.started_at,
                    ).where(IngestRun.status == "running")
                ).all()
                for run in running:
                    last = run.heartbeat_at or run.started_at
                    if run.id in self._heartbeats or owner_alive(
                        host=run.host,
                        pid=run.pid,
                        started=run.pid_started,
                        last_sign=last,
                        now=now,
                    ):
                        continue
                    conn.execute(
                        update(IngestRun)
                        .where(IngestRun.id == run.id, IngestRun.status == "running")
                        .values(
                            status="interrupted",
                            finished_at=last,
                            counts=_stored_counts(conn, run.id),
                        )
                    )
                    settled.append(run.id)
        except LedgerError as exc:
            if exc.reason != "read-only":  # a read-only ledger is shown as it is
                raise
            return []
        return settled

    def runs(self) -> list[dict[str, Any]]:
        """Every ingest run, oldest first, with its state and counts (for a run still going,
        or one that stopped early, what it has stored so far)."""
        with self._session() as s:
            rows = s.scalars(select(IngestRun).order_by(IngestRun.id)).all()
            stored = {
                run_id: {"stored": documents, "claims": claims or 0}
                for run_id, documents, claims in s.execute(
                    select(
                        DocumentRow.run_id,
                        func.count(func.distinct(DocumentRow.id)),
                        func.count(ClaimRow.id),
                    )
                    .outerjoin(ClaimRow, ClaimRow.document_id == DocumentRow.id)
                    .where(DocumentRow.run_id.in_([r.id for r in rows if r.status == "running"]))
                    .group_by(DocumentRow.run_id)
                )
            }
            return [
                {
                    "id": r.id,
                    "status": r.status,
                    "started_at": r.started_at,
                    "finished_at": r.finished_at,
                    "inputs": r.inputs,
                    "counts": r.counts or stored.get(r.id, {"stored": 0, "claims": 0}),
                    "host": r.host,
                    "pid": r.pid,
                    "heartbeat_at": r.heartbeat_at,
                    "error": r.error,
                }
                for r in rows
            ]

    # -- writing ----------------------------------------------------------------------------

    def has_content(self, content_hash: str) -> bool:
        def find() -> bool:
            with self._session() as s:
                found = s.scalar(
                    select(DocumentRow.id).where(DocumentRow.content_hash == content_hash)
                )
                return found is not None

        return self._retry(find)

    def known_contents(self, content_hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes the ledger holds (one query per few thousand)."""
        wanted = sorted(set(content_hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for part in parts(wanted):
                found.update(
                    conn.scalars(
                        select(_DOCUMENTS.c.content_hash).where(_DOCUMENTS.c.content_hash.in_(part))
                    )
                )
        return found

    def add_document(
        self, doc: Document, *, run_id: int | None = None, stages: dict[str, str] | None = None
    ) -> AddStatus:
        """Store one processed document with its turns and claims, all in one transaction.

        A transaction that loses its connection (a restarted server, a terminated backend)
        was rolled back by the server and is run again (`faults.retry`); other failures
        raise LedgerError with the reason (`disk-full`, `read-only`, ...)."""
        attempts = 0

        def store() -> AddStatus:
            nonlocal attempts
            attempts += 1
            # Core on one connection, no Session: the ORM's bookkeeping around these few
            # statements cost more than the statements (benchmarks/throughput.py).
            with self.engine.begin() as conn:
                same = conn.execute(
                    _BY_HASH_OR_SOURCE, {"hash": doc.content_hash, "source": doc.source}
                ).all()
                found = next((row for row in same if row.content_hash == doc.content_hash), None)
                if found is not None:
                    # a retry may find its own commit, made just before the connection broke
                    mine = attempts > 1 and run_id is not None and found.run_id == run_id
                    return AddStatus.NEW if mine else AddStatus.UNCHANGED
                old = [row.id for row in same]
                if old:
                    _mark_stale(conn, old)
                    mark_followups_stale(conn)  # their entries go: follow everything up again
                    conn.execute(_DOCUMENTS.delete().where(_DOCUMENTS.c.id.in_(old)))
                doc_id = _insert_document(conn, doc, run_id=run_id, stages=stages or {})
                insert_entries(conn, doc_id, doc.agreements, doc.commitments)
                _record_people(conn, doc.turns)
                _bump(conn)
                return AddStatus.REPLACED if old else AddStatus.NEW

        try:
            return self._retry(store)
        except IntegrityError:  # a concurrent writer stored the same content first
            return AddStatus.UNCHANGED
        except LedgerError as exc:
            raise LedgerError(
                exc.path, exc.reason, f"{exc.message}: {doc.source} was not stored", hint=exc.hint
            ) from exc

    def people(self) -> list[Person]:
        """Everyone who has spoken in a stored document, with the roles seen for them."""
        with self._session() as s:
            return [
                Person(name=p.name, roles=tuple(p.roles), country=p.country)
                for p in s.scalars(select(PersonRow).order_by(PersonRow.name))
            ]

    def set_metrics(self, metrics: dict[int, str]) -> None:
        """Rewrite the canonical metric key of claims (by id), as reconciliation decides."""
        if not metrics:
            return

        def rewrite() -> None:
            with self._session.begin() as s:
                s.execute(
                    update(ClaimRow),
                    [{"id": claim_id, "metric": metric} for claim_id, metric in metrics.items()],
                )

        self._retry(rewrite)

    def replace_conflicts(self, conflicts: Sequence[Conflict]) -> None:
        """Swap the whole set of conflicts in one transaction (they are derived data)."""
        self._retry(lambda: self._replace_conflicts(conflicts))

    def _replace_conflicts(self, conflicts: Sequence[Conflict]) -> None:
        with self._session.begin() as s:
            s.execute(delete(ConflictClaimRow))
            s.execute(delete(ConflictRow))
            _insert_conflicts(s, conflicts)
            _bump(s.connection())

    # -- incremental reconcile ---------------------------------------------------------------

    def pending(self, *, with_claims: bool = True) -> Pending:
        """What a reconcile has not covered yet: the claims of unreconciled documents, and the
        metric keys of claims deleted since (documents replaced)."""
        with self._session() as s:
            upto = s.scalar(select(func.max(DocumentRow.id))) or 0
            rows = (
                s.execute(
                    select(ClaimRow, DocumentRow.source, DocumentRow.date)
                    .join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
                    .where(_UNRECONCILED, DocumentRow.id <= upto)
                    .order_by(ClaimRow.id)
                ).all()
                if with_claims
                else []
            )
            stale = frozenset(s.scalars(select(StaleMetricRow.metric)))
            documents = tuple(
                s.scalars(
                    select(DocumentRow.id)
                    .where(_UNRECONCILED, DocumentRow.id <= upto)
                    .order_by(DocumentRow.id)
                )
            )
        return Pending(
            upto=upto,
            claims=tuple(_claim(r[0], source=r[1], document_date=r[2]) for r in rows),
            stale=stale,
            documents=documents,
        )

    def claims_with_metrics(self, metrics: Iterable[str]) -> list[Claim]:
        """Every claim whose metric key is one of `metrics`, in ledger order (metric index)."""
        keys = sorted(set(metrics))
        found: list[Claim] = []
        with self._session() as s:
            for part in parts(keys):
                rows = s.execute(
                    select(ClaimRow, DocumentRow.source, DocumentRow.date)
                    .join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
                    .where(ClaimRow.metric.in_(part))
                ).all()
                found += [_claim(r[0], source=r[1], document_date=r[2]) for r in rows]
        return sorted(found, key=lambda c: c.id or 0)

    def settle(
        self,
        conflicts: Sequence[Conflict],
        *,
        metrics: Iterable[str] | None,
        upto: int,
        stale: Iterable[str] = (),
    ) -> None:
        """In one transaction: replace the conflicts on `metrics` (None: all of them) with
        `conflicts`, mark documents up to id `upto` reconciled, and forget the `stale` keys.

        A crash before the commit leaves everything pending, so the next reconcile redoes it.
        """
        with self._session.begin() as s:
            if self.dialect == "postgresql":  # one reconcile at a time across processes
                s.execute(select(func.pg_advisory_xact_lock(_RECONCILE_LOCK)))
            if metrics is None:
                s.execute(delete(ConflictClaimRow))
                s.execute(delete(ConflictRow))
            else:
                for part in parts(sorted(set(metrics))):
                    doomed = select(ConflictRow.id).where(ConflictRow.metric.in_(part))
                    s.execute(
                        delete(ConflictClaimRow).where(ConflictClaimRow.conflict_id.in_(doomed))
                    )
                    s.execute(delete(ConflictRow).where(ConflictRow.metric.in_(part)))
            _insert_conflicts(s, conflicts)
            s.execute(
                update(DocumentRow)
                .where(_UNRECONCILED, DocumentRow.id <= upto)
                .values(reconciled=True)
            )
            for part in parts(sorted(set(stale))):
                s.execute(delete(StaleMetricRow).where(StaleMetricRow.metric.in_(part)))
            _bump(s.connection())

    def generation(self) -> int:
        """A number that grows with every write to the ledger (documents, metrics, conflicts)."""
        with self.reader.connect() as conn:
            return conn.scalar(select(LedgerStateRow.generation)) or 0

    def count_metrics(self) -> int:
        with self._session() as s:
            return s.scalar(select(func.count(func.distinct(ClaimRow.metric)))) or 0

    def count_conflicts(self) -> int:
        with self._session() as s:
            return s.scalar(select(func.count(ConflictRow.id))) or 0

    # -- reading ----------------------------------------------------------------------------

    def count(self) -> dict[str, int]:
        with self._session() as s:
            return {
                "documents": s.scalar(select(func.count(DocumentRow.id))) or 0,
                "turns": s.scalar(select(func.count(TurnRow.id))) or 0,
                "claims": s.scalar(select(func.count(ClaimRow.id))) or 0,
                "conflicts": s.scalar(select(func.count(ConflictRow.id))) or 0,
                "agreements": s.scalar(select(func.count(AgreementRow.id))) or 0,
                "commitments": s.scalar(select(func.count(CommitmentRow.id))) or 0,
            }

    def documents(
        self, *, limit: int | None = None, offset: int = 0, with_text: bool = False
    ) -> list[Document]:
        """Documents in ingest order, with their turns (and their text if asked)."""
        with self._session() as s:
            query = (
                select(DocumentRow)
                .options(selectinload(DocumentRow.turns))
                .order_by(DocumentRow.id)
                .offset(offset)
                .limit(limit)
            )
            return [_document(row, with_text=with_text) for row in s.scalars(query)]

    def document(self, key: int | str) -> Document | None:
        """One document by id or source, with text, turns and claims."""
        with self._session() as s:
            cond = DocumentRow.id == key if isinstance(key, int) else DocumentRow.source == key
            row = s.scalars(
                select(DocumentRow)
                .where(cond)
                .options(selectinload(DocumentRow.turns), selectinload(DocumentRow.claims))
            ).first()
            if row is None:
                return None
            return _document(row, with_text=True, with_claims=True)

    def iter_claims(
        self, where: ClaimFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> Iterator[Claim]:
        """Claims in document order, each with its source and document date."""
        where = where or ClaimFilter()
        query = (
            select(ClaimRow, DocumentRow.source, DocumentRow.date)
            .join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
            .order_by(ClaimRow.document_id, ClaimRow.start, ClaimRow.id)
        )
        query = _filter_claims(query, where)
        if offset:
            query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._session() as s:
            for row, source, doc_date in s.execute(query).yield_per(1000):
                yield _claim(row, source=source, document_date=doc_date)

    def claims(self, where: ClaimFilter | None = None, **kwargs: Any) -> list[Claim]:
        return self._retry(lambda: list(self.iter_claims(where, **kwargs)))

    def count_claims(self, where: ClaimFilter | None = None) -> int:
        query = _filter_claims(
            select(func.count(ClaimRow.id)).join(
                DocumentRow, ClaimRow.document_id == DocumentRow.id
            ),
            where or ClaimFilter(),
        )
        with self._session() as s:
            return s.scalar(query) or 0

    def claim(self, claim_id: int) -> Claim | None:
        with self._session() as s:
            hit = s.execute(
                select(ClaimRow, DocumentRow.source, DocumentRow.date)
                .join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
                .where(ClaimRow.id == claim_id)
            ).first()
            return None if hit is None else _claim(hit[0], source=hit[1], document_date=hit[2])

    def conflicts(self) -> list[Conflict]:
        """Every stored conflict with the claims it involves and the analyst's review of it,
        the most confident first (then in the order they were found)."""
        with self._session() as s:
            rows = s.scalars(select(ConflictRow).order_by(*CONFLICT_ORDER)).all()
            return conflicts_of(s, rows)

    def iter_agreements(
        self, where: AgreementFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> Iterator[Agreement]:
        """Agreements in document order, each with its source and document date."""
        query = agreements_query(where or AgreementFilter()).offset(offset).limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield agreement_of(row)

    def agreements(self, where: AgreementFilter | None = None, **kwargs: Any) -> list[Agreement]:
        return list(self.iter_agreements(where, **kwargs))

    def iter_commitments(
        self, where: CommitmentFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> Iterator[Commitment]:
        """Commitments in document order, each with its source and document date."""
        query = commitments_query(where or CommitmentFilter()).offset(offset).limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield commitment_of(row)

    def commitments(self, where: CommitmentFilter | None = None, **kwargs: Any) -> list[Commitment]:
        return list(self.iter_commitments(where, **kwargs))

    def count_agreements(self, where: AgreementFilter | None = None) -> int:
        query = agreements_query(where or AgreementFilter()).order_by(None)
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(query.subquery())) or 0

    def count_commitments(self, where: CommitmentFilter | None = None) -> int:
        query = commitments_query(where or CommitmentFilter()).order_by(None)
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(query.subquery())) or 0

    def agreement(self, agreement_id: int) -> Agreement | None:
        query = agreements_query(AgreementFilter()).where(AgreementRow.id == agreement_id)
        with self.engine.connect() as conn:
            hit = conn.execute(query).first()
            return None if hit is None else agreement_of(hit)

    def commitment(self, commitment_id: int) -> Commitment | None:
        query = commitments_query(CommitmentFilter()).where(CommitmentRow.id == commitment_id)
        with self.engine.connect() as conn:
            hit = conn.execute(query).first()
            return None if hit is None else commitment_of(hit)

    def followups(self, commitment_id: int | Sequence[int] | None = None) -> list[FollowUp]:
        """What later statements report of commitments (of those given, if any), in time
        order."""
        ids = [commitment_id] if isinstance(commitment_id, int) else commitment_id
        with self.engine.connect() as conn:
            return [followup_of(row) for row in conn.execute(followups_query(ids))]

    def turn_spans(self, sources: Iterable[str]) -> dict[str, list[tuple[str, int, int]]]:
        """{source: [(speaker, start, end), ...]} of the documents named, in reading order."""
        wanted = sorted(set(sources))
        if not wanted:
            return {}
        query = (
            select(DocumentRow.source, TurnRow.speaker, TurnRow.start, TurnRow.end)
            .join(DocumentRow, TurnRow.document_id == DocumentRow.id)
            .where(DocumentRow.source.in_(wanted))
            .order_by(TurnRow.document_id, TurnRow.seq)
        )
        out: dict[str, list[tuple[str, int, int]]] = {}
        with self.engine.connect() as conn:
            for source, speaker, start, end in conn.execute(query):
                out.setdefault(source, []).append((speaker, start, end))
        return out

    def texts(
        self, ids: Iterable[int] | None = None, *, upto: int | None = None
    ) -> Iterator[Document]:
        """Documents' source, date, countries and text, without turns or claims: what
        reconciliation reads to find what statements report. Every document, or those with
        the `ids` given, or up to id `upto`."""
        query = select(
            DocumentRow.id,
            DocumentRow.source,
            DocumentRow.content_hash,
            DocumentRow.date,
            DocumentRow.countries,
            DocumentRow.text,
        ).order_by(DocumentRow.id)
        if upto is not None:
            query = query.where(DocumentRow.id <= upto)
        chosen = [query]
        if ids is not None:
            chosen = [query.where(DocumentRow.id.in_(part)) for part in parts(sorted(set(ids)))]
        with self.engine.connect() as conn:
            for part in chosen:
                for row in conn.execute(part):
                    yield Document(
                        id=row.id,
                        source=row.source,
                        content_hash=row.content_hash,
                        date=row.date,
                        countries=tuple(row.countries),
                        text=row.text,
                    )

    def document_countries(self, *, upto: int) -> dict[str, tuple[str, ...]]:
        """{source: the document's parties} of the documents up to id `upto`."""
        query = select(DocumentRow.source, DocumentRow.countries).where(DocumentRow.id <= upto)
        with self.engine.connect() as conn:
            return {source: tuple(countries) for source, countries in conn.execute(query)}

    def reports(self, *, upto: int) -> list[Report]:
        """The stored reports of the documents up to id `upto` (see `store_followups`)."""
        with self.engine.connect() as conn:
            return [report_of(row) for row in conn.execute(reports_query(upto))]

    def followup_words(
        self, *, upto: int
    ) -> tuple[dict[int, frozenset[str]], dict[int, frozenset[str]]]:
        """The stored words follow-ups compare, of commitments and reports by id."""
        with self.engine.connect() as conn:
            return followup_words(conn, upto)

    def followups_stale(self) -> frozenset[str]:
        """Why the next follow-up run must cover the whole ledger (empty: it need not)."""
        with self.engine.connect() as conn:
            return followups_stale(conn)

    def store_followups(
        self,
        *,
        threads: dict[int, int],
        followups: Sequence[FollowUp],
        followups_of: Sequence[int] | None,
        reports: Sequence[tuple[Report, frozenset[str]]],
        reports_of: Sequence[int] | None,
        key_words: dict[int, frozenset[str]] | None = None,
    ) -> None:
        """Store what a follow-up run found, in one transaction: agreement threads, the
        reports of the documents `reports_of` (with their words), the follow-ups of the
        commitments `followups_of` (None for either: of every one, and the run covered the
        whole ledger, so no full run is due any more), and commitments' `key_words`."""
        with self.engine.begin() as conn:
            set_threads(conn, threads)
            set_key_words(conn, key_words or {})
            replace_reports(conn, reports, of=reports_of)
            replace_followups(conn, followups, of=followups_of)
            if reports_of is None and followups_of is None:
                clear_followups_stale(conn)

    def conflict(self, conflict_id: int) -> Conflict | None:
        """One stored conflict by id, with its claims and review."""
        with self._session() as s:
            row = s.get(ConflictRow, conflict_id)
            return None if row is None else conflicts_of(s, [row])[0]

    def _identities(self, conflict: Conflict) -> list[str]:
        ids = [c.id for c in conflict.claims if c.id is not None]
        with self._session() as s:
            rows = s.execute(
                select(ClaimRow.id, ClaimRow.start, ClaimRow.end, ClaimRow.value_text)
                .add_columns(DocumentRow.content_hash)
                .join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
                .where(ClaimRow.id.in_(ids))
            ).all()
        return [
            claim_identity(content_hash, start, end, Decimal(value))
            for _id, start, end, value, content_hash in rows
        ]

    def review_conflict(self, conflict_id: int, verdict: Verdict, *, note: str = "") -> Conflict:
        """Confirm or dismiss a stored conflict; the verdict is kept by its claims' identities
        (document content, span, value), so it survives re-ingest and re-reconcile."""
        conflict = self.conflict(conflict_id)
        if conflict is None:
            raise LedgerError(
                describe_url(self.url), "unknown-conflict", f"no conflict {conflict_id}"
            )
        identities = self._identities(conflict)
        with self.engine.begin() as conn:
            review = save_review(conn, conflict, identities, verdict=verdict, note=note)
        return replace(conflict, review=review)

    def clear_review(self, conflict_id: int) -> bool:
        """Forget the verdict that applies to this conflict; False when there was none."""
        conflict = self.conflict(conflict_id)
        if conflict is None:
            raise LedgerError(
                describe_url(self.url), "unknown-conflict", f"no conflict {conflict_id}"
            )
        if conflict.review is None:
            return False
        with self.engine.begin() as conn:
            return delete_review(conn, conflict.review.claims)

    def reviews(self) -> list[Review]:
        """Every stored review, oldest first, whether or not its conflict is still found."""
        with self.engine.connect() as conn:
            return load_reviews(conn)

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search over titles and texts (FTS5 on SQLite, tsvector on PostgreSQL)."""
        from communique.store.search import search_documents

        with self.engine.connect() as conn:
            return search_documents(conn, query, limit=limit, offset=offset)


@dataclass(frozen=True, slots=True, kw_only=True)
class Pending:
    """What the last reconcile did not cover (see `Ledger.pending`)."""

    upto: int  # documents up to this id were looked at
    claims: tuple[Claim, ...]  # the claims of those not reconciled yet
    stale: frozenset[str]  # metric keys of claims deleted since
    documents: tuple[int, ...] = ()  # ids of the documents not reconciled yet


# Any fixed number: the PostgreSQL advisory lock that serialises reconciles.
_RECONCILE_LOCK = 0x636F6D6D  # "comm"


def _bump(conn: Connection) -> None:
    conn.execute(
        update(LedgerStateRow)
        .where(LedgerStateRow.id == 1)
        .values(generation=LedgerStateRow.generation + 1)
    )


def _mark_stale(conn: Connection, document_ids: Sequence[int]) -> None:
    """Remember the metric keys of these documents' claims before they are deleted."""
    keys = set(
        conn.scalars(
            select(_CLAIMS.c.metric).where(_CLAIMS.c.document_id.in_(document_ids)).distinct()
        )
    )
    known = set(conn.scalars(select(StaleMetricRow.metric).where(StaleMetricRow.metric.in_(keys))))
    if keys - known:
        conn.execute(insert(StaleMetricRow), [{"metric": k} for k in sorted(keys - known)])


def _insert_conflicts(s: Session, conflicts: Sequence[Conflict]) -> None:
    """Store conflicts with fresh ids after the largest one, in order.

    Ids are assigned here so both tables go in as two bulk inserts (executemany) instead of one
    flush per conflict: 100k conflicts take seconds, not minutes.
    """
    if not conflicts:
        return
    first = 1 + (s.scalar(select(func.max(ConflictRow.id))) or 0)
    rows: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for offset, conflict in enumerate(conflicts):
        conflict_id = first + offset
        rows.append(
            {
                "id": conflict_id,
                "kind": conflict.kind.value,
                "severity": conflict.severity.value,
                "metric": conflict.metric,
                "explanation": conflict.explanation,
                "period_start": conflict.period.start if conflict.period else None,
                "period_end": conflict.period.end if conflict.period else None,
                "as_of": conflict.as_of,
                "confidence": conflict.confidence,
                "reasons": list(conflict.reasons),
            }
        )
        for position, claim in enumerate(conflict.claims):
            if claim.id is None:
                raise ValueError("conflicts can only refer to stored claims")
            links.append({"conflict_id": conflict_id, "claim_id": claim.id, "position": position})
    s.execute(insert(ConflictRow), rows)
    if links:
        s.execute(insert(ConflictClaimRow), links)


# -- row ↔ dataclass ------------------------------------------------------------------------

CONFLICT_ORDER = (ConflictRow.confidence.desc(), ConflictRow.id)
"""The board's order: the most confident first, then in the order they were found."""


def conflicts_of(s: Session, rows: Sequence[ConflictRow]) -> list[Conflict]:
    """The conflicts of these rows, in their order, with their claims and the analyst's review
    that applies to each (reviews are few: all are read and matched by claim identity)."""
    links = (
        s.execute(
            select(
                ConflictClaimRow.conflict_id,
                ClaimRow,
                DocumentRow.source,
                DocumentRow.date,
                DocumentRow.content_hash,
            )
            .join(ClaimRow, ConflictClaimRow.claim_id == ClaimRow.id)
            .join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
            .where(ConflictClaimRow.conflict_id.in_([r.id for r in rows]))
            .order_by(ConflictClaimRow.conflict_id, ConflictClaimRow.position)
        ).all()
        if rows
        else []
    )
    reviews = load_reviews(s.connection())
    members: dict[int, list[Claim]] = {}
    identities: dict[int, list[str]] = {}
    for conflict_id, claim_row, source, doc_date, content_hash in links:
        claim = _claim(claim_row, source=source, document_date=doc_date)
        members.setdefault(conflict_id, []).append(claim)
        identities.setdefault(conflict_id, []).append(
            claim_identity(content_hash, claim.span.start, claim.span.end, claim.value)
        )
    reviewed = match_reviews(identities, reviews) if reviews else {}
    return [
        Conflict(
            id=r.id,
            kind=ConflictKind(r.kind),
            severity=Severity(r.severity),
            metric=r.metric,
            explanation=r.explanation,
            period=Period(start=r.period_start, end=r.period_end)
            if r.period_start and r.period_end
            else None,
            as_of=r.as_of,
            claims=tuple(members.get(r.id, ())),
            confidence=r.confidence,
            reasons=tuple(r.reasons or ()),
            review=reviewed.get(r.id),
        )
        for r in rows
    ]


def _stored_counts(conn: Connection, run_id: int) -> dict[str, int]:
    """What a run that stopped early had stored: its documents and their claims."""
    documents = conn.scalar(select(func.count()).where(_DOCUMENTS.c.run_id == run_id)) or 0
    claims = (
        conn.scalar(
            select(func.count())
            .select_from(_CLAIMS.join(_DOCUMENTS, _CLAIMS.c.document_id == _DOCUMENTS.c.id))
            .where(_DOCUMENTS.c.run_id == run_id)
        )
        or 0
    )
    return {"stored": documents, "claims": claims}


def _record_people(conn: Connection, turns: Sequence[Turn]) -> None:
    """Upsert the speakers of a document into `people`, merging the roles seen for each."""
    seen: dict[str, Turn] = {}
    roles: dict[str, set[str]] = {}
    for turn in turns:
        if turn.speaker == QUESTION or not turn.speaker:
            continue
        seen.setdefault(turn.speaker, turn)
        if turn.role:
            roles.setdefault(turn.speaker, set()).add(turn.role)
    if not seen:
        return
    people = _PEOPLE.c
    existing = {
        row.name: row
        for row in conn.execute(
            select(people.id, people.name, people.roles, people.country).where(
                people.name.in_(seen)
            )
        )
    }
    added = []
    for name, turn in seen.items():
        row = existing.get(name)
        if row is None:
            added.append(
                {"name": name, "roles": sorted(roles.get(name, ())), "country": turn.country}
            )
            continue
        merged = sorted(set(row.roles) | roles.get(name, set()))
        country = row.country or turn.country
        if merged != row.roles or country != row.country:
            conn.execute(
                _PEOPLE.update().where(people.id == row.id), {"roles": merged, "country": country}
            )
    if added:
        conn.execute(_PEOPLE.insert(), added)


def _filter_params(where: ClaimFilter) -> dict[str, Any]:
    """The values `_filter_claims(where)` binds, by parameter name (one per field set)."""
    values = {f.name: getattr(where, f.name) for f in fields(where)}
    values["text"] = f"%{where.text.lower()}%" if where.text else None
    for name in ("speakers", "metrics", "country_keys"):
        if values[name] is not None:
            values[name] = list(values[name])
    if where.year is not None:
        values["year"] = None
        values["year_start"], values["year_end"] = date(where.year, 1, 1), date(where.year, 12, 31)
    return {f"where_{name}": value for name, value in values.items() if value is not None}


# Filter fields that match one column exactly.
_EQUALS: dict[str, Any] = {
    "metric": ClaimRow.metric,
    "speaker": ClaimRow.speaker,
    "document_id": ClaimRow.document_id,
    "source": DocumentRow.source,
    "qualifier": ClaimRow.qualifier,
    "modality": ClaimRow.modality,
    "unit": ClaimRow.unit,
    "indicator": ClaimRow.indicator,
    "scope": ClaimRow.scope,
    "vague": ClaimRow.vague,
}


def _filter_claims(query: Any, where: ClaimFilter) -> Any:
    """`query` narrowed to the claims `where` matches.

    Values go in as named parameters (`_filter_params`), so a statement built for one filter
    serves every filter with the same fields set, given that filter's parameters.
    """
    p: dict[str, BindParameter[Any]] = {
        name: bindparam(name, value) for name, value in _filter_params(where).items()
    }
    for field, column in _EQUALS.items():
        if f"where_{field}" in p:
            query = query.where(column == p[f"where_{field}"])
    for field, column in (("speakers", ClaimRow.speaker), ("metrics", ClaimRow.metric)):
        if f"where_{field}" in p:
            names: BindParameter[Any] = bindparam(
                f"where_{field}", p[f"where_{field}"].value, expanding=True
            )
            query = query.where(column.in_(names))
    if "where_year_start" in p:
        moment = func.coalesce(ClaimRow.period_end, ClaimRow.as_of)
        query = query.where(moment >= p["where_year_start"], moment <= p["where_year_end"])
    if "where_country" in p:
        country = p["where_country"]
        sides = (ClaimRow.subject == country) | (ClaimRow.object == country)
        if "where_country_keys" in p:
            keys: BindParameter[Any] = bindparam(
                "where_country_keys", p["where_country_keys"].value, expanding=True
            )
            sides = sides | ClaimRow.metric.in_(keys)
        query = query.where(sides)
    if "where_text" in p:
        words = p["where_text"]
        query = query.where(
            func.lower(ClaimRow.quote).like(words) | func.lower(ClaimRow.metric_phrase).like(words)
        )
    if "where_since" in p:
        query = query.where(func.coalesce(ClaimRow.period_end, ClaimRow.as_of) >= p["where_since"])
    if "where_until" in p:
        query = query.where(
            func.coalesce(ClaimRow.period_start, ClaimRow.as_of) <= p["where_until"]
        )
    return query


_DOCUMENTS = cast("Table", DocumentRow.__table__)
_TURNS = cast("Table", TurnRow.__table__)
_CLAIMS = cast("Table", ClaimRow.__table__)
_PEOPLE = cast("Table", PersonRow.__table__)
# Matches the partial index ix_documents_unreconciled as written, on both dialects.
_UNRECONCILED = text("NOT documents.reconciled")
_BY_HASH_OR_SOURCE = select(_DOCUMENTS.c.id, _DOCUMENTS.c.content_hash, _DOCUMENTS.c.run_id).where(
    (_DOCUMENTS.c.content_hash == bindparam("hash")) | (_DOCUMENTS.c.source == bindparam("source"))
)


def _insert_document(
    conn: Connection, doc: Document, *, run_id: int | None, stages: dict[str, str]
) -> int:
    """Insert a document, then its turns and claims in order, as bulk inserts: the ORM's unit
    of work cost ~1.5 µs per character stored, more than reading, describing and segmenting
    together (benchmarks/throughput.py)."""
    doc_id = conn.execute(
        _DOCUMENTS.insert().returning(_DOCUMENTS.c.id),
        {
            "source": doc.source,
            "content_hash": doc.content_hash,
            "format": doc.format,
            "title": doc.title,
            "date": doc.date,
            "date_precision": doc.date_precision.value if doc.date_precision else None,
            "place": doc.place,
            "publisher": doc.publisher,
            "url": doc.url,
            "participants": list(doc.participants),
            "countries": list(doc.countries),
            "text": doc.text,
            "original": doc.original,
            "stages": stages,
            "run_id": run_id,
            "ingested_at": _now(),
        },
    ).scalar_one()
    if doc.turns:
        conn.execute(
            _TURNS.insert(),
            [
                {
                    "document_id": doc_id,
                    "seq": i,
                    "speaker": t.speaker,
                    "label": t.label,
                    "role": t.role,
                    "country": t.country,
                    "start": t.span.start,
                    "end": t.span.end,
                }
                for i, t in enumerate(doc.turns)
            ],
        )
    if doc.claims:
        conn.execute(
            _CLAIMS.insert(),
            [
                {
                    "document_id": doc_id,
                    "quote": c.quote,
                    "value": float(c.value),
                    "value_text": str(c.value),
                    "unit": c.unit,
                    "qualifier": c.qualifier.value,
                    "low": None if c.low is None else str(c.low),
                    "high": None if c.high is None else str(c.high),
                    "step": None if c.step is None else str(c.step),
                    "metric": c.metric,
                    "metric_auto": c.metric_auto or c.metric,
                    "metric_phrase": c.metric_phrase,
                    "indicator": c.indicator,
                    "scope": c.scope,
                    "subject": c.subject,
                    "object": c.object,
                    "period_start": c.period.start if c.period else None,
                    "period_end": c.period.end if c.period else None,
                    "as_of": c.as_of,
                    "time_source": None if c.time_source is None else c.time_source.value,
                    "modality": c.modality.value,
                    "vague": c.vague,
                    "enumeration": c.enumeration,
                    "speaker": c.speaker,
                    "start": c.span.start,
                    "end": c.span.end,
                    "sentence_start": c.sentence.start if c.sentence else None,
                    "sentence_end": c.sentence.end if c.sentence else None,
                    "extractor": c.extractor,
                }
                for c in doc.claims
            ],
        )
    return int(doc_id)


def _claim(row: ClaimRow, *, source: str, document_date: date | None) -> Claim:
    return Claim(
        id=row.id,
        source=source,
        document_date=document_date,
        quote=row.quote,
        value=Decimal(row.value_text),
        unit=row.unit,
        qualifier=Qualifier(row.qualifier),
        low=None if row.low is None else Decimal(row.low),
        high=None if row.high is None else Decimal(row.high),
        step=None if row.step is None else Decimal(row.step),
        metric=row.metric,
        metric_auto=row.metric_auto,
        metric_phrase=row.metric_phrase,
        indicator=row.indicator,
        scope=row.scope,
        subject=row.subject,
        object=row.object,
        period=Period(start=row.period_start, end=row.period_end)
        if row.period_start and row.period_end
        else None,
        as_of=row.as_of,
        time_source=None if row.time_source is None else TimeSource(row.time_source),
        modality=Modality(row.modality),
        vague=row.vague,
        enumeration=row.enumeration,
        speaker=row.speaker,
        span=Span(start=row.start, end=row.end),
        sentence=Span(start=row.sentence_start, end=row.sentence_end)
        if row.sentence_start is not None and row.sentence_end is not None
        else None,
        extractor=row.extractor,
    )


def _document(row: DocumentRow, *, with_text: bool, with_claims: bool = False) -> Document:
    return Document(
        id=row.id,
        source=row.source,
        content_hash=row.content_hash,
        format=row.format,
        title=row.title,
        date=row.date,
        date_precision=DatePrecision(row.date_precision) if row.date_precision else None,
        place=row.place,
        publisher=row.publisher,
        url=row.url,
        participants=tuple(row.participants),
        countries=tuple(row.countries),
        text=row.text if with_text else "",
        original=row.original if with_text else "",
        turns=tuple(
            Turn(
                speaker=t.speaker,
                label=t.label,
                role=t.role,
                country=t.country,
                span=Span(start=t.start, end=t.end),
            )
            for t in row.turns
        ),
        claims=tuple(_claim(c, source=row.source, document_date=row.date) for c in row.claims)
        if with_claims
        else (),
    )
