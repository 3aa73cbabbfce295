"""Build a large archive of distinct statements from the real ones in ../shared/corpus/real/.

Variant `v` of statement `s` is a window of whole paragraphs of `s` (up to `--chars`
characters, starting at a paragraph that depends on `v`), with every year from 1950 to 2049 in
its text and date moved `v % 11` years later, under the id `s~v`. Windows keep speaker labels
and figures as the statements wrote them; moving years spreads the copies of a figure over
different periods instead of stacking them on one, as an archive of several decades would. A
variant equal to one already written (a short statement has few windows) gets the next
variant's shift instead, so no two documents are the same text.

    .venv/bin/python benchmarks/archive.py --documents 100000 --out benchmarks/corpus/archive

writes JSONL parts of `--per-file` documents each (git-ignored: benchmarks/corpus/). Never
commit the output: it is made of the shared real statements.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_SHIFTS = 11


def _statements() -> list[dict[str, object]]:
    found = []
    for path in sorted(REAL.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if isinstance(record.get("text"), str) and record["text"].strip():
                    found.append(record)
    return found


def _window(text: str, variant: int, chars: int) -> str:
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    start = (variant * 3) % len(paragraphs)
    taken: list[str] = []
    size = 0
    for paragraph in paragraphs[start:] + paragraphs[:start]:
        if taken and size + len(paragraph) > chars:
            break
        taken.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(taken)


def _shift(value: str, years: int) -> str:
    return _YEAR.sub(lambda m: str(int(m[1]) + years), value) if years else value


def variants(count: int, *, chars: int) -> Iterator[dict[str, object]]:
    statements = _statements()
    seen: set[str] = set()
    for n in range(count):
        record = statements[n % len(statements)]
        variant = n // len(statements)
        base = _window(str(record["text"]), variant, chars)
        for extra in range(_SHIFTS * 50):
            years = (variant + extra) % _SHIFTS
            text = _shift(base, years)
            if extra >= _SHIFTS:
                text += f"\n\n(Archive copy {variant}.{extra}.)"
            digest = hashlib.sha256(text.encode()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                break
        else:  # pragma: no cover - would need one text repeated hundreds of times
            raise RuntimeError(f"no distinct variant for {record['id']}")
        date = record.get("date")
        yield {
            "id": f"{record['id']}~{variant}",
            "title": record.get("title"),
            "date": _shift(str(date), years) if date else None,
            "url": record.get("url"),
            "text": text,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--chars", type=int, default=2000, help="longest window, in characters")
    parser.add_argument("--per-file", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "corpus" / "archive")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("part-*.jsonl"):
        old.unlink()
    part = None
    total = 0
    for n, record in enumerate(variants(args.documents, chars=args.chars)):
        if n % args.per_file == 0:
            if part:
                part.close()
            part = (args.out / f"part-{n // args.per_file:04d}.jsonl").open("w", encoding="utf-8")
        assert part is not None
        part.write(json.dumps(record, ensure_ascii=False) + "\n")
        total += len(str(record["text"]))
    if part:
        part.close()
    print(f"{args.documents} documents, {total:,} characters of text → {args.out}")


if __name__ == "__main__":
    main()
