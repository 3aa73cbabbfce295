"""Conflicts on a whole archive: ingest it into one ledger, list what is flagged for judging by
hand, and score the flagged conflicts against the judgements kept in tests/eval/real/.

    python scripts/conflicts_archive.py ingest DB            # all of ../shared/corpus/real/*.jsonl
    python scripts/conflicts_archive.py list DB [--all]      # flagged literal/pragmatic conflicts
                                                             # not yet judged (--all: every one)
    python scripts/conflicts_archive.py score DB             # per 100 documents, and precision

Judgements live in tests/eval/real/conflicts.archive.json, in the format of conflicts.dev.json:
`conflicts` (real contradictions: must be flagged) and `consistent` (look-alikes: must not be),
each with its claims by document id, value and quote. A flagged conflict is judged when it
covers the claims of one judged item (the shared scorer's rule: same document, value within
0.5%). Documents kept aside for the final scoring are left out of what is listed and scored:
their ids are read from the aside parts only to skip them, never shown.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
GOLD = ROOT / "tests" / "eval" / "real"
JUDGED = GOLD / "conflicts.archive.json"
SHOWN = ("literal", "pragmatic")


def _aside() -> set[str]:
    """Ids of every document kept aside (read to skip them, never printed)."""
    ids: set[str] = set()
    selection = json.loads((GOLD / "selection.json").read_text(encoding="utf-8"))
    for parts in selection.values():
        ids |= set(parts.get("aside", []))
    aside = GOLD / "conflicts.aside.json"
    if aside.exists():
        judged = json.loads(aside.read_text(encoding="utf-8"))
        ids |= {c["doc"] for items in judged.values() for item in items for c in item["claims"]}
    return ids


def _doc(source: str | None) -> str:
    return (source or "").rpartition("#")[2] or Path(source or "").stem


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def _covers(claims: list[tuple[str, float]], refs: list[dict[str, Any]]) -> bool:
    pool = list(claims)
    for ref in refs:
        hit = next((m for m in pool if m[0] == ref["doc"] and _close(m[1], ref["value"])), None)
        if hit is None:
            return False
        pool.remove(hit)
    return True


def _judgements() -> dict[str, list[dict[str, Any]]]:
    if not JUDGED.exists():
        return {"conflicts": [], "consistent": []}
    return json.loads(JUDGED.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _verdict(members: list[tuple[str, float]], judged: dict[str, list[dict[str, Any]]]) -> str:
    if any(_covers(members, item["claims"]) for item in judged.get("conflicts", [])):
        return "real"
    if any(_covers(members, item["claims"]) for item in judged.get("consistent", [])):
        return "not"
    return ""


def _flagged(db: str) -> tuple[int, list[Any]]:
    sys.path.insert(0, str(ROOT / "src"))
    from communique.store.ledger import Ledger

    aside = _aside()
    with Ledger.open(db) as ledger:
        documents = [d for d in ledger.documents() if _doc(d.source) not in aside]
        conflicts = [
            c
            for c in ledger.conflicts()
            if c.kind.value in SHOWN and not any(_doc(m.source) in aside for m in c.claims)
        ]
    return len(documents), conflicts


def _context(ledger: Any, claim: Any, cache: dict[str, str]) -> str:
    source = claim.source or ""
    if source not in cache:
        doc = ledger.document(source)
        cache[source] = doc.text if doc else ""
    text = cache[source]
    span = claim.sentence or claim.span
    start, end = max(0, span.start - 150), min(len(text), span.end + 150)
    return " ".join(text[start:end].split())


def list_flagged(db: str, *, everything: bool) -> None:
    from communique.store.ledger import Ledger

    _, conflicts = _flagged(db)
    judged = _judgements()
    cache: dict[str, str] = {}
    with Ledger.open(db) as ledger:
        for c in conflicts:
            members = [(_doc(m.source), float(m.value)) for m in c.claims]
            verdict = _verdict(members, judged)
            if verdict and not everything:
                continue
            when = (
                c.period.start.isoformat() + ".." + c.period.end.isoformat()
                if c.period
                else c.as_of
            )
            print(f"#{c.id} {c.kind.value} {c.confidence:.2f} {c.metric} {when} {verdict}")
            print(f"   {c.explanation}")
            for m in c.claims:
                print(
                    f"   - {_doc(m.source)} {m.document_date} {m.speaker or '-'} | {m.quote!r} "
                    f"= {m.value} {m.unit} | ind={m.indicator!r} scope={m.scope!r} "
                    f"time={m.time_source} enum={m.enumeration}"
                )
                print(f"     … {_context(ledger, m, cache)} …")
            print()


def score(db: str) -> None:
    documents, conflicts = _flagged(db)
    judged = _judgements()
    verdicts = [
        _verdict([(_doc(m.source), float(m.value)) for m in c.claims], judged) for c in conflicts
    ]
    real, wrong = verdicts.count("real"), verdicts.count("not")
    missed = [
        item["why"]
        for item in judged.get("conflicts", [])
        if not any(
            _covers([(_doc(m.source), float(m.value)) for m in c.claims], item["claims"])
            for c in conflicts
        )
    ]
    print(
        f"documents={documents} flagged={len(conflicts)} "
        f"per_100_documents={100 * len(conflicts) / max(1, documents):.2f} "
        f"judged={real + wrong} real={real} not={wrong} "
        f"precision={real / max(1, real + wrong):.3f} unjudged={verdicts.count('')} "
        f"must_find={len(judged.get('conflicts', []))} missed={len(missed)}"
    )
    for why in missed:
        print(f"  missed: {why}")


def ingest(db: str) -> int:
    files = sorted(str(p) for p in REAL.glob("*.jsonl"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "communique",
            "ingest",
            *files,
            "--db",
            db,
            "-q",
            "--max-bytes",
            str(200 * 1024 * 1024),
        ],
        check=False,
    )
    return done.returncode


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("ingest", "list", "score"):
        print(__doc__)
        return 2
    command, db = argv[0], argv[1]
    if command == "ingest":
        return ingest(db)
    if command == "list":
        list_flagged(db, everything="--all" in argv)
    else:
        score(db)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
