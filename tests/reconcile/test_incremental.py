"""reconcile_pending: only what new documents touched, with the result of a full reconcile."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import communique
from communique.models import Conflict
from communique.pipeline import STAGES, process_document
from communique.present.export import conflict_record
from communique.read import read_documents
from communique.reconcile import reconcile, reconcile_pending
from communique.store.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]
STATEMENTS = sorted((ROOT / "tests" / "statements").glob("*/*.txt"))
EXAMPLES = sorted((ROOT / "examples" / "corpus").glob("*.txt"))


def _conflicts(ledger: Ledger) -> list[str]:
    """Conflicts as records without their ids, sorted: the set a reconcile decided."""

    def strip(record: Any) -> Any:
        if isinstance(record, dict):
            return {k: strip(v) for k, v in record.items() if k != "id"}
        if isinstance(record, list):
            return [strip(v) for v in record]
        return record

    found: list[Conflict] = ledger.conflicts()
    return sorted(json.dumps(strip(conflict_record(c)), sort_keys=True) for c in found)


def test_incremental_ingests_decide_the_conflicts_a_full_reconcile_decides(
    ledger_url: str, tmp_path: Path
) -> None:
    files = EXAMPLES + STATEMENTS
    with Ledger.open(ledger_url) as ledger:
        for part in (files[:2], files[2:9], files[9:]):  # three runs, each reconciling its own
            communique.ingest([str(p) for p in part], ledger=ledger)
        # one statement changes: its old claims go, their metrics are re-checked
        changed = tmp_path / EXAMPLES[0].name
        text = EXAMPLES[0].read_text(encoding="utf-8").replace("billion", "million")
        changed.write_text(text, encoding="utf-8")
        replaced = communique.ingest([str(changed)], ledger=ledger)
        assert replaced.new == 1
        incremental = _conflicts(ledger)
        assert incremental
        reconcile(ledger)
        assert _conflicts(ledger) == incremental
        assert ledger.pending().claims == () and not ledger.pending().stale


def test_incremental_reconcile_looks_only_at_the_new_documents_metrics(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    communique.ingest([str(p) for p in STATEMENTS], db=db)
    with Ledger.open(db) as ledger:
        assert ledger.pending().claims == ()  # the ingest reconciled what it stored
        [raw] = list(read_documents([str(EXAMPLES[2])]))
        assert not isinstance(raw, Exception)
        ledger.add_document(process_document(raw), stages=STAGES)
        summary = reconcile_pending(ledger)
        new = ledger.document(str(EXAMPLES[2]))
        assert new is not None
        touched = {c.metric for c in new.claims if c.metric}
        assert summary.metrics == len(touched) > 0
        assert summary.metrics < len({c.metric for c in ledger.claims() if c.metric})
        assert reconcile_pending(ledger).metrics == 0  # nothing new: nothing re-checked


def test_run_killed_before_its_reconcile_leaves_its_documents_pending(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    with Ledger.open(db) as ledger:
        for raw in read_documents([str(p) for p in EXAMPLES]):
            assert not isinstance(raw, Exception)
            ledger.add_document(process_document(raw), stages=STAGES)  # stored, never reconciled
        pending = ledger.pending()
        assert len(pending.claims) == ledger.count()["claims"] > 0
        assert ledger.count()["conflicts"] == 0
        summary = reconcile_pending(ledger)
        assert summary.conflicts == ledger.count()["conflicts"] > 0
        assert ledger.pending().claims == ()
