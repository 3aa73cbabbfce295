"""The database failing under an ingest, for real: PostgreSQL restarted or stopped, a backend
terminated mid-transaction, an SQLite disk that fills up. Each time: a clear error or a
retry, whole documents only, a valid ledger, and a re-run that completes."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text

from communique.errors import LedgerError
from communique.models import Document, Span, Turn
from communique.store.ledger import AddStatus, Ledger

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"


_FILLER = "We discussed the agenda of our meeting in detail and with great care. " * 50


def _short_corpus(folder: Path, count: int, *, filler: str = "") -> Path:
    """`count` short statements with two speakers and three claims each: small documents keep
    the ingest writing almost all the time, so a fault lands on a write."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"s{i:04d}.txt").write_text(
            f"Jane Doe: Trade between our countries reached ${i + 1} billion in 2023, "
            f"and we agreed on {i % 9 + 2} projects. {filler}\n\n"
            f"John Roe: Investment grew by {i % 50 + 1} percent last year.\n",
            encoding="utf-8",
        )
    return folder


def _ingest(corpus: Path, db: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "communique", "ingest", str(corpus), "--db", db, "-q", "-j", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )


def _wait_for_documents(url: str, proc: subprocess.Popen[str], at_least: int) -> int:
    engine = create_engine(url)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with engine.connect() as conn:
                    stored = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
            except Exception:  # the schema is not there yet
                stored = 0
            if stored >= at_least:
                return int(stored)
            time.sleep(0.05)
    finally:
        engine.dispose()
    raise AssertionError(f"the ingest ended or stalled first: {proc.poll()}")


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15)


def _wait_until_waiting(proc: subprocess.Popen[str], *, quiet: float = 1.0) -> None:
    """Until the ingest uses no CPU for `quiet` seconds: with the server down, that means it
    is waiting on a write (the pipeline in between keeps a core busy). Or until it ends."""
    deadline = time.monotonic() + 120
    last = _cpu_ticks(proc.pid)
    since = time.monotonic()
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
        now = _cpu_ticks(proc.pid)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
    assert proc.poll() is not None, "the ingest kept busy for two minutes with no database"


