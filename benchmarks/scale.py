"""Archive scale on PostgreSQL, locally and on a two-node Ray cluster on this machine.

Subcommands (each prints one JSON object; benchmarks/README.md has the figures and commands):

    ingest  --db URL ARCHIVE... [--executor ray --address A] [--workers N]
            ingest into the ledger, recording wall time, CPU time, documents and characters per
            second (per worker core), the peak memory of every process (driver, pool or Ray
            workers, Ray's own daemons) and the time of the reconcile at the end
    cluster --seconds S       start `ray start --head` + `ray start --address` (one CPU each) on
                              loopback addresses, print the address, keep them up for S seconds
    one-more --db URL         ingest one new statement into the ledger with the CLI, end to end
    api     --db URL          `communique serve` + wrk, 50 connections: p50/p95 per query kind
    size    --db URL          documents, claims, conflicts, metric keys and bytes on disk

Build the archive first with benchmarks/archive.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

import communique
from communique.scale.executor import make_executor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "scale"))

from raycluster import start_cluster  # noqa: E402  (shared with the tests' fixture)

PAGE_SIZE = 4096


# -- memory -------------------------------------------------------------------------------


def _peak_kib(pid: int) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(found[1]) if found else None


def _name(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    words = [w.decode(errors="replace") for w in raw if w]
    if not words:
        return "?"
    if words[0].startswith("ray::"):
        return words[0]  # a Ray worker names itself by what it runs
    return " ".join(Path(w).name if i == 0 else w for i, w in enumerate(words[:3]))


def _descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int(re.search(r"^PPid:\s+(\d+)", (entry / "status").read_text(), re.M)[1])  # type: ignore[index]
        except (OSError, TypeError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [root]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


class MemoryWatch:
    """Samples the peak resident memory (VmHWM) of a set of process trees every second."""

    def __init__(self, roots: list[int]) -> None:
        self.roots = roots
        self.peaks: dict[int, tuple[str, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.sample()
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            self.sample()

    def sample(self) -> None:
        pids = set(self.roots)
        for root in self.roots:
            pids |= _descendants(root)
        for pid in pids:
            peak = _peak_kib(pid)
            if peak is not None:
                name = _name(pid)
                if name.startswith("ps ") or name.startswith("pgrep"):
                    continue
                self.peaks[pid] = (name, max(peak, self.peaks.get(pid, ("", 0))[1]))

    def summary(self) -> list[dict[str, Any]]:
        rows = sorted(self.peaks.items(), key=lambda kv: -kv[1][1])
        return [
            {"pid": pid, "process": name, "peak_mib": round(kib / 1024, 1)}
            for pid, (name, kib) in rows
        ]


# -- ingest -------------------------------------------------------------------------------


def _ray_roots() -> list[int]:
    """The `ray start` processes on this machine that this script started (see `cluster`)."""
    listed = os.environ.get("BENCH_RAY_PIDS", "")
    return [int(p) for p in listed.split(",") if p]


def cmd_ingest(args: argparse.Namespace) -> dict[str, Any]:
    executor = (
        make_executor("ray", address=args.address, workers=args.workers)
        if args.executor == "ray"
        else None
    )
    marks: dict[str, float] = {}

    def progress(event: str, done: int, total: int) -> None:
        if event == "stored":
            marks["last_stored"] = time.perf_counter()

    load_before = os.getloadavg()
    cpu0 = os.times()
    t0 = time.perf_counter()
    with MemoryWatch([os.getpid(), *_ray_roots()]) as memory:
        summary = communique.ingest(
            args.archive,
            db=args.db,
            workers=args.workers,
            executor=executor,
            batch_size=args.batch_size,
            progress=progress,
        )
    wall = time.perf_counter() - t0
    cpu1 = os.times()
    engine = create_engine(args.db)
    with engine.connect() as conn:
        chars = conn.execute(
            text("SELECT coalesce(sum(length(text)), 0) FROM documents")
        ).scalar_one()
        docs = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
    engine.dispose()
    workers = args.workers or os.cpu_count() or 1
    stored_at = marks.get("last_stored", t0 + wall) - t0
    return {
        "executor": args.executor,
        "workers": workers,
        "summary": {
            k: getattr(summary, k)
            for k in ("read", "new", "unchanged", "failed", "claims", "conflicts")
        },
        "ledger_documents": docs,
        "ledger_characters": chars,
        "wall_s": round(wall, 1),
        "to_last_stored_s": round(stored_at, 1),
        "reconcile_s": round(wall - stored_at, 2),
        "documents_per_s": round(summary.new / stored_at, 1),
        "characters_per_s": round(chars / stored_at),
        "characters_per_s_per_worker": round(chars / stored_at / workers),
        "driver_cpu_s": round(cpu1.user - cpu0.user + cpu1.system - cpu0.system, 1),
        "children_cpu_s": round(
            cpu1.children_user - cpu0.children_user + cpu1.children_system - cpu0.children_system, 1
        ),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "peak_memory": memory.summary()[:12],
    }


# -- cluster ------------------------------------------------------------------------------


def _exit_on_term(_signum: int, _frame: object) -> None:
    raise SystemExit(0)


def cmd_cluster(args: argparse.Namespace) -> dict[str, Any]:
    signal.signal(signal.SIGTERM, _exit_on_term)  # so that the cluster's stop() runs
    cluster = start_cluster(Path(tempfile.mkdtemp(prefix="bench-ray-")), nodes=args.nodes)
    print(
        json.dumps({"address": cluster.address, "pids": [p.pid for p in cluster.processes]}),
        flush=True,
    )
    try:
        time.sleep(args.seconds)
    finally:
        cluster.stop()
    return {"stopped": cluster.address}


# -- one more document --------------------------------------------------------------------


def cmd_one_more(args: argparse.Namespace) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="bench-one-"))
    doc = folder / f"one-more-{time.time_ns()}.txt"
    seed = (ROOT / "examples" / "corpus" / "004_a3d02d84b487bf39.txt").read_text(encoding="utf-8")
    doc.write_text(f"{seed}\nOne more statement, {time.time_ns()}.\n", encoding="utf-8")
    cli = str(Path(sys.executable).with_name("communique"))
    if args.api:
        return _one_more_by_api(args.db, seed, cli)
    t0 = time.perf_counter()
    done = subprocess.run(
        [cli, "ingest", str(doc), "--db", args.db, "-q"], capture_output=True, text=True
    )
    wall = time.perf_counter() - t0
    shutil.rmtree(folder)
    t0 = time.perf_counter()
    help_run = subprocess.run([cli, "--help"], capture_output=True)
    startup = time.perf_counter() - t0
    return {
        "wall_s": round(wall, 2),
        "cli_start_s": round(startup, 2),
        "returncode": done.returncode,
        "output": done.stderr.strip()[-300:],
        "help_returncode": help_run.returncode,
    }


def _one_more_by_api(db: str, seed: str, cli: str) -> dict[str, Any]:
    """POST new statements to a running `communique serve` (model loaded by a first POST):
    what adding one statement costs a server, reconcile included."""
    import httpx

    port = _free_port()
    token = "bench-token"
    server = subprocess.Popen(
        [cli, "serve", "--db", db, "--port", str(port), "--write-token", token],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {token}"}
    times = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/api/claims?limit=1", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        for i in range(6):
            body = {"id": f"one-more-{time.time_ns()}", "text": f"{seed}\nPosted {time.time_ns()}."}
            t0 = time.perf_counter()
            response = httpx.post(base + "/api/documents", json=body, headers=headers, timeout=120)
            elapsed = time.perf_counter() - t0
            response.raise_for_status()
            if i:  # the first POST loads the model
                times.append(round(elapsed, 3))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return {"post_s": times, "load_average": os.getloadavg()}


# -- API under load -----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _paths(db: str, kind: str, count: int) -> list[str]:
    """Request paths of one kind, drawn from what the ledger holds."""
    engine = create_engine(db)
    with engine.connect() as conn:

        def col(sql: str) -> list[Any]:
            return [r[0] for r in conn.execute(text(sql))]

        import random

        rng = random.Random(7)
        if kind == "claim":
            ids = col("SELECT id FROM claims ORDER BY random() LIMIT 5000")
            metrics = col(
                "SELECT metric FROM claims GROUP BY metric ORDER BY count(*) DESC LIMIT 2000"
            )
            speakers = col(
                "SELECT speaker FROM claims GROUP BY speaker ORDER BY count(*) DESC LIMIT 500"
            )
            countries = col("SELECT subject FROM claims WHERE subject IS NOT NULL GROUP BY subject")
            docs = col("SELECT id FROM documents ORDER BY random() LIMIT 5000")
            top = max(ids)
            paths = []
            for i in range(count):
                k = i % 6
                if k == 0:
                    paths.append(f"/api/claims/{rng.choice(ids)}")
                elif k == 1:
                    paths.append(f"/api/claims?metric={_q(rng.choice(metrics))}&limit=50")
                elif k == 2:
                    paths.append(f"/api/claims?speaker={_q(rng.choice(speakers))}&limit=50")
                elif k == 3:
                    paths.append(f"/api/claims?document={rng.choice(docs)}")
                elif k == 4:
                    paths.append(f"/api/claims?country={rng.choice(countries)}&limit=50")
                else:  # a deep page through the `next` link's keyset
                    paths.append(f"/api/claims?limit=50&after={rng.randrange(top)}")
        elif kind == "metric":
            metrics = col(
                "SELECT metric FROM claims GROUP BY metric ORDER BY count(*) DESC LIMIT 2000"
            )
            paths = [
                f"/api/metrics/{_q(rng.choice(metrics))}"
                if i % 2
                else f"/api/metrics?limit=50&offset={rng.randrange(0, 500)}"
                for i in range(count)
            ]
        elif kind == "conflict":
            metrics = col("SELECT metric FROM conflicts GROUP BY metric LIMIT 2000")
            top = conn.execute(text("SELECT coalesce(max(id), 1) FROM conflicts")).scalar_one()
            paths = [
                f"/api/conflicts?metric={_q(rng.choice(metrics))}&limit=50"
                if i % 2
                else f"/api/conflicts?limit=50&after={rng.randrange(top)}"
                for i in range(count)
            ]
        else:
            words = [
                "trade",
                "investment",
                "energy",
                "security",
                "climate",
                "billion",
                "nuclear",
                "agreement",
                "health",
                "education",
                "oil gas",
                "ukraine",
                "china",
                "pipeline",
                "sanctions",
                "tariffs",
                "vaccine",
                "refugees",
                "inflation",
                "jobs",
            ]
            paths = [f"/api/search?q={_q(rng.choice(words))}&limit=20" for _ in range(count)]
    engine.dispose()
    return paths


def _q(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


_LUA = """
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local n = 0
function setup(thread) n = n + 1; thread:set("offset", n * 7919) end
function init(args) i = offset end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %d %d %.3f %.3f %.3f\\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def cmd_api(args: argparse.Namespace) -> dict[str, Any]:
    port = _free_port()
    cli = str(Path(sys.executable).with_name("communique"))
    server = subprocess.Popen(
        [cli, "serve", "--db", args.db, "--port", str(port), "--workers", str(args.server_workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    folder = Path(tempfile.mkdtemp(prefix="bench-api-"))
    results: dict[str, Any] = {"load_average_before": os.getloadavg()}
    try:
        import httpx

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/api/claims?limit=1", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        script = folder / "paths.lua"
        script.write_text(_LUA)
        for kind in args.kinds:
            paths = _paths(args.db, kind, 20000)
            (folder / f"{kind}.txt").write_text("\n".join(paths) + "\n")
            bad = [p for p in paths[:30] if httpx.get(base + p, timeout=30).status_code != 200]
            env = {**os.environ, "BENCH_PATHS": str(folder / f"{kind}.txt")}
            wrk = [
                "wrk",
                "-t2",
                f"-c{args.connections}",
                "--timeout",
                "10s",
                "-s",
                str(script),
                base,
            ]
            subprocess.run([*wrk[:-1], "-d3s", base], env=env, capture_output=True)  # warm-up
            out = subprocess.run(
                [*wrk[:-1], f"-d{args.seconds}s", base], env=env, capture_output=True, text=True
            )
            line = next((ln for ln in out.stdout.splitlines() if ln.startswith("RESULT")), "")
            if not line:
                results[kind] = {"error": out.stdout[-500:] + out.stderr[-500:]}
                continue
            requests, errors, p50, p95, p99 = line.split()[1:]
            results[kind] = {
                "requests": int(requests),
                "req_per_s": round(int(requests) / args.seconds),
                "errors": int(errors),
                "non_200_in_sample": bad[:3],
                "p50_ms": float(p50),
                "p95_ms": float(p95),
                "p99_ms": float(p99),
            }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(folder)
    results["load_average_after"] = os.getloadavg()
    return results


# -- replicate ----------------------------------------------------------------------------


def cmd_replicate(args: argparse.Namespace) -> dict[str, Any]:
    """Copy every document already ingested (with its turns and claims, as the pipeline stored
    them) under new sources until the ledger holds `--documents`, all left unreconciled: a
    ledger of the target size for the query and reconcile figures, built in minutes where
    ingesting it would take hours on this shared box. PostgreSQL only."""
    engine = create_engine(args.db)
    t0 = time.perf_counter()
    with engine.begin() as conn:
        first = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
        top = conn.execute(text("SELECT max(id) FROM documents")).scalar_one()
        doc_cols = (
            "format, title, date, place, publisher, url, participants, countries, text, "
            "original, stages, run_id, ingested_at"
        )
        turn_cols = 'seq, speaker, label, role, country, start, "end"'
        claim_cols = (
            "quote, value, value_text, unit, qualifier, low, high, metric, metric_auto, "
            "metric_phrase, subject, object, period_start, period_end, as_of, modality, "
            'speaker, start, "end", sentence_start, sentence_end, extractor'
        )
        copies = 0
        have = first
        while have < args.documents:
            copies += 1
            take = min(first, args.documents - have)
            suffix = f"#copy{copies}"
            conn.execute(
                text(
                    f"INSERT INTO documents (source, content_hash, reconciled, {doc_cols}) "
                    f"SELECT source || :suffix, encode(sha256(convert_to(content_hash || :suffix, "
                    f"'UTF8')), 'hex'), false, {doc_cols} FROM documents "
                    "WHERE id <= :top ORDER BY id LIMIT :take"
                ),
                {"suffix": suffix, "top": top, "take": take},
            )
            conn.execute(
                text(
                    "CREATE TEMP TABLE copy_map ON COMMIT DROP AS SELECT o.id AS old, n.id AS new "
                    "FROM documents o JOIN documents n ON n.source = o.source || :suffix "
                    "WHERE o.id <= :top"
                ),
                {"suffix": suffix, "top": top},
            )
            conn.execute(
                text(
                    f"INSERT INTO turns (document_id, {turn_cols}) SELECT m.new, {turn_cols} "
                    "FROM turns t JOIN copy_map m ON t.document_id = m.old ORDER BY t.id"
                )
            )
            conn.execute(
                text(
                    f"INSERT INTO claims (document_id, {claim_cols}) SELECT m.new, {claim_cols} "
                    "FROM claims c JOIN copy_map m ON c.document_id = m.old ORDER BY c.id"
                )
            )
            conn.execute(text("DROP TABLE copy_map"))
            have += take
        conn.execute(text("UPDATE ledger_state SET generation = generation + 1"))
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
    engine.dispose()
    return {
        "ingested": first,
        "documents": have,
        "copies": copies,
        "seconds": round(time.perf_counter() - t0, 1),
    }


def cmd_reconcile(args: argparse.Namespace) -> dict[str, Any]:
    """`communique reconcile` (everything) with the CLI, timed, with its peak memory."""
    cli = str(Path(sys.executable).with_name("communique"))
    t0 = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", cli, "reconcile", "--db", args.db],
        capture_output=True,
        text=True,
    )
    return {
        "wall_s": round(time.perf_counter() - t0, 1),
        "peak_mib": round(int(done.stderr.strip().splitlines()[-1]) / 1024),
        "output": done.stdout.strip()[-400:],
    }


# -- cost per request --------------------------------------------------------------------


def cmd_cost(args: argparse.Namespace) -> dict[str, Any]:
    """CPU per request of each kind, the app called in this process (no HTTP server, no
    network), plus the PostgreSQL backend's CPU for the same requests: what a request costs
    whatever else the box runs. Best of three rounds of `--requests` requests per kind."""
    import warnings

    warnings.filterwarnings("ignore")
    from fastapi.testclient import TestClient

    from communique.serve.app import create_app

    out: dict[str, Any] = {}
    with TestClient(create_app(args.db)) as client:
        for kind in args.kinds:
            paths = _paths(args.db, kind, args.requests)
            for path in paths[:20]:
                client.get(path)  # warm: statements prepared, counts cached as a server would
            rounds = []
            for _ in range(3):
                backends = _backend_cpu()
                t0, c0 = time.perf_counter(), time.process_time()
                for path in paths:
                    response = client.get(path)
                    assert response.status_code == 200, (path, response.status_code)
                app_cpu = time.process_time() - c0
                wall = time.perf_counter() - t0
                db_cpu = _backend_cpu() - backends
                rounds.append((app_cpu + db_cpu, app_cpu, db_cpu, wall))
            best = min(rounds)
            n = len(paths)
            out[kind] = {
                "requests": n,
                "cpu_ms": round(best[0] / n * 1000, 2),
                "app_cpu_ms": round(best[1] / n * 1000, 2),
                "postgres_cpu_ms": round(best[2] / n * 1000, 2),
                "wall_ms": round(best[3] / n * 1000, 2),
            }
    out["load_average"] = os.getloadavg()
    return out


def _backend_cpu() -> float:
    """CPU seconds used so far by every PostgreSQL process (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        if name.startswith("postgres"):
            fields = stat[stat.rindex(")") + 2 :].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


# -- size ---------------------------------------------------------------------------------


def cmd_size(args: argparse.Namespace) -> dict[str, Any]:
    engine = create_engine(args.db)
    with engine.connect() as conn:

        def one(sql: str) -> Any:
            return conn.execute(text(sql)).scalar_one()

        out = {
            "documents": one("SELECT count(*) FROM documents"),
            "characters": one("SELECT sum(length(text)) FROM documents"),
            "turns": one("SELECT count(*) FROM turns"),
            "claims": one("SELECT count(*) FROM claims"),
            "metric_keys": one("SELECT count(DISTINCT metric) FROM claims"),
            "conflicts": one("SELECT count(*) FROM conflicts"),
        }
        if engine.dialect.name == "postgresql":
            out["database_mib"] = round(one("SELECT pg_database_size(current_database())") / 2**20)
            rows = conn.execute(
                text(
                    "SELECT relname, pg_total_relation_size(relid) FROM pg_statio_user_tables "
                    "ORDER BY 2 DESC LIMIT 6"
                )
            )
            out["largest_tables_mib"] = {name: round(size / 2**20) for name, size in rows}
    engine.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest")
    ingest.add_argument("archive", nargs="+")
    ingest.add_argument("--db", required=True)
    ingest.add_argument("--executor", choices=["local", "ray"], default="local")
    ingest.add_argument("--address")
    ingest.add_argument("--workers", type=int)
    ingest.add_argument("--batch-size", type=int, default=32)
    cluster = sub.add_parser("cluster")
    cluster.add_argument("--seconds", type=float, default=3600)
    cluster.add_argument("--nodes", type=int, default=2)
    one = sub.add_parser("one-more")
    one.add_argument("--db", required=True)
    one.add_argument("--api", action="store_true", help="POST to a running server instead")
    api = sub.add_parser("api")
    api.add_argument("--db", required=True)
    api.add_argument("--kinds", nargs="+", default=["claim", "metric", "conflict", "search"])
    api.add_argument("--connections", type=int, default=50)
    api.add_argument("--seconds", type=int, default=20)
    api.add_argument("--server-workers", type=int, default=2)
    replicate = sub.add_parser("replicate")
    replicate.add_argument("--db", required=True)
    replicate.add_argument("--documents", type=int, default=100_000)
    rec = sub.add_parser("reconcile")
    rec.add_argument("--db", required=True)
    cost = sub.add_parser("cost")
    cost.add_argument("--db", required=True)
    cost.add_argument("--kinds", nargs="+", default=["claim", "metric", "conflict", "search"])
    cost.add_argument("--requests", type=int, default=300)
    size = sub.add_parser("size")
    size.add_argument("--db", required=True)
    args = parser.parse_args()
    commands = {
        "ingest": cmd_ingest,
        "cluster": cmd_cluster,
        "one-more": cmd_one_more,
        "api": cmd_api,
        "size": cmd_size,
        "replicate": cmd_replicate,
        "reconcile": cmd_reconcile,
        "cost": cmd_cost,
    }
    print(json.dumps(commands[args.command](args), default=str), flush=True)


if __name__ == "__main__":
    main()
