"""`communique export agreements|commitments`: the contract fields in every format."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.store.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "corpus" / "004_a3d02d84b487bf39.txt"
runner = CliRunner()
FIELDS = {
    "agreements": {"source", "speaker", "name", "kind", "parties", "status", "date", "start"},
    "commitments": {"source", "speaker", "actor", "quote", "action", "due", "kind", "end"},
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("entries") / "x.db")
    result = runner.invoke(app, ["ingest", str(EXAMPLE), "--db", path, "-q"])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("kind", ["agreements", "commitments"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_entries_in_every_format(db: str, tmp_path: Path, kind: str, fmt: str) -> None:
    out = tmp_path / f"{kind}.{fmt}"
    result = runner.invoke(app, ["export", kind, "--format", fmt, "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    elif fmt == "csv":
        with out.open(encoding="utf-8") as fh:
            records = list(csv.DictReader(fh))
    else:
        import pyarrow.parquet as pq

        records = pq.read_table(out).to_pylist()
    assert len(records) > 3
    assert FIELDS[kind] <= set(records[0])
    if fmt == "jsonl":  # offsets point at the quote in the normalised text
        with Ledger.open(db) as ledger:
            doc = ledger.document(str(EXAMPLE))
        assert doc is not None
        assert all(doc.text[r["start"] : r["end"]] == r["quote"] for r in records)
