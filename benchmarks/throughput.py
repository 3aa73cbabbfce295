"""End-to-end throughput of claim extraction on one core, and quantulum3's on the same text.

Builds a corpus of at least --mb megabytes (default 20) in benchmarks/corpus/ by repeating the
example corpus and our test statements with small variations (every figure shifted, a copy
number in the title), then times, pinned to one CPU with BLAS threads off:

1. read_documents → process_document (describe, segment, extract) one file at a time;
2. read_documents → process_documents, --batch documents at a time (one spaCy stream);
3. communique.ingest into a new SQLite ledger with one worker: reading, the pipeline in
   batches, one transaction per document, then reconciliation (unless --no-ingest);
4. quantulum3's `parser.parse` over a sample of the same documents, in the same process.

    .venv/bin/python benchmarks/throughput.py [--mb 20] [--sample-kb 200] [--batch 64]
                                              [--claims-only]

`--claims-only` switches agreements and commitments off (their extraction and their
follow-up in reconciliation), so that the same code gives the claims-only figure beside the
full one: run both in one session, one after the other, to see what the entries cost.

Throughput is characters per CPU-second of this process (time.process_time), which is
per-core figure even on a busy machine; wall-clock is printed beside it.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

# One core: no BLAS threads behind the parser's back. Set before spaCy (and numpy) are
# imported, which happens inside the measuring functions.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
SOURCES = sorted((ROOT / "examples" / "corpus").glob("*.txt")) + sorted(
    (ROOT / "tests" / "statements").glob("*/*.txt")
)
_FIGURE = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?(?![\d,])")


def _vary(text: str, rng: random.Random, copy: int) -> str:
    """The same statement with every small figure nudged, so that no two copies are equal."""

    def nudge(m: re.Match[str]) -> str:
        raw = m.group()
        if len(raw) == 4 and raw.startswith(("19", "20")):
            return raw  # years stay years
        if "." in raw:
            whole, frac = raw.split(".")
            return f"{int(whole) + rng.randint(0, 3)}.{frac}"
        return str(int(raw) + rng.randint(0, 3))

    return f"Copy {copy}\n" + _FIGURE.sub(nudge, text)


def build_corpus(megabytes: float) -> list[Path]:
    """Write the varied copies; returns their paths."""
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    CORPUS.mkdir(parents=True)
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    rng = random.Random(20241127)
    target = int(megabytes * 1_000_000)
    written, copy, paths = 0, 0, []
    while written < target:
        for source, text in zip(SOURCES, texts, strict=True):
            path = CORPUS / f"{copy:05d}_{source.stem}.txt"
            varied = _vary(text, rng, copy)
            path.write_text(varied, encoding="utf-8")
            paths.append(path)
            written += len(varied)
        copy += 1
    return paths


def measure_pipeline(paths: list[Path]) -> tuple[int, int, float, float]:
    """(documents, characters, CPU seconds, wall seconds) for read → process_document."""
    from communique.pipeline import process_document
    from communique.read import read_documents

    process_document(next(iter(read_documents([str(paths[0])]))))  # type: ignore[arg-type]
    docs = chars = claims = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for raw in read_documents([str(p) for p in paths]):
        if isinstance(raw, Exception):
            raise raw
        doc = process_document(raw)
        docs += 1
        chars += len(raw.text)
        claims += len(doc.claims)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"claims found: {claims}")
    return docs, chars, cpu, wall


def measure_batched(paths: list[Path], batch: int) -> tuple[int, float]:
    """(characters, CPU seconds) for read → `process_documents`, `batch` documents at a time
    (claims of the whole batch extracted in one spaCy stream)."""
    from communique.read import read_documents

    try:
        from communique.pipeline import process_documents
    except ImportError:  # before the pipeline had a batch entry point
        process_documents = _batched_by_hand

    chars = 0
    cpu = time.process_time()
    pending = []
    for raw in read_documents([str(p) for p in paths]):
        if isinstance(raw, Exception):
            raise raw
        pending.append(raw)
        chars += len(raw.text)
        if len(pending) == batch:
            process_documents(pending)
            pending = []
    process_documents(pending)
    return chars, time.process_time() - cpu


def _batched_by_hand(raws: list[Any]) -> list[Any]:
    from communique.describe import complete_description, describe_document
    from communique.extract import extract_claims_batch
    from communique.pipeline import default_registry
    from communique.segment import segment_document

    registry = default_registry()
    pending = []
    for raw in raws:
        description = describe_document(raw, registry=registry)
        parts = segment_document(raw.text, registry=registry, description=description)
        description = complete_description(description, parts.turns, registry=registry)
        pending.append((raw.text, parts.turns, description, parts.voices))
    return list(extract_claims_batch(pending))


def measure_ingest(paths: list[Path]) -> tuple[int, float, float, float]:
    """(characters, CPU seconds to the last document stored, CPU seconds in all, wall seconds)
    for `communique.ingest` of the corpus into a new SQLite ledger in one process: reading,
    the pipeline, one transaction per document, then reconciliation."""
    import communique

    stored = [0.0]
    cpu = time.process_time()

    def progress(event: str, _done: int, _total: int) -> None:
        if event == "stored":
            stored[0] = time.process_time()

    with tempfile.TemporaryDirectory() as tmp:
        wall = time.perf_counter()
        summary = communique.ingest(
            [str(CORPUS)], db=str(Path(tmp) / "ledger.db"), workers=1, progress=progress
        )
        end, wall = time.process_time(), time.perf_counter() - wall
    if summary.failed:
        raise SystemExit(f"ingest: {summary.failed} documents failed")
    chars = sum(len(_normalised(p)) for p in paths)
    print(
        f"ingest: {summary.new} documents, {summary.claims} claims, {summary.conflicts} conflicts"
    )
    return chars, stored[0] - cpu, end - cpu, wall


def _normalised(path: Path) -> str:
    from communique.read import read_documents

    raw = next(iter(read_documents([str(path)])))
    if isinstance(raw, Exception):
        raise raw
    return raw.text


def measure_quantulum(paths: list[Path], sample_chars: int) -> tuple[int, float]:
    """(characters, CPU seconds) for quantulum3 on the first documents up to sample_chars."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse("warm up with 5 billion dollars")
        chars = 0
        cpu = time.process_time()
        for path in paths:
            if chars >= sample_chars:
                break
            text = path.read_text(encoding="utf-8")
            parser.parse(text)
            chars += len(text)
        return chars, time.process_time() - cpu


