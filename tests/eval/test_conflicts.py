"""Conflicts end to end on the example corpus: ingest into a fresh ledger, export, and score
with the shared scorer against the seeds' findings."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import communique
from communique.present.export import conflict_record

HERE = Path(__file__).parent
ROOT = HERE.parent.parent


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("communique_vendored_score", HERE / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.xdist_group("eval_conflicts")
def test_conflicts_seeds_all_found_and_no_consistent_pair_flagged(tmp_path: Path) -> None:
    db = tmp_path / "seeds.db"
    communique.ingest([str(ROOT / "examples" / "corpus")], db=str(db))
    out = tmp_path / "conflicts.jsonl"
    with communique.open_ledger(str(db)) as ledger:
        records = [conflict_record(c) for c in ledger.conflicts()]
    out.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result: dict[str, Any] = _scorer().score_conflicts(str(out), str(HERE / "seeds.findings.json"))
    assert result["found"] == result["expected"], result["missed"]
    assert result["consistent_pairs_flagged"] == 0, result["wrongly_flagged"]