def _assert_whole(url: str, *, documents: int) -> None:
    """`documents` stored, each whole: its two turns and three claims, no orphans."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
            shapes = conn.execute(
                text(
                    "SELECT (SELECT count(*) FROM turns t WHERE t.document_id = d.id), "
                    "(SELECT count(*) FROM claims c WHERE c.document_id = d.id) FROM documents d"
                )
            ).all()
    finally:
        engine.dispose()
    assert count == documents
    assert {tuple(shape) for shape in shapes} <= {(2, 3)}


# -- PostgreSQL --------------------------------------------------------------------------


def test_faults_postgres_restarted_during_an_ingest_is_retried_through(
    throwaway_postgres: Any, tmp_path: Path
) -> None:
    corpus = _short_corpus(tmp_path / "corpus", 300)
    url = throwaway_postgres.url
    proc = _ingest(corpus, url)
    _wait_for_documents(url, proc, at_least=20)
    throwaway_postgres.stop()
    _wait_until_waiting(proc)  # so the fault lands on a write, however busy the machine
    throwaway_postgres.start()
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert "300 new, 0 unchanged" in " ".join(err.split())
    _assert_whole(url, documents=300)
    rerun = _ingest(corpus, url)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0 and "0 new, 300 unchanged" in " ".join(err.split()), err
    with Ledger.open(url) as ledger:
        assert [r["status"] for r in ledger.runs()] == ["done", "done"]


def test_faults_postgres_down_for_longer_than_the_retry_fails_cleanly_and_a_rerun_completes(
    throwaway_postgres: Any, tmp_path: Path
) -> None:
    corpus = _short_corpus(tmp_path / "corpus", 300)
    url = throwaway_postgres.url
    proc = _ingest(corpus, url, COMMUNIQUE_DB_RETRY="1")
    _wait_for_documents(url, proc, at_least=20)
    throwaway_postgres.stop()
    try:
        _, err = proc.communicate(timeout=120)
    finally:
        throwaway_postgres.start()
    assert proc.returncode == 1
    assert "Traceback" not in err
    assert "lost the connection to the database server" in err and "(connection-lost)" in err
    _assert_whole(url, documents=_count(url))
    with Ledger.open(url) as ledger:  # the dead run could not record its failure: now it is
        (run,) = ledger.runs()
        assert run["status"] == "interrupted" and 20 <= run["counts"]["stored"] < 300
    rerun = _ingest(corpus, url)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    _assert_whole(url, documents=300)


def _count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM documents")).scalar_one())
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_faults_connection_dropped_mid_transaction_is_rolled_back_and_retried(
    postgres_url: str,
) -> None:
    from communique.api import ingest

    ingest([str(EXAMPLES / "004_a3d02d84b487bf39.txt")], db=postgres_url, workers=1)
    with Ledger.open(postgres_url) as ledger:
        (doc,) = ledger.documents()
        stored = ledger.document(doc.id)
    assert stored is not None and stored.claims
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    killed: list[int] = []

    def terminate_before_claims(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        # the document and its turns are in, the claims not yet: end this backend now
        if statement.startswith("INSERT INTO claims") and not killed:
            pid = conn.connection.dbapi_connection.info.backend_pid
            with admin.connect() as other:
                other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            killed.append(pid)

    copy = dataclasses.replace(stored, id=None, source="copy.txt", content_hash="another-hash")
    try:
        with Ledger.open(postgres_url) as ledger:
            event.listen(ledger.engine, "before_cursor_execute", terminate_before_claims)
            assert ledger.add_document(copy) is AddStatus.NEW
            assert killed, "the backend was never terminated"
            again = ledger.document("copy.txt")
            assert again is not None
            assert len(again.claims) == len(stored.claims)
            assert len(again.turns) == len(stored.turns)
            assert ledger.count()["documents"] == 2
    finally:
        admin.dispose()


@pytest.mark.postgres
def test_faults_lost_connection_outlasting_the_retry_is_a_clear_error(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMUNIQUE_DB_RETRY", "0")
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")

    def terminate(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith("INSERT INTO documents"):
            pid = conn.connection.dbapi_connection.info.backend_pid
            with admin.connect() as other:
                other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

    doc = Document(
        source="a.txt",
        content_hash="a-hash",
        text="Jane Doe: We agreed.",
        original="Jane Doe: We agreed.",
        turns=(Turn(speaker="Jane Doe", label="Jane Doe", span=Span(start=10, end=20)),),
    )
    try:
        with Ledger.open(postgres_url) as ledger:
            event.listen(ledger.engine, "before_cursor_execute", terminate)
            with pytest.raises(LedgerError) as caught:
                ledger.add_document(doc)
            assert caught.value.reason == "connection-lost"
            assert "a.txt was not stored" in caught.value.message
            event.remove(ledger.engine, "before_cursor_execute", terminate)
            assert ledger.count()["documents"] == 0  # rolled back: nothing half-stored
    finally:
        admin.dispose()


# -- SQLite ------------------------------------------------------------------------------


def test_faults_sqlite_disk_full_is_named_and_leaves_a_valid_ledger(
    mounts: Any, tmp_path: Path
) -> None:
    # ~3.5 kB a statement, stored about three times over (original, text, search index):
    # 1 MiB fills after some 80 documents
    corpus = _short_corpus(tmp_path / "corpus", 300, filler=_FILLER)
    disk = mounts.tmpfs("1m")
    db = disk / "ledger.db"
    proc = _ingest(corpus, str(db))
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    assert "the disk holding the ledger is full" in err and "(disk-full)" in err
    assert "free some space" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = _count(f"sqlite:///{db}")
    assert 0 < stored < 300
    _assert_whole(f"sqlite:///{db}", documents=stored)
    mounts.resize(disk, "64m")
    rerun = _ingest(corpus, str(db))
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert f"{300 - stored} new, {stored} unchanged" in " ".join(err.split())
    _assert_whole(f"sqlite:///{db}", documents=300)
    with Ledger.open(str(db)) as ledger:
        first, second = ledger.runs()
    assert first["status"] in ("failed", "interrupted") and second["status"] == "done"


# -- a read-only ledger ------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_faults_read_only_ledger_is_served_and_writes_get_a_clear_error(
    mounts: Any, tmp_path: Path
) -> None:
    import httpx

    folder = tmp_path / "ledger"
    folder.mkdir()
    db = folder / "ledger.db"
    built = _ingest(EXAMPLES, str(db))
    assert built.communicate(timeout=300) and built.returncode == 0
    assert not Path(f"{db}-wal").exists()  # closed cleanly: the file holds every commit
    read_only = mounts.read_only(folder) / "ledger.db"
    port = _free_port()
    serve = ["serve", "--db", str(read_only), "--port", str(port), "--write-token", "t0ken"]
    server = subprocess.Popen(
        [sys.executable, "-m", "communique", *serve, "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.communicate()[0]
            try:
                listed = httpx.get(f"{base}/api/documents", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.2)
        assert listed.status_code == 200 and listed.json()["total"] == 3
        claims = httpx.get(f"{base}/api/claims?limit=5", timeout=10)
        assert claims.status_code == 200 and claims.json()["total"] == 47
        assert httpx.get(f"{base}/search?q=trade", timeout=10).status_code == 200
        posted = httpx.post(
            f"{base}/api/documents",
            json={"text": "Jane Doe: Trade grew by 5 percent."},
            headers={"Authorization": "Bearer t0ken"},
            timeout=30,
        )
        assert posted.status_code == 403
        assert posted.json()["error"]["code"] == "read-only"
        assert "read-only" in posted.json()["error"]["message"]
        assert httpx.get(f"{base}/api/documents", timeout=2).status_code == 200  # still up
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "read-only" in output and "Traceback" not in output
    # the other commands: reads work, writes fail with one clear line
    runs = subprocess.run(
        [sys.executable, "-m", "communique", "runs", "--db", str(read_only), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert runs.returncode == 0 and '"status": "done"' in runs.stdout, runs.stderr
    ingest = _ingest(EXAMPLES / "004_a3d02d84b487bf39.txt", str(read_only))
    _, err = ingest.communicate(timeout=300)
    assert ingest.returncode == 1 and "Traceback" not in err
    assert "(read-only)" in err


def test_faults_read_only_ledger_with_a_live_wal_reads_its_last_commits(
    mounts: Any, tmp_path: Path
) -> None:
    import shutil

    from communique.api import ingest

    folder = tmp_path / "live"
    snapshot = tmp_path / "snapshot"
    folder.mkdir()
    snapshot.mkdir()
    with Ledger.open(str(folder / "ledger.db")) as writer:
        ingest([str(EXAMPLES)], ledger=writer, workers=1)
        # the files as a reader would find them while the writer is still at work
        for name in ("ledger.db", "ledger.db-wal", "ledger.db-shm"):
            shutil.copy(folder / name, snapshot / name)
    read_only = mounts.read_only(snapshot) / "ledger.db"
    with Ledger.open(str(read_only)) as ledger:
        assert ledger.readonly
        assert ledger.count()["documents"] == 3
        assert [r["status"] for r in ledger.runs()] == ["done"]
        with pytest.raises(LedgerError) as caught:
            ledger.replace_conflicts([])
    assert caught.value.reason == "read-only"


def test_faults_a_file_that_is_not_a_ledger_is_named_corrupt(tmp_path: Path) -> None:
    damaged = tmp_path / "ledger.db"
    damaged.write_bytes(b"this is not an SQLite database, just text that ended up here\n" * 100)
    with pytest.raises(LedgerError) as caught:
        Ledger.open(str(damaged))
    assert caught.value.reason == "corrupt" and caught.value.path == str(damaged)
    assert "damaged" in caught.value.message and caught.value.hint
