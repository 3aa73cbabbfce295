"""Score the project on real statements with the shared scorer, as a user's files would be read.

    python scripts/eval_real.py shared              # ../shared/corpus/real/gold vs ../shared/eval
    python scripts/eval_real.py claims-dev          # our own gold (tests/eval/real/), one part
    python scripts/eval_real.py documents-aside -v  # -v lists misses and spurious records

Sets: `shared`, `seeds`, `<set>-<part>` for each gold set of tests/eval/real/selection.json
(documents, claims, entries) and part (dev, aside), and `conflicts-<part>`: every statement the
judged findings in tests/eval/real/conflicts.<part>.json name, scored as one ledger. The raw
files are written to a temporary folder outside the checkout, ingested with `python -m
communique` into a temporary SQLite ledger, exported, and scored with ../shared/eval/score.py
for every kind that has gold.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "eval" / "real"
SCORER = SHARED / "eval" / "score.py"
KINDS = {  # gold set → the kinds it scores, with their gold file names per part
    "documents": {"documents": "documents.{part}.json"},
    "claims": {"claims": "claims.{part}.jsonl"},
    "entries": {"agreements": "agreements.{part}.jsonl", "commitments": "commitments.{part}.jsonl"},
}


def _materialise(name: str, folder: Path) -> dict[str, Path]:
    """Write the set's raw files into `folder`; return {kind: gold file}."""
    if name == "shared":
        for path in (SHARED / "corpus" / "real" / "gold").iterdir():
            shutil.copy(path, folder / path.name)
        return {
            "documents": SHARED / "eval" / "real.documents.json",
            "claims": SHARED / "eval" / "real.claims.jsonl",
        }
    if name == "seeds":
        for path in (SHARED / "corpus" / "seeds").iterdir():
            shutil.copy(path, folder / path.name)
        ev = SHARED / "eval"
        return {
            "documents": ev / "seeds.documents.json",
            "claims": ev / "seeds.claims.jsonl",
            "conflicts": ev / "seeds.findings.json",
            "agreements": ev / "seeds.agreements.jsonl",
            "commitments": ev / "seeds.commitments.jsonl",
        }
    sys.path.insert(0, str(ROOT / "scripts"))
    import real_sample

    gold_set, _, part = name.partition("-")
    if gold_set == "conflicts":
        findings = GOLD / f"conflicts.{part}.json"
        judged = json.loads(findings.read_text(encoding="utf-8"))
        ids = {c["doc"] for items in judged.values() for item in items for c in item["claims"]}
        for file_name, body in real_sample.raw_files(ids):
            (folder / file_name).write_text(body, encoding="utf-8")
        return {"conflicts": findings}
    chosen = json.loads((GOLD / "selection.json").read_text(encoding="utf-8"))
    if gold_set not in chosen or part not in chosen[gold_set]:
        raise SystemExit(f"unknown set {name!r}: see --help")
    for file_name, body in real_sample.raw_files(set(chosen[gold_set][part])):
        (folder / file_name).write_text(body, encoding="utf-8")
    return {kind: GOLD / pattern.format(part=part) for kind, pattern in KINDS[gold_set].items()}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "communique", *args], capture_output=True, text=True, check=False
    )


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")]
    if len(names) != 1 or "-h" in argv or "--help" in argv:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory(prefix="communique-eval-") as tmp:
        folder = Path(tmp) / "raw"
        folder.mkdir()
        golds = _materialise(names[0], folder)
        db = f"sqlite:///{tmp}/eval.db"
        done = _cli("ingest", str(folder), "--db", db, "-q")
        if done.returncode not in (0, 1):
            print(done.stdout, done.stderr, file=sys.stderr)
            return 1
        for kind, gold in golds.items():
            if not gold.exists():
                print(f"{kind}: no gold yet ({gold.relative_to(ROOT.parent)})")
                continue
            out = Path(tmp) / f"{kind}.jsonl"
            export = _cli("export", kind, "--format", "jsonl", "--db", db, "--output", str(out))
            if export.returncode != 0:
                print(f"{kind}: export failed: {export.stderr.strip()[-300:]}")
                continue
            scored = subprocess.run(
                [sys.executable, str(SCORER), kind, str(out), str(gold), "--json"],
                capture_output=True,
                text=True,
                check=True,
            )
            result = json.loads(scored.stdout)
            flat = {k: v for k, v in result.items() if not isinstance(v, list | dict)}
            print(f"{kind}: " + ", ".join(f"{k}={v}" for k, v in flat.items()))
            if verbose:
                for key, value in result.items():
                    if isinstance(value, list) and value:
                        print(f"  {key}:")
                        for item in value:
                            print(f"    - {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
