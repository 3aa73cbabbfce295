"""Load test of the REST API: 50 concurrent clients against `communique serve` on loopback.

Builds (or reuses) a ledger of synthetic documents with claims, written straight through
`Ledger.add_document`, starts the real server on a free port, and runs a closed loop of claim
queries for a bounded time. Prints latency percentiles per query kind as a Markdown table.

    .venv/bin/python benchmarks/load.py --documents 10000 --clients 50 --seconds 20

The ledger goes to benchmarks/results/load.db (git-ignored) and is reused when it already
holds the requested number of documents.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import httpx

from communique.models import Claim, Document, Modality, Period, Qualifier, Span, Turn
from communique.store.ledger import Ledger

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ["AA", "BB", "CC", "DD", "EE", "FF", "GG", "HH", "II", "JJ"]
SPEAKERS = [(f"Speaker {i:02d}", COUNTRIES[i % 10]) for i in range(40)]
METRICS = [f"metric_{i:03d}" for i in range(300)]
CLAIMS_PER_DOC = 5
MAX_SECONDS = 30  # the run is bounded whatever the command line says
WARMUP = 2.0  # seconds of connection set-up and first queries left out of the figures


def _document(n: int, rng: random.Random) -> Document:
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    (a, ca), (b, cb) = rng.sample(SPEAKERS, 2)
    parts: list[str] = [f"Synthetic statement {n}\n\n"]
    turns: list[Turn] = []
    claims: list[Claim] = []
    for speaker, country in ((a, ca), (b, cb)):
        parts.append(f"{speaker}: ")
        start = sum(map(len, parts))
        for _ in range(rng.randint(2, 3)):
            value = rng.randint(1, 900)
            quote = f"over ${value} billion"
            parts.append(f"Our trade in the period reached {quote} this year, as agreed. ")
            q_start = sum(map(len, parts)) - len(f"{quote} this year, as agreed. ")
            year = rng.randint(2010, 2025)
            claims.append(
                Claim(
                    quote=quote,
                    value=Decimal(value) * 10**9,
                    unit="USD",
                    qualifier=Qualifier.OVER,
                    low=Decimal(value) * 10**9,
                    metric=rng.choice(METRICS),
                    metric_phrase="trade",
                    subject=country,
                    object=cb if country == ca else ca,
                    period=Period(start=date(year, 1, 1), end=date(year, 12, 31)),
                    modality=rng.choice(list(Modality)),
                    speaker=speaker,
                    span=Span(start=q_start, end=q_start + len(quote)),
                    extractor="benchmarks.synthetic",
                )
            )
        parts.append("\n\n")
        turns.append(
            Turn(speaker=speaker, country=country, span=Span(start=start, end=sum(map(len, parts))))
        )
    text = "".join(parts)
    return Document(
        source=f"synthetic/{n:06d}.txt",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        title=f"Synthetic statement {n}",
        date=day,
        participants=(a, b),
        countries=(ca, cb),
        turns=tuple(turns),
        claims=tuple(claims[:CLAIMS_PER_DOC]),
    )


def build_ledger(db: Path, documents: int) -> float:
    """Fill `db` with `documents` synthetic documents (reused if already there); seconds spent."""
    started = time.perf_counter()
    with Ledger.open(str(db)) as ledger:
        have = ledger.count()["documents"]
        rng = random.Random(7)
        for n in range(documents):
            doc = _document(n, rng)  # always drawn, so document n is the same on every run
            if n >= have:
                ledger.add_document(doc)
    return time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _queries(rng: random.Random, documents: int, claims: int) -> tuple[str, str]:
    """One claim query as (kind, path), mixing the filters the UI and API clients use."""
    kind = rng.choice(["metric", "speaker", "country", "document", "period", "id", "page"])
    if kind == "metric":
        return kind, f"/api/claims?metric={rng.choice(METRICS)}&limit=50"
    if kind == "speaker":
        name = rng.choice(SPEAKERS)[0].replace(" ", "%20")
        return kind, f"/api/claims?speaker={name}&limit=50&offset={rng.randrange(0, 500, 50)}"
    if kind == "country":
        return kind, f"/api/claims?country={rng.choice(SPEAKERS)[1]}&limit=50"
    if kind == "document":
        return kind, f"/api/claims?document={rng.randint(1, documents)}"
    if kind == "period":
        year = rng.randint(2010, 2025)
        return kind, f"/api/claims?since={year}-01-01&until={year}-12-31&limit=50"
    if kind == "id":
        return kind, f"/api/claims/{rng.randint(1, claims)}"
    return kind, f"/api/claims?limit=50&offset={rng.randrange(0, claims - 50)}"


async def _client(
    url: str,
    seconds: float,
    seed: int,
    documents: int,
    claims: int,
    out: list[tuple[str, float, int]],
    think: float,
) -> None:
    """One client: a query, its answer, then a pause of about `think` seconds (0: none)."""
    rng = random.Random(seed)
    begin = time.perf_counter()
    deadline = begin + seconds
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        await asyncio.sleep(rng.uniform(0, max(think, 0.5)))  # clients arrive spread out
        while time.perf_counter() < deadline:
            kind, path = _queries(rng, documents, claims)
            started = time.perf_counter()
            response = await client.get(path)
            if started - begin >= WARMUP:
                out.append((kind, time.perf_counter() - started, response.status_code))
            if think:
                await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))


async def run_load(
    url: str, *, clients: int, seconds: float, documents: int, claims: int, think: float = 0
) -> list[tuple[str, float, int]]:
    out: list[tuple[str, float, int]] = []
    await asyncio.gather(
        *(_client(url, seconds, i, documents, claims, out, think) for i in range(clients))
    )
    return out


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(results: list[tuple[str, float, int]], seconds: float) -> str:
    rows = [
        "| queries | requests | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    kinds = sorted({k for k, _, _ in results})
    for kind in [*kinds, "all"]:
        chosen = [(t, s) for k, t, s in results if kind in ("all", k)]
        times = [t for t, _ in chosen]
        errors = sum(1 for _, s in chosen if s >= 400)
        rows.append(
            f"| {kind} | {len(times)} | {_ms(times, 0.5):.1f} | {_ms(times, 0.95):.1f} "
            f"| {_ms(times, 0.99):.1f} | {errors} |"
        )
    rate = len(results) / (seconds - WARMUP)
    mean = statistics.fmean(t for _, t, _ in results) * 1000
    return (
        "\n".join(rows)
        + f"\n\n{len(results)} requests in {seconds - WARMUP:.0f} s: "
        + f"{rate:.0f} req/s, mean {mean:.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks" / "results" / "load.db")
    parser.add_argument(
        "--think", type=float, default=0, help="Mean pause between a client's requests (s)."
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="communique serve --workers (default: its own)"
    )
    parser.add_argument("--p95-ms", type=float, default=100, help="Fail above this p95.")
    args = parser.parse_args()
    seconds = min(args.seconds, MAX_SECONDS)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    built = build_ledger(args.db, args.documents)
    with Ledger.open(str(args.db)) as ledger:
        counts = ledger.count()
    print(f"ledger {args.db}: {counts} (ready in {built:.1f} s)", file=sys.stderr)
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "communique",
            "serve",
            "--db",
            str(args.db),
            "--port",
            str(port),
            *(["--workers", str(args.workers)] if args.workers else []),
        ],
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(url + "/api/claims?limit=1", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        results = asyncio.run(
            run_load(
                url,
                clients=args.clients,
                seconds=seconds,
                documents=counts["documents"],
                claims=counts["claims"],
                think=args.think,
            )
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(report(results, seconds))
    p95 = _ms([t for _, t, _ in results], 0.95)
    errors = sum(1 for _, _, s in results if s >= 400)
    return 0 if p95 < args.p95_ms and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
