"""Commands import only what they need: listing the commands, exporting, searching and listing
runs never load spaCy, the web stack or pandas/pyarrow (each costs a second or more of start-up
that an analyst would wait for)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import communique

HEAVY = ("spacy", "thinc", "fastapi", "starlette", "uvicorn", "jinja2", "pandas", "pyarrow")
# Run the CLI as `communique` does, then report which of HEAVY (and the pipeline) got imported.
PROBE = """
import json, sys
from communique.cli import main
try:
    main()
except SystemExit:
    pass
watched = {watched!r}
json.dump(sorted(m for m in watched if m in sys.modules), sys.stderr)
"""


def _imported(args: list[str], cwd: Path, watched: tuple[str, ...]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(watched=watched), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "", "COLUMNS": "200"},
    )
    found: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return found


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("startup")
    statement = folder / "statement.txt"
    statement.write_text(
        "Vladimir Putin: Our trade grew by 5 percent in 2021, to $25.6 billion.\n",
        encoding="utf-8",
    )
    db = folder / "ledger.db"
    communique.ingest([str(statement)], db=str(db), workers=1)
    return db


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["ingest", "--help"],
        ["export", "claims"],
        ["export", "documents", "--format", "csv"],
        ["search", "trade"],
        ["runs"],
        ["runs", "--json"],
        ["settings"],
    ],
)
def test_startup_light_commands_do_not_import_spacy_or_the_web_stack(
    args: list[str], ledger_file: Path
) -> None:
    opened = [*args, "--db", str(ledger_file)] if args[0] in ("export", "search", "runs") else args
    # Exports print figures with the extractor's interval rules (their one home is extract/),
    # so `export` may load extract's light modules, never spaCy or the pipeline.
    light = ("communique.extract",) if args[0] != "export" else ()
    watched = (*HEAVY, "communique.pipeline", *light, "alembic")
    assert _imported(opened, ledger_file.parent, watched) == []


def test_startup_ingest_imports_the_pipeline_when_it_runs(ledger_file: Path) -> None:
    """The probe sees imports: ingesting does load the pipeline (so the test above can fail)."""
    statement = ledger_file.parent / "statement.txt"
    args = ["ingest", str(statement), "--db", str(ledger_file.parent / "other.db"), "-q"]
    found = _imported(args, ledger_file.parent, ("communique.pipeline", "spacy"))
    assert found == ["communique.pipeline", "spacy"]