def _claims_only() -> None:
    """The pipeline as it was before agreements and commitments: neither extracted nor
    followed up (the rest of the code is the same)."""
    import communique.pipeline
    import communique.reconcile

    communique.pipeline.extract_entries = lambda *a, **k: ([], [])  # type: ignore[assignment]
    communique.reconcile._follow_up = lambda ledger: 0  # type: ignore[assignment]
    print("claims only: agreements and commitments switched off")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in megabytes")
    ap.add_argument("--sample-kb", type=float, default=200.0, help="quantulum3 sample size")
    ap.add_argument("--batch", type=int, default=64, help="documents per process_documents")
    ap.add_argument("--no-ingest", action="store_true", help="skip the ingest measurement")
    ap.add_argument(
        "--claims-only", action="store_true", help="no agreements or commitments (the baseline)"
    )
    args = ap.parse_args(argv)
    if args.claims_only:
        _claims_only()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    paths = build_corpus(args.mb)
    size = sum(p.stat().st_size for p in paths)
    print(f"corpus: {len(paths)} documents, {size / 1e6:.1f} MB in {CORPUS}")
    docs, chars, cpu, wall = measure_pipeline(paths)
    ours = chars / cpu
    print(f"communique: {docs} documents, {chars} chars, {cpu:.1f} CPU s ({wall:.1f} s wall)")
    print(f"communique: {ours:,.0f} chars/s/core ({chars / wall:,.0f} chars/s wall)")
    b_chars, b_cpu = measure_batched(paths, args.batch)
    print(
        f"communique, process_documents in batches of {args.batch}: "
        f"{b_chars / b_cpu:,.0f} chars/s/core"
    )
    if not args.no_ingest:
        i_chars, i_stored, i_cpu, i_wall = measure_ingest(paths)
        print(
            f"communique.ingest into SQLite: {i_cpu:.1f} CPU s ({i_wall:.1f} s wall), "
            f"{i_chars / i_stored:,.0f} chars/s/core to the last document stored, "
            f"{i_chars / i_cpu:,.0f} with reconciliation"
        )
    q_chars, q_cpu = measure_quantulum(paths, int(args.sample_kb * 1000))
    theirs = q_chars / q_cpu
    print(f"quantulum3: {q_chars} chars, {q_cpu:.1f} CPU s: {theirs:,.0f} chars/s/core")
    print(f"ratio: {ours / theirs:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
