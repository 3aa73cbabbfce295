"""The ledger: documents, turns, claims and conflicts on SQLite or PostgreSQL.

One document is one transaction, so a crash mid-run leaves only whole documents behind, and
the content hash makes re-ingesting the same text a no-op. Reads return dataclasses.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields
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
    select,
    update,
)
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import selectinload, sessionmaker
from sqlalchemy.sql.elements import BindParameter

from communique._optional import require
from communique.errors import CommuniqueError, LedgerError
from communique.models import (
    QUESTION,
    Claim,
    Conflict,
    ConflictKind,
    Document,
    Modality,
    Period,
    Person,
    Qualifier,
    Severity,
    Span,
    Turn,
)
from communique.settings import setting
from communique.store import faults, migrations
from communique.store.runs import Heartbeat, Owner, owner_alive
from communique.store.tables import (
    ClaimRow,
    ConflictClaimRow,
    ConflictRow,
    DocumentRow,
    IngestRun,
    PersonRow,
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
    text: str | None = None  # substring of the quote or metric phrase
    since: date | None = None  # period end or as-of on/after
    until: date | None = None  # period start or as-of on/before


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
    fails with `read-only`, naming both revisions."""
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
    def dialect(self) -> str:
        return self.engine.dialect.name

    def __repr__(self) -> str:
        return f"Ledger({describe_url(self.url)!r})"

    def close(self) -> None:
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
                found = conn.execute(_BY_HASH, {"hash": doc.content_hash}).first()
                if found is not None:
                    # a retry may find its own commit, made just before the connection broke
                    mine = attempts > 1 and run_id is not None and found.run_id == run_id
                    return AddStatus.NEW if mine else AddStatus.UNCHANGED
                old = conn.scalars(_BY_SOURCE, {"source": doc.source}).all()
                if old:
                    conn.execute(_DOCUMENTS.delete().where(_DOCUMENTS.c.id.in_(old)))
                _insert_document(conn, doc, run_id=run_id, stages=stages or {})
                _record_people(conn, doc.turns)
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
            if not conflicts:
                return
            # Ids are assigned here so both tables go in as two bulk inserts (executemany)
            # instead of one flush per conflict: 100k conflicts take seconds, not minutes.
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
                    }
                )
                for position, claim in enumerate(conflict.claims):
                    if claim.id is None:
                        raise ValueError("conflicts can only refer to stored claims")
                    links.append(
                        {"conflict_id": conflict_id, "claim_id": claim.id, "position": position}
                    )
            s.execute(insert(ConflictRow), rows)
            if links:
                s.execute(insert(ConflictClaimRow), links)

    # -- reading ----------------------------------------------------------------------------

    def count(self) -> dict[str, int]:
        with self._session() as s:
            return {
                "documents": s.scalar(select(func.count(DocumentRow.id))) or 0,
                "turns": s.scalar(select(func.count(TurnRow.id))) or 0,
                "claims": s.scalar(select(func.count(ClaimRow.id))) or 0,
                "conflicts": s.scalar(select(func.count(ConflictRow.id))) or 0,
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
        """Every stored conflict with the claims it involves, in their stored order."""
        with self._session() as s:
            rows = s.scalars(select(ConflictRow).order_by(ConflictRow.id)).all()
            links = s.execute(
                select(ConflictClaimRow.conflict_id, ClaimRow, DocumentRow.source, DocumentRow.date)
                .join(ClaimRow, ConflictClaimRow.claim_id == ClaimRow.id)
                .join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
                .order_by(ConflictClaimRow.conflict_id, ConflictClaimRow.position)
            ).all()
        members: dict[int, list[Claim]] = {}
        for conflict_id, claim_row, source, doc_date in links:
            members.setdefault(conflict_id, []).append(
                _claim(claim_row, source=source, document_date=doc_date)
            )
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
            )
            for r in rows
        ]

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search over titles and texts (FTS5 on SQLite, tsvector on PostgreSQL)."""
        from communique.store.search import search_documents

        with self.engine.connect() as conn:
            return search_documents(conn, query, limit=limit, offset=offset)


# -- row ↔ dataclass ------------------------------------------------------------------------


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
    if "where_country" in p:
        country = p["where_country"]
        query = query.where((ClaimRow.subject == country) | (ClaimRow.object == country))
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
_BY_HASH = select(_DOCUMENTS.c.id, _DOCUMENTS.c.run_id).where(
    _DOCUMENTS.c.content_hash == bindparam("hash")
)
_BY_SOURCE = select(_DOCUMENTS.c.id).where(_DOCUMENTS.c.source == bindparam("source"))


def _insert_document(
    conn: Connection, doc: Document, *, run_id: int | None, stages: dict[str, str]
) -> None:
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
                    "metric": c.metric,
                    "metric_auto": c.metric_auto or c.metric,
                    "metric_phrase": c.metric_phrase,
                    "subject": c.subject,
                    "object": c.object,
                    "period_start": c.period.start if c.period else None,
                    "period_end": c.period.end if c.period else None,
                    "as_of": c.as_of,
                    "modality": c.modality.value,
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
        metric=row.metric,
        metric_auto=row.metric_auto,
        metric_phrase=row.metric_phrase,
        subject=row.subject,
        object=row.object,
        period=Period(start=row.period_start, end=row.period_end)
        if row.period_start and row.period_end
        else None,
        as_of=row.as_of,
        modality=Modality(row.modality),
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
