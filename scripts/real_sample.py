"""Pick the real statements we annotate ourselves, and write them out as users get them.

The archives in ../shared/corpus/real/ stay there (never copied into this repository): this
script chooses documents by a fixed hash of their ids, stratified by archive and kind, and
writes each one's `raw` (kremlin.ru .txt, White House .md; UN text .txt) into a folder outside
the checkout, so that annotators and tests read exactly the files a user would have.

    python scripts/real_sample.py list                 # the chosen ids, per gold set and part
    python scripts/real_sample.py write OUT_DIR [SET]  # the files of one set (or all) into OUT_DIR

The choice is recorded in tests/eval/real/selection.json; `list` recomputes it and `check`
says whether the file still matches, so a change to the rule is noticed.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus" / "real"
SELECTION = ROOT / "tests" / "eval" / "real" / "selection.json"
SALT = "communique-gold-2026-12"
EXTENSION = {"kremlin": ".txt", "wh": ".md", "ungdc": ".txt"}
ARCHIVES = {"kremlin": "kremlin.jsonl", "wh": "whitehouse.jsonl", "ungdc": "ungdc.jsonl"}

# Kinds of statement by how their titles open; the first pattern that matches wins.
KINDS: dict[str, list[tuple[str, str]]] = {
    "kremlin": [
        ("call", r"^Telephone conversation"),
        ("greeting", r"^(Greetings|Congratulations|Condolences|Birthday|Easter)"),
        ("announcement", r"^On [A-Z][a-z]+ \d"),
        ("talks", r"(talks|Press statements|press conference|News conference|Statements by)"),
        ("meeting", r"^(Meeting|Working meeting|Expanded meeting|Conversation)"),
        ("other", r""),
    ],
    "wh": [
        ("factsheet", r"^(FACT SHEET|Fact Sheet|STATE FACT)"),
        ("readout", r"^Readout"),
        ("joint", r"^(Joint Statement|.*Joint Statement|G7 Leaders)"),
        ("briefing", r"(Press Briefing|Press Gaggle|Background Press|Press Call|On-the-Record)"),
        ("remarks", r"^Remarks"),
        ("statement", r"^Statement"),
        ("message", r"^(Presidential Message|Letter|Message)"),
        ("other", r""),
    ],
    "ungdc": [("speech", r"")],
}

# How many of each kind every gold set takes (sets choose in this order: statements after talks
# are few, and agreements need them most), and how many of those are kept aside (scored
# only at the end). Lengths are capped so that a person can annotate a document whole.
SETS: dict[str, dict[str, object]] = {
    "entries": {  # agreements and commitments
        "max_chars": 30_000,
        "take": {
            "kremlin": {"talks": 3, "announcement": 1, "call": 2},
            "wh": {"readout": 3, "joint": 3, "factsheet": 3},
        },
        "aside": 5,
    },
    "claims": {
        "max_chars": 16_000,
        "min_numbers": 15,
        "take": {
            "kremlin": {"talks": 2, "meeting": 5, "other": 2},
            "wh": {
                "factsheet": 3,
                "remarks": 3,
                "briefing": 1,
                "statement": 2,
                "readout": 1,
                "joint": 1,
            },
            "ungdc": {"speech": 6},
        },
        "aside": 10,
    },
    "documents": {
        "max_chars": 40_000,
        "take": {
            "kremlin": {
                "call": 4,
                "greeting": 3,
                "announcement": 1,
                "talks": 3,
                "meeting": 6,
                "other": 3,
            },
            "wh": {
                "factsheet": 3,
                "readout": 4,
                "joint": 2,
                "briefing": 5,
                "remarks": 7,
                "statement": 4,
                "message": 3,
                "other": 2,
            },
            "ungdc": {"speech": 10},
        },
        "aside": 15,
    },
}


def _rank(ident: str, salt: str = SALT) -> str:
    return hashlib.sha1(f"{salt}:{ident}".encode()).hexdigest()


def _records(archive: str) -> list[dict[str, object]]:
    with open(SHARED / ARCHIVES[archive], encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def kind_of(archive: str, title: str) -> str:
    for kind, pattern in KINDS[archive]:
        if re.search(pattern, title or ""):
            return kind
    return "other"


def _shared_gold() -> set[str]:
    return {p.stem for p in (SHARED / "gold").iterdir()} if (SHARED / "gold").is_dir() else set()


def _pulse() -> set[str]:
    """The 60 documents the before-stop check reads (its own hash): kept out of our gold."""
    out: set[str] = set()
    for archive, n in (("kremlin", 20), ("wh", 30), ("ungdc", 10)):
        rows = sorted(_records(archive), key=lambda r: _rank(str(r["id"]), "pulse"))
        out.update(str(r["id"]) for r in rows[:n])
    return out


def _fits(record: dict[str, object], spec: dict[str, object]) -> bool:
    body = str(record.get("raw") or record["text"])
    numbers = len(re.findall(r"\d+(?:[.,]\d+)*", body))
    return len(body) <= int(spec["max_chars"]) and numbers >= int(spec.get("min_numbers", 0))  # type: ignore[call-overload]


def choose() -> dict[str, dict[str, list[str]]]:
    """{set: {"dev": [...], "aside": [...]}}; no document is in two sets."""
    taken = _shared_gold() | _pulse()
    chosen: dict[str, dict[str, list[str]]] = {}
    for name, spec in SETS.items():
        picked: list[str] = []
        for archive, kinds in spec["take"].items():  # type: ignore[attr-defined]
            rows = sorted(_records(archive), key=lambda r: _rank(str(r["id"])))
            fits = [r for r in rows if str(r["id"]) not in taken and _fits(r, spec)]
            short = 0
            for kind, n in kinds.items():
                of_kind = [r for r in fits if kind_of(archive, str(r["title"])) == kind][:n]
                short += n - len(of_kind)
                picked.extend(str(r["id"]) for r in of_kind)
                taken.update(str(r["id"]) for r in of_kind)
            # A kind with too few fitting documents leaves its places to the archive's others.
            rest = [str(r["id"]) for r in fits if str(r["id"]) not in taken][:short]
            picked.extend(rest)
            taken.update(rest)
        ordered = sorted(picked, key=lambda i: _rank(i, SALT + ":aside"))
        aside = sorted(ordered[: int(spec["aside"])])  # type: ignore[call-overload]
        chosen[name] = {"dev": sorted(set(picked) - set(aside)), "aside": aside}
    return chosen


def raw_files(ids: set[str]) -> Iterator[tuple[str, str]]:
    """(file name, raw text) of each chosen document, as a user gets it."""
    for archive in ARCHIVES:
        for r in _records(archive):
            if r["id"] in ids:
                yield f"{r['id']}{EXTENSION[archive]}", str(r.get("raw") or r["text"])


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"list", "write", "check"}:
        print(__doc__)
        return 2
    chosen = choose()
    if argv[0] == "list":
        print(json.dumps(chosen, indent=1))
        return 0
    if argv[0] == "check":
        saved = json.loads(SELECTION.read_text(encoding="utf-8"))
        same = saved == chosen
        print("selection.json matches the rule" if same else "selection.json differs from the rule")
        return 0 if same else 1
    out = Path(argv[1])
    if out.resolve().is_relative_to(ROOT):
        print("refusing to write the archives' documents into the repository", file=sys.stderr)
        return 2
    names = argv[2:] or list(chosen)
    ids = {i for n in names for part in chosen[n].values() for i in part}
    out.mkdir(parents=True, exist_ok=True)
    for name, body in raw_files(ids):
        (out / name).write_text(body, encoding="utf-8")
    print(f"{len(ids)} documents written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
